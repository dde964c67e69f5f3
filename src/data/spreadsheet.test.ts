import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import readExcelFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import writeExcelFile, { type Row } from 'write-excel-file/universal';
import {
  dongDuForm,
  EXPECTED_REPORTS,
  giaLamForms,
  ninhHiepForms,
  REPORT_FILES,
} from '../../tests/support/report-fixtures.ts';
import { reportWorkbook } from '../../tests/support/report-xlsx.ts';
import { datasetJsonText } from '../domain/dataset-json-text.ts';
import type { Dataset } from '../domain/schema.ts';
import { parseCsv } from '../domain/spreadsheet/csv-text.ts';
import { describeSheetError } from '../domain/spreadsheet/messages.ts';
import type { ConvertResult } from '../domain/spreadsheet/problems.ts';
import { INFO_SHEET, TABLE_SHEET, TEMPLATE_COLUMNS, templateRuleRow } from '../domain/spreadsheet/template-columns.ts';
import { parseDatasetText } from '../domain/validate.ts';
import {
  COUNT_FORMAT,
  convertSpreadsheets,
  decodeText,
  readSpreadsheet,
  writeDatasetTable,
  writeTemplate,
} from './spreadsheet.ts';

const LABELS = TEMPLATE_COLUMNS.map((c) => c.label.vi);
const FIXTURES = new URL('../../tests/fixtures/spreadsheets/', import.meta.url);

function sample(name: string): Dataset {
  const result = parseDatasetText(readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${name} does not load`);
  return result.dataset;
}

function loaded(result: ConvertResult): Extract<ConvertResult, { ok: true }> {
  if (!result.ok) throw new Error(result.errors.map((e) => describeSheetError(e, 'en')).join('\n'));
  return result;
}

function refused(result: ConvertResult): string[] {
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors.map((e) => describeSheetError(e, 'vi'));
}

async function sheetsOf(bytes: Uint8Array) {
  return readExcelFile(bytes.slice().buffer as ArrayBuffer);
}

/** The files inside an .xlsx (a zip archive), enough to look at the styles the writer chose. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const files = new Map<string, string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extraLength;
    const data = bytes.subarray(start, start + size);
    files.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    at = start + size;
  }
  return files;
}

describe('the template', () => {
  it('is a workbook with the table (headers, rules, an example row in whole-number formats) and "Thông tin"', async () => {
    const bytes = await writeTemplate('xlsx');
    const sheets = await sheetsOf(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual([TABLE_SHEET, INFO_SHEET]);
    const [header, rules, example] = sheets[0]?.data ?? [];
    expect(header).toEqual(LABELS);
    expect(rules).toEqual(templateRuleRow());
    expect(example?.[TEMPLATE_COLUMNS.findIndex((c) => c.key === 'received')]).toBe(1000);
    expect(example?.[TEMPLATE_COLUMNS.findIndex((c) => c.key === 'fieldName')]).toBe('Đất đai');
    expect(sheets[1]?.data.map((r) => r[0])).toEqual(
      expect.arrayContaining(['Tiêu đề', 'Nguồn số liệu', 'Chỉ tiêu tỷ lệ đúng hạn', 'Số liệu khác']),
    );
    expect(unzip(bytes).get('xl/styles.xml')).toContain(`formatCode="${COUNT_FORMAT}"`);
  });

  it('reads back: its example row is a valid dataset by field, with the rules row skipped', async () => {
    const result = loaded(await readSpreadsheet(await writeTemplate('xlsx'), 'mau.xlsx'));
    expect(result.dataset.title).toBe('Huyện Mẫu – kết quả giải quyết thủ tục hành chính');
    expect(result.dataset.units).toEqual([{ id: 'huyen-mau', name: 'Huyện Mẫu', level: 'district' }]);
    expect(result.dataset.records).toEqual([expect.objectContaining({ fieldId: 'dat-dai', receivedOnline: 350 })]);
    expect(result.dataset.targets).toEqual({ onTimeRate: 0.95, onlineRate: 0.5 });
    expect(result.warnings).toEqual([]);
    expect(result.notes.map((n) => n.code)).toEqual(['rule_row_skipped', 'example_row']);
  });

  it('as CSV: the table alone, `;`-separated with a byte-order mark, and it reads back', async () => {
    const bytes = await writeTemplate('csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((decodeText(bytes) ?? '').split('\r\n')[0]).toBe(LABELS.join(';'));
    const result = loaded(await readSpreadsheet(bytes, 'mau.csv'));
    expect(result.dataset.title).toBe('mau');
    expect(result.dataset.records[0]).toMatchObject({ unitId: 'huyen-mau', month: '2022-04', feesVnd: 12_500_000 });
  });
});

/** What staff filled in: the same figures in the workbook and in the CSV fixture beside it. */
const EXPECTED: Pick<Dataset, 'units' | 'records'> = {
  units: [
    { id: 'huyen-thu', name: 'Huyện Thử', level: 'district' },
    { id: 'xa-dong-du', name: 'Xã Đông Dư', level: 'commune', parentId: 'huyen-thu', code: '00568' },
    { id: 'tt-trau-quy', name: 'Thị trấn Trâu Quỳ', level: 'commune', parentId: 'huyen-thu', code: '00565' },
  ],
  records: [
    ['huyen-thu', '2022-03', 100, 1234, 200, 1000, 300, 900, 4, 0, 130, 0, 12_500_000, 12, 8, 1],
    ['xa-dong-du', '2022-03', 10, 250, 50, 150, 60, 180, 2, null, 18, 0, 1_250_000, null, null, null],
    ['tt-trau-quy', '2022-03', 0, 400, 100, 250, 100, 280, 0, null, 20, 0, 2_000_000, null, null, null],
    ['huyen-thu', '2022-04', 130, 1500, 300, 1100, 400, 1050, 10, 5, 160, 5, 15_000_000, 20, null, null],
    ['xa-dong-du', '2022-04', 18, 300, 60, 200, 70, 220, 3, 1, 22, 2, 1_500_000, null, null, null],
    ['tt-trau-quy', '2022-04', 20, 420, 100, 280, 110, 300, 5, null, 25, 0, 2_100_000, null, null, null],
  ].map(([unitId, month, ...counts]) => {
    // The fixture's columns: the version-1 template's counts, in order.
    const fields = TEMPLATE_COLUMNS.filter((c) => c.kind === 'count' && c.key !== 'receivedOnline').map((c) => c.key);
    const record: Record<string, unknown> = { unitId, month };
    fields.forEach((f, i) => {
      if (counts[i] !== null) record[f] = counts[i];
    });
    return record as unknown as Dataset['records'][number];
  }),
};

/** A workbook filled as staff do: text numbers with dots, `T4/2022`, a date cell; the fixture's columns. */
async function staffWorkbook(): Promise<Uint8Array> {
  const csvRows = parseCsv(readFileSync(new URL('huyen-thu-2022.csv', FIXTURES), 'utf8'));
  const [header = [], rules = [], ...rows] = csvRows;
  const cells = (r: string[], i: number): Row =>
    r.map((v, c) => {
      if (v === '') return null;
      // Some months typed as text, one as a real date cell; some counts typed as numbers, the rest as text.
      if (c === 5 && i === 3) return { value: new Date(Date.UTC(2022, 3, 1)), type: Date, format: 'mm/yyyy' };
      if (c === 5) return v.replace(/^Tháng /, 'T');
      if (c >= 6 && c <= 19 && i % 2 === 0) return { value: Number(v.replace(/\./g, '')), format: COUNT_FORMAT };
      return v;
    });
  const blob = await writeExcelFile([
    {
      sheet: TABLE_SHEET,
      data: [header, rules, ...rows.filter((r) => r.some((v) => v !== '')).map(cells)],
    },
    {
      sheet: INFO_SHEET,
      data: [
        ['Mục', 'Giá trị', 'Đơn vị tính', 'Ghi chú'],
        ['Tiêu đề', 'Huyện Thử – TTHC quý I và tháng 4/2022'],
        ['Nguồn số liệu', 'Báo cáo số 15/BC-UBND'],
        ['Ngày cập nhật', { value: new Date(Date.UTC(2022, 4, 5)), type: Date, format: 'dd/mm/yyyy' }],
        ['Chỉ tiêu tỷ lệ đúng hạn', { value: 0.95, format: '0%' }],
        ['Số liệu khác'],
        ['Thủ tục hành chính đang áp dụng', 380, 'thủ tục'],
      ],
    },
  ]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

describe('a spreadsheet filled in by staff', () => {
  it('converts the workbook to the expected dataset', async () => {
    const result = loaded(await readSpreadsheet(await staffWorkbook(), 'huyen-thu-2022.xlsx'));
    expect(result.dataset).toEqual({
      $schema: './schema.json',
      schemaVersion: 2,
      title: 'Huyện Thử – TTHC quý I và tháng 4/2022',
      source: 'Báo cáo số 15/BC-UBND',
      updatedAt: '2022-05-05',
      targets: { onTimeRate: 0.95 },
      facts: [{ label: 'Thủ tục hành chính đang áp dụng', value: 380, unit: 'thủ tục' }],
      ...EXPECTED,
    });
    expect(result.warnings).toEqual([]);
    expect(result.notes.map((n) => n.code)).toEqual(['ignored_column', 'rule_row_skipped']);
  });

  it('converts the `;` CSV saved beside it to the same units and records', async () => {
    const bytes = readFileSync(new URL('huyen-thu-2022.csv', FIXTURES));
    const result = loaded(await readSpreadsheet(bytes, 'huyen-thu-2022.csv'));
    expect(result.dataset).toEqual({
      $schema: './schema.json',
      schemaVersion: 2,
      title: 'huyen-thu-2022',
      ...EXPECTED,
    });
    const written = parseDatasetText(datasetJsonText(result.dataset));
    expect(written.ok && written.dataset).toEqual(result.dataset);
  });

  it('places a mistake in the workbook on its file, sheet, row and column', async () => {
    const blob = await writeExcelFile([
      {
        sheet: 'Báo cáo',
        data: [['BÁO CÁO THÁNG 4'], LABELS, ['x', 'Xã X', 'xã', null, null, 'T4/2022', null, null, '1.234,5']],
      },
    ]).toBlob();
    const result = await readSpreadsheet(await blob.arrayBuffer(), 'bao-cao.xlsx');
    expect(refused(result)[0]).toBe(
      "Tệp bao-cao.xlsx, sheet Báo cáo, dòng 3, cột Kỳ trước chuyển sang: phải là số nguyên không âm, đang là '1.234,5'",
    );
  });
});

describe('the round trip of the samples', () => {
  it('gives the Gia Lâm sample (by field, levels 3 and 4, fees) back from .xlsx, facts and targets included', async () => {
    const dataset = sample('gia-lam.json');
    const bytes = await writeDatasetTable(dataset, 'xlsx');
    const result = loaded(await readSpreadsheet(bytes, 'gia-lam.xlsx'));
    expect(result.dataset).toEqual(dataset);
    expect(result.warnings).toHaveLength(0);
    expect((await sheetsOf(bytes))[0]?.data).toHaveLength(dataset.records.length + 1);
  });

  it('gives the commune sample (online totals only, fees not always reported) back from CSV', async () => {
    const dataset = sample('xa-minh-hoa.json');
    const result = loaded(await readSpreadsheet(await writeDatasetTable(dataset, 'csv'), 'xa-minh-hoa.csv'));
    expect(result.dataset.units).toEqual(dataset.units);
    expect(result.dataset.fields).toEqual(dataset.fields);
    expect(result.dataset.records).toEqual(dataset.records);
    expect(result.dataset.title).toBe('xa-minh-hoa');
  });

  it('keeps text a spreadsheet would run as a formula inert in CSV, and reads it back as written', async () => {
    const dataset = sample('xa-minh-hoa.json');
    const unit = dataset.units[0];
    if (!unit) throw new Error('no unit');
    const renamed: Dataset = { ...dataset, units: [{ ...unit, name: '=HYPERLINK("x")' }] };
    const bytes = await writeDatasetTable(renamed, 'csv');
    expect(decodeText(bytes)).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(loaded(await readSpreadsheet(bytes, 'a.csv')).dataset.units[0]?.name).toBe('=HYPERLINK("x")');
  });
});

describe('official monthly reports as .xlsx, with merged header cells', () => {
  it('converts four files of two systems, three units and two months, into the expected dataset', async () => {
    const [giaLam, ninhHiep, dongDu4, dongDu5] = REPORT_FILES;
    const files = [
      { name: giaLam, bytes: await reportWorkbook(giaLamForms()) },
      { name: ninhHiep, bytes: await reportWorkbook(ninhHiepForms()) },
      { name: dongDu4, bytes: await reportWorkbook([dongDuForm(4)]) },
      { name: dongDu5, bytes: await reportWorkbook([dongDuForm(5)]) },
    ];
    const result = loaded(await convertSpreadsheets(files));
    expect(result.dataset).toMatchObject(EXPECTED_REPORTS);
    expect(result.dataset.records).toEqual(EXPECTED_REPORTS.records);
    expect(result.warnings).toEqual([]);
  });

  it('reads an .xlsx units file beside them, and refuses a file that cannot be read with its name', async () => {
    const units = await writeExcelFile([
      ['Tên đơn vị', 'Mã đơn vị', 'Cấp', 'Mã đơn vị cấp trên'],
      ['Huyện Gia Lâm', 'gia-lam', 'huyện', null],
      ['Xã Đông Dư', '00568', 'xã', 'gia-lam'],
    ]).toBlob();
    const good = await convertSpreadsheets([{ name: 'dd.xlsx', bytes: await reportWorkbook([dongDuForm(4)]) }], {
      units: { name: 'don-vi.xlsx', bytes: new Uint8Array(await units.arrayBuffer()) },
    });
    expect(loaded(good).dataset.units.map((u) => u.id)).toEqual(['gia-lam', '00568']);
    const bad = await convertSpreadsheets([
      { name: 'dd.xlsx', bytes: await reportWorkbook([dongDuForm(4)]) },
      { name: 'cu.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) },
    ]);
    expect(refused(bad)).toEqual([
      'Tệp cu.xls: tệp Excel 97–2003 (.xls) hoặc tệp có mật khẩu chưa đọc được; hãy lưu lại dạng .xlsx hoặc CSV UTF-8',
    ]);
  });
});

describe('text encodings and files that are not spreadsheets', () => {
  it('reads UTF-8 with or without a mark and UTF-16 with one; refuses other encodings', async () => {
    const header = LABELS.map((l) => (l.includes(',') ? `"${l}"` : l)).join(',');
    const text = `${header}\r\nd,Huyện Thử,huyện,,,2022-01,,,0,1,,0,0,0,1,0,,0,0,0,,,\r\n`;
    const utf8 = new TextEncoder().encode(text);
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
    for (let i = 0; i < text.length; i++) utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    for (const bytes of [utf8, withMark, utf16]) {
      expect(loaded(await readSpreadsheet(bytes, 'a.csv')).dataset.units[0]?.name).toBe('Huyện Thử');
    }
    // "Huyện" in Windows-1258 is not valid UTF-8.
    const legacy = new Uint8Array([...new TextEncoder().encode('Mã đơn vị;Tên\r\nd;Huy'), 0xea, 0xd2, 0x6e]);
    expect(refused(await readSpreadsheet(legacy, 'cu.csv'))).toEqual([
      'Tệp cu.csv: tệp CSV không dùng mã UTF-8; trong Excel hãy chọn lưu dạng "CSV UTF-8"',
    ]);
  });

  it('takes an ArrayBuffer or a view into a larger buffer (a Node Buffer)', async () => {
    const row = 'd;D;xã;;;1/2022;;;0;1;;0;0;0;1;0;;0;0;0;;;';
    const text = new TextEncoder().encode(`xxxx${LABELS.join(';')}\r\n${row}\r\nyyyy`);
    const view = text.subarray(4, text.length - 4);
    expect(loaded(await readSpreadsheet(view, 'a.csv')).dataset.records).toHaveLength(1);
    expect(loaded(await readSpreadsheet(view.slice().buffer, 'a.csv')).dataset.records).toHaveLength(1);
  });

  it('refuses an old .xls, a broken .xlsx and an .xlsx that is not a zip, with the file named', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(refused(await readSpreadsheet(xls, 'cu.xls'))[0]).toMatch(/^Tệp cu\.xls: tệp Excel 97–2003 \(\.xls\)/);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);
    expect(refused(await readSpreadsheet(broken, 'hong.xlsx'))[0]).toMatch(
      /^Tệp hong\.xlsx: không đọc được tệp bảng tính/,
    );
    expect(refused(await readSpreadsheet(new TextEncoder().encode('a;b'), 'x.xlsx'))[0]).toContain(
      'không đọc được tệp bảng tính',
    );
  });
});

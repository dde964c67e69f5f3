import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dongDuForm,
  EXPECTED_REPORTS,
  giaLamForms,
  ninhHiepForms,
  REPORT_FILES,
} from '../../tests/support/report-fixtures.ts';
import { systemA } from '../../tests/support/report-forms.ts';
import { reportWorkbook } from '../../tests/support/report-xlsx.ts';
import { TEMPLATE_COLUMNS } from '../domain/spreadsheet/template-columns.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { EXIT, type Io, parseArgs } from './cli-kit.ts';
import { convertCommand } from './convert-command.ts';
import { templateCommand } from './template-command.ts';
import { run as runTool } from './tthc.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tthc-spreadsheet-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const FIXTURE = fileURLToPath(new URL('../../tests/fixtures/spreadsheets/huyen-thu-2022.csv', import.meta.url));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: () => {
      throw new Error('the spreadsheet commands read bytes, not text');
    },
  };
  return { io, out, err };
}

async function run(argv: string[]) {
  const c = capture();
  const p = parseArgs(argv);
  const command = p.positional[0] === 'template' ? templateCommand : convertCommand;
  const code = await command(c.io, p);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

const at = (name: string) => join(dir, name);

/** A `;` CSV under the template's headers; each row given as cells in the template's column order. */
function csv(name: string, rows: (string | number)[][]): string {
  const header = TEMPLATE_COLUMNS.map((c) => c.label.vi);
  const text = [header, ...rows].map((r) => r.map((v) => String(v)).join(';')).join('\r\n');
  writeFileSync(at(name), `\ufeff${text}\r\n`);
  return at(name);
}

/** A row of the district in the template's columns: the unit, the month, no field, then the counts. */
const district = (month: string, ...counts: (string | number)[]) => [
  'd',
  'Huyện Thử',
  'huyện',
  '',
  '',
  month,
  '',
  '',
  ...counts,
];
// carried, received, online (total), level 3, level 4, early, on time, late, withdrawn, within, overdue, fees…
const GOOD = [5, 100, '', 10, 20, 30, 60, 5, '', 10, 0, '27.866', '', '', ''];

describe('tthc template', () => {
  it('writes the .xlsx and .csv templates and exits 0', async () => {
    const xlsx = await run(['template', '-o', at('mau.xlsx')]);
    expect(xlsx.code).toBe(EXIT.ok);
    expect(xlsx.out).toContain(`Đã ghi mẫu bảng tính ${at('mau.xlsx')}`);
    expect([...readFileSync(at('mau.xlsx')).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const csvRun = await run(['template', '--out', at('mau.csv'), '--lang', 'en']);
    expect(csvRun.code).toBe(EXIT.ok);
    expect(csvRun.out).toContain('Template written to');
    expect(readFileSync(at('mau.csv'), 'utf8')).toMatch(/^\ufeffMã đơn vị;Tên đơn vị;Cấp;/);
  });

  it('exits 2 without -o, with another extension, an extra argument, or a folder that does not exist', async () => {
    for (const argv of [
      ['template'],
      ['template', '-o', at('mau.txt')],
      ['template', 'extra', '-o', at('mau.xlsx')],
      ['template', '-o', at('no/such/folder/mau.xlsx')],
    ]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(EXIT.usage);
      expect(r.err).toContain('template -o <file.xlsx|file.csv>');
    }
  });
});

describe('tthc convert', () => {
  it('converts the template it wrote, and the filled CSV, to dataset JSON with "$schema" first', async () => {
    await run(['template', '-o', at('t.xlsx')]);
    const fromTemplate = await run(['convert', at('t.xlsx'), '-o', at('t.json')]);
    expect(fromTemplate.code).toBe(EXIT.ok);
    expect(fromTemplate.out).toContain('1 đơn vị, 1 lĩnh vực, 1 bản ghi, 0 cảnh báo');
    expect(fromTemplate.out).toContain('dòng ví dụ của mẫu');

    const filled = await run(['convert', FIXTURE, '-o', at('huyen-thu.json')]);
    expect(filled.code).toBe(EXIT.ok);
    expect(filled.err).toBe('');
    expect(filled.out).toContain('3 đơn vị, 6 bản ghi, 0 cảnh báo');
    const text = readFileSync(at('huyen-thu.json'), 'utf8');
    expect(
      text.startsWith('{\n  "$schema": "./schema.json",\n  "schemaVersion": 2,\n  "title": "huyen-thu-2022",'),
    ).toBe(true);
    const again = parseDatasetText(text);
    expect(again.ok && again.dataset.records.map((r) => r.received)).toEqual([1234, 250, 400, 1500, 300, 420]);
  });

  it('exits 0 and prints warnings with their sheet row', async () => {
    const file = csv('warn.csv', [district('2022-01', ...GOOD), district('T2/2022', 3, ...GOOD.slice(1))]);
    const r = await run(['convert', file, '-o', at('warn.json'), '--lang', 'en']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('1 units, 2 records, 2 warning(s)');
    expect(r.out).toContain('Warning: File warn.csv, row 3, column Kỳ trước chuyển sang: Huyện Thử, Feb 2022');
    expect(existsSync(at('warn.json'))).toBe(true);
  });

  it('exits 1, writes nothing, and reports each kind of mistake with sheet, row and column', async () => {
    const file = csv('bad.csv', [
      district('2022-01', ...GOOD),
      district('T2/2022', 5, '12,5', ...GOOD.slice(2)),
      district('2022-13', ...GOOD),
      ['d', 'Huyện Thử', 'thôn', '', '', '4/2022', '', '', ...GOOD],
      ['d', 'Huyện Khác', 'huyện', '', '', '5/2022', '', '', ...GOOD],
      ['', 'Xã Một', 'xã', 'd', '', '6/2022', '', '', ...GOOD],
      district('7/2022', 5, 100, '', 60, 50, ...GOOD.slice(5)),
    ]);
    const r = await run(['convert', file, '-o', at('bad.json')]);
    expect(r.code).toBe(EXIT.refused);
    expect(r.out).toBe('');
    expect(existsSync(at('bad.json'))).toBe(false);
    const lines = r.err.split('\n');
    expect(lines[0]).toBe(`${file}: bị từ chối, 6 lỗi; chưa ghi ${at('bad.json')}.`);
    expect(lines.slice(1, 7)).toEqual([
      "  Tệp bad.csv, dòng 3, cột Mới tiếp nhận: phải là số nguyên không âm, đang là '12,5'",
      "  Tệp bad.csv, dòng 4, cột Tháng: phải là một tháng, ví dụ 2022-04, 4/2022 hoặc T4/2022, đang là '2022-13'",
      "  Tệp bad.csv, dòng 5, cột Cấp: cấp phải là tỉnh, huyện hoặc xã (province, district, commune), đang là 'thôn'",
      "  Tệp bad.csv, dòng 6, cột Tên đơn vị: khác với dòng 2 của cùng đơn vị \"d\", ở đó là 'Huyện Thử', đang là 'Huyện Khác'",
      '  Tệp bad.csv, dòng 7, cột Mã đơn vị: không được để trống',
      '  Tệp bad.csv, dòng 8, cột Trực tuyến mức độ 4 (toàn trình): Trực tuyến mức độ 3 + mức độ 4 lớn hơn số mới tiếp nhận (100). (giá trị: 60 + 50)',
    ]);
  });

  it('reports in English, and caps the printed list with --max-errors', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => district(`${i + 1}/2022`, -1, ...GOOD.slice(1)));
    const file = csv('many.csv', rows);
    const r = await run(['convert', file, '-o', at('many.json'), '--lang', 'en', '--max-errors', '2']);
    expect(r.code).toBe(EXIT.refused);
    expect(r.err).toContain('refused, 5 error(s)');
    expect(r.err).toContain(
      "File many.csv, row 2, column Kỳ trước chuyển sang: must be a whole number, not negative, found '-1'",
    );
    expect(r.err).toContain('… and 3 more errors.');
  });

  it('reports a missing column at the header row of a workbook sheet', async () => {
    await run(['template', '-o', at('t2.csv')]);
    const text = readFileSync(at('t2.csv'), 'utf8').replace('Mới tiếp nhận;', 'Mới nhận;');
    writeFileSync(at('t2.csv'), text);
    const r = await run(['convert', at('t2.csv'), '-o', at('t2.json')]);
    expect(r.code).toBe(EXIT.refused);
    expect(r.err).toContain('Tệp t2.csv, dòng 1: thiếu cột bắt buộc "Mới tiếp nhận" (hoặc "received")');
    expect(r.err).toContain('Lưu ý: Tệp t2.csv, dòng 1, cột Mới nhận: cột "Mới nhận" không phải cột cần đọc');
  });

  it('exits 2 for a missing file, no input, no -o, a JSON input or a non-JSON output', async () => {
    const good = csv('ok.csv', [district('2022-01', ...GOOD)]);
    const cases: [string[], string][] = [
      [['convert', at('nope.xlsx'), '-o', at('x.json')], 'không có tệp hoặc thư mục này'],
      [['convert', '-o', at('x.json')], 'thiếu tên tệp bảng tính'],
      [['convert', good], 'cần -o <tệp>'],
      [['convert', at('a.json'), '-o', at('x.json')], 'đã là JSON; hãy dùng lệnh validate'],
      [['convert', good, '-o', at('x.csv')], 'tệp kết quả phải có đuôi .json'],
      [['convert', good, '-o', at('no/such/folder/x.json')], 'không có tệp hoặc thư mục này'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(EXIT.usage);
      expect(r.err).toContain(message);
      expect(r.err).toContain('convert <file.xlsx|file.csv …> -o <file.json>');
    }
  });
});

describe('tthc convert of the monthly reports one-stop systems export', () => {
  async function writeReports(): Promise<string[]> {
    const [giaLam, ninhHiep, dongDu4, dongDu5] = REPORT_FILES;
    const books: [string, Uint8Array][] = [
      [giaLam, await reportWorkbook(giaLamForms())],
      [ninhHiep, await reportWorkbook(ninhHiepForms())],
      [dongDu4, await reportWorkbook([dongDuForm(4)])],
      [dongDu5, await reportWorkbook([dongDuForm(5)])],
    ];
    for (const [name, bytes] of books) writeFileSync(at(name), bytes);
    return books.map(([name]) => at(name));
  }

  it('converts reports of two systems, three units and two months into one dataset, exit 0', async () => {
    const files = await writeReports();
    const r = await run(['convert', ...files, '-o', at('gia-lam-bao-cao.json')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out.split('\n')[0]).toBe(
      `4 tệp → ${at('gia-lam-bao-cao.json')}: 3 đơn vị, 4 lĩnh vực, 12 bản ghi, 0 cảnh báo.`,
    );
    expect(r.out).toContain(
      'Lưu ý: Tệp ninh-hiep-2022.xlsx, sheet T5: đọc là báo cáo của Xã Ninh Hiệp, tháng 5/2022, 2 lĩnh vực',
    );
    const written = parseDatasetText(readFileSync(at('gia-lam-bao-cao.json'), 'utf8'));
    if (!written.ok) throw new Error('the written file does not load');
    expect(written.dataset).toMatchObject(EXPECTED_REPORTS);
    expect(written.dataset.records).toEqual(EXPECTED_REPORTS.records);
  });

  it('maps the units with --units, and refuses a report that does not add up with exit 1', async () => {
    const files = await writeReports();
    writeFileSync(
      at('don-vi.csv'),
      '\ufeffTên đơn vị;Mã đơn vị;Cấp;Mã đơn vị cấp trên\r\nHuyện Gia Lâm;gia-lam;huyện;\r\nXã Ninh Hiệp;00535;xã;gia-lam\r\nXã Đông Dư;00568;xã;gia-lam\r\n',
    );
    const mapped = await run(['convert', ...files, '--units', at('don-vi.csv'), '-o', at('mapped.json')]);
    expect(mapped.code).toBe(EXIT.ok);
    const text = readFileSync(at('mapped.json'), 'utf8');
    expect(JSON.parse(text).units.map((u: { id: string }) => u.id)).toEqual(['gia-lam', '00535', '00568']);

    const broken = systemA({
      sheet: 'Tháng 11',
      authority: 'UBND XÃ AN PHÚ',
      month: 'Tháng 11 năm 2022',
      fields: [
        {
          field: 'Hộ tịch',
          carried: 7,
          online: 100,
          direct: 10,
          early: 0,
          onTime: 100,
          late: 0,
          withdrawn: 0,
          within: 17,
          overdue: 0,
        },
      ],
      edit: [[0, 'C', 120]],
    });
    writeFileSync(at('bao-cao-t11.xlsx'), await reportWorkbook([broken]));
    const r = await run(['convert', at('bao-cao-t11.xlsx'), '-o', at('t11.json'), '--lang', 'en']);
    expect(r.code).toBe(EXIT.refused);
    expect(existsSync(at('t11.json'))).toBe(false);
    expect(r.err.split('\n').slice(0, 2)).toEqual([
      `${at('bao-cao-t11.xlsx')}: refused, 1 error(s); ${at('t11.json')} not written.`,
      '  File bao-cao-t11.xlsx, sheet Tháng 11, row 13, column Tổng số (Số hồ sơ nhận giải quyết): the total (120) differs from online + in person or by post + carried over (117)',
    ]);
  });

  it('exits 2 for --units on another command, and for a units file that does not exist', async () => {
    const c = capture();
    expect(await runTool(['validate', 'data/gia-lam.json', '--units', 'x.csv'], c.io)).toBe(EXIT.usage);
    expect(c.err.join('\n')).toContain('--units không dùng được');
    const files = await writeReports();
    const r = await run(['convert', ...files, '--units', at('khong-co.csv'), '-o', at('x.json')]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain('khong-co.csv: không có tệp hoặc thư mục này');
  });
});

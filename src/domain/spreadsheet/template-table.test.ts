import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetRecord } from '../schema.ts';
import { ERROR_LIST_CAP } from '../validate.ts';
import { convertWorkbooks } from './convert.ts';
import { datasetToInfo } from './info-sheet.ts';
import { describeSheetError, describeSheetNote, describeSheetWarning } from './messages.ts';
import type { ConvertResult, SheetCells } from './problems.ts';
import { type ColumnKey, recogniseHeader, TEMPLATE_COLUMNS } from './template-columns.ts';
import { datasetToTable, templateInfo, templateTable } from './template-writer.ts';

const KEYS = TEMPLATE_COLUMNS.map((c) => c.key);
const LABELS = TEMPLATE_COLUMNS.map((c) => c.label.vi);

const FIGURES = {
  carriedOver: 5,
  received: 100,
  receivedOnlineLevel3: 10,
  receivedOnlineLevel4: 20,
  resolvedEarly: 30,
  resolvedOnTime: 60,
  resolvedLate: 5,
  withdrawn: 0,
  pendingWithinDeadline: 10,
  pendingOverdue: 0,
  feesVnd: 27_866,
} as const;

type RowValues = Partial<Record<ColumnKey, unknown>>;

/** A complete row in the template's column order, with the given cells replaced. */
function row(values: RowValues = {}): unknown[] {
  const base: RowValues = { unitId: 'd', unitName: 'Huyện Thử', level: 'huyện', month: '2022-01', ...FIGURES };
  const all = { ...base, ...values };
  return KEYS.map((k) => (k in all ? all[k] : null));
}

function read(rows: unknown[][], extra: SheetCells[] = [], fileName = 'bang.xlsx'): ConvertResult {
  return convertWorkbooks([{ fileName, kind: 'xlsx', sheets: [{ name: 'Số liệu', rows }, ...extra] }]);
}

function ok(result: ConvertResult): Dataset {
  if (!result.ok) throw new Error(result.errors.map((e) => describeSheetError(e, 'en')).join('\n'));
  return result.dataset;
}

function messages(result: ConvertResult, lang: 'vi' | 'en' = 'vi'): string[] {
  if (result.ok) throw new Error('expected the table to be refused');
  return result.errors.map((e) => describeSheetError(e, lang));
}

describe('header recognition', () => {
  it('knows every column by its Vietnamese label, English name and contract key', () => {
    for (const c of TEMPLATE_COLUMNS) {
      expect(recogniseHeader(c.label.vi)).toBe(c.key);
      expect(recogniseHeader(c.label.en)).toBe(c.key);
      expect(recogniseHeader(c.key)).toBe(c.key);
    }
  });

  it('ignores case, stray and non-breaking spaces, line breaks, NFD; knows the usual other headers', () => {
    expect(recogniseHeader('  MỚI   TIẾP NHẬN ')).toBe('received');
    expect(recogniseHeader('unitid')).toBe('unitId');
    expect(recogniseHeader('RECEIVEDONLINELEVEL3')).toBe('receivedOnlineLevel3');
    expect(recogniseHeader('Giải quyết\nđúng\u00a0hạn')).toBe('resolvedOnTime');
    expect(recogniseHeader('Tháng'.normalize('NFD'))).toBe('month');
    expect(recogniseHeader('Trả lại/rút hồ sơ')).toBe('withdrawn');
    expect(recogniseHeader('Trực tuyến mức độ 4')).toBe('receivedOnlineLevel4');
    expect(recogniseHeader('Trực tuyến')).toBe('receivedOnline');
    expect(recogniseHeader('Tên lĩnh vực')).toBe('fieldName');
    expect(recogniseHeader('Ghi chú')).toBeUndefined();
    expect(recogniseHeader(null)).toBeUndefined();
  });

  it('reads columns in any order under any of their names', () => {
    const headers = [...KEYS].reverse().map((k, i) => {
      const c = TEMPLATE_COLUMNS.find((x) => x.key === k);
      if (!c) throw new Error(k);
      return i % 3 === 0 ? ` ${c.label.vi.toUpperCase()} ` : i % 3 === 1 ? c.key : c.label.en.toLowerCase();
    });
    const reversed = [...row({ month: '2022-03' })].reverse();
    const dataset = ok(read([headers, reversed]));
    expect(dataset.units).toEqual([{ id: 'd', name: 'Huyện Thử', level: 'district' }]);
    expect(dataset.records).toEqual([{ unitId: 'd', month: '2022-03', ...FIGURES }]);
  });

  it('finds the header below title rows and notes columns it does not read', () => {
    const result = read([['BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC'], [], ['STT', ...LABELS], [1, ...row()]]);
    expect(ok(result).records).toHaveLength(1);
    expect(result.notes.map((n) => describeSheetNote(n, 'vi'))).toContain(
      'Tệp bang.xlsx, sheet Số liệu, dòng 3, cột STT: cột "STT" không phải cột cần đọc nên được bỏ qua',
    );
  });

  it('reports a missing required column once, not once per row', () => {
    const without = (k: ColumnKey) => (r: unknown[]) => r.filter((_, i) => KEYS[i] !== k);
    const result = read([LABELS, row(), row({ month: '2022-02' })].map(without('received')));
    expect(messages(result)).toEqual([
      'Tệp bang.xlsx, sheet Số liệu, dòng 1: thiếu cột bắt buộc "Mới tiếp nhận" (hoặc "received")',
    ]);
  });

  it('refuses two columns with the same meaning; names a sheet that is neither a table nor a report, and why', () => {
    expect(messages(read([[...LABELS, 'received'], row()]), 'en')).toEqual([
      'File bang.xlsx, sheet Số liệu, row 1, column received: this column means the same as column Mới tiếp nhận',
    ]);
    const none = read([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(messages(none)).toEqual([
      'Tệp bang.xlsx: không có trang tính nào là báo cáo kết quả giải quyết TTHC hay bảng số liệu theo mẫu (xem các lưu ý về từng trang)',
    ]);
    expect(none.notes.map((n) => describeSheetNote(n, 'vi'))).toEqual([
      'Tệp bang.xlsx, sheet Số liệu: không đọc trang này: không thấy tiêu đề cột của báo cáo kết quả giải quyết TTHC (Lĩnh vực, Số hồ sơ nhận giải quyết, đã giải quyết, đang giải quyết) hay của bảng mẫu (Mã đơn vị, Tháng…)',
    ]);
  });
});

describe('cells of the table', () => {
  it('says where a number cannot be read: file, sheet, row and column header as in Excel', () => {
    const headers = LABELS.map((l, i) => (KEYS[i] === 'resolvedOnTime' ? 'Đúng hạn' : l));
    const rows = [headers, row(), row({ month: '2022-02' }), row({ month: '2022-03', resolvedOnTime: '12,5' })];
    const result = read([...rows.slice(0, 1), ...Array.from({ length: 10 }, () => []), ...rows.slice(1)]);
    expect(messages(result, 'vi')).toEqual([
      "Tệp bang.xlsx, sheet Số liệu, dòng 14, cột Đúng hạn: phải là số nguyên không âm, đang là '12,5'",
    ]);
    expect(messages(result, 'en')).toEqual([
      "File bang.xlsx, sheet Số liệu, row 14, column Đúng hạn: must be a whole number, not negative, found '12,5'",
    ]);
  });

  it('shows a fractional number cell the way each language writes it', () => {
    const result = read([LABELS, row({ received: 99.5 })]);
    expect(messages(result, 'vi')[0]).toContain("cột Mới tiếp nhận: phải là số nguyên không âm, đang là '99,5'");
    expect(messages(result, 'en')[0]).toContain("found '99.5'");
  });

  it('reads every month format in a table and refuses a bad one with its place', () => {
    const months = ['2021-01', '02/2021', '3/2021', 'T4/2021', 'Tháng 5/2021', 44_348, new Date(Date.UTC(2021, 6, 1))];
    const dataset = ok(read([LABELS, ...months.map((m) => row({ month: m }))]));
    expect(dataset.records.map((r) => r.month)).toEqual([
      '2021-01',
      '2021-02',
      '2021-03',
      '2021-04',
      '2021-05',
      '2021-06',
      '2021-07',
    ]);
    expect(messages(read([LABELS, row({ month: '2021-13' })]))).toEqual([
      "Tệp bang.xlsx, sheet Số liệu, dòng 2, cột Tháng: phải là một tháng, ví dụ 2022-04, 4/2022 hoặc T4/2022, đang là '2021-13'",
    ]);
  });

  it('leaves an empty optional cell out (not reported), never 0', () => {
    const dataset = ok(
      read([LABELS, row({ interlinked: 7, saturdayReceived: 3 }), row({ month: '2022-02', interlinked: '  ' })]),
    );
    const [first, second] = dataset.records as [DatasetRecord, DatasetRecord];
    expect(first.interlinked).toBe(7);
    expect(second).not.toHaveProperty('interlinked');
    expect(second).not.toHaveProperty('saturdayReceived');
    expect(second).not.toHaveProperty('apologyLetters');
  });

  it('refuses an empty required cell and reports it once', () => {
    expect(messages(read([LABELS, row({ received: null, unitName: ' ' })]))).toEqual([
      'Tệp bang.xlsx, sheet Số liệu, dòng 2, cột Tên đơn vị: không được để trống',
      'Tệp bang.xlsx, sheet Số liệu, dòng 2, cột Mới tiếp nhận: không được để trống',
    ]);
  });

  it('skips empty rows and keeps row numbers as Excel shows them', () => {
    const result = read([LABELS, row(), [], [null, '  '], row({ month: '2022-02', carriedOver: 'x' }), [], []]);
    expect(messages(result)).toEqual([
      "Tệp bang.xlsx, sheet Số liệu, dòng 5, cột Kỳ trước chuyển sang: phải là số nguyên không âm, đang là 'x'",
    ]);
  });

  it('refuses a level it does not know', () => {
    expect(messages(read([LABELS, row({ level: 'thôn' })]))).toEqual([
      "Tệp bang.xlsx, sheet Số liệu, dòng 2, cột Cấp: cấp phải là tỉnh, huyện hoặc xã (province, district, commune), đang là 'thôn'",
    ]);
  });
});

describe('units and fields of the table', () => {
  it('gathers units from the rows in order of first appearance', () => {
    const dataset = ok(
      read([
        LABELS,
        row(),
        row({ unitId: 'c', unitName: 'Xã Một', level: 'xã', parentId: 'd', code: '00565' }),
        row({ month: '2022-02' }),
        row({ unitId: 'c', unitName: 'Xã Một', level: 'Xã', parentId: 'd', month: '2022-02' }),
      ]),
    );
    expect(dataset.units).toEqual([
      { id: 'd', name: 'Huyện Thử', level: 'district' },
      { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'd', code: '00565' },
    ]);
    expect(dataset.records.map((r) => `${r.unitId} ${r.month}`)).toEqual([
      'd 2022-01',
      'c 2022-01',
      'd 2022-02',
      'c 2022-02',
    ]);
  });

  it('refuses a unit whose name, level or parent differ between its rows, naming both rows', () => {
    const result = read([
      LABELS,
      row(),
      row({ unitId: 'c', unitName: 'Xã Một', level: 'xã', parentId: 'd' }),
      row({ month: '2022-02', unitName: 'Huyện Thử Mới' }),
      row({ unitId: 'c', unitName: 'Xã Một', level: 'huyện', month: '2022-02' }),
    ]);
    expect(messages(result)).toEqual([
      "Tệp bang.xlsx, sheet Số liệu, dòng 4, cột Tên đơn vị: khác với dòng 2 của cùng đơn vị \"d\", ở đó là 'Huyện Thử', đang là 'Huyện Thử Mới'",
      "Tệp bang.xlsx, sheet Số liệu, dòng 5, cột Cấp: khác với dòng 3 của cùng đơn vị \"c\", ở đó là 'commune', đang là 'district'",
      "Tệp bang.xlsx, sheet Số liệu, dòng 5, cột Mã đơn vị cấp trên: khác với dòng 3 của cùng đơn vị \"c\", ở đó là 'd', đang là ''",
    ]);
  });

  it('reads a field by its name alone (its id the slug of the name) or by id and name, and the online total', () => {
    const v2 = { receivedOnlineLevel3: null, receivedOnlineLevel4: null, receivedOnline: 25, feesVnd: null };
    const dataset = ok(
      read([
        LABELS,
        row({ ...v2, fieldName: 'Đất đai' }),
        row({ ...v2, fieldName: 'Hộ tịch', fieldId: 'HT' }),
        row({ ...v2, fieldName: 'ĐẤT ĐAI', month: '2022-02' }),
      ]),
    );
    expect(dataset.fields).toEqual([
      { id: 'dat-dai', name: 'Đất đai' },
      { id: 'HT', name: 'Hộ tịch' },
    ]);
    const { receivedOnlineLevel3: _3, receivedOnlineLevel4: _4, feesVnd: _f, ...counts } = FIGURES;
    expect(dataset.records).toEqual([
      { unitId: 'd', month: '2022-01', fieldId: 'dat-dai', ...counts, receivedOnline: 25 },
      { unitId: 'd', month: '2022-01', fieldId: 'HT', ...counts, receivedOnline: 25 },
      { unitId: 'd', month: '2022-02', fieldId: 'dat-dai', ...counts, receivedOnline: 25 },
    ]);
  });

  it('refuses a field id named differently, a unit mixing rows with and without a field, and no online figure', () => {
    const result = read([
      LABELS,
      row({ fieldId: 'dd', fieldName: 'Đất đai' }),
      row({ fieldId: 'dd', fieldName: 'Xây dựng', month: '2022-02' }),
      row({ month: '2022-03' }),
      row({ fieldName: 'Hộ tịch', receivedOnlineLevel3: null, receivedOnlineLevel4: null }),
    ]);
    expect(messages(result)).toEqual([
      "Tệp bang.xlsx, sheet Số liệu, dòng 3, cột Lĩnh vực: khác với dòng 2 của cùng mã lĩnh vực \"dd\", ở đó là 'Đất đai', đang là 'Xây dựng'",
      'Tệp bang.xlsx, sheet Số liệu, dòng 4, cột Mã lĩnh vực: Thiếu fieldId: đơn vị này báo cáo theo lĩnh vực (như ở dòng 2), nên mọi bản ghi của nó phải có fieldId.',
      'Tệp bang.xlsx, sheet Số liệu, dòng 5, cột Hồ sơ trực tuyến: Thiếu số hồ sơ trực tuyến: cần receivedOnline, hoặc cả receivedOnlineLevel3 và receivedOnlineLevel4.',
    ]);
  });
});

describe('the whole list of errors', () => {
  it('collects every error in sheet order, capped, with the full count', () => {
    const rows = [LABELS, ...Array.from({ length: 150 }, (_, i) => row({ month: `x${i}`, received: -1 }))];
    const result = read(rows);
    if (result.ok) throw new Error('expected errors');
    expect(result.errorCount).toBe(300);
    expect(result.errors).toHaveLength(ERROR_LIST_CAP);
    expect(result.errors.slice(0, 3).map((e) => [e.place?.row, e.place?.column])).toEqual([
      [2, 'Tháng'],
      [2, 'Mới tiếp nhận'],
      [3, 'Tháng'],
    ]);
  });

  it('reports rules of the data contract at the sheet row and column', () => {
    const result = read([
      LABELS,
      row(),
      row({ month: '2022-02', receivedOnlineLevel3: 60, receivedOnlineLevel4: 50 }),
      row({ unitId: 'c', unitName: 'Xã Một', level: 'xã', parentId: 'khong-co' }),
      row({ month: '4/2022' }),
      row({ month: 'T4/2022', interlinked: 500 }),
    ]);
    expect(messages(result, 'vi')).toEqual([
      'Tệp bang.xlsx, sheet Số liệu, dòng 3, cột Trực tuyến mức độ 4 (toàn trình): Trực tuyến mức độ 3 + mức độ 4 lớn hơn số mới tiếp nhận (100). (giá trị: 60 + 50)',
      'Tệp bang.xlsx, sheet Số liệu, dòng 4, cột Mã đơn vị cấp trên: Không có dòng nào của đơn vị cấp trên này trong bảng. (giá trị: "khong-co")',
      'Tệp bang.xlsx, sheet Số liệu, dòng 6: Trùng số liệu của cùng đơn vị và tháng (đã có ở dòng 5). (giá trị: "d" 2022-04)',
      'Tệp bang.xlsx, sheet Số liệu, dòng 6, cột Hồ sơ liên thông: Lớn hơn số mới tiếp nhận (100). (giá trị: 500)',
    ]);
    expect(messages(result, 'en')[2]).toBe(
      'File bang.xlsx, sheet Số liệu, row 6: A second record for the same unit and month (first at row 5). (value: "d" 2022-04)',
    );
  });

  it('places the warnings of a loaded table on their rows', () => {
    const result = read([LABELS, row(), row({ month: '2022-02', carriedOver: 3 })]);
    if (!result.ok) throw new Error('expected the table to load');
    expect(result.warnings.map((w) => describeSheetWarning(w, 'en'))).toEqual([
      'File bang.xlsx, sheet Số liệu, row 3: Huyện Thử, Feb 2022: carried over + received = 103, but resolved + withdrawn + pending = 105.',
      'File bang.xlsx, sheet Số liệu, row 3, column Kỳ trước chuyển sang: Huyện Thử, Feb 2022: carried over = 3, but pending at the end of the previous month = 10.',
    ]);
  });

  it('refuses a table with a header and no rows, and a file with no sheet to read', () => {
    expect(messages(read([LABELS]))).toEqual(['Tệp bang.xlsx, sheet Số liệu: bảng không có dòng số liệu nào']);
    const empty = convertWorkbooks([{ fileName: 'a.xlsx', kind: 'xlsx', sheets: [{ name: 'Sheet1', rows: [] }] }]);
    expect(messages(empty)[0]).toMatch(/^Tệp a\.xlsx: không có trang tính nào/);
    expect(empty.notes.map((n) => describeSheetNote(n, 'en'))).toEqual([
      'File a.xlsx, sheet Sheet1: this sheet was not read: the sheet is empty',
    ]);
  });
});

describe('the "Thông tin" sheet', () => {
  const info = (rows: unknown[][]): SheetCells => ({ name: 'Thông tin', rows });

  it('gives the title, source, targets and facts', () => {
    const dataset = ok(
      read(
        [LABELS, row()],
        [
          info([
            ['Mục', 'Giá trị', 'Đơn vị tính', 'Ghi chú'],
            ['Tiêu đề', 'Huyện Thử – TTHC'],
            ['nguồn số liệu', 'Báo cáo số 12'],
            ['Số liệu minh hoạ', 'Có'],
            ['Ngày cập nhật', '27/05/2022'],
            ['Chỉ tiêu tỷ lệ đúng hạn', '95%'],
            ['Chỉ tiêu tỷ lệ trực tuyến', 0.5],
            ['Số liệu khác'],
            ['Thủ tục đang áp dụng', 434, 'thủ tục'],
            ['Chỉ số CCHC', 'xếp hạng thấp', null, 'năm 2021'],
          ]),
        ],
      ),
    );
    expect(dataset).toMatchObject({
      title: 'Huyện Thử – TTHC',
      source: 'Báo cáo số 12',
      illustrative: true,
      updatedAt: '2022-05-27',
      targets: { onTimeRate: 0.95, onlineRate: 0.5 },
      facts: [
        { label: 'Thủ tục đang áp dụng', value: 434, unit: 'thủ tục' },
        { label: 'Chỉ số CCHC', value: 'xếp hạng thấp', note: 'năm 2021' },
      ],
    });
    expect(Object.keys(dataset)[0]).toBe('$schema');
  });

  it('takes the title from the file name without it, and says so', () => {
    const result = read([LABELS, row()], [], 'C:\\bao cao\\Gia Lâm 2022.xlsx');
    expect(ok(result).title).toBe('Gia Lâm 2022');
    expect(result.notes.map((n) => n.code)).toContain('title_from_file_name');
  });

  it('places unknown items, bad values and contract errors on the sheet', () => {
    const result = read(
      [LABELS, row()],
      [
        info([
          ['Tiêu đề', 'X'],
          ['Tiêu đề phụ', 'Y'],
          ['Ngày cập nhật', '2022-02-30'],
          ['Chỉ tiêu tỷ lệ đúng hạn', 'cao'],
          ['Chỉ tiêu tỷ lệ trực tuyến', 50],
          ['Số liệu khác'],
          ['Thủ tục', null],
        ]),
      ],
    );
    expect(messages(result)).toEqual([
      'Tệp bang.xlsx, sheet Thông tin, dòng 2, cột A: mục không có trong mẫu; các số liệu khác ghi bên dưới dòng "Số liệu khác", đang là \'Tiêu đề phụ\'',
      'Tệp bang.xlsx, sheet Thông tin, dòng 3, cột B: Ngày phải có dạng YYYY-MM-DD và là ngày có thật. (giá trị: "2022-02-30")',
      "Tệp bang.xlsx, sheet Thông tin, dòng 4, cột B: phải là một tỷ lệ, ví dụ 0,95 hoặc 95%, đang là 'cao'",
      'Tệp bang.xlsx, sheet Thông tin, dòng 5, cột B: Chỉ tiêu là tỷ lệ từ 0 đến 1 (ví dụ 0.95). (giá trị: 50)',
      'Tệp bang.xlsx, sheet Thông tin, dòng 7, cột B: không được để trống',
    ]);
  });
});

describe('writing the table', () => {
  const DATASET: Dataset = {
    schemaVersion: 2,
    title: 'Huyện Thử',
    source: 'Báo cáo',
    illustrative: false,
    updatedAt: '2022-05-27',
    targets: { onTimeRate: 0.9 },
    facts: [{ label: 'Thủ tục', value: 434, unit: 'thủ tục', note: 'ghi chú' }],
    fields: [
      { id: 'dat-dai', name: 'Đất đai' },
      { id: 'HT', name: 'Hộ tịch' },
    ],
    units: [
      { id: 'd', name: 'Huyện Thử', level: 'district' },
      { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'd', code: '00565' },
    ],
    records: [
      { unitId: 'd', month: '2022-01', ...FIGURES, interlinked: 4 },
      { unitId: 'c', month: '2022-01', fieldId: 'dat-dai', ...FIGURES, feesVnd: undefined, receivedOnline: 30 },
      {
        unitId: 'c',
        month: '2022-01',
        fieldId: 'HT',
        ...FIGURES,
        receivedOnlineLevel3: undefined,
        receivedOnlineLevel4: undefined,
        receivedOnline: 7,
      },
    ].map((r) => JSON.parse(JSON.stringify(r))),
  };

  it('writes one row per record under the Vietnamese headers, and reads back the same dataset', () => {
    const table = datasetToTable(DATASET);
    expect(table[0]).toEqual(LABELS);
    expect(table).toHaveLength(4);
    expect(table[3]?.slice(0, 8)).toEqual(['c', 'Xã Một', 'xã', 'd', '00565', '2022-01', 'HT', 'Hộ tịch']);
    const infoRows = datasetToInfo(DATASET).map((r) => r.cells);
    const back = ok(read(table, [{ name: 'Thông tin', rows: infoRows }]));
    expect(back).toEqual({ $schema: './schema.json', ...DATASET });
  });

  it('writes a template whose second row explains each column and whose example row reads', () => {
    const rows = templateTable();
    expect(rows[0]).toEqual(LABELS);
    expect(rows[1]?.every((c) => typeof c === 'string' && /^(Bắt buộc|Không bắt buộc)\. /.test(c))).toBe(true);
    const result = read(rows, [{ name: 'Thông tin', rows: templateInfo().map((r) => r.cells) }]);
    const dataset = ok(result);
    expect(dataset.records).toHaveLength(1);
    expect(dataset.units[0]?.id).toBe('huyen-mau');
    expect(dataset.fields).toEqual([{ id: 'dat-dai', name: 'Đất đai' }]);
    expect(result.notes.map((n) => n.code)).toEqual(['rule_row_skipped', 'example_row']);
  });
});

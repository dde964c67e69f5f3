import { describe, expect, it } from 'vitest';
import type { Dataset, DatasetRecord } from './schema.ts';
import {
  type ColumnKey,
  datasetJsonText,
  datasetToInfo,
  datasetToTable,
  describeTableError,
  describeTableNote,
  describeTableWarning,
  normalizeLabel,
  parseCount,
  parseLevel,
  parseMonth,
  recogniseHeader,
  type SheetCells,
  TABLE_COLUMNS,
  type TableResult,
  tableToDataset,
  templateInfo,
  templateTable,
} from './table-format.ts';
import { ERROR_LIST_CAP } from './validate.ts';

const KEYS = TABLE_COLUMNS.map((c) => c.key);
const LABELS = TABLE_COLUMNS.map((c) => c.label.vi);

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

function read(rows: unknown[][], extra: SheetCells[] = [], fileName = 'bang.xlsx'): TableResult {
  return tableToDataset({ fileName, kind: 'xlsx', sheets: [{ name: 'Số liệu', rows }, ...extra] });
}

function ok(result: TableResult): Dataset {
  if (!result.ok) throw new Error(result.errors.map((e) => describeTableError(e, 'en')).join('\n'));
  return result.dataset;
}

function messages(result: TableResult, lang: 'vi' | 'en' = 'vi'): string[] {
  if (result.ok) throw new Error('expected the table to be refused');
  return result.errors.map((e) => describeTableError(e, lang));
}

describe('header recognition', () => {
  it('knows every column by its Vietnamese label, English name and contract key', () => {
    for (const c of TABLE_COLUMNS) {
      expect(recogniseHeader(c.label.vi)).toBe(c.key);
      expect(recogniseHeader(c.label.en)).toBe(c.key);
      expect(recogniseHeader(c.key)).toBe(c.key);
    }
  });

  it('ignores case, stray and non-breaking spaces, line breaks, NFD and old-style tone marks', () => {
    expect(recogniseHeader('  MỚI   TIẾP NHẬN ')).toBe('received');
    expect(recogniseHeader('unitid')).toBe('unitId');
    expect(recogniseHeader('RECEIVEDONLINELEVEL3')).toBe('receivedOnlineLevel3');
    expect(recogniseHeader('Giải quyết\nđúng\u00a0hạn')).toBe('resolvedOnTime');
    expect(recogniseHeader('Tháng'.normalize('NFD'))).toBe('month');
    expect(recogniseHeader('Trả lại/rút hồ sơ')).toBe('withdrawn');
    expect(recogniseHeader('Trực tuyến mức độ 4')).toBe('receivedOnlineLevel4');
    expect(recogniseHeader('Đúng hạn')).toBe('resolvedOnTime');
    expect(normalizeLabel('Hòa Bình')).toBe(normalizeLabel('Hoà Bình'));
    expect(normalizeLabel('Thủy')).toBe(normalizeLabel('Thuỷ'));
    expect(recogniseHeader('Ghi chú')).toBeUndefined();
    expect(recogniseHeader(null)).toBeUndefined();
  });

  it('reads columns in any order under any of their names', () => {
    const headers = [...KEYS].reverse().map((k, i) => {
      const c = TABLE_COLUMNS.find((x) => x.key === k);
      if (!c) throw new Error(k);
      return i % 3 === 0 ? ` ${c.label.vi.toUpperCase()} ` : i % 3 === 1 ? c.key : c.label.en.toLowerCase();
    });
    const values = row({ month: '2022-03' });
    const reversed = [...values].reverse();
    const dataset = ok(read([headers, reversed]));
    expect(dataset.units).toEqual([{ id: 'd', name: 'Huyện Thử', level: 'district' }]);
    expect(dataset.records).toEqual([{ unitId: 'd', month: '2022-03', ...FIGURES }]);
  });

  it('finds the header below title rows and notes columns it does not know', () => {
    const result = read([['BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC'], [], ['STT', ...LABELS], [1, ...row()]]);
    const dataset = ok(result);
    expect(dataset.records).toHaveLength(1);
    expect(result.notes.map((n) => describeTableNote(n, 'vi'))).toContain(
      'Sheet Số liệu, dòng 3, cột STT: cột "STT" không phải cột của mẫu nên được bỏ qua',
    );
  });

  it('reports a missing required column once, not once per row', () => {
    const without = (k: ColumnKey) => (r: unknown[]) => r.filter((_, i) => KEYS[i] !== k);
    const rows = [LABELS, row(), row({ month: '2022-02' })].map(without('received'));
    const result = read(rows);
    expect(result.ok).toBe(false);
    expect(messages(result)).toEqual(['Sheet Số liệu, dòng 1: thiếu cột bắt buộc "Mới tiếp nhận" (hoặc "received")']);
  });

  it('refuses two columns with the same meaning and a sheet with no header row', () => {
    const dup = read([[...LABELS, 'received'], row()]);
    expect(messages(dup, 'en')).toEqual([
      'Sheet Số liệu, row 1, column received: this column means the same as column Mới tiếp nhận',
    ]);
    const none = read([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(messages(none)[0]).toMatch(/^Sheet Số liệu: không tìm thấy dòng tiêu đề cột; cần các cột "Mã đơn vị"/);
  });
});

describe('numbers', () => {
  it('reads counts from number cells and from text with thousands grouped by dots, commas or spaces', () => {
    expect(parseCount(27_866)).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('27866')).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('27.866')).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('27,866')).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('1.386.718')).toEqual({ ok: true, value: 1_386_718 });
    // Decided: spaces (and the non-breaking ones Excel pastes) group thousands too.
    expect(parseCount(' 1 234 ')).toEqual({ ok: true, value: 1_234 });
    expect(parseCount('1\u00a0234\u00a0567')).toEqual({ ok: true, value: 1_234_567 });
    expect(parseCount('0')).toEqual({ ok: true, value: 0 });
    expect(parseCount('12.500.000 đ', { currency: true })).toEqual({ ok: true, value: 12_500_000 });
  });

  it('refuses decimals, negatives, bad grouping, text and booleans', () => {
    for (const bad of ['12,5', '12.5', '1.2345', '27.86', '-3', '1 23', 'abc', '', '#DIV/0!', '12.500.000 đ']) {
      expect(parseCount(bad), bad).toEqual({ ok: false });
    }
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60, true, null, new Date()]) {
      expect(parseCount(bad), String(bad)).toEqual({ ok: false });
    }
  });

  it('says where a number cannot be read: sheet, row and column header as in Excel', () => {
    const headers = LABELS.map((l, i) => (KEYS[i] === 'resolvedOnTime' ? 'Đúng hạn' : l));
    const rows = [headers, row(), row({ month: '2022-02' }), row({ month: '2022-03', resolvedOnTime: '12,5' })];
    const result = read([...rows.slice(0, 1), ...Array.from({ length: 10 }, () => []), ...rows.slice(1)]);
    expect(messages(result, 'vi')).toEqual([
      "Sheet Số liệu, dòng 14, cột Đúng hạn: phải là số nguyên không âm, đang là '12,5'",
    ]);
    expect(messages(result, 'en')).toEqual([
      "Sheet Số liệu, row 14, column Đúng hạn: must be a whole number, not negative, found '12,5'",
    ]);
  });

  it('shows a fractional number cell the way each language writes it', () => {
    const result = read([LABELS, row({ received: 99.5 })]);
    expect(messages(result, 'vi')[0]).toContain("cột Mới tiếp nhận: phải là số nguyên không âm, đang là '99,5'");
    expect(messages(result, 'en')[0]).toContain("found '99.5'");
  });
});

describe('months', () => {
  it.each([
    '2022-04',
    '2022-4',
    '2022/04',
    '04/2022',
    '4/2022',
    'T4/2022',
    't04/2022',
    'T.4/2022',
    'Tháng 4/2022',
    'tháng 04 / 2022',
    'THÁNG 4-2022',
    'Tháng 4 năm 2022',
    '2022-04-15',
    ' 4/2022 ',
  ])('reads %j as 2022-04', (text) => {
    expect(parseMonth(text)).toEqual({ ok: true, value: '2022-04' });
  });

  it('reads date cells and Excel date serial numbers', () => {
    expect(parseMonth(new Date(Date.UTC(2022, 3, 1)))).toEqual({ ok: true, value: '2022-04' });
    expect(parseMonth(new Date(Date.UTC(2022, 3, 30)))).toEqual({ ok: true, value: '2022-04' });
    // A date made at local midnight east of UTC (UTC+7) is the day before in UTC.
    expect(parseMonth(new Date(Date.UTC(2022, 2, 31, 17)))).toEqual({ ok: true, value: '2022-04' });
    expect(parseMonth(44_652)).toEqual({ ok: true, value: '2022-04' }); // 1 April 2022
    expect(parseMonth(44_681)).toEqual({ ok: true, value: '2022-04' }); // 30 April 2022
    expect(parseMonth(44_562.75)).toEqual({ ok: true, value: '2022-01' }); // 1 January 2022, 18:00
  });

  it('refuses what is not a month', () => {
    for (const bad of ['2022-13', '13/2022', '0/2022', 'April 2022', '2022', '4/22', '', true, null, -5]) {
      expect(parseMonth(bad), String(bad)).toEqual({ ok: false });
    }
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
      "Sheet Số liệu, dòng 2, cột Tháng: phải là một tháng, ví dụ 2022-04, 4/2022 hoặc T4/2022, đang là '2021-13'",
    ]);
  });
});

describe('empty cells and units', () => {
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
    const result = read([LABELS, row({ received: null, unitName: ' ' })]);
    expect(messages(result)).toEqual([
      'Sheet Số liệu, dòng 2, cột Tên đơn vị: không được để trống',
      'Sheet Số liệu, dòng 2, cột Mới tiếp nhận: không được để trống',
    ]);
  });

  it('skips empty rows and keeps row numbers as Excel shows them', () => {
    const result = read([LABELS, row(), [], [null, '  '], row({ month: '2022-02', carriedOver: 'x' }), [], []]);
    expect(messages(result)).toEqual([
      "Sheet Số liệu, dòng 5, cột Kỳ trước chuyển sang: phải là số nguyên không âm, đang là 'x'",
    ]);
  });

  it('reads levels in English or Vietnamese, in any case', () => {
    const cases: [string, string][] = [
      ['district', 'district'],
      ['Huyện', 'district'],
      ['HUYỆN', 'district'],
      ['Cấp huyện', 'district'],
      ['quận', 'district'],
      ['xã', 'commune'],
      ['XÃ', 'commune'],
      ['Commune', 'commune'],
      ['phường', 'commune'],
      ['Thị trấn', 'commune'],
      ['tỉnh', 'province'],
      ['PROVINCE', 'province'],
    ];
    for (const [text, level] of cases) expect(parseLevel(text), text).toEqual({ ok: true, value: level });
    expect(parseLevel('town')).toEqual({ ok: false });
    expect(messages(read([LABELS, row({ level: 'thôn' })]))).toEqual([
      "Sheet Số liệu, dòng 2, cột Cấp: cấp phải là tỉnh, huyện hoặc xã (province, district, commune), đang là 'thôn'",
    ]);
  });

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
      "Sheet Số liệu, dòng 4, cột Tên đơn vị: khác với dòng 2 của cùng đơn vị \"d\", ở đó là 'Huyện Thử', đang là 'Huyện Thử Mới'",
      "Sheet Số liệu, dòng 5, cột Cấp: khác với dòng 3 của cùng đơn vị \"c\", ở đó là 'commune', đang là 'district'",
      "Sheet Số liệu, dòng 5, cột Mã đơn vị cấp trên: khác với dòng 3 của cùng đơn vị \"c\", ở đó là 'd', đang là ''",
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
    const places = result.errors.map((e) => [e.place?.row, e.place?.column]);
    expect(places.slice(0, 3)).toEqual([
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
      'Sheet Số liệu, dòng 3, cột Trực tuyến mức độ 4 (toàn trình): Trực tuyến mức độ 3 + mức độ 4 lớn hơn số mới tiếp nhận (100). (giá trị: 60 + 50)',
      'Sheet Số liệu, dòng 4, cột Mã đơn vị cấp trên: Không có dòng nào của đơn vị cấp trên này trong bảng. (giá trị: "khong-co")',
      'Sheet Số liệu, dòng 6: Trùng số liệu của cùng đơn vị và tháng (đã có ở dòng 5). (giá trị: "d" 2022-04)',
      'Sheet Số liệu, dòng 6, cột Hồ sơ liên thông: Lớn hơn số mới tiếp nhận (100). (giá trị: 500)',
    ]);
    expect(messages(result, 'en')[2]).toBe(
      'Sheet Số liệu, row 6: A second record for the same unit and month (first at row 5). (value: "d" 2022-04)',
    );
  });

  it('places the warnings of a loaded table on their rows', () => {
    const result = read([LABELS, row(), row({ month: '2022-02', carriedOver: 3 })]);
    if (!result.ok) throw new Error('expected the table to load');
    expect(result.warnings.map((w) => describeTableWarning(w, 'en'))).toEqual([
      'Sheet Số liệu, row 3: Huyện Thử, Feb 2022: carried over + received = 103, but resolved + withdrawn + pending = 105.',
      'Sheet Số liệu, row 3, column Kỳ trước chuyển sang: Huyện Thử, Feb 2022: carried over = 3, but pending at the end of the previous month = 10.',
    ]);
  });

  it('refuses a table with a header and no rows, and a file with no table', () => {
    expect(messages(read([LABELS]))).toEqual(['Sheet Số liệu: bảng không có dòng số liệu nào']);
    const empty = tableToDataset({ fileName: 'a.xlsx', kind: 'xlsx', sheets: [{ name: 'Sheet1', rows: [] }] });
    expect(messages(empty)).toEqual(['Tệp a.xlsx: không có trang tính nào chứa bảng số liệu']);
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
      'Sheet Thông tin, dòng 2, cột A: mục không có trong mẫu; các số liệu khác ghi bên dưới dòng "Số liệu khác", đang là \'Tiêu đề phụ\'',
      'Sheet Thông tin, dòng 3, cột B: Ngày phải có dạng YYYY-MM-DD và là ngày có thật. (giá trị: "2022-02-30")',
      "Sheet Thông tin, dòng 4, cột B: phải là một tỷ lệ, ví dụ 0,95 hoặc 95%, đang là 'cao'",
      'Sheet Thông tin, dòng 5, cột B: Chỉ tiêu là tỷ lệ từ 0 đến 1 (ví dụ 0.95). (giá trị: 50)',
      'Sheet Thông tin, dòng 7, cột B: không được để trống',
    ]);
  });
});

describe('writing the table', () => {
  const DATASET: Dataset = {
    schemaVersion: 1,
    title: 'Huyện Thử',
    source: 'Báo cáo',
    illustrative: false,
    updatedAt: '2022-05-27',
    targets: { onTimeRate: 0.9 },
    facts: [{ label: 'Thủ tục', value: 434, unit: 'thủ tục', note: 'ghi chú' }],
    units: [
      { id: 'd', name: 'Huyện Thử', level: 'district' },
      { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'd', code: '00565' },
    ],
    records: [
      { unitId: 'd', month: '2022-01', ...FIGURES, interlinked: 4 },
      { unitId: 'c', month: '2022-01', ...FIGURES, withdrawn: undefined, apologyLetters: 0 },
    ].map((r) => JSON.parse(JSON.stringify(r))),
  };

  it('writes one row per record under the Vietnamese headers, and reads back the same dataset', () => {
    const table = datasetToTable(DATASET);
    expect(table[0]).toEqual(LABELS);
    expect(table).toHaveLength(3);
    expect(table[2]?.slice(0, 7)).toEqual(['c', 'Xã Một', 'xã', 'd', '00565', '2022-01', 5]);
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
    expect(result.notes.map((n) => n.code)).toEqual(['rule_row_skipped', 'example_row']);
  });

  it('writes JSON with "$schema" first and two-space indentation', () => {
    const text = datasetJsonText({ ...DATASET, $schema: 'other.json' });
    expect(text.startsWith('{\n  "$schema": "./schema.json",\n  "schemaVersion": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

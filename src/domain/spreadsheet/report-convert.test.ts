import { describe, expect, it } from 'vitest';
import {
  DONG_DU_T4,
  dongDuForm,
  EXPECTED_REPORTS,
  GIA_LAM_T4,
  giaLamForms,
  NINH_HIEP_T4,
  ninhHiepForms,
  REPORT_FILES,
} from '../../../tests/support/report-fixtures.ts';
import { formCells, type ReportForm, systemA, systemB } from '../../../tests/support/report-forms.ts';
import { type ConvertOptions, convertWorkbooks } from './convert.ts';
import { describeSheetError, describeSheetNote, describeSheetWarning } from './messages.ts';
import type { ConvertResult, WorkbookCells } from './problems.ts';
import { isNumbersRow, readReportLayout } from './report-columns.ts';
import { TEMPLATE_COLUMNS } from './template-columns.ts';

function book(fileName: string, ...forms: ReportForm[]): WorkbookCells {
  return { fileName, kind: 'xlsx', sheets: forms.map((f) => ({ name: f.sheet, rows: formCells(f) })) };
}

function allFour(): WorkbookCells[] {
  const [giaLam, ninhHiep, dongDu4, dongDu5] = REPORT_FILES;
  return [
    book(giaLam, ...giaLamForms()),
    book(ninhHiep, ...ninhHiepForms()),
    book(dongDu4, dongDuForm(4)),
    book(dongDu5, dongDuForm(5)),
  ];
}

function messages(result: ConvertResult, lang: 'vi' | 'en' = 'vi'): string[] {
  if (result.ok) throw new Error('expected the reports to be refused');
  return result.errors.map((e) => describeSheetError(e, lang));
}

function convert(workbooks: WorkbookCells[], options?: ConvertOptions): ConvertResult {
  return convertWorkbooks(workbooks, options);
}

// System A: title lines on rows 1–7, the header on rows 8–10, column numbers on 11, a group row on 12,
// the field rows from 13. System B: lines 1–5, header 6–7, numbers 8, the total row 9, fields from 10.
const A_FIRST = 13;
const B_FIRST = 10;

describe('the columns of a report, found by their headers', () => {
  it('reads a three-row merged header with column numbers (system A)', () => {
    const sheet = { name: 'T4', rows: formCells(systemA({ sheet: 'T4', fields: GIA_LAM_T4 })) };
    const layout = readReportLayout(sheet);
    if (!layout) throw new Error('not recognised');
    expect([layout.top, layout.bottom, layout.numbersRow, layout.firstDataRow]).toEqual([7, 9, 10, 11]);
    expect(Object.fromEntries([...layout.columns].map(([k, c]) => [k, `${c.index} ${c.header}`]))).toEqual({
      rowNumber: '0 STT',
      field: '1 Lĩnh vực, công việc giải quyết theo cấp',
      receivedTotal: '2 Tổng số (Số hồ sơ nhận giải quyết)',
      receivedOnline: '3 Số mới tiếp nhận trực tuyến',
      receivedDirect: '4 Số mới tiếp nhận trực tiếp, dịch vụ bưu chính công ích',
      carriedOver: '5 Số kỳ trước chuyển qua',
      resolvedTotal: '6 Tổng số (Số hồ sơ đã giải quyết)',
      resolvedEarly: '7 Trả trước hạn',
      resolvedOnTime: '8 Trả đúng thời hạn',
      resolvedLate: '9 Trả quá hạn',
      pendingTotal: '10 Tổng số (Số hồ sơ đang giải quyết)',
      pendingWithinDeadline: '11 Chưa đến hạn',
      pendingOverdue: '12 Quá hạn',
    });
    expect(layout.missing).toEqual([]);
    expect(layout.withdrawnInResolved).toBe(false);
  });

  it('reads a two-row header without "Trước hạn", with "Trả lại/Rút" in the resolved group (system B)', () => {
    const sheet = { name: 'B', rows: formCells(systemB({ sheet: 'B', fields: DONG_DU_T4 })) };
    const layout = readReportLayout(sheet);
    if (!layout) throw new Error('not recognised');
    expect([layout.top, layout.bottom, layout.numbersRow, layout.firstDataRow]).toEqual([5, 6, 7, 8]);
    expect(layout.columns.has('resolvedEarly')).toBe(false);
    expect(layout.columns.get('resolvedOnTime')).toEqual({ header: 'Đúng hạn', index: 7 });
    expect(layout.columns.get('resolvedLate')).toEqual({ header: 'Quá hạn (Số lượng hồ sơ đã giải quyết)', index: 8 });
    expect(layout.columns.get('pendingOverdue')).toEqual({
      header: 'Quá hạn (Số lượng hồ sơ đang giải quyết)',
      index: 12,
    });
    expect(layout.columns.get('withdrawn')).toEqual({ header: 'Trả lại/Rút', index: 9 });
    expect(layout.withdrawnInResolved).toBe(true);
    expect(layout.ignored).toEqual([{ header: 'Ghi chú', index: 13 }]);
  });

  it('reads a header with no row of numbers, in other words, with "Trả lại/Rút" standing on its own', () => {
    const rows = [
      ['UBND XÃ MỘT'],
      ['Kỳ báo cáo: tháng 6/2022'],
      [
        'TT',
        'Lĩnh vực giải quyết',
        'Tiếp nhận',
        null,
        null,
        null,
        'Đã giải quyết',
        null,
        null,
        'Đang giải quyết',
        null,
        'Trả lại / rút hồ sơ',
      ],
      [
        null,
        null,
        'TỔNG SỐ',
        'Trực  tuyến',
        'Trực tiếp',
        'Kỳ trước chuyển sang',
        'Trước hạn',
        'Đúng hạn',
        'Quá hạn',
        'Trong hạn',
        'Quá hạn',
      ],
      [1, 'Hộ tịch', 13, 5, 5, 3, 2, 6, 1, 3, 0, 1],
    ];
    const layout = readReportLayout({ name: 'S', rows });
    if (!layout) throw new Error('not recognised');
    expect(layout.numbersRow).toBeUndefined();
    expect(layout.firstDataRow).toBe(4);
    expect(layout.columns.get('withdrawn')?.index).toBe(11);
    expect(layout.withdrawnInResolved).toBe(false);
    expect(layout.columns.get('pendingOverdue')?.index).toBe(10);
    expect(layout.missing).toEqual([]);
    const result = convert([{ fileName: 's.xlsx', kind: 'xlsx', sheets: [{ name: 'S', rows }] }]);
    if (!result.ok) throw new Error(messages(result).join('\n'));
    // 3 + 10 = 13 = (2 + 6 + 1) resolved + 1 withdrawn + 3 pending: the resolved columns have no total to add it to.
    expect(result.dataset.records).toEqual([
      {
        unitId: 'xa-mot',
        month: '2022-06',
        fieldId: 'ho-tich',
        carriedOver: 3,
        received: 10,
        receivedOnline: 5,
        resolvedEarly: 2,
        resolvedOnTime: 6,
        resolvedLate: 1,
        withdrawn: 1,
        pendingWithinDeadline: 3,
        pendingOverdue: 0,
      },
    ]);
  });

  it('reads "Bổ sung" as handed back (resolved group) or still waiting within the deadline (pending group)', () => {
    const rows = [
      ['Đơn vị báo cáo: UBND phường Một'],
      ['Từ ngày 01/06/2022 đến ngày 30/06/2022'],
      [
        'STT',
        'Lĩnh vực',
        'Số hồ sơ nhận giải quyết',
        null,
        null,
        null,
        'Số hồ sơ đã giải quyết',
        null,
        null,
        null,
        null,
        'Số hồ sơ đang giải quyết',
        null,
        null,
        null,
      ],
      [
        null,
        null,
        'Tổng số',
        'Trực tuyến',
        'Trực tiếp',
        'Từ kỳ trước',
        'Tổng số',
        'Trước hạn',
        'Đúng hạn',
        'Quá hạn',
        'Bổ sung',
        'Tổng số',
        'Trong hạn',
        'Quá hạn',
        'Chờ bổ sung',
      ],
      // 20 + 5 + 5 = 30 received; 4 + 10 + 1 + 2 = 17 resolved with 2 handed back; 9 + 1 + 3 = 13 pending.
      [1, 'Đất đai', 30, 20, 5, 5, 17, 4, 10, 1, 2, 13, 9, 1, 3],
      ['Tổng cộng', null, 30, 20, 5, 5, 17, 4, 10, 1, 2, 13, 9, 1, 3],
    ];
    const result = convert([{ fileName: 'p.xlsx', kind: 'xlsx', sheets: [{ name: 'T6', rows }] }]);
    if (!result.ok) throw new Error(messages(result).join('\n'));
    expect(result.dataset.records).toEqual([
      {
        unitId: 'phuong-mot',
        month: '2022-06',
        fieldId: 'dat-dai',
        carriedOver: 5,
        received: 25,
        receivedOnline: 20,
        resolvedEarly: 4,
        resolvedOnTime: 10,
        resolvedLate: 1,
        withdrawn: 2,
        pendingWithinDeadline: 12,
        pendingOverdue: 1,
      },
    ]);
    // The total row stood in the STT column; it was checked, not read as a field.
    expect(result.dataset.fields).toEqual([{ id: 'dat-dai', name: 'Đất đai' }]);
  });

  it('checks a group row that carries figures against its field rows, and does not count it as a field', () => {
    const form = systemA({ sheet: 'T4', authority: 'UBND XÃ AN PHÚ', month: 'Tháng 4 năm 2022', fields: GIA_LAM_T4 });
    // The group row "I" above the fields gets the sum of its fields, wrong in one column (carried over 131, not 130).
    const groupRow = form.rows[A_FIRST - 2] as unknown[];
    groupRow.push(420 + 60, 40 + 5, 260 + 45, 131, 280 + 47, 55, 240, 32, 140 + 13, 142, 11);
    const result = convert([book('g.xlsx', form)]);
    expect(messages(result)).toEqual([
      `Tệp g.xlsx, sheet T4, dòng ${A_FIRST - 1}, cột Tổng số (Số hồ sơ nhận giải quyết): tổng số (480) khác trực tuyến + trực tiếp + kỳ trước (481)`,
      `Tệp g.xlsx, sheet T4, dòng ${A_FIRST - 1}, cột Số kỳ trước chuyển qua: dòng nhóm ghi 131, nhưng cộng các dòng lĩnh vực của nhóm được 130`,
    ]);
  });

  it('knows a row of column numbers', () => {
    expect(isNumbersRow(['(1)', '(2)', '(3)', '(4)', '(5)'])).toBe(true);
    expect(isNumbersRow([1, 2, 3, 4, 5, 6])).toBe(true);
    expect(isNumbersRow(['A', 'B', 1, 2, 3, 4])).toBe(true);
    expect(isNumbersRow(['(1)', '(2)', '(3)=(4)+(5)+(6)', '(4)', '(5)'])).toBe(true);
    expect(isNumbersRow([1, 'Hộ tịch', 13, 5, 5])).toBe(false);
    expect(isNumbersRow([1, 2, 2, 4])).toBe(false);
  });
});

describe('monthly reports of two systems, several units and months, into one dataset', () => {
  it('gives the figures of every unit, field and month exactly, parents from the one district', () => {
    const result = convert(allFour());
    if (!result.ok) throw new Error(messages(result).join('\n'));
    expect(result.dataset).toEqual({
      $schema: './schema.json',
      title: 'Huyện Gia Lâm – kết quả giải quyết thủ tục hành chính',
      source:
        'Chuyển từ báo cáo tình hình, kết quả giải quyết thủ tục hành chính: gia-lam-2022.xlsx, ninh-hiep-2022.xlsx, dong-du-t4.xlsx, dong-du-t5.xlsx.',
      ...EXPECTED_REPORTS,
    });
    expect(result.warnings).toEqual([]);
    expect(result.notes.map((n) => describeSheetNote(n, 'vi'))).toEqual([
      'chưa có Tiêu đề (trang "Thông tin"), nên tiêu đề đặt là: "Huyện Gia Lâm – kết quả giải quyết thủ tục hành chính"',
      'Tệp gia-lam-2022.xlsx, sheet T4: đọc là báo cáo của Huyện Gia Lâm, tháng 4/2022, 2 lĩnh vực',
      'Tệp gia-lam-2022.xlsx, sheet T5: đọc là báo cáo của Huyện Gia Lâm, tháng 5/2022, 2 lĩnh vực',
      'Tệp ninh-hiep-2022.xlsx, sheet T4: đọc là báo cáo của Xã Ninh Hiệp, tháng 4/2022, 2 lĩnh vực',
      'Tệp ninh-hiep-2022.xlsx, sheet T5: đọc là báo cáo của Xã Ninh Hiệp, tháng 5/2022, 2 lĩnh vực',
      'Tệp dong-du-t4.xlsx, sheet Báo cáo: đọc là báo cáo của Xã Đông Dư, tháng 4/2022, 2 lĩnh vực',
      'Tệp dong-du-t4.xlsx, sheet Báo cáo, dòng 6, cột Ghi chú: cột "Ghi chú" không phải cột cần đọc nên được bỏ qua',
      'Tệp dong-du-t5.xlsx, sheet Báo cáo: đọc là báo cáo của Xã Đông Dư, tháng 5/2022, 2 lĩnh vực',
      'Tệp dong-du-t5.xlsx, sheet Báo cáo, dòng 6, cột Ghi chú: cột "Ghi chú" không phải cột cần đọc nên được bỏ qua',
    ]);
  });

  it('reads a report among the project’s own table and its "Thông tin" sheet', () => {
    const labels = TEMPLATE_COLUMNS.map((c) => c.label.vi);
    const cell = (key: string, value: unknown) =>
      labels.map((_, i) => (TEMPLATE_COLUMNS[i]?.key === key ? value : null));
    const merge = (...parts: unknown[][]) => parts.reduce((row, p) => row.map((c, i) => p[i] ?? c));
    const tableRow = merge(
      cell('unitId', 'xa-dong-du'),
      cell('unitName', 'Xã Đông Dư'),
      cell('level', 'xã'),
      cell('month', 'T3/2022'),
      cell('fieldName', 'Hộ tịch'),
      cell('carriedOver', 4),
      cell('received', 100),
      cell('receivedOnline', 60),
      cell('resolvedEarly', 10),
      cell('resolvedOnTime', 84),
      cell('resolvedLate', 0),
      cell('withdrawn', 5),
      cell('pendingWithinDeadline', 5),
      cell('pendingOverdue', 0),
    );
    const table: WorkbookCells = {
      fileName: 'thang-3.xlsx',
      kind: 'xlsx',
      sheets: [
        { name: 'Số liệu', rows: [labels, tableRow] },
        { name: 'Thông tin', rows: [['Tiêu đề', 'Đông Dư 2022']] },
      ],
    };
    const result = convert([table, book('dong-du-t4.xlsx', dongDuForm(4))]);
    if (!result.ok) throw new Error(messages(result).join('\n'));
    expect(result.dataset.title).toBe('Đông Dư 2022');
    expect(result.dataset.units).toEqual([{ id: 'xa-dong-du', name: 'Xã Đông Dư', level: 'commune' }]);
    expect(result.dataset.records.map((r) => `${r.month} ${r.fieldId} ${r.carriedOver}`)).toEqual([
      '2022-03 ho-tich 4',
      '2022-04 ho-tich 5',
      '2022-04 dat-dai 20',
    ]);
    // March's Hộ tịch ends with 5 pending, April's starts with 5 carried over: the chain holds across formats.
    expect(result.warnings).toEqual([]);
  });

  it('maps report names to an existing dataset with a units file', () => {
    const units: WorkbookCells = {
      fileName: 'don-vi.csv',
      kind: 'csv',
      sheets: [
        {
          name: 'don-vi.csv',
          rows: [
            ['Tên đơn vị', 'Mã đơn vị', 'Cấp', 'Mã đơn vị cấp trên', 'Mã số thống kê'],
            ['Huyện Gia Lâm', 'gia-lam', 'huyện', '', ''],
            ['Ninh Hiệp', 'xa-ninh-hiep', 'xã', 'gia-lam', '00535'],
            ['Xã Đông Dư', 'xa-dong-du', 'xã', 'gia-lam', '00568'],
            ['Xã Yên Viên', 'xa-yen-vien', 'xã', 'gia-lam', ''],
          ],
        },
      ],
    };
    const [, ninhHiep] = REPORT_FILES;
    const result = convert([book(ninhHiep, ...ninhHiepForms())], { units });
    if (!result.ok) throw new Error(messages(result).join('\n'));
    // The commune and the unit above it, as the list has them; units the reports do not name are left out.
    expect(result.dataset.units).toEqual([
      { id: 'gia-lam', name: 'Huyện Gia Lâm', level: 'district' },
      { id: 'xa-ninh-hiep', name: 'Ninh Hiệp', level: 'commune', parentId: 'gia-lam', code: '00535' },
    ]);
    expect(new Set(result.dataset.records.map((r) => r.unitId))).toEqual(new Set(['xa-ninh-hiep']));

    const unknown = convert(
      [
        book('dong-du-t4.xlsx', dongDuForm(4)),
        book('x.xlsx', systemB({ sheet: 'B', unitLine: 'Xã Phù Đổng', month: '04/2022', fields: DONG_DU_T4 })),
      ],
      { units },
    );
    expect(messages(unknown)).toEqual([
      "Tệp x.xlsx, sheet B, dòng 5: đơn vị này không có trong tệp danh sách đơn vị, đang là 'Xã Phù Đổng'",
    ]);
  });
});

describe('reports refused, with file, sheet, row and column', () => {
  it('a row that does not add up, a non-number, a blank total, and a total row that differs from its rows', () => {
    const form = systemA({
      sheet: 'Tháng 11',
      authority: 'UBND XÃ AN PHÚ',
      month: 'Tháng 11 năm 2022',
      fields: NINH_HIEP_T4,
      textNumbers: true,
      edit: [
        [0, 'C', '1.506'],
        [1, 'D', 'mười'],
      ],
    });
    // The total row: resolved on time (and so its resolved total) no longer the sum of the rows above (480 + 1.000).
    const totalRow = form.rows[A_FIRST - 1 + NINH_HIEP_T4.length] as unknown[];
    totalRow[8] = '1.490';
    totalRow[6] = '2.490';
    const blank = systemB({
      sheet: 'BC',
      unitLine: 'Xã Đông Dư',
      month: '11/2022',
      fields: DONG_DU_T4,
      edit: [[0, 'G', null]],
    });
    const result = convert([book('bao-cao-t11.xlsx', form), book('dong-du.xlsx', blank)]);
    expect(messages(result)).toEqual([
      `Tệp bao-cao-t11.xlsx, sheet Tháng 11, dòng ${A_FIRST}, cột Tổng số (Số hồ sơ nhận giải quyết): tổng số (1.506) khác trực tuyến + trực tiếp + kỳ trước (1.503)`,
      `Tệp bao-cao-t11.xlsx, sheet Tháng 11, dòng ${A_FIRST + 1}, cột Số mới tiếp nhận trực tuyến: phải là số nguyên không âm, đang là 'mười'`,
      `Tệp bao-cao-t11.xlsx, sheet Tháng 11, dòng ${A_FIRST + 2}, cột Tổng số (Số hồ sơ đã giải quyết): dòng tổng ghi 2.490, nhưng cộng các dòng lĩnh vực được 2.480`,
      `Tệp bao-cao-t11.xlsx, sheet Tháng 11, dòng ${A_FIRST + 2}, cột Trả đúng thời hạn: dòng tổng ghi 1.490, nhưng cộng các dòng lĩnh vực được 1.480`,
      `Tệp dong-du.xlsx, sheet BC, dòng ${B_FIRST}, cột Tổng số (Số lượng hồ sơ đã giải quyết): không được để trống`,
    ]);
    expect(messages(result, 'en')[0]).toBe(
      `File bao-cao-t11.xlsx, sheet Tháng 11, row ${A_FIRST}, column Tổng số (Số hồ sơ nhận giải quyết): the total (1,506) differs from online + in person or by post + carried over (1,503)`,
    );
  });

  it('a report without its period, one for a quarter, one for three months of dates, one without a unit', () => {
    const noPeriod = systemA({ sheet: 'T4', authority: 'UBND XÃ AN PHÚ', fields: GIA_LAM_T4 });
    const quarter = systemA({
      sheet: 'Quý I',
      authority: 'UBND XÃ AN PHÚ',
      month: 'Quý I năm 2022',
      fields: GIA_LAM_T4,
    });
    const threeMonths = systemB({
      sheet: 'BC',
      unitLine: 'Xã An Phú',
      from: '01/01/2022',
      to: '31/03/2022',
      fields: DONG_DU_T4,
    });
    const noUnit = systemA({ sheet: 'T5', month: 'Tháng 5 năm 2022', fields: GIA_LAM_T4 });
    const result = convert([book('a.xlsx', noPeriod, quarter), book('b.xlsx', threeMonths), book('c.xlsx', noUnit)]);
    expect(messages(result)).toEqual([
      'Tệp a.xlsx, sheet T4: không tìm thấy kỳ báo cáo: cần dòng "Kỳ báo cáo: Tháng 4 năm 2022" hoặc "Từ ngày 15/03/2022 đến ngày 14/04/2022" phía trên bảng',
      "Tệp a.xlsx, sheet Quý I, dòng 5: báo cáo này không phải báo cáo tháng; hãy xuất từ hệ thống một báo cáo cho mỗi tháng rồi chọn tất cả các tệp, đang là 'Kỳ báo cáo: Quý I năm 2022'",
      'Tệp b.xlsx, sheet BC, dòng 4: kỳ báo cáo từ 01/01/2022 đến 31/03/2022 dài hơn một tháng; hãy xuất từ hệ thống một báo cáo cho mỗi tháng rồi chọn tất cả các tệp',
      'Tệp c.xlsx, sheet T5: không tìm thấy đơn vị báo cáo: cần dòng "Đơn vị báo cáo: …" hoặc tên cơ quan ở góc trên bên trái (ví dụ "UBND XÃ AN PHÚ")',
    ]);
  });

  it('the same unit, month and field twice, naming both places; a unit whose level is unknown', () => {
    const [, ninhHiep] = REPORT_FILES;
    const again = book('ninh-hiep-ban-sao.xlsx', ninhHiepForms()[0] as ReportForm);
    const odd = systemA({ sheet: 'T4', unitLine: 'Ban quản lý chợ', month: 'Tháng 4 năm 2022', fields: GIA_LAM_T4 });
    const result = convert([book(ninhHiep, ...ninhHiepForms()), again, book('bql.xlsx', odd)]);
    expect(messages(result)).toEqual([
      'Tệp ninh-hiep-ban-sao.xlsx, sheet T4, dòng 13: Trùng số liệu của cùng đơn vị, tháng và lĩnh vực (đã có ở Tệp ninh-hiep-2022.xlsx, sheet T4, dòng 13). (giá trị: "xa-ninh-hiep" 2022-04 "ho-tich")',
      'Tệp ninh-hiep-ban-sao.xlsx, sheet T4, dòng 14: Trùng số liệu của cùng đơn vị, tháng và lĩnh vực (đã có ở Tệp ninh-hiep-2022.xlsx, sheet T4, dòng 14). (giá trị: "xa-ninh-hiep" 2022-04 "chung-thuc")',
      "Tệp bql.xlsx, sheet T4, dòng 6: không rõ cấp của đơn vị: tên phải bắt đầu bằng xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố hoặc tỉnh (hoặc dùng tệp danh sách đơn vị --units), đang là 'Ban quản lý chợ'",
    ]);
  });

  it('a report lacking a column of the form names the column and the header row', () => {
    const form = systemB({ sheet: 'BC', unitLine: 'Xã Đông Dư', month: '04/2022', fields: DONG_DU_T4 });
    // "Trong hạn" of the pending group renamed to something no system writes.
    (form.rows[6] as unknown[])[11] = 'Khác';
    expect(messages(convert([book('d.xlsx', form)]))).toEqual([
      'Tệp d.xlsx, sheet BC, dòng 6: báo cáo thiếu cột "Số hồ sơ đang giải quyết: Trong hạn" (tìm theo tiêu đề cột)',
    ]);
  });

  it('loads with a warning where May does not carry over what April left pending', () => {
    const [april, may] = ninhHiepForms() as [ReportForm, ReportForm];
    // Hộ tịch: April leaves 23 pending; May now says 25 carried over (and 2 more in its total, so the row adds up).
    (may.rows[A_FIRST - 1] as unknown[])[5] = '25';
    (may.rows[A_FIRST - 1] as unknown[])[2] = '1.575';
    (may.rows[A_FIRST - 1] as unknown[])[11] = '22';
    (may.rows[A_FIRST - 1] as unknown[])[10] = '22';
    const total = may.rows[A_FIRST - 1 + 2] as unknown[];
    [total[5], total[2], total[11], total[10]] = ['25', '2.475', '22', '22'];
    const result = convert([book('nh.xlsx', april, may)]);
    if (!result.ok) throw new Error(messages(result).join('\n'));
    expect(result.warnings.map((w) => describeSheetWarning(w, 'vi'))).toEqual([
      `Tệp nh.xlsx, sheet T5, dòng ${A_FIRST}, cột Số kỳ trước chuyển qua: Xã Ninh Hiệp, lĩnh vực Hộ tịch, tháng 5/2022: kỳ trước chuyển sang = 25, nhưng tháng trước còn đang giải quyết = 23.`,
    ]);
  });
});

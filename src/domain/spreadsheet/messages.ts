import { formatCount, formatMonth, type Lang } from '../format.ts';
import { describeWarning, errorText } from '../messages.ts';
import type { DataError } from '../problems.ts';
import { formatOtherPlace, formatPlace, type Place } from './places.ts';
import type { SheetError, SheetErrorCode, SheetNote, SheetNoteCode, SheetWarning } from './problems.ts';
import { INFO_SHEET } from './template-columns.ts';

/** The words of every spreadsheet problem, in Vietnamese and English, each led by its place. */

type Detail = Record<string, string | number>;
type Text = (d: Detail, other: string) => string;

const INFO_EXPECTED: Record<string, Record<Lang, string>> = {
  date: {
    vi: 'phải là một ngày, ví dụ 2022-05-27 hoặc 27/05/2022',
    en: 'must be a date, e.g. 2022-05-27 or 27/05/2022',
  },
  fraction: { vi: 'phải là một tỷ lệ, ví dụ 0,95 hoặc 95%', en: 'must be a rate, e.g. 0.95 or 95%' },
  boolean: { vi: 'phải là "có" hoặc "không"', en: 'must be "có" (yes) or "không" (no)' },
  text: { vi: 'phải là chữ', en: 'must be text' },
  value: { vi: 'phải là một số hoặc chữ', en: 'must be a number or text' },
};

const PART_WORDS: Record<string, Record<Lang, string>> = {
  receivedOnline: { vi: 'trực tuyến', en: 'online' },
  receivedDirect: { vi: 'trực tiếp', en: 'in person or by post' },
  receivedNew: { vi: 'mới tiếp nhận', en: 'newly received' },
  carriedOver: { vi: 'kỳ trước', en: 'carried over' },
  resolvedEarly: { vi: 'trước hạn', en: 'early' },
  resolvedOnTime: { vi: 'đúng hạn', en: 'on time' },
  resolvedLate: { vi: 'quá hạn', en: 'late' },
  withdrawn: { vi: 'trả lại/rút', en: 'returned or withdrawn' },
  resolvedSupplement: { vi: 'bổ sung', en: 'for supplement' },
  pendingWithinDeadline: { vi: 'trong hạn', en: 'within the deadline' },
  pendingOverdue: { vi: 'quá hạn', en: 'overdue' },
  pendingSupplement: { vi: 'chờ bổ sung', en: 'awaiting supplement' },
};

function parts(d: Detail, lang: Lang): string {
  return String(d.parts ?? '')
    .split(',')
    .filter((p) => p !== '')
    .map((p) => PART_WORDS[p]?.[lang] ?? p)
    .join(' + ');
}

function n(value: string | number | undefined, lang: Lang): string {
  return formatCount(Number(value ?? 0), lang);
}

function month(value: string | number | undefined, lang: Lang): string {
  return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) ? formatMonth(value, lang) : String(value ?? '');
}

const SHEET_TEXT: Record<Exclude<SheetErrorCode, 'contract'>, Record<Lang, Text>> = {
  unreadable_file: {
    vi: (d) => `không đọc được tệp bảng tính (${d.reason}); hãy mở bằng Excel và lưu lại dạng .xlsx`,
    en: (d) => `the spreadsheet cannot be read (${d.reason}); open it in Excel and save it again as .xlsx`,
  },
  legacy_xls: {
    vi: () => 'tệp Excel 97–2003 (.xls) hoặc tệp có mật khẩu chưa đọc được; hãy lưu lại dạng .xlsx hoặc CSV UTF-8',
    en: () => 'an Excel 97–2003 (.xls) or password-protected file cannot be read; save it as .xlsx or CSV UTF-8',
  },
  not_utf8: {
    vi: () => 'tệp CSV không dùng mã UTF-8; trong Excel hãy chọn lưu dạng "CSV UTF-8"',
    en: () => 'the CSV file is not UTF-8; in Excel, save it as "CSV UTF-8"',
  },
  no_table: {
    vi: () =>
      'không có trang tính nào là báo cáo kết quả giải quyết TTHC hay bảng số liệu theo mẫu (xem các lưu ý về từng trang)',
    en: () =>
      'no sheet is a report of results on administrative procedures or a table in the template (see the notes on each sheet)',
  },
  no_header: {
    vi: (d) => `không tìm thấy dòng tiêu đề cột; cần các cột ${d.expected}`,
    en: (d) => `no row of column headers found; the columns needed are ${d.expected}`,
  },
  missing_column: {
    vi: (d) => `thiếu cột bắt buộc "${d.label}" (hoặc "${d.key}")`,
    en: (d) => `the required column "${d.label}" (or "${d.key}") is missing`,
  },
  duplicate_column: {
    vi: (d) => `cột này trùng ý nghĩa với cột ${d.other}`,
    en: (d) => `this column means the same as column ${d.other}`,
  },
  no_rows: { vi: () => 'bảng không có dòng số liệu nào', en: () => 'the table has no rows of figures' },
  required: { vi: () => 'không được để trống', en: () => 'must not be empty' },
  not_count: { vi: () => 'phải là số nguyên không âm', en: () => 'must be a whole number, not negative' },
  bad_month: {
    vi: () => 'phải là một tháng, ví dụ 2022-04, 4/2022 hoặc T4/2022',
    en: () => 'must be a month, e.g. 2022-04, 4/2022 or T4/2022',
  },
  bad_level: {
    vi: () => 'cấp phải là tỉnh, huyện hoặc xã (province, district, commune)',
    en: () => 'the level must be province, district or commune (tỉnh, huyện, xã)',
  },
  not_text: { vi: () => 'phải là chữ', en: () => 'must be text' },
  unit_disagrees: {
    vi: (d, o) => `khác với ${o} của cùng đơn vị "${d.unit}", ở đó là '${d.firstValue}'`,
    en: (d, o) => `differs from ${o} of the same unit "${d.unit}", which says '${d.firstValue}'`,
  },
  field_disagrees: {
    vi: (d, o) => `khác với ${o} của cùng mã lĩnh vực "${d.field}", ở đó là '${d.firstValue}'`,
    en: (d, o) => `differs from ${o} of the same field id "${d.field}", which says '${d.firstValue}'`,
  },
  info_unknown: {
    vi: () => 'mục không có trong mẫu; các số liệu khác ghi bên dưới dòng "Số liệu khác"',
    en: () => 'not an item of the template; other figures go below the row "Số liệu khác"',
  },
  info_duplicate: {
    vi: (_d, o) => `mục này đã có ở ${o}`,
    en: (_d, o) => `this item is already given on ${o}`,
  },
  info_value: {
    vi: (d) => INFO_EXPECTED[String(d.expected)]?.vi ?? 'giá trị không hợp lệ',
    en: (d) => INFO_EXPECTED[String(d.expected)]?.en ?? 'invalid value',
  },
  report_missing_column: {
    vi: (d) => `báo cáo thiếu cột "${d.column}" (tìm theo tiêu đề cột)`,
    en: (d) => `the report has no column "${d.column}" (columns are found by their headers)`,
  },
  report_duplicate_column: {
    vi: (d) => `cột này trùng ý nghĩa với cột ${d.other}`,
    en: (d) => `this column means the same as column ${d.other}`,
  },
  report_no_unit: {
    vi: () =>
      'không tìm thấy đơn vị báo cáo: cần dòng "Đơn vị báo cáo: …" hoặc tên cơ quan ở góc trên bên trái (ví dụ "UBND XÃ AN PHÚ")',
    en: () =>
      'the reporting unit was not found: a line "Đơn vị báo cáo: …" or the authority at the top left (e.g. "UBND XÃ AN PHÚ") is needed',
  },
  report_unit_level: {
    vi: () =>
      'không rõ cấp của đơn vị: tên phải bắt đầu bằng xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố hoặc tỉnh (hoặc dùng tệp danh sách đơn vị --units)',
    en: () =>
      "the unit's level is unknown: its name must start with xã, phường, thị trấn, đặc khu, huyện, quận, thị xã, thành phố or tỉnh (or give a units file, --units)",
  },
  report_no_period: {
    vi: () =>
      'không tìm thấy kỳ báo cáo: cần dòng "Kỳ báo cáo: Tháng 4 năm 2022" hoặc "Từ ngày 15/03/2022 đến ngày 14/04/2022" phía trên bảng',
    en: () =>
      'the period was not found: a line "Kỳ báo cáo: Tháng 4 năm 2022" or "Từ ngày 15/03/2022 đến ngày 14/04/2022" above the table is needed',
  },
  report_period_long: {
    vi: (d) =>
      `${d.from !== undefined ? `kỳ báo cáo từ ${d.from} đến ${d.to} dài hơn một tháng` : 'báo cáo này không phải báo cáo tháng'}; hãy xuất từ hệ thống một báo cáo cho mỗi tháng rồi chọn tất cả các tệp`,
    en: (d) =>
      `${d.from !== undefined ? `the period from ${d.from} to ${d.to} is longer than a month` : 'this is not a monthly report'}; export one report per month from the system and choose all the files`,
  },
  report_period_order: {
    vi: (d) => `kỳ báo cáo kết thúc (${d.to}) trước khi bắt đầu (${d.from})`,
    en: (d) => `the period ends (${d.to}) before it starts (${d.from})`,
  },
  report_period_disagrees: {
    vi: (d) =>
      `kỳ báo cáo ghi ${month(d.stated, 'vi')}, nhưng từ ${d.from} đến ${d.to} là kỳ của tháng kết thúc (${String(d.to).slice(3)})`,
    en: (d) =>
      `the period says ${month(d.stated, 'en')}, but ${d.from} to ${d.to} is the period of the month it ends in (${String(d.to).slice(3)})`,
  },
  report_no_rows: {
    vi: () => 'báo cáo không có dòng lĩnh vực nào có số liệu',
    en: () => 'the report has no field rows with figures',
  },
  row_sum: {
    vi: (d) => `tổng số (${n(d.total, 'vi')}) khác ${parts(d, 'vi')} (${n(d.sum, 'vi')})`,
    en: (d) => `the total (${n(d.total, 'en')}) differs from ${parts(d, 'en')} (${n(d.sum, 'en')})`,
  },
  total_row: {
    vi: (d) => `dòng tổng ghi ${n(d.total, 'vi')}, nhưng cộng các dòng lĩnh vực được ${n(d.sum, 'vi')}`,
    en: (d) => `the total row says ${n(d.total, 'en')}, but the field rows add up to ${n(d.sum, 'en')}`,
  },
  group_row: {
    vi: (d) => `dòng nhóm ghi ${n(d.total, 'vi')}, nhưng cộng các dòng lĩnh vực của nhóm được ${n(d.sum, 'vi')}`,
    en: (d) => `the group row says ${n(d.total, 'en')}, but the field rows of the group add up to ${n(d.sum, 'en')}`,
  },
  no_field_name: {
    vi: () => 'dòng có số liệu nhưng không có tên lĩnh vực',
    en: () => 'the row has figures but no field name',
  },
  units_unknown_unit: {
    vi: () => 'đơn vị này không có trong tệp danh sách đơn vị',
    en: () => 'this unit is not in the units file',
  },
  units_duplicate: {
    vi: (_d, o) => `mã đơn vị đã có ở ${o}`,
    en: (_d, o) => `the unit id is already given on ${o}`,
  },
};

/** Contract messages that speak of JSON; in a table they are said in the table's words. */
const CONTRACT_IN_TABLE: Partial<Record<DataError['code'], Record<Lang, string>>> = {
  missing_field: { vi: 'Không được để trống.', en: 'Must not be empty.' },
  unknown_parent: {
    vi: 'Không có dòng nào của đơn vị cấp trên này trong bảng.',
    en: 'No row of the table belongs to this parent unit.',
  },
};

function showValue(value: string | number | boolean, lang: Lang): string {
  if (typeof value === 'number') return lang === 'vi' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

function contractText(e: DataError, lang: Lang, first: string | undefined): string {
  const detail = { ...(e.detail ?? {}) };
  if (first !== undefined) detail.first = first;
  const text = CONTRACT_IN_TABLE[e.code]?.[lang] ?? errorText({ ...e, detail }, lang);
  const value = e.value !== undefined ? ` (${lang === 'vi' ? 'giá trị' : 'value'}: ${e.value})` : '';
  return `${text}${value}`;
}

function where(place: Place | null, lang: Lang, fallback?: string): string {
  return place ? formatPlace(place, lang) : fallback || (lang === 'vi' ? 'Các tệp' : 'Files');
}

/** One line: `Tệp bao-cao.xlsx, sheet T11, dòng 15, cột Trực tuyến: tổng số (120) khác …`. */
export function describeSheetError(e: SheetError, lang: Lang): string {
  const other = e.other ? formatOtherPlace(e.other, e.place, lang) : '';
  if (e.code === 'contract' && e.contract) {
    return `${where(e.place, lang, e.contract.path)}: ${contractText(e.contract, lang, e.other ? other : undefined)}`;
  }
  const text = SHEET_TEXT[e.code as Exclude<SheetErrorCode, 'contract'>][lang](e.detail ?? {}, other);
  const value = e.value !== undefined ? `, ${lang === 'vi' ? 'đang là' : 'found'} '${showValue(e.value, lang)}'` : '';
  return `${where(e.place, lang)}: ${text}${value}`;
}

export function describeSheetWarning(w: SheetWarning, lang: Lang): string {
  const text = describeWarning(w.warning, lang, w.unitName, w.fieldName);
  return w.place ? `${formatPlace(w.place, lang)}: ${text}` : text;
}

const SKIPPED: Record<string, Record<Lang, string>> = {
  empty: { vi: 'trang trống', en: 'the sheet is empty' },
  unknown: {
    vi: 'không thấy tiêu đề cột của báo cáo kết quả giải quyết TTHC (Lĩnh vực, Số hồ sơ nhận giải quyết, đã giải quyết, đang giải quyết) hay của bảng mẫu (Mã đơn vị, Tháng…)',
    en: 'no column headers of a report of results (Lĩnh vực, Số hồ sơ nhận giải quyết, đã giải quyết, đang giải quyết) or of the template (Mã đơn vị, Tháng…) were found',
  },
};

const NOTE_TEXT: Record<SheetNoteCode, Record<Lang, (n: SheetNote) => string>> = {
  ignored_column: {
    vi: (n) => `cột "${n.value}" không phải cột cần đọc nên được bỏ qua`,
    en: (n) => `the column "${n.value}" is not one that is read, and was ignored`,
  },
  example_row: {
    vi: (n) => `đây là dòng ví dụ của mẫu (${n.value}); hãy xoá nếu không phải số liệu thật`,
    en: (n) => `this is the template's example row (${n.value}); delete it unless the figures are real`,
  },
  title_from_file_name: {
    vi: (n) => `chưa có Tiêu đề (trang "${INFO_SHEET}" của tệp .xlsx), nên tiêu đề lấy theo tên tệp: "${n.value}"`,
    en: (n) => `no Title (sheet "${INFO_SHEET}" of an .xlsx file), so the title is the file name: "${n.value}"`,
  },
  title_made: {
    vi: (n) => `chưa có Tiêu đề (trang "${INFO_SHEET}"), nên tiêu đề đặt là: "${n.value}"`,
    en: (n) => `no Title (sheet "${INFO_SHEET}"), so the title is: "${n.value}"`,
  },
  rule_row_skipped: {
    vi: () => 'dòng giải thích cột của mẫu được bỏ qua',
    en: () => "the template's row explaining the columns was skipped",
  },
  sheet_skipped: {
    vi: (n) => `không đọc trang này: ${SKIPPED[n.value ?? 'unknown']?.vi ?? n.value}`,
    en: (n) => `this sheet was not read: ${SKIPPED[n.value ?? 'unknown']?.en ?? n.value}`,
  },
  info_ignored: {
    vi: () => `trang "${INFO_SHEET}" này không được dùng: chỉ trang "${INFO_SHEET}" đầu tiên đi kèm bảng mẫu được đọc`,
    en: () => `this "${INFO_SHEET}" sheet was not used: only the first one that comes with a template table is read`,
  },
  report_read: {
    vi: (n) =>
      `đọc là báo cáo của ${n.value}, ${month(n.detail?.month, 'vi')}, ${formatCount(Number(n.detail?.fields ?? 0), 'vi')} lĩnh vực`,
    en: (n) =>
      `read as the report of ${n.value}, ${month(n.detail?.month, 'en')}, ${formatCount(Number(n.detail?.fields ?? 0), 'en')} field(s)`,
  },
};

export function describeSheetNote(note: SheetNote, lang: Lang): string {
  const text = NOTE_TEXT[note.code][lang](note);
  return note.place ? `${formatPlace(note.place, lang)}: ${text}` : text;
}

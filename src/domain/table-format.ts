import type { Lang } from './format.ts';
import { FIGURE_LABEL, LEVEL_LABEL, LEVEL_SHORT } from './labels.ts';
import { describeWarning, errorText } from './messages.ts';
import type { DataError, DataWarning } from './problems.ts';
import {
  COUNT_FIELDS,
  type CountField,
  type Dataset,
  type DatasetRecord,
  type Fact,
  LEVELS,
  type Level,
  recordSchemaV1,
  type Unit,
} from './schema.ts';
import { ERROR_LIST_CAP, validateDataset } from './validate.ts';

/**
 * The flat table: one row per unit and month, the unit's columns, the month,
 * then one column per record field of the data contract. Pure mapping only:
 * cells in (`unknown[][]` per sheet, as a spreadsheet library or the CSV
 * parser gives them), a dataset or a list of placed errors out; and the way
 * back, a dataset to rows of cells. Reading and writing bytes is in
 * src/data/spreadsheet.ts.
 */

// ---------------------------------------------------------------------------
// Columns

export type UnitColumnKey = 'unitId' | 'unitName' | 'level' | 'parentId' | 'code';
export type ColumnKey = UnitColumnKey | 'month' | CountField;
export type ColumnKind = 'text' | 'level' | 'month' | 'count';

export interface TableColumn {
  key: ColumnKey;
  kind: ColumnKind;
  required: boolean;
  /** The template's header (vi) and the English name; both are recognised when reading. */
  label: Record<Lang, string>;
  /** Meaning and rule, the template's second header row. Starts with "Bắt buộc"/"Không bắt buộc". */
  rule: Record<Lang, string>;
  /** Other headers staff use for the same column. */
  aliases: readonly string[];
}

export const TABLE_SHEET = 'Số liệu';
export const INFO_SHEET = 'Thông tin';
/** The id of the unit on the template's example row; a row with it gets a note. */
export const EXAMPLE_UNIT_ID = 'huyen-mau';

const OPTIONAL_RECORD_FIELDS = new Set(
  Object.entries(recordSchemaV1.entries)
    .filter(([, schema]) => schema.type === 'optional')
    .map(([key]) => key),
);

const COUNT_MEANING: Record<CountField, Record<Lang, string>> = {
  carriedOver: {
    vi: 'hồ sơ kỳ trước chuyển sang (còn đang giải quyết cuối tháng trước)',
    en: 'dossiers carried over (still in progress at the end of the previous month)',
  },
  received: { vi: 'hồ sơ mới tiếp nhận trong tháng', en: 'dossiers newly received during the month' },
  receivedOnlineLevel3: {
    vi: 'trong số mới tiếp nhận: nộp trực tuyến mức độ 3',
    en: 'of those received: submitted online at level 3',
  },
  receivedOnlineLevel4: {
    vi: 'trong số mới tiếp nhận: trực tuyến mức độ 4; mức 3 + mức 4 không quá số mới tiếp nhận',
    en: 'of those received: online at level 4; level 3 + level 4 at most the number received',
  },
  resolvedEarly: { vi: 'hồ sơ giải quyết trước hạn trong tháng', en: 'dossiers resolved before the deadline' },
  resolvedOnTime: { vi: 'hồ sơ giải quyết đúng hạn trong tháng', en: 'dossiers resolved on the deadline' },
  resolvedLate: { vi: 'hồ sơ giải quyết quá hạn trong tháng', en: 'dossiers resolved after the deadline' },
  withdrawn: {
    vi: 'hồ sơ trả lại hoặc công dân rút; để trống nghĩa là không có',
    en: 'dossiers returned or withdrawn; empty means none',
  },
  pendingWithinDeadline: {
    vi: 'hồ sơ còn đang giải quyết cuối tháng, còn trong hạn',
    en: 'dossiers in progress at the end of the month, within the deadline',
  },
  pendingOverdue: {
    vi: 'hồ sơ còn đang giải quyết cuối tháng, đã quá hạn',
    en: 'dossiers in progress at the end of the month, overdue',
  },
  feesVnd: { vi: 'phí, lệ phí thu trong tháng, tính bằng đồng', en: 'fees and charges collected, in đồng' },
  interlinked: {
    vi: 'hồ sơ liên thông; để trống nếu không báo cáo (không ghi 0)',
    en: 'interlinked dossiers; leave empty when not reported (not 0)',
  },
  saturdayReceived: {
    vi: 'hồ sơ tiếp nhận sáng thứ 7; để trống nếu không báo cáo',
    en: 'dossiers received on Saturday mornings; leave empty when not reported',
  },
  apologyLetters: {
    vi: 'thư xin lỗi đã gửi; để trống nếu không báo cáo',
    en: 'apology letters sent; leave empty when not reported',
  },
};

const COUNT_ALIASES: Partial<Record<CountField, readonly string[]>> = {
  resolvedEarly: ['Trước hạn'],
  resolvedOnTime: ['Đúng hạn'],
  withdrawn: ['Trả lại', 'Rút hồ sơ'],
  feesVnd: ['Phí, lệ phí (đồng)', 'Phí và lệ phí'],
  interlinked: ['Liên thông'],
};

function rule(required: boolean, vi: string, en: string): Record<Lang, string> {
  return {
    vi: `${required ? 'Bắt buộc' : 'Không bắt buộc'}. ${vi}`,
    en: `${required ? 'Required' : 'Optional'}. ${en}`,
  };
}

export const TABLE_COLUMNS: readonly TableColumn[] = [
  {
    key: 'unitId',
    kind: 'text',
    required: true,
    label: { vi: 'Mã đơn vị', en: 'Unit id' },
    rule: rule(
      true,
      'Mã đơn vị, không trùng giữa các đơn vị, giống nhau trên mọi dòng của một đơn vị (ví dụ xa-ninh-hiep).',
      'Unit id, unique per unit, the same on every row of the unit (e.g. xa-ninh-hiep).',
    ),
    aliases: ['id'],
  },
  {
    key: 'unitName',
    kind: 'text',
    required: true,
    label: { vi: 'Tên đơn vị', en: 'Unit name' },
    rule: rule(true, 'Tên đơn vị, giống nhau trên mọi dòng của đơn vị.', 'Unit name, the same on every row.'),
    aliases: ['name', 'Đơn vị'],
  },
  {
    key: 'level',
    kind: 'level',
    required: true,
    label: { vi: 'Cấp', en: 'Level' },
    rule: rule(true, 'Tỉnh, huyện hoặc xã (phường, thị trấn là cấp xã).', 'Province, district or commune.'),
    aliases: ['Cấp hành chính'],
  },
  {
    key: 'parentId',
    kind: 'text',
    required: false,
    label: { vi: 'Mã đơn vị cấp trên', en: 'Parent unit id' },
    rule: rule(
      false,
      'Mã của đơn vị cấp trên, phải có dòng trong bảng; để trống với đơn vị cao nhất.',
      'Id of the unit above, which must have rows in the table; empty for the top unit.',
    ),
    aliases: ['Đơn vị cấp trên', 'Mã cấp trên', 'parent'],
  },
  {
    key: 'code',
    kind: 'text',
    required: false,
    label: { vi: 'Mã số thống kê', en: 'Statistics code' },
    rule: rule(
      false,
      'Mã đơn vị hành chính của cơ quan thống kê, giữ số 0 ở đầu (ví dụ 00565).',
      'The statistics office code of the unit, leading zeros kept (e.g. 00565).',
    ),
    aliases: ['Mã thống kê', 'Mã ĐVHC', 'Mã đơn vị hành chính'],
  },
  {
    key: 'month',
    kind: 'month',
    required: true,
    label: { vi: 'Tháng', en: 'Month' },
    rule: rule(
      true,
      'Tháng báo cáo: 2022-04, 4/2022 hoặc T4/2022.',
      'Month of the figures: 2022-04, 4/2022 or T4/2022.',
    ),
    aliases: ['Tháng báo cáo', 'Kỳ báo cáo'],
  },
  ...COUNT_FIELDS.map((field): TableColumn => {
    const required = !OPTIONAL_RECORD_FIELDS.has(field);
    const meaning = COUNT_MEANING[field];
    return {
      key: field,
      kind: 'count',
      required,
      label: { vi: FIGURE_LABEL[field].vi, en: FIGURE_LABEL[field].en },
      rule: rule(
        required,
        `${upperFirst(meaning.vi)}. Số nguyên không âm.`,
        `${upperFirst(meaning.en)}. A whole number.`,
      ),
      aliases: COUNT_ALIASES[field] ?? [],
    };
  }),
];

const COLUMN_BY_KEY = new Map(TABLE_COLUMNS.map((c) => [c.key, c]));
const COLUMN_REQUIRED_IN_RECORD = new Set<ColumnKey>(
  TABLE_COLUMNS.filter((c) => c.required && (c.key === 'month' || c.kind === 'count')).map((c) => c.key),
);

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---------------------------------------------------------------------------
// Normalising labels

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const OLD_STYLE_TONE = new RegExp(`([o])([${TONE_MARKS}])([ae])|([u])([${TONE_MARKS}])(y)`, 'g');

/**
 * A label as compared: Unicode NFC, lower case, one space between words, no
 * spaces around punctuation, and the tone mark of `oa`, `oe`, `uy` on the
 * second vowel, so the old and new spellings (hòa/hoà, thủy/thuỷ) match.
 */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(OLD_STYLE_TONE, (_m, o, t1, a, u, t2, y) => (o ? `${o}${a}${t1}` : `${u}${y}${t2}`))
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s*([/,;:()–-])\s*/g, '$1')
    .replace(/[*:]+$/, '');
}

function withoutTrailingNote(normalized: string): string {
  return normalized.replace(/\([^()]*\)$/, '').trim();
}

const HEADER_INDEX: Map<string, ColumnKey> = (() => {
  const exact = new Map<string, ColumnKey>();
  const loose = new Map<string, ColumnKey | null>();
  for (const c of TABLE_COLUMNS) {
    for (const text of [c.key, c.label.vi, c.label.en, ...c.aliases]) {
      const n = normalizeLabel(text);
      exact.set(n, c.key);
      const stripped = withoutTrailingNote(n);
      if (stripped && stripped !== n) loose.set(stripped, loose.has(stripped) ? null : c.key);
    }
  }
  for (const [text, key] of loose) if (key && !exact.has(text)) exact.set(text, key);
  return exact;
})();

/** Which column a header names: a template label, an English name, a contract key or an alias. */
export function recogniseHeader(header: unknown): ColumnKey | undefined {
  if (typeof header !== 'string' && typeof header !== 'number') return undefined;
  const n = normalizeLabel(String(header));
  if (!n) return undefined;
  return HEADER_INDEX.get(n) ?? HEADER_INDEX.get(withoutTrailingNote(n));
}

const RULE_ROW_START = ['bắt buộc', 'không bắt buộc', 'tuỳ chọn', 'required', 'optional'].map(normalizeLabel);

function isRuleText(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  const n = normalizeLabel(cell);
  return RULE_ROW_START.some((start) => n.startsWith(start));
}

// ---------------------------------------------------------------------------
// Cells

export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && /^[\s\u00a0\u202f]*$/.test(cell));
}

type Parsed<T> = { ok: true; value: T } | { ok: false };

const THOUSANDS = [/^\d{1,3}(\.\d{3})+$/, /^\d{1,3}(,\d{3})+$/, /^\d{1,3}([ \u00a0\u202f]\d{3})+$/];
const CURRENCY = /\s*(₫|đ|đồng|vnd|vnđ)\.?$/i;

/**
 * A count: a whole number ≥ 0, as a number cell or as text. Text may group
 * thousands with dots (`27.866`, Vietnamese), commas (`27,866`) or spaces
 * (`27 866`), but only in groups of three, so `12,5` and `12.5` (decimals)
 * are refused. A count never has decimals, which is what makes `27.866`
 * unambiguous here. Fees may end in `đ`, `₫` or `VND`.
 */
export function parseCount(cell: unknown, options: { currency?: boolean } = {}): Parsed<number> {
  if (typeof cell === 'number') {
    return Number.isSafeInteger(cell) && cell >= 0 ? { ok: true, value: cell } : { ok: false };
  }
  if (typeof cell !== 'string') return { ok: false };
  let text = cell.normalize('NFC').replace(/^[\s\u00a0\u202f]+|[\s\u00a0\u202f]+$/g, '');
  if (options.currency) text = text.replace(CURRENCY, '');
  let digits: string | undefined;
  if (/^\d+$/.test(text)) digits = text;
  else if (THOUSANDS.some((p) => p.test(text))) digits = text.replace(/[.,\s\u00a0\u202f]/g, '');
  if (digits === undefined) return { ok: false };
  const value = Number(digits);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function monthOf(year: number, month: number): Parsed<string> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12) return { ok: false };
  return { ok: true, value: `${year}-${pad2(month)}` };
}

/**
 * A date cell as a calendar date. Spreadsheet readers give dates at UTC
 * midnight; a date made at local midnight east or west of UTC is within
 * twelve hours of it, so rounding to the nearest UTC day finds the day meant.
 */
function utcDay(date: Date): { year: number; month: number; day: number } | undefined {
  const t = date.getTime();
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(Math.round(t / DAY_MS) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function excelSerialDay(serial: number): { year: number; month: number; day: number } | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  return utcDay(new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS));
}

/**
 * A month: `2022-04`, `2022/4`, `04/2022`, `4/2022`, `T4/2022`, `Tháng 4/2022`,
 * `tháng 4 năm 2022`, an ISO date `2022-04-01`, a date cell, or an Excel date
 * serial number (a date cell whose format was lost). The day is ignored.
 */
export function parseMonth(cell: unknown): Parsed<string> {
  if (cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]') {
    const d = utcDay(cell as Date);
    return d ? monthOf(d.year, d.month) : { ok: false };
  }
  if (typeof cell === 'number') {
    const d = excelSerialDay(cell);
    return d ? monthOf(d.year, d.month) : { ok: false };
  }
  if (typeof cell !== 'string') return { ok: false };
  const text = normalizeLabel(cell).replace(/\s/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{1,2})-\d{1,2}$/.exec(text);
  if (m) return monthOf(Number(m[1]), Number(m[2]));
  m = /^(?:tháng|th\.?|t\.?)?(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return monthOf(Number(m[2]), Number(m[1]));
  m = /^tháng(\d{1,2})(?:năm|,)(\d{4})$/.exec(text);
  if (m) return monthOf(Number(m[2]), Number(m[1]));
  return { ok: false };
}

const LEVEL_WORDS: Record<Level, readonly string[]> = {
  province: ['province', 'tỉnh', 'thành phố trực thuộc trung ương'],
  district: ['district', 'huyện', 'quận', 'thị xã'],
  commune: ['commune', 'xã', 'phường', 'thị trấn'],
};

const LEVEL_INDEX: Map<string, Level> = (() => {
  const index = new Map<string, Level>();
  for (const level of LEVELS) {
    const words = [...LEVEL_WORDS[level], LEVEL_LABEL[level].vi, LEVEL_LABEL[level].en, LEVEL_SHORT[level].en];
    for (const w of words) index.set(normalizeLabel(w), level);
    for (const w of LEVEL_WORDS[level]) index.set(normalizeLabel(`cấp ${w}`), level);
  }
  return index;
})();

/** A level as a contract key or a Vietnamese word, in any case: `district`, `huyện`, `Cấp xã`, `phường`… */
export function parseLevel(cell: unknown): Parsed<Level> {
  if (typeof cell !== 'string') return { ok: false };
  const level = LEVEL_INDEX.get(normalizeLabel(cell));
  return level ? { ok: true, value: level } : { ok: false };
}

/** Text as typed, without surrounding spaces; a number cell (an id or a code typed as a number) as its digits. */
export function parseText(cell: unknown): Parsed<string> {
  if (typeof cell === 'string') return { ok: true, value: cell.normalize('NFC').trim() };
  if (typeof cell === 'number' && Number.isFinite(cell)) return { ok: true, value: String(cell) };
  return { ok: false };
}

/** A cell as the user sees it, for messages: the text as typed, a date as YYYY-MM-DD. */
function shownValue(cell: unknown): string | number | boolean {
  if (typeof cell === 'string') return cell.length > 60 ? `${cell.slice(0, 59)}…` : cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (cell instanceof Date) {
    const d = utcDay(cell);
    return d ? `${d.year}-${pad2(d.month)}-${pad2(d.day)}` : String(cell);
  }
  return String(cell);
}

// ---------------------------------------------------------------------------
// Errors, warnings and notes, placed on the sheet

/** Where something is, as the user sees it in Excel: the sheet, the row number, the column header. */
export interface Place {
  sheet: string;
  /** The "sheet" is a CSV file (named by its file name). */
  file?: boolean;
  row?: number;
  column?: string;
  /** 0-based column position, for ordering. */
  columnIndex?: number;
}

export type TableErrorCode =
  | 'unreadable_file'
  | 'legacy_xls'
  | 'not_utf8'
  | 'no_table'
  | 'no_header'
  | 'missing_column'
  | 'duplicate_column'
  | 'no_rows'
  | 'required'
  | 'not_count'
  | 'bad_month'
  | 'bad_level'
  | 'not_text'
  | 'unit_disagrees'
  | 'info_unknown'
  | 'info_duplicate'
  | 'info_value'
  | 'contract';

export interface TableError {
  code: TableErrorCode;
  /** Null for the file as a whole. */
  place: Place | null;
  /** The cell as the user sees it. */
  value?: string | number | boolean;
  detail?: Record<string, string | number>;
  /** For `contract`: the error of validateDataset, its path already translated into `place`. */
  contract?: DataError;
}

export interface TableWarning {
  warning: DataWarning;
  place: Place | null;
  unitName: string;
}

export type TableNoteCode = 'ignored_column' | 'example_row' | 'title_from_file_name' | 'rule_row_skipped';

export interface TableNote {
  code: TableNoteCode;
  place: Place | null;
  value?: string;
}

export type TableResult =
  | { ok: true; dataset: Dataset; warnings: TableWarning[]; notes: TableNote[] }
  | { ok: false; errors: TableError[]; errorCount: number; notes: TableNote[] };

/** `Sheet Số liệu, dòng 14, cột Đúng hạn` / `Sheet Số liệu, row 14, column Đúng hạn`. */
export function formatPlace(place: Place, lang: Lang): string {
  const vi = lang === 'vi';
  const parts = [`${place.file ? (vi ? 'Tệp' : 'File') : 'Sheet'} ${place.sheet}`];
  if (place.row !== undefined) parts.push(`${vi ? 'dòng' : 'row'} ${place.row}`);
  if (place.column !== undefined) parts.push(`${vi ? 'cột' : 'column'} ${place.column}`);
  return parts.join(', ');
}

function showValue(value: string | number | boolean, lang: Lang): string {
  if (typeof value === 'number') return lang === 'vi' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

type Detail = Record<string, string | number>;

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

const TABLE_TEXT: Record<Exclude<TableErrorCode, 'contract'>, Record<Lang, (d: Detail) => string>> = {
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
    vi: () => 'không có trang tính nào chứa bảng số liệu',
    en: () => 'no sheet holds the table of figures',
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
    vi: (d) => `khác với dòng ${d.firstRow} của cùng đơn vị "${d.unit}", ở đó là '${d.firstValue}'`,
    en: (d) => `differs from row ${d.firstRow} of the same unit "${d.unit}", which says '${d.firstValue}'`,
  },
  info_unknown: {
    vi: () => 'mục không có trong mẫu; các số liệu khác ghi bên dưới dòng "Số liệu khác"',
    en: () => 'not an item of the template; other figures go below the row "Số liệu khác"',
  },
  info_duplicate: {
    vi: (d) => `mục này đã có ở dòng ${d.firstRow}`,
    en: (d) => `this item is already given on row ${d.firstRow}`,
  },
  info_value: {
    vi: (d) => INFO_EXPECTED[String(d.expected)]?.vi ?? 'giá trị không hợp lệ',
    en: (d) => INFO_EXPECTED[String(d.expected)]?.en ?? 'invalid value',
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

function contractText(e: DataError, lang: Lang, rowWord: (path: string) => string | undefined): string {
  const detail = { ...(e.detail ?? {}) };
  if (typeof detail.first === 'string') detail.first = rowWord(detail.first) ?? detail.first;
  const text = CONTRACT_IN_TABLE[e.code]?.[lang] ?? errorText({ ...e, detail }, lang);
  const value = e.value !== undefined ? ` (${lang === 'vi' ? 'giá trị' : 'value'}: ${e.value})` : '';
  return `${text}${value}`;
}

/** One line: `Sheet Số liệu, dòng 14, cột Đúng hạn: phải là số nguyên không âm, đang là '12,5'`. */
export function describeTableError(e: TableError, lang: Lang): string {
  const where = e.place ? formatPlace(e.place, lang) : e.contract?.path || (lang === 'vi' ? 'Tệp' : 'File');
  if (e.code === 'contract' && e.contract) {
    const rows = e.detail ?? {};
    return `${where}: ${contractText(e.contract, lang, (p) => {
      const row = rows[p];
      return row === undefined ? undefined : `${lang === 'vi' ? 'dòng' : 'row'} ${row}`;
    })}`;
  }
  const text = TABLE_TEXT[e.code as Exclude<TableErrorCode, 'contract'>][lang](e.detail ?? {});
  const value = e.value !== undefined ? `, ${lang === 'vi' ? 'đang là' : 'found'} '${showValue(e.value, lang)}'` : '';
  return `${where}: ${text}${value}`;
}

export function describeTableWarning(w: TableWarning, lang: Lang): string {
  const text = describeWarning(w.warning, lang, w.unitName);
  return w.place ? `${formatPlace(w.place, lang)}: ${text}` : text;
}

const NOTE_TEXT: Record<TableNoteCode, Record<Lang, (value: string) => string>> = {
  ignored_column: {
    vi: (v) => `cột "${v}" không phải cột của mẫu nên được bỏ qua`,
    en: (v) => `the column "${v}" is not a column of the template and was ignored`,
  },
  example_row: {
    vi: (v) => `đây là dòng ví dụ của mẫu (${v}); hãy xoá nếu không phải số liệu thật`,
    en: (v) => `this is the template's example row (${v}); delete it unless the figures are real`,
  },
  title_from_file_name: {
    vi: (v) => `chưa có Tiêu đề (trang "${INFO_SHEET}" của tệp .xlsx), nên tiêu đề lấy theo tên tệp: "${v}"`,
    en: (v) => `no Title (sheet "${INFO_SHEET}" of an .xlsx file), so the title is the file name: "${v}"`,
  },
  rule_row_skipped: {
    vi: () => 'dòng giải thích cột của mẫu được bỏ qua',
    en: () => "the template's row explaining the columns was skipped",
  },
};

export function describeTableNote(n: TableNote, lang: Lang): string {
  const text = NOTE_TEXT[n.code][lang](n.value ?? '');
  return n.place ? `${formatPlace(n.place, lang)}: ${text}` : text;
}

// ---------------------------------------------------------------------------
// Reading: cells to a dataset

export interface SheetCells {
  name: string;
  rows: readonly (readonly unknown[])[];
}

export interface TableSource {
  fileName: string;
  /** A CSV file holds the table alone and its "sheet" is the file itself. */
  kind: 'xlsx' | 'csv';
  sheets: readonly SheetCells[];
}

/** Where each record and unit came from, to put validation errors back on the sheet. */
export interface RowMap {
  table: {
    sheet: string;
    file: boolean;
    columns: Map<ColumnKey, { name: string; index: number }>;
    /** records[i] → sheet row (1-based). */
    records: number[];
    /** units[j] → the first sheet row of the unit. */
    units: number[];
  };
  info?: {
    sheet: string;
    /** `title`, `targets.onTimeRate`, `facts[2]`… → sheet row. */
    rows: Map<string, number>;
    columns: { label: string; value: string; unit: string; note: string };
  };
}

function findSheet(sheets: readonly SheetCells[], name: string): SheetCells | undefined {
  const n = normalizeLabel(name);
  return sheets.find((s) => normalizeLabel(s.name) === n);
}

const HEADER_SEARCH_ROWS = 20;

interface Header {
  row: number;
  columns: Map<ColumnKey, { name: string; index: number }>;
}

function readHeader(sheet: SheetCells, place: Place, errors: TableError[], notes: TableNote[]): Header | undefined {
  let at = -1;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
    const keys = new Set((sheet.rows[r] ?? []).map(recogniseHeader).filter((k) => k !== undefined));
    if (keys.size >= 2) {
      at = r;
      break;
    }
  }
  if (at < 0) {
    const expected = TABLE_COLUMNS.filter((c) => c.required)
      .map((c) => `"${c.label.vi}"`)
      .join(', ');
    errors.push({ code: 'no_header', place, detail: { expected } });
    return undefined;
  }
  const row = at + 1;
  const columns = new Map<ColumnKey, { name: string; index: number }>();
  (sheet.rows[at] ?? []).forEach((cell, index) => {
    if (isEmptyCell(cell)) return;
    const name = String(cell).trim().replace(/\s+/g, ' ');
    const key = recogniseHeader(cell);
    const here = { ...place, row, column: name, columnIndex: index };
    if (!key) {
      notes.push({ code: 'ignored_column', place: here, value: name });
      return;
    }
    const seen = columns.get(key);
    if (seen) {
      errors.push({ code: 'duplicate_column', place: here, detail: { other: seen.name } });
      return;
    }
    columns.set(key, { name, index });
  });
  for (const c of TABLE_COLUMNS) {
    if (c.required && !columns.has(c.key)) {
      errors.push({ code: 'missing_column', place: { ...place, row }, detail: { label: c.label.vi, key: c.key } });
    }
  }
  return { row, columns };
}

interface UnitEntry {
  unit: Partial<Unit> & { id: string };
  index: number;
  firstRow: number;
  /** The row each attribute was first read from. */
  from: Partial<Record<'name' | 'level' | 'parentId' | 'code', number>>;
}

const UNIT_ATTR: Record<'name' | 'level' | 'parentId' | 'code', UnitColumnKey> = {
  name: 'unitName',
  level: 'level',
  parentId: 'parentId',
  code: 'code',
};

function parseCell(col: TableColumn, cell: unknown): Parsed<string | number> {
  switch (col.kind) {
    case 'count':
      return parseCount(cell, { currency: col.key === 'feesVnd' });
    case 'month':
      return parseMonth(cell);
    case 'level':
      return parseLevel(cell);
    default:
      return parseText(cell);
  }
}

const KIND_ERROR: Record<ColumnKind, TableErrorCode> = {
  count: 'not_count',
  month: 'bad_month',
  level: 'bad_level',
  text: 'not_text',
};

interface TableRead {
  units: UnitEntry[];
  records: DatasetRecord[];
  map: RowMap['table'];
  /** records[i] was read without an error in any of its cells. */
  complete: boolean[];
  /** `units:1:level`: cells already reported, whose contract errors would repeat them. */
  reported: Set<string>;
  missing: Set<ColumnKey>;
}

function readTable(sheet: SheetCells, file: boolean, errors: TableError[], notes: TableNote[]): TableRead | undefined {
  const sheetPlace: Place = { sheet: sheet.name, ...(file ? { file: true } : {}) };
  const header = readHeader(sheet, sheetPlace, errors, notes);
  if (!header) return undefined;
  const cols = TABLE_COLUMNS.flatMap((c) => {
    const at = header.columns.get(c.key);
    return at ? [{ col: c, ...at }] : [];
  });
  const missing = new Set(TABLE_COLUMNS.filter((c) => !header.columns.has(c.key)).map((c) => c.key));
  const units = new Map<string, UnitEntry>();
  const records: DatasetRecord[] = [];
  const recordRows: number[] = [];
  const reported = new Set<string>();
  const complete: boolean[] = [];

  let first = header.row; // 0-based index of the row after the header
  const next = sheet.rows[first];
  if (
    next &&
    cols.some((c) => !isEmptyCell(next[c.index])) &&
    cols.every((c) => isEmptyCell(next[c.index]) || isRuleText(next[c.index]))
  ) {
    notes.push({ code: 'rule_row_skipped', place: { ...sheetPlace, row: first + 1 } });
    first++;
  }

  for (let r = first; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cols.every((c) => isEmptyCell(cells[c.index]))) continue;
    const row = r + 1;
    const values = new Map<ColumnKey, string | number | undefined>();
    const bad = new Set<ColumnKey>();
    for (const { col, name, index } of cols) {
      const cell = cells[index];
      const place: Place = { ...sheetPlace, row, column: name, columnIndex: index };
      if (isEmptyCell(cell)) {
        if (col.required) {
          errors.push({ code: 'required', place });
          bad.add(col.key);
        }
        continue;
      }
      const parsed = parseCell(col, cell);
      if (!parsed.ok || (col.kind === 'text' && parsed.value === '')) {
        errors.push({ code: KIND_ERROR[col.kind], place, value: shownValue(cell) });
        bad.add(col.key);
        continue;
      }
      values.set(col.key, parsed.value);
    }

    const unitId = values.get('unitId') as string | undefined;
    if (unitId === undefined) continue;
    if (unitId === EXAMPLE_UNIT_ID) notes.push({ code: 'example_row', place: { ...sheetPlace, row }, value: unitId });

    let entry = units.get(unitId);
    if (!entry) {
      entry = { unit: { id: unitId }, index: units.size, firstRow: row, from: {} };
      units.set(unitId, entry);
    }
    for (const attr of ['name', 'level', 'parentId', 'code'] as const) {
      const key = UNIT_ATTR[attr];
      if (bad.has(key) || missing.has(key)) {
        if (entry.from[attr] === undefined) reported.add(`units:${entry.index}:${attr}`);
        continue;
      }
      const value = values.get(key) as string | undefined;
      const seenRow = entry.from[attr];
      if (seenRow === undefined) {
        if (value !== undefined || attr !== 'code') {
          if (value !== undefined) (entry.unit as Record<string, unknown>)[attr] = value;
          entry.from[attr] = row;
          reported.delete(`units:${entry.index}:${attr}`);
        }
        continue;
      }
      const before = entry.unit[attr];
      // A code may be given on one row only; a different code, a different name, level or parent is an error.
      if (attr === 'code' && value === undefined) continue;
      if (before !== value) {
        const at = header.columns.get(key);
        errors.push({
          code: 'unit_disagrees',
          place: { ...sheetPlace, row, column: at?.name, columnIndex: at?.index },
          value: value ?? '',
          detail: { firstRow: seenRow, unit: unitId, firstValue: before ?? '' },
        });
      }
    }

    const record: Record<string, unknown> = { unitId };
    const month = values.get('month');
    if (month !== undefined) record.month = month;
    for (const field of COUNT_FIELDS) {
      const value = values.get(field);
      if (value !== undefined) record[field] = value;
    }
    records.push(record as DatasetRecord);
    recordRows.push(row);
    complete.push(bad.size === 0);
  }

  return {
    units: [...units.values()],
    records,
    complete,
    missing,
    reported,
    map: {
      sheet: sheet.name,
      file,
      columns: header.columns,
      records: recordRows,
      units: [...units.values()].map((u) => u.firstRow),
    },
  };
}

// The "Thông tin" sheet: label–value rows, then other figures (facts) below a section row.

type InfoKind = 'text' | 'boolean' | 'date' | 'fraction';

interface InfoItem {
  path: 'title' | 'source' | 'illustrative' | 'updatedAt' | 'targets.onTimeRate' | 'targets.onlineRate';
  kind: InfoKind;
  label: Record<Lang, string>;
  aliases: readonly string[];
}

export const INFO_ITEMS: readonly InfoItem[] = [
  { path: 'title', kind: 'text', label: { vi: 'Tiêu đề', en: 'Title' }, aliases: ['Tên bộ số liệu'] },
  { path: 'source', kind: 'text', label: { vi: 'Nguồn số liệu', en: 'Source' }, aliases: ['Nguồn'] },
  {
    path: 'illustrative',
    kind: 'boolean',
    label: { vi: 'Số liệu minh hoạ', en: 'Illustrative' },
    aliases: ['Minh hoạ'],
  },
  { path: 'updatedAt', kind: 'date', label: { vi: 'Ngày cập nhật', en: 'Updated' }, aliases: ['Updated at'] },
  {
    path: 'targets.onTimeRate',
    kind: 'fraction',
    label: { vi: 'Chỉ tiêu tỷ lệ đúng hạn', en: 'Target on-time rate' },
    aliases: ['onTimeRate'],
  },
  {
    path: 'targets.onlineRate',
    kind: 'fraction',
    label: { vi: 'Chỉ tiêu tỷ lệ trực tuyến', en: 'Target online rate' },
    aliases: ['onlineRate'],
  },
];

export const INFO_HEADER: Record<Lang, readonly [string, string, string, string]> = {
  vi: ['Mục', 'Giá trị', 'Đơn vị tính', 'Ghi chú'],
  en: ['Item', 'Value', 'Unit', 'Note'],
};
export const FACTS_SECTION: Record<Lang, string> = { vi: 'Số liệu khác', en: 'Other figures' };

const INFO_INDEX = new Map<string, InfoItem>(
  INFO_ITEMS.flatMap((item) =>
    [item.path, item.label.vi, item.label.en, ...item.aliases].map((t) => [normalizeLabel(t), item] as const),
  ),
);
const INFO_HEADER_WORDS = new Set([INFO_HEADER.vi[0], INFO_HEADER.en[0]].map(normalizeLabel));
const FACTS_WORDS = new Set([FACTS_SECTION.vi, FACTS_SECTION.en, 'facts'].map(normalizeLabel));

const TRUE_WORDS = new Set(['có', 'co', 'yes', 'true', 'x', '1', 'đúng'].map(normalizeLabel));
const FALSE_WORDS = new Set(['không', 'khong', 'no', 'false', '0', 'sai'].map(normalizeLabel));

function parseBoolean(cell: unknown): Parsed<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return { ok: true, value: cell === 1 };
  if (typeof cell !== 'string') return { ok: false };
  const n = normalizeLabel(cell);
  if (TRUE_WORDS.has(n)) return { ok: true, value: true };
  if (FALSE_WORDS.has(n)) return { ok: true, value: false };
  return { ok: false };
}

/** A date as `YYYY-MM-DD`: a date cell, an Excel serial, `2022-05-27`, or Vietnamese order `27/05/2022`. */
export function parseDate(cell: unknown): Parsed<string> {
  let d: { year: number; month: number; day: number } | undefined;
  if (cell instanceof Date) d = utcDay(cell);
  else if (typeof cell === 'number') d = excelSerialDay(cell);
  else if (typeof cell === 'string') {
    const text = cell.trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (m) d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (m) d = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  }
  if (!d || d.year < 1000 || d.year > 9999) return { ok: false };
  return { ok: true, value: `${d.year}-${pad2(d.month)}-${pad2(d.day)}` };
}

/** A rate: a number (0.95, or a percentage cell), or text `0,95`, `95%`, `95,5 %`. */
export function parseFraction(cell: unknown): Parsed<number> {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false };
  if (typeof cell !== 'string') return { ok: false };
  const text = cell.trim().replace(/[\s\u00a0]/g, '');
  const m = /^(\d+(?:[.,]\d+)?)(%?)$/.exec(text);
  if (!m?.[1]) return { ok: false };
  const n = Number(m[1].replace(',', '.'));
  return { ok: true, value: m[2] ? n / 100 : n };
}

interface InfoRead {
  values: Partial<Record<InfoItem['path'], string | number | boolean>>;
  facts: Fact[];
  map: NonNullable<RowMap['info']>;
}

function readInfo(sheet: SheetCells, errors: TableError[]): InfoRead {
  const values: InfoRead['values'] = {};
  const facts: Fact[] = [];
  const rows = new Map<string, number>();
  const names = { label: 'A', value: 'B', unit: 'C', note: 'D' };
  let inFacts = false;
  sheet.rows.forEach((cells, r) => {
    const row = r + 1;
    const [label, value, unit, note] = [cells[0], cells[1], cells[2], cells[3]];
    const at = (column: keyof typeof names, index: number): Place => ({
      sheet: sheet.name,
      row,
      column: names[column],
      columnIndex: index,
    });
    if ([label, value, unit, note].every(isEmptyCell)) return;
    const labelText = parseText(label);
    const key = labelText.ok ? normalizeLabel(labelText.value) : '';
    if (INFO_HEADER_WORDS.has(key)) {
      cells.slice(0, 4).forEach((c, i) => {
        const name = parseText(c);
        if (name.ok && name.value) names[(['label', 'value', 'unit', 'note'] as const)[i] ?? 'label'] = name.value;
      });
      return;
    }
    if (FACTS_WORDS.has(key)) {
      inFacts = true;
      return;
    }
    if (!labelText.ok || labelText.value === '') {
      errors.push({ code: 'required', place: at('label', 0) });
      return;
    }
    if (inFacts) {
      const path = `facts[${facts.length}]`;
      rows.set(path, row);
      const fact: Record<string, unknown> = { label: labelText.value };
      if (isEmptyCell(value)) {
        errors.push({ code: 'required', place: at('value', 1) });
        return;
      }
      if (typeof value === 'number' || typeof value === 'string') {
        fact.value = typeof value === 'string' ? value.normalize('NFC').trim() : value;
      } else {
        errors.push({
          code: 'info_value',
          place: at('value', 1),
          value: shownValue(value),
          detail: { expected: 'value' },
        });
        return;
      }
      for (const [name, cell, index] of [
        ['unit', unit, 2],
        ['note', note, 3],
      ] as const) {
        if (isEmptyCell(cell)) continue;
        const text = parseText(cell);
        if (text.ok) fact[name] = text.value;
        else errors.push({ code: 'not_text', place: at(name, index), value: shownValue(cell) });
      }
      facts.push(fact as unknown as Fact);
      return;
    }
    const item = INFO_INDEX.get(key);
    if (!item) {
      errors.push({ code: 'info_unknown', place: at('label', 0), value: labelText.value });
      return;
    }
    const firstRow = rows.get(item.path);
    if (firstRow !== undefined) {
      errors.push({ code: 'info_duplicate', place: at('label', 0), detail: { firstRow } });
      return;
    }
    rows.set(item.path, row);
    if (isEmptyCell(value)) return;
    const parsed: Parsed<string | number | boolean> =
      item.kind === 'boolean'
        ? parseBoolean(value)
        : item.kind === 'date'
          ? parseDate(value)
          : item.kind === 'fraction'
            ? parseFraction(value)
            : parseText(value);
    if (!parsed.ok) {
      errors.push({
        code: 'info_value',
        place: at('value', 1),
        value: shownValue(value),
        detail: { expected: item.kind },
      });
      return;
    }
    values[item.path] = parsed.value;
  });
  return { values, facts, map: { sheet: sheet.name, rows, columns: names } };
}

/** The file name without folder and extension: the title of a dataset read without a "Thông tin" sheet. */
export function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .trim();
  return base || TABLE_SHEET;
}

const PATH = /^(records|units|facts)\[(\d+)\](?:\.(\w+))?/;

/** Where a validation path (`records[12].month`, `units[3].parentId`, `targets.onTimeRate`) is on the sheets. */
export function placeOfPath(path: string, map: RowMap): Place | null {
  const m = PATH.exec(path);
  const t = map.table;
  const tablePlace = (row: number | undefined, key?: ColumnKey): Place | null => {
    if (row === undefined) return null;
    const col = key ? t.columns.get(key) : undefined;
    return {
      sheet: t.sheet,
      ...(t.file ? { file: true } : {}),
      row,
      ...(col ? { column: col.name, columnIndex: col.index } : {}),
    };
  };
  if (m?.[1] === 'records') {
    const field = m[3] as ColumnKey | undefined;
    return tablePlace(t.records[Number(m[2])], field && COLUMN_BY_KEY.has(field) ? field : undefined);
  }
  if (m?.[1] === 'units') {
    const attr = m[3];
    const key: ColumnKey | undefined =
      attr === 'id' ? 'unitId' : attr ? UNIT_ATTR[attr as keyof typeof UNIT_ATTR] : undefined;
    return tablePlace(t.units[Number(m[2])], key);
  }
  const info = map.info;
  if (!info) return null;
  let row: number | undefined;
  let column: string | undefined = info.columns.value;
  let columnIndex = 1;
  if (m?.[1] === 'facts') {
    row = info.rows.get(`facts[${m[2]}]`);
    const part = m[3];
    if (part === 'label') [column, columnIndex] = [info.columns.label, 0];
    if (part === 'unit') [column, columnIndex] = [info.columns.unit, 2];
    if (part === 'note') [column, columnIndex] = [info.columns.note, 3];
  } else {
    row = info.rows.get(path);
    if (row === undefined && path === 'targets') row = info.rows.get('targets.onTimeRate');
  }
  return row === undefined ? null : { sheet: info.sheet, row, column, columnIndex };
}

function contractKey(path: string): string | undefined {
  const m = PATH.exec(path);
  if (!m || m[1] === 'facts') return undefined;
  return `${m[1]}:${m[2]}:${m[3] ?? ''}`;
}

function placeOrder(place: Place | null, sheets: readonly string[]): [number, number, number] {
  if (!place) return [-1, 0, 0];
  const s = sheets.indexOf(place.sheet);
  return [s < 0 ? sheets.length : s, place.row ?? 0, place.columnIndex ?? -1];
}

function sortByPlace<T extends { place: Place | null }>(items: T[], sheets: readonly string[]): T[] {
  return items
    .map((item, i) => ({ item, i, key: placeOrder(item.place, sheets) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.i - b.i)
    .map((x) => x.item);
}

/**
 * Read the table (and the "Thông tin" sheet, if any) into a dataset, then
 * validate it exactly as a JSON file is validated, with every error placed on
 * its sheet, row and column. All errors are collected, capped at
 * ERROR_LIST_CAP with the full count.
 */
export function tableToDataset(source: TableSource): TableResult {
  const errors: TableError[] = [];
  const notes: TableNote[] = [];
  const csv = source.kind === 'csv';
  const filePlace: Place = { sheet: source.fileName, file: true };
  const info = csv ? undefined : findSheet(source.sheets, INFO_SHEET);
  const table = (csv ? undefined : findSheet(source.sheets, TABLE_SHEET)) ?? source.sheets.find((s) => s !== info);
  if (!table || table.rows.every((r) => r.every(isEmptyCell))) {
    return refuse([{ code: 'no_table', place: filePlace }], notes, []);
  }
  const sheetName = csv ? source.fileName : table.name;
  const read = readTable({ name: sheetName, rows: table.rows }, csv, errors, notes);
  const infoRead = info ? readInfo(info, errors) : undefined;
  const sheetOrder = [sheetName, ...(info ? [info.name] : [])];
  if (!read) return refuse(errors, notes, sheetOrder);
  if (read.records.length === 0 && errors.length === 0) {
    errors.push({ code: 'no_rows', place: { sheet: sheetName, ...(csv ? { file: true } : {}) } });
  }

  // Records with a cell already refused are left out of the contract check, and all of them when a
  // column is missing: their errors are known, and repeating them would bury the others.
  const recordColumnMissing = [...read.missing].some((k) => k !== 'unitId' && COLUMN_REQUIRED_IN_RECORD.has(k));
  const checked = recordColumnMissing ? [] : read.complete.flatMap((done, i) => (done ? [i] : []));
  const map: RowMap = {
    table: { ...read.map, records: checked.map((i) => read.map.records[i] ?? 0) },
    ...(infoRead ? { info: infoRead.map } : {}),
  };
  const v = infoRead?.values ?? {};
  let title = v.title as string | undefined;
  if (title === undefined) {
    title = titleFromFileName(source.fileName);
    notes.push({ code: 'title_from_file_name', place: null, value: title });
  }
  const targets: Record<string, number> = {};
  if (v['targets.onTimeRate'] !== undefined) targets.onTimeRate = v['targets.onTimeRate'] as number;
  if (v['targets.onlineRate'] !== undefined) targets.onlineRate = v['targets.onlineRate'] as number;
  const dataset: Record<string, unknown> = {
    $schema: './schema.json',
    schemaVersion: 1,
    title,
    ...(v.source !== undefined ? { source: v.source } : {}),
    ...(v.illustrative !== undefined ? { illustrative: v.illustrative } : {}),
    ...(v.updatedAt !== undefined ? { updatedAt: v.updatedAt } : {}),
    ...(Object.keys(targets).length > 0 ? { targets } : {}),
    ...(infoRead && infoRead.facts.length > 0 ? { facts: infoRead.facts } : {}),
    units: read.units.map((u) => orderUnit(u.unit)),
    records: checked.map((i) => read.records[i]),
  };

  const result = validateDataset(dataset);
  // validateDataset keeps the first ERROR_LIST_CAP errors; those beyond are counted, not placed.
  let unplaced = 0;
  if (!result.ok) {
    unplaced = result.errorCount - result.errors.length;
    for (const e of result.errors) {
      const key = contractKey(e.path);
      if (key && isAlreadyReported(key, read)) continue;
      if (e.code === 'too_few_units' && read.records.length === 0) continue;
      const detail: Detail = {};
      if (typeof e.detail?.first === 'string') {
        const firstPlace = placeOfPath(e.detail.first, map);
        if (firstPlace?.row !== undefined) detail[e.detail.first] = firstPlace.row;
      }
      errors.push({ code: 'contract', place: placeOfPath(e.path, map), contract: e, detail });
    }
  }
  if (errors.length > 0 || !result.ok) return refuse(errors, notes, sheetOrder, unplaced);

  const names = new Map(result.dataset.units.map((u) => [u.id, u.name]));
  const warnings = result.warnings.map((w) => ({
    warning: w,
    place: placeOfPath(w.path, map),
    unitName: names.get(w.unitId) ?? w.unitId,
  }));
  return { ok: true, dataset: result.dataset, warnings, notes: sortByPlace(notes, sheetOrder) };
}

function isAlreadyReported(key: string, read: TableRead): boolean {
  const [kind, index, field] = key.split(':') as [string, string, string];
  if (kind === 'records') return false;
  const attr = field as keyof typeof UNIT_ATTR;
  if (attr in UNIT_ATTR) return read.reported.has(`units:${index}:${attr}`) || read.missing.has(UNIT_ATTR[attr]);
  return false;
}

function orderUnit(u: Partial<Unit>): Partial<Unit> {
  return {
    id: u.id,
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...(u.level !== undefined ? { level: u.level } : {}),
    ...(u.parentId !== undefined ? { parentId: u.parentId } : {}),
    ...(u.code !== undefined ? { code: u.code } : {}),
  };
}

function refuse(all: TableError[], notes: TableNote[], sheets: readonly string[], uncounted = 0): TableResult {
  const sorted = sortByPlace(all, sheets);
  return {
    ok: false,
    errors: sorted.slice(0, ERROR_LIST_CAP),
    errorCount: sorted.length + uncounted,
    notes: sortByPlace(notes, sheets),
  };
}

// ---------------------------------------------------------------------------
// Writing: a dataset to cells

export type TableCell = string | number | null;

export interface InfoRow {
  kind: 'header' | 'item' | 'section' | 'fact';
  /** For items: which field the value is. */
  path?: InfoItem['path'];
  cells: TableCell[];
}

/** The header row of the table, in the template's words (or English). */
export function tableHeaderRow(lang: Lang = 'vi'): string[] {
  return TABLE_COLUMNS.map((c) => c.label[lang]);
}

/** The template's second header row: each column's meaning and rule. */
export function tableRuleRow(lang: Lang = 'vi'): string[] {
  return TABLE_COLUMNS.map((c) => c.rule[lang]);
}

function levelWord(level: Level): string {
  return LEVEL_SHORT[level].vi.toLowerCase();
}

function recordRow(record: DatasetRecord, unit: Unit | undefined): TableCell[] {
  return TABLE_COLUMNS.map((c): TableCell => {
    switch (c.key) {
      case 'unitId':
        return record.unitId;
      case 'unitName':
        return unit?.name ?? null;
      case 'level':
        return unit ? levelWord(unit.level) : null;
      case 'parentId':
        return unit?.parentId ?? null;
      case 'code':
        return unit?.code ?? null;
      case 'month':
        return record.month;
      default:
        return record[c.key] ?? null;
    }
  });
}

/**
 * The dataset as the flat table: a header row, then one row per record in
 * the dataset's order with its unit's columns repeated. Units without any
 * record have no row, so they are not carried by the table.
 */
export function datasetToTable(dataset: Dataset): TableCell[][] {
  const units = new Map(dataset.units.map((u) => [u.id, u]));
  return [tableHeaderRow(), ...dataset.records.map((r) => recordRow(r, units.get(r.unitId)))];
}

function percentOrNull(n: number | undefined): number | null {
  return n === undefined ? null : n;
}

/** The "Thông tin" sheet of a dataset: title, source, targets… then the other figures. */
export function datasetToInfo(dataset: Dataset): InfoRow[] {
  const value: Record<InfoItem['path'], TableCell> = {
    title: dataset.title,
    source: dataset.source ?? null,
    illustrative: dataset.illustrative === undefined ? null : dataset.illustrative ? 'có' : 'không',
    updatedAt: dataset.updatedAt ?? null,
    'targets.onTimeRate': percentOrNull(dataset.targets?.onTimeRate),
    'targets.onlineRate': percentOrNull(dataset.targets?.onlineRate),
  };
  return [
    { kind: 'header', cells: [...INFO_HEADER.vi] },
    ...INFO_ITEMS.map((item): InfoRow => ({ kind: 'item', path: item.path, cells: [item.label.vi, value[item.path]] })),
    { kind: 'section', cells: [FACTS_SECTION.vi] },
    ...(dataset.facts ?? []).map(
      (f): InfoRow => ({ kind: 'fact', cells: [f.label, f.value, f.unit ?? null, f.note ?? null] }),
    ),
  ];
}

const EXAMPLE_RECORD: Omit<DatasetRecord, 'unitId' | 'month'> = {
  carriedOver: 120,
  received: 1_000,
  receivedOnlineLevel3: 200,
  receivedOnlineLevel4: 150,
  resolvedEarly: 300,
  resolvedOnTime: 650,
  resolvedLate: 10,
  withdrawn: 5,
  pendingWithinDeadline: 150,
  pendingOverdue: 5,
  feesVnd: 12_500_000,
  interlinked: 40,
  saturdayReceived: 25,
  apologyLetters: 2,
};

/** The dataset the template's example rows describe: one district, one month. */
export const TEMPLATE_EXAMPLE: Dataset = {
  schemaVersion: 1,
  title: 'Huyện Mẫu – kết quả giải quyết thủ tục hành chính',
  source: 'Báo cáo kết quả giải quyết TTHC của UBND huyện (ghi rõ số, ngày báo cáo)',
  illustrative: false,
  targets: { onTimeRate: 0.95, onlineRate: 0.5 },
  facts: [{ label: 'Thủ tục hành chính đang áp dụng', value: 434, unit: 'thủ tục' }],
  units: [{ id: EXAMPLE_UNIT_ID, name: 'Huyện Mẫu', level: 'district' }],
  records: [{ unitId: EXAMPLE_UNIT_ID, month: '2022-04', ...EXAMPLE_RECORD }],
};

/** The template's table: headers, the row of meanings and rules, and one filled example row. */
export function templateTable(): TableCell[][] {
  const [header, ...rows] = datasetToTable(TEMPLATE_EXAMPLE);
  return [header ?? tableHeaderRow(), tableRuleRow(), ...rows];
}

export function templateInfo(): InfoRow[] {
  return datasetToInfo(TEMPLATE_EXAMPLE);
}

/** The JSON text of a dataset as written by `convert`: `$schema` first, two-space indentation. */
export function datasetJsonText(dataset: Dataset, schema = './schema.json'): string {
  const { $schema: _ignored, ...rest } = dataset;
  return `${JSON.stringify({ $schema: schema, ...rest }, null, 2)}\n`;
}

import { LEVEL_LABEL, LEVEL_SHORT } from '../labels.ts';
import { LEVELS, type Level } from '../schema.ts';
import { normalizeLabel } from './text.ts';

/**
 * One cell's value, as a spreadsheet library or the CSV parser gives it
 * (text, a number, a date, a boolean, or nothing), read as what a column
 * holds: a count, a month, a level, a date, a rate or text.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false };

export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && /^[\s\u00a0\u202f]*$/.test(cell));
}

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

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function monthOf(year: number, month: number): Parsed<string> {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12) return { ok: false };
  return { ok: true, value: `${year}-${pad2(month)}` };
}

function isDate(cell: unknown): cell is Date {
  return cell instanceof Date || Object.prototype.toString.call(cell) === '[object Date]';
}

/**
 * A date cell as a calendar date. Spreadsheet readers give dates at UTC
 * midnight; a date made at local midnight east or west of UTC is within
 * twelve hours of it, so rounding to the nearest UTC day finds the day meant.
 */
export function utcDay(date: Date): CalendarDay | undefined {
  const t = date.getTime();
  if (!Number.isFinite(t)) return undefined;
  const d = new Date(Math.round(t / DAY_MS) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function excelSerialDay(serial: number): CalendarDay | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return undefined;
  return utcDay(new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS));
}

/**
 * A month: `2022-04`, `2022/4`, `04/2022`, `4/2022`, `T4/2022`, `Tháng 4/2022`,
 * `tháng 4 năm 2022`, an ISO date `2022-04-01`, a date cell, or an Excel date
 * serial number (a date cell whose format was lost). The day is ignored.
 */
export function parseMonth(cell: unknown): Parsed<string> {
  if (isDate(cell)) {
    const d = utcDay(cell);
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
  commune: ['commune', 'xã', 'phường', 'thị trấn', 'đặc khu'],
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

const TRUE_WORDS = new Set(['có', 'co', 'yes', 'true', 'x', '1', 'đúng'].map(normalizeLabel));
const FALSE_WORDS = new Set(['không', 'khong', 'no', 'false', '0', 'sai'].map(normalizeLabel));

export function parseBoolean(cell: unknown): Parsed<boolean> {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (typeof cell === 'number' && (cell === 0 || cell === 1)) return { ok: true, value: cell === 1 };
  if (typeof cell !== 'string') return { ok: false };
  const n = normalizeLabel(cell);
  if (TRUE_WORDS.has(n)) return { ok: true, value: true };
  if (FALSE_WORDS.has(n)) return { ok: true, value: false };
  return { ok: false };
}

/** A calendar date of a cell: a date cell, an Excel serial, `2022-05-27`, or Vietnamese order `27/05/2022`. */
export function parseDay(cell: unknown): CalendarDay | undefined {
  let d: CalendarDay | undefined;
  if (isDate(cell)) d = utcDay(cell);
  else if (typeof cell === 'number') d = excelSerialDay(cell);
  else if (typeof cell === 'string') {
    const text = cell.trim();
    let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (m) d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (m) d = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  }
  if (!d || d.year < 1000 || d.year > 9999) return undefined;
  return d;
}

/** A date as `YYYY-MM-DD` (the contract checks that it is a real date). */
export function parseDate(cell: unknown): Parsed<string> {
  const d = parseDay(cell);
  return d ? { ok: true, value: `${d.year}-${pad2(d.month)}-${pad2(d.day)}` } : { ok: false };
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

/** A cell as the user sees it, for messages: the text as typed, a date as YYYY-MM-DD. */
export function shownValue(cell: unknown): string | number | boolean {
  if (typeof cell === 'string') return cell.length > 60 ? `${cell.slice(0, 59)}…` : cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  if (isDate(cell)) {
    const d = utcDay(cell);
    return d ? `${d.year}-${pad2(d.month)}-${pad2(d.day)}` : String(cell);
  }
  return String(cell);
}

/** A cell as text in a line of a report's heading: a date cell in Vietnamese order (dd/mm/yyyy). */
export function cellText(cell: unknown): string {
  if (isEmptyCell(cell)) return '';
  if (isDate(cell)) {
    const d = utcDay(cell);
    return d ? `${pad2(d.day)}/${pad2(d.month)}/${d.year}` : '';
  }
  return String(cell).normalize('NFC');
}

import type { Level } from '../schema.ts';
import { type CalendarDay, cellText, isEmptyCell, pad2 } from './cells.ts';
import type { SheetCells } from './problems.ts';
import { isAllUpper, normalizeLabel, oneLine, titleCase } from './text.ts';

/**
 * The lines above a report's table: who reports ("Đơn vị báo cáo: …", or the
 * authority at the top left, "UBND XÃ AN PHÚ") and for which period
 * ("Kỳ báo cáo: Tháng 4 năm 2022 (từ ngày 15/03/2022 đến ngày 14/04/2022)").
 */

export interface HeadingLine {
  /** 1-based row. */
  row: number;
  cells: { index: number; text: string }[];
  text: string;
}

export function headingLines(sheet: SheetCells, before: number): HeadingLine[] {
  const lines: HeadingLine[] = [];
  for (let r = 0; r < Math.min(before, sheet.rows.length); r++) {
    const cells = (sheet.rows[r] ?? []).flatMap((c, index) => {
      // Lines within a cell are kept: an authority cell may hold "UBND HUYỆN X" above "UBND XÃ Y".
      const text = cellText(c)
        .split(/\r?\n/)
        .map(oneLine)
        .filter((l) => l !== '')
        .join('\n');
      return isEmptyCell(c) || text === '' ? [] : [{ index, text }];
    });
    if (cells.length > 0) lines.push({ row: r + 1, cells, text: oneLine(cells.map((c) => c.text).join(' ')) });
  }
  return lines;
}

// ---------------------------------------------------------------------------
// The unit

const AGENCY_PREFIX =
  /^(ubnd|(?:ủy|uỷ) ban nhân dân|trung tâm phục vụ hành chính công|bộ phận một cửa|bộ phận tiếp nhận và trả kết quả)\s*(?:của\s+)?/iu;

const LEVEL_PREFIX: { pattern: RegExp; word: string; level: Level | 'city' }[] = [
  { pattern: /^thị trấn\s+/iu, word: 'Thị trấn', level: 'commune' },
  { pattern: /^thị xã\s+/iu, word: 'Thị xã', level: 'district' },
  { pattern: /^đặc khu\s+/iu, word: 'Đặc khu', level: 'commune' },
  { pattern: /^xã\s+/iu, word: 'Xã', level: 'commune' },
  { pattern: /^phường\s+/iu, word: 'Phường', level: 'commune' },
  { pattern: /^huyện\s+/iu, word: 'Huyện', level: 'district' },
  { pattern: /^quận\s+/iu, word: 'Quận', level: 'district' },
  { pattern: /^(?:thành phố|tp\.?)\s*/iu, word: 'Thành phố', level: 'city' },
  { pattern: /^tỉnh\s+/iu, word: 'Tỉnh', level: 'province' },
];

/**
 * The six cities directly under the central government since 2025 (Resolution
 * 202/2025/QH15 of the National Assembly): "Thành phố …" is a province-level
 * unit for these, and a district-level city of a province otherwise.
 */
const CENTRAL_CITIES = new Set(['hà nội', 'huế', 'hải phòng', 'đà nẵng', 'cần thơ', 'hồ chí minh'].map(normalizeLabel));

export interface UnitName {
  name: string;
  /** The name without its level word: `An Phú` of `Xã An Phú`. */
  bare: string;
  /** Undefined when the name has no prefix that tells it (xã, phường, huyện, tỉnh…). */
  level?: Level;
}

/**
 * A unit's name as the dashboard shows it: the authority ("UBND", "Ủy ban nhân
 * dân", "Trung tâm Phục vụ hành chính công") dropped, the level word first in
 * normal case, a name typed in capitals in title case: `UBND XÃ AN PHÚ` → `Xã
 * An Phú`; the level from that word.
 */
export function unitFromName(text: string): UnitName | undefined {
  let t = oneLine(text).replace(/[.:;,]+$/, '');
  for (let i = 0; i < 3; i++) t = t.replace(AGENCY_PREFIX, '').trim();
  if (t === '') return undefined;
  for (const p of LEVEL_PREFIX) {
    const m = p.pattern.exec(t);
    if (!m) continue;
    const rest = t.slice(m[0].length).trim();
    if (rest === '') break;
    const shown = isAllUpper(rest) ? titleCase(rest) : rest.charAt(0).toUpperCase() + rest.slice(1);
    const level: Level =
      p.level === 'city' ? (CENTRAL_CITIES.has(normalizeLabel(shown)) ? 'province' : 'district') : p.level;
    return { name: `${p.word} ${shown}`, bare: shown, level };
  }
  const shown = isAllUpper(t) ? titleCase(t) : t.charAt(0).toUpperCase() + t.slice(1);
  return { name: shown, bare: shown };
}

const UNIT_LABEL = /^đơn vị(?:\s+báo cáo)?\s*:\s*(.*)$/iu;
const AUTHORITY = /^(ubnd|(?:ủy|uỷ) ban nhân dân|trung tâm phục vụ hành chính công)\s/iu;

export interface UnitFound extends UnitName {
  /** The 1-based row and 0-based column of the text that named it. */
  row: number;
  column: number;
}

/**
 * The reporting unit: "Đơn vị báo cáo: …" or "Đơn vị: …" (the name after the
 * label, in the next cell, or in the cell below), else the last authority line
 * at the top left ("UBND HUYỆN X" above "UBND XÃ Y" names Y).
 */
export function findReportUnit(lines: readonly HeadingLine[]): UnitFound | undefined {
  for (const [i, line] of lines.entries()) {
    for (const [k, cell] of line.cells.entries()) {
      const m = UNIT_LABEL.exec(oneLine(cell.text));
      if (!m) continue;
      let text = m[1]?.trim() ?? '';
      let row = line.row;
      let column = cell.index;
      if (text === '') {
        const right = line.cells[k + 1];
        const below = lines[i + 1];
        const under = below?.row === line.row + 1 ? below.cells.find((c) => c.index === cell.index) : undefined;
        const pick = right ?? under;
        if (pick) {
          text = oneLine(pick.text);
          column = pick.index;
          if (!right && below) row = below.row;
        }
      }
      const unit = text ? unitFromName(text) : undefined;
      if (unit) return { ...unit, row, column };
    }
  }
  let found: UnitFound | undefined;
  for (const line of lines.slice(0, 6)) {
    for (const cell of line.cells) {
      if (cell.index > 2) continue;
      for (const part of cell.text.split('\n')) {
        if (!AUTHORITY.test(part)) continue;
        const unit = unitFromName(part);
        if (unit) found = { ...unit, row: line.row, column: cell.index };
      }
    }
  }
  return found;
}

// ---------------------------------------------------------------------------
// The period

export type PeriodFound =
  | { kind: 'month'; month: string; row: number }
  | { kind: 'too_long'; from: string; to: string; days: number; row: number }
  | { kind: 'order'; from: string; to: string; row: number }
  | { kind: 'disagrees'; stated: string; from: string; to: string; row: number }
  | { kind: 'not_monthly'; text: string; row: number }
  | { kind: 'none' };

/** Longest period still read as one month: a month cut on the 15th runs from the 15th to the 14th (28–31 days). */
const MAX_DAYS = 35;

const DAY = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;
const RANGE = new RegExp(String.raw`từ\s*(?:ngày\s*)?${DAY}\s*(?:đến|tới|-|–)\s*(?:hết\s*)?(?:ngày\s*)?${DAY}`, 'u');
const MONTH = /tháng\s*(\d{1,2})\s*(?:năm|\/|-|\.)\s*(\d{4})/gu;
/** The date a report was signed ("Hà Nội, ngày 5 tháng 5 năm 2022"), never its period. */
const SIGNED = /ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}/gu;
const NOT_MONTHLY = [
  /quý\s*(?:i{1,3}|iv|[1-4])\b/u,
  /(?:^|[^\d])(?:6|9|sáu|chín)\s*tháng/u,
  /cả năm|năm\s*\d{4}\s*$/u,
  /kỳ báo cáo:?\s*năm\s*\d{4}/u,
];
const PERIOD_LINE = /kỳ báo cáo|kỳ:/u;

function day(m: RegExpExecArray, at: number): CalendarDay {
  return { day: Number(m[at]), month: Number(m[at + 1]), year: Number(m[at + 2]) };
}

function dayNumber(d: CalendarDay): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

function isRealDay(d: CalendarDay): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

function shownDay(d: CalendarDay): string {
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

function monthText(year: number, month: number): string | undefined {
  return month >= 1 && month <= 12 && year >= 1000 ? `${year}-${pad2(month)}` : undefined;
}

/**
 * The month a report covers. A date range decides ("Từ ngày 15/03/2022 đến
 * ngày 14/04/2022" is April: the month in which the period ends); a month
 * stated beside it must agree. A period longer than about a month, or words
 * of a quarter, half-year or year, mean the report is not monthly.
 */
export function findReportPeriod(lines: readonly HeadingLine[]): PeriodFound {
  const texts = lines.map((l) => ({ row: l.row, text: normalizeLabel(l.text).replace(SIGNED, ' ') }));
  // Lines that say "Kỳ báo cáo" first, then the others, in order.
  const ordered = [...texts.filter((t) => PERIOD_LINE.test(t.text)), ...texts.filter((t) => !PERIOD_LINE.test(t.text))];
  let stated: { month: string; row: number } | undefined;
  for (const t of ordered) {
    for (const m of t.text.matchAll(MONTH)) {
      const month = monthText(Number(m[2]), Number(m[1]));
      if (month) {
        stated = { month, row: t.row };
        break;
      }
    }
    if (stated) break;
  }
  for (const t of ordered) {
    const m = RANGE.exec(t.text);
    if (!m) continue;
    const from = day(m, 1);
    const to = day(m, 4);
    if (!isRealDay(from) || !isRealDay(to)) continue;
    const range = { from: shownDay(from), to: shownDay(to), row: t.row };
    const days = dayNumber(to) - dayNumber(from) + 1;
    if (days < 1) return { kind: 'order', ...range };
    if (days > MAX_DAYS) return { kind: 'too_long', ...range, days };
    const month = monthText(to.year, to.month) as string;
    if (stated && stated.month !== month) return { kind: 'disagrees', stated: stated.month, ...range };
    return { kind: 'month', month, row: t.row };
  }
  // With a month stated, only the "Kỳ báo cáo" line can say otherwise; a title's "năm 2022" does not.
  for (const t of stated ? ordered.filter((o) => PERIOD_LINE.test(o.text)) : ordered) {
    const withoutMonths = t.text.replace(MONTH, ' ');
    if (NOT_MONTHLY.some((p) => p.test(withoutMonths))) {
      const line = lines.find((l) => l.row === t.row);
      return { kind: 'not_monthly', text: line ? line.text : t.text, row: t.row };
    }
  }
  if (stated) return { kind: 'month', ...stated };
  return { kind: 'none' };
}

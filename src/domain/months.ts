/** A calendar month as `YYYY-MM`; ordered as strings and as numbers alike. */
export type Month = string;

export interface MonthRange {
  from: Month;
  to: Month;
}

/**
 * True for `YYYY-MM` with a month 01–12: the schema's MONTH_PATTERN, read from
 * the characters (the fast record check runs it once per record of a province;
 * months.test.ts proves the two agree).
 */
export function isMonth(text: string): boolean {
  if (text.length !== 7 || text.charCodeAt(4) !== 45) return false;
  // Written out: it runs for every record of a file (208,000 for a province), twice.
  if (!isDigit(text.charCodeAt(0)) || !isDigit(text.charCodeAt(1)) || !isDigit(text.charCodeAt(2))) return false;
  if (!isDigit(text.charCodeAt(3)) || !isDigit(text.charCodeAt(5)) || !isDigit(text.charCodeAt(6))) return false;
  const m = (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48);
  return m >= 1 && m <= 12;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Months since year 0, so that ranges can be measured and shifted. Read from
 * the characters of `YYYY-MM` (no strings made): coverage checks call it once
 * per record when a unit's months are first gathered.
 */
export function monthIndex(month: Month): number {
  return (
    (month.charCodeAt(0) - 48) * 12000 +
    (month.charCodeAt(1) - 48) * 1200 +
    (month.charCodeAt(2) - 48) * 120 +
    (month.charCodeAt(3) - 48) * 12 +
    (month.charCodeAt(5) - 48) * 10 +
    (month.charCodeAt(6) - 48) -
    1
  );
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function addMonths(month: Month, n: number): Month {
  return monthFromIndex(monthIndex(month) + n);
}

export function previousMonth(month: Month): Month {
  return addMonths(month, -1);
}

export function monthsBetween(range: MonthRange): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(range.from); i <= monthIndex(range.to); i++) out.push(monthFromIndex(i));
  return out;
}

export function rangeLength(range: MonthRange): number {
  return monthIndex(range.to) - monthIndex(range.from) + 1;
}

export function inRange(month: Month, range: MonthRange): boolean {
  return month >= range.from && month <= range.to;
}

/** The range of the same length that ends the month before `range` starts. */
export function previousRange(range: MonthRange): MonthRange {
  const n = rangeLength(range);
  return { from: addMonths(range.from, -n), to: addMonths(range.from, -1) };
}

/** The same months a year earlier: a range crossing a year shifts as a whole (Nov 2021–Feb 2022 → Nov 2020–Feb 2021). */
export function yearEarlierRange(range: MonthRange): MonthRange {
  return { from: addMonths(range.from, -12), to: addMonths(range.to, -12) };
}

/** True when two ranges share a month. */
export function rangesOverlap(a: MonthRange, b: MonthRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/** The first position in a sorted list of months whose month is not before `month`. */
function firstNotBefore(sorted: readonly Month[], month: Month): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as Month) < month) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when a sorted list of distinct months has every month of `range`: the
 * months from `range.from` on, as many as the range is long, end at `range.to`.
 * Two binary searches, whatever the length of the list.
 */
export function hasEveryMonth(sorted: readonly Month[], range: MonthRange): boolean {
  if (range.from > range.to) return false;
  const start = firstNotBefore(sorted, range.from);
  const end = firstNotBefore(sorted, addMonths(range.to, 1));
  return end - start === rangeLength(range);
}

export function isValidDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

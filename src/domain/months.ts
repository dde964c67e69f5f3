import { MONTH_PATTERN } from './schema.ts';

/** A calendar month as `YYYY-MM`; ordered as strings and as numbers alike. */
export type Month = string;

export interface MonthRange {
  from: Month;
  to: Month;
}

export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** Months since year 0, so that ranges can be measured and shifted. */
export function monthIndex(month: Month): number {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return year * 12 + (m - 1);
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

export function isValidDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

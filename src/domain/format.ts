import { compareNames } from './collation.ts';
import type { Month, MonthRange } from './months.ts';

/**
 * Every number and date shown anywhere (screen, briefing, command line) goes
 * through these, so the same figure reads the same everywhere. Digits and
 * separators come from Intl; the `%` and `₫` signs are placed here, because
 * ICU versions disagree on them (Node 20's ICU writes vi `98,6%`, browsers
 * `98,6 %`). Vietnamese puts a non-breaking space (U+00A0) before both.
 */

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${lang}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(id, f);
  }
  return f;
}

/**
 * Makes the formatters the headline figures use, and the name collator, ahead
 * of need. The first Intl object a page makes loads the locale data (about
 * 75 ms in Chromium on a slow machine); called while the dataset is still on
 * its way, that cost leaves the path to the first figures.
 */
export function prepareFormatting(lang: Lang): void {
  formatCount(0, lang);
  formatPercent(0, lang);
  formatVndShort(1e6, lang);
  formatRelativeChange(1, 2, lang);
  formatPointChange(1, 0, lang);
  compareNames('a', 'b');
}

/** What is shown where the data does not report a figure or a rate is undefined. */
export const NOT_AVAILABLE = '—';

export function formatCount(n: number | null, lang: Lang): string {
  if (n === null) return NOT_AVAILABLE;
  return nf(lang, 'count', { maximumFractionDigits: 0 }).format(n);
}

/** A rate 0..1 as a percentage with one decimal: vi `98,6 %`, en `98.6%`. */
export function formatPercent(rate: number | null, lang: Lang, digits = 1): string {
  if (rate === null) return NOT_AVAILABLE;
  const n = nf(lang, `pct${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return withPercentSign(n.format(rate * 100), lang);
}

const NBSP = '\u00a0';

function withPercentSign(number: string, lang: Lang): string {
  return lang === 'vi' ? `${number}${NBSP}%` : `${number}%`;
}

/** Full amount in đồng: vi `545.180.000 ₫`. */
export function formatVnd(n: number | null, lang: Lang): string {
  if (n === null) return NOT_AVAILABLE;
  const amount = formatCount(n, lang);
  return lang === 'vi' ? `${amount}${NBSP}₫` : `₫${amount}`;
}

const SCALES: readonly { size: number; vi: string; en: string }[] = [
  { size: 1e9, vi: 'tỷ đ', en: 'billion' },
  { size: 1e6, vi: 'triệu đ', en: 'million' },
  { size: 1e3, vi: 'nghìn đ', en: 'thousand' },
];

/**
 * Short amount for headlines and chart labels: vi `545,18 triệu đ`, en
 * `₫545.18 million` (the sign where the full amount has it, so money reads one
 * way in each language). The spaces are non-breaking: an amount never leaves
 * its unit alone at the start of a line.
 */
export function formatVndShort(n: number | null, lang: Lang): string {
  if (n === null) return NOT_AVAILABLE;
  const scale = SCALES.find((s) => Math.abs(n) >= s.size);
  if (!scale) return formatVnd(n, lang);
  const value = nf(lang, 'short', { maximumFractionDigits: 2 }).format(n / scale.size);
  const words = scale[lang].replaceAll(' ', NBSP);
  return lang === 'vi' ? `${value}${NBSP}${words}` : `₫${value}${NBSP}${words}`;
}

/** A signed change of a count, as a percentage of the earlier figure: `+12,3 %`. */
export function formatRelativeChange(current: number | null, previous: number | null, lang: Lang): string | null {
  if (current === null || previous === null || previous === 0) return null;
  const n = nf(lang, 'chg', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return withPercentSign(n.format(((current - previous) / previous) * 100), lang);
}

/** A signed change of a rate in percentage points: vi `+1,2 điểm %`, en `+1.2 percentage points`. */
export function formatPointChange(current: number | null, previous: number | null, lang: Lang): string | null {
  if (current === null || previous === null) return null;
  const points = nf(lang, 'pts', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format((current - previous) * 100);
  return lang === 'vi' ? `${points} điểm %` : `${points} percentage points`;
}

const MONTH_NAMES_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** vi `4/2022`, en `Apr 2022`: short enough for chart axes. */
export function formatMonthShort(month: Month, lang: Lang): string {
  const year = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  return lang === 'vi' ? `${m}/${year}` : `${MONTH_NAMES_EN[m - 1]} ${year}`;
}

/** vi `tháng 4/2022`, en `April 2022`. */
export function formatMonth(month: Month, lang: Lang): string {
  return lang === 'vi' ? `tháng ${formatMonthShort(month, lang)}` : formatMonthShort(month, lang);
}

export function formatRange(range: MonthRange, lang: Lang): string {
  if (range.from === range.to) return formatMonth(range.from, lang);
  return `${formatMonth(range.from, lang)} – ${formatMonth(range.to, lang)}`;
}

/** A calendar date `YYYY-MM-DD` as vi `27/05/2022`, en `27 May 2022`. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-');
  if (lang === 'vi') return `${d}/${m}/${y}`;
  return `${Number(d)} ${MONTH_NAMES_EN[Number(m) - 1]} ${y}`;
}

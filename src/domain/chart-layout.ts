import { formatCount, formatMonthShort, formatPercent, formatVnd, formatVndShort, type Lang } from './format.ts';
import { LEVEL_SHORT } from './labels.ts';
import type { Level } from './schema.ts';

/**
 * The arithmetic of drawing, kept apart from the drawing itself: how a value
 * is written on a chart, how names are shortened, how tall a chart is and
 * where a rate axis starts. Pure functions, so the chart module, the page's
 * reserved frames, the slides and the tests all get the same answer.
 */

export type ValueFormat = 'percent' | 'count' | 'vnd';

/** The full value, for tooltips and tables. */
export function formatValue(value: number | null, format: ValueFormat, lang: Lang): string {
  if (format === 'percent') return formatPercent(value, lang);
  if (format === 'vnd') return formatVnd(value, lang);
  return formatCount(value, lang);
}

/** The value as a label on the chart: amounts of money shortened, the rest in full. */
export function formatLabelValue(value: number | null, format: ValueFormat, lang: Lang): string {
  return format === 'vnd' ? formatVndShort(value, lang) : formatValue(value, format, lang);
}

/** Axis ticks: whole percentages and short amounts, since the ticks only mark the scale. */
export function formatTick(value: unknown, format: ValueFormat, lang: Lang): string {
  if (typeof value !== 'number') return String(value ?? '');
  if (format === 'percent') return formatPercent(value, lang, 0);
  if (format === 'vnd') return formatVndShort(value, lang);
  return formatCount(value, lang);
}

export function formatMonthTick(value: unknown, lang: Lang): string {
  return typeof value === 'string' ? formatMonthShort(value, lang) : String(value ?? '');
}

/** Shortens to at most `max` characters, ending with an ellipsis; counts characters, not UTF-16 units. */
export function truncateName(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  if (max <= 1) return '…';
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** Sorts a copy from the highest value down; units without a value go last, ties by name. */
export function sortedByValue<T extends { name: string }>(rows: readonly T[], value: (row: T) => number | null): T[] {
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) return vb - va;
    return a.name.localeCompare(b.name, 'vi');
  });
}

export interface UnitLabel {
  name: string;
  level: Level;
}

/** The longest name, in characters, that the names column holds at 12 px on a wide chart and on a phone. */
export const NAME_MAX = { wide: 28, narrow: 18 } as const;

/** Units above commune level carry their level, e.g. "Văn phòng HĐND-UBND (huyện)". */
export function unitSuffix(level: Level, lang: Lang): string {
  return level === 'commune' ? '' : ` (${LEVEL_SHORT[level][lang].toLocaleLowerCase(lang)})`;
}

/** The name as written on the axis, shortened so it never runs into the bars, the level suffix kept whole. */
export function unitAxisLabel(
  unit: UnitLabel,
  lang: Lang,
  max: number = NAME_MAX.wide,
): { text: string; full: string; truncated: boolean } {
  const suffix = unitSuffix(unit.level, lang);
  const full = `${unit.name}${suffix}`;
  const text = `${truncateName(unit.name, max - Array.from(suffix).length)}${suffix}`;
  return { text, full, truncated: text !== full };
}

/* Layout of the charts with one bar per unit. */
export const UNIT_ROW_HEIGHT = 28;
export const UNIT_CHART_MARGIN = { top: 24, right: 96, bottom: 4, left: 8 } as const;
export const X_AXIS_HEIGHT = 28;
export const LEGEND_HEIGHT = 32;

/** Height of a chart by month, in pixels, with its legend. */
export const MONTHLY_CHART_HEIGHT = 300;
/** Stacked bars carry more series, so a longer legend. */
export const STACKED_CHART_HEIGHT = 320;

/** Chart height for `count` unit rows: the rows at a fixed pitch plus room for axis, target label and legend. */
export function unitChartHeight(count: number, withLegend = false): number {
  return (
    Math.max(count, 1) * UNIT_ROW_HEIGHT +
    UNIT_CHART_MARGIN.top +
    UNIT_CHART_MARGIN.bottom +
    X_AXIS_HEIGHT +
    (withLegend ? LEGEND_HEIGHT : 0)
  );
}

/**
 * Rates start the scale a little below the lowest value (or the target)
 * instead of at zero, so month-to-month changes of a few points stay visible;
 * the top is 100 %. Ticks fall on round percentages.
 */
export function percentScale(
  values: Iterable<number | null>,
  target: number | null,
): { domain: [number, number]; ticks: number[] } {
  let min = target ?? 1;
  for (const v of values) if (typeof v === 'number' && v < min) min = v;
  // Whole percentages, so tick values stay exact.
  const roughLow = Math.max(0, Math.floor((min - 0.02) * 20) * 5);
  const step = 100 - roughLow <= 20 ? 5 : 100 - roughLow <= 50 ? 10 : 20;
  const low = Math.floor(roughLow / step) * step;
  const ticks: number[] = [];
  for (let pct = low; pct <= 100; pct += step) ticks.push(pct / 100);
  return { domain: [low / 100, 1], ticks };
}

export interface LabelledPoints {
  /** Index of the last point with a value, of the highest and of the lowest (first of equals); -1 when none. */
  last: number;
  high: number;
  low: number;
  has(index: number): boolean;
}

/**
 * The points of a line worth a label: its last value, its highest and its
 * lowest. Every other value is in the tooltip and the table.
 */
export function labelledPoints(values: readonly (number | null)[]): LabelledPoints {
  let last = -1;
  let high = -1;
  let low = -1;
  values.forEach((v, i) => {
    if (v === null) return;
    last = i;
    if (high < 0 || v > (values[high] as number)) high = i;
    if (low < 0 || v < (values[low] as number)) low = i;
  });
  // A flat line has nothing to point out but where it ends.
  if (high >= 0 && values[high] === values[low]) {
    high = last;
    low = last;
  }
  const set = new Set([last, high, low].filter((i) => i >= 0));
  return { last, high, low, has: (i) => set.has(i) };
}

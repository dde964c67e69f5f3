import { compareNames } from './collation.ts';
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
    return compareNames(a.name, b.name);
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

/** The drawing area of a chart by month, in px, and the padding of its first and last months. */
export interface LinePlot {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Space between the plot's edge and the first (and last) month. */
  padding: number;
}

export interface PlacedText {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  text: string;
}

/** A label placed relative to what it labels (a point, or the target's line), as well as absolutely. */
export interface PlacedLabel extends PlacedText {
  dx: number;
  dy: number;
}

export interface PlacedLineLabels {
  /** Per series, the labelled points by month index. */
  points: Map<number, PlacedLabel>[];
  /** The target's label: `x` within the chart, `dy` from its line. */
  target: PlacedLabel | null;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boxOf(p: PlacedText, fontSize: number): Box {
  const w = Array.from(p.text).length * fontSize * 0.6;
  const x0 = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - w / 2 : p.x - w;
  // `y` is the baseline; the box reaches a cap height above it and a descender below.
  return { x0, y0: p.y - fontSize * 0.85, x1: x0 + w, y1: p.y + fontSize * 0.25 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Where the labels of a chart by month go, so that none covers another or
 * the target's label, and none leaves the chart. The target's label is
 * placed first (on whichever side of its line is free), then each line's
 * last value (right of its point), then highs (above) and lows (below); a
 * label with no free place is left out — its value is in the table.
 */
export function placeLineLabels(
  series: readonly (readonly (number | null)[])[],
  text: (value: number) => string,
  scale: { min: number; max: number },
  plot: LinePlot,
  fontSize: number,
  target: { value: number; label: string } | null,
  chartWidth: number,
  /** Markers are drawn on the points (few months): labels keep off them. */
  markers = true,
): PlacedLineLabels {
  const months = Math.max(1, ...series.map((s) => s.length));
  const step = months > 1 ? (plot.width - 2 * plot.padding) / (months - 1) : 0;
  const xOf = (i: number) => plot.left + plot.padding + i * step;
  const yOf = (v: number) =>
    plot.top +
    plot.height * (1 - (Math.min(Math.max(v, scale.min), scale.max) - scale.min) / (scale.max - scale.min || 1));
  const taken: Box[] = [];
  // Within the plot (never over the axis's ticks on the left), or in the right margin kept for end labels.
  const inside = (b: Box) =>
    b.x0 >= plot.left && b.x1 <= chartWidth && b.y0 >= plot.top - fontSize && b.y1 <= plot.top + plot.height;
  const tryPlace = (candidates: PlacedText[]): PlacedText | null => {
    for (const c of candidates) {
      const b = boxOf(c, fontSize);
      if (inside(b) && !taken.some((t) => overlaps(t, b))) {
        taken.push(b);
        return c;
      }
    }
    return null;
  };
  let targetPlaced: PlacedLabel | null = null;
  if (target) {
    const y = yOf(target.value);
    const left = plot.left + fontSize * 0.3;
    const right = plot.left + plot.width - fontSize * 0.3;
    const at = tryPlace([
      { x: left, y: y - fontSize * 0.35, anchor: 'start', text: target.label },
      { x: left, y: y + fontSize * 1.15, anchor: 'start', text: target.label },
      { x: right, y: y - fontSize * 0.35, anchor: 'end', text: target.label },
      { x: right, y: y + fontSize * 1.15, anchor: 'end', text: target.label },
    ]);
    targetPlaced = at ? { ...at, dx: 0, dy: at.y - y } : null;
  }
  // The target's label comes first; then the points are obstacles too, so no value sits on a marker.
  if (markers) {
    for (const values of series) {
      values.forEach((v, i) => {
        if (v === null) return;
        const r = fontSize * 0.35;
        taken.push({ x0: xOf(i) - r, y0: yOf(v) - r, x1: xOf(i) + r, y1: yOf(v) + r });
      });
    }
  }
  const points = series.map(() => new Map<number, PlacedLabel>());
  const wanted = series.map((values) => labelledPoints(values));
  const place = (s: number, i: number, kind: 'last' | 'high' | 'low') => {
    const v = series[s]?.[i];
    if (v === null || v === undefined || points[s]?.has(i)) return;
    const x = xOf(i);
    const y = yOf(v);
    const t = text(v);
    const right = { x: x + fontSize * 0.6, y: y + fontSize * 0.3, anchor: 'start' as const, text: t };
    const above = { x, y: y - fontSize * 0.6, anchor: 'middle' as const, text: t };
    const below = { x, y: y + fontSize * 1.3, anchor: 'middle' as const, text: t };
    const left = { x: x - fontSize * 0.6, y: y + fontSize * 0.3, anchor: 'end' as const, text: t };
    const order =
      kind === 'last' ? [right, above, below, left] : kind === 'high' ? [above, right, left] : [below, right, left];
    const placed = tryPlace(order);
    if (placed) points[s]?.set(i, { ...placed, dx: placed.x - x, dy: placed.y - y });
  };
  wanted.forEach((w, s) => {
    if (w.last >= 0) place(s, w.last, 'last');
  });
  wanted.forEach((w, s) => {
    if (w.high >= 0) place(s, w.high, 'high');
  });
  wanted.forEach((w, s) => {
    if (w.low >= 0) place(s, w.low, 'low');
  });
  return { points, target: targetPlaced };
}

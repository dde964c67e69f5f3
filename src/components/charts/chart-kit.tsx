import { type CSSProperties, type ReactElement, useCallback, useState } from 'react';
import { type BarShapeProps, type LabelProps, Rectangle, type SymbolType, type YAxisTickContentProps } from 'recharts';
import {
  formatMonthTick,
  formatTick,
  formatValue,
  NAME_MAX,
  UNIT_CHART_MARGIN,
  type UnitLabel,
  unitAxisLabel,
  type ValueFormat,
} from '../../domain/chart-layout.ts';
import type { ColorToken, SeriesSpec } from '../../domain/chart-specs.ts';
import type { SeriesPoint } from '../../domain/dashboard.ts';
import type { Lang } from '../../domain/format.ts';
import { textWidth } from '../../domain/unit-chart-layout.ts';

/**
 * What the chart files share: palette, recharts formatters, the names column
 * of the charts by unit and the hatch pattern that marks units below target
 * without relying on colour. The arithmetic of layout is in
 * src/domain/chart-layout.ts, shared with the page's frames and the slides.
 */

/** Okabe–Ito, in the order series take them. */
export const SERIES_COLORS = [
  'var(--chart-1)',
  'var(--chart-2)',
  'var(--chart-3)',
  'var(--chart-4)',
  'var(--chart-5)',
  'var(--chart-6)',
] as const;

/** A dash pattern per series (undefined: solid), so lines differ for readers who do not see the colours. */
export const SERIES_DASHES: readonly (string | undefined)[] = [undefined, '8 4', '2 3', '12 4 2 4', '5 5', '1 4'];

/** A marker per series, for the same reason. */
export const SERIES_SYMBOLS: readonly SymbolType[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'];

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length] as string;
}

export function seriesDash(i: number): string | undefined {
  return SERIES_DASHES[i % SERIES_DASHES.length];
}

export function seriesSymbol(i: number): SymbolType {
  return SERIES_SYMBOLS[i % SERIES_SYMBOLS.length] as SymbolType;
}

/** Axis ticks: whole percentages and short amounts, since the ticks only mark the scale. */
export function tickFormatter(format: ValueFormat, lang: Lang): (value: unknown) => string {
  return (value) => formatTick(value, format, lang);
}

/** For a Tooltip's `formatter`: recharts hands over whatever the data holds. */
export function tooltipFormatter(format: ValueFormat, lang: Lang): (value: unknown) => string {
  return (value) => formatValue(typeof value === 'number' ? value : null, format, lang);
}

export function monthTickFormatter(lang: Lang): (value: unknown) => string {
  return (value) => formatMonthTick(value, lang);
}

export const AXIS_TICK = { fill: 'var(--chart-text)', fontSize: 12 } as const;
export const AXIS_LINE = { stroke: 'var(--chart-grid)' } as const;
export const GRID_STROKE = 'var(--chart-grid)';
export const LABEL_FILL = 'var(--chart-text)';
export const REFERENCE_STROKE = 'var(--color-fg)';

export const TOOLTIP_CONTENT_STYLE: CSSProperties = {
  background: 'var(--color-surface)',
  border: '1px solid var(--color-border)',
  color: 'var(--color-fg)',
  fontFamily: 'var(--font-body)',
  fontSize: 13,
};
export const TOOLTIP_LABEL_STYLE: CSSProperties = { fontWeight: 600, marginBottom: 4 };
export const TOOLTIP_ITEM_STYLE: CSSProperties = { color: 'var(--color-fg)', padding: 0 };
export const LEGEND_STYLE: CSSProperties = { fontSize: 13, color: 'var(--chart-text)' };

/** Legend text in the text colour: the lighter series colours are too faint for reading words. */
export function legendText(value: unknown): ReactElement {
  return <span style={{ color: 'var(--chart-text)' }}>{String(value ?? '')}</span>;
}

export interface UnitAxisLayout {
  /** Width of the names column in pixels. */
  axisWidth: number;
  /** Longest name, in characters, that fits that column at 12px. */
  nameMax: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

const WIDE_LAYOUT: UnitAxisLayout = { axisWidth: 196, nameMax: NAME_MAX.wide, margin: UNIT_CHART_MARGIN };
const NARROW_LAYOUT: UnitAxisLayout = {
  axisWidth: 128,
  nameMax: NAME_MAX.narrow,
  margin: { ...UNIT_CHART_MARGIN, right: 76 },
};

/** Below this chart width a full-size names column would leave the bars no room (phones). */
const NARROW_CHART = 480;

/**
 * The names column follows the chart's width: pass `onResize` to the
 * ResponsiveContainer. Until it measures (and in tests) the wide layout holds.
 */
export function useUnitAxisLayout(): UnitAxisLayout & { onResize: (width: number) => void } {
  const [narrow, setNarrow] = useState(false);
  const onResize = useCallback((width: number) => setNarrow(width > 0 && width < NARROW_CHART), []);
  return { ...(narrow ? NARROW_LAYOUT : WIDE_LAYOUT), onResize };
}

/**
 * A unit-name tick for a category Y axis whose values are unit ids. A shortened
 * name carries the full one in a `<title>`, which browsers show on hover.
 */
export function renderUnitTick(
  props: YAxisTickContentProps,
  units: ReadonlyMap<string, UnitLabel>,
  lang: Lang,
  max: number,
): ReactElement {
  const id = String(props.payload.value);
  const unit = units.get(id);
  const label = unit ? unitAxisLabel(unit, lang, max) : { text: id, full: id, truncated: false };
  return (
    <text
      x={props.x}
      y={props.y}
      dy="0.355em"
      textAnchor="end"
      fill={AXIS_TICK.fill}
      fontSize={AXIS_TICK.fontSize}
      fontWeight={unit && unit.level !== 'commune' ? 700 : 400}
      className="recharts-text recharts-cartesian-axis-tick-value"
    >
      {label.truncated ? <title>{label.full}</title> : null}
      {label.text}
    </text>
  );
}

/** Diagonal stripes over the colour: a bar drawn with it reads differently in greyscale too. */
export function HatchPattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
      <rect width={6} height={6} fill={color} />
      <rect width={2.5} height={6} fill="var(--color-surface)" fillOpacity={0.6} />
    </pattern>
  );
}

/** A small swatch for hand-made legends. */
export function Swatch({ fill }: { fill: string }) {
  return (
    <svg width={14} height={14} aria-hidden="true" focusable="false">
      <rect width={14} height={14} fill={fill} />
    </svg>
  );
}

/**
 * Draws one bar with the fill chosen for it. A custom shape also keeps recharts
 * from dropping zero-length bars, whose value labels must still show.
 * `outlined` marks the selected unit; `separated` draws a thin gap between stacked parts.
 */
export function paintBar(
  props: BarShapeProps,
  fill: string,
  options: { outlined?: boolean; separated?: boolean } = {},
): ReactElement {
  const stroke = options.outlined ? 'var(--color-fg)' : options.separated ? 'var(--color-surface)' : undefined;
  return (
    <Rectangle
      x={props.x}
      y={props.y}
      width={props.width}
      height={props.height}
      fill={fill}
      stroke={stroke}
      strokeWidth={options.outlined ? 2 : options.separated ? 1 : undefined}
    />
  );
}

/** Reads a field of the plotted row behind a bar or label. */
export function payloadOf<T>(item: { payload?: unknown }): T | undefined {
  return (item.payload ?? undefined) as T | undefined;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxOf(props: LabelProps): Box | null {
  const v = props.viewBox as Partial<Box> | undefined;
  if (!v || typeof v.x !== 'number' || typeof v.y !== 'number') return null;
  if (typeof v.width !== 'number' || typeof v.height !== 'number') return null;
  return { x: v.x, y: v.y, width: v.width, height: v.height };
}

/** Light text with a dark halo: readable on every palette colour in both themes. */
const INSIDE_LABEL = {
  fill: '#fff',
  stroke: 'rgb(0 0 0 / 0.6)',
  strokeWidth: 2.5,
  paintOrder: 'stroke',
} as const;

export interface SeriesLabelOptions {
  format: (value: number) => string;
  /** Above a bar (side by side) or inside its part (stacked). */
  placement: 'inside' | 'top';
  /** Every value of the series, to decide once for all its bars. */
  values: readonly (number | null)[];
  textSize: number;
}

/**
 * Value labels for one series of vertical bars, all or none: the series is
 * labelled only if the label of its widest value fits across a bar and, for
 * stacked parts, its smallest part is tall enough to hold one. A chart where
 * some bars carry a figure and their neighbours none reads as if the others
 * had none. Labels are horizontal; the numbers table has every value.
 */
export function seriesBarLabel({ format, placement, values, textSize }: SeriesLabelOptions) {
  const present = values.filter((v): v is number => typeof v === 'number' && v > 0);
  const widest = Math.max(0, ...present.map((v) => textWidth(format(v), textSize)));
  const smallest = present.length > 0 ? Math.min(...present) : 0;
  return (props: LabelProps): ReactElement => {
    const box = boxOf(props);
    const value = props.value;
    if (!box || typeof value !== 'number' || value <= 0) return <g />;
    if (widest > box.width + 2) return <g />;
    const height = Math.abs(box.height);
    const top = Math.min(box.y, box.y + box.height);
    const cx = box.x + box.width / 2;
    if (placement === 'top') {
      return (
        <text x={cx} y={top - textSize * 0.35} textAnchor="middle" fontSize={textSize} fill={LABEL_FILL}>
          {format(value)}
        </text>
      );
    }
    // The smallest part of the series, scaled from this bar: too short for a label means no labels at all.
    if ((height * smallest) / value < textSize * 1.4) return <g />;
    return (
      <text x={cx} y={top + height / 2} dy="0.355em" textAnchor="middle" fontSize={textSize} {...INSIDE_LABEL}>
        {format(value)}
      </text>
    );
  };
}

/** Field name of the i-th series in plotted rows; keys from the data could clash with `month`. */
export function seriesField(i: number): string {
  return `s${i}`;
}

export type SeriesDatum = { month: string } & Record<string, number | string | null>;

/** Points flattened for recharts, one field per series, null where the month has no figure. */
export function seriesData(points: readonly SeriesPoint[], series: readonly SeriesSpec[]): SeriesDatum[] {
  return points.map((p) => {
    const row: SeriesDatum = { month: p.month };
    series.forEach((s, i) => {
      row[seriesField(i)] = p.values[s.key] ?? null;
    });
    return row;
  });
}

/** Sizes on the page are for 12 px text; on slides they grow with the text. */
export function scaled(textSize: number): (px: number) => number {
  const k = textSize / 12;
  return (px) => Math.round(px * k * 10) / 10;
}

const DEFAULT_TONES: readonly ColorToken[] = ['main', 'second', 'third', 'quiet1', 'quiet2', 'quiet3'];

/** A series' colour: what its token means, or main, second, third… in turn. */
export function seriesTone(series: SeriesSpec, i: number): string {
  return `var(--tone-${series.color ?? DEFAULT_TONES[i % DEFAULT_TONES.length]})`;
}

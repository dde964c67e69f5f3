import {
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SeriesPoint } from '../../domain/dashboard.ts';
import { formatMonth, type Lang } from '../../domain/format.ts';
import type { NumbersTable } from '../chart-frame.tsx';
import {
  AXIS_LINE,
  AXIS_TICK,
  formatLabelValue,
  formatValue,
  GRID_STROKE,
  LABEL_FILL,
  LEGEND_STYLE,
  legendText,
  monthTickFormatter,
  REFERENCE_STROKE,
  type SeriesSpec,
  seriesColor,
  seriesDash,
  seriesData,
  seriesField,
  seriesSymbol,
  seriesTable,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_ITEM_STYLE,
  TOOLTIP_LABEL_STYLE,
  tickFormatter,
  tooltipFormatter,
} from './chart-kit.tsx';

const TEXT = {
  vi: { target: (v: string) => `Chỉ tiêu ${v}` },
  en: { target: (v: string) => `Target ${v}` },
};

/** Above this many months, markers and value labels would crowd each other; the table has the values. */
const MAX_LABELLED_POINTS = 18;

const Y_AXIS_WIDTH = { percent: 64, count: 64, vnd: 104 } as const;

export type LineFormat = 'percent' | 'count' | 'vnd';

export interface MonthlyLineChartProps {
  points: readonly SeriesPoint[];
  series: readonly SeriesSpec[];
  format: LineFormat;
  target?: number;
  /** Replaces the default "Chỉ tiêu 95,0 %" / "Target 95.0%". */
  targetLabel?: string;
  lang: Lang;
  animate?: boolean;
  height?: number;
}

/**
 * Rates start the scale a little below the lowest value (or the target)
 * instead of at zero, so month-to-month changes of a few points stay visible;
 * the top is 100 %. Ticks fall on round percentages.
 */
function percentScale(
  points: readonly SeriesPoint[],
  series: readonly SeriesSpec[],
  target: number | undefined,
): { domain: [number, number]; ticks: number[] } {
  let min = target ?? 1;
  for (const p of points) {
    for (const s of series) {
      const v = p.values[s.key];
      if (typeof v === 'number' && v < min) min = v;
    }
  }
  // Whole percentages, so tick values stay exact.
  const roughLow = Math.max(0, Math.floor((min - 0.02) * 20) * 5);
  const step = 100 - roughLow <= 20 ? 5 : 100 - roughLow <= 50 ? 10 : 20;
  const low = Math.floor(roughLow / step) * step;
  const ticks: number[] = [];
  for (let pct = low; pct <= 100; pct += step) ticks.push(pct / 100);
  return { domain: [low / 100, 1], ticks };
}

export function MonthlyLineChart({
  points,
  series,
  format,
  target,
  targetLabel,
  lang,
  animate = false,
  height = 300,
}: MonthlyLineChartProps) {
  const data = seriesData(points, series);
  const labelled = points.length <= MAX_LABELLED_POINTS;
  const label = (value: unknown) => (typeof value === 'number' ? formatLabelValue(value, format, lang) : '');
  const scale = format === 'percent' ? percentScale(points, series, target) : null;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <LineChart data={data} margin={{ top: 24, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="month"
          tickFormatter={monthTickFormatter(lang)}
          interval="preserveStartEnd"
          minTickGap={12}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={AXIS_LINE}
          padding={{ left: 16, right: 16 }}
        />
        <YAxis
          type="number"
          domain={scale ? scale.domain : [0, 'auto']}
          ticks={scale?.ticks}
          tickFormatter={tickFormatter(format, lang)}
          width={Y_AXIS_WIDTH[format]}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={AXIS_LINE}
        />
        <Tooltip
          formatter={tooltipFormatter(format, lang)}
          labelFormatter={(month) => (typeof month === 'string' ? formatMonth(month, lang) : String(month ?? ''))}
          contentStyle={TOOLTIP_CONTENT_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={TOOLTIP_ITEM_STYLE}
        />
        <Legend verticalAlign="bottom" itemSorter={null} wrapperStyle={LEGEND_STYLE} formatter={legendText} />
        {target === undefined ? null : (
          <ReferenceLine
            y={target}
            ifOverflow="extendDomain"
            stroke={REFERENCE_STROKE}
            strokeDasharray="5 4"
            strokeWidth={1.5}
            label={{
              value: targetLabel ?? TEXT[lang].target(formatValue(target, format, lang)),
              position: 'insideTopRight',
              fill: LABEL_FILL,
              fontSize: 12,
            }}
          />
        )}
        {series.map((s, i) => {
          const color = seriesColor(i);
          const symbol = seriesSymbol(i);
          return (
            <Line
              key={s.key}
              type="linear"
              dataKey={seriesField(i)}
              name={s.label}
              stroke={color}
              strokeWidth={2}
              strokeDasharray={seriesDash(i)}
              dot={labelled ? { symbol, r: 4, fill: color, stroke: color } : false}
              activeDot={{ symbol, r: 6 }}
              legendType={labelled ? 'line' : symbol}
              isAnimationActive={animate}
            >
              {labelled ? (
                <LabelList
                  dataKey={seriesField(i)}
                  position={i % 2 === 0 ? 'top' : 'bottom'}
                  formatter={label}
                  fill={LABEL_FILL}
                  fontSize={11}
                />
              ) : null}
            </Line>
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The numbers behind the chart: a row per month, a column per series. */
export function monthlyLineTable(
  points: readonly SeriesPoint[],
  series: readonly SeriesSpec[],
  format: LineFormat,
  lang: Lang,
): NumbersTable {
  return seriesTable(points, series, format, lang);
}

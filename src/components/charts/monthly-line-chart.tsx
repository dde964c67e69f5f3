import {
  CartesianGrid,
  LabelList,
  type LabelProps,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatLabelValue, labelledPoints } from '../../domain/chart-layout.ts';
import { chartHeight, MAX_LABELLED_MONTHS, type MonthlyLinesChart, PAGE_TEXT_SIZE } from '../../domain/chart-specs.ts';
import { formatMonth, type Lang } from '../../domain/format.ts';
import {
  AXIS_LINE,
  GRID_STROKE,
  LABEL_FILL,
  legendText,
  monthTickFormatter,
  REFERENCE_STROKE,
  scaled,
  seriesDash,
  seriesData,
  seriesField,
  seriesSymbol,
  seriesTone,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_ITEM_STYLE,
  TOOLTIP_LABEL_STYLE,
  tickFormatter,
  tooltipFormatter,
} from './chart-kit.tsx';

const Y_AXIS_WIDTH = { percent: 64, count: 64, vnd: 104 } as const;

export interface MonthlyLineChartProps {
  chart: MonthlyLinesChart;
  lang: Lang;
  animate?: boolean;
  /** Overrides the chart's own height (slides size charts to the screen). */
  height?: number;
  /** Font size of the chart's text in px; margins and axes scale with it. */
  textSize?: number;
}

/**
 * Lines month by month. Only what matters is labelled, horizontally: the
 * last value of each line, its highest and its lowest; every other value is
 * in the tooltip and the numbers table. The target's label sits on the side
 * of its line away from the lines, so it does not cover their labels.
 */
export function MonthlyLineChart({
  chart,
  lang,
  animate = false,
  height = chartHeight(chart),
  textSize = PAGE_TEXT_SIZE,
}: MonthlyLineChartProps) {
  const { points, series, format, target, scale } = chart;
  const data = seriesData(points, series);
  const markers = points.length <= MAX_LABELLED_MONTHS;
  const k = scaled(textSize);
  const tick = { fill: 'var(--chart-text)', fontSize: textSize };
  const values = series.map((s) => points.map((p) => p.values[s.key] ?? null));
  const above = target
    ? values.flat().filter((v) => typeof v === 'number' && v >= target.value).length * 2 >= values.flat().length
    : true;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <LineChart data={data} margin={{ top: k(24), right: k(56), bottom: k(4), left: k(8) }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="month"
          tickFormatter={monthTickFormatter(lang)}
          interval="preserveStartEnd"
          minTickGap={k(12)}
          height={k(30)}
          tick={tick}
          axisLine={AXIS_LINE}
          tickLine={AXIS_LINE}
          padding={{ left: k(16), right: k(16) }}
        />
        <YAxis
          type="number"
          domain={scale ? scale.domain : [0, 'auto']}
          ticks={scale?.ticks}
          tickFormatter={tickFormatter(format, lang)}
          width={k(Y_AXIS_WIDTH[format])}
          tick={tick}
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
        <Legend
          verticalAlign="bottom"
          itemSorter={null}
          iconSize={k(14)}
          wrapperStyle={{ fontSize: textSize, color: 'var(--chart-text)' }}
          formatter={legendText}
        />
        {target === null ? null : (
          <ReferenceLine
            y={target.value}
            ifOverflow="extendDomain"
            stroke={REFERENCE_STROKE}
            strokeDasharray={`${k(5)} ${k(4)}`}
            strokeWidth={k(1.5)}
            label={{
              value: target.label,
              // Where the lines are not: below its line when most values are above the target.
              position: above ? 'insideBottomLeft' : 'insideTopLeft',
              fill: LABEL_FILL,
              fontSize: textSize,
            }}
          />
        )}
        {series.map((s, i) => {
          const color = seriesTone(s, i);
          const symbol = seriesSymbol(i);
          const wanted = labelledPoints(values[i] ?? []);
          const content = (props: LabelProps) => {
            const index = typeof props.index === 'number' ? props.index : -1;
            const value = props.value;
            if (!wanted.has(index) || typeof value !== 'number') return <g />;
            const x = Number(props.x ?? 0);
            const y = Number(props.y ?? 0);
            const last = index === wanted.last;
            // The last value to the right of its point; highs above, lows below.
            const dx = last ? k(8) : 0;
            const dy = last ? 0 : index === wanted.low ? k(16) : -k(8);
            return (
              <text
                x={x + dx}
                y={y + dy}
                dy={last ? '0.35em' : 0}
                textAnchor={last ? 'start' : 'middle'}
                fontSize={textSize}
                fill={LABEL_FILL}
                className="chart-point-label"
              >
                {formatLabelValue(value, format, lang)}
              </text>
            );
          };
          return (
            <Line
              key={s.key}
              type="linear"
              dataKey={seriesField(i)}
              name={s.label}
              stroke={color}
              strokeWidth={k(2)}
              strokeDasharray={seriesDash(i)}
              dot={markers ? { symbol, r: k(4), fill: color, stroke: color } : false}
              activeDot={{ symbol, r: k(6) }}
              legendType={markers ? 'line' : symbol}
              isAnimationActive={animate}
            >
              <LabelList dataKey={seriesField(i)} content={content} />
            </Line>
          );
        })}
      </LineChart>
    </ResponsiveContainer>
  );
}

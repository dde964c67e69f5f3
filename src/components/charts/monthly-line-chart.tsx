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
import { formatLabelValue } from '../../domain/chart-layout.ts';
import { chartHeight, MAX_LABELLED_MONTHS, type MonthlyLinesChart } from '../../domain/chart-specs.ts';
import { formatMonth, type Lang } from '../../domain/format.ts';
import {
  AXIS_LINE,
  AXIS_TICK,
  GRID_STROKE,
  LABEL_FILL,
  LEGEND_STYLE,
  legendText,
  monthTickFormatter,
  REFERENCE_STROKE,
  seriesColor,
  seriesDash,
  seriesData,
  seriesField,
  seriesSymbol,
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
}

export function MonthlyLineChart({ chart, lang, animate = false, height = chartHeight(chart) }: MonthlyLineChartProps) {
  const { points, series, format, target, scale } = chart;
  const data = seriesData(points, series);
  const labelled = points.length <= MAX_LABELLED_MONTHS;
  const label = (value: unknown) => (typeof value === 'number' ? formatLabelValue(value, format, lang) : '');
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
        {target === null ? null : (
          <ReferenceLine
            y={target.value}
            ifOverflow="extendDomain"
            stroke={REFERENCE_STROKE}
            strokeDasharray="5 4"
            strokeWidth={1.5}
            label={{
              value: target.label,
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

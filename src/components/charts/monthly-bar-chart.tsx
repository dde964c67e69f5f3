import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatLabelValue } from '../../domain/chart-layout.ts';
import { chartHeight, MAX_LABELLED_MONTHS, type MonthlyBarsChart } from '../../domain/chart-specs.ts';
import { formatMonth, type Lang } from '../../domain/format.ts';
import {
  AXIS_LINE,
  AXIS_TICK,
  fittingBarLabel,
  GRID_STROKE,
  LEGEND_STYLE,
  legendText,
  monthTickFormatter,
  paintBar,
  seriesColor,
  seriesData,
  seriesField,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_ITEM_STYLE,
  TOOLTIP_LABEL_STYLE,
  tickFormatter,
  tooltipFormatter,
} from './chart-kit.tsx';

const Y_AXIS_WIDTH = { count: 64, vnd: 104 } as const;

export interface MonthlyBarChartProps {
  chart: MonthlyBarsChart;
  lang: Lang;
  animate?: boolean;
  /** Overrides the chart's own height (slides size charts to the screen). */
  height?: number;
}

export function MonthlyBarChart({ chart, lang, animate = false, height = chartHeight(chart) }: MonthlyBarChartProps) {
  const { points, series, format, stacked } = chart;
  const data = seriesData(points, series);
  const labelled = points.length <= MAX_LABELLED_MONTHS;
  const label = fittingBarLabel((v) => formatLabelValue(v, format, lang), stacked ? 'inside' : 'top');
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      <BarChart data={data} margin={{ top: 20, right: 16, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis
          dataKey="month"
          tickFormatter={monthTickFormatter(lang)}
          interval="preserveStartEnd"
          minTickGap={12}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={AXIS_LINE}
        />
        <YAxis
          type="number"
          domain={[0, 'auto']}
          tickFormatter={tickFormatter(format, lang)}
          width={Y_AXIS_WIDTH[format]}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={AXIS_LINE}
        />
        <Tooltip
          cursor={{ fill: 'var(--chart-grid)', fillOpacity: 0.4 }}
          formatter={tooltipFormatter(format, lang)}
          labelFormatter={(month) => (typeof month === 'string' ? formatMonth(month, lang) : String(month ?? ''))}
          contentStyle={TOOLTIP_CONTENT_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={TOOLTIP_ITEM_STYLE}
        />
        <Legend verticalAlign="bottom" itemSorter={null} wrapperStyle={LEGEND_STYLE} formatter={legendText} />
        {series.map((s, i) => {
          const color = seriesColor(i);
          return (
            <Bar
              key={s.key}
              dataKey={seriesField(i)}
              name={s.label}
              fill={color}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={animate}
              maxBarSize={48}
              shape={(props) => paintBar(props, color, { separated: stacked })}
            >
              {labelled ? <LabelList dataKey={seriesField(i)} content={label} /> : null}
            </Bar>
          );
        })}
      </BarChart>
    </ResponsiveContainer>
  );
}

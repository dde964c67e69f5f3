import { useCallback, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatLabelValue } from '../../domain/chart-layout.ts';
import { chartHeight, MAX_LABELLED_MONTHS, type MonthlyBarsChart, PAGE_TEXT_SIZE } from '../../domain/chart-specs.ts';
import { formatMonth, type Lang } from '../../domain/format.ts';
import { PRINT_CHART_WIDTH, usePrinting } from '../print-mode.ts';
import {
  AXIS_LINE,
  GRID_STROKE,
  monthTickFormatter,
  paintBar,
  scaled,
  seriesBarLabel,
  seriesData,
  seriesField,
  seriesTone,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_ITEM_STYLE,
  TOOLTIP_LABEL_STYLE,
  tickFormatter,
  tooltipFormatter,
} from './chart-kit.tsx';
import { ChartLegend, legendLineHeight, legendLines } from './chart-legend.tsx';

const Y_AXIS_WIDTH = { count: 64, vnd: 104 } as const;

export interface MonthlyBarChartProps {
  chart: MonthlyBarsChart;
  lang: Lang;
  animate?: boolean;
  /** Overrides the chart's own height (slides size charts to the screen). */
  height?: number;
  /** Font size of the chart's text in px; margins and axes scale with it. */
  textSize?: number;
}

export function MonthlyBarChart({
  chart,
  lang,
  animate = false,
  height = chartHeight(chart),
  textSize = PAGE_TEXT_SIZE,
}: MonthlyBarChartProps) {
  const { points, series, format, stacked } = chart;
  const data = seriesData(points, series);
  const labelled = points.length <= MAX_LABELLED_MONTHS;
  const k = scaled(textSize);
  const tick = { fill: 'var(--chart-text)', fontSize: textSize };
  const [measured, setWidth] = useState(600);
  // On paper the chart is drawn at the paper's width at once: a measured width would come after the print.
  const printing = usePrinting();
  const width = printing ? PRINT_CHART_WIDTH : measured;
  const onResize = useCallback((w: number) => {
    if (w > 0) setWidth(Math.floor(w));
  }, []);
  const plotHeight = height - legendLines(series, width, textSize) * legendLineHeight(textSize);
  return (
    <div className="bar-chart" style={{ height }}>
      <ResponsiveContainer
        width={printing ? PRINT_CHART_WIDTH : '100%'}
        height={plotHeight}
        initialDimension={{ width: 600, height: plotHeight }}
        onResize={onResize}
      >
        <BarChart
          data={data}
          margin={{ top: k(20), right: k(16), bottom: k(4), left: k(8) }}
          accessibilityLayer={false}
        >
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
          />
          <YAxis
            type="number"
            domain={[0, 'auto']}
            tickFormatter={tickFormatter(format, lang)}
            width={k(Y_AXIS_WIDTH[format])}
            tick={tick}
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
          {series.map((s, i) => {
            const color = seriesTone(s, i);
            const label = seriesBarLabel({
              format: (v) => formatLabelValue(v, format, lang),
              placement: stacked ? 'inside' : 'top',
              values: points.map((p) => p.values[s.key] ?? null),
              textSize: textSize * 0.95,
            });
            return (
              <Bar
                key={s.key}
                dataKey={seriesField(i)}
                name={s.label}
                fill={color}
                stackId={stacked ? 'stack' : undefined}
                isAnimationActive={animate}
                maxBarSize={k(48)}
                shape={(props) => paintBar(props, color, { separated: stacked })}
              >
                {labelled ? <LabelList dataKey={seriesField(i)} content={label} /> : null}
              </Bar>
            );
          })}
        </BarChart>
      </ResponsiveContainer>
      <ChartLegend series={series} kind="bar" textSize={textSize} />
    </div>
  );
}

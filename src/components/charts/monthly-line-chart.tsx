import { useCallback, useState } from 'react';
import {
  CartesianGrid,
  LabelList,
  type LabelProps,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatLabelValue, formatMonthTick, placeLineLabels } from '../../domain/chart-layout.ts';
import { chartHeight, MAX_LABELLED_MONTHS, type MonthlyLinesChart, PAGE_TEXT_SIZE } from '../../domain/chart-specs.ts';
import { formatMonth, type Lang } from '../../domain/format.ts';
import { textWidth } from '../../domain/unit-chart-layout.ts';
import { PRINT_CHART_WIDTH, usePrinting } from '../print-mode.ts';
import {
  AXIS_LINE,
  GRID_STROKE,
  LABEL_FILL,
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
import { ChartLegend, legendLineHeight, legendLines } from './chart-legend.tsx';

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
 * last value of each line, its highest and its lowest, each where it covers
 * nothing else (placeLineLabels); every other value is in the tooltip and the
 * numbers table. The target's label goes on whichever side of its line is free.
 */
export function MonthlyLineChart({
  chart,
  lang,
  animate = false,
  height = chartHeight(chart),
  textSize = PAGE_TEXT_SIZE,
}: MonthlyLineChartProps) {
  const { points, series, format, target, scale } = chart;
  const [measured, setWidth] = useState(600);
  // On paper the chart is drawn at the paper's width at once: a measured width would come after the print.
  const printing = usePrinting();
  const width = printing ? PRINT_CHART_WIDTH : measured;
  const onResize = useCallback((w: number) => {
    if (w > 0) setWidth(Math.floor(w));
  }, []);
  const data = seriesData(points, series);
  const markers = points.length <= MAX_LABELLED_MONTHS;
  const k = scaled(textSize);
  const tick = { fill: 'var(--chart-text)', fontSize: textSize };
  const margin = { top: k(24), right: k(56), bottom: k(4), left: k(8) };
  const xAxisHeight = k(30);
  const yAxisWidth = k(Y_AXIS_WIDTH[format]);
  // The first month's label is centred under the first point: the point is set in from the axis by at
  // least half that label, so the label never reaches the axis labels on its left ("0%" and "Jan 2021").
  const first = points[0];
  const xPadding = Math.max(k(16), first ? Math.ceil(textWidth(formatMonthTick(first.month, lang), textSize) / 2) : 0);
  const legendHeight = legendLines(series, width, textSize) * legendLineHeight(textSize);
  const plotHeight = height - legendHeight;
  const values = series.map((s) => points.map((p) => p.values[s.key] ?? null));
  const domain = scale ? { min: scale.domain[0], max: scale.domain[1] } : null;
  const placed = placeLineLabels(
    values,
    (v) => formatLabelValue(v, format, lang),
    domain ?? { min: 0, max: Math.max(1, ...values.flat().map((v) => v ?? 0)) * 1.05 },
    {
      left: margin.left + yAxisWidth,
      top: margin.top,
      width: width - margin.left - yAxisWidth - margin.right,
      height: plotHeight - margin.top - margin.bottom - xAxisHeight,
      padding: xPadding,
    },
    textSize,
    target,
    width,
    markers,
  );
  return (
    <div className="line-chart" style={{ height }}>
      <ResponsiveContainer
        width={printing ? PRINT_CHART_WIDTH : '100%'}
        height={plotHeight}
        initialDimension={{ width: 600, height: plotHeight }}
        onResize={onResize}
      >
        <LineChart data={data} margin={margin} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={GRID_STROKE} />
          <XAxis
            dataKey="month"
            tickFormatter={monthTickFormatter(lang)}
            interval="preserveStartEnd"
            minTickGap={k(12)}
            height={xAxisHeight}
            tick={tick}
            axisLine={AXIS_LINE}
            tickLine={AXIS_LINE}
            padding={{ left: xPadding, right: xPadding }}
          />
          <YAxis
            type="number"
            domain={scale ? scale.domain : [0, 'auto']}
            ticks={scale?.ticks}
            tickFormatter={tickFormatter(format, lang)}
            width={yAxisWidth}
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
          {target === null ? null : (
            <ReferenceLine
              y={target.value}
              ifOverflow="extendDomain"
              stroke={REFERENCE_STROKE}
              strokeDasharray={`${k(5)} ${k(4)}`}
              strokeWidth={k(1.5)}
              label={(props: LabelProps) => {
                const view = props.viewBox as { y?: number } | undefined;
                const at = placed.target;
                if (!at || typeof view?.y !== 'number') return <g />;
                return (
                  <text
                    x={at.x}
                    y={view.y + at.dy}
                    textAnchor={at.anchor}
                    fontSize={textSize}
                    fill={LABEL_FILL}
                    className="chart-target-label"
                  >
                    {at.text}
                  </text>
                );
              }}
            />
          )}
          {series.map((s, i) => {
            const color = seriesTone(s, i);
            const symbol = seriesSymbol(i);
            const mine = placed.points[i];
            const content = (props: LabelProps) => {
              const index = typeof props.index === 'number' ? props.index : -1;
              const at = mine?.get(index);
              if (!at || typeof props.value !== 'number') return <g />;
              // Drawn against the point recharts drew, with the offset worked out for it.
              return (
                <text
                  x={Number(props.x ?? 0) + at.dx}
                  y={Number(props.y ?? 0) + at.dy}
                  textAnchor={at.anchor}
                  fontSize={textSize}
                  fill={LABEL_FILL}
                  className="chart-point-label"
                >
                  {at.text}
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
                isAnimationActive={animate}
              >
                <LabelList dataKey={seriesField(i)} content={content} />
              </Line>
            );
          })}
        </LineChart>
      </ResponsiveContainer>
      <ChartLegend series={series} kind="line" textSize={textSize} />
    </div>
  );
}

import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type UnitLabel, unitAxisLabel, X_AXIS_HEIGHT } from '../../domain/chart-layout.ts';
import { chartHeight, type UnitBar, type UnitBarsChart } from '../../domain/chart-specs.ts';
import type { Lang } from '../../domain/format.ts';
import {
  AXIS_LINE,
  AXIS_TICK,
  GRID_STROKE,
  HatchPattern,
  LABEL_FILL,
  paintBar,
  paletteColor,
  payloadOf,
  REFERENCE_STROKE,
  renderUnitTick,
  Swatch,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_ITEM_STYLE,
  TOOLTIP_LABEL_STYLE,
  tickFormatter,
  tooltipFormatter,
  useUnitAxisLayout,
} from './chart-kit.tsx';

export interface UnitBarChartProps {
  chart: UnitBarsChart;
  lang: Lang;
  onSelectUnit?: (unitId: string) => void;
  selectedUnitId?: string | null;
  animate?: boolean;
  /** Overrides the chart's own height (slides size charts to the screen). */
  height?: number;
}

type Datum = UnitLabel & { unitId: string; label: string; below: boolean } & Record<string, unknown>;

function partKey(i: number): string {
  return `p${i}`;
}

function plotted(bars: readonly UnitBar[]): Datum[] {
  return bars.map((b) => {
    const d: Datum = { unitId: b.unitId, name: b.name, level: b.level, label: b.label, below: b.below };
    b.values.forEach((v, i) => {
      d[partKey(i)] = v;
    });
    return d;
  });
}

/**
 * Every chart with one horizontal bar per unit (on-time rate, online uptake,
 * fees): the bars in the order given, each unit's parts stacked, the value
 * written at the end, the target as a dashed line, units below it hatched.
 */
export function UnitBarChart({
  chart,
  lang,
  onSelectUnit,
  selectedUnitId = null,
  animate = false,
  height,
}: UnitBarChartProps) {
  const hatchId = `hatch-${useId()}`;
  const data = plotted(chart.bars);
  const layout = useUnitAxisLayout();
  const units = new Map<string, UnitLabel>(data.map((d) => [d.unitId, d]));
  const chartHeightPx = height ?? chartHeight(chart);
  const hatch = chart.legend.find((l) => l.hatched);
  const last = chart.parts.length - 1;
  const select = (item: { payload?: unknown }) => {
    const d = payloadOf<Datum>(item);
    if (d && onSelectUnit) onSelectUnit(d.unitId);
  };
  return (
    <ResponsiveContainer
      width="100%"
      height={chartHeightPx}
      initialDimension={{ width: 600, height: chartHeightPx }}
      onResize={layout.onResize}
    >
      <BarChart data={data} layout="vertical" margin={layout.margin} accessibilityLayer={false}>
        {hatch ? (
          <defs>
            <HatchPattern id={hatchId} color={paletteColor(hatch.color)} />
          </defs>
        ) : null}
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis
          type="number"
          domain={chart.domain ?? [0, 'auto']}
          {...(chart.ticks ? { ticks: chart.ticks } : {})}
          tickFormatter={tickFormatter(chart.format, lang)}
          height={X_AXIS_HEIGHT}
          tick={AXIS_TICK}
          axisLine={AXIS_LINE}
          tickLine={AXIS_LINE}
        />
        <YAxis
          type="category"
          dataKey="unitId"
          width={layout.axisWidth}
          interval={0}
          tick={(props) => renderUnitTick(props, units, lang, layout.nameMax)}
          axisLine={AXIS_LINE}
          tickLine={false}
        />
        <Tooltip
          cursor={{ fill: 'var(--chart-grid)', fillOpacity: 0.4 }}
          formatter={tooltipFormatter(chart.format, lang)}
          labelFormatter={(id) => {
            const unit = units.get(String(id));
            return unit ? unitAxisLabel(unit, lang).full : String(id);
          }}
          contentStyle={TOOLTIP_CONTENT_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={TOOLTIP_ITEM_STYLE}
        />
        {chart.legend.length > 0 ? (
          <Legend
            verticalAlign="bottom"
            content={() => (
              <ul className="chart-legend">
                {chart.legend.map((entry) => (
                  <li key={entry.label}>
                    <Swatch fill={entry.hatched ? `url(#${hatchId})` : paletteColor(entry.color)} />
                    {entry.label}
                  </li>
                ))}
              </ul>
            )}
          />
        ) : null}
        {chart.parts.map((part, i) => {
          const fill = paletteColor(part.color);
          return (
            <Bar
              key={part.key}
              dataKey={partKey(i)}
              stackId="unit"
              name={part.label}
              fill={fill}
              isAnimationActive={animate}
              barSize={18}
              className={onSelectUnit ? 'chart-bar--clickable' : undefined}
              shape={(props) => {
                const d = payloadOf<Datum>(props);
                return paintBar(props, d?.below && hatch ? `url(#${hatchId})` : fill, {
                  outlined: d !== undefined && d.unitId === selectedUnitId,
                  separated: chart.parts.length > 1,
                });
              }}
              onClick={select}
            >
              {i === last ? <LabelList dataKey="label" position="right" fill={LABEL_FILL} fontSize={12} /> : null}
            </Bar>
          );
        })}
        {chart.target ? (
          <ReferenceLine
            x={chart.target.value}
            stroke={REFERENCE_STROKE}
            strokeDasharray="5 4"
            strokeWidth={1.5}
            label={{ value: chart.target.label, position: 'top', fill: LABEL_FILL, fontSize: 12 }}
          />
        ) : null}
      </BarChart>
    </ResponsiveContainer>
  );
}

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
import type { UnitRow } from '../../domain/dashboard.ts';
import { formatCount, formatPercent, type Lang, NOT_AVAILABLE } from '../../domain/format.ts';
import { FIGURE_LABEL, LEVEL_SHORT } from '../../domain/labels.ts';
import type { NumbersTable } from '../chart-frame.tsx';
import {
  AXIS_LINE,
  AXIS_TICK,
  GRID_STROKE,
  HatchPattern,
  LABEL_FILL,
  paintBar,
  payloadOf,
  REFERENCE_STROKE,
  renderUnitTick,
  Swatch,
  sortedByValue,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_ITEM_STYLE,
  TOOLTIP_LABEL_STYLE,
  tickFormatter,
  type UnitLabel,
  unitAxisLabel,
  unitChartHeight,
  useUnitAxisLayout,
  X_AXIS_HEIGHT,
} from './chart-kit.tsx';

const TEXT = {
  vi: {
    target: (v: string) => `Chỉ tiêu ${v}`,
    meets: 'Đạt chỉ tiêu',
    below: '▼ Dưới chỉ tiêu',
    belowCell: 'Dưới chỉ tiêu',
    unit: 'Đơn vị',
    level: 'Cấp',
    status: 'So với chỉ tiêu',
  },
  en: {
    target: (v: string) => `Target ${v}`,
    meets: 'Meets the target',
    below: '▼ Below the target',
    belowCell: 'Below the target',
    unit: 'Unit',
    level: 'Level',
    status: 'Against the target',
  },
};

interface Datum extends UnitLabel {
  unitId: string;
  rate: number;
  below: boolean;
  label: string;
}

export interface OnTimeByUnitChartProps {
  rows: readonly UnitRow[];
  /** The on-time target, 0..1. */
  target: number;
  lang: Lang;
  onSelectUnit?: (unitId: string) => void;
  selectedUnitId?: string | null;
  animate?: boolean;
  height?: number;
}

/** Rows drawn as bars: those with a rate, best first. */
function plotted(rows: readonly UnitRow[], lang: Lang): Datum[] {
  return sortedByValue(rows, (r) => r.totals.onTimeRate).flatMap((r) =>
    r.totals.onTimeRate === null
      ? []
      : [
          {
            unitId: r.unitId,
            name: r.name,
            level: r.level,
            rate: r.totals.onTimeRate,
            below: r.belowOnTimeTarget,
            label: `${r.belowOnTimeTarget ? '▼ ' : ''}${formatPercent(r.totals.onTimeRate, lang)}`,
          },
        ],
  );
}

/** Height the chart needs for these rows; pass the same to ChartFrame. */
export function onTimeChartHeight(rows: readonly UnitRow[]): number {
  return unitChartHeight(rows.filter((r) => r.totals.onTimeRate !== null).length, true);
}

export function OnTimeByUnitChart({
  rows,
  target,
  lang,
  onSelectUnit,
  selectedUnitId = null,
  animate = false,
  height,
}: OnTimeByUnitChartProps) {
  const t = TEXT[lang];
  const hatchId = `hatch-${useId()}`;
  const data = plotted(rows, lang);
  const layout = useUnitAxisLayout();
  const units = new Map<string, UnitLabel>(data.map((d) => [d.unitId, d]));
  const chartHeight = height ?? onTimeChartHeight(rows);
  const percentTick = tickFormatter('percent', lang);
  return (
    <ResponsiveContainer
      width="100%"
      height={chartHeight}
      initialDimension={{ width: 600, height: chartHeight }}
      onResize={layout.onResize}
    >
      <BarChart data={data} layout="vertical" margin={layout.margin} accessibilityLayer={false}>
        <defs>
          <HatchPattern id={hatchId} color="var(--chart-4)" />
        </defs>
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={percentTick}
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
          formatter={(value: unknown) => formatPercent(typeof value === 'number' ? value : null, lang)}
          labelFormatter={(id) => {
            const unit = units.get(String(id));
            return unit ? unitAxisLabel(unit, lang).full : String(id);
          }}
          contentStyle={TOOLTIP_CONTENT_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={TOOLTIP_ITEM_STYLE}
        />
        <Legend
          verticalAlign="bottom"
          content={() => (
            <ul className="chart-legend">
              <li>
                <Swatch fill="var(--chart-1)" />
                {t.meets}
              </li>
              <li>
                <Swatch fill={`url(#${hatchId})`} />
                {t.below}
              </li>
            </ul>
          )}
        />
        <Bar
          dataKey="rate"
          name={FIGURE_LABEL.onTimeRate[lang]}
          isAnimationActive={animate}
          barSize={18}
          className={onSelectUnit ? 'chart-bar--clickable' : undefined}
          shape={(props) => {
            const d = payloadOf<Datum>(props);
            return paintBar(props, d?.below ? `url(#${hatchId})` : 'var(--chart-1)', {
              outlined: d !== undefined && d.unitId === selectedUnitId,
            });
          }}
          onClick={(item) => {
            const d = payloadOf<Datum>(item);
            if (d && onSelectUnit) onSelectUnit(d.unitId);
          }}
        >
          <LabelList dataKey="label" position="right" fill={LABEL_FILL} fontSize={12} />
        </Bar>
        <ReferenceLine
          x={target}
          stroke={REFERENCE_STROKE}
          strokeDasharray="5 4"
          strokeWidth={1.5}
          label={{ value: t.target(formatPercent(target, lang)), position: 'top', fill: LABEL_FILL, fontSize: 12 }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The numbers behind the chart, every unit included; a unit without a rate shows "—". */
export function onTimeTable(rows: readonly UnitRow[], lang: Lang): NumbersTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unit', label: t.unit },
      { key: 'level', label: t.level },
      { key: 'resolved', label: FIGURE_LABEL.resolved[lang], numeric: true },
      { key: 'rate', label: FIGURE_LABEL.onTimeRate[lang], numeric: true },
      { key: 'status', label: t.status },
    ],
    rows: sortedByValue(rows, (r) => r.totals.onTimeRate).map((r) => ({
      key: r.unitId,
      cells: {
        unit: r.name,
        level: LEVEL_SHORT[r.level][lang],
        resolved: formatCount(r.totals.resolved, lang),
        rate: formatPercent(r.totals.onTimeRate, lang),
        status: r.belowOnTimeTarget ? t.belowCell : r.totals.onTimeRate === null ? NOT_AVAILABLE : t.meets,
      },
    })),
  };
}

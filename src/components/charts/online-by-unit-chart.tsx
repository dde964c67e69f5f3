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
  LABEL_FILL,
  LEGEND_STYLE,
  legendText,
  paintBar,
  payloadOf,
  REFERENCE_STROKE,
  renderUnitTick,
  sortedByValue,
  TOOLTIP_CONTENT_STYLE,
  TOOLTIP_ITEM_STYLE,
  TOOLTIP_LABEL_STYLE,
  tickFormatter,
  tooltipFormatter,
  type UnitLabel,
  unitAxisLabel,
  unitChartHeight,
  useUnitAxisLayout,
  X_AXIS_HEIGHT,
} from './chart-kit.tsx';

const TEXT = {
  vi: {
    target: (v: string) => `Chỉ tiêu ${v}`,
    unit: 'Đơn vị',
    level: 'Cấp',
    level3Share: 'Tỷ lệ mức độ 3',
    status: 'So với chỉ tiêu',
    meets: 'Đạt chỉ tiêu',
    below: 'Dưới chỉ tiêu',
  },
  en: {
    target: (v: string) => `Target ${v}`,
    unit: 'Unit',
    level: 'Level',
    level3Share: 'Level-3 share',
    status: 'Against the target',
    meets: 'Meets the target',
    below: 'Below the target',
  },
};

const LEVEL4_FILL = 'var(--chart-1)';
const LEVEL3_FILL = 'var(--chart-5)';

interface Datum extends UnitLabel {
  unitId: string;
  level4: number;
  level3: number;
  label: string;
}

export interface OnlineByUnitChartProps {
  rows: readonly UnitRow[];
  /** The online-uptake target, 0..1. */
  target: number;
  lang: Lang;
  onSelectUnit?: (unitId: string) => void;
  animate?: boolean;
  height?: number;
}

function plotted(rows: readonly UnitRow[], lang: Lang): Datum[] {
  return sortedByValue(rows, (r) => r.totals.onlineRate).flatMap((r) =>
    r.totals.onlineRate === null
      ? []
      : [
          {
            unitId: r.unitId,
            name: r.name,
            level: r.level,
            level4: r.level4Share ?? 0,
            level3: r.level3Share ?? 0,
            label: `${r.belowOnlineTarget ? '▼ ' : ''}${formatPercent(r.totals.onlineRate, lang)}`,
          },
        ],
  );
}

/** Height the chart needs for these rows; pass the same to ChartFrame. */
export function onlineChartHeight(rows: readonly UnitRow[]): number {
  return unitChartHeight(rows.filter((r) => r.totals.onlineRate !== null).length, true);
}

export function OnlineByUnitChart({
  rows,
  target,
  lang,
  onSelectUnit,
  animate = false,
  height,
}: OnlineByUnitChartProps) {
  const t = TEXT[lang];
  const data = plotted(rows, lang);
  const layout = useUnitAxisLayout();
  const units = new Map<string, UnitLabel>(data.map((d) => [d.unitId, d]));
  const chartHeight = height ?? onlineChartHeight(rows);
  const select = (item: { payload?: unknown }) => {
    const d = payloadOf<Datum>(item);
    if (d && onSelectUnit) onSelectUnit(d.unitId);
  };
  const clickable = onSelectUnit ? 'chart-bar--clickable' : undefined;
  return (
    <ResponsiveContainer
      width="100%"
      height={chartHeight}
      initialDimension={{ width: 600, height: chartHeight }}
      onResize={layout.onResize}
    >
      <BarChart data={data} layout="vertical" margin={layout.margin} accessibilityLayer={false}>
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={tickFormatter('percent', lang)}
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
          formatter={tooltipFormatter('percent', lang)}
          labelFormatter={(id) => {
            const unit = units.get(String(id));
            return unit ? unitAxisLabel(unit, lang).full : String(id);
          }}
          contentStyle={TOOLTIP_CONTENT_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={TOOLTIP_ITEM_STYLE}
        />
        <Legend verticalAlign="bottom" itemSorter={null} wrapperStyle={LEGEND_STYLE} formatter={legendText} />
        <Bar
          dataKey="level4"
          stackId="online"
          name={FIGURE_LABEL.receivedOnlineLevel4[lang]}
          fill={LEVEL4_FILL}
          isAnimationActive={animate}
          barSize={18}
          className={clickable}
          shape={(props) => paintBar(props, LEVEL4_FILL, { separated: true })}
          onClick={select}
        />
        <Bar
          dataKey="level3"
          stackId="online"
          name={FIGURE_LABEL.receivedOnlineLevel3[lang]}
          fill={LEVEL3_FILL}
          isAnimationActive={animate}
          barSize={18}
          className={clickable}
          shape={(props) => paintBar(props, LEVEL3_FILL, { separated: true })}
          onClick={select}
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

/** The numbers behind the chart, every unit included; a unit that received nothing shows "—". */
export function onlineTable(rows: readonly UnitRow[], lang: Lang): NumbersTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unit', label: t.unit },
      { key: 'level', label: t.level },
      { key: 'received', label: FIGURE_LABEL.received[lang], numeric: true },
      { key: 'level4Share', label: FIGURE_LABEL.level4Share[lang], numeric: true },
      { key: 'level3Share', label: t.level3Share, numeric: true },
      { key: 'onlineRate', label: FIGURE_LABEL.onlineRate[lang], numeric: true },
      { key: 'status', label: t.status },
    ],
    rows: sortedByValue(rows, (r) => r.totals.onlineRate).map((r) => ({
      key: r.unitId,
      cells: {
        unit: r.name,
        level: LEVEL_SHORT[r.level][lang],
        received: formatCount(r.totals.received, lang),
        level4Share: formatPercent(r.level4Share, lang),
        level3Share: formatPercent(r.level3Share, lang),
        onlineRate: formatPercent(r.totals.onlineRate, lang),
        status: r.belowOnlineTarget ? t.below : r.totals.onlineRate === null ? NOT_AVAILABLE : t.meets,
      },
    })),
  };
}

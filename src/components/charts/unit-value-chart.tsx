import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Lang } from '../../domain/format.ts';
import { LEVEL_SHORT } from '../../domain/labels.ts';
import type { Level } from '../../domain/schema.ts';
import type { NumbersTable } from '../chart-frame.tsx';
import {
  AXIS_LINE,
  AXIS_TICK,
  formatLabelValue,
  formatValue,
  GRID_STROKE,
  LABEL_FILL,
  paintBar,
  payloadOf,
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
  vi: { unit: 'Đơn vị', level: 'Cấp', value: { count: 'Số hồ sơ', vnd: 'Số tiền' } },
  en: { unit: 'Unit', level: 'Level', value: { count: 'Dossiers', vnd: 'Amount' } },
};

const BAR_FILL = 'var(--chart-1)';

export type UnitValueFormat = 'count' | 'vnd';

export interface UnitValueRow {
  unitId: string;
  name: string;
  level: Level;
  /** null: the unit does not report it; listed in the table, left out of the bars. */
  value: number | null;
}

interface Datum extends UnitLabel {
  unitId: string;
  value: number;
  label: string;
}

export interface UnitValueChartProps {
  rows: readonly UnitValueRow[];
  format: UnitValueFormat;
  lang: Lang;
  onSelectUnit?: (unitId: string) => void;
  animate?: boolean;
  height?: number;
}

function plotted(rows: readonly UnitValueRow[], format: UnitValueFormat, lang: Lang): Datum[] {
  return sortedByValue(rows, (r) => r.value).flatMap((r) =>
    r.value === null
      ? []
      : [
          {
            unitId: r.unitId,
            name: r.name,
            level: r.level,
            value: r.value,
            label: formatLabelValue(r.value, format, lang),
          },
        ],
  );
}

/** Height the chart needs for these rows; pass the same to ChartFrame. */
export function unitValueChartHeight(rows: readonly UnitValueRow[]): number {
  return unitChartHeight(rows.filter((r) => r.value !== null).length);
}

export function UnitValueChart({ rows, format, lang, onSelectUnit, animate = false, height }: UnitValueChartProps) {
  const data = plotted(rows, format, lang);
  const layout = useUnitAxisLayout();
  const units = new Map<string, UnitLabel>(data.map((d) => [d.unitId, d]));
  const chartHeight = height ?? unitValueChartHeight(rows);
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
          domain={[0, 'auto']}
          tickFormatter={tickFormatter(format, lang)}
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
          formatter={tooltipFormatter(format, lang)}
          labelFormatter={(id) => {
            const unit = units.get(String(id));
            return unit ? unitAxisLabel(unit, lang).full : String(id);
          }}
          contentStyle={TOOLTIP_CONTENT_STYLE}
          labelStyle={TOOLTIP_LABEL_STYLE}
          itemStyle={TOOLTIP_ITEM_STYLE}
        />
        <Bar
          dataKey="value"
          fill={BAR_FILL}
          isAnimationActive={animate}
          barSize={18}
          className={onSelectUnit ? 'chart-bar--clickable' : undefined}
          shape={(props) => paintBar(props, BAR_FILL)}
          onClick={(item) => {
            const d = payloadOf<Datum>(item);
            if (d && onSelectUnit) onSelectUnit(d.unitId);
          }}
        >
          <LabelList dataKey="label" position="right" fill={LABEL_FILL} fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** The numbers behind the chart, every unit included; `valueLabel` heads the value column. */
export function unitValueTable(
  rows: readonly UnitValueRow[],
  format: UnitValueFormat,
  lang: Lang,
  valueLabel?: string,
): NumbersTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unit', label: t.unit },
      { key: 'level', label: t.level },
      { key: 'value', label: valueLabel ?? t.value[format], numeric: true },
    ],
    rows: sortedByValue(rows, (r) => r.value).map((r) => ({
      key: r.unitId,
      cells: { unit: r.name, level: LEVEL_SHORT[r.level][lang], value: formatValue(r.value, format, lang) },
    })),
  };
}

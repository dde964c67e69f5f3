import {
  formatLabelValue,
  formatValue,
  MONTHLY_CHART_HEIGHT,
  percentScale,
  STACKED_CHART_HEIGHT,
  sortedByValue,
  unitChartHeight,
  type ValueFormat,
} from './chart-layout.ts';
import type { RawTable } from './csv.ts';
import {
  CHANNEL_PICKS,
  type DashboardFigures,
  FLOW_PICKS,
  type SeriesPoint,
  topAndBottom,
  UNIT_CHART_LIMIT,
  type UnitRow,
} from './dashboard.ts';
import { formatMonthShort, formatPercent, type Lang, NOT_AVAILABLE } from './format.ts';
import { FIGURE_LABEL, LEVEL_LABEL, LEVEL_SHORT } from './labels.ts';
import type { Level } from './schema.ts';

/**
 * The charts of one selection as plain data: what to draw (a kind and its
 * rows), the numbers table under it, the raw rows for CSV and JSON, and the
 * exact height it takes. The page, the slides, the handout and the exports
 * all read these; only the chart module (src/components/charts/chart.tsx,
 * loaded on demand) turns them into SVG.
 */

export interface TableColumn {
  key: string;
  label: string;
  /** Right-aligned, so digits line up. */
  numeric?: boolean;
}

export interface TableRow {
  key: string;
  /** Already formatted, by column key; the first column heads the row. */
  cells: Record<string, string>;
}

/** A chart's numbers, formatted for reading: the accessible twin of every chart. */
export interface NumbersTable {
  columns: TableColumn[];
  rows: TableRow[];
}

export interface SeriesSpec {
  key: string;
  label: string;
}

export interface TargetMark {
  value: number;
  label: string;
}

/** A colour of the chart palette (Okabe–Ito, --chart-1 … --chart-6), by number. */
export type PaletteIndex = 1 | 2 | 3 | 4 | 5 | 6;

/** A legend entry drawn by hand: a plain swatch, or the hatch that marks units below target. */
export interface LegendEntry {
  label: string;
  color: PaletteIndex;
  hatched: boolean;
}

/** One unit's bar: its parts stacked from zero, the label written at its end. */
export interface UnitBar {
  unitId: string;
  name: string;
  level: Level;
  /** One value per part of the chart, in the order of `parts`. */
  values: number[];
  label: string;
  /** Below the target: drawn hatched, and the label starts with ▼. */
  below: boolean;
}

export interface UnitBarsChart {
  kind: 'unit-bars';
  /** Top to bottom. */
  bars: UnitBar[];
  parts: (SeriesSpec & { color: PaletteIndex })[];
  format: ValueFormat;
  /** Fixed for rates (0–100 %), from zero to the largest value otherwise. */
  domain: [number, number] | null;
  ticks: number[] | null;
  target: TargetMark | null;
  legend: LegendEntry[];
}

export interface MonthlyBarsChart {
  kind: 'monthly-bars';
  points: SeriesPoint[];
  series: SeriesSpec[];
  format: 'count' | 'vnd';
  /** Stacked: parts of one whole (e.g. the dossier flow); grouped: figures side by side. */
  stacked: boolean;
}

export interface MonthlyLinesChart {
  kind: 'monthly-lines';
  points: SeriesPoint[];
  series: SeriesSpec[];
  format: ValueFormat;
  target: TargetMark | null;
  /** For rates, an axis fitted to the values; null: from zero. */
  scale: { domain: [number, number]; ticks: number[] } | null;
}

export type ChartDef = UnitBarsChart | MonthlyBarsChart | MonthlyLinesChart;

export interface ChartSpec {
  /** Also the slide key, the DOM id, and the export file name. */
  id: string;
  title: string;
  description: string;
  status: 'ready' | 'empty';
  table: NumbersTable;
  raw: RawTable;
  /** Series names for exported images, in drawing order. */
  legend: string[];
  /** Exactly the height the chart draws at on the page: the frame reserves it, so nothing shifts. */
  height: number;
  /** Set when a chart by unit shows only the best and weakest units. */
  truncated: { shown: number; total: number } | null;
  chart: ChartDef;
}

/** Above this many months, markers and value labels would crowd each other; the table has the values. */
export const MAX_LABELLED_MONTHS = 18;

/** The one function that says how tall a chart draws; the frame reserves the same. */
export function chartHeight(def: ChartDef): number {
  switch (def.kind) {
    case 'unit-bars':
      return unitChartHeight(def.bars.length, def.legend.length > 0);
    case 'monthly-bars':
      return def.stacked ? STACKED_CHART_HEIGHT : MONTHLY_CHART_HEIGHT;
    case 'monthly-lines':
      return MONTHLY_CHART_HEIGHT;
  }
}

/** Above this height the page shows a chart by unit in a scrolling box (every unit shown). */
export const SCROLL_HEIGHT = 720;

const TEXT = {
  vi: {
    onTime: {
      title: 'Tỷ lệ giải quyết đúng hạn theo đơn vị',
      description:
        'Mỗi thanh là tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn trên tổng số đã giải quyết; đường kẻ là chỉ tiêu.',
    },
    online: {
      title: 'Hồ sơ trực tuyến theo đơn vị',
      description: 'Tỷ lệ hồ sơ nộp trực tuyến mức độ 3 và mức độ 4 trên tổng số hồ sơ mới tiếp nhận của mỗi đơn vị.',
    },
    onlineTrend: {
      title: 'Tỷ lệ trực tuyến theo tháng',
      description: 'Tỷ lệ hồ sơ mới tiếp nhận qua dịch vụ công trực tuyến mức độ 3, 4 trong từng tháng.',
    },
    feesMonth: {
      title: 'Phí, lệ phí theo tháng',
      description: (levels: string) => `Số tiền phí, lệ phí thu được mỗi tháng, ${levels} tách riêng.`,
      descriptionOne: 'Số tiền phí, lệ phí thu được mỗi tháng.',
    },
    feesUnit: {
      title: 'Phí, lệ phí theo đơn vị',
      description: 'Tổng phí, lệ phí mỗi đơn vị thu được trong kỳ đã chọn.',
    },
    flow: {
      title: 'Kết quả xử lý hồ sơ theo tháng',
      description:
        'Hồ sơ của mỗi tháng chia theo kết quả: giải quyết trước hạn, đúng hạn, quá hạn, trả lại, và còn đang giải quyết trong hạn hoặc quá hạn.',
    },
    channel: {
      title: 'Hồ sơ mới tiếp nhận theo hình thức nộp',
      description: 'Hồ sơ mới mỗi tháng: trực tuyến mức độ 4, mức độ 3, và nộp trực tiếp hoặc qua bưu chính.',
    },
    unitTrend: {
      title: (name: string) => `${name}: tỷ lệ theo tháng`,
      description: 'Tỷ lệ đúng hạn và tỷ lệ trực tuyến của đơn vị trong từng tháng.',
    },
    unitCounts: {
      title: (name: string) => `${name}: hồ sơ theo tháng`,
      description: 'Số hồ sơ mới tiếp nhận và số đã giải quyết của đơn vị trong từng tháng.',
    },
    target: 'Chỉ tiêu',
    targetValue: (v: string) => `Chỉ tiêu ${v}`,
    month: 'Tháng',
    unitId: 'Mã đơn vị',
    unitName: 'Đơn vị',
    level: 'Cấp',
    status: 'So với chỉ tiêu',
    meets: 'Đạt chỉ tiêu',
    below: 'Dưới chỉ tiêu',
    belowLegend: '▼ Dưới chỉ tiêu',
    level3Share: 'Tỷ lệ mức độ 3',
    value: { count: 'Số hồ sơ', vnd: 'Số tiền', percent: 'Tỷ lệ' },
    and: 'và',
  },
  en: {
    onTime: {
      title: 'On-time rate by unit',
      description: 'Each bar is the share of resolved dossiers resolved early or on time; the line is the target.',
    },
    online: {
      title: 'Online dossiers by unit',
      description: "Online level 3 and level 4 dossiers as shares of each unit's newly received dossiers.",
    },
    onlineTrend: {
      title: 'Online uptake by month',
      description: 'Share of newly received dossiers that came through online services, levels 3 and 4, each month.',
    },
    feesMonth: {
      title: 'Fees by month',
      description: (levels: string) => `Fees and charges collected each month, ${levels} apart.`,
      descriptionOne: 'Fees and charges collected each month.',
    },
    feesUnit: { title: 'Fees by unit', description: 'Fees and charges each unit collected in the chosen period.' },
    flow: {
      title: 'Dossier outcomes by month',
      description:
        "Each month's dossiers by outcome: resolved early, on time, late, withdrawn, and still in progress within or past the deadline.",
    },
    channel: {
      title: 'New dossiers by channel',
      description: 'New dossiers each month: online level 4, level 3, and in person or by post.',
    },
    unitTrend: {
      title: (name: string) => `${name}: rates by month`,
      description: "The unit's on-time rate and online uptake each month.",
    },
    unitCounts: {
      title: (name: string) => `${name}: dossiers by month`,
      description: 'Dossiers the unit newly received and resolved each month.',
    },
    target: 'Target',
    targetValue: (v: string) => `Target ${v}`,
    month: 'Month',
    unitId: 'Unit id',
    unitName: 'Unit',
    level: 'Level',
    status: 'Against the target',
    meets: 'Meets the target',
    below: 'Below the target',
    belowLegend: '▼ Below the target',
    level3Share: 'Level-3 share',
    value: { count: 'Dossiers', vnd: 'Amount', percent: 'Rate' },
    and: 'and',
  },
};

/* Numbers tables, built from the same rows as the charts and without any chart code. */

/** A chart by month: one row per month, one column per series. */
export function seriesTable(
  points: readonly SeriesPoint[],
  series: readonly SeriesSpec[],
  format: ValueFormat,
  lang: Lang,
): NumbersTable {
  return {
    columns: [
      { key: 'month', label: TEXT[lang].month },
      ...series.map((s) => ({ key: `v:${s.key}`, label: s.label, numeric: true })),
    ],
    rows: points.map((p) => {
      const cells: Record<string, string> = { month: formatMonthShort(p.month, lang) };
      for (const s of series) cells[`v:${s.key}`] = formatValue(p.values[s.key] ?? null, format, lang);
      return { key: p.month, cells };
    }),
  };
}

/** On-time rates by unit, every unit included, best first; a unit without a rate shows "—". */
export function onTimeTable(rows: readonly UnitRow[], lang: Lang): NumbersTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unit', label: t.unitName },
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
        resolved: formatValue(r.totals.resolved, 'count', lang),
        rate: formatPercent(r.totals.onTimeRate, lang),
        status: r.belowOnTimeTarget ? t.below : r.totals.onTimeRate === null ? NOT_AVAILABLE : t.meets,
      },
    })),
  };
}

/** Online shares by unit, every unit included; a unit that received nothing shows "—". */
export function onlineTable(rows: readonly UnitRow[], lang: Lang): NumbersTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unit', label: t.unitName },
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
        received: formatValue(r.totals.received, 'count', lang),
        level4Share: formatPercent(r.level4Share, lang),
        level3Share: formatPercent(r.level3Share, lang),
        onlineRate: formatPercent(r.totals.onlineRate, lang),
        status: r.belowOnlineTarget ? t.below : r.totals.onlineRate === null ? NOT_AVAILABLE : t.meets,
      },
    })),
  };
}

export interface UnitValueRow {
  unitId: string;
  name: string;
  level: Level;
  /** null: the unit does not report it; listed in the table, left out of the bars. */
  value: number | null;
}

/** One figure by unit, every unit included, highest first; `valueLabel` heads the value column. */
export function unitValueTable(
  rows: readonly UnitValueRow[],
  format: ValueFormat,
  lang: Lang,
  valueLabel?: string,
): NumbersTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unit', label: t.unitName },
      { key: 'level', label: t.level },
      { key: 'value', label: valueLabel ?? t.value[format], numeric: true },
    ],
    rows: sortedByValue(rows, (r) => r.value).map((r) => ({
      key: r.unitId,
      cells: { unit: r.name, level: LEVEL_SHORT[r.level][lang], value: formatValue(r.value, format, lang) },
    })),
  };
}

/* The bars of the charts by unit. */

/** On-time rate per unit with a rate, best first; below-target units hatched and marked ▼. */
export function onTimeBars(rows: readonly UnitRow[], target: number, lang: Lang): UnitBarsChart {
  const t = TEXT[lang];
  const bars = sortedByValue(rows, (r) => r.totals.onTimeRate).flatMap((r): UnitBar[] =>
    r.totals.onTimeRate === null
      ? []
      : [
          {
            unitId: r.unitId,
            name: r.name,
            level: r.level,
            values: [r.totals.onTimeRate],
            label: `${r.belowOnTimeTarget ? '▼ ' : ''}${formatPercent(r.totals.onTimeRate, lang)}`,
            below: r.belowOnTimeTarget,
          },
        ],
  );
  return {
    kind: 'unit-bars',
    bars,
    parts: [{ key: 'onTimeRate', label: FIGURE_LABEL.onTimeRate[lang], color: 1 }],
    format: 'percent',
    domain: [0, 1],
    ticks: [0, 0.25, 0.5, 0.75, 1],
    target: { value: target, label: t.targetValue(formatPercent(target, lang)) },
    legend: [
      { label: t.meets, color: 1, hatched: false },
      { label: t.belowLegend, color: 4, hatched: true },
    ],
  };
}

/** Online uptake per unit, level 4 then level 3 stacked, highest uptake first; the total at the end. */
export function onlineBars(rows: readonly UnitRow[], target: number, lang: Lang): UnitBarsChart {
  const t = TEXT[lang];
  const bars = sortedByValue(rows, (r) => r.totals.onlineRate).flatMap((r): UnitBar[] =>
    r.totals.onlineRate === null
      ? []
      : [
          {
            unitId: r.unitId,
            name: r.name,
            level: r.level,
            values: [r.level4Share ?? 0, r.level3Share ?? 0],
            label: `${r.belowOnlineTarget ? '▼ ' : ''}${formatPercent(r.totals.onlineRate, lang)}`,
            // Two parts already take the two colours; the ▼ in the label marks the shortfall.
            below: false,
          },
        ],
  );
  return {
    kind: 'unit-bars',
    bars,
    parts: [
      { key: 'receivedOnlineLevel4', label: FIGURE_LABEL.receivedOnlineLevel4[lang], color: 1 },
      { key: 'receivedOnlineLevel3', label: FIGURE_LABEL.receivedOnlineLevel3[lang], color: 5 },
    ],
    format: 'percent',
    domain: [0, 1],
    ticks: [0, 0.25, 0.5, 0.75, 1],
    target: { value: target, label: t.targetValue(formatPercent(target, lang)) },
    legend: [
      { label: FIGURE_LABEL.receivedOnlineLevel4[lang], color: 1, hatched: false },
      { label: FIGURE_LABEL.receivedOnlineLevel3[lang], color: 5, hatched: false },
    ],
  };
}

/** One count or amount per unit, highest first; units that do not report it are left out of the bars. */
export function valueBars(
  rows: readonly UnitValueRow[],
  format: ValueFormat,
  label: string,
  lang: Lang,
): UnitBarsChart {
  const bars = sortedByValue(rows, (r) => r.value).flatMap((r): UnitBar[] =>
    r.value === null
      ? []
      : [
          {
            unitId: r.unitId,
            name: r.name,
            level: r.level,
            values: [r.value],
            label: formatLabelValue(r.value, format, lang),
            below: false,
          },
        ],
  );
  return {
    kind: 'unit-bars',
    bars,
    parts: [{ key: 'value', label, color: 1 }],
    format,
    domain: null,
    ticks: null,
    target: null,
    legend: [],
  };
}

/* The specs of a selection. */

function hasValues(points: readonly SeriesPoint[]): boolean {
  return points.some((p) => Object.values(p.values).some((v) => v !== null));
}

function seriesRaw(points: readonly SeriesPoint[], series: readonly SeriesSpec[], lang: Lang): RawTable {
  return {
    columns: [{ key: 'month', label: TEXT[lang].month }, ...series],
    rows: points.map((p) => ({
      month: p.month,
      ...Object.fromEntries(series.map((s) => [s.key, p.values[s.key] ?? null])),
    })),
  };
}

function unitRaw(
  rows: readonly UnitRow[],
  values: { key: string; label: string; pick: (r: UnitRow) => number | null }[],
  lang: Lang,
): RawTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unitId', label: t.unitId },
      { key: 'unitName', label: t.unitName },
      { key: 'level', label: t.level },
      ...values.map(({ key, label }) => ({ key, label })),
    ],
    rows: rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.name,
      level: r.level,
      ...Object.fromEntries(values.map((v) => [v.key, v.pick(r)])),
    })),
  };
}

function spec(base: Omit<ChartSpec, 'height' | 'status'> & { ready: boolean }): ChartSpec {
  const { ready, ...rest } = base;
  return { ...rest, status: ready ? 'ready' : 'empty', height: chartHeight(base.chart) };
}

export interface ChartOptions {
  /** Every unit in the charts by unit, instead of the best and weakest. */
  allUnits?: boolean;
}

export function chartSpecs(
  figures: DashboardFigures,
  unitName: string | null,
  lang: Lang,
  options: ChartOptions = {},
): ChartSpec[] {
  const t = TEXT[lang];
  const rows = figures.rows;
  const limit = (pick: (r: UnitRow) => number | null) =>
    options.allUnits ? rows : topAndBottom(rows, pick, UNIT_CHART_LIMIT / 2);
  const truncated = (shown: readonly unknown[]) =>
    shown.length < rows.length ? { shown: shown.length, total: rows.length } : null;
  const targets = figures.headline.targets;
  const label = (k: string) => FIGURE_LABEL[k as keyof typeof FIGURE_LABEL]?.[lang] ?? k;
  const figureSeries = (keys: readonly string[]) => keys.map((k) => ({ key: k, label: label(k) }));
  const groupSeries = unitName
    ? [{ key: 'unit', label: unitName }]
    : figures.levels.map((l) => ({ key: l, label: LEVEL_LABEL[l][lang] }));
  const targetMark = (value: number) => ({ value, label: t.target });
  const specs: ChartSpec[] = [];

  if (unitName) {
    const rateSeries = figureSeries(['onTimeRate', 'onlineRate']);
    const countSeries = figureSeries(['received', 'resolved']);
    specs.push(
      spec({
        id: 'unit-rates',
        title: t.unitTrend.title(unitName),
        description: t.unitTrend.description,
        ready: hasValues(figures.unitRates),
        table: seriesTable(figures.unitRates, rateSeries, 'percent', lang),
        raw: seriesRaw(figures.unitRates, rateSeries, lang),
        legend: rateSeries.map((s) => s.label),
        truncated: null,
        chart: {
          kind: 'monthly-lines',
          points: figures.unitRates,
          series: rateSeries,
          format: 'percent',
          target: targetMark(targets.onTimeRate),
          scale: percentScale(monthlyValues(figures.unitRates), targets.onTimeRate),
        },
      }),
      spec({
        id: 'unit-counts',
        title: t.unitCounts.title(unitName),
        description: t.unitCounts.description,
        ready: hasValues(figures.unitCounts),
        table: seriesTable(figures.unitCounts, countSeries, 'count', lang),
        raw: seriesRaw(figures.unitCounts, countSeries, lang),
        legend: countSeries.map((s) => s.label),
        truncated: null,
        chart: {
          kind: 'monthly-bars',
          points: figures.unitCounts,
          series: countSeries,
          format: 'count',
          stacked: false,
        },
      }),
    );
  }

  const onTimeRows = limit((r) => r.totals.onTimeRate);
  const onlineRows = limit((r) => r.totals.onlineRate);
  const feeUnitRows = limit((r) => r.totals.feesVnd);
  const feeRows = (list: readonly UnitRow[]): UnitValueRow[] =>
    list.map((r) => ({ unitId: r.unitId, name: r.name, level: r.level, value: r.totals.feesVnd }));
  const flowSeries = figureSeries(Object.keys(FLOW_PICKS));
  const channelSeries = figureSeries(Object.keys(CHANNEL_PICKS));
  const levelNames = listOf(
    groupSeries.map((s) => s.label.toLocaleLowerCase(lang)),
    t.and,
  );

  specs.push(
    spec({
      id: 'on-time',
      title: t.onTime.title,
      description: t.onTime.description,
      ready: rows.some((r) => r.totals.onTimeRate !== null),
      table: onTimeTable(rows, lang),
      raw: unitRaw(
        rows,
        [
          { key: 'onTimeRate', label: label('onTimeRate'), pick: (r) => r.totals.onTimeRate },
          { key: 'resolved', label: label('resolved'), pick: (r) => r.totals.resolved },
        ],
        lang,
      ),
      legend: [label('onTimeRate')],
      truncated: truncated(onTimeRows),
      chart: onTimeBars(onTimeRows, targets.onTimeRate, lang),
    }),
    spec({
      id: 'online',
      title: t.online.title,
      description: t.online.description,
      ready: rows.some((r) => r.totals.onlineRate !== null),
      table: onlineTable(rows, lang),
      raw: unitRaw(
        rows,
        [
          { key: 'level3Share', label: label('receivedOnlineLevel3'), pick: (r) => r.level3Share },
          { key: 'level4Share', label: label('receivedOnlineLevel4'), pick: (r) => r.level4Share },
          { key: 'onlineRate', label: label('onlineRate'), pick: (r) => r.totals.onlineRate },
        ],
        lang,
      ),
      legend: [label('receivedOnlineLevel4'), label('receivedOnlineLevel3')],
      truncated: truncated(onlineRows),
      chart: onlineBars(onlineRows, targets.onlineRate, lang),
    }),
    spec({
      id: 'online-trend',
      title: t.onlineTrend.title,
      description: t.onlineTrend.description,
      ready: hasValues(figures.onlineTrend),
      table: seriesTable(figures.onlineTrend, groupSeries, 'percent', lang),
      raw: seriesRaw(figures.onlineTrend, groupSeries, lang),
      legend: groupSeries.map((s) => s.label),
      truncated: null,
      chart: {
        kind: 'monthly-lines',
        points: figures.onlineTrend,
        series: groupSeries,
        format: 'percent',
        target: targetMark(targets.onlineRate),
        scale: percentScale(monthlyValues(figures.onlineTrend), targets.onlineRate),
      },
    }),
    spec({
      id: 'fees-month',
      title: t.feesMonth.title,
      description: groupSeries.length > 1 ? t.feesMonth.description(levelNames) : t.feesMonth.descriptionOne,
      ready: hasValues(figures.feesByMonth),
      table: seriesTable(figures.feesByMonth, groupSeries, 'vnd', lang),
      raw: seriesRaw(figures.feesByMonth, groupSeries, lang),
      legend: groupSeries.map((s) => s.label),
      truncated: null,
      chart: { kind: 'monthly-bars', points: figures.feesByMonth, series: groupSeries, format: 'vnd', stacked: false },
    }),
    spec({
      id: 'fees-unit',
      title: t.feesUnit.title,
      description: t.feesUnit.description,
      ready: rows.some((r) => r.totals.feesVnd !== null),
      table: unitValueTable(feeRows(rows), 'vnd', lang),
      raw: unitRaw(rows, [{ key: 'feesVnd', label: label('feesVnd'), pick: (r) => r.totals.feesVnd }], lang),
      legend: [label('feesVnd')],
      truncated: truncated(feeUnitRows),
      chart: valueBars(feeRows(feeUnitRows), 'vnd', label('feesVnd'), lang),
    }),
    spec({
      id: 'flow',
      title: t.flow.title,
      description: t.flow.description,
      ready: hasValues(figures.flow),
      table: seriesTable(figures.flow, flowSeries, 'count', lang),
      raw: seriesRaw(figures.flow, flowSeries, lang),
      legend: flowSeries.map((s) => s.label),
      truncated: null,
      chart: { kind: 'monthly-bars', points: figures.flow, series: flowSeries, format: 'count', stacked: true },
    }),
    spec({
      id: 'channel',
      title: t.channel.title,
      description: t.channel.description,
      ready: hasValues(figures.channel),
      table: seriesTable(figures.channel, channelSeries, 'count', lang),
      raw: seriesRaw(figures.channel, channelSeries, lang),
      legend: channelSeries.map((s) => s.label),
      truncated: null,
      chart: { kind: 'monthly-bars', points: figures.channel, series: channelSeries, format: 'count', stacked: true },
    }),
  );
  return specs;
}

function monthlyValues(points: readonly SeriesPoint[]): (number | null)[] {
  return points.flatMap((p) => Object.values(p.values));
}

function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

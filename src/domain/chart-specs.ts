import {
  formatLabelValue,
  formatTick,
  formatValue,
  MONTHLY_CHART_HEIGHT,
  STACKED_CHART_HEIGHT,
  sortedByValue,
  unitSuffix,
  type ValueFormat,
} from './chart-layout.ts';
import { type Compared as ComparedWith, changeVerdict } from './comparison-plan.ts';
import { comparedWith, comparedWithShort, targetLabelStart } from './comparison-words.ts';
import type { RawTable } from './csv.ts';
import {
  CHANNEL_PICKS,
  CHANNEL_TOTAL_PICKS,
  type DashboardFigures,
  type FieldRow,
  type SeriesPoint,
  topAndBottom,
  UNIT_CHART_LIMIT,
  type UnitRow,
} from './dashboard.ts';
import { formatCount, formatMonthShort, formatPercent, formatPointChange, type Lang, NOT_AVAILABLE } from './format.ts';
import { FIELD_LABEL, FIGURE_LABEL, LEVEL_LABEL, SPLIT_NOT_REPORTED, unitType } from './labels.ts';
import type { Level } from './schema.ts';
import {
  fittedRateScale,
  rowsThatFit,
  type Tone,
  type UnitChartInput,
  unitChartHeightFor,
  zeroBasedScale,
} from './unit-chart-layout.ts';

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
  /** What its colour means; by default the series take main, second, third in turn. */
  color?: ColorToken;
}

export interface TargetMark {
  value: number;
  label: string;
}

/**
 * What a colour means, the same on every chart (decision 11): the figure being
 * measured, a second series beside it, what the council asks about (late,
 * overdue, below target, worse), better, and quiet shades for the normal parts.
 */
export type ColorToken = 'main' | 'second' | 'third' | 'bad' | 'bad2' | 'good' | 'quiet1' | 'quiet2' | 'quiet3';

/** A legend entry drawn by hand. */
export interface LegendEntry {
  label: string;
  color: ColorToken;
  /** The mark it stands for: a dot, a downward triangle (below target), a bar, an arrow. */
  shape: 'dot' | 'triangle' | 'bar' | 'arrow';
}

/** One chart with a row per unit: dots for rates on a fitted scale, bars from zero for counts, arrows for change. */
export interface UnitsChart extends UnitChartInput {
  kind: 'units';
  /** What a row stands for, so a click can open it: a unit, or a procedure field. */
  rowsAre: 'units' | 'fields';
  legend: LegendEntry[];
  /** Said under the chart when the scale does not start at zero. */
  axisNote: string | null;
}

/** One sentence instead of a chart, when a chart would only repeat it (every unit has the same value). */
export interface StatementChart {
  kind: 'statement';
  text: string;
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

export type ChartDef = UnitsChart | MonthlyBarsChart | MonthlyLinesChart | StatementChart;

export interface ChartSpec {
  /** Also the slide key, the DOM id, and the export file name. */
  id: string;
  title: string;
  description: string;
  /** How to use the chart on screen (what a click does): said after the description, neither printed nor on slides. */
  hint?: string;
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
  /** What to say instead of the chart when there is nothing to draw, if not the usual sentence. */
  emptyText?: string;
}

/** Chart text on the page, in px; slides scale it to the screen. */
export const PAGE_TEXT_SIZE = 12;
/** A hand-drawn legend's line and the scale note's line under a chart by unit, on the page. */
export const LEGEND_HEIGHT = 24;
export const NOTE_HEIGHT = 20;
/** A sentence standing in for a chart. */
export const STATEMENT_HEIGHT = 72;

/** Above this many months, markers and value labels would crowd each other; the table has the values. */
export const MAX_LABELLED_MONTHS = 18;

/** The one function that says how tall a chart draws; the frame reserves the same. */
export function chartHeight(def: ChartDef): number {
  switch (def.kind) {
    case 'units':
      return (
        unitChartHeightFor(def.rows.length, PAGE_TEXT_SIZE, {
          target: def.target !== null,
          reference: def.reference !== null,
        }) +
        (def.legend.length > 0 ? LEGEND_HEIGHT : 0) +
        (def.axisNote ? NOTE_HEIGHT : 0)
      );
    case 'statement':
      return STATEMENT_HEIGHT;
    case 'monthly-bars':
      return def.stacked ? STACKED_CHART_HEIGHT : MONTHLY_CHART_HEIGHT;
    case 'monthly-lines':
      return MONTHLY_CHART_HEIGHT;
  }
}

/** How many rows of a chart by unit fit in a height at a text size (slides). */
export function rowsFitOnSlide(chart: UnitsChart, height: number, textSize: number): number {
  const k = textSize / PAGE_TEXT_SIZE;
  const extra = (chart.legend.length > 0 ? LEGEND_HEIGHT * k : 0) + (chart.axisNote ? NOTE_HEIGHT * k : 0);
  return rowsThatFit(height - extra, textSize, { target: chart.target !== null, reference: chart.reference !== null });
}

/** Above this height the page shows a chart by unit in a scrolling box (every unit shown). */
export const SCROLL_HEIGHT = 720;

const TEXT = {
  vi: {
    onTime: {
      title: 'Tỷ lệ giải quyết đúng hạn theo đơn vị',
      description:
        'Mỗi chấm là tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn trên tổng số đã giải quyết của một đơn vị; đường kẻ đứt là chỉ tiêu, đường chấm là đơn vị cấp trên.',
      same: (units: string, rate: string) => `Cả ${units} đều giải quyết đúng hạn ${rate} hồ sơ.`,
    },
    online: {
      title: 'Tỷ lệ hồ sơ trực tuyến theo đơn vị',
      description:
        'Mỗi chấm là tỷ lệ hồ sơ nộp trực tuyến trên tổng số hồ sơ mới tiếp nhận của một đơn vị; đường kẻ đứt là chỉ tiêu, đường chấm là đơn vị cấp trên.',
      same: (units: string, rate: string) => `Cả ${units} đều có ${rate} hồ sơ nộp trực tuyến.`,
    },
    onTimeChange: {
      title: 'Tỷ lệ đúng hạn thay đổi thế nào, theo đơn vị',
      description: (against: string) =>
        `Mỗi mũi tên đi từ tỷ lệ đúng hạn ${against} đến tỷ lệ kỳ này; xanh là tốt lên, đỏ là kém đi; chỉ các đơn vị có số liệu đủ cả hai kỳ.`,
    },
    onlineChange: {
      title: 'Tỷ lệ trực tuyến thay đổi thế nào, theo đơn vị',
      description: (against: string) =>
        `Mỗi mũi tên đi từ tỷ lệ trực tuyến ${against} đến tỷ lệ kỳ này; xanh là tốt lên, đỏ là kém đi; chỉ các đơn vị có số liệu đủ cả hai kỳ.`,
    },
    unchanged: (what: string, units: string, against: string) => `${what} của cả ${units} không đổi ${against}.`,
    better: 'Tốt lên',
    worse: 'Kém đi',
    before: 'Kỳ so sánh',
    now: 'Kỳ này',
    change: 'Thay đổi',
    overdueMonth: {
      title: 'Hồ sơ trễ hạn và quá hạn theo tháng',
      description: 'Mỗi tháng: số hồ sơ đã giải quyết quá hạn trong tháng và số hồ sơ còn đang quá hạn ở cuối tháng.',
      none: 'Không có hồ sơ nào giải quyết quá hạn hay còn quá hạn trong kỳ.',
    },
    overdueUnit: {
      title: 'Hồ sơ đang quá hạn theo đơn vị',
      description: 'Số hồ sơ còn đang giải quyết đã quá hạn ở cuối kỳ, ở những đơn vị có hồ sơ quá hạn.',
      none: 'Không đơn vị nào có hồ sơ quá hạn ở cuối kỳ.',
    },
    axisStarts: (v: string) => `Trục ngang bắt đầu từ ${v}, không phải từ 0.`,
    fieldOnTime: {
      title: 'Tỷ lệ giải quyết đúng hạn theo lĩnh vực',
      description: 'Mỗi chấm là tỷ lệ giải quyết trước hạn và đúng hạn của một lĩnh vực thủ tục.',
      hint: 'Bấm vào một lĩnh vực để xem riêng.',
    },
    fieldOnline: {
      title: 'Tỷ lệ hồ sơ trực tuyến theo lĩnh vực',
      description: 'Mỗi chấm là tỷ lệ hồ sơ nộp trực tuyến của một lĩnh vực thủ tục; đường kẻ đứt là chỉ tiêu.',
    },
    fieldLate: {
      title: 'Hồ sơ trễ hạn và đang quá hạn theo lĩnh vực',
      description: 'Hồ sơ đã giải quyết quá hạn và hồ sơ còn đang quá hạn ở cuối kỳ, ở những lĩnh vực có.',
      none: 'Không lĩnh vực nào có hồ sơ trễ hạn hay đang quá hạn.',
    },
    lateOverdue: (late: string, overdue: string) => `${late} trễ · ${overdue} quá hạn`,
    belowOnTime: 'dưới chỉ tiêu đúng hạn',
    belowOnline: 'dưới chỉ tiêu trực tuyến',
    fieldId: 'Mã lĩnh vực',
    notReportedFees: 'Dữ liệu không báo cáo phí, lệ phí cho lựa chọn này.',
    onlineTrend: {
      title: 'Tỷ lệ trực tuyến theo tháng',
      description: 'Tỷ lệ hồ sơ mới tiếp nhận qua dịch vụ công trực tuyến trong từng tháng.',
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
      description:
        'Hồ sơ mới mỗi tháng: trực tuyến mức độ 4 (toàn trình), mức độ 3 (một phần), và nộp trực tiếp hoặc qua bưu chính.',
      descriptionTotal: (why: string) =>
        `Hồ sơ mới mỗi tháng: trực tuyến và nộp trực tiếp hoặc qua bưu chính (${why}).`,
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
    belowLegend: 'Dưới chỉ tiêu',
    level3Share: 'Tỷ lệ mức độ 3',
    value: { count: 'Số hồ sơ', vnd: 'Số tiền', percent: 'Tỷ lệ' },
    and: 'và',
  },
  en: {
    onTime: {
      title: 'On-time rate by unit',
      description:
        "Each dot is a unit's share of resolved dossiers resolved early or on time; the dashed line is the target, the dotted line the unit above.",
      same: (units: string, rate: string) => `All ${units} resolved ${rate} of their dossiers on time.`,
    },
    online: {
      title: 'Online uptake by unit',
      description:
        "Each dot is the share of a unit's newly received dossiers that came in online; the dashed line is the target, the dotted line the unit above.",
      same: (units: string, rate: string) => `All ${units} received ${rate} of their dossiers online.`,
    },
    onTimeChange: {
      title: 'How the on-time rate changed, by unit',
      description: (against: string) =>
        `Each arrow runs from a unit's on-time rate ${against} to this period's; green is better, red worse; only units with every month of both periods.`,
    },
    onlineChange: {
      title: 'How online uptake changed, by unit',
      description: (against: string) =>
        `Each arrow runs from a unit's online uptake ${against} to this period's; green is better, red worse; only units with every month of both periods.`,
    },
    unchanged: (what: string, units: string, against: string) => `${what} of all ${units} is unchanged ${against}.`,
    better: 'Better',
    worse: 'Worse',
    before: 'Compared period',
    now: 'This period',
    change: 'Change',
    overdueMonth: {
      title: 'Late and overdue dossiers by month',
      description: 'Each month: dossiers resolved late in the month, and dossiers still overdue at its end.',
      none: 'No dossier was resolved late or left overdue in the period.',
    },
    overdueUnit: {
      title: 'Overdue dossiers by unit',
      description:
        'Dossiers still in progress and past their deadline at the end of the period, in the units that have any.',
      none: 'No unit has overdue dossiers at the end of the period.',
    },
    axisStarts: (v: string) => `The horizontal scale starts at ${v}, not at zero.`,
    fieldOnTime: {
      title: 'On-time rate by procedure field',
      description: "Each dot is a field's share of dossiers resolved early or on time.",
      hint: 'Select a field to see it alone.',
    },
    fieldOnline: {
      title: 'Online uptake by procedure field',
      description:
        "Each dot is the share of a field's new dossiers that came in online; the dashed line is the target.",
    },
    fieldLate: {
      title: 'Late and overdue dossiers by procedure field',
      description:
        'Dossiers resolved late and dossiers still overdue at the end of the period, in the fields that have any.',
      none: 'No field has late or overdue dossiers.',
    },
    lateOverdue: (late: string, overdue: string) => `${late} late · ${overdue} overdue`,
    belowOnTime: 'below the on-time target',
    belowOnline: 'below the online target',
    fieldId: 'Field id',
    notReportedFees: 'The data does not report fees and charges for this selection.',
    onlineTrend: {
      title: 'Online uptake by month',
      description: 'Share of newly received dossiers that came through online public services, each month.',
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
      description: 'New dossiers each month: online level 4 (end-to-end), level 3 (partial), and in person or by post.',
      descriptionTotal: (why: string) => `New dossiers each month: online, and in person or by post (${why}).`,
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
    belowLegend: 'Below the target',
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
        level: unitType(r, lang),
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
        level: unitType(r, lang),
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
      cells: { unit: r.name, level: unitType(r, lang), value: formatValue(r.value, format, lang) },
    })),
  };
}

/* The charts by unit. */

/** A unit's name as written on a chart's axis: its level noted when it is not a commune. */
function axisName(r: { name: string; level: Level }, lang: Lang): string {
  return `${r.name}${unitSuffix(r.level, lang)}`;
}

/** Units of one level are compared; the unit above them, when there is one, is a reference line, not a row. */
export interface Compared {
  rows: UnitRow[];
  parent: UnitRow | null;
}

/**
 * Like with like: the level with the most units among the rows is the one
 * compared (communes, usually); a single unit of a level above it (the
 * district over its communes, the province over its communes) becomes the
 * reference. Units of any other level are left out of the comparison.
 */
export function comparedRows(rows: readonly UnitRow[]): Compared {
  const byLevel = new Map<Level, UnitRow[]>();
  for (const r of rows) {
    const list = byLevel.get(r.level);
    if (list) list.push(r);
    else byLevel.set(r.level, [r]);
  }
  const order: Level[] = ['commune', 'district', 'province'];
  let level: Level | null = null;
  for (const l of order) {
    const n = byLevel.get(l)?.length ?? 0;
    if (n > (level ? (byLevel.get(level)?.length ?? 0) : 0)) level = l;
  }
  if (!level) return { rows: [], parent: null };
  const above = order.slice(order.indexOf(level) + 1);
  const parents = above.flatMap((l) => byLevel.get(l) ?? []);
  return { rows: byLevel.get(level) ?? [], parent: parents.length === 1 ? (parents[0] as UnitRow) : null };
}

function scaleNote(min: number, format: ValueFormat, lang: Lang): string | null {
  if (min <= 0) return null;
  return TEXT[lang].axisStarts(formatTick(min, format, lang));
}

/** A rate per unit as dots on a fitted scale, best first; below target a downward triangle and ▼. */
export function rateUnits(
  compared: Compared,
  pick: (r: UnitRow) => number | null,
  below: (r: UnitRow) => boolean,
  target: { value: number; label: string },
  lang: Lang,
): UnitsChart {
  const t = TEXT[lang];
  const shown = sortedByValue(compared.rows, pick).filter((r) => pick(r) !== null);
  const parentValue = compared.parent ? pick(compared.parent) : null;
  const scale = fittedRateScale([...shown.map(pick), target.value, parentValue]);
  return {
    kind: 'units',
    rowsAre: 'units',
    mark: 'dot',
    rows: shown.map((r) => ({
      unitId: r.unitId,
      name: axisName(r, lang),
      value: pick(r) as number,
      // The triangle already marks a unit below target; the label is the figure alone.
      label: formatPercent(pick(r), lang),
      tone: below(r) ? 'bad' : 'neutral',
    })),
    format: 'percent',
    scale,
    target: { value: target.value, label: target.label },
    reference:
      compared.parent && parentValue !== null
        ? { value: parentValue, label: `${compared.parent.name}: ${formatPercent(parentValue, lang)}` }
        : null,
    legend: [
      { label: t.meets, color: 'main', shape: 'dot' },
      { label: t.belowLegend, color: 'bad', shape: 'triangle' },
    ],
    axisNote: scaleNote(scale.min, 'percent', lang),
  };
}

/** One count or amount per unit as bars from zero, highest first; units that do not report it are left out. */
export function valueUnits(rows: readonly UnitValueRow[], format: ValueFormat, tone: Tone, lang: Lang): UnitsChart {
  const shown = sortedByValue(rows, (r) => r.value).filter(
    (r): r is UnitValueRow & { value: number } => r.value !== null,
  );
  return {
    kind: 'units',
    rowsAre: 'units',
    mark: 'bar',
    rows: shown.map((r) => ({
      unitId: r.unitId,
      name: axisName(r, lang),
      value: r.value,
      label: formatLabelValue(r.value, format, lang),
      tone,
    })),
    format,
    scale: zeroBasedScale(shown.map((r) => r.value)),
    target: null,
    reference: null,
    legend: [],
    axisNote: null,
  };
}

/** Every unit drawn has the same value: the sentence that replaces a chart of identical marks. */
export function sameValue(chart: UnitsChart): number | null {
  const first = chart.rows[0];
  if (!first || chart.rows.length < 2 || chart.mark !== 'dot') return null;
  return chart.rows.every((r) => r.value === first.value) ? first.value : null;
}

/**
 * A rate's change per unit as arrows from the earlier figure to this period's,
 * on an axis fitted to both, the target marked; the biggest gain first. Green
 * where the change is better, the strong colour where it is worse (by what the
 * figure means, not by the arrow's direction). Units without an earlier figure
 * are left out: no comparison rather than a wrong one.
 */
export function changeUnits(
  rows: readonly UnitRow[],
  key: 'onTimeRate' | 'onlineRate',
  target: { value: number; label: string },
  lang: Lang,
): UnitsChart {
  const t = TEXT[lang];
  const now = (r: UnitRow) => r.totals[key];
  const before = (r: UnitRow) => r.previous?.[key] ?? null;
  const shown = sortedByValue(
    rows.filter((r) => now(r) !== null && before(r) !== null),
    (r) => (now(r) as number) - (before(r) as number),
  );
  const scale = fittedRateScale([...shown.flatMap((r) => [now(r), before(r)]), target.value]);
  return {
    kind: 'units',
    rowsAre: 'units',
    mark: 'arrow',
    rows: shown.map((r) => {
      const verdict = changeVerdict(key, now(r), before(r));
      return {
        unitId: r.unitId,
        name: axisName(r, lang),
        value: now(r) as number,
        from: before(r),
        label: formatPointChange(now(r), before(r), lang) ?? NOT_AVAILABLE,
        tone: verdict === 'better' ? 'good' : verdict === 'worse' ? 'bad' : 'neutral',
      };
    }),
    format: 'percent',
    scale,
    target,
    reference: null,
    legend: [
      { label: t.better, color: 'good', shape: 'arrow' },
      { label: t.worse, color: 'bad', shape: 'arrow' },
    ],
    axisNote: scaleNote(scale.min, 'percent', lang),
  };
}

/** A rate's change per unit as a table: the earlier rate, this period's, the change in points. */
export function changeTable(rows: readonly UnitRow[], key: 'onTimeRate' | 'onlineRate', lang: Lang): NumbersTable {
  const t = TEXT[lang];
  const shown = rows.filter((r) => r.totals[key] !== null && r.previous?.[key] != null);
  return {
    columns: [
      { key: 'unit', label: t.unitName },
      { key: 'before', label: t.before, numeric: true },
      { key: 'now', label: t.now, numeric: true },
      { key: 'change', label: t.change, numeric: true },
    ],
    rows: sortedByValue(shown, (r) => (r.totals[key] as number) - (r.previous?.[key] as number)).map((r) => ({
      key: r.unitId,
      cells: {
        unit: r.name,
        before: formatPercent(r.previous?.[key] ?? null, lang),
        now: formatPercent(r.totals[key], lang),
        change: formatPointChange(r.totals[key], r.previous?.[key] ?? null, lang) ?? NOT_AVAILABLE,
      },
    })),
  };
}

/* The charts by procedure field. */

/** A rate per field as dots on a fitted scale, best first; below target in the strong colour. */
export function fieldRates(
  rows: readonly FieldRow[],
  pick: (r: FieldRow) => number | null,
  below: (r: FieldRow) => boolean,
  target: { value: number; label: string },
  lang: Lang,
): UnitsChart {
  const t = TEXT[lang];
  const shown = sortedByValue(rows, pick).filter((r) => pick(r) !== null);
  const scale = fittedRateScale([...shown.map(pick), target.value]);
  return {
    kind: 'units',
    rowsAre: 'fields',
    mark: 'dot',
    rows: shown.map((r) => ({
      unitId: r.fieldId,
      name: r.name,
      value: pick(r) as number,
      label: formatPercent(pick(r), lang),
      tone: below(r) ? 'bad' : 'neutral',
    })),
    format: 'percent',
    scale,
    target,
    reference: null,
    legend: [
      { label: t.meets, color: 'main', shape: 'dot' },
      { label: t.belowLegend, color: 'bad', shape: 'triangle' },
    ],
    axisNote: scaleNote(scale.min, 'percent', lang),
  };
}

/** Late and overdue dossiers per field, as bars of two parts, most first; fields with neither left out. */
export function fieldLateBars(rows: readonly FieldRow[], lang: Lang): UnitsChart {
  const t = TEXT[lang];
  const count = (r: FieldRow) => r.totals.resolvedLate + r.totals.pendingOverdue;
  const shown = sortedByValue(rows, count).filter((r) => count(r) > 0);
  return {
    kind: 'units',
    rowsAre: 'fields',
    mark: 'bar',
    rows: shown.map((r) => ({
      unitId: r.fieldId,
      name: r.name,
      value: count(r),
      parts: [r.totals.resolvedLate, r.totals.pendingOverdue],
      label: t.lateOverdue(formatCount(r.totals.resolvedLate, lang), formatCount(r.totals.pendingOverdue, lang)),
      tone: 'bad',
    })),
    format: 'count',
    scale: zeroBasedScale(shown.map(count)),
    target: null,
    reference: null,
    partTones: ['bad', 'bad2'],
    legend: [
      { label: FIGURE_LABEL.resolvedLate[lang], color: 'bad', shape: 'bar' },
      { label: FIGURE_LABEL.pendingOverdue[lang], color: 'bad2', shape: 'bar' },
    ],
    axisNote: null,
  };
}

/** The figures by field behind those charts, every field with data. */
export function fieldTable(rows: readonly FieldRow[], lang: Lang): NumbersTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'field', label: FIELD_LABEL[lang] },
      { key: 'total', label: FIGURE_LABEL.total[lang], numeric: true },
      { key: 'onTimeRate', label: FIGURE_LABEL.onTimeRate[lang], numeric: true },
      { key: 'onlineRate', label: FIGURE_LABEL.onlineRate[lang], numeric: true },
      { key: 'late', label: FIGURE_LABEL.resolvedLate[lang], numeric: true },
      { key: 'overdue', label: FIGURE_LABEL.pendingOverdue[lang], numeric: true },
      { key: 'status', label: t.status },
    ],
    rows: rows.map((r) => ({
      key: r.fieldId,
      cells: {
        field: r.name,
        total: formatCount(r.totals.total, lang),
        onTimeRate: formatPercent(r.totals.onTimeRate, lang),
        onlineRate: formatPercent(r.totals.onlineRate, lang),
        late: formatCount(r.totals.resolvedLate, lang),
        overdue: formatCount(r.totals.pendingOverdue, lang),
        status: [r.belowOnTimeTarget ? t.belowOnTime : '', r.belowOnlineTarget ? t.belowOnline : '']
          .filter(Boolean)
          .join('; '),
      },
    })),
  };
}

function fieldRaw(rows: readonly FieldRow[], lang: Lang): RawTable {
  const label = (k: keyof typeof FIGURE_LABEL) => FIGURE_LABEL[k][lang];
  return {
    columns: [
      { key: 'fieldId', label: TEXT[lang].fieldId, format: 'text' },
      { key: 'field', label: FIELD_LABEL[lang], format: 'text' },
      { key: 'total', label: label('total'), format: 'count' },
      { key: 'resolved', label: label('resolved'), format: 'count' },
      { key: 'onTimeRate', label: label('onTimeRate'), format: 'percent' },
      { key: 'received', label: label('received'), format: 'count' },
      { key: 'receivedOnline', label: label('receivedOnline'), format: 'count' },
      { key: 'onlineRate', label: label('onlineRate'), format: 'percent' },
      { key: 'resolvedLate', label: label('resolvedLate'), format: 'count' },
      { key: 'pendingOverdue', label: label('pendingOverdue'), format: 'count' },
    ],
    rows: rows.map((r) => ({
      fieldId: r.fieldId,
      field: r.name,
      total: r.totals.total,
      resolved: r.totals.resolved,
      onTimeRate: r.totals.onTimeRate,
      received: r.totals.received,
      receivedOnline: r.totals.receivedOnline,
      onlineRate: r.totals.onlineRate,
      resolvedLate: r.totals.resolvedLate,
      pendingOverdue: r.totals.pendingOverdue,
    })),
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
  // A sentence standing for the chart speaks of every unit: no "showing some of them" line above it.
  const truncated = base.chart.kind === 'statement' ? null : base.truncated;
  return { ...rest, truncated, status: ready ? 'ready' : 'empty', height: chartHeight(base.chart) };
}

export interface ChartOptions {
  /** Every unit in the charts by unit, instead of the best and weakest. */
  allUnits?: boolean;
  /** At most this many units in a chart by unit (the best and weakest halves), when not every unit is asked for. */
  unitRows?: number;
}

export function chartSpecs(
  figures: DashboardFigures,
  unitName: string | null,
  lang: Lang,
  options: ChartOptions = {},
): ChartSpec[] {
  const t = TEXT[lang];
  const compared = comparedRows(figures.rows);
  const rows = compared.rows;
  const unitRows = options.unitRows ?? UNIT_CHART_LIMIT;
  const limit = (pick: (r: UnitRow) => number | null) =>
    options.allUnits ? rows : topAndBottom(rows, pick, unitRows / 2);
  const truncated = (shown: readonly unknown[], of: readonly unknown[]) =>
    shown.length < of.length ? { shown: shown.length, total: of.length } : null;
  const targets = figures.headline.targets;
  const label = (k: string) => FIGURE_LABEL[k as keyof typeof FIGURE_LABEL]?.[lang] ?? k;
  const figureSeries = (keys: readonly string[], colors: readonly ColorToken[] = []) =>
    keys.map((k, i) => ({ key: k, label: label(k), ...(colors[i] ? { color: colors[i] } : {}) }));
  const groupSeries: SeriesSpec[] = unitName
    ? [{ key: 'unit', label: unitName }]
    : figures.levels.map((l) => ({ key: l, label: LEVEL_LABEL[l][lang] }));
  // Whose target it is goes into its label: a default is never shown as an official target.
  const targetMark = (key: 'onTimeRate' | 'onlineRate') => ({
    value: targets[key],
    label: targetLabelStart(targets, key, lang),
  });
  const against: ComparedWith | null = figures.headline.compare;
  const changed = (key: 'onTimeRate' | 'onlineRate') =>
    rows.filter((r) => r.totals[key] !== null && r.previous?.[key] != null);
  const specs: ChartSpec[] = [];

  if (unitName) {
    const rateSeries = figureSeries(['onTimeRate', 'onlineRate'], ['main', 'second']);
    const countSeries = figureSeries(['received', 'resolved'], ['main', 'second']);
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
          target: targetMark('onTimeRate'),
          scale: rateScale(monthlyValues(figures.unitRates), targets.onTimeRate),
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
  const overdueAll = rows.filter((r) => r.totals.pendingOverdue > 0);
  const overdueRows = options.allUnits
    ? overdueAll
    : sortedByValue(overdueAll, (r) => r.totals.pendingOverdue).slice(0, unitRows);
  const valueRows = (list: readonly UnitRow[], pick: (r: UnitRow) => number | null): UnitValueRow[] =>
    list.map((r) => ({ unitId: r.unitId, name: r.name, level: r.level, value: pick(r) }));
  // Stacked from the baseline up: what the council asks about first, in the strong colour; the rest quiet.
  const flowSeries = figureSeries(
    ['resolvedLate', 'pendingOverdue', 'resolvedEarly', 'resolvedOnTime', 'withdrawn', 'pendingWithinDeadline'],
    ['bad', 'bad2', 'quiet1', 'quiet2', 'quiet3', 'third'],
  );
  const split = figures.reporting.onlineSplit;
  const channelSeries = split
    ? figureSeries(Object.keys(CHANNEL_PICKS), ['main', 'third', 'quiet2'])
    : figureSeries(Object.keys(CHANNEL_TOTAL_PICKS), ['main', 'quiet2']);
  const levelNames = listOf(
    groupSeries.map((s) => s.label.toLocaleLowerCase(lang)),
    t.and,
  );
  const subject = compared.rows[0] ? levelPlural(compared.rows[0].level, compared.rows.length, lang) : '';
  const rateChart = (
    list: UnitRow[],
    pick: (r: UnitRow) => number | null,
    below: (r: UnitRow) => boolean,
    target: { value: number; label: string },
    sentence: (n: string, rate: string) => string,
  ): ChartDef => {
    // Whether every unit has the same value is asked of every unit, not only of the best and weakest shown.
    const every = rateUnits({ rows, parent: compared.parent }, pick, below, target, lang);
    const same = sameValue(every);
    if (same !== null) {
      return {
        kind: 'statement',
        text: sentence(`${formatCount(every.rows.length, lang)} ${subject}`, formatPercent(same, lang)),
      };
    }
    return list.length === rows.length
      ? every
      : rateUnits({ rows: list, parent: compared.parent }, pick, below, target, lang);
  };

  // A chart of change per unit exists only when the selection is compared with something, and says with what.
  const changeSpec = (key: 'onTimeRate' | 'onlineRate'): ChartSpec[] => {
    if (!against) return [];
    const list = changed(key);
    const text = key === 'onTimeRate' ? t.onTimeChange : t.onlineChange;
    const shown = options.allUnits
      ? list
      : topAndBottom(list, (r) => (r.totals[key] as number) - (r.previous?.[key] as number), unitRows / 2);
    return [
      spec({
        id: key === 'onTimeRate' ? 'on-time-change' : 'online-change',
        title: text.title,
        description: text.description(comparedWith(against, lang)),
        ready: list.length > 0,
        table: changeTable(list, key, lang),
        raw: unitRaw(
          list,
          [
            {
              key: `${key}Before`,
              label: `${label(key)} (${comparedWithShort(against.mode, lang)})`,
              pick: (r) => r.previous?.[key] ?? null,
            },
            { key, label: label(key), pick: (r) => r.totals[key] },
          ],
          lang,
        ),
        legend: [t.better, t.worse],
        truncated: truncated(shown, list),
        // No unit moved: one sentence says it better than a column of dots.
        chart: list.every((r) => changeVerdict(key, r.totals[key], r.previous?.[key] ?? null) === 'same')
          ? {
              kind: 'statement',
              text: t.unchanged(
                label(key),
                `${formatCount(list.length, lang)} ${levelPlural(list[0]?.level ?? 'commune', list.length, lang)}`,
                comparedWith(against, lang),
              ),
            }
          : changeUnits(shown, key, targetMark(key), lang),
      }),
    ];
  };
  const overdueSeries = figureSeries(['resolvedLate', 'pendingOverdue'], ['bad', 'bad2']);
  const overduePoints: SeriesPoint[] = figures.flow.map((p) => ({
    month: p.month,
    values: { resolvedLate: p.values.resolvedLate ?? null, pendingOverdue: p.values.pendingOverdue ?? null },
  }));

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
      truncated: truncated(onTimeRows, rows),
      chart: rateChart(
        onTimeRows,
        (r) => r.totals.onTimeRate,
        (r) => r.belowOnTimeTarget,
        targetMark('onTimeRate'),
        t.onTime.same,
      ),
    }),
    ...changeSpec('onTimeRate'),
    spec({
      id: 'overdue-unit',
      title: t.overdueUnit.title,
      description: t.overdueUnit.description,
      ready: overdueAll.length > 0,
      table: unitValueTable(
        valueRows(rows, (r) => r.totals.pendingOverdue),
        'count',
        lang,
        label('pendingOverdue'),
      ),
      raw: unitRaw(
        rows,
        [{ key: 'pendingOverdue', label: label('pendingOverdue'), pick: (r) => r.totals.pendingOverdue }],
        lang,
      ),
      legend: [label('pendingOverdue')],
      truncated: truncated(overdueRows, overdueAll),
      chart: valueUnits(
        valueRows(overdueRows, (r) => r.totals.pendingOverdue),
        'count',
        'bad',
        lang,
      ),
      emptyText: t.overdueUnit.none,
    }),
    spec({
      id: 'overdue-month',
      title: t.overdueMonth.title,
      description: t.overdueMonth.description,
      // A chart of zeros says nothing a sentence could not: none late, none overdue.
      ready: overduePoints.some((p) => Object.values(p.values).some((v) => v !== null && v > 0)),
      emptyText: t.overdueMonth.none,
      table: seriesTable(overduePoints, overdueSeries, 'count', lang),
      raw: seriesRaw(overduePoints, overdueSeries, lang),
      legend: overdueSeries.map((s) => s.label),
      truncated: null,
      chart: { kind: 'monthly-bars', points: overduePoints, series: overdueSeries, format: 'count', stacked: true },
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
      legend: [label('onlineRate')],
      truncated: truncated(onlineRows, rows),
      chart: rateChart(
        onlineRows,
        (r) => r.totals.onlineRate,
        (r) => r.belowOnlineTarget,
        targetMark('onlineRate'),
        t.online.same,
      ),
    }),
    ...changeSpec('onlineRate'),
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
        target: targetMark('onlineRate'),
        scale: rateScale(monthlyValues(figures.onlineTrend), targets.onlineRate),
      },
    }),
    spec({
      id: 'channel',
      title: t.channel.title,
      description: split ? t.channel.description : t.channel.descriptionTotal(SPLIT_NOT_REPORTED[lang]),
      ready: hasValues(figures.channel),
      table: seriesTable(figures.channel, channelSeries, 'count', lang),
      raw: seriesRaw(figures.channel, channelSeries, lang),
      legend: channelSeries.map((s) => s.label),
      truncated: null,
      chart: { kind: 'monthly-bars', points: figures.channel, series: channelSeries, format: 'count', stacked: true },
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
      ...(figures.reporting.fees ? {} : { emptyText: t.notReportedFees }),
    }),
    spec({
      id: 'fees-unit',
      title: t.feesUnit.title,
      description: t.feesUnit.description,
      ready: rows.some((r) => r.totals.feesVnd !== null),
      table: unitValueTable(
        valueRows(rows, (r) => r.totals.feesVnd),
        'vnd',
        lang,
      ),
      raw: unitRaw(rows, [{ key: 'feesVnd', label: label('feesVnd'), pick: (r) => r.totals.feesVnd }], lang),
      legend: [label('feesVnd')],
      truncated: truncated(feeUnitRows, rows),
      chart: valueUnits(
        valueRows(feeUnitRows, (r) => r.totals.feesVnd),
        'vnd',
        'neutral',
        lang,
      ),
    }),
  );
  const fields = figures.fields;
  // One table for the three charts by field: a handout prints it once (the same object is the same table).
  const fieldNumbers = fieldTable(fields, lang);
  const fieldRows = fieldRaw(fields, lang);
  const fieldSpecs: ChartSpec[] =
    fields.length > 1
      ? [
          spec({
            id: 'fields-on-time',
            title: t.fieldOnTime.title,
            description: t.fieldOnTime.description,
            hint: t.fieldOnTime.hint,
            ready: fields.some((f) => f.totals.onTimeRate !== null),
            table: fieldNumbers,
            raw: fieldRows,
            legend: [label('onTimeRate')],
            truncated: null,
            chart: fieldRates(
              fields,
              (f) => f.totals.onTimeRate,
              (f) => f.belowOnTimeTarget,
              targetMark('onTimeRate'),
              lang,
            ),
          }),
          spec({
            id: 'fields-late',
            title: t.fieldLate.title,
            description: t.fieldLate.description,
            ready: fields.some((f) => f.totals.resolvedLate + f.totals.pendingOverdue > 0),
            table: fieldNumbers,
            raw: fieldRows,
            legend: [label('resolvedLate'), label('pendingOverdue')],
            truncated: null,
            chart: fieldLateBars(fields, lang),
            emptyText: t.fieldLate.none,
          }),
          spec({
            id: 'fields-online',
            title: t.fieldOnline.title,
            description: t.fieldOnline.description,
            ready: fields.some((f) => f.totals.onlineRate !== null),
            table: fieldNumbers,
            raw: fieldRows,
            legend: [label('onlineRate')],
            truncated: null,
            chart: fieldRates(
              fields,
              (f) => f.totals.onlineRate,
              (f) => f.belowOnlineTarget,
              targetMark('onlineRate'),
              lang,
            ),
          }),
        ]
      : [];
  // Charts that compare units say nothing when there is only one unit to look at; its fields come first then.
  if (rows.length <= 1) return [...fieldSpecs, ...specs.filter((s) => !COMPARING.has(s.id))];
  // Each field chart right after the chart by unit that asks the same question.
  const after: Record<string, string> = {
    'on-time': 'fields-on-time',
    'overdue-unit': 'fields-late',
    online: 'fields-online',
  };
  return specs.flatMap((s) => {
    const follow = fieldSpecs.find((f) => f.id === after[s.id]);
    return follow ? [s, follow] : [s];
  });
}

/** The charts that compare units with each other. */
const COMPARING = new Set(['on-time', 'on-time-change', 'online', 'online-change', 'overdue-unit', 'fees-unit']);

/** How the compared units are counted in a sentence; "xã" alone would leave out towns and wards. */
function levelPlural(level: Level, n: number, lang: Lang): string {
  if (lang === 'vi')
    return { province: 'đơn vị cấp tỉnh', district: 'đơn vị cấp huyện', commune: 'đơn vị cấp xã' }[level];
  const word = { province: 'province-level unit', district: 'district-level unit', commune: 'commune-level unit' }[
    level
  ];
  return n === 1 ? word : `${word}s`;
}

/** A rate axis fitted to the values and the target, as the line charts take it. */
function rateScale(values: readonly (number | null)[], target: number): { domain: [number, number]; ticks: number[] } {
  const s = fittedRateScale([...values, target]);
  return { domain: [s.min, s.max], ticks: s.ticks };
}

function monthlyValues(points: readonly SeriesPoint[]): (number | null)[] {
  return points.flatMap((p) => Object.values(p.values));
}

function listOf(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * Which charts take the grid's full width: charts by unit (a row per unit
 * needs the room), and a half-width chart that would otherwise stand alone in
 * its row and leave a hole beside it.
 */
export function fullWidthCharts(specs: readonly ChartSpec[]): boolean[] {
  const wide = specs.map((s) => s.chart.kind === 'units');
  let run: number[] = [];
  const close = () => {
    if (run.length % 2 === 1) wide[run[run.length - 1] as number] = true;
    run = [];
  };
  specs.forEach((_, i) => {
    if (wide[i]) close();
    else run.push(i);
  });
  close();
  return wide;
}

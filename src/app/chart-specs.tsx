import type { ReactNode } from 'react';
import type { NumbersTable } from '../components/chart-frame.tsx';
import { MonthlyBarChart, monthlyBarTable } from '../components/charts/monthly-bar-chart.tsx';
import { MonthlyLineChart, monthlyLineTable } from '../components/charts/monthly-line-chart.tsx';
import { OnTimeByUnitChart, onTimeTable } from '../components/charts/on-time-by-unit-chart.tsx';
import { OnlineByUnitChart, onlineTable } from '../components/charts/online-by-unit-chart.tsx';
import { UnitValueChart, unitValueTable } from '../components/charts/unit-value-chart.tsx';
import type { RawTable } from '../domain/csv.ts';
import {
  CHANNEL_PICKS,
  type DashboardFigures,
  FLOW_PICKS,
  type SeriesPoint,
  topAndBottom,
  UNIT_CHART_LIMIT,
  type UnitRow,
} from '../domain/dashboard.ts';
import type { Lang } from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_LABEL } from '../domain/labels.ts';

/**
 * The charts of one selection, described once and drawn three ways: on the
 * page, on the slides, and in exports. Each carries its numbers table
 * (formatted, for reading) and its raw rows (unformatted, for CSV and JSON).
 */

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
      description: 'Số tiền phí, lệ phí thu được mỗi tháng, cấp huyện và cấp xã tách riêng.',
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
    month: 'Tháng',
    unitId: 'Mã đơn vị',
    unitName: 'Đơn vị',
    level: 'Cấp',
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
      description: 'Fees and charges collected each month, district and communes apart.',
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
    month: 'Month',
    unitId: 'Unit id',
    unitName: 'Unit',
    level: 'Level',
  },
};

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
  /** Height on the page; slides size charts to the screen. */
  height: number;
  /** Set when a chart by unit shows only the best and weakest units. */
  truncated: { shown: number; total: number } | null;
  render: (options: {
    height?: number;
    onSelectUnit?: (id: string) => void;
    selectedUnitId?: string | null;
  }) => ReactNode;
}

function hasValues(points: readonly SeriesPoint[]): boolean {
  return points.some((p) => Object.values(p.values).some((v) => v !== null));
}

function seriesRaw(points: readonly SeriesPoint[], series: { key: string; label: string }[], lang: Lang): RawTable {
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

export function chartSpecs(
  figures: DashboardFigures,
  unitName: string | null,
  lang: Lang,
  options: { allUnits?: boolean } = {},
): ChartSpec[] {
  const t = TEXT[lang];
  const limit = (pick: (r: UnitRow) => number | null) =>
    options.allUnits ? figures.rows : topAndBottom(figures.rows, pick, UNIT_CHART_LIMIT / 2);
  const onTimeRows = limit((r) => r.totals.onTimeRate);
  const onlineRows = limit((r) => r.totals.onlineRate);
  const feeUnitRows = limit((r) => r.totals.feesVnd);
  const truncated = (shown: readonly UnitRow[]) =>
    shown.length < figures.rows.length ? { shown: shown.length, total: figures.rows.length } : null;
  const targets = figures.headline.targets;
  const label = (k: string) => FIGURE_LABEL[k as keyof typeof FIGURE_LABEL]?.[lang] ?? k;
  const figureSeries = (keys: readonly string[]) => keys.map((k) => ({ key: k, label: label(k) }));
  const groupSeries = unitName
    ? [{ key: 'unit', label: unitName }]
    : figures.levels.map((l) => ({ key: l, label: LEVEL_LABEL[l][lang] }));
  const rows = figures.rows;
  const feeRows = feeUnitRows.map((r) => ({ unitId: r.unitId, name: r.name, level: r.level, value: r.totals.feesVnd }));
  const unitBarsHeight = (count: number, extra: number) => Math.max(240, count * 28 + extra);
  const status = (ok: boolean): 'ready' | 'empty' => (ok ? 'ready' : 'empty');
  const specs: ChartSpec[] = [];

  if (unitName) {
    const rateSeries = figureSeries(['onTimeRate', 'onlineRate']);
    const countSeries = figureSeries(['received', 'resolved']);
    specs.push(
      {
        id: 'unit-rates',
        title: t.unitTrend.title(unitName),
        description: t.unitTrend.description,
        status: status(hasValues(figures.unitRates)),
        table: monthlyLineTable(figures.unitRates, rateSeries, 'percent', lang),
        raw: seriesRaw(figures.unitRates, rateSeries, lang),
        legend: rateSeries.map((s) => s.label),
        height: 300,
        truncated: null,
        render: (o) => (
          <MonthlyLineChart
            points={figures.unitRates}
            series={rateSeries}
            format="percent"
            target={targets.onTimeRate}
            targetLabel={t.target}
            lang={lang}
            {...(o.height ? { height: o.height } : {})}
          />
        ),
      },
      {
        id: 'unit-counts',
        title: t.unitCounts.title(unitName),
        description: t.unitCounts.description,
        status: status(hasValues(figures.unitCounts)),
        table: monthlyBarTable(figures.unitCounts, countSeries, 'count', lang),
        raw: seriesRaw(figures.unitCounts, countSeries, lang),
        legend: countSeries.map((s) => s.label),
        height: 300,
        truncated: null,
        render: (o) => (
          <MonthlyBarChart
            points={figures.unitCounts}
            series={countSeries}
            format="count"
            stacked={false}
            lang={lang}
            {...(o.height ? { height: o.height } : {})}
          />
        ),
      },
    );
  }

  const flowSeries = figureSeries(Object.keys(FLOW_PICKS));
  const channelSeries = figureSeries(Object.keys(CHANNEL_PICKS));
  specs.push(
    {
      id: 'on-time',
      title: t.onTime.title,
      description: t.onTime.description,
      status: status(rows.some((r) => r.totals.onTimeRate !== null)),
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
      height: unitBarsHeight(onTimeRows.length, 60),
      truncated: truncated(onTimeRows),
      render: (o) => (
        <OnTimeByUnitChart
          rows={onTimeRows}
          target={targets.onTimeRate}
          lang={lang}
          {...(o.onSelectUnit ? { onSelectUnit: o.onSelectUnit } : {})}
          selectedUnitId={o.selectedUnitId ?? null}
          {...(o.height ? { height: o.height } : {})}
        />
      ),
    },
    {
      id: 'online',
      title: t.online.title,
      description: t.online.description,
      status: status(rows.some((r) => r.totals.onlineRate !== null)),
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
      height: unitBarsHeight(onlineRows.length, 88),
      truncated: truncated(onlineRows),
      render: (o) => (
        <OnlineByUnitChart
          rows={onlineRows}
          target={targets.onlineRate}
          lang={lang}
          {...(o.onSelectUnit ? { onSelectUnit: o.onSelectUnit } : {})}
          {...(o.height ? { height: o.height } : {})}
        />
      ),
    },
    {
      id: 'online-trend',
      title: t.onlineTrend.title,
      description: t.onlineTrend.description,
      status: status(hasValues(figures.onlineTrend)),
      table: monthlyLineTable(figures.onlineTrend, groupSeries, 'percent', lang),
      raw: seriesRaw(figures.onlineTrend, groupSeries, lang),
      legend: groupSeries.map((s) => s.label),
      height: 300,
      truncated: null,
      render: (o) => (
        <MonthlyLineChart
          points={figures.onlineTrend}
          series={groupSeries}
          format="percent"
          target={targets.onlineRate}
          targetLabel={t.target}
          lang={lang}
          {...(o.height ? { height: o.height } : {})}
        />
      ),
    },
    {
      id: 'fees-month',
      title: t.feesMonth.title,
      description: t.feesMonth.description,
      status: status(hasValues(figures.feesByMonth)),
      table: monthlyBarTable(figures.feesByMonth, groupSeries, 'vnd', lang),
      raw: seriesRaw(figures.feesByMonth, groupSeries, lang),
      legend: groupSeries.map((s) => s.label),
      height: 300,
      truncated: null,
      render: (o) => (
        <MonthlyBarChart
          points={figures.feesByMonth}
          series={groupSeries}
          format="vnd"
          stacked={false}
          lang={lang}
          {...(o.height ? { height: o.height } : {})}
        />
      ),
    },
    {
      id: 'fees-unit',
      title: t.feesUnit.title,
      description: t.feesUnit.description,
      status: status(feeRows.length > 0),
      table: unitValueTable(feeRows, 'vnd', lang),
      raw: unitRaw(rows, [{ key: 'feesVnd', label: label('feesVnd'), pick: (r) => r.totals.feesVnd }], lang),
      legend: [label('feesVnd')],
      height: unitBarsHeight(feeRows.length, 60),
      truncated: truncated(feeUnitRows),
      render: (o) => (
        <UnitValueChart
          rows={feeRows}
          format="vnd"
          lang={lang}
          {...(o.onSelectUnit ? { onSelectUnit: o.onSelectUnit } : {})}
          {...(o.height ? { height: o.height } : {})}
        />
      ),
    },
    {
      id: 'flow',
      title: t.flow.title,
      description: t.flow.description,
      status: status(hasValues(figures.flow)),
      table: monthlyBarTable(figures.flow, flowSeries, 'count', lang),
      raw: seriesRaw(figures.flow, flowSeries, lang),
      legend: flowSeries.map((s) => s.label),
      height: 320,
      truncated: null,
      render: (o) => (
        <MonthlyBarChart
          points={figures.flow}
          series={flowSeries}
          format="count"
          stacked={true}
          lang={lang}
          {...(o.height ? { height: o.height } : {})}
        />
      ),
    },
    {
      id: 'channel',
      title: t.channel.title,
      description: t.channel.description,
      status: status(hasValues(figures.channel)),
      table: monthlyBarTable(figures.channel, channelSeries, 'count', lang),
      raw: seriesRaw(figures.channel, channelSeries, lang),
      legend: channelSeries.map((s) => s.label),
      height: 320,
      truncated: null,
      render: (o) => (
        <MonthlyBarChart
          points={figures.channel}
          series={channelSeries}
          format="count"
          stacked={true}
          lang={lang}
          {...(o.height ? { height: o.height } : {})}
        />
      ),
    },
  );
  return specs;
}

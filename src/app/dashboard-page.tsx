import { useMemo } from 'react';
import { ChartFrame } from '../components/chart-frame.tsx';
import { MonthlyBarChart, monthlyBarTable } from '../components/charts/monthly-bar-chart.tsx';
import { MonthlyLineChart, monthlyLineTable } from '../components/charts/monthly-line-chart.tsx';
import { OnTimeByUnitChart, onTimeTable } from '../components/charts/on-time-by-unit-chart.tsx';
import { OnlineByUnitChart, onlineTable } from '../components/charts/online-by-unit-chart.tsx';
import { UnitValueChart, unitValueTable } from '../components/charts/unit-value-chart.tsx';
import { DataQualityPanel } from '../components/data-quality-panel.tsx';
import { DatasetHeader } from '../components/dataset-header.tsx';
import { FactsPanel } from '../components/facts-panel.tsx';
import { type FilterChange, FiltersBar } from '../components/filters-bar.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import { ParamNotes } from '../components/param-notes.tsx';
import { RankingTable } from '../components/ranking-table.tsx';
import type { LoadedDataset } from '../data/fetch-dataset.ts';
import {
  CHANNEL_PICKS,
  FLOW_PICKS,
  headline,
  levelMonthRows,
  levelsFor,
  periodPresets,
  type Selection,
  type SeriesPoint,
  scopeMonthRows,
  seriesByFigure,
  seriesByGroup,
  unitRows,
} from '../domain/dashboard.ts';
import type { Lang } from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_LABEL } from '../domain/labels.ts';
import type { Level } from '../domain/schema.ts';
import { resolveView, type UrlState } from './url-state.ts';

const TEXT = {
  vi: {
    charts: 'Biểu đồ',
    empty: 'Không có số liệu nào trong khoảng thời gian đã chọn. Hãy chọn kỳ khác.',
    noRecords: 'Bộ dữ liệu không có bản ghi số liệu tháng nào.',
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
    unitReceived: {
      title: (name: string) => `${name}: hồ sơ theo tháng`,
      description: 'Số hồ sơ mới tiếp nhận và số đã giải quyết của đơn vị trong từng tháng.',
    },
    target: 'Chỉ tiêu',
    footer: 'Định dạng dữ liệu và cách tính số liệu: xem tài liệu đi kèm (docs/data-format.md).',
  },
  en: {
    charts: 'Charts',
    empty: 'There are no figures in the chosen period. Choose another period.',
    noRecords: 'The dataset has no monthly records.',
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
    feesUnit: {
      title: 'Fees by unit',
      description: 'Fees and charges each unit collected in the chosen period.',
    },
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
    unitReceived: {
      title: (name: string) => `${name}: dossiers by month`,
      description: 'Dossiers the unit newly received and resolved each month.',
    },
    target: 'Target',
    footer: 'Data format and how the figures are computed: see the documentation (docs/data-format.md).',
  },
};

const QUALITY_ID = 'data-quality';

export interface DashboardPageProps {
  loaded: LoadedDataset;
  urlState: UrlState;
  navigate: (next: Partial<UrlState>) => void;
  lang: Lang;
}

function hasValues(points: readonly SeriesPoint[]): boolean {
  return points.some((p) => Object.values(p.values).some((v) => v !== null));
}

export function DashboardPage({ loaded, urlState, navigate, lang }: DashboardPageProps) {
  const t = TEXT[lang];
  const { index, dataset, warnings, source } = loaded;
  const view = useMemo(() => resolveView(urlState, index), [urlState, index]);
  const from = view?.range.from;
  const to = view?.range.to;
  const level = view?.level ?? 'all';
  const unitId = view?.unitId ?? null;
  // Rebuilt only when its parts change, so every memo below stays stable between renders.
  const selection = useMemo<Selection | null>(
    () => (from && to ? { range: { from, to }, level, unitId } : null),
    [from, to, level, unitId],
  );
  const figures = useMemo(() => {
    if (!selection) return null;
    const levels = levelsFor(index, selection.level);
    const levelMonths = levelMonthRows(index, selection);
    const scopeMonths = scopeMonthRows(index, selection);
    return {
      levels,
      headline: headline(index, selection),
      rows: unitRows(index, selection),
      scopeMonths,
      onlineTrend: selection.unitId
        ? seriesByGroup(scopeMonths, (x) => x.onlineRate)
        : seriesByGroup(levelMonths, (x) => x.onlineRate),
      feesByMonth: selection.unitId
        ? seriesByGroup(scopeMonths, (x) => x.feesVnd)
        : seriesByGroup(levelMonths, (x) => x.feesVnd),
      flow: seriesByFigure(scopeMonths, FLOW_PICKS),
      channel: seriesByFigure(scopeMonths, CHANNEL_PICKS),
      unitRates: seriesByFigure(scopeMonths, { onTimeRate: (x) => x.onTimeRate, onlineRate: (x) => x.onlineRate }),
      unitCounts: seriesByFigure(scopeMonths, { received: (x) => x.received, resolved: (x) => x.resolved }),
    };
  }, [index, selection]);

  const presets = useMemo(() => (index.span ? periodPresets(index.span) : []), [index.span]);
  const unitNames = useMemo(() => new Map(dataset.units.map((u) => [u.id, u.name])), [dataset.units]);
  const allLevels = useMemo(() => levelsFor(index, 'all'), [index]);

  if (!index.span || !view || !selection || !figures) {
    return (
      <div className="dashboard">
        <DatasetHeader
          lang={lang}
          title={dataset.title}
          range={{ from: '', to: '' }}
          source={dataset.source}
          updatedAt={dataset.updatedAt}
          illustrative={dataset.illustrative === true}
          origin={source.kind === 'sample' ? null : source.name}
          warningCount={0}
          qualityAnchor={QUALITY_ID}
        />
        <p className="dashboard__empty">{t.noRecords}</p>
      </div>
    );
  }

  const onChange = (c: FilterChange) => {
    const next: Partial<UrlState> = {};
    if (c.from !== undefined) next.from = c.from;
    if (c.to !== undefined) next.to = c.to;
    if (c.level !== undefined) next.level = c.level;
    if (c.unit !== undefined) next.unit = c.unit;
    navigate(next);
  };
  const selectUnit = (id: string) => navigate({ unit: id });
  const targets = figures.headline.targets;
  const unitName = unitId ? (unitNames.get(unitId) ?? unitId) : null;
  const groupSeries = (levels: readonly Level[]) =>
    unitName ? [{ key: 'unit', label: unitName }] : levels.map((l) => ({ key: l, label: LEVEL_LABEL[l][lang] }));
  const figureSeries = (keys: readonly string[]) =>
    keys.map((k) => ({ key: k, label: FIGURE_LABEL[k as keyof typeof FIGURE_LABEL]?.[lang] ?? k }));
  const empty = figures.headline.groups.length === 0;
  const status = (ok: boolean) => (ok ? 'ready' : 'empty') as 'ready' | 'empty';

  const feeRows = figures.rows.map((r) => ({
    unitId: r.unitId,
    name: r.name,
    level: r.level,
    value: r.totals.feesVnd,
  }));
  const flowKeys = Object.keys(FLOW_PICKS);
  const channelKeys = Object.keys(CHANNEL_PICKS);
  const lineSeries = groupSeries(figures.levels);

  return (
    <div className="dashboard">
      <DatasetHeader
        lang={lang}
        title={dataset.title}
        range={view.range}
        source={dataset.source}
        updatedAt={dataset.updatedAt}
        illustrative={dataset.illustrative === true}
        origin={source.kind === 'sample' ? null : source.name}
        warningCount={warnings.length}
        qualityAnchor={QUALITY_ID}
      />
      <ParamNotes notes={view.notes} lang={lang} />
      <FiltersBar
        lang={lang}
        span={index.span}
        range={view.range}
        presets={presets}
        level={view.level}
        levels={allLevels}
        unitId={view.unitId}
        units={dataset.units}
        onChange={onChange}
      />
      {empty ? (
        <p className="dashboard__empty" role="status">
          {t.empty}
        </p>
      ) : (
        <>
          <HeadlineFigures headline={figures.headline} lang={lang} />
          <h2 className="dashboard__section-title">{t.charts}</h2>
          <div className="dashboard__charts">
            {unitName && (
              <>
                <ChartFrame
                  id="chart-unit-rates"
                  title={t.unitTrend.title(unitName)}
                  description={t.unitTrend.description}
                  status={status(hasValues(figures.unitRates))}
                  table={monthlyLineTable(
                    figures.unitRates,
                    figureSeries(['onTimeRate', 'onlineRate']),
                    'percent',
                    lang,
                  )}
                  height={300}
                  lang={lang}
                >
                  <MonthlyLineChart
                    points={figures.unitRates}
                    series={figureSeries(['onTimeRate', 'onlineRate'])}
                    format="percent"
                    target={targets.onTimeRate}
                    targetLabel={t.target}
                    lang={lang}
                  />
                </ChartFrame>
                <ChartFrame
                  id="chart-unit-counts"
                  title={t.unitReceived.title(unitName)}
                  description={t.unitReceived.description}
                  status={status(hasValues(figures.unitCounts))}
                  table={monthlyBarTable(figures.unitCounts, figureSeries(['received', 'resolved']), 'count', lang)}
                  height={300}
                  lang={lang}
                >
                  <MonthlyBarChart
                    points={figures.unitCounts}
                    series={figureSeries(['received', 'resolved'])}
                    format="count"
                    stacked={false}
                    lang={lang}
                  />
                </ChartFrame>
              </>
            )}
            <ChartFrame
              id="chart-on-time"
              title={t.onTime.title}
              description={t.onTime.description}
              status={status(figures.rows.some((r) => r.totals.onTimeRate !== null))}
              table={onTimeTable(figures.rows, lang)}
              height={Math.max(240, figures.rows.length * 28 + 60)}
              lang={lang}
            >
              <OnTimeByUnitChart
                rows={figures.rows}
                target={targets.onTimeRate}
                lang={lang}
                onSelectUnit={selectUnit}
                selectedUnitId={view.unitId}
              />
            </ChartFrame>
            <ChartFrame
              id="chart-online"
              title={t.online.title}
              description={t.online.description}
              status={status(figures.rows.some((r) => r.totals.onlineRate !== null))}
              table={onlineTable(figures.rows, lang)}
              height={Math.max(240, figures.rows.length * 28 + 80)}
              lang={lang}
            >
              <OnlineByUnitChart
                rows={figures.rows}
                target={targets.onlineRate}
                lang={lang}
                onSelectUnit={selectUnit}
              />
            </ChartFrame>
            <ChartFrame
              id="chart-online-trend"
              title={t.onlineTrend.title}
              description={t.onlineTrend.description}
              status={status(hasValues(figures.onlineTrend))}
              table={monthlyLineTable(figures.onlineTrend, lineSeries, 'percent', lang)}
              height={300}
              lang={lang}
            >
              <MonthlyLineChart
                points={figures.onlineTrend}
                series={lineSeries}
                format="percent"
                target={targets.onlineRate}
                targetLabel={t.target}
                lang={lang}
              />
            </ChartFrame>
            <ChartFrame
              id="chart-fees-month"
              title={t.feesMonth.title}
              description={t.feesMonth.description}
              status={status(hasValues(figures.feesByMonth))}
              table={monthlyBarTable(figures.feesByMonth, lineSeries, 'vnd', lang)}
              height={300}
              lang={lang}
            >
              <MonthlyBarChart
                points={figures.feesByMonth}
                series={lineSeries}
                format="vnd"
                stacked={false}
                lang={lang}
              />
            </ChartFrame>
            <ChartFrame
              id="chart-fees-unit"
              title={t.feesUnit.title}
              description={t.feesUnit.description}
              status={status(feeRows.length > 0)}
              table={unitValueTable(feeRows, 'vnd', lang)}
              height={Math.max(240, feeRows.length * 28 + 60)}
              lang={lang}
            >
              <UnitValueChart rows={feeRows} format="vnd" lang={lang} onSelectUnit={selectUnit} />
            </ChartFrame>
            <ChartFrame
              id="chart-flow"
              title={t.flow.title}
              description={t.flow.description}
              status={status(hasValues(figures.flow))}
              table={monthlyBarTable(figures.flow, figureSeries(flowKeys), 'count', lang)}
              height={320}
              lang={lang}
            >
              <MonthlyBarChart
                points={figures.flow}
                series={figureSeries(flowKeys)}
                format="count"
                stacked={true}
                lang={lang}
              />
            </ChartFrame>
            <ChartFrame
              id="chart-channel"
              title={t.channel.title}
              description={t.channel.description}
              status={status(hasValues(figures.channel))}
              table={monthlyBarTable(figures.channel, figureSeries(channelKeys), 'count', lang)}
              height={320}
              lang={lang}
            >
              <MonthlyBarChart
                points={figures.channel}
                series={figureSeries(channelKeys)}
                format="count"
                stacked={true}
                lang={lang}
              />
            </ChartFrame>
          </div>
          <RankingTable
            rows={figures.rows}
            lang={lang}
            onSelectUnit={selectUnit}
            selectedUnitId={view.unitId}
            hasPrevious={figures.headline.previousRange !== null}
          />
        </>
      )}
      <div id={QUALITY_ID}>
        <DataQualityPanel warnings={warnings} unitNames={unitNames} lang={lang} />
      </div>
      <FactsPanel facts={dataset.facts} lang={lang} />
      <footer className="dashboard__footer">
        <p>{t.footer}</p>
      </footer>
    </div>
  );
}

import { useMemo } from 'react';
import { ChartFrame } from '../components/chart-frame.tsx';
import { DataQualityPanel } from '../components/data-quality-panel.tsx';
import { DatasetHeader } from '../components/dataset-header.tsx';
import { FactsPanel } from '../components/facts-panel.tsx';
import { type FilterChange, FiltersBar } from '../components/filters-bar.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import { ParamNotes } from '../components/param-notes.tsx';
import { RankingTable } from '../components/ranking-table.tsx';
import type { LoadedDataset } from '../data/fetch-dataset.ts';
import { dashboardFigures, levelsFor, periodPresets, type Selection } from '../domain/dashboard.ts';
import type { Lang } from '../domain/format.ts';
import { chartSpecs } from './chart-specs.tsx';
import { resolveView, type UrlState } from './url-state.ts';

const TEXT = {
  vi: {
    charts: 'Biểu đồ',
    empty: 'Không có số liệu nào trong khoảng thời gian đã chọn. Hãy chọn kỳ khác.',
    noRecords: 'Bộ dữ liệu không có bản ghi số liệu tháng nào.',
    footer: 'Định dạng dữ liệu và cách tính số liệu: xem tài liệu đi kèm (docs/data-format.md).',
  },
  en: {
    charts: 'Charts',
    empty: 'There are no figures in the chosen period. Choose another period.',
    noRecords: 'The dataset has no monthly records.',
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
  const figures = useMemo(() => (selection ? dashboardFigures(index, selection) : null), [index, selection]);
  const unitName = unitId ? (index.unitsById.get(unitId)?.name ?? unitId) : null;
  const specs = useMemo(() => (figures ? chartSpecs(figures, unitName, lang) : []), [figures, unitName, lang]);

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
  const empty = figures.headline.groups.length === 0;

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
            {specs.map((spec) => (
              <ChartFrame
                key={spec.id}
                id={`chart-${spec.id}`}
                title={spec.title}
                description={spec.description}
                status={spec.status}
                table={spec.table}
                height={spec.height}
                lang={lang}
              >
                {spec.render({ onSelectUnit: selectUnit, selectedUnitId: view.unitId })}
              </ChartFrame>
            ))}
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

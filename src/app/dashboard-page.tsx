import { lazy, memo, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChartFrame } from '../components/chart-frame.tsx';
import { LazyChart, preloadCharts } from '../components/charts/load-chart.ts';
import { DatasetHeader } from '../components/dataset-header.tsx';
import { ExportButtons, type ExportKind } from '../components/export-buttons.tsx';
import { FactsPanel } from '../components/facts-panel.tsx';
import { type FilterChange, FiltersBar } from '../components/filters-bar.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import { LoadingState } from '../components/load-states.tsx';
import { ParamNotes } from '../components/param-notes.tsx';
import { usePrinting } from '../components/print-mode.ts';
import type { DatasetEngine, LoadedDataset } from '../data/dataset-engine.ts';
import type { ChartSpec } from '../domain/chart-specs.ts';
import { type RawTable, toCsv, toJson } from '../domain/csv.ts';
import { periodPresets, type ReaderTargets, type Selection, UNIT_CHART_LIMIT } from '../domain/dashboard.ts';
import { formatCount, formatDate, formatRange, type Lang } from '../domain/format.ts';
import { HANDOUT_UNIT_ROWS, handoutTables } from '../domain/handout.ts';
import { LEVEL_LABEL } from '../domain/labels.ts';
import { useChartSpecs } from './load-chart-specs.ts';
import { resolveView, type UrlState } from './url-state.ts';
import { useAnswer, useAskAhead } from './use-answer.ts';

const TEXT = {
  vi: {
    charts: 'Biểu đồ',
    empty: 'Không có số liệu nào trong khoảng thời gian đã chọn. Hãy chọn kỳ khác.',
    noRecords: 'Bộ dữ liệu không có bản ghi số liệu tháng nào.',
    footer: 'Định dạng dữ liệu và cách tính số liệu: xem tài liệu đi kèm (docs/data-format.md).',
    actions: 'Trình bày và xuất số liệu',
    present: 'Trình chiếu',
    print: 'In / lưu PDF',
    totals: 'số liệu tổng hợp của lựa chọn',
    ranking: 'bảng xếp hạng đơn vị',
    unitFields: 'bảng đơn vị và lĩnh vực',
    printed: (d: string) => `In ngày ${d}`,
    appendix: 'Phụ lục: bảng số liệu theo tháng',
    filters: 'Lựa chọn',
    briefing: 'Bản tóm tắt bằng lời để đưa vào báo cáo',
    allUnits: 'tất cả đơn vị',
    illustrativeNote: 'Số liệu minh hoạ, không phải số liệu thống kê chính thức.',
    exportFailed: 'Không tạo được tệp tải xuống.',
    showAll: (n: string) => `Hiện tất cả ${n} đơn vị`,
    showSome: (n: number) => `Chỉ hiện ${n} đơn vị cao nhất và ${n} thấp nhất`,
    partial: (shown: string, total: string) => `Đang hiện ${shown} / ${total} đơn vị: cao nhất và thấp nhất.`,
  },
  en: {
    charts: 'Charts',
    empty: 'There are no figures in the chosen period. Choose another period.',
    noRecords: 'The dataset has no monthly records.',
    footer: 'Data format and how the figures are computed: see the documentation (docs/data-format.md).',
    actions: 'Present and export',
    present: 'Present',
    print: 'Print / save as PDF',
    totals: 'totals of the selection',
    ranking: 'ranking of units',
    unitFields: 'table of units and fields',
    printed: (d: string) => `Printed ${d}`,
    appendix: 'Appendix: tables by month',
    filters: 'Filters',
    briefing: 'A briefing in words, for a report',
    allUnits: 'all units',
    illustrativeNote: 'Illustrative figures, not official statistics.',
    exportFailed: 'The download could not be made.',
    showAll: (n: string) => `Show all ${n} units`,
    showSome: (n: number) => `Show only the ${n} highest and ${n} lowest`,
    partial: (shown: string, total: string) => `Showing ${shown} of ${total} units: the highest and the lowest.`,
  },
};

const QUALITY_ID = 'data-quality';

type ExportTables = typeof import('../domain/export-tables.ts');

export interface DashboardPageProps {
  loaded: LoadedDataset;
  urlState: UrlState;
  navigate: (next: Partial<UrlState>) => void;
  lang: Lang;
  /** Shown at the end of the page once the figures are there (the import panel). */
  after?: ReactNode;
  /** The tools (language, theme, open a file, reload): after the title and the headline figures. */
  tools?: ReactNode;
}

/**
 * The value as of the last painted frame (null until a frame has been painted): lets a cheap part of the page
 * update before a costly one. Null at first even when the value is there at mount (an answer from the cache):
 * the costly part then still waits for the first frame.
 */
function useAfterPaint<T>(value: T): T | null {
  const [shown, setShown] = useState<T | null>(null);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}

interface ChartsGridProps {
  specs: ChartSpec[];
  /** Which charts take the full width (fullWidthCharts). */
  wide: boolean[];
  /** Above this a chart by unit scrolls inside its frame. */
  scrollHeight: number;
  lang: Lang;
  scrollable: boolean;
  allUnits: boolean;
  selectedUnitId: string | null;
  onExport: (spec: ChartSpec, kind: ExportKind) => void;
  onToggleAll: () => void;
  onSelectUnit: (id: string) => void;
  onSelectField: (id: string) => void;
  selectedFieldId: string | null;
}

/**
 * The charts, redrawn only when their own rows change: a period change
 * re-renders the page twice (headline first), and recharts is the costly part.
 */
const ChartsGrid = memo(function ChartsGrid({
  specs,
  wide,
  scrollHeight,
  lang,
  scrollable,
  allUnits,
  selectedUnitId,
  onExport,
  onToggleAll,
  onSelectUnit,
  onSelectField,
  selectedFieldId,
}: ChartsGridProps) {
  const t = TEXT[lang];
  const onPaper = useMemo(() => handoutTables(specs), [specs]);
  return (
    <>
      {specs.map((spec, i) => {
        const scrolls = scrollable && spec.height > scrollHeight;
        // A row of a chart by field opens that field; a row of a chart by unit opens that unit.
        const byField = spec.chart.kind === 'units' && spec.chart.rowsAre === 'fields';
        const select = byField ? onSelectField : onSelectUnit;
        const selected = byField ? selectedFieldId : selectedUnitId;
        return (
          <ChartFrame
            key={spec.id}
            id={`chart-${spec.id}`}
            title={spec.title}
            description={spec.description}
            hint={spec.hint}
            status={spec.status}
            table={spec.table}
            height={scrolls ? scrollHeight : spec.height}
            printTable={onPaper.get(spec.id) ?? 'below'}
            wide={wide[i] === true}
            note={
              spec.truncated ? (
                <p className="chart-units-note">
                  {t.partial(formatCount(spec.truncated.shown, lang), formatCount(spec.truncated.total, lang))}
                </p>
              ) : null
            }
            lang={lang}
            actions={
              <>
                {(spec.truncated || scrolls) && (
                  <button type="button" className="chart-units-toggle" onClick={() => onToggleAll()}>
                    {allUnits
                      ? t.showSome(UNIT_CHART_LIMIT / 2)
                      : t.showAll(formatCount(spec.truncated?.total ?? 0, lang))}
                  </button>
                )}
                <ExportButtons
                  lang={lang}
                  what={spec.title}
                  kinds={
                    spec.chart.kind === 'statement' ? ['csv', 'xlsx', 'json'] : ['png', 'svg', 'csv', 'xlsx', 'json']
                  }
                  onExport={(k) => onExport(spec, k)}
                />
              </>
            }
          >
            {scrolls ? (
              <div className="chart-scroll">
                <LazyChart chart={spec.chart} lang={lang} onSelectUnit={select} selectedUnitId={selected} />
              </div>
            ) : (
              <LazyChart chart={spec.chart} lang={lang} onSelectUnit={select} selectedUnitId={selected} />
            )}
          </ChartFrame>
        );
      })}
    </>
  );
});

// Below the first screen: their code loads after the headline figures, in chunks of their own.
const RankingTable = lazy(() =>
  import('../components/ranking-table.tsx').then((m) => ({ default: memo(m.RankingTable) })),
);
const BriefingPanel = lazy(() =>
  import('../components/briefing-panel.tsx').then((m) => ({ default: memo(m.BriefingPanel) })),
);
const UnitFieldTable = lazy(() =>
  import('../components/unit-field-table.tsx').then((m) => ({ default: memo(m.UnitFieldTable) })),
);
const AccountabilityPanel = lazy(() =>
  import('../components/accountability-panel.tsx').then((m) => ({ default: memo(m.AccountabilityPanel) })),
);
const DataQualityPanel = lazy(() =>
  import('../components/data-quality-panel.tsx').then((m) => ({ default: memo(m.DataQualityPanel) })),
);

/**
 * The briefing is written only when the reader opens it: at province scale it reads every unit, and a text
 * of unknown length arriving below the charts would push everything under it. Opening it is the reader's
 * own act, so what moves then moves because they asked.
 */
function BriefingToggle({ engine, selection, lang }: { engine: DatasetEngine; selection: Selection; lang: Lang }) {
  const t = TEXT[lang];
  const [open, setOpen] = useState(false);
  return (
    <details className="panel briefing-toggle no-print" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t.briefing}</summary>
      {open ? (
        <Suspense fallback={null}>
          <Briefing engine={engine} selection={selection} lang={lang} />
        </Suspense>
      ) : null}
    </details>
  );
}

function Briefing({ engine, selection, lang }: { engine: DatasetEngine; selection: Selection; lang: Lang }) {
  const { data } = useAnswer(engine, { kind: 'briefing', selection, lang });
  return data ? <BriefingPanel paragraphs={data} lang={lang} /> : <LoadingState lang={lang} progress={null} />;
}

export function DashboardPage({ loaded, urlState, navigate, lang, after = null, tools = null }: DashboardPageProps) {
  const t = TEXT[lang];
  const { meta, warnings, warningCount, source, engine } = loaded;
  const view = useMemo(() => resolveView(urlState, meta), [urlState, meta]);
  const from = view?.range.from;
  const to = view?.range.to;
  const level = view?.level ?? 'all';
  const unitId = view?.unitId ?? null;
  const field = view?.field ?? null;
  const compare = view?.compare ?? 'previous';
  const targetOnTime = view?.targets.onTimeRate;
  const targetOnline = view?.targets.onlineRate;
  // Rebuilt only when its parts change, so every memo below stays stable between renders.
  const selection = useMemo<Selection | null>(() => {
    if (!from || !to) return null;
    const targets: ReaderTargets = {};
    if (targetOnTime !== undefined) targets.onTimeRate = targetOnTime;
    if (targetOnline !== undefined) targets.onlineRate = targetOnline;
    return { range: { from, to }, level, unitId, field, compare, targets };
  }, [from, to, level, unitId, field, compare, targetOnTime, targetOnline]);
  // Headline figures follow a change at once; charts, ranking and briefing follow after that frame is
  // painted, so new figures are on screen in well under 100 ms even where redrawing charts takes longer.
  const headlineNow = useAnswer(engine, selection && { kind: 'headline', selection }).data ?? null;
  // On a first load the charts wait for the headline figures to be painted as well: asked in the same turn,
  // both answers arrive together and the page would draw the charts' frames and tables before the headline.
  const deferred = useAfterPaint(headlineNow ? selection : null);
  // The chart module is asked for once the headline figures are painted, while the figures behind the
  // charts are worked out (a province's file asked for it while downloading: start-loading.ts).
  const figuresWanted = deferred !== null;
  useEffect(() => {
    if (figuresWanted) void preloadCharts().catch(() => undefined);
  }, [figuresWanted]);
  const figuresAnswer = useAnswer(engine, deferred && { kind: 'figures', selection: deferred });
  const figures = figuresAnswer.data ?? null;
  // The first figures of a load are asked for with the headline (a worker answers them while the page draws
  // it). Not on a later change: the two threads would then share the CPU just when the new headline is drawn.
  const firstFigures = useMemo(() => selection && ({ kind: 'figures', selection } as const), [selection]);
  useAskAhead(engine, figures ? null : firstFigures);
  const updating = deferred !== selection || figuresAnswer.stale;
  const unitName = unitId ? (meta.unitsById.get(unitId)?.name ?? unitId) : null;
  const fieldName = field ? ((meta.fields ?? []).find((f) => f.id === field)?.name ?? field) : null;
  const [allUnits, setAllUnits] = useState(false);
  // The code that turns figures into charts comes after the first view (started early by main.tsx).
  const specsModule = useChartSpecs();
  // On paper a chart by unit shows its ends; the ranking before it lists every unit (decision 0015).
  const printing = usePrinting();
  const specs = useMemo(
    () =>
      figures && specsModule
        ? specsModule.chartSpecs(figures, unitName, lang, printing ? { unitRows: HANDOUT_UNIT_ROWS } : { allUnits })
        : [],
    [figures, specsModule, unitName, lang, allUnits, printing],
  );
  const wide = useMemo(() => specsModule?.fullWidthCharts(specs) ?? [], [specsModule, specs]);
  const scrollable = allUnits && (figures?.rows.length ?? 0) > UNIT_CHART_LIMIT;
  // Callbacks that keep their identity across renders, so the memoised parts below stay put.
  const latest = useRef<{ navigate: typeof navigate; exportChart?: (spec: ChartSpec, kind: ExportKind) => void }>({
    navigate,
  });
  latest.current.navigate = navigate;
  const onSelectUnit = useCallback((id: string) => latest.current.navigate({ unit: id }), []);
  const onSelectField = useCallback((id: string) => latest.current.navigate({ field: id }), []);
  const onToggleAll = useCallback(() => setAllUnits((a) => !a), []);
  const onChartExport = useCallback(
    (spec: ChartSpec, kind: ExportKind) => latest.current.exportChart?.(spec, kind),
    [],
  );

  const presets = useMemo(() => (meta.span ? periodPresets(meta.span) : []), [meta.span]);
  const unitNames = useMemo(() => new Map(meta.units.map((u) => [u.id, u.name])), [meta.units]);
  const fieldNames = useMemo(() => new Map((meta.fields ?? []).map((f) => [f.id, f.name])), [meta.fields]);

  if (!meta.span || !view || !selection) {
    return (
      <div className="dashboard">
        <DatasetHeader
          lang={lang}
          title={meta.title}
          range={{ from: '', to: '' }}
          source={meta.source}
          updatedAt={meta.updatedAt}
          illustrative={meta.illustrative === true}
          origin={source.kind === 'sample' ? null : source.name}
          warningCount={0}
          qualityAnchor={QUALITY_ID}
        />
        <p className="dashboard__empty">{t.noRecords}</p>
        {tools ? <div className="dashboard__tools no-print">{tools}</div> : null}
      </div>
    );
  }

  const onChange = (c: FilterChange) => {
    const next: Partial<UrlState> = {};
    if (c.from !== undefined) next.from = c.from;
    if (c.to !== undefined) next.to = c.to;
    if (c.level !== undefined) next.level = c.level;
    if (c.unit !== undefined) next.unit = c.unit;
    if (c.field !== undefined) next.field = c.field;
    if (c.compare !== undefined) next.compare = c.compare;
    navigate(next);
  };
  const empty = headlineNow !== null && headlineNow.groups.length === 0;
  const period = formatRange(view.range, lang);
  const fileBase = (what: string) =>
    `tthc-${what}-${view.range.from}-${view.range.to}${view.unitId ? `-${view.unitId}` : ''}`;
  const fileMeta = {
    title: meta.title,
    period,
    from: view.range.from,
    to: view.range.to,
    level: view.level,
    unit: view.unitId,
  };
  // Tables are built when a download is asked for, not on every render: a province's ranking has thousands of rows.
  // The tables' code too: it loads with the first download.
  const exportTable = async (what: string, build: RawTable | ((t: ExportTables) => RawTable), kind: ExportKind) => {
    const table = typeof build === 'function' ? build(await import('../domain/export-tables.ts')) : build;
    const m = await import('../data/chart-export.ts');
    if (kind === 'csv') m.download(`${fileBase(what)}.csv`, toCsv(table), 'text/csv;charset=utf-8');
    else if (kind === 'xlsx') {
      const x = await import('../data/table-xlsx.ts');
      const filters = [view.level === 'all' ? null : LEVEL_LABEL[view.level][lang], unitName, fieldName].filter(
        (f): f is string => f !== null,
      );
      const blob = await x.tableToXlsx(table, {
        title: meta.title,
        period,
        filters,
        note: meta.illustrative ? t.illustrativeNote : null,
      });
      m.download(`${fileBase(what)}.xlsx`, blob, x.XLSX_MEDIA_TYPE);
    } else m.download(`${fileBase(what)}.json`, toJson(table, fileMeta), 'application/json');
  };
  const exportChart = async (spec: ChartSpec, kind: ExportKind) => {
    if (kind === 'csv' || kind === 'xlsx' || kind === 'json') return exportTable(spec.id, spec.raw, kind);
    const m = await import('../data/chart-export.ts');
    const frame = document.getElementById(`chart-${spec.id}`);
    if (!frame) return;
    const image = m.chartSvg(frame, {
      title: spec.title,
      period,
      note: meta.illustrative ? t.illustrativeNote : null,
      legend: spec.legend,
    });
    if (kind === 'svg') m.download(`${fileBase(spec.id)}.svg`, image.svg, 'image/svg+xml');
    else m.download(`${fileBase(spec.id)}.png`, await m.svgToPng(image.svg, image.width, image.height, 2), 'image/png');
  };
  latest.current.exportChart = (spec, kind) => void exportChart(spec, kind);
  // The end of the page, the same whether or not the period has figures.
  const quality = (
    <div id={QUALITY_ID}>
      <DataQualityPanel
        warnings={warnings}
        count={warningCount}
        unitNames={unitNames}
        fieldNames={fieldNames}
        lang={lang}
      />
    </div>
  );
  const closing = (
    <>
      <FactsPanel facts={meta.facts} lang={lang} />
      <footer className="dashboard__footer">
        <p>{t.footer}</p>
      </footer>
      {after}
    </>
  );
  const unitLabel = view.unitId ? (unitName ?? view.unitId) : t.allUnits;
  const levelLabel = view.level === 'all' ? '' : ` · ${LEVEL_LABEL[view.level][lang]}`;

  return (
    <div className="dashboard">
      <DatasetHeader
        lang={lang}
        title={meta.title}
        range={view.range}
        source={meta.source}
        updatedAt={meta.updatedAt}
        illustrative={meta.illustrative === true}
        origin={source.kind === 'sample' ? null : source.name}
        warningCount={warningCount}
        qualityAnchor={QUALITY_ID}
      />
      <p className="print-only print-header">
        {t.filters}: {period}
        {levelLabel} · {unitLabel}
        {fieldName ? ` · ${fieldName}` : ''} · {t.printed(formatDate(new Date().toISOString().slice(0, 10), lang))}
      </p>
      <ParamNotes notes={view.notes} lang={lang} />
      {/* The title, then the figures, then the controls: on a phone the first screen is the answer. */}
      {empty ? (
        <p className="dashboard__empty" role="status">
          {t.empty}
        </p>
      ) : headlineNow ? (
        <HeadlineFigures headline={headlineNow} lang={lang} />
      ) : (
        <LoadingState lang={lang} progress={null} />
      )}
      {/* The controls come with the figures: shown beside the loading state, they would be pushed down when
          the figures replace it. */}
      {headlineNow || empty ? (
        <>
          {tools ? <div className="dashboard__tools no-print">{tools}</div> : null}
          <FiltersBar
            lang={lang}
            span={meta.span}
            range={view.range}
            presets={presets}
            level={view.level}
            levels={meta.levels}
            unitId={view.unitId}
            units={meta.units}
            fields={meta.fields ?? []}
            field={view.field}
            compare={view.compare}
            onChange={onChange}
          />
          <section className="dashboard__actions no-print" aria-label={t.actions}>
            <button
              type="button"
              onClick={() => {
                // Full screen needs the click itself; the URL alone opens the slides in the window.
                void document.documentElement.requestFullscreen?.().catch(() => undefined);
                navigate({ view: 'present', slide: 1 });
              }}
            >
              ▶ {t.present}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t.print}
            </button>
            <ExportButtons
              lang={lang}
              what={t.totals}
              kinds={['csv', 'xlsx', 'json']}
              onExport={(k) => void exportTable('totals', (x) => x.totalsTable(headlineNow?.groups ?? [], lang), k)}
            />
          </section>
        </>
      ) : null}
      {empty ? null : (
        <>
          <h2 className="dashboard__section-title">{t.charts}</h2>
          <div className={updating ? 'dashboard__charts is-updating' : 'dashboard__charts'} aria-busy={updating}>
            <ChartsGrid
              specs={specs}
              wide={wide}
              scrollHeight={specsModule?.SCROLL_HEIGHT ?? 0}
              lang={lang}
              scrollable={scrollable}
              allUnits={allUnits}
              selectedUnitId={deferred?.unitId ?? null}
              onExport={onChartExport}
              onToggleAll={onToggleAll}
              onSelectUnit={onSelectUnit}
              onSelectField={onSelectField}
              selectedFieldId={deferred?.field ?? null}
            />
          </div>
          <h2 className="print-only print-appendix">{t.appendix}</h2>
          {figures ? (
            // One boundary for every panel below the charts: they appear together once all their code is
            // there, instead of each pushing the next down as it arrives.
            <Suspense fallback={null}>
              <div className="dashboard__table-actions no-print">
                <ExportButtons
                  lang={lang}
                  what={t.ranking}
                  kinds={['csv', 'xlsx', 'json']}
                  onExport={(k) =>
                    void exportTable(
                      'ranking',
                      (x) => x.rankingTable(figures.rows, lang, figures.headline.compare?.mode ?? null),
                      k,
                    )
                  }
                />
              </div>
              <RankingTable
                rows={figures.rows}
                lang={lang}
                onSelectUnit={onSelectUnit}
                selectedUnitId={deferred?.unitId ?? null}
                compared={figures.headline.compare?.mode ?? null}
              />
              {figures.fieldMatrix.rows.length > 0 && figures.fieldMatrix.fields.length > 0 ? (
                <>
                  <div className="dashboard__table-actions no-print">
                    <ExportButtons
                      lang={lang}
                      what={t.unitFields}
                      kinds={['csv', 'xlsx', 'json']}
                      onExport={(k) =>
                        void exportTable('unit-fields', (x) => x.unitFieldTable(figures.fieldMatrix, lang), k)
                      }
                    />
                  </div>
                  <UnitFieldTable
                    matrix={figures.fieldMatrix}
                    target={figures.headline.targets.onTimeRate}
                    lang={lang}
                    onSelectUnit={onSelectUnit}
                  />
                </>
              ) : null}
              <AccountabilityPanel rows={figures.accountability} lang={lang} />
              {quality}
              {deferred ? <BriefingToggle engine={engine} selection={deferred} lang={lang} /> : null}
              {closing}
            </Suspense>
          ) : null}
        </>
      )}
      {/* With no figures in the period there are no charts to wait for: the rest of the page at once. */}
      {empty ? (
        <Suspense fallback={null}>
          {quality}
          {closing}
        </Suspense>
      ) : null}
    </div>
  );
}

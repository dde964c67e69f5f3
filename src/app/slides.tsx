import { type ReactNode, Suspense, useMemo } from 'react';
import { LazyChart } from '../components/charts/load-chart.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import type { LoadedDataset } from '../data/dataset-engine.ts';
import { SLIDE_KEYS, type SlideKey } from '../domain/briefing.ts';
import { type ChartSpec, chartSpecs, comparedRows, rowsFitOnSlide } from '../domain/chart-specs.ts';
import type { DashboardFigures, HeadlineGroup, ResolvedTargets, Selection } from '../domain/dashboard.ts';
import {
  formatCount,
  formatDate,
  formatPercent,
  formatRange,
  formatVnd,
  formatVndShort,
  type Lang,
  NOT_AVAILABLE,
} from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_LABEL, NOT_REPORTED } from '../domain/labels.ts';
import { describeWarning } from '../domain/messages.ts';
import { onlineCount, onTimeCount } from '../domain/metrics.ts';
import {
  fieldRankingPages,
  fitUnitsChart,
  type RankingGroup,
  rankingPages,
  type SentenceRow,
  type SlideMetrics,
  tableRowsThatFit,
  unitSentence,
} from '../domain/slide-plan.ts';
import { useAnswer } from './use-answer.ts';

/**
 * What the slides of a selection say: built from the same answers as the
 * dashboard (figures, chart specs, notes), sized for the screen they are on
 * (slide-plan.ts). presentation.tsx shows them one at a time and handles
 * keys, the counter and the presenter window.
 */

const TEXT = {
  vi: {
    headline: 'Số liệu chính',
    ranking: {
      onTime: (n: string) => `Xếp hạng: ${n} đơn vị dưới chỉ tiêu đúng hạn`,
      online: (n: string) => `Xếp hạng: ${n} đơn vị dưới chỉ tiêu trực tuyến`,
      best: 'Xếp hạng: các đơn vị dẫn đầu',
    } as Record<RankingGroup, string | ((n: string) => string)>,
    page: (p: number, n: number) => ` (${p}/${n})`,
    rankingFields: (n: string) => `Xếp hạng: ${n} lĩnh vực dưới chỉ tiêu`,
    rankingFieldsNote: 'Dưới chỉ tiêu đúng hạn trước, rồi dưới chỉ tiêu trực tuyến; ▼ là dưới chỉ tiêu.',
    field: 'Lĩnh vực',
    rankingNote: {
      onTime: 'Từ thấp nhất lên; ▼ là dưới chỉ tiêu.',
      online: 'Từ thấp nhất lên; ▼ là dưới chỉ tiêu.',
      best: 'Xếp theo tỷ lệ đúng hạn rồi tỷ lệ trực tuyến.',
    } as Record<RankingGroup, string>,
    quality: 'Chất lượng dữ liệu',
    qualityCount: (n: string) => `${n} cảnh báo: các số liệu dưới đây chưa khớp, cần đơn vị kiểm tra lại.`,
    summary: 'Tóm tắt',
    source: 'Nguồn',
    updated: 'Cập nhật',
    rank: 'Hạng',
    position: 'STT',
    unit: 'Đơn vị',
    overdueNone: 'không có hồ sơ quá hạn',
    overdue: (n: string) => `${n} hồ sơ đang quá hạn`,
    handled: 'Hồ sơ tiếp nhận, xử lý',
    handledLine: (carried: string, received: string) => `${carried} kỳ trước, ${received} mới`,
    onTime: 'Đúng hạn',
    online: 'Trực tuyến',
    target: (t: string, met: boolean) => `${met ? '✓ đạt' : '✗ chưa đạt'} chỉ tiêu ${t}`,
    overdueFigure: 'Đang quá hạn',
    overdueLine: 'hồ sơ quá hạn cuối kỳ',
    fees: 'Phí, lệ phí',
    more: (n: string) => `và ${n} đơn vị khác ở giữa (danh sách đủ trong ghi chú và bản in)`,
    allUnits: 'Tất cả các đơn vị:',
  },
  en: {
    headline: 'Headline figures',
    ranking: {
      onTime: (n: string) => `Ranking: ${n} units below the on-time target`,
      online: (n: string) => `Ranking: ${n} units below the online target`,
      best: 'Ranking: the leading units',
    } as Record<RankingGroup, string | ((n: string) => string)>,
    page: (p: number, n: number) => ` (${p}/${n})`,
    rankingFields: (n: string) => `Ranking: ${n} procedure fields below target`,
    rankingFieldsNote: 'Below the on-time target first, then below the online target; ▼ is below the target.',
    field: 'Field',
    rankingNote: {
      onTime: 'Lowest first; ▼ is below the target.',
      online: 'Lowest first; ▼ is below the target.',
      best: 'By on-time rate, then online uptake.',
    } as Record<RankingGroup, string>,
    quality: 'Data quality',
    qualityCount: (n: string) => `${n} warning(s): the figures below do not add up and need checking by the unit.`,
    summary: 'Summary',
    source: 'Source',
    updated: 'Updated',
    rank: 'Rank',
    position: 'No.',
    unit: 'Unit',
    overdueNone: 'no overdue dossiers',
    overdue: (n: string) => `${n} dossiers overdue`,
    handled: 'Dossiers handled',
    handledLine: (carried: string, received: string) => `${carried} carried over, ${received} new`,
    onTime: 'On time',
    online: 'Online',
    target: (t: string, met: boolean) => `${met ? '✓ meets' : '✗ below'} the ${t} target`,
    overdueFigure: 'Overdue',
    overdueLine: 'dossiers overdue at the end',
    fees: 'Fees and charges',
    more: (n: string) => `and ${n} more units in between (the full list is in the notes and the handout)`,
    allUnits: 'All units:',
  },
};

export interface Slide {
  key: string;
  notesKey: SlideKey;
  title: string;
  /** Said in the presenter's notes after the notes of its kind: the full list a slide had to shorten. */
  extraNotes: string;
  body: () => ReactNode;
}

function notesKeyOf(id: string): SlideKey {
  return (SLIDE_KEYS as readonly string[]).includes(id) ? (id as SlideKey) : 'headline';
}

/**
 * An amount in two parts, so the figure can be large and its unit smaller, on one line: split at the
 * first space, ordinary or no-break (formatVndShort joins figure and words with no-break spaces so the
 * page never splits them; the words keep theirs).
 */
function amountParts(text: string): [string, string] {
  const at = text.search(/[ \u00a0\u202f]/);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function HallFigure({
  label,
  value,
  unit,
  line,
  tone,
  missing = false,
}: {
  label: string;
  value: string;
  unit?: string;
  line: string;
  tone?: 'good' | 'bad';
  /** The value is a word saying there is no figure ("không báo cáo"): a quiet note, not set as a figure. */
  missing?: boolean;
}) {
  return (
    <li className="hall-figure">
      <span className="hall-figure__label">{label}</span>
      <span className={missing ? 'hall-figure__missing' : 'hall-figure__value'}>
        {value}
        {unit ? <span className="hall-figure__unit"> {unit}</span> : null}
      </span>
      <span className={tone ? `hall-figure__line status--${tone}` : 'hall-figure__line'}>{line}</span>
    </li>
  );
}

/** The headline figures made for a hall: five large figures per level, one short line each. */
function HallHeadline({ groups, targets, lang }: { groups: HeadlineGroup[]; targets: ResolvedTargets; lang: Lang }) {
  const t = TEXT[lang];
  return (
    <div className="hall-headline">
      {groups.map((g) => {
        const c = g.current;
        const onTimeMet = c.onTimeRate !== null && c.onTimeRate >= targets.onTimeRate;
        const onlineMet = c.onlineRate !== null && c.onlineRate >= targets.onlineRate;
        const [feeValue, feeUnit] =
          c.feesVnd === null ? [NOT_REPORTED[lang], ''] : amountParts(formatVndShort(c.feesVnd, lang));
        return (
          <section
            key={`${g.kind}:${g.label}`}
            className="hall-headline__group"
            aria-label={g.kind === 'unit' ? g.label : LEVEL_LABEL[g.kind][lang]}
          >
            <h3>{g.kind === 'unit' ? g.label : LEVEL_LABEL[g.kind][lang]}</h3>
            <ul>
              <HallFigure
                label={t.handled}
                value={formatCount(c.total, lang)}
                line={t.handledLine(formatCount(c.carriedOver, lang), formatCount(c.received, lang))}
              />
              <HallFigure
                label={t.onTime}
                value={formatPercent(c.onTimeRate, lang)}
                line={
                  c.onTimeRate === null
                    ? NOT_AVAILABLE
                    : t.target(formatPercent(targets.onTimeRate, lang, 0), onTimeMet)
                }
                tone={c.onTimeRate === null ? undefined : onTimeMet ? 'good' : 'bad'}
              />
              <HallFigure
                label={t.online}
                value={formatPercent(c.onlineRate, lang)}
                line={
                  c.onlineRate === null
                    ? NOT_AVAILABLE
                    : t.target(formatPercent(targets.onlineRate, lang, 0), onlineMet)
                }
                tone={c.onlineRate === null ? undefined : onlineMet ? 'good' : 'bad'}
              />
              <HallFigure
                label={t.overdueFigure}
                value={formatCount(c.pendingOverdue, lang)}
                line={t.overdueLine}
                {...(c.pendingOverdue > 0 ? { tone: 'bad' as const } : {})}
              />
              <HallFigure
                label={t.fees}
                value={feeValue}
                unit={feeUnit}
                line={c.feesVnd === null ? '' : formatVnd(c.feesVnd, lang)}
                missing={c.feesVnd === null}
              />
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** A row of a ranking slide: a unit or a procedure field, with the place it is shown at. */
type RankedRow = SentenceRow & { key: string; rank: string };

/** A ranking slide's table: place, name, both rates (▼ and the colour of "not met" below target), overdue. */
function RankingTable({
  note,
  nameHeader,
  rankHeader,
  rows,
  lang,
}: {
  note: string;
  nameHeader: string;
  /** "Rank" for units (their place in the whole ranking), "No." for fields (their place in the list of those lagging). */
  rankHeader: string;
  rows: readonly RankedRow[];
  lang: Lang;
}) {
  return (
    <div className="slide-table">
      <p className="slide__description">{note}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{rankHeader}</th>
            <th scope="col">{nameHeader}</th>
            <th scope="col">{FIGURE_LABEL.onTimeRate[lang]}</th>
            <th scope="col">{FIGURE_LABEL.onlineRate[lang]}</th>
            <th scope="col">{FIGURE_LABEL.pendingOverdue[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td>{r.rank}</td>
              <th scope="row">{r.name}</th>
              <td className={r.belowOnTimeTarget ? 'status--bad' : undefined}>
                {r.belowOnTimeTarget ? '▼ ' : ''}
                {formatPercent(r.totals.onTimeRate, lang)}
              </td>
              <td className={r.belowOnlineTarget ? 'status--bad' : undefined}>
                {r.belowOnlineTarget ? '▼ ' : ''}
                {formatPercent(r.totals.onlineRate, lang)}
              </td>
              <td>{formatCount(r.totals.pendingOverdue, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function chartSlide(spec: ChartSpec, metrics: SlideMetrics, lang: Lang): Slide {
  const t = TEXT[lang];
  // The description takes a line or two (at most 2.6 lines of 0.85 of the base, and its margin); the chart has the rest.
  let height = Math.floor(metrics.body - metrics.base * 2.6);
  let chart = spec.chart;
  let hidden = 0;
  if (chart.kind === 'units') {
    const all = chart;
    let fitted = fitUnitsChart(all, rowsFitOnSlide(all, height, metrics.chartText));
    if (fitted.hidden > 0) {
      // The "and N more" line takes room from the chart: fit again without it.
      height -= Math.ceil(metrics.base * 1.6);
      fitted = fitUnitsChart(all, rowsFitOnSlide(all, height, metrics.chartText));
    }
    chart = fitted.chart;
    hidden = fitted.hidden;
  }
  const all = spec.chart.kind === 'units' ? spec.chart.rows : [];
  return {
    key: spec.id,
    notesKey: notesKeyOf(spec.id),
    title: spec.title,
    // Every unit with its figure, in full: what the slide left out or had to shorten is read out from here.
    extraNotes: all.length > 0 ? `${t.allUnits} ${all.map((r) => `${r.name} ${r.label}`).join('; ')}.` : '',
    body: () => (
      <ErrorBoundary label={spec.title} lang={lang}>
        <p className="slide__description">{spec.description}</p>
        <div className="slide__chart" role="img" aria-label={`${spec.title}. ${spec.description}`}>
          <Suspense fallback={null}>
            <LazyChart chart={chart} lang={lang} textSize={metrics.chartText} height={height} />
          </Suspense>
        </div>
        {hidden > 0 ? <p className="slide__more">{t.more(formatCount(hidden, lang))}</p> : null}
      </ErrorBoundary>
    ),
  };
}

/** Slides built from the current selection (null until its figures are known), sized for the screen. */
export function useSlides(
  loaded: LoadedDataset,
  selection: Selection,
  lang: Lang,
  metrics: SlideMetrics,
): Slide[] | null {
  const { meta: dataset, warnings, warningCount, engine } = loaded;
  const figures = useAnswer(engine, { kind: 'figures', selection }).data;
  return useMemo(
    () => (figures ? slidesOf({ meta: dataset, warnings, warningCount }, figures, selection, lang, metrics) : null),
    [figures, dataset, warnings, warningCount, selection, lang, metrics],
  );
}

/** The slides of a selection from its figures: what useSlides shows, as a plain function (tests call it). */
export function slidesOf(
  loaded: Pick<LoadedDataset, 'meta' | 'warnings' | 'warningCount'>,
  figures: DashboardFigures,
  selection: Selection,
  lang: Lang,
  metrics: SlideMetrics,
): Slide[] {
  const { meta: dataset, warnings, warningCount } = loaded;
  const t = TEXT[lang];
  const unitName = selection.unitId ? (dataset.unitsById.get(selection.unitId)?.name ?? null) : null;
  // Every unit in the charts by unit: the slide keeps the highest and the lowest that fit the screen.
  const specs = chartSpecs(figures, unitName, lang, { allUnits: true }).filter(
    (s) => s.status === 'ready' && s.chart.kind !== 'statement',
  );
  const names = new Map(dataset.units.map((u) => [u.id, u.name]));
  const targets = figures.headline.targets;
  const slides: Slide[] = [
    {
      key: 'title',
      notesKey: 'title',
      title: dataset.title,
      extraNotes: '',
      body: () => (
        <div className="slide-title">
          <h1>{dataset.title}</h1>
          <p className="slide-title__period">{formatRange(selection.range, lang)}</p>
          {unitName && <p className="slide-title__unit">{unitName}</p>}
          {dataset.source && (
            <p className="slide-title__source">
              {t.source}: {dataset.source}
            </p>
          )}
          {dataset.updatedAt && (
            <p className="slide-title__source">
              {t.updated}: {formatDate(dataset.updatedAt, lang)}
            </p>
          )}
        </div>
      ),
    },
    {
      key: 'headline',
      notesKey: 'headline',
      title: t.headline,
      extraNotes: '',
      body: () => <HallHeadline groups={figures.headline.groups} targets={targets} lang={lang} />,
    },
    ...specs.map((spec) => chartSlide(spec, metrics, lang)),
  ];

  const compared = comparedRows(figures.rows).rows;
  const perPage = tableRowsThatFit(metrics.body, metrics.base);
  const unitPages = compared.length > 1 ? rankingPages(compared, perPage) : [];
  const rankingSlide = (
    key: string,
    title: string,
    note: string,
    [nameHeader, rankHeader]: [string, string],
    rows: readonly RankedRow[],
    lagging: boolean,
  ): Slide => ({
    key,
    notesKey: 'ranking',
    title,
    // Each lagging unit or field in a sentence the presenter can read out; the best need no excuse.
    extraNotes: lagging ? rows.map((r) => unitSentence(r, targets, lang)).join('\n\n') : '',
    body: () => <RankingTable note={note} nameHeader={nameHeader} rankHeader={rankHeader} rows={rows} lang={lang} />,
  });
  const titled = (heading: string | ((n: string) => string), total: number, page: number, pages: number) =>
    `${typeof heading === 'string' ? heading : heading(formatCount(total, lang))}${pages > 1 ? t.page(page, pages) : ''}`;
  // Those who lag first (units below the on-time target, then below the online target, then the lagging
  // fields), every one of them; the best last.
  for (const page of unitPages.filter((p) => p.group !== 'best')) {
    slides.push(
      rankingSlide(
        `ranking-${page.group}-${page.page}`,
        titled(t.ranking[page.group], page.total, page.page, page.pages),
        t.rankingNote[page.group],
        [t.unit, t.rank],
        page.rows.map((r) => ({ ...r, key: r.unitId, rank: formatCount(r.rank, lang) })),
        true,
      ),
    );
  }
  for (const page of fieldRankingPages(figures.fields, perPage)) {
    slides.push(
      rankingSlide(
        `ranking-fields-${page.page}`,
        titled(t.rankingFields, page.total, page.page, page.pages),
        t.rankingFieldsNote,
        [t.field, t.position],
        page.rows.map((r, i) => ({
          key: r.fieldId,
          rank: formatCount((page.page - 1) * perPage + i + 1, lang),
          ...r,
        })),
        true,
      ),
    );
  }
  for (const page of unitPages.filter((p) => p.group === 'best')) {
    slides.push(
      rankingSlide(
        `ranking-best-${page.page}`,
        titled(t.ranking.best, page.total, page.page, page.pages),
        t.rankingNote.best,
        [t.unit, t.rank],
        page.rows.map((r) => ({ ...r, key: r.unitId, rank: formatCount(r.rank, lang) })),
        false,
      ),
    );
  }
  if (warningCount > 0) {
    const shown = warnings.slice(0, Math.max(2, tableRowsThatFit(metrics.body, metrics.base) - 4));
    slides.push({
      key: 'quality',
      notesKey: 'quality',
      title: t.quality,
      extraNotes: '',
      body: () => (
        <div className="slide-list">
          <p>{t.qualityCount(formatCount(warningCount, lang))}</p>
          <ul>
            {shown.map((w) => (
              <li key={`${w.code}-${w.path}`}>{describeWarning(w, lang, names.get(w.unitId))}</li>
            ))}
          </ul>
        </div>
      ),
    });
  }
  slides.push({
    key: 'summary',
    notesKey: 'summary',
    title: t.summary,
    extraNotes: '',
    body: () => (
      <div className="slide-list">
        <ul>
          {figures.headline.groups.map((g) => {
            const label = g.kind === 'unit' ? g.label : LEVEL_LABEL[g.kind][lang];
            const c = g.current;
            return (
              <li key={g.kind}>
                <strong>{label}</strong>: {formatCount(c.total, lang)} {FIGURE_LABEL.total[lang].toLowerCase()};{' '}
                {formatCount(onTimeCount(c), lang)} {FIGURE_LABEL.onTime[lang].toLowerCase()} (
                {formatPercent(c.onTimeRate, lang)}); {formatCount(onlineCount(c), lang)}{' '}
                {lang === 'vi' ? 'trực tuyến' : 'online'} ({formatPercent(c.onlineRate, lang)});{' '}
                {c.pendingOverdue > 0 ? t.overdue(formatCount(c.pendingOverdue, lang)) : t.overdueNone};{' '}
                {FIGURE_LABEL.feesVnd[lang].toLowerCase()}{' '}
                {c.feesVnd === null ? NOT_REPORTED[lang] : formatVnd(c.feesVnd, lang)}.
              </li>
            );
          })}
        </ul>
      </div>
    ),
  });
  return slides;
}

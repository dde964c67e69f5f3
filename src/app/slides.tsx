import { type ReactNode, Suspense, useMemo } from 'react';
import { LazyChart } from '../components/charts/load-chart.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import type { LoadedDataset } from '../data/dataset-engine.ts';
import type { SlideKey } from '../domain/briefing.ts';
import { chartSpecs } from '../domain/chart-specs.ts';
import type { Selection } from '../domain/dashboard.ts';
import { formatCount, formatDate, formatPercent, formatRange, formatVnd, type Lang } from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_LABEL } from '../domain/labels.ts';
import { describeWarning } from '../domain/messages.ts';
import { onlineCount, onTimeCount } from '../domain/metrics.ts';
import { useAnswer } from './use-answer.ts';

/**
 * What the slides of a selection say: built from the same answers as the
 * dashboard (figures, chart specs, notes). presentation.tsx shows them one at
 * a time and handles keys, the counter and the presenter window.
 */

const TEXT = {
  vi: {
    headline: 'Số liệu chính',
    ranking: 'Xếp hạng các xã, thị trấn',
    rankingNote: (shown: number, all: number) =>
      `${shown} / ${all} đơn vị, xếp theo tỷ lệ đúng hạn rồi tỷ lệ trực tuyến`,
    quality: 'Chất lượng dữ liệu',
    qualityCount: (n: string) => `${n} cảnh báo: các số liệu dưới đây chưa khớp, cần đơn vị kiểm tra lại.`,
    summary: 'Tóm tắt',
    source: 'Nguồn',
    updated: 'Cập nhật',
    rank: 'Hạng',
    unit: 'Đơn vị',
    onTime: 'Tỷ lệ đúng hạn',
    online: 'Tỷ lệ trực tuyến',
    overdueNone: 'không có hồ sơ quá hạn',
    overdue: (n: string) => `${n} hồ sơ đang quá hạn`,
  },
  en: {
    headline: 'Headline figures',
    ranking: 'Ranking of communes and towns',
    rankingNote: (shown: number, all: number) => `${shown} of ${all} units, by on-time rate then online uptake`,
    quality: 'Data quality',
    qualityCount: (n: string) => `${n} warning(s): the figures below do not add up and need checking by the unit.`,
    summary: 'Summary',
    source: 'Source',
    updated: 'Updated',
    rank: 'Rank',
    unit: 'Unit',
    onTime: 'On-time rate',
    online: 'Online uptake',
    overdueNone: 'no overdue dossiers',
    overdue: (n: string) => `${n} dossiers overdue`,
  },
};

export interface Slide {
  key: string;
  notesKey: SlideKey;
  title: string;
  body: (height: number) => ReactNode;
}

/** Slides built from the current selection (null until its figures are known); the slide number lives in the URL. */
export function useSlides(loaded: LoadedDataset, selection: Selection, lang: Lang): Slide[] | null {
  const { meta: dataset, warnings, warningCount, engine } = loaded;
  const figures = useAnswer(engine, { kind: 'figures', selection }).data;
  return useMemo(() => {
    if (!figures) return null;
    const t = TEXT[lang];
    const unitName = selection.unitId ? (dataset.unitsById.get(selection.unitId)?.name ?? null) : null;
    const specs = chartSpecs(figures, unitName, lang).filter((s) => s.status === 'ready');
    const names = new Map(dataset.units.map((u) => [u.id, u.name]));
    const slides: Slide[] = [
      {
        key: 'title',
        notesKey: 'title',
        title: dataset.title,
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
        body: () => <HeadlineFigures headline={figures.headline} lang={lang} />,
      },
      ...specs.map(
        (spec): Slide => ({
          key: spec.id,
          notesKey: (spec.id.startsWith('unit-') ? 'headline' : spec.id) as SlideKey,
          title: spec.title,
          body: (height) => (
            <ErrorBoundary label={spec.title} lang={lang}>
              <p className="slide__description">{spec.description}</p>
              <div className="slide__chart" role="img" aria-label={`${spec.title}. ${spec.description}`}>
                <Suspense fallback={null}>
                  <LazyChart chart={spec.chart} lang={lang} height={height} />
                </Suspense>
              </div>
            </ErrorBoundary>
          ),
        }),
      ),
    ];
    const communes = figures.rows.filter((r) => r.level === 'commune');
    if (communes.length > 0) {
      const shown = communes.slice(0, 12);
      slides.push({
        key: 'ranking',
        notesKey: 'ranking',
        title: t.ranking,
        body: () => (
          <div className="slide-table">
            <p>{t.rankingNote(shown.length, communes.length)}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.rank}</th>
                  <th scope="col">{t.unit}</th>
                  <th scope="col">{t.onTime}</th>
                  <th scope="col">{t.online}</th>
                  <th scope="col">{FIGURE_LABEL.feesVnd[lang]}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r, i) => (
                  <tr key={r.unitId}>
                    <td>{i + 1}</td>
                    <th scope="row">{r.name}</th>
                    <td>
                      {r.belowOnTimeTarget ? '▼ ' : ''}
                      {formatPercent(r.totals.onTimeRate, lang)}
                    </td>
                    <td>
                      {r.belowOnlineTarget ? '▼ ' : ''}
                      {formatPercent(r.totals.onlineRate, lang)}
                    </td>
                    <td>{formatVnd(r.totals.feesVnd, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ),
      });
    }
    if (warnings.length > 0) {
      slides.push({
        key: 'quality',
        notesKey: 'quality',
        title: t.quality,
        body: () => (
          <div className="slide-list">
            <p>{t.qualityCount(formatCount(warningCount, lang))}</p>
            <ul>
              {warnings.slice(0, 6).map((w) => (
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
                  {FIGURE_LABEL.feesVnd[lang].toLowerCase()} {formatVnd(c.feesVnd, lang)}.
                </li>
              );
            })}
          </ul>
        </div>
      ),
    });
    return slides;
  }, [figures, dataset, warnings, warningCount, selection, lang]);
}

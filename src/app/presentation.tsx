import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { HeadlineFigures } from '../components/headline-figures.tsx';
import type { LoadedDataset } from '../data/fetch-dataset.ts';
import { type SlideKey, slideNotes } from '../domain/briefing.ts';
import { dashboardFigures, type Selection } from '../domain/dashboard.ts';
import { formatCount, formatDate, formatPercent, formatRange, formatVnd, type Lang } from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_LABEL } from '../domain/labels.ts';
import { describeWarning } from '../domain/messages.ts';
import { onlineCount, onTimeCount } from '../domain/metrics.ts';
import { chartSpecs } from './chart-specs.tsx';
import type { ResolvedView, UrlState } from './url-state.ts';
import './presentation.css';

const TEXT = {
  vi: {
    region: 'Trình chiếu',
    headline: 'Số liệu chính',
    ranking: 'Xếp hạng các xã, thị trấn',
    rankingNote: (shown: number, all: number) =>
      `${shown} / ${all} đơn vị, xếp theo tỷ lệ đúng hạn rồi tỷ lệ trực tuyến`,
    quality: 'Chất lượng dữ liệu',
    qualityCount: (n: string) => `${n} cảnh báo: các số liệu dưới đây chưa khớp, cần đơn vị kiểm tra lại.`,
    summary: 'Tóm tắt',
    source: 'Nguồn',
    updated: 'Cập nhật',
    illustrative: 'Số liệu minh hoạ, không phải số liệu thống kê chính thức',
    previous: 'Trang trước',
    next: 'Trang sau',
    exit: 'Thoát trình chiếu',
    presenter: 'Mở cửa sổ người trình bày',
    dark: 'Nền tối',
    light: 'Nền sáng',
    notes: 'Ghi chú cho người trình bày',
    current: 'Đang chiếu',
    upNext: 'Trang tiếp theo',
    end: 'Hết',
    rank: 'Hạng',
    unit: 'Đơn vị',
    keys: '← → PageUp PageDown Space: chuyển trang · Home End: đầu, cuối · Esc: thoát',
    onTime: 'Tỷ lệ đúng hạn',
    online: 'Tỷ lệ trực tuyến',
    overdueNone: 'không có hồ sơ quá hạn',
    overdue: (n: string) => `${n} hồ sơ đang quá hạn`,
  },
  en: {
    region: 'Presentation',
    headline: 'Headline figures',
    ranking: 'Ranking of communes and towns',
    rankingNote: (shown: number, all: number) => `${shown} of ${all} units, by on-time rate then online uptake`,
    quality: 'Data quality',
    qualityCount: (n: string) => `${n} warning(s): the figures below do not add up and need checking by the unit.`,
    summary: 'Summary',
    source: 'Source',
    updated: 'Updated',
    illustrative: 'Illustrative figures, not official statistics',
    previous: 'Previous slide',
    next: 'Next slide',
    exit: 'Leave the presentation',
    presenter: 'Open the presenter window',
    dark: 'Dark background',
    light: 'Light background',
    notes: 'Speaker notes',
    current: 'On screen',
    upNext: 'Next slide',
    end: 'End',
    rank: 'Rank',
    unit: 'Unit',
    keys: '← → PageUp PageDown Space: change slide · Home End: first, last · Esc: leave',
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

const CHANNEL = 'tthc-presentation';

export interface PresentationProps {
  loaded: LoadedDataset;
  view: ResolvedView;
  urlState: UrlState;
  lang: Lang;
  navigate: (next: Partial<UrlState>, options?: { replace?: boolean }) => void;
}

/** Slides built from the current selection; the slide number lives in the URL. */
export function useSlides(loaded: LoadedDataset, selection: Selection, lang: Lang): Slide[] {
  const { index, dataset, warnings } = loaded;
  return useMemo(() => {
    const t = TEXT[lang];
    const figures = dashboardFigures(index, selection);
    const unitName = selection.unitId ? (index.unitsById.get(selection.unitId)?.name ?? null) : null;
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
                {spec.render({ height })}
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
            <p>{t.qualityCount(formatCount(warnings.length, lang))}</p>
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
  }, [index, dataset, warnings, selection, lang]);
}

function useViewportHeight(): number {
  const [h, setH] = useState(() => window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

export function Presentation({ loaded, view, urlState, lang, navigate }: PresentationProps) {
  const t = TEXT[lang];
  const selection = useMemo<Selection>(
    () => ({ range: view.range, level: view.level, unitId: view.unitId, field: null }),
    [view.range, view.level, view.unitId],
  );
  const slides = useSlides(loaded, selection, lang);
  const notes = useMemo(() => slideNotes(loaded.index, selection, lang), [loaded.index, selection, lang]);
  const count = slides.length;
  const current = Math.min(Math.max(urlState.slide, 1), count);
  const slide = slides[current - 1] as Slide;
  const presenter = urlState.view === 'presenter';
  const height = useViewportHeight();
  const channel = useRef<BroadcastChannel | null>(null);

  // The slide shown, read at the moment a key is pressed: effects re-register listeners only after
  // paint, and a quick second key must not act on the slide before last.
  const currentRef = useRef(current);
  currentRef.current = current;
  const go = useCallback(
    (n: number, fromPeer = false) => {
      const next = Math.min(Math.max(n, 1), count);
      if (next === currentRef.current) return;
      currentRef.current = next;
      navigate({ slide: next }, { replace: true });
      if (!fromPeer) channel.current?.postMessage({ slide: next });
    },
    [count, navigate],
  );

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const c = new BroadcastChannel(CHANNEL);
    channel.current = c;
    return () => {
      c.close();
      channel.current = null;
    };
  }, []);
  useEffect(() => {
    const c = channel.current;
    if (!c) return;
    c.onmessage = (e: MessageEvent<{ slide?: number }>) => {
      if (typeof e.data?.slide === 'number') go(e.data.slide, true);
    };
  }, [go]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      // Space and Enter on a focused button belong to the button.
      if (target?.closest('button, select, input, a') && (e.key === ' ' || e.key === 'Enter')) return;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
        case ' ':
          e.preventDefault();
          go(currentRef.current + 1);
          break;
        case 'ArrowLeft':
        case 'PageUp':
          e.preventDefault();
          go(currentRef.current - 1);
          break;
        case 'Home':
          e.preventDefault();
          go(1);
          break;
        case 'End':
          e.preventDefault();
          go(count);
          break;
        case 'Escape':
          navigate({ view: null, slide: 1, theme: null });
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, count, navigate]);

  // In full screen the browser keeps Esc for itself and only leaves full screen; leave the slides with it.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) navigate({ view: null, slide: 1, theme: null });
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [navigate]);

  // Swipes on touch screens: a mostly horizontal move of at least 50 px.
  const start = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (e: React.PointerEvent) => {
    start.current = { x: e.clientX, y: e.clientY };
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const s = start.current;
    start.current = null;
    if (!s) return;
    const dx = e.clientX - s.x;
    const dy = e.clientY - s.y;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > Math.abs(dy) * 1.5)
      go(dx < 0 ? currentRef.current + 1 : currentRef.current - 1);
  };

  const illustrative = loaded.dataset.illustrative === true;
  const period = formatRange(view.range, lang);
  const counter = `${current} / ${count}`;
  const themeClass = urlState.theme === 'dark' ? 'presentation--dark' : 'presentation--light';
  const controls = (
    <div className="presentation__controls">
      <button type="button" onClick={() => go(current - 1)} disabled={current === 1}>
        ← {t.previous}
      </button>
      <button type="button" onClick={() => go(current + 1)} disabled={current === count}>
        {t.next} →
      </button>
      <button
        type="button"
        onClick={() => navigate({ theme: urlState.theme === 'dark' ? null : 'dark' }, { replace: true })}
      >
        {urlState.theme === 'dark' ? t.light : t.dark}
      </button>
      {!presenter && (
        <button
          type="button"
          onClick={() => {
            const url = new URL(window.location.href);
            url.searchParams.set('view', 'presenter');
            window.open(url.toString(), 'tthc-presenter', 'noopener=no,width=900,height=700');
          }}
        >
          {t.presenter}
        </button>
      )}
      <button type="button" onClick={() => navigate({ view: null, slide: 1, theme: null })}>
        {t.exit}
      </button>
    </div>
  );

  if (presenter) {
    const nextSlide = slides[current];
    return (
      <div className={`presenter ${themeClass}`}>
        <header className="presenter__head">
          <p className="presenter__counter" aria-live="polite">
            {counter}
          </p>
          <p>
            {t.current}: <strong>{slide.title}</strong>
          </p>
          <p>
            {t.upNext}: {nextSlide ? nextSlide.title : t.end}
          </p>
        </header>
        <section className="presenter__notes" aria-labelledby="presenter-notes">
          <h2 id="presenter-notes">{t.notes}</h2>
          {(notes[slide.notesKey] ?? '').split('\n\n').map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
        {controls}
        <p className="presenter__keys">{t.keys}</p>
      </div>
    );
  }

  return (
    <section
      className={`presentation ${themeClass}`}
      aria-roledescription={lang === 'vi' ? 'trình chiếu' : 'slides'}
      aria-label={t.region}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
    >
      <section className="slide" aria-roledescription={lang === 'vi' ? 'trang chiếu' : 'slide'} aria-label={counter}>
        {slide.key !== 'title' && <h2 className="slide__heading">{slide.title}</h2>}
        <div className="slide__body">{slide.body(Math.max(260, Math.round(height * 0.62)))}</div>
      </section>
      <footer className="presentation__footer">
        <span className="presentation__period">{period}</span>
        {illustrative && <span className="presentation__illustrative">⚠ {t.illustrative}</span>}
        <span className="presentation__counter" aria-live="polite">
          {counter}
        </span>
      </footer>
      {controls}
    </section>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LoadingState } from '../components/load-states.tsx';
import type { LoadedDataset } from '../data/dataset-engine.ts';
import type { Selection } from '../domain/dashboard.ts';
import { formatRange, type Lang } from '../domain/format.ts';
import { slideMetrics } from '../domain/slide-plan.ts';
import { broadcastLink, type SlideLink, windowLink } from './slide-link.ts';
import { useSlides } from './slides.tsx';
import type { ResolvedView, UrlState } from './url-state.ts';
import { useAnswer } from './use-answer.ts';
import './presentation.css';

const TEXT = {
  vi: {
    region: 'Trình chiếu',
    illustrative: 'Số liệu minh hoạ, không phải số liệu thống kê chính thức',
    previous: 'Trang trước',
    previousShort: 'Trước',
    next: 'Trang sau',
    nextShort: 'Sau',
    exit: 'Thoát trình chiếu',
    exitShort: 'Thoát',
    presenter: 'Mở cửa sổ người trình bày',
    presenterShort: 'Người trình bày',
    dark: 'Nền tối',
    light: 'Nền sáng',
    notes: 'Ghi chú cho người trình bày',
    current: 'Đang chiếu',
    upNext: 'Trang tiếp theo',
    end: 'Hết',
    keys: '← → PageUp PageDown Space: chuyển trang · Home End: đầu, cuối · Esc: thoát',
    deckKeys: '← → PageUp PageDown Space: chuyển trang · Home End: đầu, cuối',
    download: 'Tải bản trình chiếu (một tệp)',
    downloadShort: 'Tải bản trình chiếu',
    downloading: 'Đang tạo bản trình chiếu…',
    downloadFailed: (why: string) => `Không tạo được bản trình chiếu: ${why}`,
  },
  en: {
    region: 'Presentation',
    illustrative: 'Illustrative figures, not official statistics',
    previous: 'Previous slide',
    previousShort: 'Previous',
    next: 'Next slide',
    nextShort: 'Next',
    exit: 'Leave the presentation',
    exitShort: 'Leave',
    presenter: 'Open the presenter window',
    presenterShort: 'Presenter',
    dark: 'Dark background',
    light: 'Light background',
    notes: 'Speaker notes',
    current: 'On screen',
    upNext: 'Next slide',
    end: 'End',
    keys: '← → PageUp PageDown Space: change slide · Home End: first, last · Esc: leave',
    deckKeys: '← → PageUp PageDown Space: change slide · Home End: first, last',
    download: 'Download the deck (one file)',
    downloadShort: 'Download the deck',
    downloading: 'Making the deck…',
    downloadFailed: (why: string) => `The deck could not be made: ${why}`,
  },
};

export interface PresentationProps {
  loaded: LoadedDataset;
  view: ResolvedView;
  urlState: UrlState;
  lang: Lang;
  navigate: (next: Partial<UrlState>, options?: { replace?: boolean }) => void;
  /**
   * Shown from an offline deck file (src/app/deck-app.tsx): there is no
   * dashboard to leave to and no site to make a deck from, and the presenter
   * window is reached through window references (slide-link.ts).
   */
  inDeck?: boolean;
}

/** The screen's size, followed as it changes (a projector plugged in, a window resized). */
function useViewportSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const on = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

export function Presentation({ loaded, view, urlState, lang, navigate, inDeck = false }: PresentationProps) {
  const t = TEXT[lang];
  const selection = useMemo<Selection>(
    () => ({
      range: view.range,
      level: view.level,
      unitId: view.unitId,
      field: view.field,
      compare: view.compare,
      targets: view.targets,
    }),
    [view.range, view.level, view.unitId, view.field, view.compare, view.targets],
  );
  const viewport = useViewportSize();
  const metrics = useMemo(() => slideMetrics(viewport.width, viewport.height), [viewport.width, viewport.height]);
  const slides = useSlides(loaded, selection, lang, metrics) ?? [];
  const notes = useAnswer(loaded.engine, { kind: 'notes', selection, lang }).data ?? null;
  const count = slides.length;
  const current = Math.min(Math.max(urlState.slide, 1), Math.max(count, 1));
  const slide = slides[current - 1];
  const presenter = urlState.view === 'presenter';
  const link = useRef<SlideLink | null>(null);

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
      if (!fromPeer) link.current?.send(next);
    },
    [count, navigate],
  );

  useEffect(() => {
    const l = inDeck ? windowLink() : broadcastLink();
    link.current = l;
    return () => {
      l.close();
      link.current = null;
    };
  }, [inDeck]);
  useEffect(() => link.current?.listen((n) => go(n, true)), [go]);

  const leave = useCallback(() => {
    if (!inDeck) navigate({ view: null, slide: 1, theme: null });
  }, [inDeck, navigate]);

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
          leave();
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, count, leave]);

  // In full screen the browser keeps Esc for itself and only leaves full screen; leave the slides with it.
  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement) leave();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [leave]);

  const [making, setMaking] = useState<'idle' | 'busy' | { failed: string }>('idle');
  const makeDeck = () => {
    setMaking('busy');
    import('./deck-download.ts')
      .then((m) => m.downloadDeck(loaded, selection, lang))
      .then(() => setMaking('idle'))
      .catch((e: unknown) => setMaking({ failed: e instanceof Error ? e.message : String(e) }));
  };

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

  const illustrative = loaded.meta.illustrative === true;
  const period = formatRange(view.range, lang);
  const counter = `${current} / ${count}`;
  const themeClass = urlState.theme === 'dark' ? 'presentation--dark' : 'presentation--light';
  const controls = (
    <div className="presentation__controls">
      {/* Short words on the audience's screen, the whole name for assistive technology. */}
      <button type="button" onClick={() => go(current - 1)} disabled={current === 1} aria-label={t.previous}>
        ← {t.previousShort}
      </button>
      <button type="button" onClick={() => go(current + 1)} disabled={current === count} aria-label={t.next}>
        {t.nextShort} →
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
          onClick={() => link.current?.openPresenter({ slide: current, theme: urlState.theme })}
          aria-label={t.presenter}
        >
          {t.presenterShort}
        </button>
      )}
      {!presenter && !inDeck && (
        <button type="button" onClick={makeDeck} disabled={making === 'busy'} aria-label={t.download}>
          {making === 'busy' ? t.downloading : t.downloadShort}
        </button>
      )}
      {!inDeck && (
        <button type="button" onClick={leave} aria-label={t.exit}>
          {t.exitShort}
        </button>
      )}
      {typeof making === 'object' && <p role="alert">{t.downloadFailed(making.failed)}</p>}
    </div>
  );

  if (!slide) return <LoadingState lang={lang} />;

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
          {[notes?.[slide.notesKey] ?? '', slide.extraNotes]
            .join('\n\n')
            .split('\n\n')
            .filter((p) => p.trim() !== '')
            .map((p) => (
              <p key={p}>{p}</p>
            ))}
        </section>
        {controls}
        <p className="presenter__keys">{inDeck ? t.deckKeys : t.keys}</p>
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
        <div className="slide__body">{slide.body()}</div>
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

/**
 * How the audience screen and the presenter window keep to the same slide.
 * The served page uses a BroadcastChannel (any window of the site, even one
 * opened by hand). An offline deck opened from a file has an opaque origin,
 * and two such windows may not share a channel, so the deck talks through the
 * window references it has: the presenter window it opened, and its opener.
 */
export interface SlideLink {
  /** Tells the other windows the slide shown here. */
  send(slide: number): void;
  /** Calls `on` with each slide another window moved to; returns the function that stops listening. */
  listen(on: (slide: number) => void): () => void;
  /** Opens the presenter window on this slide and theme. */
  openPresenter(at: { slide: number; theme: 'dark' | null }): void;
  close(): void;
}

const CHANNEL = 'tthc-presentation';
const PRESENTER_WINDOW = 'tthc-presenter';
const PRESENTER_FEATURES = 'noopener=no,width=900,height=700';

function slideOf(data: unknown): number | null {
  const slide = (data as { slide?: unknown } | null)?.slide;
  return typeof slide === 'number' && Number.isInteger(slide) ? slide : null;
}

/** The served page: the presenter window is the page with view=presenter in its query. */
export function broadcastLink(): SlideLink {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  return {
    send: (slide) => channel?.postMessage({ slide }),
    listen: (on) => {
      if (!channel) return () => undefined;
      const handler = (e: MessageEvent) => {
        const slide = slideOf(e.data);
        if (slide !== null) on(slide);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    openPresenter: () => {
      // The URL already holds the slide and the theme.
      const url = new URL(window.location.href);
      url.searchParams.set('view', 'presenter');
      window.open(url.toString(), PRESENTER_WINDOW, PRESENTER_FEATURES);
    },
    close: () => channel?.close(),
  };
}

const DECK_MESSAGE = 'tthc-deck-slide';

/**
 * The offline deck: the presenter window is the same file with
 * `#view=presenter&slide=N` (a hash, which a file:// address keeps), and the
 * two windows post each other the slide. Only messages from those two
 * windows are heeded.
 */
export function windowLink(): SlideLink {
  const peers = new Set<Window>();
  const opener = window.opener as Window | null;
  if (opener) peers.add(opener);
  return {
    send: (slide) => {
      for (const peer of peers) {
        if (peer.closed) peers.delete(peer);
        // A file:// page has an opaque origin ("null"), which no target origin but "*" matches; a slide number is no secret.
        else peer.postMessage({ type: DECK_MESSAGE, slide }, '*');
      }
    },
    listen: (on) => {
      const handler = (e: MessageEvent) => {
        if (!peers.has(e.source as Window) || (e.data as { type?: unknown } | null)?.type !== DECK_MESSAGE) return;
        const slide = slideOf(e.data);
        if (slide !== null) on(slide);
      };
      window.addEventListener('message', handler);
      return () => window.removeEventListener('message', handler);
    },
    openPresenter: ({ slide, theme }) => {
      const hash = new URLSearchParams({ view: 'presenter', slide: String(slide) });
      if (theme) hash.set('theme', theme);
      const url = `${window.location.href.split('#')[0]}#${hash}`;
      const presenter = window.open(url, PRESENTER_WINDOW, PRESENTER_FEATURES);
      if (presenter) peers.add(presenter);
    },
    close: () => peers.clear(),
  };
}

/** The deck's view as its address's hash gives it (the presenter window is opened with one). */
export function deckViewFromHash(hash: string): { view: 'present' | 'presenter'; slide: number; theme: 'dark' | null } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const slide = params.get('slide') ?? '';
  return {
    view: params.get('view') === 'presenter' ? 'presenter' : 'present',
    slide: /^[1-9]\d{0,3}$/.test(slide) ? Number(slide) : 1,
    theme: params.get('theme') === 'dark' ? 'dark' : null,
  };
}

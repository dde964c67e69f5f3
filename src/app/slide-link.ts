/**
 * How the audience screen and the presenter window keep to the same slide.
 * The served page uses a BroadcastChannel (any window of the site, even one
 * opened by hand). An offline deck opened from a file has an opaque origin,
 * and two such windows may not share a channel, so the deck talks through the
 * window references it has: the presenter window it opened, and its opener.
 */
/** The audience screen's size in CSS px: the slides are planned for it, in the presenter window too. */
export interface Screen {
  width: number;
  height: number;
}

/**
 * What the windows tell each other: the slide shown, the audience screen's
 * size (the presenter window plans the same slides, so its counter and notes
 * match what the hall sees), or, from a presenter window that has just
 * opened, a greeting asking for both.
 */
export interface LinkMessage {
  slide?: number;
  screen?: Screen;
  hello?: true;
}

export interface SlideLink {
  /** Tells the other windows. */
  send(message: LinkMessage): void;
  /** Calls `on` with each message of another window; returns the function that stops listening. */
  listen(on: (message: LinkMessage) => void): () => void;
  /** Opens the presenter window on this slide and theme, planned for this screen. */
  openPresenter(at: { slide: number; theme: 'dark' | null; screen: Screen }): void;
  close(): void;
}

const CHANNEL = 'tthc-presentation';
const PRESENTER_WINDOW = 'tthc-presenter';
const PRESENTER_FEATURES = 'noopener=no,width=900,height=700';

function isScreen(x: unknown): x is Screen {
  const s = x as Partial<Screen> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    Number.isInteger(s.width) &&
    Number.isInteger(s.height) &&
    (s.width as number) > 0 &&
    (s.height as number) > 0
  );
}

/** A message as another window sent it, keeping only what has the right form. */
function messageOf(data: unknown): LinkMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const message: LinkMessage = {};
  if (typeof d.slide === 'number' && Number.isInteger(d.slide)) message.slide = d.slide;
  if (isScreen(d.screen)) message.screen = { width: d.screen.width, height: d.screen.height };
  if (d.hello === true) message.hello = true;
  return Object.keys(message).length > 0 ? message : null;
}

/** The hash a presenter window is opened with: the audience screen's size, and in a deck the view, slide and theme. */
function presenterHash(screen: Screen, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...extra, screen: `${screen.width}x${screen.height}` }).toString();
}

/** The served page: the presenter window is the page with view=presenter in its query. */
export function broadcastLink(): SlideLink {
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  return {
    send: (message) => channel?.postMessage(message),
    listen: (on) => {
      if (!channel) return () => undefined;
      const handler = (e: MessageEvent) => {
        const message = messageOf(e.data);
        if (message) on(message);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    openPresenter: ({ screen }) => {
      // The query already holds the slide and the theme; the hash gives the screen, which the query does not know.
      const url = new URL(window.location.href);
      url.searchParams.set('view', 'presenter');
      url.hash = presenterHash(screen);
      window.open(url.toString(), PRESENTER_WINDOW, PRESENTER_FEATURES);
    },
    close: () => channel?.close(),
  };
}

const DECK_MESSAGE = 'tthc-deck-slide';

/**
 * The offline deck: the presenter window is the same file with
 * `#view=presenter&slide=N&screen=WxH` (a hash, which a file:// address keeps), and the
 * two windows post each other the slide. Only messages from those two
 * windows are heeded.
 */
export function windowLink(): SlideLink {
  const peers = new Set<Window>();
  const opener = window.opener as Window | null;
  if (opener) peers.add(opener);
  return {
    send: (message) => {
      for (const peer of peers) {
        if (peer.closed) peers.delete(peer);
        // A file:// page has an opaque origin ("null"), which no target origin but "*" matches; a slide number is no secret.
        else peer.postMessage({ ...message, type: DECK_MESSAGE }, '*');
      }
    },
    listen: (on) => {
      const handler = (e: MessageEvent) => {
        if (!peers.has(e.source as Window) || (e.data as { type?: unknown } | null)?.type !== DECK_MESSAGE) return;
        const message = messageOf(e.data);
        if (message) on(message);
      };
      window.addEventListener('message', handler);
      return () => window.removeEventListener('message', handler);
    },
    openPresenter: ({ slide, theme, screen }) => {
      const hash = presenterHash(screen, {
        view: 'presenter',
        slide: String(slide),
        ...(theme ? { theme } : {}),
      });
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

/** The audience screen a presenter window was opened for (`screen=WxH` in its hash), or null. */
export function screenFromHash(hash: string): Screen | null {
  const match = /^([1-9]\d{1,4})x([1-9]\d{1,4})$/.exec(new URLSearchParams(hash.replace(/^#/, '')).get('screen') ?? '');
  return match ? { width: Number(match[1]), height: Number(match[2]) } : null;
}

import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed, for the parts that print differently from what the screen shows:
 * every chart drawn (not only those near the viewport), at the paper's width, the ranking laggards first.
 *
 * The browser lays the page out for paper as soon as its `beforeprint` listeners return; an update React
 * would render a task later misses the paper. So the change is rendered at once (flushSync), in the
 * listener itself. `afterprint` puts the screen back. A print stylesheet applied without a print (the
 * print emulation of the browser's developer tools, or of a test) is followed through matchMedia.
 */

/**
 * The width a chart is drawn at on paper, in CSS pixels: A4 (210 mm) less the page's margins (12 mm each
 * side, `@page` in src/app/print.css) is 186 mm, 703 px at 96 px to the inch. A narrower paper scales the
 * drawing down (print.css fits it to the page's width) rather than cutting it.
 */
export const PRINT_CHART_WIDTH = 703;

/** Text in a chart on paper, in CSS px: 7.5 pt, against 12 px on screen. A chart by unit's rows follow it. */
export const PRINT_TEXT_SIZE = 9;

/** A chart by month on paper is this share of its height on screen: at the paper's width it still reads. */
export const PRINT_HEIGHT_SHARE = 0.5;

let printing = false;
const listeners = new Set<() => void>();

function setPrinting(next: boolean): void {
  if (printing === next) return;
  printing = next;
  flushSync(() => {
    for (const listener of listeners) listener();
  });
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => setPrinting(true));
  window.addEventListener('afterprint', () => setPrinting(false));
  window.matchMedia?.('print').addEventListener?.('change', (e) => setPrinting(e.matches));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while the page is printed (between `beforeprint` and `afterprint`, or under print media). */
export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing,
    () => false,
  );
}

import { type RefObject, useEffect, useState } from 'react';
import { usePrinting } from './print-mode.ts';

/**
 * Charts take turns to draw: one, then a painted frame, then the next, the
 * ones on screen first. Drawn all at once, the charts that come near the
 * viewport together held the page for over a second on a slow laptop, and
 * the one the reader is looking at waited for all the others.
 */
interface Waiting {
  grant: () => void;
  element: Element | null;
}

const waiting: Waiting[] = [];
let pumping = false;

/** How far an element is from the visible part of the page: 0 when on screen. */
function distance(element: Element | null): number {
  if (!element || typeof window === 'undefined') return 0;
  const box = element.getBoundingClientRect();
  if (box.bottom < 0) return -box.bottom;
  if (box.top > window.innerHeight) return box.top - window.innerHeight;
  return 0;
}

function afterPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

function pump(): void {
  if (waiting.length === 0) {
    pumping = false;
    return;
  }
  pumping = true;
  // The nearest to the screen goes first, measured now: the reader may have scrolled meanwhile.
  let best = 0;
  for (let i = 1; i < waiting.length; i++) {
    if (distance(waiting[i]?.element ?? null) < distance(waiting[best]?.element ?? null)) best = i;
  }
  const [next] = waiting.splice(best, 1);
  next?.grant();
  afterPaint(pump);
}

function flushAll(): void {
  for (const w of waiting.splice(0)) w.grant();
}

if (typeof window !== 'undefined') window.addEventListener('beforeprint', flushAll);

/**
 * True once this element's turn has come (after `ready`); until then its frame keeps its height.
 * On paper every chart's turn has come: the page is printed as it is when `beforeprint` returns.
 */
export function useTurn(ready: boolean, ref: RefObject<Element | null>): boolean {
  const [granted, setGranted] = useState(false);
  const printing = usePrinting();
  useEffect(() => {
    if (!ready || granted) return;
    const entry: Waiting = { grant: () => setGranted(true), element: ref.current };
    waiting.push(entry);
    // Started a task later, so every chart of the same render is waiting and the nearest can go first.
    if (!pumping) {
      pumping = true;
      setTimeout(pump, 0);
    }
    return () => {
      const at = waiting.indexOf(entry);
      if (at >= 0) waiting.splice(at, 1);
    };
  }, [ready, granted, ref]);
  return granted || (ready && printing);
}

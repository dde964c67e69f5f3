/**
 * Moves a page's time on when, and only when, the page is waiting on a timer of its own: TanStack
 * Query's retry back-off (1 s, then 2 s) and the dataset request's 30-second time-out are
 * setTimeout calls, so a test need not sit through them in real time.
 *
 * Playwright's clock (`context.clock.install()`) replaces the page's timers, Date and
 * performance.now with a clock that keeps following real time; on top of it the page's
 * setTimeout is watched (an init script), and the test jumps the clock to the moment the
 * earliest long timer is due, one timer at a time, never while nothing of that length is pending.
 * Everything else keeps its real pace: the network, rendering, short timers. So a request in
 * flight is never timed out by the test (its 30 s timer is jumped only when the test says timers
 * that long may be), and a test that counts attempts still sees every one the page makes.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Timers at least this long are jumped; shorter ones run in real time. */
const LONG_TIMER_MS = 500;

interface Watched {
  __pageTime: {
    /** Milliseconds until the earliest pending timer set for at most `longest` ms is due, or null. */
    next(longest: number): number | null;
  };
}

export interface PageTime {
  /**
   * Jumps `page`'s clock past each timer of at most `longest` ms it sets, until `until` settles,
   * and returns the milliseconds jumped. Fails (rather than running on) once more than `atMost`
   * ms would have been jumped.
   */
  skipWaits(page: Page, until: Promise<unknown>, options: { longest: number; atMost: number }): Promise<number>;
}

/** Installs the clock and the timer watch in `context`; call it before the context opens a page. */
export async function controlTime(context: BrowserContext): Promise<PageTime> {
  let timersSet = 0;
  let wake: (() => void) | undefined;
  await context.exposeBinding('__pageTimeTimerSet', () => {
    timersSet += 1;
    wake?.();
  });
  await context.clock.install();
  // After the clock's own init script, so the setTimeout wrapped here is the clock's.
  await context.addInitScript((threshold: number) => {
    const w = window as unknown as Window & Watched & { __pageTimeTimerSet?: () => Promise<void> };
    const pending = new Map<number, { due: number; delay: number }>();
    const set = window.setTimeout;
    const clear = window.clearTimeout;
    const clearInterval = window.clearInterval;
    w.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const ms = Number(delay) || 0;
      if (typeof handler !== 'function' || ms < threshold) return set(handler, delay, ...args);
      const id = set(
        (...a: unknown[]) => {
          pending.delete(id);
          handler(...a);
        },
        delay,
        ...args,
      );
      pending.set(id, { due: performance.now() + ms, delay: ms });
      void w.__pageTimeTimerSet?.();
      return id;
    }) as typeof window.setTimeout;
    w.clearTimeout = (id?: number) => {
      if (id !== undefined) pending.delete(id);
      clear(id);
    };
    // clearInterval clears a timeout too.
    w.clearInterval = (id?: number) => {
      if (id !== undefined) pending.delete(id);
      clearInterval(id);
    };
    w.__pageTime = {
      next: (longest) => {
        const now = performance.now();
        let due = Number.POSITIVE_INFINITY;
        for (const [id, timer] of pending) {
          // The clock fires a due timer within a tenth of a second; one overdue by a second was
          // cleared in a way not watched here (say, from another frame), and is forgotten.
          if (timer.due < now - 1000) pending.delete(id);
          else if (timer.delay <= longest) due = Math.min(due, timer.due);
        }
        return Number.isFinite(due) ? Math.max(0, due - now) : null;
      },
    };
  }, LONG_TIMER_MS);

  return {
    async skipWaits(page, until, { longest, atMost }) {
      let settled = false;
      const done = until.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      let jumped = 0;
      while (!settled) {
        const seen = timersSet;
        const wait = await page.evaluate((l) => {
          const watch = (window as unknown as Partial<Watched>).__pageTime;
          return watch ? watch.next(l) : 'not installed';
        }, longest);
        if (wait === 'not installed') {
          // Say so plainly: the page would otherwise wait out every timer in real time.
          throw new Error('the timer watch is not in this page: call controlTime(context) before the context opens it');
        }
        if (wait !== null) {
          if (jumped + wait > atMost) {
            throw new Error(`the page is still waiting after ${Math.round((jumped + wait) / 1000)} s of its time`);
          }
          // runFor fires every timer due on the way, in order, as if the time had passed.
          await context.clock.runFor(Math.ceil(wait));
          jumped += Math.ceil(wait);
          continue;
        }
        // Nothing long is pending: the page is working or on the network. Wait for it, not for time.
        await Promise.race([
          done,
          new Promise<void>((resolve) => {
            wake = resolve;
            if (timersSet !== seen) resolve();
          }),
        ]);
        wake = undefined;
      }
      await until;
      return jumped;
    },
  };
}

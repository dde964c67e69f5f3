import type { Page } from 'playwright-core';
import { COMPOSITOR_STALL } from './compositor-stall.ts';

/** Longest a page may take to paint two frames after a scroll before the test says so. */
const FRAME_TIMEOUT_MS = 10_000;
/** More screens than any page of this dashboard has; past it the page is taken to grow without end. */
const MAX_SCREENS = 200;

/**
 * Scrolls down a screen at a time, as a reader does, letting the page paint after each step (a
 * chart is drawn when it comes within a screen of the window), then waits until every chart frame
 * holds its chart (or the sentence that stands for it) or says why it has none. Each step is bounded, and so is their number, so a page
 * that stops painting, a window with no height or a chart that never comes is named in the failure
 * rather than left to the test's time-out.
 */
export async function scrollThrough(page: Page): Promise<void> {
  for (let screen = 0; ; screen++) {
    const scrolled = page.evaluate(async (n) => {
      const height = window.innerHeight;
      window.scrollTo(0, n * height);
      await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
      return { height, bottom: document.documentElement.scrollHeight };
    }, screen);
    const painted = await within(scrolled, FRAME_TIMEOUT_MS);
    if (painted === TIMED_OUT) throw await noFrame(page, screen);
    const { height, bottom } = painted;
    if (height <= 0) throw new Error(`the window has no height (innerHeight ${height}), so scrolling cannot move`);
    if ((screen + 1) * height >= bottom) break;
    if (screen >= MAX_SCREENS) throw new Error(`still not at the bottom after ${MAX_SCREENS} screens (${bottom} px)`);
  }
  const areas = page.locator('.chart-frame__area');
  const count = await areas.count();
  for (let i = 0; i < count; i++) {
    await areas.nth(i).locator('svg, .chart-fallback, .chart-statement').first().waitFor({ state: 'attached' });
  }
}

const TIMED_OUT = Symbol('timed out');

async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work,
    new Promise<typeof TIMED_OUT>((done) => (timer = setTimeout(() => done(TIMED_OUT), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Why no frame came. If the page's own work were stuck (a loop that never ends), no timer would run either;
 * if timers run and frames do not, Chromium has stopped producing frames for the page (decision 0018).
 */
async function noFrame(page: Page, screen: number): Promise<Error> {
  const timers = await within(
    page.evaluate(() => new Promise<string>((ran) => setTimeout(() => ran('ran'), 0))).catch(() => 'failed'),
    TIMER_CHECK_MS,
  );
  if (timers !== 'ran') {
    return new Error(
      `the page painted no frame within ${FRAME_TIMEOUT_MS} ms of scrolling to screen ${screen}, and no timer ran within ${TIMER_CHECK_MS} ms either: its script is stuck`,
    );
  }
  const message = `${COMPOSITOR_STALL}: its timers run, but no animation frame came within ${FRAME_TIMEOUT_MS} ms of scrolling to screen ${screen}`;
  // Said where CI prints it even when the retry passes, so how often it happens stays visible.
  console.warn(`${message} (the test is run again once on fresh pages; decision 0018)`);
  return new Error(message);
}

/** How long a timer may take to run on a page that is not stuck. */
const TIMER_CHECK_MS = 5_000;

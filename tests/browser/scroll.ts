import type { Page } from 'playwright-core';

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
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { height, bottom } = await Promise.race([
      scrolled,
      new Promise<never>((_, fail) => {
        timer = setTimeout(
          () =>
            fail(new Error(`the page painted no frame within ${FRAME_TIMEOUT_MS} ms of scrolling to screen ${screen}`)),
          FRAME_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
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

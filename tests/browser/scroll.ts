import type { Page } from 'playwright-core';

/** Longest a page may take to paint two frames after a scroll before the test says so. */
const FRAME_TIMEOUT_MS = 10_000;

/**
 * Scrolls down a screen at a time, as a reader does, letting the page paint after each step (a
 * chart is drawn when it comes within a screen of the window), then waits until every chart frame
 * holds its chart or says why it has none. Each step is bounded, so a page that stops painting or
 * a chart that never comes is named in the failure rather than left to the test's time-out.
 */
export async function scrollThrough(page: Page): Promise<void> {
  for (let step = 0; ; step++) {
    const scrolled = page.evaluate(async (n) => {
      window.scrollTo(0, n * window.innerHeight);
      await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
      return n * window.innerHeight < document.documentElement.scrollHeight - window.innerHeight;
    }, step);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const more = await Promise.race([
      scrolled,
      new Promise<never>((_, fail) => {
        timer = setTimeout(
          () =>
            fail(new Error(`the page painted no frame within ${FRAME_TIMEOUT_MS} ms of scrolling to screen ${step}`)),
          FRAME_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if (!more) break;
  }
  const areas = page.locator('.chart-frame__area');
  const count = await areas.count();
  for (let i = 0; i < count; i++) {
    await areas.nth(i).locator('svg, .chart-fallback').first().waitFor({ state: 'attached' });
  }
}

import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { BUDGETS, formatReport, kb, measure } from '../../scripts/check-budget.ts';
import { type ChromiumSession, test } from './fixture.ts';

/**
 * The size budget (scripts/check-budget.ts) on the build the browser project
 * has just made, and a check that its static reading of the build matches
 * what Chromium really fetches before the first chart is drawn.
 */

interface Probe {
  firstChart: number | null;
  shifts: { value: number; time: number; nodes: string[] }[];
}

/**
 * Installed before any page script runs: notes the moment the first chart's
 * SVG enters the DOM, and every layout shift not caused by input.
 */
function installProbe(): void {
  const probe: Probe = { firstChart: null, shifts: [] };
  (window as unknown as { __probe: Probe }).__probe = probe;
  const observer = new MutationObserver(() => {
    if (probe.firstChart === null && document.querySelector('.recharts-surface')) {
      probe.firstChart = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = entry as PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      };
      if (shift.hadRecentInput) continue;
      const nodes = (shift.sources ?? []).map((s) => {
        const el = s.node instanceof Element ? s.node : s.node?.parentElement;
        return el ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}` : '?';
      });
      probe.shifts.push({ value: shift.value, time: shift.startTime, nodes });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

async function openWithProbe(chromium: ChromiumSession, baseUrl: string): Promise<Page> {
  const context = await chromium.newContext();
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  await page.goto(baseUrl);
  // Charts are drawn when they come near the viewport; the headline figures fill the first screen,
  // so scroll to the first chart as a reader would.
  await page.locator('.chart-frame').first().scrollIntoViewIfNeeded({ timeout: 30_000 });
  await page.waitForSelector('.recharts-surface', { state: 'attached', timeout: 30_000 });
  return page;
}

/** Paths (relative to the site root) of scripts and stylesheets fetched before the first chart. */
async function loadedBeforeFirstChart(page: Page, baseUrl: string): Promise<string[]> {
  const { firstChart, names } = await page.evaluate(() => {
    const probe = (window as unknown as { __probe: Probe }).__probe;
    const entries = performance.getEntriesByType('resource');
    return {
      firstChart: probe.firstChart,
      names: entries.filter((e) => e.startTime <= (probe.firstChart ?? 0)).map((e) => e.name),
    };
  });
  expect(firstChart).not.toBeNull();
  const base = new URL(baseUrl);
  return names
    .map((name) => new URL(name))
    .filter((url) => url.origin === base.origin && /\.(m?js|css)$/.test(url.pathname))
    .map((url) => url.pathname.slice(base.pathname.length));
}

describe('the size budget of the production build', () => {
  test('keeps what loads before the first chart within 200 KB of JS and 30 KB of CSS (gzip)', () => {
    const m = measure('dist');
    const report = formatReport(m);
    expect(m.missing, report).toEqual([]);
    expect(m.jsGzip, `JS over budget by ${kb(m.jsGzip - BUDGETS.js)}\n${report}`).toBeLessThanOrEqual(BUDGETS.js);
    expect(m.cssGzip, `CSS over budget by ${kb(m.cssGzip - BUDGETS.css)}\n${report}`).toBeLessThanOrEqual(BUDGETS.css);
  });

  test('counts every script and stylesheet Chromium fetches before the first chart', async ({ chromium, baseUrl }) => {
    const m = measure('dist');
    const page = await openWithProbe(chromium, baseUrl);
    const loaded = await loadedBeforeFirstChart(page, baseUrl);
    const counted = new Set([...m.js, ...m.css].map((f) => f.file));
    const uncounted = loaded.filter((path) => !counted.has(path));
    // A file here is one the static reading missed (say, a dynamic import on the first chart's path):
    // the budget would then understate what the page really needs.
    expect(
      uncounted,
      `fetched before the first chart but not counted by check-budget: ${uncounted.join(', ')}`,
    ).toEqual([]);
    expect(loaded.filter((p) => /\.m?js$/.test(p)).length).toBeGreaterThan(0);
    // Everything counted is fetched too (modulepreload and static imports load eagerly), so the count is not padded.
    const notFetched = [...counted].filter((path) => !loaded.includes(path));
    expect(
      notFetched,
      `counted by check-budget but not fetched before the first chart: ${notFetched.join(', ')}`,
    ).toEqual([]);
  });

  test('does not shift the layout once the data arrives (cumulative shift < 0.1 after the first chart)', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await openWithProbe(chromium, baseUrl);
    // Let the fonts settle and two more frames pass before adding up.
    await page.evaluate(() =>
      document.fonts.ready.then(
        () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
      ),
    );
    const shifts = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.shifts);
    const total = shifts.reduce((a, s) => a + s.value, 0);
    const detail = shifts.map((s) => `${s.value.toFixed(4)} at ${Math.round(s.time)} ms: ${s.nodes.join(', ')}`);
    expect(total, `layout shifts:\n${detail.join('\n')}`).toBeLessThan(0.1);
  });
});

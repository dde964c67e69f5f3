/**
 * Accessibility of the built page: axe (WCAG 2.1 A and AA) finds nothing in
 * the light and dark themes, drilled down to one unit, and in the error
 * state; every control is reachable by keyboard with a visible focus mark and
 * no trap; reduced motion stops animations; 200 % zoom needs no sideways scrolling.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { type ChromiumSession, failedToLoad, test } from './fixture.ts';
import { controlTime } from './page-time.ts';
import { scrollThrough } from './scroll.ts';

/** A page at 1366×768 (unless `options` say otherwise) in a context of its own, from browser.newContext() as axe needs. */
async function open(chromium: ChromiumSession, url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await chromium.newPage({ viewport: { width: 1366, height: 768 }, ...options });
  await page.goto(url);
  return page;
}

async function axeViolations(page: Page): Promise<string> {
  // Only violations are reported in detail: collecting every pass and "incomplete" costs seconds on a page this size.
  // (options() replaces what withTags() set, so it comes first.)
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
          .join('\n') +
        (v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : ''),
    )
    .join('\n');
}

describe('axe finds no WCAG 2.1 A/AA violation', () => {
  test('on the dashboard in the light theme', async ({ chromium, server }) => {
    const page = await open(chromium, server.url, { colorScheme: 'light' });
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: light)').matches)).toBe(true);
    await scrollThrough(page);
    expect(await axeViolations(page)).toBe('');
  });

  test('on the dashboard in the dark theme', async ({ chromium, server }) => {
    const page = await open(chromium, server.url, { colorScheme: 'dark' });
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await scrollThrough(page);
    expect(await axeViolations(page)).toBe('');
  });

  test('drilled down to one unit (?unit=tt-trau-quy)', async ({ chromium, server }) => {
    const page = await open(chromium, `${server.url}?unit=tt-trau-quy`, { colorScheme: 'light' });
    await page.getByRole('heading', { name: 'Thị trấn Trâu Quỳ: tỷ lệ theo tháng' }).waitFor();
    await scrollThrough(page);
    expect(await axeViolations(page)).toBe('');
  });

  test('in the error state (a dataset address answering 404)', async ({ chromium, server }) => {
    chromium.expectConsoleError(
      failedToLoad('/net/404.json', 'the server responded with a status of 404 (Not Found)'),
      3,
    );
    const context = await chromium.newContext({ viewport: { width: 1366, height: 768 }, colorScheme: 'light' });
    // The page retries twice before it gives up; its back-off is skipped, not waited for (network.test.ts).
    const time = await controlTime(context);
    const page = await context.newPage();
    await page.goto(`${server.url}?data=/net/404.json`);
    await time.skipWaits(page, page.getByRole('alert').waitFor(), { longest: 29_999, atMost: 60_000 });
    expect(await axeViolations(page)).toBe('');
  });
});

interface Focused {
  /** A number per element, stable for the life of the page. */
  key: number;
  tag: string;
  type: string | null;
  name: string;
  className: string;
  indicator: boolean;
  style: string;
}

/** What has keyboard focus, and whether it shows a focus mark (an outline or a box shadow). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const w = window as unknown as { focusKeys?: WeakMap<Element, number>; focusNext?: number };
    w.focusKeys ??= new WeakMap();
    w.focusNext ??= 1;
    let key = w.focusKeys.get(el);
    if (key === undefined) {
      key = w.focusNext++;
      w.focusKeys.set(el, key);
    }
    const cs = getComputedStyle(el);
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const outline = cs.outlineStyle !== 'none' && Number.parseFloat(cs.outlineWidth) > 0;
    return {
      key,
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      name: name.slice(0, 80),
      className: typeof el.className === 'string' ? el.className : '',
      indicator: outline || cs.boxShadow !== 'none',
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth}; box-shadow: ${cs.boxShadow}`,
    };
  });
}

const describeFocus = (f: Focused) => `${f.tag}${f.type ? `[${f.type}]` : ''} "${f.name}"`;

describe('keyboard only', () => {
  test('Tab reaches every control with a visible focus mark, sorts and drills down with Enter, and never traps', async ({
    chromium,
    server,
  }) => {
    const page = await open(chromium, server.url);
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    const wanted: Record<string, (f: Focused) => boolean> = {
      'language: Tiếng Việt': (f) => f.tag === 'button' && f.name === 'Tiếng Việt',
      'language: English': (f) => f.tag === 'button' && f.name === 'English',
      'theme select': (f) => f.tag === 'select' && f.name === 'Giao diện',
      'period select': (f) => f.tag === 'select' && f.name === 'Kỳ báo cáo',
      'from select': (f) => f.tag === 'select' && f.name === 'Từ tháng',
      'to select': (f) => f.tag === 'select' && f.name === 'Đến tháng',
      'level radio': (f) => f.tag === 'input' && f.type === 'radio',
      'unit select': (f) => f.tag === 'select' && f.name === 'Đơn vị',
      '"show the numbers" toggle': (f) => f.tag === 'button' && f.name === 'Xem bảng số liệu',
      'ranking sort button': (f) => f.tag === 'button' && f.className.includes('sort-button'),
      'unit drill-down button': (f) => f.tag === 'button' && f.className.includes('link-button'),
    };
    const reached = new Set<string>();
    const noMark: string[] = [];
    const seen: string[] = [];
    let firstKey: number | null = null;
    let cycled = false;
    let sorted = false;
    const LIMIT = 400;
    for (let i = 0; i < LIMIT && !cycled; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f === null || f.key === firstKey) {
        cycled = seen.length > 0;
        continue;
      }
      firstKey ??= f.key;
      seen.push(describeFocus(f));
      if (!f.indicator) noMark.push(`${describeFocus(f)} (${f.style})`);
      for (const [what, test] of Object.entries(wanted)) if (test(f)) reached.add(what);
      if (!sorted && f.className.includes('sort-button')) {
        // Enter on a column heading's button sorts by it.
        const sortOf = () => page.evaluate(() => document.activeElement?.closest('th')?.getAttribute('aria-sort'));
        const before = await sortOf();
        await page.keyboard.press('Enter');
        await expect.poll(sortOf).not.toBe(before);
        sorted = true;
      }
    }
    expect(
      [...Object.keys(wanted)].filter((w) => !reached.has(w)),
      `reached in order:\n${seen.join('\n')}`,
    ).toEqual([]);
    expect(noMark, 'focused without a visible focus mark').toEqual([]);
    expect(sorted).toBe(true);
    expect(cycled, `Tab did not come back to the start within ${LIMIT} presses (a trap?)`).toBe(true);

    // Round again to the first unit button; Enter opens that unit.
    for (let i = 0; i < LIMIT; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f?.className.includes('link-button')) break;
    }
    const unitButton = await focused(page);
    expect(unitButton?.className).toContain('link-button');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).not.toBeNull();
  });
});

describe('reduced motion and zoom', () => {
  test('with prefers-reduced-motion: reduce, nothing is animated once the page has loaded', async ({
    chromium,
    server,
  }) => {
    const page = await open(chromium, server.url, { reducedMotion: 'reduce' });
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    await scrollThrough(page);
    const animations = await page.evaluate(() =>
      document.getAnimations().map((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target as Element | null;
        const name = (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? a.constructor.name;
        return `${name} on ${target?.tagName.toLowerCase() ?? '?'}.${target?.getAttribute('class') ?? ''} (${a.playState})`;
      }),
    );
    expect(animations).toEqual([]);
  });

  test('at 200 % zoom (683×384 CSS pixels at scale 2) there is no sideways scrolling and the headline figure shows', async ({
    chromium,
    server,
  }) => {
    const page = await open(chromium, server.url, { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    await scrollThrough(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const figure = page.getByRole('region', { name: 'Cấp huyện', exact: true }).getByText('27.866').first();
    await figure.scrollIntoViewIfNeeded();
    expect(await figure.isVisible()).toBe(true);
    const box = await figure.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 683).toBe(true);
  });
});

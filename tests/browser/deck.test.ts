import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkDeckCsp } from '../../scripts/deck-template.ts';
import { fictionalText, generateFictional } from '../../scripts/generate-fictional.ts';
import { DECK_DATA_ID, parseDeckPayload } from '../../src/data/deck-payload.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { ROOT } from '../support/test-server.ts';
import { launchChromium } from './chromium.ts';

/**
 * The offline deck (issue 12 §3): made by `tthc deck` and by the button in
 * presentation mode, opened from file:// with the network blocked, walked
 * with the keys, themed, and shown with its presenter window; compared slide
 * by slide with the served presentation of the same selection.
 */

const baseUrl = inject('baseUrl');
const MAX_BYTES = 3 * 1024 * 1024;
const VIEWPORT = { width: 1366, height: 768 };

let browser: Browser;
let dir: string;
const contexts: BrowserContext[] = [];
/** Console errors, uncaught errors and refusals by the policy, of every page of the test. */
let problems: string[];
/** Every request a deck's pages made, and those the route refused. */
let requests: string[];
let refused: string[];

beforeAll(async () => {
  browser = await launchChromium();
  dir = mkdtempSync(join(tmpdir(), 'tthc-deck-browser-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

function watch(page: Page): void {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
}

async function newContext(offline: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  contexts.push(context);
  problems = problems ?? [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP refused ${e.violatedDirective}: ${e.blockedURI || '(inline)'}`),
    );
  });
  context.on('page', watch);
  if (offline) await context.setOffline(true);
  return context;
}

/** A deck opened from its file, in a context with no network, where every request but the file's own is refused. */
async function openDeck(file: string): Promise<{ page: Page; context: BrowserContext; url: string }> {
  const url = pathToFileURL(file).href;
  const context = await newContext(true);
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const asked = route.request().url();
    if (asked.split('#')[0] === url) return route.continue();
    refused.push(asked);
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(url);
  return { page, context, url };
}

/** The counter of the slide shown, "n / N", read from the slide's own label. */
async function counter(page: Page): Promise<string> {
  return (await page.getByRole('region', { name: /^\d+ \/ \d+$/ }).getAttribute('aria-label')) ?? '';
}

/** Each piece of text of the slide shown, where it is and how it is set: what the audience sees. */
async function look(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: /^\d+ \/ \d+$/ }).evaluate(async (slide) => {
    await document.fonts.ready;
    const out: string[] = [];
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      const box = [r.x, r.y, r.width, r.height].map((v) => Math.round(v)).join(',');
      out.push(`${text} @${box} ${s.fontFamily.split(',')[0]} ${s.fontSize} ${s.fontWeight} ${s.color}`);
    }
    return out;
  });
}

/** The look of a slide once two readings a frame apart agree (charts are drawn a frame after they are measured). */
async function settledLook(page: Page): Promise<string[]> {
  let before: string[] = [];
  let now = await look(page);
  while (JSON.stringify(now) !== JSON.stringify(before)) {
    before = now;
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    now = await look(page);
  }
  return now;
}

function tthc(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync('node_modules/.bin/tsx', ['src/cli/tthc.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function payloadOf(html: string) {
  const block = new RegExp(`<script type="application/json" id="${DECK_DATA_ID}">([^<]*)</script>`).exec(html)?.[1];
  return parseDeckPayload(block ?? '');
}

/** Walks every slide with the keys; returns the number of slides. */
async function walkWithKeys(page: Page): Promise<number> {
  await expect.poll(() => counter(page)).toMatch(/^1 \/ \d+$/);
  const total = Number((await counter(page)).split(' / ')[1]);
  const keys = ['PageDown', 'ArrowRight', 'Space'];
  for (let n = 2; n <= total; n++) {
    await page.keyboard.press(keys[n % keys.length] as string);
    await expect.poll(() => counter(page)).toBe(`${n} / ${total}`);
  }
  // Past the end stays on the end; the other keys go back and to either end.
  await page.keyboard.press('PageDown');
  await expect.poll(() => counter(page)).toBe(`${total} / ${total}`);
  const steps: [string, number][] = [
    ['ArrowLeft', total - 1],
    ['PageUp', total - 2],
    ['Home', 1],
    ['End', total],
    ['Home', 1],
  ];
  for (const [key, expected] of steps) {
    await page.keyboard.press(key);
    await expect.poll(() => counter(page)).toBe(`${expected} / ${total}`);
  }
  return total;
}

describe('the offline deck', () => {
  let cliDeck: string;

  beforeAll(() => {
    cliDeck = join(dir, 'gia-lam.html');
    const made = tthc(['deck', 'data/gia-lam.json', '--from', '2021-01', '--to', '2022-04', '-o', cliDeck]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
  });

  it('made by the command line, is one file of at most 3 MB with a policy that allows only its own inline code', () => {
    const html = readFileSync(cliDeck, 'utf8');
    expect(statSync(cliDeck).size).toBeLessThanOrEqual(MAX_BYTES);
    expect(checkDeckCsp(html)).toEqual([]);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    expect(policy.split('; ')).toEqual(
      expect.arrayContaining(["default-src 'none'", "connect-src 'none'", 'font-src data:', 'img-src data:']),
    );
    expect(policy).not.toContain('unsafe-inline');
    // Nothing refers to a file or a host: every src and href is a data: URL, and so is every url() of the styles.
    expect(html.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/\s(src|href)="(?!data:)/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).toContain('url(data:font/woff2;base64,');
    expect(style).not.toMatch(/url\((?!data:)/);
    // A production build of React.
    expect(html).not.toContain('Download the React DevTools');
    expect(payloadOf(html).selection).toEqual({
      range: { from: '2021-01', to: '2022-04' },
      level: 'all',
      unitId: null,
      field: null,
      // Sixteen months cannot be set against the same months a year earlier: the previous sixteen (decision 0014).
      compare: 'previous',
    });
  });

  it('runs from file:// with no request: every slide with the keys, the same slides as the site, the themes', async () => {
    problems = [];
    requests = [];
    refused = [];
    // The served presentation of the same selection, slide by slide.
    const site = await (await newContext(false)).newPage();
    await site.goto(`${baseUrl}?view=present&slide=1&from=2021-01&to=2022-04`);
    // Once through, so that the site's chart code (loaded on first use) is in place before anything is measured.
    const total = await walkWithKeys(site);

    const { page, url } = await openDeck(cliDeck);
    expect(await walkWithKeys(page)).toBe(total);
    // Slide by slide, the deck looks like the site: same texts, same places, same type.
    for (let n = 1; n <= total; n++) {
      if (n > 1) {
        await site.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
      }
      await expect.poll(() => counter(site)).toBe(`${n} / ${total}`);
      await expect.poll(() => counter(page)).toBe(`${n} / ${total}`);
      const siteLook = await settledLook(site);
      expect(siteLook.length, `slide ${n} of the site`).toBeGreaterThan(0);
      await expect.poll(() => settledLook(page), { message: `slide ${n}` }).toEqual(siteLook);
    }
    const title = await page.title();
    expect(title).toContain('Gia Lâm');

    // Themes: dark and back to light, as on the site.
    const background = () =>
      page
        .getByRole('region', { name: 'Trình chiếu', exact: true })
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await page.getByRole('button', { name: 'Nền tối' }).click();
    await expect.poll(background).not.toBe(light);
    await site.getByRole('button', { name: 'Nền tối' }).click();
    const siteDark = await site
      .getByRole('region', { name: 'Trình chiếu', exact: true })
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe(siteDark);
    await page.getByRole('button', { name: 'Nền sáng' }).click();
    await expect.poll(background).toBe(light);
    // A deck has nowhere to leave to, and makes no deck of itself.
    expect(await page.getByRole('button', { name: 'Thoát trình chiếu' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Tải bản trình chiếu (một tệp)' }).count()).toBe(0);

    expect(refused).toEqual([]);
    expect(new Set(requests.map((r) => r.split('#')[0]))).toEqual(new Set([url]));
    expect(problems).toEqual([]);
  });

  it('opens a presenter window whose notes follow the slide, both ways, from file://', async () => {
    problems = [];
    requests = [];
    refused = [];
    // The notes the served presenter window shows for each slide.
    const site = await (await newContext(false)).newPage();
    await site.goto(`${baseUrl}?view=presenter&slide=1&from=2021-01&to=2022-04`);
    const siteRegion = site.getByRole('region', { name: 'Ghi chú cho người trình bày' });
    const siteCounter = () => site.getByText(/^\d+ \/ \d+$/).innerText();
    await expect.poll(siteCounter).toMatch(/^1 \/ \d+$/);
    const total = Number((await siteCounter()).split(' / ')[1]);
    const siteNotes: string[] = [];
    for (let n = 1; n <= total; n++) {
      if (n > 1) await site.keyboard.press('PageDown');
      await expect.poll(siteCounter).toBe(`${n} / ${total}`);
      await expect.poll(() => siteRegion.innerText()).not.toBe('Ghi chú cho người trình bày');
      siteNotes.push(await siteRegion.innerText());
    }
    // Notes differ from slide to slide somewhere, so following them is seen.
    expect(new Set(siteNotes).size).toBeGreaterThanOrEqual(4);

    const { page, context, url } = await openDeck(cliDeck);
    await expect.poll(() => counter(page)).toBe(`1 / ${total}`);
    const [presenter] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Mở cửa sổ người trình bày' }).click(),
    ]);
    await presenter.waitForLoadState();
    const notes = presenter.getByRole('region', { name: 'Ghi chú cho người trình bày' });
    const presenterCounter = () => presenter.getByText(/^\d+ \/ \d+$/).innerText();
    await expect.poll(presenterCounter).toBe(`1 / ${total}`);
    await expect.poll(() => notes.innerText()).toBe(siteNotes[0]);
    // The audience moves: the presenter's counter and notes follow, slide after slide.
    for (let n = 2; n <= total; n++) {
      await page.keyboard.press('PageDown');
      await expect.poll(presenterCounter).toBe(`${n} / ${total}`);
      await expect.poll(() => notes.innerText(), { message: `notes of slide ${n}` }).toBe(siteNotes[n - 1]);
    }
    // The presenter moves: the audience follows.
    await presenter.keyboard.press('Home');
    await expect.poll(() => counter(page)).toBe(`1 / ${total}`);
    await presenter.getByRole('button', { name: /Trang sau/ }).click();
    await expect.poll(() => counter(page)).toBe(`2 / ${total}`);
    await expect.poll(() => notes.innerText()).toBe(siteNotes[1]);

    expect(refused).toEqual([]);
    expect(new Set(requests.map((r) => r.split('#')[0]))).toEqual(new Set([url]));
    expect(problems).toEqual([]);
  });

  it('made by the button in presentation mode, is the deck of the command line, and runs from file://', async () => {
    problems = [];
    requests = [];
    refused = [];
    const site = await (await newContext(false)).newPage();
    await site.goto(`${baseUrl}?view=present&slide=3&from=2021-01&to=2022-04`);
    const [download] = await Promise.all([
      site.waitForEvent('download'),
      site.getByRole('button', { name: 'Tải bản trình chiếu (một tệp)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('trinh-chieu-2021-01-2022-04.html');
    const file = join(dir, 'button.html');
    await download.saveAs(file);
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_BYTES);
    const fromButton = readFileSync(file, 'utf8');
    const fromCli = readFileSync(cliDeck, 'utf8');
    expect(payloadOf(fromButton)).toEqual(payloadOf(fromCli));
    expect(fromButton).toBe(fromCli);

    const { page, url } = await openDeck(file);
    expect(await walkWithKeys(page)).toBeGreaterThanOrEqual(6);
    expect(refused).toEqual([]);
    expect(new Set(requests.map((r) => r.split('#')[0]))).toEqual(new Set([url]));
    expect(problems).toEqual([]);
  });

  it('refuses to run a script changed after the build: the hashes lock it', async () => {
    problems = [];
    requests = [];
    refused = [];
    const html = readFileSync(cliDeck, 'utf8');
    const at = html.indexOf('<script type="module">') + '<script type="module">'.length;
    const file = join(dir, 'tampered.html');
    writeFileSync(file, `${html.slice(0, at)}window.tampered=1;${html.slice(at)}`);
    const { page } = await openDeck(file);
    // Chromium's own report, and the policy's event: the one script of the deck was refused.
    await expect
      .poll(() => problems)
      .toEqual([
        expect.stringMatching(/^console: Executing inline script violates the following Content Security Policy/),
        'console: CSP refused script-src-elem: inline',
      ]);
    expect(await page.evaluate(() => (window as unknown as { tampered?: number }).tampered)).toBeUndefined();
    expect(await page.getByRole('region', { name: /^\d+ \/ \d+$/ }).count()).toBe(0);
  });
});

describe('a deck of untrusted data', () => {
  it('shows a hostile title and unit name as text; the command line builds the template when dist/ has none', async () => {
    problems = [];
    requests = [];
    refused = [];
    const HOSTILE = '</script><script>window.pwned=1</script><!-- <img src=x onerror="window.pwned=2"> &amp;';
    const dataset = JSON.parse(readFileSync(join(ROOT, 'data', 'gia-lam.json'), 'utf8')) as Dataset;
    dataset.title = `Huyện ${HOSTILE}`;
    (dataset.units[1] as { name: string }).name = `Xã ${HOSTILE}`;
    const input = join(dir, 'hostile.json');
    writeFileSync(input, JSON.stringify(dataset));
    const emptyDist = join(dir, 'no-dist');
    mkdirSync(emptyDist);
    const file = join(dir, 'hostile.html');
    const made = tthc(['deck', input, '--level', 'commune', '-o', file], { TTHC_DIST_DIR: emptyDist });
    expect(made.stderr).toContain('deck-template.html chưa có: đang dựng mẫu bản trình chiếu');
    expect(made.status).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(checkDeckCsp(html)).toEqual([]);

    const { page } = await openDeck(file);
    await expect.poll(() => counter(page)).toMatch(/^1 \//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Huyện ${HOSTILE}`);
    expect(await page.title()).toBe(`Huyện ${HOSTILE}`);
    // The unit's name is text in the ranking slide, and nothing in it became an element.
    await page.keyboard.press('End');
    let found = false;
    for (let i = 0; i < 20 && !found; i++) {
      found = (await page.getByText(`Xã ${HOSTILE}`, { exact: false }).count()) > 0;
      if (!found) {
        const before = await counter(page);
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => counter(page)).not.toBe(before);
      }
    }
    expect(found).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  }, 180_000);
});

describe('a province-sized deck', () => {
  it('stays within 3 MB for a year of 3,468 units with the year before, and runs from file://', async () => {
    problems = [];
    requests = [];
    refused = [];
    const input = join(dir, 'province.json');
    const dataset = generateFictional('large');
    writeFileSync(input, fictionalText(dataset, true));
    // Counted here from the records, not by the metric code: the units with a return in 2024.
    const reporting = new Set(dataset.records.filter((r) => r.month.startsWith('2024-')).map((r) => r.unitId));
    const file = join(dir, 'province.html');
    const made = tthc(['deck', input, '--from', '2024-01', '--to', '2024-12', '-o', file]);
    expect(made.status).toBe(0);
    const bytes = statSync(file).size;
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    const payload = payloadOf(readFileSync(file, 'utf8'));
    const figures = payload.answers.find(([key]) => key.startsWith('figures|'))?.[1] as { rows: unknown[] };
    // Every unit with data in the year, with its figures of the year before: nothing a slide shows was dropped.
    expect(reporting.size).toBeGreaterThan(3000);
    expect(figures.rows).toHaveLength(reporting.size);
    const withPrevious = figures.rows.filter((r) => (r as { previous: unknown }).previous !== null);
    expect(withPrevious.length).toBeGreaterThan(3000);

    const { page } = await openDeck(file);
    expect(await walkWithKeys(page)).toBeGreaterThanOrEqual(6);
    expect(refused).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});

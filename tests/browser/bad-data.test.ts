/**
 * Every case of the fixture corpus (tests/fixtures/datasets/manifest.json) in
 * the built page, both as a data= address and as a file the reader chooses:
 * a refused file gives an alert naming where the problem is and shows none of
 * its figures; a loadable file shows its title; nothing throws; and even the
 * file with 10,000 errors does not freeze the page.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { formatCount } from '../../src/domain/format.ts';
import { FIXTURES_DIR, type TestServer } from '../support/test-server.ts';
import { type ChromiumSession, test } from './fixture.ts';

interface Entry {
  file: string;
  outcome: 'loads' | 'refused';
  paths?: string[];
  errorCount?: number;
  warnings?: string[];
}

const MAX_BYTES = 2 * 1024 * 1024;
const SAMPLE_TITLE = /Huyện Gia Lâm/;
const LARGE = 'large-10000-errors.json';
const manifest = (JSON.parse(readFileSync(join(FIXTURES_DIR, 'manifest.json'), 'utf8')) as Entry[]).filter(
  (e) => statSync(join(FIXTURES_DIR, e.file)).size <= MAX_BYTES,
);
const refused = manifest.filter((e) => e.outcome === 'refused');
const loads = manifest.filter((e) => e.outcome === 'loads');

/** The title the page must show for a file that loads (JSON.parse keeps the last of a duplicated key, as the page does). */
function titleOf(file: string): string {
  const text = readFileSync(join(FIXTURES_DIR, file), 'utf8').replace(/^\uFEFF/, '');
  return (JSON.parse(text) as { title: string }).title;
}

/** How the alert writes the first expected path: an empty path is the file as a whole. */
function whereText(entry: Entry): string {
  const path = entry.paths?.[0] ?? '';
  return `${path || 'tệp'}: `;
}

/** The toolbar's "open a data file" input (the import panel has a file input of its own). */
const fileInput = (page: Page) => page.getByRole('navigation', { name: 'Công cụ' }).locator('input[type=file]');

interface Session {
  page: Page;
  server: TestServer;
  longTasks: () => Promise<number[]>;
  clearLongTasks: () => Promise<void>;
}

/** One page for a whole loop; a long-task observer records every task over 50 ms. */
async function session(chromium: ChromiumSession, server: TestServer): Promise<Session> {
  // A short window: only the charts near it are drawn, so each switch of dataset costs less.
  const context = await chromium.newContext({ viewport: { width: 1280, height: 600 } });
  await context.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task timing in this browser: the list stays empty and the test below says so.
    }
  });
  const page = await context.newPage();
  return {
    page,
    server,
    longTasks: () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks),
    clearLongTasks: () =>
      page.evaluate(() => {
        (window as unknown as { longTasks: number[] }).longTasks = [];
      }),
  };
}

/**
 * Opens `?data=address` in the same page without reloading it, as Back and Forward do: the page
 * reads its address again and loads the dataset there. Much faster than a new page load per file.
 */
async function switchTo(s: Session, address: string): Promise<void> {
  if (!s.page.url().startsWith(s.server.origin)) {
    await s.page.goto(`${s.server.url}?data=${address}`);
    return;
  }
  await s.page.evaluate((query) => {
    window.history.pushState(null, '', query);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, `?data=${address}`);
}

async function textOf(page: Page, role: 'alert' | 'heading'): Promise<string> {
  const loc = role === 'alert' ? page.getByRole('alert') : page.getByRole('heading', { level: 1 });
  return (await loc.allInnerTexts()).join('\n').replace(/\s+/g, ' ');
}

const regions = (page: Page) =>
  Promise.all(['Cấp huyện', 'Cấp xã'].map((name) => page.getByRole('region', { name, exact: true }).count())).then(
    ([a = 0, b = 0]) => a + b,
  );

describe('the fixture corpus as a data= address', () => {
  test('refuses every file the manifest refuses, naming the first path, with no figures from it', async ({
    chromium,
    server,
  }) => {
    const s = await session(chromium, server);
    const failures: string[] = [];
    for (const entry of refused) {
      const address = `/fixtures/${entry.file}`;
      await switchTo(s, address);
      const alert = s.page.getByRole('alert').filter({ hasText: `"${address}"` });
      try {
        await alert.waitFor({ timeout: 10_000 });
      } catch {
        failures.push(`${entry.file}: no alert naming the address (page: ${await textOf(s.page, 'heading')})`);
        continue;
      }
      const text = (await alert.innerText()).replace(/\s+/g, ' ');
      if (!text.includes(whereText(entry))) failures.push(`${entry.file}: alert lacks "${whereText(entry)}": ${text}`);
      if (entry.errorCount !== undefined && !text.includes(`${formatCount(entry.errorCount, 'vi')} lỗi`)) {
        failures.push(`${entry.file}: alert lacks the count ${entry.errorCount}`);
      }
      if ((await regions(s.page)) > 0) failures.push(`${entry.file}: headline figures shown`);
      if ((await s.page.getByRole('heading', { level: 1 }).count()) > 0) {
        failures.push(`${entry.file}: a dataset title is shown: ${await textOf(s.page, 'heading')}`);
      }
      // Refused is final: the file is asked for once.
      if (server.count(address) > 2) failures.push(`${entry.file}: requested ${server.count(address)} times`);
    }
    expect(failures).toEqual([]);
  });

  test('loads every file the manifest loads, with its title, its address and its warnings', async ({
    chromium,
    server,
  }) => {
    const s = await session(chromium, server);
    const failures: string[] = [];
    for (const entry of loads) {
      const address = `/fixtures/${entry.file}`;
      await switchTo(s, address);
      const title = titleOf(entry.file);
      try {
        // The header names the address, so two files with the same title are told apart.
        await s.page.locator('.dataset-header__origin', { hasText: address }).waitFor({ timeout: 10_000 });
      } catch {
        failures.push(`${entry.file}: not loaded; alert: ${await textOf(s.page, 'alert')}`);
        continue;
      }
      if ((await textOf(s.page, 'heading')) !== title.replace(/\s+/g, ' ')) {
        failures.push(`${entry.file}: title is "${(await textOf(s.page, 'heading')).slice(0, 60)}"`);
      }
      if ((await s.page.getByRole('alert').count()) > 0) {
        failures.push(`${entry.file}: an alert on a file that loads: ${await textOf(s.page, 'alert')}`);
      }
      const warnings = entry.warnings?.length ?? 0;
      if (warnings > 0 && (await s.page.getByText(`${formatCount(warnings, 'vi')} cảnh báo`).count()) === 0) {
        failures.push(`${entry.file}: its ${warnings} warning(s) are not counted in the header`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('the fixture corpus as a chosen file', () => {
  test('refuses every refused file with an alert naming the file and the first path; the sample stays on screen', async ({
    chromium,
    server,
  }) => {
    const s = await session(chromium, server);
    const openSample = async () => {
      await s.page.goto(server.url);
      await s.page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).waitFor();
    };
    await openSample();
    const sampleTitle = await textOf(s.page, 'heading');
    const sampleFigures = await s.page.getByRole('region', { name: 'Cấp huyện', exact: true }).innerText();
    const failures: string[] = [];
    for (const entry of refused) {
      await fileInput(s.page).setInputFiles(join(FIXTURES_DIR, entry.file));
      const alert = s.page.getByRole('alert').filter({ hasText: `"${entry.file}"` });
      try {
        await alert.waitFor({ timeout: 10_000 });
      } catch {
        failures.push(`${entry.file}: no alert naming the file; the page shows "${await textOf(s.page, 'heading')}"`);
      }
      if ((await alert.count()) > 0) {
        const text = (await alert.innerText()).replace(/\s+/g, ' ');
        if (!text.includes(whereText(entry)))
          failures.push(`${entry.file}: alert lacks "${whereText(entry)}": ${text}`);
      }
      const figures = await s.page.getByRole('region', { name: 'Cấp huyện', exact: true }).innerText();
      if ((await textOf(s.page, 'heading')) !== sampleTitle || figures !== sampleFigures) {
        if (!failures.some((f) => f.startsWith(`${entry.file}:`))) {
          failures.push(`${entry.file}: the sample was replaced by "${await textOf(s.page, 'heading')}"`);
        }
        await openSample(); // so that the next file is judged on its own
      }
    }
    expect(failures).toEqual([]);
  });

  test('loads every loadable file, showing its title and its name, and clears an earlier refusal', async ({
    chromium,
    server,
  }) => {
    const s = await session(chromium, server);
    await s.page.goto(server.url);
    await s.page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).waitFor();
    const failures: string[] = [];
    for (const entry of loads) {
      const title = titleOf(entry.file);
      await fileInput(s.page).setInputFiles(join(FIXTURES_DIR, entry.file));
      try {
        // The header names the file, so two files with the same title are told apart.
        await s.page.locator('.dataset-header__origin', { hasText: entry.file }).waitFor({ timeout: 10_000 });
      } catch {
        failures.push(`${entry.file}: not loaded; alert: ${await textOf(s.page, 'alert')}`);
        continue;
      }
      if ((await textOf(s.page, 'heading')) !== title.replace(/\s+/g, ' ')) {
        failures.push(`${entry.file}: title is "${(await textOf(s.page, 'heading')).slice(0, 60)}"`);
      }
    }
    // A refused file, then a good one: the alert goes, the good file shows.
    await fileInput(s.page).setInputFiles(join(FIXTURES_DIR, 'empty.json'));
    await s.page.getByRole('alert').filter({ hasText: '"empty.json"' }).waitFor();
    await fileInput(s.page).setInputFiles(join(FIXTURES_DIR, 'base-valid.json'));
    await s.page.locator('.dataset-header__origin', { hasText: 'base-valid.json' }).waitFor();
    expect(await s.page.getByRole('alert').count()).toBe(0);
    expect(failures).toEqual([]);
  });
});

describe('a file with 10,000 errors', () => {
  test('does not freeze the page: no task longer than 1 s while it is fetched or chosen and refused', async ({
    chromium,
    server,
  }) => {
    const s = await session(chromium, server);
    await s.page.goto(server.url);
    await s.page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).waitFor();
    expect(
      await s.page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask')),
      'long-task timing',
    ).toBe(true);

    await s.clearLongTasks();
    await fileInput(s.page).setInputFiles(join(FIXTURES_DIR, LARGE));
    const alert = s.page.getByRole('alert').filter({ hasText: `"${LARGE}"` });
    await alert.waitFor({ timeout: 20_000 });
    expect((await alert.innerText()).replace(/\s+/g, ' ')).toContain(`${formatCount(10_000, 'vi')} lỗi`);
    const chosen = await s.longTasks();

    // As an address, switched to in the page (as Back and Forward do) so that only the
    // dataset's tasks are measured, not the page's own start-up.
    await s.clearLongTasks();
    await s.page.evaluate((query) => {
      window.history.pushState(null, '', query);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `?data=/fixtures/${LARGE}`);
    await s.page
      .getByRole('alert')
      .filter({ hasText: `"/fixtures/${LARGE}"` })
      .waitFor({ timeout: 20_000 });
    const fetched = await s.longTasks();

    expect(Math.max(0, ...chosen), `long tasks (ms) choosing the file: ${chosen.join(', ')}`).toBeLessThan(1000);
    expect(Math.max(0, ...fetched), `long tasks (ms) loading the address: ${fetched.join(', ')}`).toBeLessThan(1000);
    // The page still answers: the language switch works right after.
    await s.page.getByRole('button', { name: 'English' }).click();
    await s.page
      .getByRole('alert')
      .filter({ hasText: `"${LARGE}" cannot be used` })
      .waitFor();
  });
});

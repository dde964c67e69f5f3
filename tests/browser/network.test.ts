/**
 * Failing networks, against a server the test controls (tests/support/test-server.ts):
 * every failure ends in a plain-language alert with a way to try again; a
 * file that arrives but is not a dataset is refused at once, never retried;
 * network failures are retried twice (three requests) before the alert.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NET_OK_DATASET, startTestServer, type TestServer } from '../support/test-server.ts';
import { launchChromium } from './chromium.ts';

let browser: Browser;
let server: TestServer;
let context: BrowserContext | undefined;
let pageErrors: string[];

/**
 * The address that never finishes is opened first, in its own context, and left to run while the
 * other cases go on; its test, last in the file, reads when its alert appeared. The file then
 * takes about as long as its other cases rather than 30 s more.
 */
let hang: { page: Page; openedAt: number; errors: string[] };

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
  const hangContext = await browser.newContext();
  await hangContext.addInitScript(() => {
    // On the page's clock: when the dataset was first asked for, and when the first alert appeared.
    const w = window as unknown as { requestAt?: number; alertAt?: number };
    const fetch = window.fetch;
    window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      if (w.requestAt === undefined && String(args[0]).includes('/net/hang.json')) w.requestAt = performance.now();
      return fetch.apply(this, args);
    } as typeof fetch;
    new MutationObserver(() => {
      if (w.alertAt === undefined && document.querySelector('[role="alert"]')) w.alertAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await hangContext.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const openedAt = Date.now();
  await page.goto(`${server.url}?data=/net/hang.json`);
  hang = { page, openedAt, errors };
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  // A failing network is an expected state, never an uncaught error.
  expect(pageErrors).toEqual([]);
});

async function newPage(): Promise<Page> {
  context = await browser.newContext();
  const page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return page;
}

/**
 * How many times the page asked for a dataset address: counted where the request is answered
 * (the test server), never from Playwright's request events. Chromium reports a fetch whose body
 * was read through a stream reader (as fetch-dataset.ts does, to show progress) as failed with
 * net::ERR_ABORTED about one time in ten although the server sent it all and the page used it,
 * so "requests minus aborted ones" once counted a good load as 0. The shipped build has no
 * StrictMode double mount, so every request the server sees is an attempt the page made.
 */
function attempts(path: string): number {
  return server.count(path);
}

async function open(query: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${server.url}${query}`);
  return page;
}

/** The first alert's text, once there is one. */
async function alertText(page: Page, timeout = 20_000): Promise<string> {
  const alert = page.getByRole('alert').first();
  await alert.waitFor({ timeout });
  return (await alert.innerText()).replace(/\s+/g, ' ');
}

async function headlineText(page: Page, level: string): Promise<string> {
  return (await page.getByRole('region', { name: level, exact: true }).innerText()).replace(/\s+/g, ' ');
}

describe('loading a dataset over a failing network', () => {
  it('loads a good address with one request', async () => {
    const page = await open('?data=/net/ok.json');
    await page.getByRole('heading', { level: 1, name: NET_OK_DATASET.title }).waitFor();
    expect(await headlineText(page, 'Cấp huyện')).toContain('4.321');
    expect(attempts('/net/ok.json')).toBe(1);
  });

  it('404: retries twice, then says in Vietnamese that the file is not there, with the address and "Thử lại"', async () => {
    const page = await open('?data=/net/404.json');
    // While it retries the reader sees that it is still loading, not a blank page.
    await page.getByRole('status').filter({ hasText: 'Đang tải dữ liệu' }).waitFor();
    const text = await alertText(page);
    expect(text).toContain('Máy chủ không có tệp dữ liệu ở địa chỉ này (lỗi 404).');
    expect(text).toContain('/net/404.json');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).isEnabled()).toBe(true);
    // The alert shows once the retries are over: one request and two retries, no more.
    expect(attempts('/net/404.json')).toBe(3);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
  });

  it('500 with lang=en: retries twice, then says so in English with "Try again"', async () => {
    const page = await open('?data=/net/500.json&lang=en');
    const text = await alertText(page);
    expect(text).toContain('The server answered with error 500 when loading the data file.');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Try again' }).count()).toBe(1);
    expect(attempts('/net/500.json')).toBe(3);
  });

  it('an HTML error page with status 200: refused at once with a plain message, never retried', async () => {
    const page = await open('?data=/net/html.json');
    const text = await alertText(page);
    expect(text).toContain('Không dùng được tệp dữ liệu "/net/html.json"');
    expect(text).toContain('trang HTML');
    // A file that is not a dataset will not become one on a second try.
    expect(attempts('/net/html.json')).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
  });

  it('a connection cut half-way: retried, then an alert that the connection broke off', async () => {
    const page = await open('?data=/net/cut.json');
    const text = await alertText(page);
    expect(text).toContain('Kết nối bị ngắt giữa chừng khi đang tải tệp dữ liệu.');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    expect(attempts('/net/cut.json')).toBe(3);
  });

  it('a refused connection: retried, then an alert that the server cannot be reached', async () => {
    const page = await newPage();
    // data= must be same-site, so the refused connection is emulated for that one address;
    // the request never reaches the server, so the route counts the attempts.
    let refused = 0;
    await page.route(
      (url) => url.pathname === '/net/refused.json',
      (route) => {
        refused += 1;
        return route.abort('connectionrefused');
      },
    );
    await page.goto(`${server.url}?data=/net/refused.json`);
    const text = await alertText(page);
    expect(text).toContain('Không kết nối được tới máy chủ dữ liệu');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    expect(refused).toBe(3);
  });

  it('"Thử lại" loads the data once the server is back, and the alert goes away', async () => {
    server.behave('/net/recover.json', '500');
    const page = await open('?data=/net/recover.json');
    await alertText(page);
    expect(attempts('/net/recover.json')).toBe(3);
    server.behave('/net/recover.json', 'ok');
    await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { level: 1, name: NET_OK_DATASET.title }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(attempts('/net/recover.json')).toBe(4);
  });

  it('when a reload fails after a success, the last good figures stay on screen with a note', async () => {
    // Good at first, failing from now on (like /net/flaky.json, but switched by the test so that
    // a request the page cancels itself cannot use up the good answer).
    server.behave('/net/reload.json', 'ok');
    const page = await open('?data=/net/reload.json');
    await page.getByRole('heading', { level: 1, name: NET_OK_DATASET.title }).waitFor();
    const before = await headlineText(page, 'Cấp huyện');
    // Counted by the server: one good answer so far.
    await expect.poll(() => server.count('/net/reload.json')).toBe(1);
    server.behave('/net/reload.json', '500');
    const first = server.count('/net/reload.json');

    // Ask for fresh data the way a reader can: a reload button if the page has one, else by
    // coming back to the tab (TanStack Query refetches stale queries on visibilitychange).
    const reload = page.getByRole('button', { name: /^(Tải lại|Reload)/ });
    if ((await reload.count()) > 0) await reload.first().click();
    else {
      await page.evaluate(() => {
        for (const state of ['hidden', 'visible'] as const) {
          Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
          window.dispatchEvent(new Event('visibilitychange'));
          document.dispatchEvent(new Event('visibilitychange'));
        }
      });
    }
    await expect
      .poll(() => server.count('/net/reload.json') - first, {
        timeout: 5_000,
        message:
          'the page offers no way to reload its data after a successful load (no "Tải lại" button, ' +
          'and returning to the tab does not refetch because staleTime is Infinity)',
      })
      .toBeGreaterThan(0);

    await page.getByRole('status').filter({ hasText: 'Không tải lại được dữ liệu' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(NET_OK_DATASET.title);
    expect(await headlineText(page, 'Cấp huyện')).toBe(before);
  });

  it('a server that never finishes: the alert shows within about 35 s (the app stops waiting after 30 s)', async () => {
    const { page, openedAt } = hang;
    const clock = () =>
      page.evaluate(() => {
        const w = window as unknown as { requestAt?: number; alertAt?: number };
        return { requestAt: w.requestAt ?? null, alertAt: w.alertAt ?? null };
      });
    if ((await clock()).alertAt === null) {
      try {
        await page
          .getByRole('alert')
          .first()
          .waitFor({ timeout: Math.max(1, openedAt + 40_000 - Date.now()) });
      } catch {
        throw new Error(
          `no alert ${Math.round((Date.now() - openedAt) / 1000)} s after opening an address that never finishes ` +
            `(${server.count('/net/hang.json')} request(s) so far): the page keeps the reader waiting well past ` +
            'the 30 s it promises, because a timeout is retried like any other network failure',
        );
      }
    }
    const { requestAt, alertAt } = await clock();
    expect(requestAt, 'the page asked for the dataset').not.toBeNull();
    const seconds = ((alertAt ?? Number.NaN) - (requestAt ?? Number.NaN)) / 1000;
    expect(seconds, 'seconds from asking for the dataset to the alert').toBeGreaterThanOrEqual(29);
    expect(seconds, 'seconds from asking for the dataset to the alert').toBeLessThanOrEqual(35);
    expect(await alertText(page)).toContain('Máy chủ không trả lời đủ dữ liệu sau 30 giây nên đã dừng chờ.');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    expect(hang.errors).toEqual([]);
  }, 100_000);
});

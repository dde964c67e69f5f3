/**
 * Failing networks, against a server the test controls (tests/support/test-server.ts):
 * every failure ends in a plain-language alert with a way to try again; a
 * file that arrives but is not a dataset is refused at once, never retried;
 * network failures are retried twice (three requests) before the alert.
 *
 * The waits are the page's own: TanStack Query's back-off between attempts and the request's
 * 30-second time-out run on its timers, and the tests move its clock past them
 * (page-time.ts) instead of sitting through them.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { NET_OK_DATASET } from '../support/test-server.ts';
import { type ChromiumSession, failedToLoad, test } from './fixture.ts';
import { controlTime, type PageTime } from './page-time.ts';

/** The dataset request's time-out (src/data/fetch-dataset.ts): the one wait the retry tests must never skip. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Jumps the back-off between attempts, never a request's time-out; at most a minute of page time in all. */
const RETRIES = { longest: REQUEST_TIMEOUT_MS - 1, atMost: 60_000 };

const NOT_FOUND = 'the server responded with a status of 404 (Not Found)';
const SERVER_ERROR = 'the server responded with a status of 500 (Internal Server Error)';

async function open(chromium: ChromiumSession, url: string, options?: BrowserContextOptions) {
  const context = await chromium.newContext(options);
  const time = await controlTime(context);
  const page = await context.newPage();
  await page.goto(url);
  return { page, time };
}

/** The first alert's text, once there is one. */
async function alertText(page: Page): Promise<string> {
  const alert = page.getByRole('alert').first();
  await alert.waitFor();
  return (await alert.innerText()).replace(/\s+/g, ' ');
}

/** Moves the page's time past its retries until the first alert shows, and returns its text. */
async function alertAfterRetries(page: Page, time: PageTime): Promise<string> {
  await time.skipWaits(page, page.getByRole('alert').first().waitFor(), RETRIES);
  return alertText(page);
}

async function headlineText(page: Page, level: string): Promise<string> {
  return (await page.getByRole('region', { name: level, exact: true }).innerText()).replace(/\s+/g, ' ');
}

/*
 * How many times the page asked for a dataset address is counted where the request is answered
 * (the test server's count), never from Playwright's request events: Chromium reports a fetch whose
 * body was read through a stream reader (as fetch-dataset.ts does, to show progress) as failed with
 * net::ERR_ABORTED about one time in ten although the server sent it all and the page used it, so
 * "requests minus aborted ones" once counted a good load as 0. The shipped build has no StrictMode
 * double mount, so every request the server sees is an attempt the page made.
 */

describe('loading a dataset over a failing network', () => {
  test('loads a good address with one request', async ({ chromium, server }) => {
    const { page } = await open(chromium, `${server.url}?data=/net/ok.json`);
    await page.getByRole('heading', { level: 1, name: NET_OK_DATASET.title }).waitFor();
    expect(await headlineText(page, 'Cấp huyện')).toContain('4.321');
    expect(server.count('/net/ok.json')).toBe(1);
  });

  test('404: retries twice, then says in Vietnamese that the file is not there, with the address and "Thử lại"', async ({
    chromium,
    server,
  }) => {
    // Chromium logs each failed attempt; three attempts, three messages.
    chromium.expectConsoleError(failedToLoad('/net/404.json', NOT_FOUND), 3);
    const { page, time } = await open(chromium, `${server.url}?data=/net/404.json`);
    // While it retries the reader sees that it is still loading, not a blank page.
    await page.getByRole('status').filter({ hasText: 'Đang tải dữ liệu' }).waitFor();
    const text = await alertAfterRetries(page, time);
    expect(text).toContain('Máy chủ không có tệp dữ liệu ở địa chỉ này (lỗi 404).');
    expect(text).toContain('/net/404.json');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).isEnabled()).toBe(true);
    // The alert shows once the retries are over: one request and two retries, no more.
    expect(server.count('/net/404.json')).toBe(3);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
  });

  test('500 with lang=en: retries twice, then says so in English with "Try again"', async ({ chromium, server }) => {
    chromium.expectConsoleError(failedToLoad('/net/500.json', SERVER_ERROR), 3);
    const { page, time } = await open(chromium, `${server.url}?data=/net/500.json&lang=en`);
    const text = await alertAfterRetries(page, time);
    expect(text).toContain('The server answered with error 500 when loading the data file.');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Try again' }).count()).toBe(1);
    expect(server.count('/net/500.json')).toBe(3);
  });

  test('an HTML error page with status 200: refused at once with a plain message, never retried', async ({
    chromium,
    server,
  }) => {
    const { page, time } = await open(chromium, `${server.url}?data=/net/html.json`);
    // Time is moved on as for the failures above, so a retry would be seen, not just not yet made.
    const text = await alertAfterRetries(page, time);
    expect(text).toContain('Không dùng được tệp dữ liệu "/net/html.json"');
    expect(text).toContain('trang HTML');
    // A file that is not a dataset will not become one on a second try.
    expect(server.count('/net/html.json')).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(0);
  });

  test('a connection cut half-way: retried, then an alert that the connection broke off', async ({
    chromium,
    server,
  }) => {
    chromium.expectConsoleError(failedToLoad('/net/cut.json', 'net::ERR_CONTENT_LENGTH_MISMATCH'), 3);
    const { page, time } = await open(chromium, `${server.url}?data=/net/cut.json`);
    const text = await alertAfterRetries(page, time);
    expect(text).toContain('Kết nối bị ngắt giữa chừng khi đang tải tệp dữ liệu.');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    expect(server.count('/net/cut.json')).toBe(3);
  });

  test('a refused connection: retried, then an alert that the server cannot be reached', async ({
    chromium,
    server,
  }) => {
    chromium.expectConsoleError(failedToLoad('/net/refused.json', 'net::ERR_CONNECTION_REFUSED'), 3);
    const context = await chromium.newContext();
    const time = await controlTime(context);
    const page = await context.newPage();
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
    const text = await alertAfterRetries(page, time);
    expect(text).toContain('Không kết nối được tới máy chủ dữ liệu');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
    expect(refused).toBe(3);
  });

  test('"Thử lại" loads the data once the server is back, and the alert goes away', async ({ chromium, server }) => {
    chromium.expectConsoleError(failedToLoad('/net/recover.json', SERVER_ERROR), 3);
    server.behave('/net/recover.json', '500');
    const { page, time } = await open(chromium, `${server.url}?data=/net/recover.json`);
    await alertAfterRetries(page, time);
    expect(server.count('/net/recover.json')).toBe(3);
    server.behave('/net/recover.json', 'ok');
    await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).click();
    await page.getByRole('heading', { level: 1, name: NET_OK_DATASET.title }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(server.count('/net/recover.json')).toBe(4);
  });

  test('when a reload fails after a success, the last good figures stay on screen with a note', async ({
    chromium,
    server,
  }) => {
    chromium.expectConsoleError(failedToLoad('/net/reload.json', SERVER_ERROR), 3);
    // Good at first, failing from now on (like /net/flaky.json, but switched by the test so that
    // a request the page cancels itself cannot use up the good answer).
    server.behave('/net/reload.json', 'ok');
    const { page, time } = await open(chromium, `${server.url}?data=/net/reload.json`);
    await page.getByRole('heading', { level: 1, name: NET_OK_DATASET.title }).waitFor();
    const before = await headlineText(page, 'Cấp huyện');
    // Counted by the server: one good answer so far.
    expect(server.count('/net/reload.json')).toBe(1);
    server.behave('/net/reload.json', '500');

    await page.getByRole('button', { name: /^Tải lại/ }).click();
    await time.skipWaits(
      page,
      page.getByRole('status').filter({ hasText: 'Không tải lại được dữ liệu' }).waitFor(),
      RETRIES,
    );
    expect(server.count('/net/reload.json')).toBe(4);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(NET_OK_DATASET.title);
    expect(await headlineText(page, 'Cấp huyện')).toBe(before);
  });

  test('a server that never finishes: the alert shows within about 35 s (the app stops waiting after 30 s)', async ({
    chromium,
    server,
  }) => {
    const context = await chromium.newContext();
    const time = await controlTime(context);
    await context.addInitScript(() => {
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
    const page = await context.newPage();
    await page.goto(`${server.url}?data=/net/hang.json`);
    // Every timer up to a minute is jumped, the request's time-out too, and up to two minutes in
    // all: a page that retried a time-out (three times 30 s and the back-off) would show its
    // alert after about 93 s of its time, and the assertion below would say so.
    const jumped = await time
      .skipWaits(page, page.getByRole('alert').first().waitFor(), { longest: 60_000, atMost: 120_000 })
      .catch((e: unknown) => {
        throw new Error(
          `no alert on an address that never finishes (${server.count('/net/hang.json')} request(s)): ${e}`,
        );
      });
    const { requestAt, alertAt } = await page.evaluate(() => {
      const w = window as unknown as { requestAt?: number; alertAt?: number };
      return { requestAt: w.requestAt ?? null, alertAt: w.alertAt ?? null };
    });
    expect(requestAt, 'the page asked for the dataset').not.toBeNull();
    const seconds = ((alertAt ?? Number.NaN) - (requestAt ?? Number.NaN)) / 1000;
    expect(seconds, 'seconds of page time from asking for the dataset to the alert').toBeGreaterThanOrEqual(29);
    expect(seconds, 'seconds of page time from asking for the dataset to the alert').toBeLessThanOrEqual(35);
    expect(jumped, 'the test moved the page’s clock past the time-out').toBeGreaterThanOrEqual(29_000);
    expect(server.count('/net/hang.json')).toBe(1);
    expect(await alertText(page)).toContain('Máy chủ không trả lời đủ dữ liệu sau 30 giây nên đã dừng chờ.');
    expect(await page.getByRole('alert').getByRole('button', { name: 'Thử lại' }).count()).toBe(1);
  });
});

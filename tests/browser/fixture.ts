/**
 * The one Chromium fixture of the browser suites. Every file gets one Chromium (launched when its
 * first test asks for it, closed after its last) and, when it asks, one test server; every test gets
 * fresh contexts from `chromium.newContext()` / `chromium.newPage()`, closed when the test ends.
 *
 * Whatever a test does, it fails if any page of its contexts logs a console error or throws an
 * uncaught error. A test that causes a console error on purpose (a dataset address answering 404,
 * an inline script the Content-Security-Policy refuses) declares it with `expectConsoleError`: one
 * pattern per expected message and how many times it comes, so the declaration is checked too.
 *
 *   import { describe, expect } from 'vitest';
 *   import { test } from './fixture.ts';
 *
 *   test('…', async ({ chromium, server }) => {
 *     const page = await chromium.newPage({ viewport: { width: 1366, height: 768 } });
 *     chromium.expectConsoleError(failedToLoad('/net/404.json', 'the server responded with a status of 404 (Not Found)'), 3);
 *     await page.goto(`${server.url}?data=/net/404.json`);
 *   });
 */
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { test as base, inject } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { launchChromium } from './chromium.ts';

export interface ChromiumSession {
  /**
   * A new context from `browser.newContext()` (so @axe-core/playwright can use its pages), watched
   * for console errors and uncaught errors, and closed when the test ends.
   */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a new context of its own. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * Declares a console error this test causes on purpose: `times` console errors matching `pattern`
   * must come, no more and no fewer. Each error is read as `<text> @ <url of its source>`.
   */
  expectConsoleError(pattern: RegExp, times?: number): void;
}

/** How long one step (a click, a wait for an element) may take before it fails; a test gets 120 s in all. */
const ACTION_TIMEOUT_MS = 30_000;

interface Expected {
  pattern: RegExp;
  times: number;
  seen: number;
}

/** A console error, as `<text> @ <url>`: the text and where it came from (for a failed load, the address). */
function describeConsole(message: ConsoleMessage): string {
  return `${message.text()} @ ${message.location().url}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The console error Chromium logs for a request that failed: the address (a path on the test
 * server, query ignored) and the reason as Chromium writes it, e.g.
 * 'the server responded with a status of 404 (Not Found)' or 'net::ERR_CONNECTION_REFUSED'.
 */
export function failedToLoad(path: string, reason: string): RegExp {
  return new RegExp(`^Failed to load resource: ${escapeRegExp(reason)} @ https?://[^/]+${escapeRegExp(path)}(\\?.*)?$`);
}

export const test = base
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from an object pattern, even an empty one
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  // biome-ignore lint/correctness/noEmptyPattern: as above
  .extend('server', { scope: 'file' }, async ({}, { onCleanup }): Promise<TestServer> => {
    const server = await startTestServer();
    onCleanup(() => server.close());
    return server;
  })
  .extend('baseUrl', { scope: 'file' }, (): string => inject('baseUrl'))
  .extend('chromium', async ({ browser }, { onCleanup }): Promise<ChromiumSession> => {
    const contexts: BrowserContext[] = [];
    const expected: Expected[] = [];
    const unexpected: string[] = [];
    const uncaught: string[] = [];

    const onConsole = (message: ConsoleMessage) => {
      if (message.type() !== 'error') return;
      const text = describeConsole(message);
      const match = expected.find((e) => e.seen < e.times && e.pattern.test(text));
      if (match) match.seen += 1;
      else unexpected.push(text);
    };

    const newContext = async (options: BrowserContextOptions = {}) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      // Well inside the test's own time-out, so a step that never completes is named in the failure
      // ("waiting for getByRole('button', …)") instead of the whole test just running out of time.
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      context.on('console', onConsole);
      context.on('weberror', (e) => uncaught.push(`${e.error().name}: ${e.error().message}`));
      return context;
    };

    onCleanup(async () => {
      await Promise.all(contexts.map((c) => c.close()));
      const problems = [
        ...uncaught.map((e) => `uncaught error in the page: ${e}`),
        ...unexpected.map((e) => `console error nobody declared: ${e}`),
        ...expected
          .filter((e) => e.seen !== e.times)
          .map((e) => `expected ${e.times} console error(s) matching ${e.pattern}, saw ${e.seen}`),
      ];
      if (problems.length > 0) throw new Error(`the page was not clean:\n  ${problems.join('\n  ')}`);
    });

    return {
      newContext,
      newPage: async (options) => (await newContext(options)).newPage(),
      expectConsoleError: (pattern, times = 1) => {
        // A global or sticky pattern remembers where it last matched; matching must not depend on that.
        expected.push({ pattern: new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')), times, seen: 0 });
      },
    };
  });

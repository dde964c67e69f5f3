/**
 * Security of the built page (docs/security.md): data is shown as text, never
 * run; the Content-Security-Policy allows only the page's own scripts and the
 * page works under it; nothing is requested from another host; the source
 * holds none of the constructs that would turn data into markup or code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';
import { DIST_DIR, ROOT, type TestServer } from '../support/test-server.ts';
import { type ChromiumSession, test } from './fixture.ts';
import { scrollThrough } from './scroll.ts';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const BOTH = `${IMG} ${SCRIPT}`;

function record(unitId: string, month: string, received: number) {
  return {
    unitId,
    month,
    carriedOver: 5,
    received,
    receivedOnlineLevel3: 10,
    receivedOnlineLevel4: 20,
    resolvedEarly: 10,
    resolvedOnTime: received - 20,
    resolvedLate: 5,
    pendingWithinDeadline: 10,
    pendingOverdue: 0,
    feesVnd: 1000,
  };
}

/** Markup and script in every text the page shows: title, source, unit names, a fact. */
const HOSTILE = {
  schemaVersion: 1,
  title: IMG,
  source: SCRIPT,
  facts: [{ label: BOTH, value: SCRIPT, note: IMG }],
  units: [
    { id: 'h', name: SCRIPT, level: 'district' },
    { id: 'x', name: BOTH, level: 'commune', parentId: 'h', code: IMG },
  ],
  records: [
    record('h', '2023-01', 300),
    record('x', '2023-01', 100),
    record('h', '2023-02', 320),
    record('x', '2023-02', 90),
  ],
};

/** Refused: an unknown field whose name is markup, so the error path itself is hostile. */
const HOSTILE_REFUSED = { ...HOSTILE, [IMG]: 1 };

/** The toolbar's "open a data file" input (the import panel has a file input of its own). */
const fileInput = (page: Page) => page.getByRole('navigation', { name: 'Công cụ' }).locator('input[type=file]');

interface Watched {
  page: Page;
  dialogs: string[];
  /** Console messages of CSP refusals, and securitypolicyviolation events seen in the page. */
  cspProblems: () => Promise<string[]>;
  /** Every URL requested by any page of the context. */
  requests: string[];
}

/** The page at `query` on the test server, with its dialogs, CSP refusals and requests recorded. */
async function openWatched(chromium: ChromiumSession, server: TestServer, query = ''): Promise<Watched> {
  server.serve('/net/hostile.json', HOSTILE);
  server.serve('/net/hostile-refused.json', HOSTILE_REFUSED);
  const context = await chromium.newContext({ viewport: { width: 1366, height: 768 } });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const consoleCsp: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) consoleCsp.push(m.text());
  });
  await page.goto(`${server.url}${query}`);
  const cspProblems = async () => [
    ...consoleCsp,
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
  ];
  return { page, dialogs, cspProblems, requests };
}

async function noInjectedMarkup(page: Page): Promise<{ images: number; scripts: string[] }> {
  return page.evaluate(() => ({
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    scripts: [...document.scripts].filter((s) => !s.src || /alert/.test(s.textContent ?? '')).map((s) => s.outerHTML),
  }));
}

describe('data is shown as text, never run', () => {
  test('a dataset whose title, names, source and facts hold markup shows them as written, and nothing runs', async ({
    chromium,
    server,
  }) => {
    const { page, dialogs } = await openWatched(chromium, server, '?data=/net/hostile.json');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(IMG);
    expect(await page.getByText(SCRIPT, { exact: true }).count()).toBeGreaterThan(0);
    // The ranking's code loads after the headline figures: wait for its first row before counting.
    await page.getByRole('button', { name: `Xem ${SCRIPT}`, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `Xem ${SCRIPT}`, exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: `Xem ${BOTH}`, exact: true }).count()).toBe(1);
    expect(await page.getByText(BOTH, { exact: true }).count()).toBeGreaterThan(0);
    await scrollThrough(page);
    // Drill down to the commune: its name goes into chart titles, labels and the table captions.
    await page.getByRole('button', { name: `Xem ${BOTH}`, exact: true }).click();
    await page.getByRole('heading', { name: `${BOTH}: tỷ lệ theo tháng`, exact: true }).waitFor();
    await scrollThrough(page);
    expect(await noInjectedMarkup(page)).toEqual({ images: 0, scripts: [] });
    expect(dialogs).toEqual([]);
  });

  test('the same dataset chosen as a file, and a refused file whose error path is markup, stay text', async ({
    chromium,
    server,
  }) => {
    const { page, dialogs } = await openWatched(chromium, server);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await fileInput(page).setInputFiles({
      name: `${IMG}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(HOSTILE)),
    });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(IMG);
    await fileInput(page).setInputFiles({
      name: `${SCRIPT}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(HOSTILE_REFUSED)),
    });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain(SCRIPT);
    expect(await alert.innerText()).toContain(IMG);
    expect(await noInjectedMarkup(page)).toEqual({ images: 0, scripts: [] });
    expect(dialogs).toEqual([]);
  });

  test('a refused address whose error path is markup shows it as text', async ({ chromium, server }) => {
    const { page, dialogs } = await openWatched(chromium, server, '?data=/net/hostile-refused.json');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain(IMG);
    expect(await noInjectedMarkup(page)).toEqual({ images: 0, scripts: [] });
    expect(dialogs).toEqual([]);
  });
});

describe('the Content-Security-Policy of the built page', () => {
  const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');

  test('dist/index.html carries the policy of vite.config.ts, with script-src limited to the page itself', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, 'a CSP <meta> in dist/index.html').not.toBeNull();
    const policy = (meta?.[1] ?? '')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    const directives = new Map(
      policy.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    // A policy in a <meta> tag governs only what comes after it: it must precede every script and stylesheet.
    const at = html.indexOf('Content-Security-Policy');
    const firstResource = Math.min(
      ...['<script', '<link rel="stylesheet"', '<link rel="modulepreload"']
        .map((tag) => html.indexOf(tag))
        .filter((i) => i >= 0),
    );
    expect(at, 'the CSP <meta> comes after a script or stylesheet in dist/index.html').toBeLessThan(firstResource);
  });

  test('dist/index.html has no inline script and no inline event handler', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, attrs = '', body = ''] of scripts) {
      expect(attrs, tag).toMatch(/\ssrc=/);
      expect(body.trim(), tag).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  test('docs/deploy.md gives every server the build’s policy, with frame-ancestors added', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
    // Every policy written on the page: nginx, Apache, IIS and the one shown on its own.
    const written = doc.match(/default-src [^"\n]*/g) ?? [];
    expect(written.length, 'policies in docs/deploy.md').toBeGreaterThanOrEqual(4);
    expect(new Set(written)).toEqual(new Set([`${CONTENT_SECURITY_POLICY}; frame-ancestors 'self'`]));
  });

  test('dist holds a production build: no development-only code of React or Redux Toolkit (recharts) ships', () => {
    // Each of these strings is compiled out when NODE_ENV is "production" and kept otherwise
    // (e.g. a build started from inside vitest, where NODE_ENV is "test").
    const DEV_ONLY = [
      'Download the React DevTools',
      'A non-serializable value was detected',
      'A state mutation was detected',
    ];
    const assets = join(DIST_DIR, 'assets');
    const found = readdirSync(assets)
      .filter((f) => f.endsWith('.js'))
      .flatMap((f) => {
        const code = readFileSync(join(assets, f), 'utf8');
        return DEV_ONLY.filter((m) => code.includes(m)).map((m) => `${f}: "${m}"`);
      });
    expect(found, 'development code in dist (was it built with NODE_ENV other than production?)').toEqual([]);
  });

  test('the page works under the policy: no refusal, the title shows, every chart is drawn', async ({
    chromium,
    server,
  }) => {
    const { page, cspProblems } = await openWatched(chromium, server);
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await scrollThrough(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'District level', exact: true }).waitFor();
    expect(await cspProblems()).toEqual([]);
  });

  test('the policy is in force: an inline script added to the page does not run', async ({ chromium, server }) => {
    // Chromium says so in the console: the refusal this test causes on purpose.
    chromium.expectConsoleError(
      /^Executing inline script violates the following Content Security Policy directive 'script-src 'self''\. .* The action has been blocked\. @ $/,
    );
    const { page, cspProblems } = await openWatched(chromium, server);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const ran = await page.evaluate(() => {
      const w = window as unknown as { inlineRan?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
      return w.inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(async () => (await cspProblems()).some((p) => p.startsWith('script-src'))).toBe(true);
  });
});

describe('no request leaves the site', () => {
  test('the dashboard, every chart, another language and a drill-down request nothing from another host', async ({
    chromium,
    server,
  }) => {
    const { page, requests } = await openWatched(chromium, server);
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    await scrollThrough(page);
    await page.getByRole('button', { name: 'Xem Thị trấn Trâu Quỳ' }).click();
    await page.getByRole('heading', { name: 'Thị trấn Trâu Quỳ: tỷ lệ theo tháng' }).waitFor();
    await scrollThrough(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Thị trấn Trâu Quỳ', exact: true }).waitFor();
    expect(requests.length).toBeGreaterThan(3);
    const elsewhere = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== server.origin);
    expect(elsewhere).toEqual([]);
  });

  test('a data= address on another host is ignored with a note and never requested', async ({ chromium, server }) => {
    const { page, requests } = await openWatched(chromium, server, '?data=https://example.org/data.json');
    await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
    await expect.poll(() => page.getByText('https://example.org/data.json').count()).toBeGreaterThan(0);
    expect(requests.filter((u) => u.includes('example.org') && !u.startsWith(server.origin))).toEqual([]);
  });
});

describe('the source', () => {
  /** Constructs that turn text into markup or code. */
  const FORBIDDEN: [string, RegExp][] = [
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['.innerHTML =', /\.(inner|outer)HTML\s*\+?=/],
    ['insertAdjacentHTML', /insertAdjacentHTML/],
    ['document.write', /document\.write(ln)?\s*\(/],
    ['eval(', /(^|[^\w.])eval\s*\(/],
    ['new Function(', /new\s+Function\s*\(/],
    ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ];

  function files(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|tsx|js|jsx|html)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  }

  test('src/ has no dangerouslySetInnerHTML, innerHTML assignment, eval or new Function', () => {
    const list = [...files(join(ROOT, 'src')), join(ROOT, 'index.html')];
    expect(list.length).toBeGreaterThan(20);
    const found: string[] = [];
    for (const file of list) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [name, pattern] of FORBIDDEN) {
            if (pattern.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${name}`);
          }
        });
    }
    expect(found).toEqual([]);
  });
});

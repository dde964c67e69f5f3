import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { buildDeckTemplate } from './scripts/deck-template.ts';
import { COMPOSITOR_STALL_PATTERN } from './tests/browser/compositor-stall.ts';

/**
 * Serves the top-level data/ folder (the sample dataset and its JSON Schema)
 * at ./data/ in development and copies it into the build, so the sample is
 * fetched like any other dataset instead of being bundled into the script.
 */
function datasetFolder(): Plugin {
  const dir = 'data';
  return {
    name: 'tthc-data-folder',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/data\/([\w.-]+\.json)(?:\?.*)?$/.exec(req.url ?? '');
        if (!match?.[1]) return next();
        try {
          const body = readFileSync(join(dir, match[1]));
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const file of readdirSync(dir)) {
        if (file.endsWith('.json')) {
          this.emitFile({ type: 'asset', fileName: `data/${file}`, source: readFileSync(join(dir, file)) });
        }
      }
    },
  };
}

/**
 * The Content-Security-Policy of the built page (docs/security.md). Only in
 * the build: the development server needs an inline script for hot reload.
 * To serve datasets from another host, add it to connect-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // recharts positions labels with inline style attributes; no inline <style> or <script> is used.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tthc-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Preloads the page's own font files (Be Vietnam Pro, the weights the page
 * uses, every subset it draws from): requested with the first script rather
 * than when the first text is laid out, they are there before the headline
 * figures, so swapping the fallback font for them never moves the figures a
 * reader is already looking at (the layout-shift budget). The latin-ext files
 * are among them: the browser takes "₫" and "ỳ ỵ ỷ ỹ" (as in "kỳ") from them,
 * since those letters are in both the Vietnamese and the latin-ext range and
 * the later-declared face wins.
 */
function fontPreload(): Plugin {
  const wanted = /^assets\/be-vietnam-pro-(latin|latin-ext|vietnamese)-(400|600|700)-normal-[\w-]+\.woff2$/;
  return {
    name: 'tthc-font-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        Object.keys(ctx.bundle ?? {})
          .filter((file) => wanted.test(file))
          .sort()
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', href: `./${file}`, as: 'font', type: 'font/woff2', crossorigin: '' },
            injectTo: 'head' as const,
          })),
    },
  };
}

/**
 * The offline deck's template (docs/decisions/0010-offline-deck.md): every
 * build also writes dist/deck-template.html, which the "download the deck"
 * button fetches; the development server builds it on first request.
 */
function deckTemplate(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  let building = false;
  let served: Promise<string> | null = null;
  return {
    name: 'tthc-deck-template',
    configResolved(config) {
      building = config.command === 'build';
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!/^\/deck-template\.html(?:\?.*)?$/.test(req.url ?? '')) return next();
        served ??= buildDeckTemplate(root);
        served.then(
          (html) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.end(html);
          },
          (e: unknown) => {
            served = null;
            next(e);
          },
        );
      });
    },
    async closeBundle() {
      // Also called when the development server closes; only a build writes dist/.
      if (!building || this.meta.watchMode) return;
      writeFileSync(join(outDir, 'deck-template.html'), await buildDeckTemplate(root));
    },
  };
}

export default defineConfig({
  plugins: [react(), datasetFolder(), contentSecurityPolicy(), fontPreload(), deckTemplate()],
  // Relative asset paths, so the built folder can be served from any sub-path of a district's site.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  preview: { port: 4173, strictPort: false },
  test: {
    // A test that asserts nothing cannot fail: every test must make at least one expect() call.
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'tests/component/**/*.test.tsx'],
          setupFiles: ['tests/setup/component.ts'],
          // Whole pages with seven charts render in jsdom; two cores shared with other suites need the margin.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/setup/browser-global.ts'],
          // Ceilings, not waits. On this shared two-core machine, under other work (load average 10-15),
          // the heaviest tests took up to 40 s against 5-10 s when it is quiet; 60 s left too little room.
          // A step that never completes fails sooner, by name (30 s, tests/browser/fixture.ts).
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
          // The files then run one after another in one worker; sharing its module graph saves loading
          // playwright-core and the suites' imports again for each file. Nothing in them is global:
          // each file gets its own Chromium and test server from the fixture.
          isolate: false,
          // After the unit and component tests, not beside them: pages measured for long tasks,
          // layout shifts and load times must not share the two cores with jsdom.
          sequence: { groupOrder: 1 },
          // Chromium sometimes stops producing frames for a page (about once in 150 loads that scroll the
          // sample through): a test that failed with exactly that diagnosis runs once more on fresh pages.
          // Nothing else is retried (decision 0018).
          retry: { count: 1, condition: COMPOSITOR_STALL_PATTERN },
          // A page that is slow to settle on a busy machine is not a failure; a condition that never holds still is.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUDGETS,
  type BuildChunks,
  bundlerStaticFiles,
  chartCodeIn,
  chartPackages,
  cssImports,
  formatReport,
  gzipSize,
  htmlAssets,
  lazyFiles,
  main,
  measure,
  packageOf,
  resolveRef,
  staticGraph,
  staticImports,
  verdict,
} from './check-budget.ts';

describe('staticImports', () => {
  it('finds the static imports of minified chunks and nothing dynamic', () => {
    const code = [
      'import{r as e}from"./rolldown-runtime.js";',
      'import"./side-effect.js";',
      "import d,{a as b}from'./mixed.js';",
      'import*as ns from"./ns.js";',
      'import def from"./def.js";',
      'export*from"./re.js";export{x as y}from"./re2.js";',
      'const p=import(`./lazy.js`),q=import("./lazy2.js");',
      'const u=new URL(`./asset.png`,import.meta.url);',
      'var s="reimport\\"./not.js\\"";export default"./nope.js";',
      'export{e as t};',
    ].join('');
    expect(staticImports(code)).toEqual([
      './rolldown-runtime.js',
      './side-effect.js',
      './mixed.js',
      './ns.js',
      './def.js',
      './re.js',
      './re2.js',
    ]);
  });

  it('ignores bare specifiers and other hosts', () => {
    expect(staticImports('import"react";import"https://cdn.example/x.js";import"../up.js"')).toEqual(['../up.js']);
  });
});

describe('htmlAssets', () => {
  it('reads entry scripts, modulepreloads and stylesheets, and skips comments and icons', () => {
    const html = `<!doctype html><head>
      <link rel="icon" href="./favicon.svg">
      <!-- <script type="module" src="./commented.js"></script> -->
      <script type="module" crossorigin src="./assets/index.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor.js">
      <link crossorigin rel=stylesheet href='./assets/index.css'>
      <link rel="preload" href="./assets/font.woff2" as="font">
    </head>`;
    expect(htmlAssets(html)).toEqual({
      scripts: ['./assets/index.js'],
      modulePreloads: ['./assets/vendor.js'],
      stylesheets: ['./assets/index.css'],
    });
  });
});

describe('resolveRef and cssImports', () => {
  it('resolves relative, root and parent references inside the build only', () => {
    expect(resolveRef('index.html', './assets/a.js')).toBe('assets/a.js');
    expect(resolveRef('assets/a.js', './b.js?v=1')).toBe('assets/b.js');
    expect(resolveRef('assets/a.js', '/c.js')).toBe('c.js');
    expect(resolveRef('assets/x/a.js', '../b.js')).toBe('assets/b.js');
    expect(resolveRef('assets/a.js', '../../out.js')).toBeNull();
    expect(resolveRef('index.html', 'https://cdn.example/a.js')).toBeNull();
  });

  it('finds @import in CSS', () => {
    expect(cssImports('@import "./a.css";@import url(b.css);@import url("./c.css") screen;a{}')).toEqual([
      './a.css',
      'b.css',
      './c.css',
    ]);
  });
});

describe('staticGraph', () => {
  it('follows static imports recursively, once each, and reports missing files', () => {
    const files = new Map([
      ['assets/entry.js', 'import{a}from"./a.js";import"./b.js";import(`./lazy.js`)'],
      ['assets/a.js', 'import"./c.js";import{x}from"./b.js"'],
      ['assets/b.js', 'import"./a.js"'],
      ['assets/c.js', 'import"./gone.js"'],
      ['assets/lazy.js', 'import"./d.js"'],
      ['assets/d.js', ''],
    ]);
    expect(staticGraph(files, ['assets/entry.js'])).toEqual({
      files: ['assets/entry.js', 'assets/a.js', 'assets/c.js', 'assets/b.js'],
      missing: ['assets/gone.js'],
      external: [],
    });
  });
});

/** Writes `files` (path relative to `dir` → text) under `dir`. */
function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Runs `f` with console output captured; returns what it printed. */
async function quietly<T>(f: () => Promise<T>): Promise<[T, string]> {
  const lines: string[] = [];
  const { log, error, warn } = console;
  console.log = (text: string) => lines.push(String(text));
  console.error = (text: string) => lines.push(String(text));
  console.warn = () => {};
  try {
    return [await f(), lines.join('\n')];
  } finally {
    Object.assign(console, { log, error, warn });
  }
}

describe('measure on a fake build', () => {
  let dir: string;
  const entry = `import{r}from"./runtime.js";import{c}from"./vendor.js";${'console.log("entry");'.repeat(50)}import(\`./lazy.js\`)`;
  const vendor = `import"./runtime.js";${'export const c=1;'.repeat(40)}`;
  const runtime = 'export const r=0;';
  const css = '@import "./extra.css";body{margin:0}';
  const extra = '.a{color:red}';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'budget-'));
    writeTree(dir, {
      'index.html':
        '<script type="module" src="./assets/entry.js"></script><link rel="modulepreload" href="./assets/vendor.js"><link rel="stylesheet" href="./assets/index.css">',
      'assets/entry.js': entry,
      'assets/vendor.js': vendor,
      'assets/runtime.js': runtime,
      'assets/lazy.js': 'x'.repeat(100_000),
      'assets/lazy.css': 'y{}'.repeat(10_000),
      'assets/index.css': css,
      'assets/extra.css': extra,
      'data/big.json': '[]',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the entry, its static imports and the stylesheets, with gzip -9 sizes', () => {
    const m = measure(dir);
    expect(m.js.map((f) => f.file)).toEqual(['assets/entry.js', 'assets/runtime.js', 'assets/vendor.js']);
    expect(m.css.map((f) => f.file)).toEqual(['assets/index.css', 'assets/extra.css']);
    expect(m.js[0]).toEqual({ file: 'assets/entry.js', bytes: entry.length, gzip: gzipSize(entry) });
    expect(m.jsGzip).toBe(gzipSize(entry) + gzipSize(runtime) + gzipSize(vendor));
    expect(m.cssGzip).toBe(gzipSize(css) + gzipSize(extra));
    expect(m.missing).toEqual([]);
  });

  it('says by how much a total is over its budget, and passes within it', () => {
    const m = measure(dir);
    const over = verdict(m, { js: m.jsGzip - 10, css: 30 * 1024 });
    expect(over.ok).toBe(false);
    expect(over.lines[0]).toMatch(/^JS: .* before the headline figures — OVER the .* budget by 0\.0 KB \(10 bytes/);
    expect(verdict(m, { js: m.jsGzip, css: m.cssGzip }).ok).toBe(true);
    const report = formatReport(m);
    expect(report).toContain('assets/vendor.js');
    expect(report).toMatch(/JS total \(3 files\)/);
    expect(report).not.toMatch(/first chart/);
  });
});

describe('the budgets', () => {
  it('are those of issue 13 and decision 6: 120 KB of JS and 30 KB of CSS, gzip', () => {
    expect(BUDGETS).toEqual({ js: 120 * 1024, css: 30 * 1024 });
  });
});

describe('packageOf', () => {
  it('names the package of the last node_modules in a path, scoped or not', () => {
    expect(packageOf('/w/node_modules/recharts/es6/index.js')).toBe('recharts');
    expect(packageOf('/w/node_modules/@reduxjs/toolkit/dist/a.mjs')).toBe('@reduxjs/toolkit');
    expect(packageOf('/w/node_modules/victory-vendor/node_modules/d3-scale/src/x.js')).toBe('d3-scale');
    expect(packageOf('C:\\w\\node_modules\\immer\\dist\\immer.mjs')).toBe('immer');
    expect(packageOf('/w/src/components/charts/chart.tsx')).toBeNull();
    expect(packageOf('\0rolldown/runtime.js')).toBeNull();
  });
});

describe('chartPackages', () => {
  let root: string;
  const pkg = (name: string, dependencies: Record<string, string> = {}, peers: Record<string, string> = {}) =>
    JSON.stringify({ name, version: '1.0.0', dependencies, peerDependencies: peers });
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'budget-pkgs-'));
    writeTree(root, {
      'package.json': pkg('app', { recharts: '1', react: '1', '@tanstack/query': '1' }),
      'node_modules/recharts/package.json': pkg(
        'recharts',
        { 'd3-scale': '1', clsx: '1', 'nested-only': '1', '@types/d3-scale': '1' },
        { react: '1', 'react-is': '1' },
      ),
      'node_modules/d3-scale/package.json': pkg('d3-scale', { 'd3-array': '1' }),
      'node_modules/d3-array/package.json': pkg('d3-array'),
      'node_modules/@types/d3-scale/package.json': pkg('@types/d3-scale'),
      // Also needed by another dependency of the app: not chart code.
      'node_modules/clsx/package.json': pkg('clsx'),
      'node_modules/@tanstack/query/package.json': pkg('@tanstack/query', { clsx: '1' }),
      // Installed under recharts only (another version than a top-level one would be).
      'node_modules/recharts/node_modules/nested-only/package.json': pkg('nested-only', { 'd3-array': '1' }),
      'node_modules/react/package.json': pkg('react'),
      'node_modules/react-is/package.json': pkg('react-is'),
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is recharts and what only it depends on, found as Node finds packages; no peers, no types, no shared ones', () => {
    expect(chartPackages(root)).toEqual(['d3-array', 'd3-scale', 'nested-only', 'recharts']);
  });
});

describe('chartCodeIn and its verdict', () => {
  const chunks: BuildChunks = new Map([
    [
      'assets/index.js',
      {
        modules: ['\0rolldown/runtime.js', '/w/node_modules/react/index.js', '/w/src/app/main.tsx'],
        imports: ['assets/vendor.js'],
        dynamicImports: ['assets/chart.js'],
        css: [],
        isEntry: true,
      },
    ],
    [
      'assets/vendor.js',
      {
        modules: [
          '/w/node_modules/recharts/es6/a.js',
          '/w/node_modules/recharts/es6/b.js',
          '/w/node_modules/victory-vendor/es/d3-scale.js',
        ],
        imports: [],
        dynamicImports: [],
        css: [],
        isEntry: false,
      },
    ],
    [
      'assets/chart.js',
      {
        modules: ['/w/node_modules/immer/dist/immer.mjs'],
        imports: ['assets/index.js', 'assets/shared-lazy.js'],
        dynamicImports: ['assets/export.js'],
        css: ['assets/chart.css'],
        isEntry: false,
      },
    ],
    ['assets/shared-lazy.js', { modules: [], imports: [], dynamicImports: [], css: [], isEntry: false }],
    ['assets/export.js', { modules: [], imports: [], dynamicImports: [], css: [], isEntry: false }],
  ]);
  const packages = ['immer', 'recharts', 'victory-vendor'];

  it('finds chart packages in the first-view chunks only, counted per chunk and package', () => {
    expect(chartCodeIn(['assets/index.js', 'assets/vendor.js'], chunks, packages)).toEqual([
      { file: 'assets/vendor.js', pkg: 'recharts', modules: 2, example: 'node_modules/recharts/es6/a.js' },
      {
        file: 'assets/vendor.js',
        pkg: 'victory-vendor',
        modules: 1,
        example: 'node_modules/victory-vendor/es/d3-scale.js',
      },
    ]);
    // The lazily loaded chart chunk may hold them.
    expect(chartCodeIn(['assets/index.js'], chunks, packages)).toEqual([]);
  });

  it('fails the verdict on chart code even within the size budget, naming the chunk and the packages', () => {
    const m = {
      js: [],
      css: [],
      jsGzip: 1000,
      cssGzip: 100,
      missing: [],
      external: [],
    };
    const hits = chartCodeIn(['assets/vendor.js'], chunks, packages);
    const v = verdict(m, BUDGETS, hits);
    expect(v.ok).toBe(false);
    expect(v.lines).toContain(
      'CHART CODE in the first view: assets/vendor.js holds 3 module(s) of recharts (2), victory-vendor (1), e.g. node_modules/recharts/es6/a.js; chart code must load only with the chart module (decision 6)',
    );
    expect(verdict(m, BUDGETS, []).ok).toBe(true);
  });

  it("reads the bundler's static graph from the entries, leaving dynamic imports out", () => {
    expect(bundlerStaticFiles(chunks).sort()).toEqual(['assets/index.js', 'assets/vendor.js']);
  });

  it('lists what loads on demand: dynamic chunks, what they import, their stylesheets; never the first view', () => {
    expect(lazyFiles(chunks).sort()).toEqual([
      'assets/chart.css',
      'assets/chart.js',
      'assets/export.js',
      'assets/shared-lazy.js',
    ]);
  });
});

/**
 * main() on small projects built for real by Vite: a page, a fake "recharts"
 * with a dependency of its own, imported statically or on demand.
 */
describe('main on real builds', () => {
  let root: string;
  const page = (main: string) => ({
    'index.html': '<!doctype html><div id="root"></div><script type="module" src="./main.js"></script>',
    'main.js': main,
  });
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'budget-project-'));
    writeTree(root, {
      'package.json': JSON.stringify({ name: 'p', private: true, type: 'module', dependencies: { recharts: '1' } }),
      'node_modules/recharts/package.json': JSON.stringify({
        name: 'recharts',
        version: '1.0.0',
        type: 'module',
        main: 'index.js',
        dependencies: { 'd3-fake': '1' },
      }),
      'node_modules/recharts/index.js':
        'import { scale } from "d3-fake";\nexport function draw(x) { return "<svg data-k=" + scale(x) + ">"; }\n',
      'node_modules/d3-fake/package.json': JSON.stringify({
        name: 'd3-fake',
        version: '1.0.0',
        type: 'module',
        main: 'index.js',
      }),
      'node_modules/d3-fake/index.js': 'export function scale(x) { return x * 2 + 1; }\n',
      'chart.js': 'import { draw } from "recharts";\nexport const chart = (x) => draw(x);\n',
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const run = async (files: Record<string, string>) => {
    writeTree(root, files);
    return quietly(() => main(['--root', root, '--out', join(root, 'dist')]));
  };

  it('passes a page that loads the chart code on demand', async () => {
    const [code, out] = await run(
      page(
        'document.getElementById("root").textContent = "42";\nimport("./chart.js").then((m) => console.log(m.chart(3)));\n',
      ),
    );
    expect(out).toMatch(/no chart code in the first view \(checked: d3-fake, recharts\)/);
    expect(code).toBe(0);
  });

  it('fails a page that imports the chart code statically, naming the chunk and the packages', async () => {
    const [code, out] = await run(
      page('import { chart } from "./chart.js";\ndocument.getElementById("root").innerHTML = chart(3);\n'),
    );
    expect(out).toMatch(
      /CHART CODE in the first view: assets\/index-[\w-]+\.js holds 2 module\(s\) of (recharts \(1\), d3-fake \(1\)|d3-fake \(1\), recharts \(1\))/,
    );
    expect(code).toBe(1);
  });

  it('fails a first view past 120 KB of JavaScript gzip', async () => {
    // Random bytes in base64 barely compress: 200,000 of them stay far over 120 KB gzipped.
    const [code, out] = await run(
      page(`const blob = "${randomBytes(200_000).toString('base64')}";\nwindow.blob = blob;\n`),
    );
    expect(out).toMatch(/JS: .* OVER the 120\.0 KB budget by/);
    expect(code).toBe(1);
  });

  it('exits 2 when the project does not build', async () => {
    const [code, out] = await run(page('import { nothing } from "./missing.js";\nconsole.log(nothing);\n'));
    expect(out).toMatch(/check-budget: the build failed/);
    expect(code).toBe(2);
  });
});

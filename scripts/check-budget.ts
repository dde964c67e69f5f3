import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The budget of the first view: what the browser must load before it can
 * show the headline figures (header, filters, headline figures).
 *
 * Measured on a real production build, not on the bundler's report: the
 * entry script and the modulepreload links of index.html, then every chunk
 * those import statically, recursively. Dynamic `import()` chunks are left
 * out on purpose: the chart module, the panels below the first screen and the
 * exports load on demand and do not hold up the headline figures.
 * tests/browser/budget.test.ts checks this reading against what Chromium
 * actually requests, so the static analysis cannot silently drift from reality.
 *
 * Two rules, both checked:
 * - at most 120 KB gzip of JavaScript and 30 KB gzip of CSS in the first view;
 * - no chart code in the first view (decision 6): no module of recharts, nor of
 *   a package only recharts brings in (d3-*, victory-vendor, @reduxjs/toolkit,
 *   immer…), may be statically reachable from the entry. Which module ended up
 *   in which chunk is taken from the bundler itself while it builds.
 *
 *   tsx scripts/check-budget.ts [--out <dir>]
 *
 * Builds with the project's Vite config into <dir> (default: a temporary
 * folder, removed afterwards). Exit 0 when both rules hold, 1 when one does
 * not, 2 when the build cannot be made or read.
 */

export const BUDGETS = {
  /** gzip bytes of JavaScript before the headline figures. */
  js: 120 * 1024,
  /** gzip bytes of CSS before the headline figures. */
  css: 30 * 1024,
} as const;

export type Budgets = { js: number; css: number };

export interface HtmlAssets {
  /** `<script src>`, module or classic. */
  scripts: string[];
  /** `<link rel="modulepreload">`: fetched at once, whatever the entry imports. */
  modulePreloads: string[];
  /** `<link rel="stylesheet">`. */
  stylesheets: string[];
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const name = m[1];
    if (name) out[name.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/** The scripts and stylesheets index.html asks for, in document order. */
export function htmlAssets(html: string): HtmlAssets {
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  const found: HtmlAssets = { scripts: [], modulePreloads: [], stylesheets: [] };
  for (const m of text.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const kind = m[1]?.toLowerCase();
    const attrs = attributes(m[2] ?? '');
    if (kind === 'script' && attrs.src) found.scripts.push(attrs.src);
    if (kind === 'link' && attrs.href) {
      const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('modulepreload')) found.modulePreloads.push(attrs.href);
      else if (rel.includes('stylesheet')) found.stylesheets.push(attrs.href);
    }
  }
  return found;
}

/**
 * Specifiers of the static imports and re-exports of a module: `import"./a.js"`,
 * `import{x as y}from"./a.js"`, `import d,*as n from'./a.js'`, `export*from"./a.js"`.
 * `import(` (dynamic) and `import.meta` never match, nor does a word that merely
 * ends in "import". Minified output is the input, hence no reliance on spaces.
 */
export function staticImports(code: string): string[] {
  const pattern =
    /(?<![\w$.])(?:import|export)\s*(?:(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+|\*)\s*from\s*|[\w$]+\s+from\s*)?(["'])([^"'\n]+)\1/g;
  const out: string[] = [];
  for (const m of code.matchAll(pattern)) {
    const specifier = m[2];
    // Anything but a relative or root path (a stray word in a string) is not a chunk of ours.
    if (specifier && /^(\.{1,2}\/|\/)/.test(specifier)) out.push(specifier);
  }
  return out;
}

/** CSS `@import` targets, which the browser fetches before the sheet applies. */
export function cssImports(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1/g)) {
    if (m[2]) out.push(m[2]);
  }
  return out;
}

/**
 * Resolves a reference found in `from` (a path relative to the build folder)
 * to another path relative to it; null for another host, a data: address, or
 * anything outside the folder.
 */
export function resolveRef(from: string, ref: string): string | null {
  if (/^[a-z][a-z\d+.-]*:/i.test(ref) || ref.startsWith('//')) return null;
  const clean = ref.replace(/[?#].*$/, '');
  const joined = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(from), clean);
  const normal = posix.normalize(joined);
  return normal.startsWith('../') || normal === '..' ? null : normal;
}

export interface Graph {
  /** Files reached, in the order first reached (entries first). */
  files: string[];
  /** Referenced but not in the file set: a broken build, or a reading error of ours. */
  missing: string[];
  /** References that leave the build (another host): cannot be measured. */
  external: string[];
}

/**
 * Every file reached from `entries` through static imports (JS) and
 * `@import` (CSS). `files` maps paths relative to the build folder to their text.
 */
export function staticGraph(files: ReadonlyMap<string, string>, entries: readonly string[]): Graph {
  const graph: Graph = { files: [], missing: [], external: [] };
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = files.get(path);
    if (text === undefined) {
      graph.missing.push(path);
      return;
    }
    graph.files.push(path);
    const refs = path.endsWith('.css') ? cssImports(text) : staticImports(text);
    for (const ref of refs) {
      const target = resolveRef(path, ref);
      if (target === null) graph.external.push(ref);
      else visit(target);
    }
  };
  for (const entry of entries) visit(entry);
  return graph;
}

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface Measurement {
  js: FileSize[];
  css: FileSize[];
  jsGzip: number;
  cssGzip: number;
  missing: string[];
  external: string[];
}

export function gzipSize(data: string | Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else if (/\.(m?js|css)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Reads the build in `dir` and sizes what loads before the headline figures. */
export function measure(dir: string): Measurement {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Map<string, string>();
  // Only scripts and stylesheets are read: the build's data/ folder may hold large datasets.
  for (const rel of listFiles(dir)) files.set(rel, readFileSync(join(dir, rel), 'utf8'));
  const assets = htmlAssets(html);
  const resolveAll = (refs: readonly string[], external: string[]) =>
    refs.flatMap((ref) => {
      const path = resolveRef('index.html', ref);
      if (path === null) external.push(ref);
      return path === null ? [] : [path];
    });
  const external: string[] = [];
  const jsGraph = staticGraph(files, resolveAll([...assets.scripts, ...assets.modulePreloads], external));
  const jsFiles = jsGraph.files.filter((f) => !f.endsWith('.css'));
  // CSS: the page's stylesheets, plus any sheet a loaded chunk imports itself.
  const cssEntries = [...resolveAll(assets.stylesheets, external), ...jsGraph.files.filter((f) => f.endsWith('.css'))];
  const cssGraph = staticGraph(files, cssEntries);
  const size = (file: string): FileSize => {
    const buffer = readFileSync(join(dir, file));
    return { file, bytes: buffer.length, gzip: gzipSize(buffer) };
  };
  const js = jsFiles.map(size);
  const css = cssGraph.files.map(size);
  return {
    js,
    css,
    jsGzip: js.reduce((a, f) => a + f.gzip, 0),
    cssGzip: css.reduce((a, f) => a + f.gzip, 0),
    missing: [...jsGraph.missing, ...cssGraph.missing],
    external: [...external, ...jsGraph.external, ...cssGraph.external],
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ------------------------------------------------------------ chart code

/** One output chunk as the bundler made it: the modules it holds and the chunks it imports. */
export interface ChunkInfo {
  /** Module ids: absolute paths, or `\0`-prefixed virtual modules of the bundler. */
  modules: string[];
  imports: string[];
  dynamicImports: string[];
  /** Stylesheets Vite loads with the chunk. */
  css: string[];
  isEntry: boolean;
}

/** Every JS chunk of a build, by file name relative to the build folder. */
export type BuildChunks = Map<string, ChunkInfo>;

/** A Vite plugin that records each chunk's modules and imports as the bundle is written. */
export function chunkRecorder(into: BuildChunks): Plugin {
  return {
    name: 'tthc-budget-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        into.set(fileName, {
          modules: [...output.moduleIds],
          imports: [...output.imports],
          dynamicImports: [...output.dynamicImports],
          css: [...(output.viteMetadata?.importedCss ?? [])],
          isEntry: output.isEntry,
        });
      }
    },
  };
}

/**
 * Builds the project in `root` with its own Vite config (production mode)
 * into `outDir`, and returns what the bundler put in each chunk.
 */
export async function buildWithChunks(outDir: string, root = '.'): Promise<BuildChunks> {
  const { build } = await import('vite');
  const chunks: BuildChunks = new Map();
  // Under vitest NODE_ENV is "test", which would build React's development files: measure what ships.
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: resolve(outDir), emptyOutDir: true },
      plugins: [chunkRecorder(chunks)],
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  return chunks;
}

/** The npm package a module id comes from (the last node_modules/ in its path), or null for our own code. */
export function packageOf(moduleId: string): string | null {
  const path = moduleId.replaceAll('\\', '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return null;
  const m = /^((?:@[^/]+\/)?[^/]+)/.exec(path.slice(at + '/node_modules/'.length));
  return m?.[1] ?? null;
}

interface PackageJson {
  dependencies?: Record<string, string>;
}

function readPackage(dir: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return null;
  }
}

/** Node's lookup: node_modules/<name> next to the requiring package, then in each folder above, up to `root`. */
function installedAt(name: string, from: string, root: string): string | null {
  const top = resolve(root);
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = resolve(dir, '..');
    if (dir === top || parent === dir) return null;
    // From <root>/node_modules/a go to <root>, not to <root>/node_modules.
    dir = parent.endsWith('/node_modules') ? resolve(parent, '..') : parent;
  }
}

/** `name` and every package it depends on (dependencies, not peers), as installed under `root`. */
function dependencyClosure(names: readonly string[], root: string): Set<string> {
  const found = new Set<string>();
  const queue: [string, string][] = names.map((n) => [n, root]);
  while (queue.length > 0) {
    const [name, from] = queue.shift() as [string, string];
    const dir = installedAt(name, from, root);
    if (found.has(name) || dir === null) continue;
    found.add(name);
    for (const dep of Object.keys(readPackage(dir)?.dependencies ?? {})) queue.push([dep, dir]);
  }
  return found;
}

/**
 * The chart code that must stay out of the first view: recharts and every
 * package installed only for it (d3-*, victory-vendor, @reduxjs/toolkit,
 * immer…), read from node_modules so the list follows recharts' releases. A
 * package that another dependency of the project needs as well (the project's
 * own `dependencies` and theirs) is not counted as chart code.
 */
export function chartPackages(root = '.'): string[] {
  const own = Object.keys(readPackage(root)?.dependencies ?? {});
  const charts = dependencyClosure(['recharts'], root);
  const others = dependencyClosure(
    own.filter((n) => n !== 'recharts'),
    root,
  );
  // Type-only packages (@types/*) are never bundled.
  return [...charts].filter((n) => !others.has(n) && !n.startsWith('@types/')).sort();
}

export interface ChartCodeHit {
  /** The first-view chunk that holds it. */
  file: string;
  pkg: string;
  /** How many of the package's modules the chunk holds, and one of them for the message. */
  modules: number;
  example: string;
}

/** Chart code held by the chunks of the first view, one entry per chunk and package. */
export function chartCodeIn(
  files: readonly string[],
  chunks: BuildChunks,
  packages: readonly string[],
): ChartCodeHit[] {
  const banned = new Set(packages);
  const hits: ChartCodeHit[] = [];
  for (const file of files) {
    const byPkg = new Map<string, string[]>();
    for (const id of chunks.get(file)?.modules ?? []) {
      const pkg = packageOf(id);
      if (pkg !== null && banned.has(pkg)) byPkg.set(pkg, [...(byPkg.get(pkg) ?? []), id]);
    }
    for (const [pkg, ids] of byPkg) {
      const example = ids[0] as string;
      const at = example.lastIndexOf('node_modules/');
      hits.push({ file, pkg, modules: ids.length, example: at >= 0 ? example.slice(at) : example });
    }
  }
  return hits;
}

/**
 * The chunks the bundler says the entries import statically, recursively:
 * must be the files `measure` read off the build, or one of the two readings is wrong.
 */
export function bundlerStaticFiles(chunks: BuildChunks): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of chunks.get(file)?.imports ?? []) visit(next);
  };
  for (const [file, info] of chunks) if (info.isEntry) visit(file);
  return [...seen];
}

/**
 * The files loaded on demand: chunks reached through a dynamic import (and
 * what they import), with their stylesheets, that are not part of the first
 * view. The page may start some of them early on purpose (the chart module
 * starts with the dataset), so a check of what the browser fetched before the
 * headline figures allows these and counts everything else.
 */
export function lazyFiles(chunks: BuildChunks): string[] {
  const first = new Set(bundlerStaticFiles(chunks));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || first.has(file)) return;
    seen.add(file);
    const info = chunks.get(file);
    for (const next of [...(info?.imports ?? []), ...(info?.dynamicImports ?? [])]) visit(next);
  };
  for (const file of first) for (const next of chunks.get(file)?.dynamicImports ?? []) visit(next);
  const css = [...seen].flatMap((f) => chunks.get(f)?.css ?? []);
  return [...seen, ...css.filter((c, i) => css.indexOf(c) === i)];
}

export interface FirstView {
  measurement: Measurement;
  /** Chart code statically reachable from the entry: must be empty. */
  chartCode: ChartCodeHit[];
  /** The packages counted as chart code. */
  chartPackages: string[];
  /** Files on which the reading of the build and the bundler's own graph disagree. */
  readingDiffers: { onlyRead: string[]; onlyBundler: string[] };
}

/** Measures a build made by `buildWithChunks`, against both rules. */
export function checkFirstView(dir: string, chunks: BuildChunks, root = '.'): FirstView {
  const measurement = measure(dir);
  const read = measurement.js.map((f) => f.file);
  const bundler = bundlerStaticFiles(chunks);
  const packages = chartPackages(root);
  return {
    measurement,
    chartCode: chartCodeIn(read, chunks, packages),
    chartPackages: packages,
    readingDiffers: {
      onlyRead: read.filter((f) => !bundler.includes(f)),
      onlyBundler: bundler.filter((f) => !read.includes(f)),
    },
  };
}

// ---------------------------------------------------------------- verdict

export interface Verdict {
  ok: boolean;
  lines: string[];
}

/**
 * One line per kind (the total against its budget, and by how much it is
 * over or under), then one per package of chart code found in the first view.
 */
export function verdict(m: Measurement, budgets: Budgets = BUDGETS, chartCode: readonly ChartCodeHit[] = []): Verdict {
  const lines: string[] = [];
  let ok = m.missing.length === 0;
  for (const [name, total, budget] of [
    ['JS', m.jsGzip, budgets.js],
    ['CSS', m.cssGzip, budgets.css],
  ] as const) {
    const over = total - budget;
    if (over > 0) {
      ok = false;
      lines.push(
        `${name}: ${kb(total)} gzip before the headline figures — OVER the ${kb(budget)} budget by ${kb(over)} (${over} bytes, ${((over / budget) * 100).toFixed(1)} %)`,
      );
    } else {
      lines.push(
        `${name}: ${kb(total)} gzip before the headline figures — within the ${kb(budget)} budget (${kb(-over)} to spare)`,
      );
    }
  }
  if (chartCode.length > 0) ok = false;
  const byFile = new Map<string, ChartCodeHit[]>();
  for (const hit of chartCode) byFile.set(hit.file, [...(byFile.get(hit.file) ?? []), hit]);
  for (const [file, hits] of byFile) {
    const sorted = [...hits].sort((a, b) => b.modules - a.modules);
    const count = sorted.reduce((a, h) => a + h.modules, 0);
    lines.push(
      `CHART CODE in the first view: ${file} holds ${count} module(s) of ${sorted.map((h) => `${h.pkg} (${h.modules})`).join(', ')}, ` +
        `e.g. ${sorted[0]?.example}; chart code must load only with the chart module (decision 6)`,
    );
  }
  for (const path of m.missing) lines.push(`MISSING: ${path} is referenced but not in the build`);
  for (const ref of m.external) lines.push(`not measured (another host): ${ref}`);
  return { ok, lines };
}

/** The table of files and sizes, then the totals and the verdict. */
export function formatReport(
  m: Measurement,
  budgets: Budgets = BUDGETS,
  chartCode: readonly ChartCodeHit[] = [],
): string {
  const rows = [...m.js, ...m.css];
  const width = Math.max(4, ...rows.map((r) => r.file.length));
  const line = (a: string, b: string, c: string) => `${a.padEnd(width)}  ${b.padStart(12)}  ${c.padStart(12)}`;
  const out = [
    'The first view: loaded before the headline figures (index.html entry + modulepreload + static imports; dynamic imports and fonts not counted):',
    '',
    line('file', 'raw', 'gzip -9'),
    line('-'.repeat(width), '-'.repeat(12), '-'.repeat(12)),
    ...rows.map((r) => line(r.file, kb(r.bytes), kb(r.gzip))),
    line('-'.repeat(width), '-'.repeat(12), '-'.repeat(12)),
    line(`JS total (${m.js.length} files)`, kb(m.js.reduce((a, f) => a + f.bytes, 0)), kb(m.jsGzip)),
    line(`CSS total (${m.css.length} files)`, kb(m.css.reduce((a, f) => a + f.bytes, 0)), kb(m.cssGzip)),
    '',
    ...verdict(m, budgets, chartCode).lines,
  ];
  return out.join('\n');
}

/** The whole check of a build made by `buildWithChunks`: its report, and whether it passes. */
export function firstViewReport(view: FirstView, budgets: Budgets = BUDGETS): Verdict {
  const { measurement, chartCode, readingDiffers } = view;
  const v = verdict(measurement, budgets, chartCode);
  const lines = [formatReport(measurement, budgets, chartCode)];
  if (chartCode.length === 0) {
    lines.push(`no chart code in the first view (checked: ${view.chartPackages.join(', ')})`);
  }
  const differs = readingDiffers.onlyRead.length + readingDiffers.onlyBundler.length > 0;
  if (differs) {
    lines.push(
      `READING DIFFERS from the bundler: read off the build only: ${readingDiffers.onlyRead.join(', ') || 'none'}; ` +
        `in the bundler's static graph only: ${readingDiffers.onlyBundler.join(', ') || 'none'}`,
    );
  }
  return { ok: v.ok && !differs, lines };
}

export async function main(argv: readonly string[]): Promise<number> {
  const outAt = argv.indexOf('--out');
  const rootAt = argv.indexOf('--root');
  const root = rootAt >= 0 ? (argv[rootAt + 1] ?? '.') : '.';
  const temporary = outAt < 0;
  const dir = temporary ? mkdtempSync(join(tmpdir(), 'tthc-budget-')) : (argv[outAt + 1] ?? 'dist-budget');
  try {
    let chunks: BuildChunks;
    try {
      chunks = await buildWithChunks(dir, root);
    } catch (error) {
      console.error(`check-budget: the build failed: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    const view = checkFirstView(dir, chunks, root);
    const report = firstViewReport(view);
    console.log(report.lines.join('\n'));
    const unreadable =
      view.measurement.missing.length > 0 ||
      view.readingDiffers.onlyRead.length + view.readingDiffers.onlyBundler.length > 0;
    if (unreadable) return 2;
    return report.ok ? 0 : 1;
  } finally {
    if (temporary) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}

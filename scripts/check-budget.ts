import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/**
 * The size budget of what the browser must load before the first chart.
 *
 * Measured on the real build in dist/, not on the bundler's report: the
 * entry script and the modulepreload links of index.html, then every chunk
 * those import statically, recursively. Dynamic `import()` chunks are left
 * out on purpose: they load later, on demand (a spreadsheet export, say), and
 * do not hold up the first chart. tests/browser/budget.test.ts checks this
 * reading against what Chromium actually requests, so the static analysis
 * cannot silently drift from reality.
 *
 *   tsx scripts/check-budget.ts [--build] [--dir dist]
 *
 * Exit 0 within budget, 1 over budget, 2 when the build cannot be measured.
 */

export const BUDGETS = {
  /** gzip bytes of JavaScript before the first chart. */
  js: 200 * 1024,
  /** gzip bytes of CSS before the first chart. */
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

/** Reads the build in `dir` and sizes what loads before the first chart. */
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

export interface Verdict {
  ok: boolean;
  lines: string[];
}

/** One line per kind: the total against its budget, and by how much it is over or under. */
export function verdict(m: Measurement, budgets: Budgets = BUDGETS): Verdict {
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
        `${name}: ${kb(total)} gzip — OVER the ${kb(budget)} budget by ${kb(over)} (${over} bytes, ${((over / budget) * 100).toFixed(1)} %)`,
      );
    } else {
      lines.push(`${name}: ${kb(total)} gzip — within the ${kb(budget)} budget (${kb(-over)} to spare)`);
    }
  }
  for (const path of m.missing) lines.push(`MISSING: ${path} is referenced but not in the build`);
  for (const ref of m.external) lines.push(`not measured (another host): ${ref}`);
  return { ok, lines };
}

/** The table of files and sizes, then the totals and the verdict. */
export function formatReport(m: Measurement, budgets: Budgets = BUDGETS): string {
  const rows = [...m.js, ...m.css];
  const width = Math.max(4, ...rows.map((r) => r.file.length));
  const line = (a: string, b: string, c: string) => `${a.padEnd(width)}  ${b.padStart(12)}  ${c.padStart(12)}`;
  const out = [
    'Loaded before the first chart (index.html entry + modulepreload + static imports; fonts not counted):',
    '',
    line('file', 'raw', 'gzip -9'),
    line('-'.repeat(width), '-'.repeat(12), '-'.repeat(12)),
    ...rows.map((r) => line(r.file, kb(r.bytes), kb(r.gzip))),
    line('-'.repeat(width), '-'.repeat(12), '-'.repeat(12)),
    line(`JS total (${m.js.length} files)`, kb(m.js.reduce((a, f) => a + f.bytes, 0)), kb(m.jsGzip)),
    line(`CSS total (${m.css.length} files)`, kb(m.css.reduce((a, f) => a + f.bytes, 0)), kb(m.cssGzip)),
    '',
    ...verdict(m, budgets).lines,
  ];
  return out.join('\n');
}

export function main(argv: readonly string[]): number {
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 ? (argv[dirAt + 1] ?? 'dist') : 'dist';
  if (argv.includes('--build')) {
    const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn', '--outDir', dir], {
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      console.error('check-budget: vite build failed');
      return 2;
    }
  }
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`check-budget: ${dir}/index.html not found. Build first, or pass --build.`);
    return 2;
  }
  const m = measure(dir);
  console.log(formatReport(m));
  const { ok } = verdict(m);
  if (m.missing.length > 0) return 2;
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}

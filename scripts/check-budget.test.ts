import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cssImports,
  formatReport,
  gzipSize,
  htmlAssets,
  main,
  measure,
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

describe('measure on a fake build', () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  const entry = `import{r}from"./runtime.js";import{c}from"./vendor.js";${'console.log("entry");'.repeat(50)}import(\`./lazy.js\`)`;
  const vendor = `import"./runtime.js";${'export const c=1;'.repeat(40)}`;
  const runtime = 'export const r=0;';
  const css = '@import "./extra.css";body{margin:0}';
  const extra = '.a{color:red}';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'budget-'));
    write(
      'index.html',
      '<script type="module" src="./assets/entry.js"></script><link rel="modulepreload" href="./assets/vendor.js"><link rel="stylesheet" href="./assets/index.css">',
    );
    write('assets/entry.js', entry);
    write('assets/vendor.js', vendor);
    write('assets/runtime.js', runtime);
    write('assets/lazy.js', 'x'.repeat(100_000));
    write('assets/lazy.css', 'y{}'.repeat(10_000));
    write('assets/index.css', css);
    write('assets/extra.css', extra);
    write('data/big.json', '[]');
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
    expect(over.lines[0]).toMatch(/^JS: .* OVER the .* budget by 0\.0 KB \(10 bytes/);
    expect(verdict(m, { js: m.jsGzip, css: m.cssGzip }).ok).toBe(true);
    const report = formatReport(m);
    expect(report).toContain('assets/vendor.js');
    expect(report).toMatch(/JS total \(3 files\)/);
  });

  it('exits 0 within the real budgets, and 2 without a build', () => {
    const log = console.log;
    const error = console.error;
    console.log = () => {};
    console.error = () => {};
    try {
      expect(main(['--dir', dir])).toBe(0);
      expect(main(['--dir', join(dir, 'nowhere')])).toBe(2);
    } finally {
      console.log = log;
      console.error = error;
    }
  });
});

describe('main over budget', () => {
  it('exits 1 when the JavaScript is past 200 KB gzip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'budget-over-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<script type="module" src="./assets/big.js"></script>');
      // Random bytes in base64 barely compress, so this stays far over 200 KB gzipped.
      writeFileSync(join(dir, 'assets/big.js'), `/*${randomBytes(400_000).toString('base64')}*/`);
      const lines: string[] = [];
      const log = console.log;
      console.log = (text: string) => lines.push(text);
      try {
        expect(main(['--dir', dir])).toBe(1);
      } finally {
        console.log = log;
      }
      expect(lines.join('\n')).toMatch(/JS: .* OVER the 200\.0 KB budget by/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

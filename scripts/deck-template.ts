import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type Rollup } from 'vite';

/**
 * The offline deck's template (docs/decisions/0010-offline-deck.md): deck.html
 * built by Vite into one file, with its script, its styles, the font and the
 * icon inline, and a Content-Security-Policy that allows those inline pieces
 * by their sha256 hashes and nothing from anywhere. A deck is this template
 * with its data put into the JSON block (src/data/deck-payload.ts), which
 * changes no script and so no hash.
 *
 * Every `vite build` writes it to dist/deck-template.html (vite.config.ts);
 * `tthc deck` builds it here when that file is missing or older than the sources.
 */

/** Only the deck's own inline script and style run; nothing is fetched, framed, posted or loaded. */
export function deckCsp(scriptHashes: readonly string[], styleHashes: readonly string[]): string {
  const list = (hashes: readonly string[]) => hashes.map((h) => `'${h}'`).join(' ');
  return [
    "default-src 'none'",
    `script-src ${list(scriptHashes)}`,
    // React and recharts set inline styles through the CSSOM (element.style), which CSP does not govern;
    // no style attribute is written as markup, so no 'unsafe-inline' is needed (checked by tests/browser/deck.test.ts).
    `style-src ${list(styleHashes)}`,
    'font-src data:',
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

export class DeckBuildError extends Error {}

/**
 * Script text that the HTML parser cannot end early. `</script` becomes
 * `<\/script` (the same string in a JS string, template or regular
 * expression); `<!--` cannot be rewritten safely everywhere, so it stops the build.
 */
export function inlineScriptText(js: string): string {
  if (js.includes('<!--')) throw new DeckBuildError('the deck script contains "<!--", which cannot be inlined safely');
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

export function inlineStyleText(css: string): string {
  if (/<\/style/i.test(css)) throw new DeckBuildError('the deck styles contain "</style"');
  return css;
}

export interface DeckParts {
  /** deck.html as Vite wrote it, with its script and stylesheet tags pointing at files. */
  html: string;
  js: string;
  css: string;
  /** The icon as an SVG document. */
  iconSvg: string;
}

const SCRIPT_TAG = /<script type="module"[^>]*\ssrc="[^"]*"[^>]*><\/script>\s*/g;
const STYLESHEET_TAG = /<link rel="stylesheet"[^>]*>\s*/g;

/** One self-contained page from the built parts, with the CSP that allows exactly its inline script and style. */
export function assembleDeck(parts: DeckParts): string {
  const scripts = parts.html.match(SCRIPT_TAG) ?? [];
  if (scripts.length !== 1) throw new DeckBuildError(`deck.html has ${scripts.length} module scripts, not one`);
  const script = inlineScriptText(parts.js);
  const style = inlineStyleText(parts.css);
  const icon = `data:image/svg+xml;base64,${Buffer.from(parts.iconSvg).toString('base64')}`;
  const csp = deckCsp([sha256(script)], [sha256(style)]);
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />`,
    `<link rel="icon" href="${icon}" type="image/svg+xml" />`,
    `<style>${style}</style>`,
    `<script type="module">${script}</script>`,
  ].join('\n    ');
  const html = parts.html
    .replace(SCRIPT_TAG, '')
    .replace(STYLESHEET_TAG, '')
    .replace(/<meta charset="UTF-8" \/>/i, (m) => `${m}\n    ${head}`);
  if (!html.includes(csp))
    throw new DeckBuildError('deck.html has no <meta charset="UTF-8" /> to put the policy after');
  const markup = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
  const external = /\s(?:src|href)="(?!data:)[^"]*"/.exec(markup) ?? /url\((?!\s*['"]?data:)[^)]*\)/.exec(style);
  if (external) throw new DeckBuildError(`the deck still refers to a file: ${external[0].trim()}`);
  return html;
}

/** Inline <script> and <style> elements that the policy must allow, as written in the page. */
export function inlineCode(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\btype="application\/json"/i.test(m[1] ?? '') && !/\bsrc=/i.test(m[1] ?? ''))
    .map((m) => m[2] ?? '');
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  return { scripts, styles };
}

/**
 * What is wrong with a deck's policy: an inline script or style whose hash it
 * does not list, a hash it lists that matches nothing, a missing directive.
 * Empty when the policy allows exactly what the page holds.
 */
export function checkDeckCsp(html: string): string[] {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  if (!meta?.[1]) return ['no Content-Security-Policy <meta>'];
  const directives = new Map(
    meta[1].split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  const problems: string[] = [];
  const { scripts, styles } = inlineCode(html);
  for (const [directive, code] of [
    ['script-src', scripts],
    ['style-src', styles],
  ] as const) {
    const allowed = (directives.get(directive) ?? []).map((v) => v.replace(/^'|'$/g, ''));
    const hashes = code.map(sha256);
    for (const h of hashes) {
      if (!allowed.includes(h)) problems.push(`${directive} does not allow an inline block (${h})`);
    }
    for (const a of allowed) {
      // Only hashes: a source such as 'unsafe-inline', 'self' or a host would let other code in.
      if (!a.startsWith('sha256-')) problems.push(`${directive} allows '${a}'`);
      else if (!hashes.includes(a)) problems.push(`${directive} allows ${a}, which matches nothing`);
    }
  }
  if (directives.get('default-src')?.join(' ') !== "'none'") problems.push("default-src is not 'none'");
  if (directives.get('connect-src')?.join(' ') !== "'none'") problems.push("connect-src is not 'none'");
  return problems;
}

/** The bundled font: woff2 only. Every browser that runs the deck's module script reads woff2; the woff copies would double the font's weight. */
function woff2Only(): Plugin {
  return {
    name: 'tthc-deck-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
    },
  };
}

/**
 * Builds deck.html with Vite into memory and returns the template's text.
 * Always a production build: Vite and the React plugin read NODE_ENV itself
 * (vitest sets "test", a shell may set "development"), and a development JSX
 * runtime against React's production build would leave the deck blank.
 */
export async function buildDeckTemplate(root = process.cwd()): Promise<string> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await buildProduction(root);
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

async function buildProduction(root: string): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    envDir: false,
    logLevel: 'warn',
    mode: 'production',
    base: './',
    publicDir: false,
    plugins: [react(), woff2Only()],
    build: {
      write: false,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      modulePreload: false,
      cssCodeSplit: false,
      // Fonts (and anything else referenced from CSS) as data: URLs.
      assetsInlineLimit: () => true,
      rollupOptions: { input: resolve(root, 'deck.html'), output: { codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const files = outputs.flatMap((o) => o.output);
  const chunks = files.filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
  const assets = files.filter((f): f is Rollup.OutputAsset => f.type === 'asset');
  const html = assets.find((a) => a.fileName.endsWith('deck.html'));
  const css = assets.filter((a) => a.fileName.endsWith('.css'));
  const other = assets.filter((a) => a !== html && !css.includes(a));
  if (!html || chunks.length !== 1 || css.length !== 1 || other.length > 0) {
    throw new DeckBuildError(
      `the deck build should give deck.html, one script and one stylesheet, not: ${files.map((f) => f.fileName).join(', ')}`,
    );
  }
  const text = (a: Rollup.OutputAsset) => (typeof a.source === 'string' ? a.source : Buffer.from(a.source).toString());
  return assembleDeck({
    html: text(html),
    js: (chunks[0] as Rollup.OutputChunk).code,
    css: text(css[0] as Rollup.OutputAsset),
    iconSvg: readFileSync(join(root, 'public', 'favicon.svg'), 'utf8'),
  });
}

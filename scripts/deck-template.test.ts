import { describe, expect, it } from 'vitest';
import {
  assembleDeck,
  checkDeckCsp,
  DeckBuildError,
  type DeckParts,
  deckCsp,
  inlineCode,
  inlineScriptText,
  sha256,
} from './deck-template.ts';

/** deck.html as Vite writes it: the script and stylesheet as files, the data block empty. */
const PARTS: DeckParts = {
  html: [
    '<!doctype html>',
    '<html lang="vi">',
    '  <head>',
    '    <meta charset="UTF-8" />',
    '    <title>Trình chiếu</title>',
    '    <script type="module" crossorigin src="./assets/deck-abc.js"></script>',
    '    <link rel="stylesheet" crossorigin href="./assets/deck-abc.css">',
    '  </head>',
    '  <body>',
    '    <div id="root"></div>',
    '    <script type="application/json" id="tthc-deck-data">{}</script>',
    '  </body>',
    '</html>',
  ].join('\n'),
  js: 'document.getElementById("root").textContent = "<script></script> ok";',
  css: 'body{font-family:"Be Vietnam Pro";src:url(data:font/woff2;base64,AAAA)}',
  iconSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

describe('the deck template', () => {
  it('hashes with SHA-256 in base64, as CSP expects', () => {
    // The FIPS 180-2 test vector: SHA-256("abc") = ba7816bf…f20015ad, here in base64.
    expect(sha256('abc')).toBe('sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
  });

  it('puts the script, the styles and the icon inline, with a policy listing exactly their hashes', () => {
    const html = assembleDeck(PARTS);
    const { scripts, styles } = inlineCode(html);
    expect(scripts).toEqual(['document.getElementById("root").textContent = "<script><\\/script> ok";']);
    expect(styles).toEqual([PARTS.css]);
    expect(html).not.toContain('./assets/');
    expect(html).toContain('<link rel="icon" href="data:image/svg+xml;base64,');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(policy).toBe(deckCsp([sha256(scripts[0] as string)], [sha256(PARTS.css)]));
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
    // The policy comes before any script or style, so it governs them.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(checkDeckCsp(html)).toEqual([]);
  });

  it('fails the check when a script is changed after its hash was taken', () => {
    const html = assembleDeck(PARTS).replace('ok";', 'changed";');
    const problems = checkDeckCsp(html);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^script-src does not allow an inline block \(sha256-/);
    expect(problems[1]).toMatch(/^script-src allows sha256-.*, which matches nothing$/);
  });

  it('fails the check on a wrong hash, an extra script, a style, unsafe-inline or a network source', () => {
    const html = assembleDeck(PARTS);
    const scriptHash = sha256(inlineCode(html).scripts[0] as string);
    expect(checkDeckCsp(html.replace(scriptHash, sha256('something else')))).toHaveLength(2);
    expect(checkDeckCsp(html.replace('</body>', '<script>alert(1)</script></body>'))).toEqual([
      `script-src does not allow an inline block (${sha256('alert(1)')})`,
    ]);
    expect(checkDeckCsp(html.replace('</body>', '<style>body{}</style></body>'))).toHaveLength(1);
    expect(checkDeckCsp(html.replace("script-src '", "script-src 'unsafe-inline' '"))).toEqual([
      "script-src allows 'unsafe-inline'",
    ]);
    expect(checkDeckCsp(html.replace("connect-src 'none'", "connect-src 'self'"))).toEqual([
      "connect-src is not 'none'",
    ]);
    expect(checkDeckCsp(html.replace(/<meta http-equiv[^>]*>/, ''))).toEqual(['no Content-Security-Policy <meta>']);
  });

  it('refuses what cannot be inlined safely, and any file left referred to', () => {
    expect(inlineScriptText('a = "</SCRIPT>"')).toBe('a = "<\\/SCRIPT>"');
    expect(() => inlineScriptText('a = "<!--"')).toThrow(DeckBuildError);
    expect(() => assembleDeck({ ...PARTS, css: 'p{}</style><p>' })).toThrow('"</style"');
    expect(() => assembleDeck({ ...PARTS, css: 'p{background:url(./assets/x.png)}' })).toThrow(
      'the deck still refers to a file: url(./assets/x.png)',
    );
    expect(() =>
      assembleDeck({ ...PARTS, html: PARTS.html.replace('<div id="root"></div>', '<img src="logo.png">') }),
    ).toThrow('src="logo.png"');
    expect(() =>
      assembleDeck({
        ...PARTS,
        html: PARTS.html.replace('</head>', '<script type="module" src="b.js"></script></head>'),
      }),
    ).toThrow('2 module scripts');
  });
});

/**
 * The README's picture of a slide: the built site (run `npm run build` first)
 * served by `vite preview`, opened in presentation mode on the sample at
 * 1024×768, the smallest projector of issue 12, and the slide whose title is
 * given (by default the headline figures) written to docs/screenshots/.
 *
 *   npm run build && npx tsx scripts/screenshot-slide.ts ["Số liệu chính"] [1024x768]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/browser/chromium.ts';

const title = process.argv[2] ?? 'Số liệu chính';
const [width, height] = (process.argv[3] ?? '1024x768').split('x').map(Number) as [number, number];
const out = `docs/screenshots/slide-${width}x${height}.png`;

if (!existsSync('dist/index.html')) throw new Error('dist/ has no build: run npm run build first.');

const server = spawn(
  'node_modules/.bin/vite',
  ['preview', '--port', '0', '--host', '127.0.0.1', '--strictPort', 'false'],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  const timer = setTimeout(() => reject(new Error(`vite preview did not start:\n${output}`)), 30_000);
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
    const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''));
    if (match?.[1]) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  server.on('exit', (code) => reject(new Error(`vite preview exited with ${code}:\n${output}`)));
});

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${url}?view=present&slide=1`);
  const counter = page.locator('.presentation__counter');
  await counter.waitFor();
  const total = Number(((await counter.textContent()) ?? '').split(' / ')[1]);
  let found = false;
  for (let n = 1; n <= total && !found; n++) {
    await page.goto(`${url}?view=present&slide=${n}`);
    await page.locator('.slide h1, .slide h2').first().waitFor();
    found = ((await page.locator('.slide h1, .slide h2').first().textContent()) ?? '').trim() === title;
  }
  if (!found) throw new Error(`no slide is titled «${title}»`);
  // Fonts in place, and a chart (if the slide has one) drawn.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() => {
    const chart = document.querySelector('.slide .slide__chart');
    return !chart || chart.querySelector('svg, .chart-statement, .chart-fallback') !== null;
  });
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: out });
  console.log(`${out}: «${title}» at ${width}×${height}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Browser } from 'playwright-core';
import { headline, type Selection, unitRows } from '../src/domain/dashboard.ts';
import { indexDataset, summarize } from '../src/domain/metrics.ts';
import { findWarnings, parseDatasetText, validateDataset } from '../src/domain/validate.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { FICTIONAL_SIZES, type FictionalSize, fictionalText, generateFictional } from './generate-fictional.ts';

/**
 * The performance bench (npm run bench): how long the domain code takes on
 * fictional datasets of three sizes, and how the production build behaves
 * with them in Chromium. Writes docs/performance.md.
 *
 *   tsx scripts/bench.ts                     everything; writes docs/performance.md
 *   tsx scripts/bench.ts --sizes small,medium --skip-browser   a quicker partial run (no doc)
 *
 * The production bundle is built into a folder of its own under the system's
 * temporary folder, not into dist/: other work (the browser tests) builds and
 * serves dist/ too, and the bench's data files (up to ~60 MB) have no place there.
 */

const SIZES: readonly FictionalSize[] = ['small', 'medium', 'large'];
const NODE_RUNS: Record<FictionalSize, number> = { small: 31, medium: 11, large: 5 };
/** Untimed passes first: a few hundred records are not enough for the JIT to optimise the code in one pass. */
const WARM_UPS: Record<FictionalSize, number> = { small: 10, medium: 2, large: 1 };
const BROWSER_RUNS: Record<FictionalSize, number> = { small: 5, medium: 3, large: 2 };
const PERIOD_CHANGES = 5;
/** The size profiled for the "where the time goes" tables: big enough to matter, quick to load. */
const PROFILE_SIZE: FictionalSize = 'medium';
const WAIT_CAP_MS = 120_000;

const TARGETS = {
  parseRatio: 3,
  /** Per-record time at large over per-record time at medium: about constant means linear growth. */
  linearity: 1.5,
  firstChartRatio: 2.5,
  periodChangeMs: 100,
} as const;

// A full collection between runs keeps one run's garbage from being billed to the next.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '—');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
const count = (n: number) => n.toLocaleString('en-US');

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, performance.now() - t0];
}

// ---------------------------------------------------------------- node side

interface StageTimes {
  parseDatasetText: number;
  indexDataset: number;
  summarize: number;
  headline: number;
  unitRows: number;
}

interface NodeResult {
  size: FictionalSize;
  units: number;
  records: number;
  fileBytes: number;
  runs: number;
  jsonParse: number;
  pipeline: number;
  ratio: number;
  /** Fastest pipeline over fastest JSON.parse: less swayed by other processes on a shared machine. */
  ratioBest: number;
  perRecordUs: number;
  stages: StageTimes;
  /**
   * validateDataset alone on an object JSON.parse made, and findWarnings alone on its records: the
   * split inside parseDatasetText, through public functions only so it holds however validation works.
   */
  validate: number;
  warnings: number;
}

/** One pass of what the page does with a file's text before it can draw anything. */
function pipeline(text: string): StageTimes {
  const [result, parse] = time(() => parseDatasetText(text));
  if (!result.ok) throw new Error(`bench: the generated dataset was refused: ${JSON.stringify(result.errors[0])}`);
  const [index, indexing] = time(() => indexDataset(result.dataset));
  const span = index.span;
  if (!span) throw new Error('bench: the generated dataset has no records');
  const selection: Selection = { range: span, level: 'all', unitId: null, field: null };
  const [, sum] = time(() => summarize(index, span));
  const [, head] = time(() => headline(index, selection));
  const [, rows] = time(() => unitRows(index, selection));
  return { parseDatasetText: parse, indexDataset: indexing, summarize: sum, headline: head, unitRows: rows };
}

const total = (s: StageTimes) => s.parseDatasetText + s.indexDataset + s.summarize + s.headline + s.unitRows;

function benchNode(size: FictionalSize, file: string): NodeResult {
  const text = readFileSync(file, 'utf8');
  const runs = NODE_RUNS[size];
  // Untimed passes, so the timed runs measure optimised code rather than the JIT warming up.
  for (let i = 0; i < WARM_UPS[size]; i++) {
    JSON.parse(text);
    pipeline(text);
  }
  const parses: number[] = [];
  const stages: StageTimes[] = [];
  const validations: number[] = [];
  const warnings: number[] = [];
  let records = 0;
  let units = 0;
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const [parsed, parse] = time(() => JSON.parse(text) as unknown);
    parses.push(parse);
    collectGarbage();
    stages.push(pipeline(text));
    // The split inside validation, on a fresh object so no work is shared with the run above.
    collectGarbage();
    const [checked, validation] = time(() => validateDataset(parsed));
    validations.push(validation);
    if (!checked.ok) throw new Error('bench: the generated dataset was refused');
    records = checked.dataset.records.length;
    units = checked.dataset.units.length;
    collectGarbage();
    const [, warn] = time(() => findWarnings(checked.dataset.records));
    warnings.push(warn);
  }
  const pick = (k: keyof StageTimes) => median(stages.map((s) => s[k]));
  const jsonParse = median(parses);
  const whole = median(stages.map(total));
  return {
    size,
    units,
    records,
    fileBytes: statSync(file).size,
    runs,
    jsonParse,
    pipeline: whole,
    ratio: whole / jsonParse,
    ratioBest: Math.min(...stages.map(total)) / Math.min(...parses),
    perRecordUs: (whole * 1000) / records,
    stages: {
      parseDatasetText: pick('parseDatasetText'),
      indexDataset: pick('indexDataset'),
      summarize: pick('summarize'),
      headline: pick('headline'),
      unitRows: pick('unitRows'),
    },
    validate: median(validations),
    warnings: median(warnings),
  };
}

// ------------------------------------------------------------- browser side

interface ChangeWatch {
  /** The headline figures' text before the change. */
  before: string;
  /** First frame in which the text differs, and the moment after that frame was painted. */
  frame: number | null;
  paint: number | null;
}

interface BenchProbe {
  /** Main-thread tasks of 50 ms or more: [start, duration]. */
  longTasks: [number, number][];
  firstChart: number | null;
  dashboard: number | null;
  input: number | null;
  change: ChangeWatch | null;
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a
 * __name() helper; the functions handed to the page below carry those calls
 * with them, so the page gets a do-nothing __name of its own.
 */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

/**
 * Runs in the page before its own scripts and checks once per animation
 * frame: when the dashboard is first in a frame, when the first chart's SVG
 * is, and, once armed, when the headline figures show new text. Polling per
 * frame rather than watching every DOM mutation keeps the probe's own cost
 * out of the figures (a MutationObserver on a DOM of tens of thousands of
 * nodes cost the page hundreds of ms in a profile), and a frame is when
 * anything can first be seen. performance.now() counts from navigation start.
 */
function installBenchProbe(): void {
  const probe: BenchProbe = { longTasks: [], firstChart: null, dashboard: null, input: null, change: null };
  (window as unknown as { __bench: BenchProbe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'input',
    () => {
      if (probe.input === null) probe.input = performance.now();
    },
    true,
  );
  // Each check looks at as little of the document as it can: a selector run over the whole DOM every
  // frame costs the page hundreds of ms once the DOM holds tens of thousands of nodes.
  let areas: Element[] = [];
  // The headline comes early in the document, so finding it is cheap.
  function headlineText(): string {
    return document.getElementsByClassName('headline')[0]?.textContent ?? '';
  }
  function benchFrame(): void {
    const now = performance.now();
    if (probe.dashboard === null) {
      // Before the dashboard the document is small, so a scan is cheap.
      if (document.getElementsByClassName('headline')[0]) {
        // Charts are drawn only near the viewport, and with three levels of headline figures the first
        // one starts more than a screen below the top: go straight to them, as a reader scrolling down
        // would, so what is timed is the drawing and not how far down the page the charts sit.
        document.querySelector('.dashboard__charts')?.scrollIntoView({ block: 'start' });
        // Taken after the scroll, which lays the new dashboard out: the page's own first layout of it,
        // done here rather than just before the paint (hundreds of ms on a large DOM).
        probe.dashboard = performance.now();
        areas = [...document.querySelectorAll('.chart-frame__area')];
      }
    } else if (probe.firstChart === null) {
      if (areas.some((a) => !a.isConnected)) areas = [...document.querySelectorAll('.chart-frame__area')];
      if (areas.some((a) => a.getElementsByClassName('recharts-surface')[0])) probe.firstChart = now;
    }
    const change = probe.change;
    if (change && change.frame === null && headlineText() !== change.before) {
      change.frame = now;
      // A task posted from inside a frame runs once that frame has been painted.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        change.paint = performance.now();
      };
      channel.port2.postMessage(null);
    }
    requestAnimationFrame(benchFrame);
  }
  requestAnimationFrame(benchFrame);
}

/** Arms the watch for a period change, just before the select is changed. */
function armChangeWatch(): void {
  const probe = (window as unknown as { __bench: BenchProbe }).__bench;
  probe.input = null;
  probe.change = {
    before: document.getElementsByClassName('headline')[0]?.textContent ?? '',
    frame: null,
    paint: null,
  };
}

interface LoadRun {
  /** ms from navigation start; null: not within the cap. */
  firstChart: number | null;
  dashboard: number | null;
  fetchStart: number | null;
  fetchEnd: number | null;
  /** Main-thread time in long tasks after the data arrived and before the dashboard, then before the first chart. */
  busyToDashboard: number | null;
  busyToChart: number | null;
  longestTask: number | null;
  heapUsed: number | null;
  heapAfterGc: number | null;
  /** Elements in the document after load: what the browser must lay out and keep. */
  domElements: number | null;
}

interface BrowserResult {
  size: FictionalSize;
  runs: LoadRun[];
  firstChart: number;
  timedOut: boolean;
  fetchStart: number;
  fetchEnd: number;
  dashboard: number;
  busyToDashboard: number;
  busyToChart: number;
  longestTask: number;
  heapUsed: number;
  heapAfterGc: number;
  domElements: number;
  /** Period changes: until a frame shows the new headline figures, and until that frame is painted. */
  changeFrame: number[];
  changePaint: number[];
  changeTimedOut: boolean;
  /** Uncaught errors the page reported (distinct messages): figures from such a page are suspect. */
  pageErrors: string[];
}

function quarterIds(first: string, months: number): string[] {
  const start = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;
  const ids = new Set<string>();
  for (let i = start; i < start + months; i++) ids.add(`${Math.floor(i / 12)}-Q${Math.floor((i % 12) / 3) + 1}`);
  return [...ids];
}

/** Distinct quarters spread over the span, so no change can reuse a range the page has already computed. */
function changePlan(size: FictionalSize): string[] {
  const spec = FICTIONAL_SIZES[size];
  const all = quarterIds(spec.firstMonth, spec.months);
  const n = Math.min(PERIOD_CHANGES, all.length);
  return Array.from({ length: n }, (_, i) => all[Math.floor((i * (all.length - 1)) / Math.max(1, n - 1))] as string);
}

async function loadOnce(
  browser: Browser,
  url: string,
  size: FictionalSize,
  withChanges: boolean,
): Promise<{ run: LoadRun; changeFrame: number[]; changePaint: number[]; changeTimedOut: boolean; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    await context.addInitScript({ content: NAME_SHIM });
    await context.addInitScript(installBenchProbe);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const run: LoadRun = {
      firstChart: null,
      dashboard: null,
      fetchStart: null,
      fetchEnd: null,
      busyToDashboard: null,
      busyToChart: null,
      longestTask: null,
      heapUsed: null,
      heapAfterGc: null,
      domElements: null,
    };
    await page.goto(`${url}?data=data/bench-${size}.json`, { waitUntil: 'commit' });
    try {
      await page.waitForSelector('.recharts-surface', { state: 'attached', timeout: WAIT_CAP_MS });
      // The probe notes the chart on the next frame; the time comes from it, not from this wait.
      await page.waitForFunction(
        () => (window as unknown as { __bench: BenchProbe }).__bench.firstChart !== null,
        undefined,
        {
          timeout: WAIT_CAP_MS,
        },
      );
    } catch {
      return { run, changeFrame: [], changePaint: [], changeTimedOut: true, errors };
    }
    const timing = await page.evaluate((name) => {
      const probe = (window as unknown as { __bench: BenchProbe }).__bench;
      const data = performance.getEntriesByType('resource').find((e) => e.name.includes(name)) as
        | PerformanceResourceTiming
        | undefined;
      return {
        firstChart: probe.firstChart,
        dashboard: probe.dashboard,
        fetchStart: data?.startTime ?? null,
        fetchEnd: data?.responseEnd ?? null,
        longTasks: probe.longTasks,
      };
    }, `bench-${size}.json`);
    const { longTasks, ...marks } = timing;
    Object.assign(run, marks);
    const busy = (from: number | null, to: number | null) =>
      from === null || to === null
        ? null
        : longTasks.filter(([start]) => start >= from && start < to).reduce((a, [, d]) => a + d, 0);
    run.busyToDashboard = busy(run.fetchEnd, run.dashboard);
    run.busyToChart = busy(run.dashboard, run.firstChart);
    run.longestTask = Math.max(0, ...longTasks.filter(([start]) => start < (run.firstChart ?? 0)).map(([, d]) => d));
    // Memory once the page has settled: the heap as it stands, and what stays after a full collection.
    await page.waitForTimeout(500);
    run.domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const cdp = await context.newCDPSession(page);
    run.heapUsed = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.send('HeapProfiler.collectGarbage');
    run.heapAfterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    await cdp.detach();
    const changeFrame: number[] = [];
    const changePaint: number[] = [];
    let changeTimedOut = false;
    if (withChanges) {
      const select = page.getByLabel('Kỳ báo cáo');
      for (const id of changePlan(size)) {
        await page.evaluate(armChangeWatch);
        await select.selectOption(id, { timeout: WAIT_CAP_MS });
        try {
          await page.waitForFunction(
            () => (window as unknown as { __bench: BenchProbe }).__bench.change?.paint != null,
            undefined,
            { timeout: WAIT_CAP_MS },
          );
        } catch {
          changeTimedOut = true;
          break;
        }
        const c = await page.evaluate(() => {
          const probe = (window as unknown as { __bench: BenchProbe }).__bench;
          return { input: probe.input, frame: probe.change?.frame ?? null, paint: probe.change?.paint ?? null };
        });
        if (c.input === null || c.frame === null || c.paint === null)
          throw new Error('bench: period change not observed');
        changeFrame.push(c.frame - c.input);
        changePaint.push(c.paint - c.input);
      }
    }
    return { run, changeFrame, changePaint, changeTimedOut, errors };
  } finally {
    await context.close();
  }
}

async function benchBrowser(browser: Browser, url: string, size: FictionalSize): Promise<BrowserResult> {
  const runs: LoadRun[] = [];
  let changeFrame: number[] = [];
  let changePaint: number[] = [];
  let changeTimedOut = false;
  let timedOut = false;
  const pageErrors = new Set<string>();
  for (let i = 0; i < BROWSER_RUNS[size]; i++) {
    // Period changes are timed in the first run only: each needs quarters the page has not computed yet.
    const out = await loadOnce(browser, url, size, i === 0);
    runs.push(out.run);
    for (const e of out.errors) pageErrors.add(e);
    if (i === 0) {
      changeFrame = out.changeFrame;
      changePaint = out.changePaint;
      changeTimedOut = out.changeTimedOut;
    }
    if (out.run.firstChart === null) {
      // A load past the cap is a miss; repeating it would only spend minutes.
      timedOut = true;
      break;
    }
    console.log(`  ${size} run ${i + 1}: first chart at ${ms(out.run.firstChart)} ms`);
  }
  const med = (k: keyof LoadRun) => median(runs.flatMap((r) => (r[k] === null ? [] : [r[k] as number])));
  return {
    size,
    runs,
    firstChart: timedOut ? Number.POSITIVE_INFINITY : med('firstChart'),
    timedOut,
    fetchStart: med('fetchStart'),
    fetchEnd: med('fetchEnd'),
    dashboard: med('dashboard'),
    busyToDashboard: med('busyToDashboard'),
    busyToChart: med('busyToChart'),
    longestTask: med('longestTask'),
    heapUsed: med('heapUsed'),
    heapAfterGc: med('heapAfterGc'),
    domElements: med('domElements'),
    changeFrame,
    changePaint,
    changeTimedOut,
    pageErrors: [...pageErrors],
  };
}

function startPreview(outDir: string): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--port', '0', '--host', '127.0.0.1', '--outDir', outDir, '--logLevel', 'info'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      server.kill('SIGTERM');
      reject(new Error(`vite preview did not start:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ server, url: match[1] });
      }
    };
    server.stdout?.on('data', onData);
    server.stderr?.on('data', onData);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite preview exited with ${code}:\n${output}`));
    });
  });
}

// ------------------------------------------------------------- CPU profile

/** Self time by where the code comes from: a package, a source file, or the browser itself. */
type Attribution = [string, number][];

interface ProfileResult {
  size: FictionalSize;
  load: Attribution;
  loadTotal: number;
  change: Attribution;
  changeTotal: number;
}

/**
 * The module each line of an unminified chunk belongs to. Rolldown heads each
 * module's code with a comment naming its path (`// node_modules/x/…` or
 * `//#region src/…`); packages are named by package, our code by file.
 */
function moduleRegions(code: string): [number, string][] {
  const out: [number, string][] = [];
  code.split('\n').forEach((line, i) => {
    const m = /^\/\/(?:#region)? +(\S+)\s*$/.exec(line);
    const path = m?.[1];
    if (!path || !/^(node_modules\/|src\/|\\0|\0)/.test(path)) return;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    out.push([i, pkg?.[1] ?? path.replace(/^\\0|^\0/, '(bundler) ')]);
  });
  return out;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

function attribute(profile: CpuProfile, regions: ReadonlyMap<string, [number, string][]>): [Attribution, number] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id);
    const us = deltas[i] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    let key: string;
    if (!frame.url && frame.functionName === 'benchFrame')
      key = "layout of the new dashboard (forced by the bench's scroll)";
    else if (!frame.url)
      key = frame.functionName.startsWith('(') ? frame.functionName : `browser: ${frame.functionName || '(anonymous)'}`;
    else {
      const list = regions.get(frame.url.split('/').pop() ?? '') ?? [];
      key = '(bundle)';
      for (const [line, name] of list) {
        if (line > frame.lineNumber) break;
        key = name;
      }
    }
    self.set(key, (self.get(key) ?? 0) + us / 1000);
    total += us / 1000;
  });
  return [[...self].sort((a, b) => b[1] - a[1]), total];
}

/**
 * One load and one period change of `size` under the CPU profiler, on an
 * unminified build (so the code can be told apart by module; it runs at much
 * the same speed).
 */
async function profileSize(browser: Browser, url: string, dir: string, size: FictionalSize): Promise<ProfileResult> {
  const regions = new Map<string, [number, string][]>();
  for (const file of readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'))) {
    regions.set(file, moduleRegions(readFileSync(join(dir, 'assets', file), 'utf8')));
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    await context.addInitScript({ content: NAME_SHIM });
    await context.addInitScript(installBenchProbe);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('crash', () => errors.push('the page crashed'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.goto(`${url}?data=data/bench-${size}.json`, { waitUntil: 'commit' });
    try {
      await page.waitForSelector('.recharts-surface', { state: 'attached', timeout: WAIT_CAP_MS });
    } catch (error) {
      const shot = join(tmpdir(), `tthc-bench-profile-${size}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(
        `no chart while profiling (screenshot: ${shot}; page errors: ${errors.join('; ') || 'none'}): ${error}`,
      );
    }
    const [load, loadTotal] = attribute((await cdp.send('Profiler.stop')).profile as CpuProfile, regions);
    await page.waitForTimeout(1000);
    await page.evaluate(armChangeWatch);
    await cdp.send('Profiler.start');
    await page.getByLabel('Kỳ báo cáo').selectOption(changePlan(size)[1] ?? 'all');
    await page.waitForFunction(
      () => (window as unknown as { __bench: BenchProbe }).__bench.change?.paint != null,
      undefined,
      {
        timeout: WAIT_CAP_MS,
      },
    );
    const [change, changeTotal] = attribute((await cdp.send('Profiler.stop')).profile as CpuProfile, regions);
    return { size, load, loadTotal, change, changeTotal };
  } finally {
    await context.close();
  }
}

function profileLines(p: ProfileResult): string[] {
  const list = (a: Attribution, total: number) =>
    a.slice(0, 10).map(([what, t]) => `| ${what} | ${ms(t)} | ${((t / total) * 100).toFixed(0)} % |`);
  return [
    `Self time (CPU, main thread of the page; a Web Worker's time is not in it) by where the code comes from, at ${p.size}:`,
    '',
    `Load until the first chart (${ms(p.loadTotal)} ms sampled):`,
    '',
    '| code | ms | share |',
    '| --- | --- | --- |',
    ...list(p.load, p.loadTotal),
    '',
    `One period change until painted (${ms(p.changeTotal)} ms sampled):`,
    '',
    '| code | ms | share |',
    '| --- | --- | --- |',
    ...list(p.change, p.changeTotal),
    '',
    '"(program)" is the browser\'s own work outside JavaScript (style, layout, paint and the like);',
    '"browser: …" a DOM method called from the page.',
  ];
}

// ------------------------------------------------------------------ report

interface Verdict {
  what: string;
  target: string;
  measured: string;
  holds: boolean;
  note: string;
}

function verdicts(node: readonly NodeResult[], browser: readonly BrowserResult[]): Verdict[] {
  const out: Verdict[] = [];
  for (const n of node) {
    out.push({
      what: `Parse + validate + index + figures vs JSON.parse alone (${n.size})`,
      target: `≤ ${TARGETS.parseRatio}×`,
      measured: times(n.ratio),
      holds: n.ratio <= TARGETS.parseRatio,
      note:
        n.ratio <= TARGETS.parseRatio
          ? `${times(TARGETS.parseRatio - n.ratio)} to spare`
          : `over by ${times(n.ratio - TARGETS.parseRatio)} (${((n.ratio / TARGETS.parseRatio - 1) * 100).toFixed(0)} %)`,
    });
  }
  const medium = node.find((n) => n.size === 'medium');
  const large = node.find((n) => n.size === 'large');
  if (medium && large) {
    const growth = large.perRecordUs / medium.perRecordUs;
    out.push({
      what: 'Linear growth: time per record, large ÷ medium',
      target: `≤ ${TARGETS.linearity}×`,
      measured: `${times(growth)} (${large.perRecordUs.toFixed(2)} vs ${medium.perRecordUs.toFixed(2)} µs/record)`,
      holds: growth <= TARGETS.linearity,
      note: growth <= TARGETS.linearity ? 'about constant per record' : 'grows faster than the record count',
    });
  }
  const small = browser.find((b) => b.size === 'small');
  const bigB = browser.find((b) => b.size === 'large');
  if (small && bigB) {
    const r = bigB.firstChart / small.firstChart;
    out.push({
      what: 'Time to first chart, large ÷ small',
      target: `≤ ${TARGETS.firstChartRatio}×`,
      measured: bigB.timedOut
        ? `timeout (> ${WAIT_CAP_MS / 1000} s)`
        : `${times(r)} (${ms(bigB.firstChart)} vs ${ms(small.firstChart)} ms)`,
      holds: !bigB.timedOut && r <= TARGETS.firstChartRatio,
      note: bigB.timedOut
        ? 'no chart within the cap'
        : r <= TARGETS.firstChartRatio
          ? 'holds'
          : `over by ${times(r - TARGETS.firstChartRatio)}; large would need ≤ ${ms(small.firstChart * TARGETS.firstChartRatio)} ms`,
    });
  }
  const mediumB = browser.find((b) => b.size === 'medium');
  if (mediumB) {
    const m = median(mediumB.changePaint);
    const ok = !mediumB.changeTimedOut && m <= TARGETS.periodChangeMs;
    out.push({
      what: 'Period change to new figures on screen (medium, median)',
      target: `≤ ${TARGETS.periodChangeMs} ms`,
      measured: mediumB.changeTimedOut ? 'timeout' : `${ms(m)} ms`,
      holds: ok,
      note: ok
        ? `${ms(TARGETS.periodChangeMs - m)} ms to spare`
        : `over by ${ms(m - TARGETS.periodChangeMs)} ms (${(m / TARGETS.periodChangeMs).toFixed(1)}× the target)`,
    });
  }
  return out;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function nodeTable(node: readonly NodeResult[]): string {
  return table(
    [
      'size',
      'units',
      'records',
      'file',
      'runs',
      'JSON.parse (ms)',
      'whole pipeline (ms)',
      'ratio',
      'ratio, best runs',
      'µs / record',
    ],
    node.map((n) => [
      n.size,
      count(n.units),
      count(n.records),
      mb(n.fileBytes),
      String(n.runs),
      ms(n.jsonParse),
      ms(n.pipeline),
      times(n.ratio),
      times(n.ratioBest),
      n.perRecordUs.toFixed(2),
    ]),
  );
}

function stageTable(node: readonly NodeResult[]): string {
  return table(
    [
      'size',
      'parseDatasetText (ms)',
      'JSON.parse alone',
      'validateDataset alone',
      '… of which findWarnings',
      'indexDataset',
      'summarize',
      'headline',
      'unitRows',
    ],
    node.map((n) => {
      return [
        n.size,
        ms(n.stages.parseDatasetText),
        ms(n.jsonParse),
        ms(n.validate),
        ms(n.warnings),
        ms(n.stages.indexDataset),
        ms(n.stages.summarize),
        ms(n.stages.headline),
        ms(n.stages.unitRows),
      ];
    }),
  );
}

function browserTable(browser: readonly BrowserResult[]): string {
  return table(
    [
      'size',
      'loads',
      'first chart (ms)',
      'data fetch starts',
      'data received',
      'dashboard shown',
      'period change, new figures in a frame (ms, median)',
      'period change, painted (ms, median / max)',
      'JS heap after load',
      'after GC',
      'DOM elements',
    ],
    browser.map((b) => [
      b.size,
      String(b.runs.length),
      b.timedOut ? `timeout (> ${WAIT_CAP_MS / 1000} s)` : ms(b.firstChart),
      ms(b.fetchStart),
      ms(b.fetchEnd),
      ms(b.dashboard),
      b.changeTimedOut ? 'timeout' : `${ms(median(b.changeFrame))}`,
      b.changeTimedOut
        ? 'timeout'
        : `${ms(median(b.changePaint))} / ${ms(Math.max(...b.changePaint))} (${b.changePaint.length} changes)`,
      b.heapUsed ? mb(b.heapUsed) : '—',
      b.heapAfterGc ? mb(b.heapAfterGc) : '—',
      Number.isFinite(b.domElements) ? count(b.domElements) : '—',
    ]),
  );
}

/** Where the time of the largest load goes, in words, from the figures above. */
function whereTimeGoes(node: readonly NodeResult[], browser: readonly BrowserResult[]): string[] {
  const lines: string[] = [];
  const n = node[node.length - 1];
  if (n) {
    const parts: [string, number][] = [
      ['JSON.parse', n.jsonParse],
      [
        'validation but the warnings (validateDataset − findWarnings: schema and cross-checks)',
        Math.max(0, n.validate - n.warnings),
      ],
      ['warnings (findWarnings: flow identity, month chain)', n.warnings],
      ['indexDataset', n.stages.indexDataset],
      ['summarize', n.stages.summarize],
      ['headline', n.stages.headline],
      ['unitRows', n.stages.unitRows],
    ];
    const sum = parts.reduce((a, [, t]) => a + t, 0);
    lines.push(`In Node, at ${n.size} (${count(n.records)} records), the ${ms(sum)} ms split as:`);
    lines.push('');
    for (const [what, t] of [...parts].sort((a, b) => b[1] - a[1])) {
      lines.push(`- ${what}: ${ms(t)} ms (${((t / sum) * 100).toFixed(0)} %)`);
    }
  }
  for (const b of browser) {
    if (b.pageErrors.length > 0) lines.push('', `The ${b.size} page reported errors: ${b.pageErrors.join('; ')}`);
    if (b.timedOut) {
      lines.push('', `In Chromium, ${b.size}: no chart within ${WAIT_CAP_MS / 1000} s.`);
      continue;
    }
    lines.push(
      '',
      `In Chromium, ${b.size} (${count(b.domElements)} elements in the document after load): the page starts fetching the data at ${ms(b.fetchStart)} ms (loading and starting the scripts), ` +
        `has it at ${ms(b.fetchEnd)} ms (${ms(b.fetchEnd - b.fetchStart)} ms of transfer), shows the dashboard at ${ms(b.dashboard)} ms ` +
        `(${ms(b.dashboard - b.fetchEnd)} ms to parse, validate, index, compute, render and lay it out) and the first chart at ${ms(b.firstChart)} ms ` +
        `(${ms(b.firstChart - b.dashboard)} ms more: the charts are drawn once their frames are known to be near the viewport). ` +
        `Long tasks (≥ 50 ms) that started after the data arrived and before the dashboard was shown took ${ms(b.busyToDashboard)} ms, ` +
        `those between the dashboard and the first chart ${ms(b.busyToChart)} ms; the longest single task before the first chart took ${ms(b.longestTask)} ms.`,
    );
  }
  return lines;
}

interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  chromium: string;
  os: string;
  /** 1-minute load average at the start and at the end of the run. */
  load: [number, number];
}

/** A warning when other work shared the cores during the run: its figures then overstate the times. */
function busyNote(machine: Machine): string {
  const peak = Math.max(...machine.load);
  if (peak <= machine.cores) return '';
  return `\n**The machine was busy** (load average up to ${peak.toFixed(1)} on ${machine.cores} cores): other processes shared the CPU during the run, so the times below are longer than on an idle machine. Run \`npm run bench\` again when nothing else runs for cleaner figures.\n`;
}

function markdown(
  machine: Machine,
  node: readonly NodeResult[],
  browser: readonly BrowserResult[],
  checks: readonly Verdict[],
  seconds: number,
  profile: ProfileResult | undefined,
): string {
  const date = new Date().toISOString().slice(0, 10);
  return `# Performance

Written by \`npm run bench\` (\`tsx scripts/bench.ts\`) on ${date}; run it again to refresh. The figures
are from one run on the machine below, so treat differences of a few per cent as noise.

## Machine

| | |
| --- | --- |
| CPU | ${machine.cpu} |
| cores | ${machine.cores} |
| memory | ${machine.memory} |
| OS | ${machine.os} |
| Node | ${machine.node} |
| Chromium | ${machine.chromium} (headless, driven by playwright-core) |
| load average (1 min) | ${machine.load[0].toFixed(2)} at the start, ${machine.load[1].toFixed(2)} at the end |
| command | \`npm run bench\` (took ${seconds.toFixed(0)} s) |
${busyNote(machine)}
## Datasets

Fictional, made by \`scripts/generate-fictional.ts\` with its default seed: a province ("Tỉnh Hư Cấu"),
districts of 15–30 communes, and communes, every unit with its own monthly records; late and overdue
dossiers, withdrawals, uneven online uptake, optional fields present for some units only, and 3–5
deliberate warnings. The files are written compact (no indentation): the stricter case for the parse
ratio, since indentation would pad JSON.parse's time without adding work for validation.

| size | communes | months |
| --- | --- | --- |
${SIZES.map((s) => `| ${s} | ${count(FICTIONAL_SIZES[s].communes)} | ${FICTIONAL_SIZES[s].months} |`).join('\n')}

## Targets

| what | target | measured | holds | note |
| --- | --- | --- | --- | --- |
${checks.map((c) => `| ${c.what} | ${c.target} | ${c.measured} | ${c.holds ? 'yes' : '**no**'} | ${c.note} |`).join('\n')}

## Domain code in Node

Median of ${node.map((n) => `${n.runs} (${n.size})`).join(', ')} runs after untimed warm-up passes (${Object.values(WARM_UPS).join(', ')}), with a full
garbage collection before each timed step. "Whole pipeline" is what the page does with a file's text
before it can draw: \`parseDatasetText\` (JSON.parse, then validateDataset: schema, cross-checks, warnings), \`indexDataset\`,
then \`summarize\`, \`headline\` and \`unitRows\` for the whole span, every level.

${nodeTable(node)}

Stages, each timed alone (medians, so they need not add up exactly to the whole). \`validateDataset\` and
\`findWarnings\` are timed separately on an object \`JSON.parse\` made, to split \`parseDatasetText\`:

${stageTable(node)}

## Production build in Chromium

\`vite build\` into a temporary folder, served by \`vite preview\` on 127.0.0.1 with the dataset copied to
\`data/bench-<size>.json\`, opened as \`?data=data/bench-<size>.json\` in a fresh browser context at
1366×768 (so nothing is cached). Times are in ms from navigation start, median of the loads. Charts
are drawn only when near the viewport, and with a province, districts and communes the headline figures
fill more than a screen, so as soon as the dashboard is in the DOM the page is scrolled to the charts
(as a reader would). The page is checked once per animation frame: "dashboard shown" and "first chart"
are the first frames with the headline figures (once laid out) and with a \`.recharts-surface\` (a chart's SVG). A period
change selects a quarter in "Kỳ báo cáo" (${PERIOD_CHANGES} different quarters, so no figure comes from the
memo cache) and is timed from the select's \`input\` event until the headline figures' text has changed
(the first frame that shows them) and until that frame has been painted. Memory is the page's JS heap
(CDP \`Runtime.getHeapUsage\`) half a second after the first chart, before and after a full collection.
Waits are capped at ${WAIT_CAP_MS / 1000} s; a timeout counts as a miss.

${browserTable(browser)}

## Where the time goes

${whereTimeGoes(node, browser).join('\n')}
${profile ? `\n### CPU profile\n\n${profileLines(profile).join('\n')}\n` : ''}`;
}

// -------------------------------------------------------------------- main

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const sizesAt = argv.indexOf('--sizes');
  const sizes = sizesAt >= 0 ? SIZES.filter((s) => (argv[sizesAt + 1] ?? '').split(',').includes(s)) : SIZES;
  const skipBrowser = argv.includes('--skip-browser');
  const skipNode = argv.includes('--skip-node');
  const full = sizes.length === SIZES.length && !skipBrowser && !skipNode;

  const work = join(tmpdir(), `tthc-bench-${process.pid}`);
  mkdirSync(work, { recursive: true });
  let server: ChildProcess | undefined;
  let profileServer: ChildProcess | undefined;
  let browser: Browser | undefined;
  const stop = () => {
    server?.kill('SIGTERM');
    profileServer?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    const files = new Map<FictionalSize, string>();
    const node: NodeResult[] = [];
    // Each size is timed right after it is made, smallest first: making the large one first leaves the
    // heap in a state (hundreds of MB touched) that slows the small runs several-fold.
    for (const size of sizes) {
      const [dataset, gen] = time(() => generateFictional(size));
      const file = join(work, `bench-${size}.json`);
      writeFileSync(file, fictionalText(dataset, true));
      files.set(size, file);
      console.log(
        `generated ${size}: ${count(dataset.records.length)} records, ${mb(statSync(file).size)} in ${ms(gen)} ms`,
      );
      if (skipNode) continue;
      const r = benchNode(size, file);
      node.push(r);
      console.log(`  node: JSON.parse ${ms(r.jsonParse)} ms, pipeline ${ms(r.pipeline)} ms, ratio ${times(r.ratio)}`);
    }

    const results: BrowserResult[] = [];
    let profile: ProfileResult | undefined;
    let chromium = '—';
    if (!skipBrowser) {
      const outDir = join(work, 'dist');
      console.log('building the production bundle…');
      const build = spawnSync(
        'node_modules/.bin/vite',
        ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
        {
          stdio: 'inherit',
        },
      );
      if (build.status !== 0) throw new Error('vite build failed');
      mkdirSync(join(outDir, 'data'), { recursive: true });
      for (const size of sizes) copyFileSync(files.get(size) as string, join(outDir, 'data', `bench-${size}.json`));
      const preview = await startPreview(outDir);
      server = preview.server;
      browser = await launchChromium();
      chromium = `Chromium ${browser.version()}`;
      for (const size of sizes) {
        console.log(`chromium: ${size}…`);
        const result = await benchBrowser(browser, preview.url, size);
        if (result.pageErrors.length > 0) console.warn(`  the page reported errors: ${result.pageErrors.join('; ')}`);
        results.push(result);
      }
      if (sizes.includes(PROFILE_SIZE)) {
        console.log(`profiling ${PROFILE_SIZE} on an unminified build…`);
        const profileDir = join(work, 'dist-profile');
        const plain = spawnSync(
          'node_modules/.bin/vite',
          ['build', '--logLevel', 'error', '--minify', 'false', '--outDir', profileDir, '--emptyOutDir'],
          { stdio: 'inherit' },
        );
        if (plain.status !== 0) throw new Error('vite build (unminified) failed');
        mkdirSync(join(profileDir, 'data'), { recursive: true });
        copyFileSync(files.get(PROFILE_SIZE) as string, join(profileDir, 'data', `bench-${PROFILE_SIZE}.json`));
        const second = await startPreview(profileDir);
        profileServer = second.server;
        try {
          profile = await profileSize(browser, second.url, profileDir, PROFILE_SIZE);
        } catch (error) {
          // The profile explains the figures; without it they still stand.
          console.warn(`  profiling failed, the report goes without it: ${String(error).split('\n')[0]}`);
        } finally {
          second.server.kill('SIGTERM');
          profileServer = undefined;
        }
      }
    }

    const checks = verdicts(node, results);
    console.log('');
    if (node.length > 0) console.log(`${nodeTable(node)}\n\n${stageTable(node)}\n`);
    if (results.length > 0) console.log(`${browserTable(results)}\n`);
    if (profile) console.log(`${profileLines(profile).join('\n')}\n`);
    console.log(
      table(
        ['what', 'target', 'measured', 'holds', 'note'],
        checks.map((c) => [c.what, c.target, c.measured, c.holds ? 'yes' : 'NO', c.note]),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpus();
    const machine: Machine = {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memory: `${mb(totalmem())} total, ${mb(freemem())} free at the end of the run`,
      node: process.version,
      chromium,
      os: `${platform()} ${release()}`,
      load: [loadAtStart, loadavg()[0] ?? 0],
    };
    const busy = busyNote(machine);
    if (busy) console.warn(busy.trim());
    if (full) {
      writeFileSync('docs/performance.md', markdown(machine, node, results, checks, seconds, profile));
      console.log(`\nwrote docs/performance.md (${seconds.toFixed(0)} s)`);
    } else {
      console.log(`\npartial run (${seconds.toFixed(0)} s): docs/performance.md left as it was`);
    }
    return 0;
  } finally {
    await browser?.close();
    stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

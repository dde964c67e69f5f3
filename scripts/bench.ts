import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { dashboardFigures, headline, type Selection, unitRows } from '../src/domain/dashboard.ts';
import { datasetJsonText } from '../src/domain/dataset-json-text.ts';
import { createDatasetReader } from '../src/domain/dataset-stream.ts';
import { indexDataset, summarize } from '../src/domain/metrics.ts';
import { findWarnings, parseDatasetText, validateDataset } from '../src/domain/validate.ts';
import { launchChromium } from '../tests/browser/chromium.ts';
import { COMPOSITOR_STALL } from '../tests/browser/compositor-stall.ts';
import { BUDGETS, buildWithChunks, checkFirstView, type FirstView, firstViewReport, kb } from './check-budget.ts';
import { FICTIONAL_SIZES, type FictionalSize, generateFictional } from './generate-fictional.ts';

/**
 * The performance bench (npm run bench): the dashboard's production build in
 * Chromium against a floor page, on the sample and on fictional datasets of a
 * province, and the domain code alone in Node. Writes docs/performance.md.
 *
 *   tsx scripts/bench.ts                          everything; writes docs/performance.md
 *   tsx scripts/bench.ts --rounds 2 --skip-node   a quicker partial run (no doc)
 *   tsx scripts/bench.ts --pages floor,sample     only these pages in the browser (no doc)
 *
 * The floor page (scripts/bench-floor/) is the least a page can do with the
 * same libraries: React, TanStack Query and recharts fetch the same JSON file
 * and draw one bar chart. It is built beside the dashboard into a temporary
 * folder of the bench's own (never into dist/, which the browser tests build
 * and serve, and where the bench's data files, up to ~57 MB, have no place),
 * and both are served by one `vite preview`, so they fetch the same file the
 * same way from the same origin.
 *
 * Loads alternate: every round opens the floor page and the dashboard on the
 * sample in turn (twice, in swapped order on every other round), and the first
 * three rounds then open the dashboard at medium and at large. Each figure is a median over the rounds,
 * and each ratio the median of ratios taken within a round, so a machine that
 * gets busier or quieter during the run moves both sides of a ratio alike.
 */

/** Pages the browser opens: the floor and the dashboard, each on a dataset. */
export type PageKind = 'floor' | 'sample' | 'medium' | 'large';
const PAGES: readonly PageKind[] = ['floor', 'sample', 'medium', 'large'];

const SIZES: readonly FictionalSize[] = ['small', 'medium', 'large'];
const NODE_RUNS: Record<FictionalSize, number> = { small: 31, medium: 7, large: 3 };
/** Untimed passes first: a few hundred records are not enough for the JIT to optimise the code in one pass. */
const WARM_UPS: Record<FictionalSize, number> = { small: 10, medium: 2, large: 1 };
const ROUNDS = 5;
/** Rounds that also open the province datasets: the large load alone takes seconds. */
const PROVINCE_ROUNDS = 3;
const PERIOD_CHANGES = 5;
const WAIT_CAP_MS = 120_000;
/** The sample: the file the dashboard loads when no other is named (what readers see first). */
const SAMPLE_FILE = 'data/gia-lam.json';

const TARGETS = {
  firstViewJs: BUDGETS.js,
  /** Headline figures on the sample, against the floor page's first chart. */
  headlineVsFloor: 0.9,
  /** First chart for a reader who scrolls at once, against the floor page's first chart. */
  chartVsFloor: 1.5,
  /** Large against the sample: headline figures, first chart, and main-thread heap. */
  largeTime: 2.5,
  largeHeap: 3,
  periodChangeMs: 100,
  /** Layout shift after the first chart: none to speak of. */
  shift: 0.01,
  /** Earlier targets of the domain code in Node. */
  parseRatio: 3,
  linearity: 1.5,
} as const;

// A full collection between runs keeps one run's garbage from being billed to the next.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const median = (xs: readonly number[]): number => {
  // NaN is a figure not measured; an infinite one (a timeout) is a miss and stays in.
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '—');
const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '—');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
const count = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en-US') : '—');
const score = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

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
  /** What the worker answers for the charts and the ranking; timed after the pipeline, not part of it. */
  dashboardFigures: number;
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
  /** createDatasetReader fed the text in 64 KB pieces: all the pushes, then finish() (decision 0017). */
  streamPieces: number;
  streamFinish: number;
}

/** The size of the pieces the streaming reader is fed: about what a network read hands over. */
const PIECE_CHARS = 65_536;

/** The worker's way: the text read piece by piece as it arrives, then what is left after the last piece. */
function readInPieces(text: string): [pieces: number, finish: number] {
  const reader = createDatasetReader();
  const [, pieces] = time(() => {
    for (let at = 0; at < text.length; at += PIECE_CHARS) reader.push(text.slice(at, at + PIECE_CHARS));
  });
  const [result, finish] = time(() => reader.finish());
  if (!result.ok) throw new Error('bench: the streaming reader refused the generated dataset');
  return [pieces, finish];
}

/** One pass of what the page does with a file's text before it can draw anything. */
function pipeline(text: string): StageTimes {
  const [result, parse] = time(() => parseDatasetText(text));
  if (!result.ok) throw new Error(`bench: the generated dataset was refused: ${JSON.stringify(result.errors[0])}`);
  const [index, indexing] = time(() => indexDataset(result.dataset));
  const span = index.span;
  if (!span) throw new Error('bench: the generated dataset has no records');
  const selection: Selection = { range: span, level: 'all', unitId: null, field: null, compare: 'previous' };
  const [, sum] = time(() => summarize(index, span));
  const [, head] = time(() => headline(index, selection));
  const [, rows] = time(() => unitRows(index, selection));
  const [, figures] = time(() => dashboardFigures(index, selection));
  return {
    parseDatasetText: parse,
    indexDataset: indexing,
    summarize: sum,
    headline: head,
    unitRows: rows,
    dashboardFigures: figures,
  };
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
  const pieceTimes: number[] = [];
  const finishTimes: number[] = [];
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
    collectGarbage();
    const [pieces, finish] = readInPieces(text);
    pieceTimes.push(pieces);
    finishTimes.push(finish);
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
      dashboardFigures: pick('dashboardFigures'),
    },
    validate: median(validations),
    warnings: median(warnings),
    streamPieces: median(pieceTimes),
    streamFinish: median(finishTimes),
  };
}
// ------------------------------------------------------------- browser side

interface Shift {
  value: number;
  /** ms from navigation start. */
  time: number;
  /** Right after input (a click, a key): not counted, as in the Cumulative Layout Shift metric. */
  input: boolean;
  /** The elements that moved, as tag.class. */
  nodes: string[];
}

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
  shifts: Shift[];
  /** The first frame showing the headline figures, and the moment after that frame was painted. */
  headlineFrame: number | null;
  headlinePaint: number | null;
  /** When the page was scrolled to the charts: as soon as the headline figures were painted. */
  scrolled: number | null;
  /** The first frame in which a chart has its bars or lines, and the moment after that frame was painted. */
  chartFrame: number | null;
  chartPaint: number | null;
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
 * Runs in every page before its own scripts (the floor page and the
 * dashboard alike) and checks once per animation frame: when the headline
 * figures are first in a frame, when a chart first has its bars or lines, and,
 * once armed, when the headline figures show new text. "Painted" is the moment
 * a task posted from inside that frame runs, which is once the frame has been
 * painted. As soon as the headline figures are painted the page is scrolled to
 * the charts, as a reader who wants them at once would. Polling per frame
 * rather than watching every DOM mutation keeps the probe's own cost out of the
 * figures, and looks at as little of the document as it can: on a large DOM a
 * selector run every frame costs the page hundreds of ms.
 * performance.now() counts from navigation start.
 */
function installBenchProbe(): void {
  const probe: BenchProbe = {
    longTasks: [],
    shifts: [],
    headlineFrame: null,
    headlinePaint: null,
    scrolled: null,
    chartFrame: null,
    chartPaint: null,
    input: null,
    change: null,
  };
  (window as unknown as { __bench: BenchProbe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = entry as PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      };
      const nodes = (shift.sources ?? []).map((s) => {
        const el = s.node instanceof Element ? s.node : s.node?.parentElement;
        return el ? `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}` : '(text)';
      });
      probe.shifts.push({ value: shift.value, time: shift.startTime, input: shift.hadRecentInput, nodes });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener(
    'input',
    () => {
      if (probe.input === null) probe.input = performance.now();
    },
    true,
  );
  /** Tells the bench (a binding, not a poll: the bench asks the page nothing while it loads). */
  function notify(mark: string): void {
    (window as unknown as { __benchMark?: (m: string) => void }).__benchMark?.(mark);
  }
  function afterPaint(then: () => void): void {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  }
  // Live collections: kept up to date by the browser, so each check reads only the few charts there are.
  const headlines = document.getElementsByClassName('headline');
  const surfaces = document.getElementsByClassName('recharts-surface');
  // Charts by unit are drawn by hand (dots, bars, arrows), and a chart whose marks would all say the same
  // is one sentence: either is the chart the reader sees.
  const unitMarks = document.getElementsByClassName('unit-chart__dot');
  const unitBars = document.getElementsByClassName('unit-chart__bar');
  const unitArrows = document.getElementsByClassName('unit-chart__arrow');
  const statements = document.getElementsByClassName('chart-statement');
  function chartDrawn(): boolean {
    if (unitMarks[0] || unitBars[0] || unitArrows[0] || statements[0]) return true;
    for (const surface of surfaces) {
      if (
        surface.getElementsByClassName('recharts-rectangle')[0] ||
        surface.getElementsByClassName('recharts-curve')[0]
      )
        return true;
    }
    return false;
  }
  function benchFrame(): void {
    const now = performance.now();
    if (probe.headlineFrame === null && headlines[0]?.getElementsByClassName('figure__value')[0]) {
      probe.headlineFrame = now;
      afterPaint(function scrollToCharts() {
        probe.headlinePaint = performance.now();
        performance.mark('bench:headline');
        notify('headline');
        document.getElementsByClassName('dashboard__charts')[0]?.scrollIntoView({ block: 'start' });
        probe.scrolled = performance.now();
      });
    }
    if (probe.chartFrame === null && chartDrawn()) {
      probe.chartFrame = now;
      afterPaint(() => {
        probe.chartPaint = performance.now();
        performance.mark('bench:chart');
        notify('chart');
      });
    }
    const change = probe.change;
    if (change && change.frame === null && (headlines[0]?.textContent ?? '') !== change.before) {
      change.frame = now;
      afterPaint(() => {
        change.paint = performance.now();
        notify('change');
      });
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

/**
 * Scrolls down the page a screen at a time, letting every chart near the
 * viewport draw (or show why it cannot) before moving on, then to the bottom,
 * where the panels below the charts arrive. Returns how long it took.
 */
async function sweepPage([capMs, stallMessage]: [number, string]): Promise<number> {
  const started = performance.now();
  // Frames that never come are Chromium's compositor stall (decision 0018), not a slow page: said so after 10 s.
  const frames = (n: number) =>
    new Promise<void>((done, fail) => {
      let left = n;
      const timer = setTimeout(() => fail(new Error(stallMessage)), 10_000);
      const tick = () => {
        if (--left > 0) requestAnimationFrame(tick);
        else {
          clearTimeout(timer);
          done();
        }
      };
      requestAnimationFrame(tick);
    });
  const pause = (t: number) => new Promise<void>((done) => setTimeout(done, t));
  const waiting = () =>
    [...document.querySelectorAll('.chart-frame__area')].some((area) => {
      const box = area.getBoundingClientRect();
      const near = box.bottom > -window.innerHeight && box.top < 2 * window.innerHeight;
      return near && !area.querySelector('.recharts-surface, .unit-chart__svg, .chart-statement, .chart-fallback');
    });
  const settle = async () => {
    const deadline = performance.now() + capMs;
    while (waiting() && performance.now() < deadline) await frames(1);
    await frames(2);
  };
  const chartsEnd = () => {
    const all = document.getElementsByClassName('chart-frame');
    const last = all[all.length - 1];
    return last ? last.getBoundingClientRect().bottom + window.scrollY : 0;
  };
  await settle();
  while (window.scrollY + window.innerHeight < chartsEnd() + window.innerHeight) {
    const before = window.scrollY;
    window.scrollBy(0, Math.round(window.innerHeight * 0.9));
    if (window.scrollY === before) break;
    await settle();
  }
  // The ranking, the briefing and the data-quality panel come in chunks of their own as the reader nears them.
  for (let i = 0; i < 2; i++) {
    window.scrollTo(0, document.documentElement.scrollHeight);
    await pause(400);
    await settle();
  }
  return performance.now() - started;
}

/** The page's dedicated workers (the dataset worker), reached through the page's DevTools session. */
class WorkerSessions {
  readonly ids: string[] = [];
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  onAttach: ((id: string) => void) | null = null;

  constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type !== 'worker') return;
      this.ids.push(event.sessionId);
      this.onAttach?.(event.sessionId);
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!waiter || message.id === undefined) return;
      this.waiting.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  /** Attaches to the page's workers, those running and those yet to start. */
  async attach(): Promise<void> {
    await this.cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  send<T>(sessionId: string, method: string, params: object = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch((e: unknown) => {
          this.waiting.delete(id);
          reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
  }
}

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
}

export interface LoadRun {
  page: PageKind;
  round: number;
  timedOut: boolean;
  /** ms from navigation start; null when not seen (the floor page has no headline figures). */
  headline: number | null;
  chart: number | null;
  scrolled: number | null;
  scriptEnd: number | null;
  dataStart: number | null;
  dataEnd: number | null;
  chartChunkStart: number | null;
  chartChunkEnd: number | null;
  workerScriptStart: number | null;
  /** Main-thread time in long tasks (≥ 50 ms) from the data's arrival to the headline figures, then to the first chart. */
  busyToHeadline: number | null;
  busyToChart: number | null;
  longestTask: number | null;
  /** JS heap of the page's main thread after a forced collection, once the first chart is drawn. */
  heap: number | null;
  /** The same for Blink's own objects (DOM, layout), which Runtime.getHeapUsage reports beside it. */
  domHeap: number | null;
  /** JS heap of the dataset worker after a forced collection, when there is one. */
  workerHeap: number | null;
  /** Main thread after scrolling through the whole page. */
  heapAfterSweep: number | null;
  /** Layout shift before the headline figures were painted, from then on (the charts and panels arriving), and after the first chart. */
  shiftBeforeHeadline: number | null;
  shiftAfterHeadline: number | null;
  shiftAfterChart: number | null;
  /** Elements that moved after the headline figures were painted, and before, with their summed scores. */
  shiftNodes: [string, number][];
  shiftNodesBefore: [string, number][];
  sweepMs: number | null;
  domElements: number | null;
  /** Of those, inside the numbers tables under the charts, and inside the filters' selects. */
  domTables: number | null;
  domSelects: number | null;
  changeFrame: number[];
  changePaint: number[];
  changeTimedOut: boolean;
  errors: string[];
}

function pageUrl(base: string, kind: PageKind): string {
  if (kind === 'floor') return `${base}floor/`;
  if (kind === 'sample') return base;
  return `${base}?data=data/bench-${kind}.json`;
}

function dataFile(kind: PageKind): string {
  return kind === 'floor' || kind === 'sample' ? SAMPLE_FILE : `data/bench-${kind}.json`;
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

interface Probed {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Resolves when the probe reports `mark` (headline, chart, change), or rejects after the cap. */
  waitMark: (mark: string) => Promise<void>;
  /** Forgets a mark, so the next one of its name can be waited for (period changes). */
  clearMark: (mark: string) => void;
}

/**
 * Two animation frames of the page, so what is read next is read off a page that has drawn. None within
 * 10 s while its timers run is Chromium's compositor stall (decision 0018): it throws COMPOSITOR_STALL, and
 * the load is made again on a fresh page (benchBrowser), as the browser tests retry such a test once.
 */
async function twoFrames(page: Page): Promise<void> {
  const drew = await page.evaluate(
    () =>
      new Promise<boolean>((done) => {
        const timer = setTimeout(() => done(false), 10_000);
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            clearTimeout(timer);
            done(true);
          }),
        );
      }),
  );
  if (!drew) throw new Error(COMPOSITOR_STALL);
}

async function openProbed(browser: Browser): Promise<Probed> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const seen = new Set<string>();
  const waiting = new Map<string, () => void>();
  await context.exposeBinding('__benchMark', (_source, mark: string) => {
    seen.add(mark);
    waiting.get(mark)?.();
  });
  const waitMark = (mark: string) =>
    seen.has(mark)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            waiting.delete(mark);
            reject(new Error(`bench: no "${mark}" within ${WAIT_CAP_MS / 1000} s`));
          }, WAIT_CAP_MS);
          waiting.set(mark, () => {
            clearTimeout(timer);
            waiting.delete(mark);
            resolve();
          });
        });
  const clearMark = (mark: string) => seen.delete(mark);
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(installBenchProbe);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('crash', () => errors.push('the page crashed'));
  return { context, page, errors, waitMark, clearMark };
}

async function heapOf(cdp: CDPSession): Promise<HeapUsage> {
  await cdp.send('HeapProfiler.collectGarbage');
  return cdp.send('Runtime.getHeapUsage');
}

async function workerHeap(page: Page, cdp: CDPSession): Promise<number | null> {
  if (page.workers().length === 0) return null;
  const workers = new WorkerSessions(cdp);
  await workers.attach();
  for (let i = 0; i < 50 && workers.ids.length === 0; i++) await page.waitForTimeout(20);
  let total = 0;
  for (const id of workers.ids) {
    await workers.send(id, 'HeapProfiler.collectGarbage');
    total += (await workers.send<HeapUsage>(id, 'Runtime.getHeapUsage')).usedSize;
  }
  return workers.ids.length > 0 ? total : null;
}

interface LoadOptions {
  /** Scroll through the whole page afterwards: layout shift as the charts arrive, heap with everything drawn. */
  sweep: boolean;
  /** Heap sizes after forced collections (main thread, worker). */
  heap: boolean;
  /** Time period changes (medium). */
  changes: FictionalSize | null;
}

async function loadOnce(
  browser: Browser,
  base: string,
  kind: PageKind,
  round: number,
  o: LoadOptions,
): Promise<LoadRun> {
  const { context, page, errors, waitMark, clearMark } = await openProbed(browser);
  const run: LoadRun = {
    page: kind,
    round,
    timedOut: false,
    headline: null,
    chart: null,
    scrolled: null,
    scriptEnd: null,
    dataStart: null,
    dataEnd: null,
    chartChunkStart: null,
    chartChunkEnd: null,
    workerScriptStart: null,
    busyToHeadline: null,
    busyToChart: null,
    longestTask: null,
    heap: null,
    domHeap: null,
    workerHeap: null,
    heapAfterSweep: null,
    shiftBeforeHeadline: null,
    shiftAfterHeadline: null,
    shiftAfterChart: null,
    shiftNodes: [],
    shiftNodesBefore: [],
    sweepMs: null,
    domElements: null,
    domTables: null,
    domSelects: null,
    changeFrame: [],
    changePaint: [],
    changeTimedOut: false,
    errors,
  };
  try {
    await page.goto(pageUrl(base, kind), { waitUntil: 'commit' });
    try {
      await Promise.all([waitMark('chart'), kind === 'floor' ? null : waitMark('headline')]);
    } catch {
      run.timedOut = true;
      return run;
    }
    const timing = await page.evaluate(
      (file) => {
        const probe = (window as unknown as { __bench: BenchProbe }).__bench;
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const find = (test: (path: string) => boolean) => resources.find((e) => test(new URL(e.name).pathname));
        const data = find((p) => p.endsWith(file));
        const script = find((p) => /\/assets\/index-[^/]*\.js$/.test(p));
        // The chart module's own chunk (chart-<hash>.js), not chart-specs-<hash>.js or chart-export-<hash>.js.
        const chunk = find((p) => /\/assets\/chart-[\w-]{8}\.js$/.test(p));
        const worker = find((p) => /\/assets\/dataset-worker-[^/]*\.js$/.test(p));
        return {
          headline: probe.headlinePaint,
          chart: probe.chartPaint,
          scrolled: probe.scrolled,
          scriptEnd: script?.responseEnd ?? null,
          dataStart: data?.startTime ?? null,
          dataEnd: data?.responseEnd ?? null,
          chartChunkStart: chunk?.startTime ?? null,
          chartChunkEnd: chunk?.responseEnd ?? null,
          workerScriptStart: worker?.startTime ?? null,
          longTasks: probe.longTasks,
        };
      },
      dataFile(kind).replace(/^data\//, '/data/'),
    );
    const { longTasks, ...marks } = timing;
    Object.assign(run, marks);
    const busy = (from: number | null, to: number | null) =>
      from === null || to === null
        ? null
        : longTasks.filter(([start]) => start >= from && start < to).reduce((a, [, d]) => a + d, 0);
    run.busyToHeadline = busy(run.dataEnd, run.headline);
    run.busyToChart = busy(run.headline ?? run.dataEnd, run.chart);
    run.longestTask = Math.max(0, ...longTasks.filter(([start]) => start < (run.chart ?? 0)).map(([, d]) => d));
    // Fonts and two more frames, so the heap and the shifts are read off a page that has settled.
    await page.evaluate(() => document.fonts.ready);
    await twoFrames(page);
    const cdp = await context.newCDPSession(page);
    if (o.heap) {
      const h = await heapOf(cdp);
      run.heap = h.usedSize;
      run.domHeap = h.embedderHeapUsedSize ?? null;
      run.workerHeap = await workerHeap(page, cdp);
    }
    if (o.sweep) {
      run.sweepMs = await page.evaluate(sweepPage, [15_000, COMPOSITOR_STALL] as [number, string]);
      const shifts = await page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.shifts);
      const counted = shifts.filter((s) => !s.input);
      const sum = (list: Shift[]) => list.reduce((a, s) => a + s.value, 0);
      // Split where the frames were painted: the shift of the frame that first shows the headline figures (the
      // dashboard replacing the loading state) belongs to the load; what moves afterwards moves as charts arrive.
      const shown = run.headline ?? 0;
      const after = counted.filter((s) => s.time >= shown);
      run.shiftBeforeHeadline = sum(counted.filter((s) => s.time < shown));
      run.shiftAfterHeadline = sum(after);
      run.shiftAfterChart = sum(counted.filter((s) => s.time >= (run.chart ?? Number.POSITIVE_INFINITY)));
      const before = new Map<string, number>();
      for (const s of counted.filter((x) => x.time < shown))
        for (const n of new Set(s.nodes)) before.set(n, (before.get(n) ?? 0) + s.value);
      run.shiftNodesBefore = [...before].sort((a, b) => b[1] - a[1]).slice(0, 4);
      const byNode = new Map<string, number>();
      for (const s of after) for (const n of new Set(s.nodes)) byNode.set(n, (byNode.get(n) ?? 0) + s.value);
      run.shiftNodes = [...byNode].sort((a, b) => b[1] - a[1]).slice(0, 4);
      if (o.heap) run.heapAfterSweep = (await heapOf(cdp)).usedSize;
    }
    const dom = await page.evaluate(() => {
      const inside = (selector: string) =>
        [...document.querySelectorAll(selector)].reduce((a, e) => a + e.getElementsByTagName('*').length + 1, 0);
      return {
        all: document.getElementsByTagName('*').length,
        tables: inside('.chart-frame__numbers'),
        selects: inside('select'),
      };
    });
    run.domElements = dom.all;
    run.domTables = dom.tables;
    run.domSelects = dom.selects;
    if (o.changes) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await twoFrames(page);
      const select = page.getByLabel('Kỳ báo cáo');
      for (const id of changePlan(o.changes)) {
        clearMark('change');
        await page.evaluate(armChangeWatch);
        await select.selectOption(id, { timeout: WAIT_CAP_MS });
        try {
          await waitMark('change');
        } catch {
          run.changeTimedOut = true;
          break;
        }
        const c = await page.evaluate(() => {
          const probe = (window as unknown as { __bench: BenchProbe }).__bench;
          return { input: probe.input, frame: probe.change?.frame ?? null, paint: probe.change?.paint ?? null };
        });
        if (c.input === null || c.frame === null || c.paint === null)
          throw new Error('bench: period change not observed');
        run.changeFrame.push(c.frame - c.input);
        run.changePaint.push(c.paint - c.input);
      }
    }
    await cdp.detach();
    return run;
  } finally {
    await context.close();
  }
}

/** The order of the loads of one round: floor and sample alternate, their order swapped every other round. */
function roundPlan(round: number, pages: readonly PageKind[]): PageKind[] {
  const pair: PageKind[] = round % 2 === 0 ? ['floor', 'sample'] : ['sample', 'floor'];
  const order: PageKind[] = [...pair, ...pair, ...(round < PROVINCE_ROUNDS ? (['medium', 'large'] as const) : [])];
  return order.filter((p) => pages.includes(p));
}

async function benchBrowser(browser: Browser, base: string, pages: readonly PageKind[], rounds: number) {
  const runs: LoadRun[] = [];
  for (let round = 0; round < rounds; round++) {
    let sampleSwept = false;
    for (const kind of roundPlan(round, pages)) {
      const sweep = kind === 'medium' || kind === 'large' || (kind === 'sample' && !sampleSwept);
      if (kind === 'sample') sampleSwept = true;
      const options: LoadOptions = { sweep, heap: kind !== 'floor', changes: kind === 'medium' ? 'medium' : null };
      let run: LoadRun;
      try {
        run = await loadOnce(browser, base, kind, round, options);
      } catch (e) {
        if (!(e instanceof Error && e.message.includes(COMPOSITOR_STALL))) throw e;
        console.log(`  round ${round + 1} ${kind}: ${COMPOSITOR_STALL} (decision 0018); loaded again on a fresh page`);
        run = await loadOnce(browser, base, kind, round, options);
      }
      runs.push(run);
      const parts = [
        run.timedOut ? `timeout (> ${WAIT_CAP_MS / 1000} s)` : '',
        run.headline !== null ? `headline ${ms(run.headline)} ms` : '',
        run.chart !== null ? `first chart ${ms(run.chart)} ms` : '',
        run.heap !== null ? `heap ${mb(run.heap)}` : '',
        run.workerHeap !== null ? `worker ${mb(run.workerHeap)}` : '',
        run.shiftAfterHeadline !== null
          ? `shift ${score(run.shiftBeforeHeadline ?? Number.NaN)} + ${score(run.shiftAfterHeadline)} after the headline`
          : '',
        run.changePaint.length > 0 ? `changes ${run.changePaint.map(ms).join(', ')} ms` : '',
        run.sweepMs !== null ? `scroll through the page ${ms(run.sweepMs)} ms` : '',
        run.errors.length > 0 ? `ERRORS: ${run.errors.join('; ')}` : '',
      ].filter(Boolean);
      console.log(`  round ${round + 1} ${kind}: ${parts.join(', ')}`);
    }
  }
  return runs;
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
export type Attribution = [string, number][];

interface Phase {
  what: string;
  attribution: Attribution;
  /** ms sampled (idle left out). */
  total: number;
  /** Steps in the order they run, all of them, rather than the largest first. */
  ordered?: boolean;
}

interface ProfileResult {
  phases: Phase[];
  /** The page's main thread by kind of work (trace events, self time). */
  traces: Phase[];
}

const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8'];

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

/** Plain words for the trace events that matter here. */
const TRACE_LABEL: Record<string, string> = {
  RunTask: 'tasks, not otherwise named',
  ThreadControllerImpl__RunTask: 'tasks, not otherwise named',
  UpdateLayoutTree: 'style',
  ParseHTML: 'parsing HTML',
  FunctionCall: 'JavaScript',
  'v8.callFunction': 'JavaScript',
  EvaluateScript: 'script evaluation',
  'v8.compile': 'compiling scripts',
  'v8.compileModule': 'compiling modules',
  'v8.evaluateModule': 'evaluating modules',
  RunMicrotasks: 'JavaScript (microtasks)',
  BlinkScheduler_PerformMicrotaskCheckpoint: 'JavaScript (microtasks)',
  CpuProfiler__StartProfiling: "the profiler restarting (the bench's own)",
  ResourceReceivedData: 'network: data received',
  EventDispatch: 'event dispatch',
  FireAnimationFrame: 'animation frame callbacks',
  TimerFire: 'timers',
};

/** Self time of the complete events of one thread, clipped to [from, to], by event name. */
export function traceSelfTime(events: readonly TraceEvent[], from: number, to: number): [Attribution, number] {
  const list = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts < to && e.ts + (e.dur ?? 0) > from)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: { end: number; name: string }[] = [];
  for (const e of list) {
    const end = e.ts + (e.dur ?? 0);
    const d = Math.min(end, to) - Math.max(e.ts, from);
    while (stack.length > 0 && (stack[stack.length - 1] as { end: number }).end <= e.ts) stack.pop();
    if (d <= 0) continue;
    const name = e.name.replaceAll('::', '__');
    self.set(name, (self.get(name) ?? 0) + d / 1000);
    const top = stack[stack.length - 1];
    if (top) self.set(top.name, (self.get(top.name) ?? 0) - d / 1000);
    stack.push({ end, name });
  }
  const rows: Attribution = [...self]
    .filter(([, t]) => t > 0.05)
    .map(([n, t]) => [
      TRACE_LABEL[n] ? `${TRACE_LABEL[n]} (${n.replaceAll('__', '::')})` : n.replaceAll('__', '::'),
      t,
    ]);
  const merged = new Map<string, number>();
  for (const [n, t] of rows) merged.set(n, (merged.get(n) ?? 0) + t);
  const sorted = [...merged].sort((a, b) => b[1] - a[1]);
  return [sorted, sorted.reduce((a, [, t]) => a + t, 0)];
}

/**
 * The page's main thread (the one that wrote the probe's marks) from the
 * navigation to the headline figures, and from them to the first chart.
 */
function traceBreakdowns(kind: PageKind, events: readonly TraceEvent[], headlineMs: number): Phase[] {
  const headline = events.find((e) => e.name === 'bench:headline');
  const chart = events.find((e) => e.name === 'bench:chart');
  if (!headline || !chart) return [];
  const thread = events.filter((e) => e.pid === headline.pid && e.tid === headline.tid);
  // The navigation started headlineMs before the headline's mark (performance.now() counts from it).
  const from = headline.ts - headlineMs * 1000;
  const out: Phase[] = [];
  for (const [what, a, b] of [
    ['navigation → headline figures painted', from, headline.ts],
    ['headline figures → first chart painted (scrolled at once)', headline.ts, chart.ts],
  ] as const) {
    const [attribution, total] = traceSelfTime(thread, a, b);
    out.push({
      what: `${kind}: main thread, ${what}, by kind of work (${ms((b - a) / 1000)} ms of wall time)`,
      attribution,
      total,
    });
  }
  return out;
}

/**
 * The module each line of an unminified chunk belongs to. Rolldown heads each
 * module's code with a comment naming its path (`// node_modules/x/…` or
 * `//#region src/…`); packages are named by package, our code by file.
 */
export function moduleRegions(code: string): [number, string][] {
  const out: [number, string][] = [];
  code.split('\n').forEach((line, i) => {
    const m = /^\s*\/\/(?:#region)? +(\S+)\s*$/.exec(line);
    const path = m?.[1];
    if (!path || !/^(node_modules\/|src\/|\\0|\0)/.test(path)) return;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
    out.push([i, pkg?.[1] ?? path.replace(/^\\0|^\0/, '(bundler) ')]);
  });
  return out;
}

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples?: number[];
  timeDeltas?: number[];
}

const PROBE_FUNCTIONS = new Set(['benchFrame', 'chartDrawn', 'afterPaint', 'installBenchProbe']);

export function attribute(
  profile: CpuProfile,
  regions: ReadonlyMap<string, [number, string][]>,
): [Attribution, number] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const moduleOf = (frame: { url: string; lineNumber: number }) => {
    const list = regions.get(frame.url.split('/').pop() ?? '') ?? [];
    let name = '(bundle)';
    for (const [line, module] of list) {
      if (line > frame.lineNumber) break;
      name = module;
    }
    return name;
  };
  /** The code that called a built-in: a forced layout is billed to whoever asked for it. */
  const callerOf = (id: number) => {
    for (let at = parent.get(id); at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame?.url) return moduleOf(frame);
      if (frame && PROBE_FUNCTIONS.has(frame.functionName)) return "the bench's probe";
    }
    return null;
  };
  const self = new Map<string, number>();
  let total = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id);
    const us = deltas[i] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    let key: string;
    if (!frame.url && frame.functionName === 'scrollToCharts') key = "layout for the reader's scroll to the charts";
    else if (!frame.url && PROBE_FUNCTIONS.has(frame.functionName)) key = "the bench's probe";
    else if (!frame.url && frame.functionName.startsWith('(')) key = frame.functionName;
    else if (!frame.url) {
      const caller = callerOf(id);
      key = `built-in: ${frame.functionName || '(anonymous)'}${caller ? `, called from ${caller}` : ''}`;
    } else key = moduleOf(frame);
    self.set(key, (self.get(key) ?? 0) + us / 1000);
    total += us / 1000;
  });
  return [[...self].sort((a, b) => b[1] - a[1]), total];
}

/**
 * The worker's steps, each with the time of every sample in which it is on
 * the stack (its callees included). The worker's chunk names its modules too
 * sparsely to attribute self time by module, but its functions keep their
 * names in an unminified build.
 */
const WORKER_STEPS: [string, string][] = [
  ['decode', 'decoding the bytes (TextDecoder)'],
  ['parseDatasetText', 'parseDatasetText: JSON.parse + validation'],
  ['parse', '… JSON.parse'],
  ['validateDataset', '… validateDataset'],
  ['findWarnings', '… … of which findWarnings'],
  ['indexDataset', 'indexDataset'],
  ['datasetMeta', 'datasetMeta (the description sent to the page)'],
  ['headline', 'answering: headline'],
  ['dashboardFigures', 'answering: dashboard figures (charts, ranking)'],
  ['briefing', 'answering: briefing'],
  ['slideNotes', 'answering: speaker notes'],
  ['postMessage', 'postMessage (copying answers to the page)'],
];

export function inclusive(profile: CpuProfile): [Attribution, number] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const wanted = new Map(WORKER_STEPS);
  const time = new Map<string, number>();
  let total = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    if (byId.get(id)?.functionName === '(idle)') return;
    const t = (deltas[i] ?? 0) / 1000;
    total += t;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)?.functionName ?? '';
      if (wanted.has(name)) seen.add(name);
    }
    for (const name of seen) time.set(name, (time.get(name) ?? 0) + t);
  });
  const steps: Attribution = WORKER_STEPS.flatMap(([fn, label]) =>
    time.has(fn) ? [[label, time.get(fn) as number]] : [],
  );
  return [steps, total];
}

/**
 * Loads under the CPU profiler, on an unminified build (so the code can be
 * told apart by module; it runs at much the same speed): the sample and the
 * large dataset (the page's main thread until the headline figures, then until
 * the first chart; the dataset worker from its start to the first chart), and
 * one period change at medium.
 */
async function profileLoads(browser: Browser, base: string, dir: string, pages: readonly PageKind[]) {
  const regions = new Map<string, [number, string][]>();
  for (const file of readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'))) {
    regions.set(file, moduleRegions(readFileSync(join(dir, 'assets', file), 'utf8')));
  }
  const phases: Phase[] = [];
  const traces: Phase[] = [];
  const stop = async (cdp: CDPSession, what: string) => {
    const [attribution, total] = attribute((await cdp.send('Profiler.stop')).profile as CpuProfile, regions);
    phases.push({ what, attribution, total });
  };
  for (const kind of (['sample', 'large'] as const).filter((k) => pages.includes(k))) {
    const { context, page, errors, waitMark } = await openProbed(browser);
    try {
      const cdp = await context.newCDPSession(page);
      const workers = new WorkerSessions(cdp);
      const workerStarts: Promise<unknown>[] = [];
      workers.onAttach = (id) => {
        workerStarts.push(
          workers
            .send(id, 'Profiler.enable')
            .then(() => workers.send(id, 'Profiler.setSamplingInterval', { interval: 500 }))
            .then(() => workers.send(id, 'Profiler.start')),
        );
      };
      await workers.attach();
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await cdp.send('Profiler.start');
      await page.goto(pageUrl(base, kind), { waitUntil: 'commit' });
      await waitMark('headline');
      await stop(cdp, `${kind}: main thread, navigation → headline figures painted`);
      await cdp.send('Profiler.start');
      await waitMark('chart');
      await stop(cdp, `${kind}: main thread, headline figures → first chart painted (scrolled at once)`);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      const headlineMs = await page.evaluate(
        () => (window as unknown as { __bench: BenchProbe }).__bench.headlinePaint,
      );
      traces.push(...traceBreakdowns(kind, trace.traceEvents, headlineMs ?? 0));
      await Promise.all(workerStarts);
      for (const id of workers.ids) {
        const { profile } = await workers.send<{ profile: CpuProfile }>(id, 'Profiler.stop');
        const [attribution, total] = inclusive(profile);
        phases.push({
          what: `${kind}: dataset worker, from its start → first chart painted (time with each step on the stack)`,
          attribution,
          total,
          ordered: true,
        });
      }
      if (errors.length > 0) console.warn(`  profiling ${kind}: the page reported ${errors.join('; ')}`);
    } finally {
      await context.close();
    }
  }
  if (pages.includes('medium')) {
    const { context, page, waitMark } = await openProbed(browser);
    try {
      const cdp = await context.newCDPSession(page);
      await page.goto(pageUrl(base, 'medium'), { waitUntil: 'commit' });
      await waitMark('chart');
      await page.evaluate(() => window.scrollTo(0, 0));
      await twoFrames(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      // Changed from inside the page, so the profile holds the page's work and not Playwright's checks before an action.
      const select = await page.getByLabel('Kỳ báo cáo').elementHandle();
      if (!select) throw new Error('bench: no "Kỳ báo cáo" select');
      await page.evaluate(armChangeWatch);
      await cdp.send('Profiler.start');
      await select.evaluate((el, id) => {
        (el as HTMLSelectElement).value = id;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, changePlan('medium')[1] ?? 'all');
      await waitMark('change');
      await stop(cdp, 'medium: main thread, one period change → new headline figures painted');
    } finally {
      await context.close();
    }
  }
  return { phases, traces } satisfies ProfileResult;
}

function profileLines(p: ProfileResult): string[] {
  const out = [
    'Self time by where the code comes from (CPU profiler sampling every 0.5 ms; idle time left out).',
    '"(program)" is the browser\'s own work outside JavaScript (parsing HTML, style, layout, paint and the like),',
    '"built-in: …" a function of the browser or of V8 (JSON.parse shows as built-in: parse), billed with the code that called it',
    '(a DOM method such as getBoundingClientRect that forces a layout carries the cost of that layout).',
  ];
  if (p.traces.length > 0) {
    out.push(
      '',
      "The same loads traced (Chromium trace events of the page's main thread, self time by event, busy time only):",
    );
  }
  for (const phase of p.traces) {
    out.push('', `${phase.what}, ${ms(phase.total)} ms busy:`, '', '| work | ms | share |', '| --- | --- | --- |');
    for (const [what, t] of phase.attribution.slice(0, 10)) {
      out.push(`| ${what} | ${ms(t)} | ${((t / phase.total) * 100).toFixed(0)} % |`);
    }
  }
  if (p.phases.length > 0) out.push('', 'CPU profiles of the same loads, by where the code comes from:');
  for (const phase of p.phases) {
    out.push('', `${phase.what} (${ms(phase.total)} ms sampled):`, '', '| code | ms | share |', '| --- | --- | --- |');
    for (const [what, t] of phase.ordered ? phase.attribution : phase.attribution.slice(0, 8)) {
      out.push(`| ${what} | ${ms(t)} | ${((t / phase.total) * 100).toFixed(0)} % |`);
    }
  }
  return out;
}

// ------------------------------------------------------------------ report

interface PageSummary {
  page: PageKind;
  loads: number;
  timedOut: number;
  headline: number;
  chart: number;
  scrolled: number;
  scriptEnd: number;
  dataStart: number;
  dataEnd: number;
  chartChunkStart: number;
  chartChunkEnd: number;
  workerScriptStart: number;
  busyToHeadline: number;
  busyToChart: number;
  longestTask: number;
  heap: number;
  domHeap: number;
  workerHeap: number;
  heapAfterSweep: number;
  shiftBeforeHeadline: number;
  shiftAfterHeadline: number;
  shiftAfterChart: number;
  sweeps: number;
  /** Elements that moved after the headline figures (and before): summed score over the loads, divided by the loads swept. */
  shiftNodes: [string, number][];
  shiftNodesBefore: [string, number][];
  domElements: number;
  domTables: number;
  domSelects: number;
  changeFrame: number[];
  changePaint: number[];
  changeTimedOut: boolean;
  errors: string[];
}

type NumericKey = {
  [K in keyof LoadRun]: LoadRun[K] extends number | null ? K : never;
}[keyof LoadRun];

function summarise(all: readonly LoadRun[], page: PageKind): PageSummary | null {
  const runs = all.filter((r) => r.page === page);
  if (runs.length === 0) return null;
  const ok = runs.filter((r) => !r.timedOut);
  const med = (k: NumericKey) => median(ok.flatMap((r) => (r[k] === null ? [] : [r[k] as number])));
  const swept = ok.filter((r) => r.shiftAfterHeadline !== null);
  const nodesOf = (pick: (r: LoadRun) => [string, number][]) => {
    const nodes = new Map<string, number>();
    for (const r of swept) for (const [n, v] of pick(r)) nodes.set(n, (nodes.get(n) ?? 0) + v / swept.length);
    return [...nodes].sort((a, b) => b[1] - a[1]).slice(0, 4);
  };
  return {
    page,
    loads: runs.length,
    timedOut: runs.length - ok.length,
    headline: med('headline'),
    chart: med('chart'),
    scrolled: med('scrolled'),
    scriptEnd: med('scriptEnd'),
    dataStart: med('dataStart'),
    dataEnd: med('dataEnd'),
    chartChunkStart: med('chartChunkStart'),
    chartChunkEnd: med('chartChunkEnd'),
    workerScriptStart: med('workerScriptStart'),
    busyToHeadline: med('busyToHeadline'),
    busyToChart: med('busyToChart'),
    longestTask: med('longestTask'),
    heap: med('heap'),
    domHeap: med('domHeap'),
    workerHeap: med('workerHeap'),
    heapAfterSweep: med('heapAfterSweep'),
    shiftBeforeHeadline: med('shiftBeforeHeadline'),
    shiftAfterHeadline: med('shiftAfterHeadline'),
    shiftAfterChart: med('shiftAfterChart'),
    sweeps: swept.length,
    shiftNodes: nodesOf((r) => r.shiftNodes),
    shiftNodesBefore: nodesOf((r) => r.shiftNodesBefore),
    domElements: med('domElements'),
    domTables: med('domTables'),
    domSelects: med('domSelects'),
    changeFrame: ok.flatMap((r) => r.changeFrame),
    changePaint: ok.flatMap((r) => r.changePaint),
    changeTimedOut: runs.some((r) => r.changeTimedOut),
    errors: [...new Set(runs.flatMap((r) => r.errors))],
  };
}

type Pick = (r: LoadRun) => number | null;

/**
 * a ÷ b within each round: the i-th load of `a` against the i-th of `b` (they
 * ran one after the other), or, when `b` has several loads in the round and
 * `a` one, against their median. The median of those ratios.
 */
export function roundRatio(runs: readonly LoadRun[], a: PageKind, fa: Pick, b: PageKind, fb: Pick): number {
  const ratios: number[] = [];
  const rounds = new Set(runs.map((r) => r.round));
  const value = (r: LoadRun, f: Pick) => (r.timedOut ? Number.POSITIVE_INFINITY : (f(r) ?? Number.NaN));
  for (const round of rounds) {
    const as = runs.filter((r) => r.round === round && r.page === a).map((r) => value(r, fa));
    const bs = runs.filter((r) => r.round === round && r.page === b).map((r) => value(r, fb));
    if (as.length === bs.length) {
      for (const [i, x] of as.entries()) ratios.push(x / (bs[i] as number));
    } else for (const x of as) ratios.push(x / median(bs));
  }
  return median(ratios);
}

interface Verdict {
  what: string;
  target: string;
  measured: string;
  /** null: reported without a verdict (not measured in this run). */
  holds: boolean | null;
  note: string;
}

function ratioVerdict(
  what: string,
  ratio: number,
  limit: number,
  detail: string,
  needs: (limit: number) => string,
): Verdict {
  const holds = Number.isFinite(ratio) ? ratio <= limit : ratio === Number.POSITIVE_INFINITY ? false : null;
  return {
    what,
    target: `≤ ${limit}×`,
    measured: `${times(ratio)} (${detail})`,
    holds,
    note:
      holds === null
        ? 'not measured'
        : holds
          ? `${times(limit - ratio)} to spare`
          : `**over by ${times(ratio - limit)}** (${((ratio / limit - 1) * 100).toFixed(0)} %); ${needs(limit)}`,
  };
}

function verdicts(firstView: FirstView | null, pages: ReadonlyMap<PageKind, PageSummary>, runs: readonly LoadRun[]) {
  const out: Verdict[] = [];
  if (firstView) {
    const js = firstView.measurement.jsGzip;
    const chartFree = firstView.chartCode.length === 0;
    out.push({
      what: 'First-view JavaScript (loaded before the headline figures), and no chart code in it',
      target: `≤ ${kb(TARGETS.firstViewJs)} gzip`,
      measured: `${kb(js)} gzip; ${chartFree ? 'no chart code' : `chart code: ${[...new Set(firstView.chartCode.map((h) => h.pkg))].join(', ')}`}`,
      holds: js <= TARGETS.firstViewJs && chartFree,
      note:
        js <= TARGETS.firstViewJs
          ? `${kb(TARGETS.firstViewJs - js)} to spare (scripts/check-budget.ts on the build benched here)`
          : `**over by ${kb(js - TARGETS.firstViewJs)}**`,
    });
  }
  const floor = pages.get('floor');
  const sample = pages.get('sample');
  const large = pages.get('large');
  const medium = pages.get('medium');
  if (floor && sample) {
    out.push(
      ratioVerdict(
        "Headline figures on screen (sample) ÷ the floor page's first chart",
        roundRatio(
          runs,
          'sample',
          (r) => r.headline,
          'floor',
          (r) => r.chart,
        ),
        TARGETS.headlineVsFloor,
        `${ms(sample.headline)} vs ${ms(floor.chart)} ms`,
        (l) => `the headline figures would need ≤ ${ms(floor.chart * l)} ms`,
      ),
      ratioVerdict(
        "First chart, reader scrolling at once (sample) ÷ the floor page's first chart",
        roundRatio(
          runs,
          'sample',
          (r) => r.chart,
          'floor',
          (r) => r.chart,
        ),
        TARGETS.chartVsFloor,
        `${ms(sample.chart)} vs ${ms(floor.chart)} ms`,
        (l) => `the first chart would need ≤ ${ms(floor.chart * l)} ms`,
      ),
    );
  }
  if (large && sample) {
    out.push(
      ratioVerdict(
        'Headline figures on screen, large ÷ sample',
        roundRatio(
          runs,
          'large',
          (r) => r.headline,
          'sample',
          (r) => r.headline,
        ),
        TARGETS.largeTime,
        `${ms(large.headline)} vs ${ms(sample.headline)} ms`,
        (l) => `large would need ≤ ${ms(sample.headline * l)} ms`,
      ),
      ratioVerdict(
        'First chart (scrolling at once), large ÷ sample',
        roundRatio(
          runs,
          'large',
          (r) => r.chart,
          'sample',
          (r) => r.chart,
        ),
        TARGETS.largeTime,
        `${ms(large.chart)} vs ${ms(sample.chart)} ms`,
        (l) => `large would need ≤ ${ms(sample.chart * l)} ms`,
      ),
      ratioVerdict(
        "Main-thread JS heap after a forced GC, large ÷ sample (the page's main thread only)",
        roundRatio(
          runs,
          'large',
          (r) => r.heap,
          'sample',
          (r) => r.heap,
        ),
        TARGETS.largeHeap,
        `${mb(large.heap)} vs ${mb(sample.heap)}; the dataset worker holds ${mb(large.workerHeap)} besides`,
        (l) => `large would need ≤ ${mb(sample.heap * l)}`,
      ),
    );
  }
  if (medium) {
    const m = median(medium.changePaint);
    const holds = !medium.changeTimedOut && m <= TARGETS.periodChangeMs;
    out.push({
      what: `Period change to new headline figures painted (medium, median of ${medium.changePaint.length})`,
      target: `≤ ${TARGETS.periodChangeMs} ms`,
      measured: medium.changeTimedOut ? 'timeout' : `${ms(m)} ms (slowest ${ms(Math.max(...medium.changePaint))} ms)`,
      holds,
      note: holds
        ? `${ms(TARGETS.periodChangeMs - m)} ms to spare`
        : `**over by ${ms(m - TARGETS.periodChangeMs)} ms** (${(m / TARGETS.periodChangeMs).toFixed(1)}× the target)`,
    });
  }
  for (const p of [sample, medium, large]) {
    if (!p || p.sweeps === 0) continue;
    const v = p.shiftAfterHeadline;
    out.push({
      what: `Layout shift as the charts and panels arrive: from the headline figures on, for a reader who scrolls to the charts at once and on through the page (${p.page}, median of ${p.sweeps})`,
      target: `< ${TARGETS.shift}`,
      measured: `${score(v)}, of which ${score(p.shiftAfterChart)} after the first chart (before the headline figures: ${score(p.shiftBeforeHeadline)})`,
      holds: v < TARGETS.shift,
      note: [
        p.shiftNodes.length > 0
          ? `moved: ${p.shiftNodes.map(([n, x]) => `\`${n}\` ${score(x)}`).join(', ')}`
          : 'nothing moved',
        p.shiftNodesBefore.length > 0
          ? `before the headline figures: ${p.shiftNodesBefore.map(([n, x]) => `\`${n}\` ${score(x)}`).join(', ')}`
          : '',
      ]
        .filter(Boolean)
        .join('; '),
    });
  }
  return out;
}

function nodeVerdicts(node: readonly NodeResult[]): Verdict[] {
  const out: Verdict[] = [];
  for (const n of node) {
    out.push({
      what: `Parse + validate + index + figures ÷ JSON.parse alone (${n.size})`,
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
  return out;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function verdictTable(checks: readonly Verdict[]): string {
  return table(
    ['what', 'target', 'measured', 'holds', 'note'],
    checks.map((c) => [c.what, c.target, c.measured, c.holds === null ? '—' : c.holds ? 'yes' : '**no**', c.note]),
  );
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
      'dashboardFigures (not in the pipeline)',
      'read in 64 KB pieces: while they come',
      '… after the last piece',
    ],
    node.map((n) => [
      n.size,
      ms(n.stages.parseDatasetText),
      ms(n.jsonParse),
      ms(n.validate),
      ms(n.warnings),
      ms(n.stages.indexDataset),
      ms(n.stages.summarize),
      ms(n.stages.headline),
      ms(n.stages.unitRows),
      ms(n.stages.dashboardFigures),
      ms(n.streamPieces),
      ms(n.streamFinish),
    ]),
  );
}

const PAGE_LABEL: Record<PageKind, string> = {
  floor: 'floor page, sample',
  sample: 'dashboard, sample',
  medium: 'dashboard, medium',
  large: 'dashboard, large',
};

function browserTable(pages: readonly PageSummary[]): string {
  return table(
    [
      'page',
      'loads',
      'entry script received',
      'data request starts',
      'chart chunk request starts',
      'data received',
      'chart chunk received',
      'headline figures painted',
      'first chart painted',
      'main-thread JS heap after GC',
      'Blink heap (DOM) after GC',
      'worker JS heap after GC',
      'main-thread JS heap, whole page drawn',
      'DOM elements (of which in the numbers tables under the charts / in selects)',
    ],
    pages.map((p) => [
      PAGE_LABEL[p.page],
      p.timedOut > 0 ? `${p.loads} (${p.timedOut} timed out)` : String(p.loads),
      ms(p.scriptEnd),
      ms(p.dataStart),
      ms(p.chartChunkStart),
      ms(p.dataEnd),
      ms(p.chartChunkEnd),
      ms(p.headline),
      ms(p.chart),
      mb(p.heap),
      mb(p.domHeap),
      p.page === 'floor' ? '—' : Number.isFinite(p.workerHeap) ? mb(p.workerHeap) : 'no worker',
      mb(p.heapAfterSweep),
      p.page === 'floor'
        ? count(p.domElements)
        : `${count(p.domElements)} (${count(p.domTables)} / ${count(p.domSelects)})`,
    ]),
  );
}

/** Where the time of each page goes, in words, from the medians. */
function timelines(pages: readonly PageSummary[]): string[] {
  const lines: string[] = [];
  for (const p of pages) {
    if (p.errors.length > 0) lines.push(`- **The ${PAGE_LABEL[p.page]} reported errors**: ${p.errors.join('; ')}`);
    if (p.page === 'floor') {
      lines.push(
        `- **${PAGE_LABEL[p.page]}**: its one script is in at ${ms(p.scriptEnd)} ms; it asks for the data at ${ms(p.dataStart)} ms, ` +
          `has it at ${ms(p.dataEnd)} ms and paints its chart at ${ms(p.chart)} ms (${ms(p.chart - p.dataEnd)} ms to parse the JSON, add up, render and draw).`,
      );
      continue;
    }
    const together = Math.abs(p.chartChunkStart - p.dataStart);
    // Decision 0022: a small file asks for the chart module once its headline figures are painted.
    const chartWhen =
      p.chartChunkStart >= p.headline
        ? 'after the headline figures'
        : together <= 20
          ? 'together'
          : `${ms(together)} ms after the data's`;
    lines.push(
      `- **${PAGE_LABEL[p.page]}**: entry script in at ${ms(p.scriptEnd)} ms; the data request starts at ${ms(p.dataStart)} ms and the chart chunk's at ` +
        `${ms(p.chartChunkStart)} ms (${chartWhen}). The data is in at ${ms(p.dataEnd)} ms ` +
        `(${ms(p.dataEnd - p.dataStart)} ms of transfer), the chart chunk at ${ms(p.chartChunkEnd)} ms. ` +
        `Headline figures painted at ${ms(p.headline)} ms: ${ms(p.headline - p.dataEnd)} ms after the data arrived, ` +
        (Number.isFinite(p.workerHeap)
          ? 'in which the dataset worker parses what it has not parsed yet (it parses the records as they arrive, decision 0017), validates and indexes the file and answers the headline question, and the page renders the answer'
          : 'in which the page parses, validates and indexes the file on its own thread, answers the headline question and renders') +
        ` (long tasks on the main thread in that time: ${ms(p.busyToHeadline)} ms). ` +
        `Scrolled to the charts at ${ms(p.scrolled)} ms; first chart painted at ${ms(p.chart)} ms (${ms(p.chart - p.headline)} ms after the headline figures; ` +
        `long tasks: ${ms(p.busyToChart)} ms). Longest task before the first chart: ${ms(p.longestTask)} ms.`,
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
  /** 1-minute load average at the start, the highest seen between steps, and at the end of the run. */
  load: number[];
}

/** A warning when other work shared the cores during the run: its figures then overstate the times. */
function busyNote(machine: Machine): string {
  const peak = Math.max(...machine.load);
  if (peak <= machine.cores) return '';
  return `\n**The machine was busy** (1-minute load average up to ${peak.toFixed(1)} on ${machine.cores} cores): other processes shared the CPU during the run, so the times below are longer than on an idle machine, and noisier. Ratios are taken within each round (loads one after the other) to keep the two sides of each comparison under the same load. Run \`npm run bench\` again when nothing else runs for cleaner figures.\n`;
}

interface Report {
  machine: Machine;
  seconds: number;
  rounds: number;
  firstView: FirstView | null;
  firstViewText: string;
  node: readonly NodeResult[];
  pages: readonly PageSummary[];
  checks: readonly Verdict[];
  profile: ProfileResult | undefined;
  transfer: TransferResult | undefined;
}

function markdown(r: Report): string {
  const date = new Date().toISOString().slice(0, 10);
  const { machine } = r;
  const medium = r.pages.find((p) => p.page === 'medium');
  return `# Performance

Written by \`npm run bench\` (\`tsx scripts/bench.ts\`) on ${date}; run it again to refresh. The figures
are from one run on the machine below: medians of ${r.rounds} rounds, so treat differences of a few per cent as noise.

## Machine

| | |
| --- | --- |
| CPU | ${machine.cpu} |
| cores | ${machine.cores} |
| memory | ${machine.memory} |
| OS | ${machine.os} |
| Node | ${machine.node} |
| Chromium | ${machine.chromium} (headless, driven by playwright-core) |
| load average (1 min) | ${machine.load.map((l) => l.toFixed(2)).join(' → ')} (start, between steps, end) |
| command | \`npm run bench\` (took ${r.seconds.toFixed(0)} s) |
${busyNote(machine)}
## Targets (issue 13)

${verdictTable(r.checks)}

## The first view

What the page loads before the headline figures, read off the production build benched below by
\`scripts/check-budget.ts\` (the same check CI runs):

\`\`\`
${r.firstViewText}
\`\`\`

## Pages in Chromium

Datasets: the sample (\`${SAMPLE_FILE}\`, what the dashboard loads when no other file is named: one district, 22 communes,
16 months) and two fictional provinces made by \`scripts/generate-fictional.ts\` with its default seed, written as
\`tthc convert\` writes a file (\`datasetJsonText\`: the records as rows, one a line, decision 0019):

| dataset | communes | months | file |
| --- | --- | --- | --- |
| sample | 22 | 16 | ${SAMPLE_FILE} |
| medium | ${count(FICTIONAL_SIZES.medium.communes)} | ${FICTIONAL_SIZES.medium.months} | data/bench-medium.json |
| large | ${count(FICTIONAL_SIZES.large.communes)} | ${FICTIONAL_SIZES.large.months} | data/bench-large.json |

The dashboard's production build and the floor page (\`scripts/bench-floor/\`: React, TanStack Query and
recharts, the same versions and the same Vite, fetching the sample file, adding up the dossiers received
per month in one loop and drawing one recharts bar chart in a ResponsiveContainer; everything in one chunk)
are built into a temporary folder and served by one \`vite preview\` on 127.0.0.1, so both fetch the same file
the same way from the same origin. Each load is a fresh browser context at 1366×768 (nothing cached).

Every round opens the floor page and the dashboard on the sample in turn, twice, in swapped order on every
other round; the first ${PROVINCE_ROUNDS} rounds then open the dashboard at medium and at large. Times are ms from navigation start, medians of the
rounds; ratios are medians of the ratios within each round. A probe installed before the page's scripts
checks each animation frame: "headline figures painted" is when the first frame showing \`.headline\` with
its figures has been painted (a task posted from that frame has run); as soon as that happens the page is
scrolled to the charts (\`.dashboard__charts\`), as a reader who wants them at once would, and "first chart
painted" is the same moment for the first frame in which a chart has its marks (a \`.recharts-surface\`
holding a \`.recharts-rectangle\` or \`.recharts-curve\`, a hand-drawn chart by unit's dots, bars or arrows,
or the one sentence that stands for a chart whose marks would all be equal); the floor page is timed the same way. Request start
times come from the Resource Timing entries.

Heap: CDP \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\` once the first chart is drawn and the
fonts are in. It is the **page's main thread only**; the dataset worker is a separate JS heap, read the same
way through the worker's own DevTools session and shown beside it. "Blink heap" is the embedder heap
\`getHeapUsage\` reports beside the JS heap (DOM and layout objects).

Layout shift: after the heap is read, the page is scrolled on from the charts a screen at a time, letting every
chart near the viewport draw, then to the bottom, where the ranking, briefing and data-quality panels arrive
(in the first load of the sample in each round and in every medium and large load). The
shift is the sum of the \`layout-shift\` entries without recent input, split where the headline figures were
painted: before that is the load itself (the dashboard replacing the loading state); after it, what moves as
the charts and panels arrive under a reader who went straight to the charts.

A period change (medium) selects a quarter in "Kỳ báo cáo" (${PERIOD_CHANGES} different quarters in every medium
load, so no figure comes from a cache), at the top of the page after that scroll, and is timed from the select's
\`input\` event until the frame with the new headline text has been painted${medium ? ` (all ${medium.changePaint.length}: ${medium.changePaint.map(ms).join(', ')} ms)` : ''}.
Waits are capped at ${WAIT_CAP_MS / 1000} s; a timeout counts as a miss.

${browserTable(r.pages)}

### Where the time goes

${timelines(r.pages).join('\n')}
${r.transfer ? `\n${transferLines(r.transfer).join('\n')}\n` : ''}${r.profile ? `\n#### CPU profile (one load each, unminified build)\n\n${profileLines(r.profile).join('\n')}\n` : ''}
## Domain code in Node

What the dataset worker (or, under 2 MB, the page) does with a file's text, timed alone in Node: median of
${r.node.map((n) => `${n.runs} (${n.size})`).join(', ')} runs after untimed warm-up passes (${Object.values(WARM_UPS).join(', ')}), with a full garbage collection
before each timed step. "Whole pipeline" is \`parseDatasetText\` (JSON.parse, then validateDataset: schema,
cross-checks, warnings), \`indexDataset\`, then \`summarize\`, \`headline\` and \`unitRows\` for the whole span,
every level. \`dashboardFigures\` (what the worker answers for the charts and the ranking, the whole span, every
level) is timed after it, on its own. The fictional files are written as \`tthc convert\` writes them (records as
rows, decision 0019), so \`parseDatasetText\` includes reading the rows back into records. The last two columns are how the worker reads a file that is downloading
(\`createDatasetReader\`, decision 0017): the text pushed in 64 KB pieces, then \`finish()\`, which is all that
is left to do once the last byte is in; together they give what \`parseDatasetText\` gives.

Earlier targets of the domain code, kept as a check on the worker's own work. Since the files are written as rows
(decision 0019), \`JSON.parse\` alone is much quicker than for the same records as objects (the transfer table below
compares the two), while the pipeline also reads each row back into its record: the parse ratios rose although the
whole pipeline got quicker. Compare the pipeline's own time with earlier runs, not the ratio:

${r.node.length > 0 ? verdictTable(nodeVerdicts(r.node)) : ''}

${r.node.length > 0 ? nodeTable(r.node) : ''}

Stages, each timed alone (medians, so they need not add up exactly to the whole). \`validateDataset\` and
\`findWarnings\` are timed separately on an object \`JSON.parse\` made, to split \`parseDatasetText\`:

${r.node.length > 0 ? stageTable(r.node) : ''}
`;
}

// ------------------------------------------------------------ on the wire

/**
 * How the large file travels, and what another layout of its records would
 * change: the measurement issue 13 asks for before choosing a transfer format.
 */
interface TransferResult {
  /** ms and bytes of the file from the bench's server, as a browser asks (gzip) and uncompressed. */
  served: { encoding: 'gzip' | 'identity'; ms: number; bytes: number }[];
  /** The same dataset written two ways, measured in Node. */
  layouts: { name: string; bytes: number; gzipMs: number; gzipBytes: number; parseMs: number }[];
}

/** Downloads a file without decoding it, so the bytes counted are the bytes sent. */
function download(url: string, encoding: 'gzip' | 'identity'): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  return new Promise((done, fail) => {
    httpGet(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => done({ ms: performance.now() - start, bytes }));
      res.on('error', fail);
    }).on('error', fail);
  });
}

/** The same dataset with its records as objects, written compact (no indentation). */
function asObjects(text: string): string {
  const read = parseDatasetText(text);
  if (!read.ok) throw new Error('the bench file does not load');
  return JSON.stringify(read.dataset);
}

async function benchTransfer(baseUrl: string, file: string): Promise<TransferResult> {
  const url = new URL('data/bench-large.json', baseUrl).href;
  const served: TransferResult['served'] = [];
  for (const encoding of ['gzip', 'identity'] as const) {
    const runs = [await download(url, encoding), await download(url, encoding), await download(url, encoding)];
    served.push({ encoding, ms: median(runs.map((r) => r.ms)), bytes: runs[0]?.bytes ?? 0 });
  }
  const rows = readFileSync(file, 'utf8');
  const layouts: TransferResult['layouts'] = [];
  for (const [name, text] of [
    ['records as objects, compact (no indentation)', asObjects(rows)],
    ['records as rows, one a line (as `tthc convert` writes; the file served above)', rows],
  ] as const) {
    const bytes = Buffer.byteLength(text);
    const zips = [0, 1, 2].map(() => time(() => gzipSync(text, { level: zlibConstants.Z_DEFAULT_COMPRESSION }).length));
    const parses = [0, 1, 2].map(() => {
      collectGarbage();
      return time(() => JSON.parse(text))[1];
    });
    layouts.push({
      name,
      bytes,
      gzipMs: median(zips.map((z) => z[1])),
      gzipBytes: zips[0]?.[0] ?? 0,
      parseMs: median(parses),
    });
  }
  return { served, layouts };
}

function transferLines(t: TransferResult): string[] {
  const gzip = t.served.find((s) => s.encoding === 'gzip');
  const plain = t.served.find((s) => s.encoding === 'identity');
  return [
    '### The large file on the wire',
    '',
    "The bench's server (`vite preview`) compresses JSON as it sends it (gzip at zlib's default level), as a",
    'web server set up by docs/deploy.md does; Chromium asks for that. Downloaded from it by Node, median of 3:',
    '',
    table(
      ['asked for', 'ms', 'bytes sent'],
      t.served.map((s) => [
        s.encoding === 'gzip' ? 'gzip (as the browser asks)' : 'no compression',
        ms(s.ms),
        mb(s.bytes),
      ]),
    ),
    '',
    gzip && plain
      ? `Compressing on the fly takes ${ms(gzip.ms - plain.ms)} ms more than sending the file as it is, on this machine: for the large file the server, not the page, sets when the data is in.`
      : '',
    '',
    "Playwright turns on DevTools' network tracking for every page it drives, and DevTools then keeps a copy of each",
    "response (asked for the large file's body afterwards, it answers that the copy was evicted from its cache, so one",
    "was kept). A Chromium trace of a large load shows that copy decoded on the page's thread as the download ends",
    '(`ResponseBodyLoader::DidFinishLoadingBody`, `TextResourceDecoder::Decode`: about 140 ms), and the page passes',
    "the end of the file to the worker only after it. A reader's browser, with DevTools closed, does not do this; the",
    'large figures above include it.',
    '',
    'The same dataset written in two ways, measured in Node (gzip at the default level, as the server does; JSON.parse median of 3):',
    '',
    table(
      ['layout', 'size', 'gzip (ms)', 'gzipped', 'JSON.parse (ms)'],
      t.layouts.map((l) => [l.name, mb(l.bytes), ms(l.gzipMs), mb(l.gzipBytes), ms(l.parseMs)]),
    ),
    '',
  ];
}

// -------------------------------------------------------------------- main

async function buildPlain(root: string, outDir: string, minify: boolean): Promise<void> {
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root,
      mode: 'production',
      logLevel: 'error',
      build: { outDir: resolve(outDir), emptyOutDir: true, minify },
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  const loads = [loadavg()[0] ?? 0];
  const noteLoad = () => loads.push(loadavg()[0] ?? 0);
  const pagesArg = argValue(argv, '--pages');
  const pages = pagesArg ? PAGES.filter((p) => pagesArg.split(',').includes(p)) : PAGES;
  const rounds = Number(argValue(argv, '--rounds') ?? ROUNDS);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a whole number of at least 1');
  const skipBrowser = argv.includes('--skip-browser');
  const skipNode = argv.includes('--skip-node');
  const skipProfile = argv.includes('--skip-profile');
  const full = pages.length === PAGES.length && !skipBrowser && !skipNode && !skipProfile && rounds >= ROUNDS;

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
    const needed = SIZES.filter((s) => !skipNode || (!skipBrowser && pages.includes(s as PageKind)));
    // Each size is timed right after it is made, smallest first: making the large one first leaves the
    // heap in a state (hundreds of MB touched) that slows the small runs several-fold.
    for (const size of needed) {
      const [dataset, gen] = time(() => generateFictional(size));
      const file = join(work, `bench-${size}.json`);
      writeFileSync(file, datasetJsonText(dataset));
      files.set(size, file);
      console.log(
        `generated ${size}: ${count(dataset.records.length)} records, ${mb(statSync(file).size)} in ${ms(gen)} ms`,
      );
      if (skipNode) continue;
      const r = benchNode(size, file);
      node.push(r);
      console.log(`  node: JSON.parse ${ms(r.jsonParse)} ms, pipeline ${ms(r.pipeline)} ms, ratio ${times(r.ratio)}`);
    }
    noteLoad();

    let runs: LoadRun[] = [];
    let firstView: FirstView | null = null;
    let firstViewText = '';
    let profile: ProfileResult | undefined;
    let transfer: TransferResult | undefined;
    let chromium = '—';
    if (!skipBrowser) {
      const site = join(work, 'site');
      console.log('building the dashboard and the floor page…');
      const chunks = await buildWithChunks(site);
      firstView = checkFirstView(site, chunks);
      firstViewText = firstViewReport(firstView).lines.join('\n');
      await buildPlain('scripts/bench-floor', join(site, 'floor'), true);
      for (const [size, file] of files) cpSync(file, join(site, 'data', `bench-${size}.json`));
      const preview = await startPreview(site);
      server = preview.server;
      browser = await launchChromium();
      chromium = `Chromium ${browser.version()}`;
      console.log(`chromium: ${rounds} round(s) of ${pages.join(', ')}…`);
      runs = await benchBrowser(browser, preview.url, pages, rounds);
      noteLoad();
      const large = files.get('large');
      if (large && pages.includes('large')) {
        console.log('the large file on the wire…');
        transfer = await benchTransfer(preview.url, large);
      }
      if (!skipProfile) {
        console.log('profiling on an unminified build…');
        const plain = join(work, 'site-profile');
        await buildPlain('.', plain, false);
        for (const [size, file] of files) cpSync(file, join(plain, 'data', `bench-${size}.json`));
        const second = await startPreview(plain);
        profileServer = second.server;
        try {
          profile = await profileLoads(browser, second.url, plain, pages);
        } catch (error) {
          // The profile explains the figures; without it they still stand.
          console.warn(`  profiling failed, the report goes without it: ${String(error).split('\n')[0]}`);
        } finally {
          second.server.kill('SIGTERM');
          profileServer = undefined;
        }
        noteLoad();
      }
    }

    const summaries = PAGES.flatMap((p) => summarise(runs, p) ?? []);
    const byPage = new Map(summaries.map((s) => [s.page, s]));
    const checks = verdicts(firstView, byPage, runs);
    console.log('');
    if (firstViewText) console.log(`${firstViewText}\n`);
    if (node.length > 0)
      console.log(`${nodeTable(node)}\n\n${stageTable(node)}\n\n${verdictTable(nodeVerdicts(node))}\n`);
    if (summaries.length > 0) console.log(`${browserTable(summaries)}\n\n${timelines(summaries).join('\n')}\n`);
    if (transfer) console.log(`${transferLines(transfer).join('\n')}\n`);
    if (profile) console.log(`${profileLines(profile).join('\n')}\n`);
    console.log(verdictTable(checks));
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpus();
    noteLoad();
    const machine: Machine = {
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      cores: cpu.length,
      memory: `${mb(totalmem())} total, ${mb(freemem())} free at the end of the run`,
      node: process.version,
      chromium,
      os: `${platform()} ${release()}`,
      load: loads,
    };
    const busy = busyNote(machine);
    if (busy) console.warn(busy.trim());
    if (full) {
      writeFileSync(
        'docs/performance.md',
        markdown({
          machine,
          seconds,
          rounds,
          firstView,
          firstViewText,
          node,
          pages: summaries,
          checks,
          profile,
          transfer,
        }),
      );
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

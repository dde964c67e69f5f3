import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { briefing } from '../domain/briefing.ts';
import { headline } from '../domain/dashboard.ts';
import { indexDataset } from '../domain/metrics.ts';
import { parseDatasetText } from '../domain/validate.ts';
import {
  chartsWhileDownloading,
  fetchDataset,
  fromText,
  loadFile,
  loadText,
  WORKER_THRESHOLD,
} from './fetch-dataset.ts';
import { DatasetRefused, NetworkFailure } from './load-errors.ts';
import { getLoadProgress, type LoadProgress, subscribeLoadProgress } from './load-progress.ts';

const SAMPLE = readFileSync(new URL('../../data/gia-lam.json', import.meta.url), 'utf8');
const source = { kind: 'url', name: 'data/x.json' } as const;
const selection = {
  range: { from: '2021-01', to: '2022-04' },
  level: 'all',
  unitId: null,
  field: null,
  compare: 'previous',
} as const;

function respond(body: BodyInit, init: ResponseInit = {}) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(new Response(body, init))),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchDataset', () => {
  it('loads a small dataset on the page, answering with the figures of the metric module', async () => {
    respond(SAMPLE, { headers: { 'Content-Type': 'application/json' } });
    const loaded = await fetchDataset('data/x.json', undefined, source);
    expect(loaded.engine.where).toBe('page');
    expect(loaded.meta.title).toBe(JSON.parse(SAMPLE).title);
    expect(loaded.meta.span).toEqual({ from: '2021-01', to: '2022-04' });
    expect('records' in loaded.meta).toBe(false);
    const parsed = parseDatasetText(SAMPLE);
    if (!parsed.ok) throw new Error('the sample must load');
    const expected = headline(indexDataset(parsed.dataset), selection);
    // Answered at once (no waiting), and equal to what the domain computes directly.
    expect(loaded.engine.peek({ kind: 'headline', selection })).toEqual(expected);
    expect(await loaded.engine.ask({ kind: 'headline', selection })).toEqual(expected);
  });

  it('keeps an answer: the same question twice gives the same object', () => {
    const loaded = fromText(SAMPLE, source);
    const a = loaded.engine.peek({ kind: 'figures', selection });
    expect(loaded.engine.peek({ kind: 'figures', selection })).toBe(a);
    const other = { ...selection, range: { from: '2022-01', to: '2022-04' } };
    expect(loaded.engine.peek({ kind: 'figures', selection: other })).not.toBe(a);
  });

  it('writes the briefing only when asked, with the briefing module of the domain', async () => {
    const loaded = fromText(SAMPLE, source);
    const question = { kind: 'briefing', selection, lang: 'vi' } as const;
    // Words are not part of the first view: nothing until asked, then kept.
    expect(loaded.engine.peek(question)).toBeUndefined();
    const parsed = parseDatasetText(SAMPLE);
    if (!parsed.ok) throw new Error('the sample must load');
    const expected = briefing(indexDataset(parsed.dataset), selection, 'vi');
    expect(await loaded.engine.ask(question)).toEqual(expected);
    expect(loaded.engine.peek(question)).toEqual(expected);
  });

  it('refuses an HTML page served as the dataset, with its error list', async () => {
    respond('<!doctype html><h1>502</h1>', { headers: { 'Content-Type': 'text/html' } });
    const error = await fetchDataset('data/x.json', undefined, source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetRefused);
    expect((error as DatasetRefused).errors[0]?.code).toBe('html_instead_of_json');
  });

  it('reports an HTTP error with its status', async () => {
    respond('Not found', { status: 404 });
    const error = await fetchDataset('data/x.json', undefined, source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkFailure);
    expect(error).toMatchObject({ kind: 'http', status: 404 });
  });

  it('reports a body that breaks off as a cut connection', async () => {
    const half = new TextEncoder().encode(SAMPLE.slice(0, 500));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
      },
      pull(controller) {
        controller.error(new TypeError('network error'));
      },
    });
    respond(body);
    const error = await fetchDataset('data/x.json', undefined, source).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'cut' });
  });

  it('gives up after 30 s of the page clock', async () => {
    vi.useFakeTimers();
    try {
      vi.stubGlobal(
        'fetch',
        vi.fn(
          (_url: string, init: RequestInit) =>
            new Promise((_resolve, reject) =>
              init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
            ),
        ),
      );
      let settled = false;
      const pending = fetchDataset('data/x.json', undefined, source)
        .catch((e: unknown) => e)
        .finally(() => {
          settled = true;
        });
      await vi.advanceTimersByTimeAsync(29_999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await pending).toMatchObject({ kind: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });
});

/**
 * A stand-in for the dataset worker that keeps what the page sends it; at 'end' it answers that the file was
 * refused, so a test sees the load end without running the real worker.
 */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: unknown = null;
  readonly bytes: number[] = [];
  readonly types: string[] = [];
  terminated = false;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: { type: string; bytes?: ArrayBuffer }): void {
    this.types.push(message.type);
    if (message.bytes) for (const b of new Uint8Array(message.bytes)) this.bytes.push(b);
    if (message.type === 'end') {
      queueMicrotask(() =>
        this.onmessage?.({ data: { type: 'loaded', result: { ok: false, errors: [], errorCount: 0 } } }),
      );
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A body of unknown length (as a server that compresses as it sends gives), in chunks of the given size. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
      }
    },
  });
}

describe('fetchDataset with a body of unknown length', () => {
  afterEach(() => {
    FakeWorker.made = [];
  });

  it('starts no worker for a small body (the sample), and ends unused one it started for a middling one', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    respond(chunked(new TextEncoder().encode(SAMPLE), 100_000));
    const small = await fetchDataset('data/x.json', undefined, source);
    expect(small.engine.where).toBe('page');
    expect(FakeWorker.made).toHaveLength(0);

    // The sample padded to 1.5 MB with blanks: past the point where a worker is started, short of 2 MB.
    const padded = new TextEncoder().encode(SAMPLE + ' '.repeat(1_500_000 - SAMPLE.length));
    respond(chunked(padded, 100_000));
    const middling = await fetchDataset('data/x.json', undefined, source);
    expect(middling.engine.where).toBe('page');
    expect(middling.meta.title).toBe(JSON.parse(SAMPLE).title);
    expect(FakeWorker.made).toHaveLength(1);
    const [spare] = FakeWorker.made;
    // It was given copies of the chunks (the page kept its own), never told the file was complete, then ended.
    expect(spare?.types[0]).toBe('chunk');
    expect(spare?.types).not.toContain('end');
    expect(spare?.bytes.every((b, i) => b === padded[i])).toBe(true);
    expect(spare?.terminated).toBe(true);
  });

  it('hands a large body to the worker it started, which has every byte once and in order', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const big = new Uint8Array(2_500_000).map((_, i) => 48 + (i % 10));
    respond(chunked(big, 300_000));
    const seen: LoadProgress[] = [];
    const stop = subscribeLoadProgress(() => seen.push(getLoadProgress()));
    const error = await fetchDataset('data/x.json', undefined, source).catch((e: unknown) => e);
    stop();
    // With no length given, the download still says how far it has come once it is known to be large,
    // which is when the page starts the chart module.
    const downloads = seen.filter((p) => p?.stage === 'download');
    expect(downloads.length).toBeGreaterThan(0);
    expect(downloads.every((p) => p?.stage === 'download' && p.total === null && p.received >= WORKER_THRESHOLD)).toBe(
      true,
    );
    expect(chartsWhileDownloading(downloads[0] ?? null)).toBe(true);
    // The stand-in refuses every file: what matters here is what it was given.
    expect(error).toBeInstanceOf(DatasetRefused);
    expect(FakeWorker.made).toHaveLength(1);
    const [worker] = FakeWorker.made;
    expect(worker?.types.at(-1)).toBe('end');
    expect(worker?.bytes).toHaveLength(big.length);
    expect(worker?.bytes.every((b, i) => b === big[i])).toBe(true);
  });

  it('starts no worker when the server says the body is small', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    respond(SAMPLE, { headers: { 'Content-Length': String(new TextEncoder().encode(SAMPLE).length) } });
    const loaded = await fetchDataset('data/x.json', undefined, source);
    expect(loaded.engine.where).toBe('page');
    expect(FakeWorker.made).toHaveLength(0);
  });
});

describe('loadFile and loadText', () => {
  it('read a file as UTF-8 and a text as it is, through the same validation', async () => {
    const fromFile = await loadFile(new Blob([SAMPLE]), 'gia-lam.json');
    expect(fromFile.source).toEqual({ kind: 'file', name: 'gia-lam.json' });
    expect(fromFile.meta.units).toHaveLength(JSON.parse(SAMPLE).units.length);
    const refused = await loadText('{"schemaVersion": 1}', { kind: 'file', name: 'x.json' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatasetRefused);
  });
});

describe('chartsWhileDownloading', () => {
  it('is true for a download known to be a province’s file, by its stated size or by what has come', () => {
    expect(chartsWhileDownloading({ stage: 'download', received: 0, total: WORKER_THRESHOLD })).toBe(true);
    expect(chartsWhileDownloading({ stage: 'download', received: WORKER_THRESHOLD, total: null })).toBe(true);
    expect(chartsWhileDownloading({ stage: 'download', received: 5_000_000, total: null })).toBe(true);
  });

  it('is false for a smaller file, before anything has come, and once the download is over', () => {
    expect(chartsWhileDownloading({ stage: 'download', received: 900_000, total: 900_000 })).toBe(false);
    expect(chartsWhileDownloading({ stage: 'download', received: WORKER_THRESHOLD - 1, total: null })).toBe(false);
    expect(chartsWhileDownloading({ stage: 'validate' })).toBe(false);
    expect(chartsWhileDownloading(null)).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { briefing } from '../domain/briefing.ts';
import { headline } from '../domain/dashboard.ts';
import { indexDataset } from '../domain/metrics.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { fetchDataset, fromText, loadFile, loadText } from './fetch-dataset.ts';
import { DatasetRefused, NetworkFailure } from './load-errors.ts';

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

describe('loadFile and loadText', () => {
  it('read a file as UTF-8 and a text as it is, through the same validation', async () => {
    const fromFile = await loadFile(new Blob([SAMPLE]), 'gia-lam.json');
    expect(fromFile.source).toEqual({ kind: 'file', name: 'gia-lam.json' });
    expect(fromFile.meta.units).toHaveLength(JSON.parse(SAMPLE).units.length);
    const refused = await loadText('{"schemaVersion": 1}', { kind: 'file', name: 'x.json' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatasetRefused);
  });
});

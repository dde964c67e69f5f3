import { datasetMeta } from '../domain/dataset-meta.ts';
import { indexDataset } from '../domain/metrics.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { type LoadedDataset, PageEngine } from './dataset-engine.ts';
import { DatasetRefused, NetworkFailure } from './load-errors.ts';
import { type LoadProgress, setLoadProgress } from './load-progress.ts';
import { WorkerEngine } from './worker-engine.ts';

/** The address of the sample dataset bundled with the build. */
export const SAMPLE_DATASET_URL = 'data/gia-lam.json';

/** Give up on a server that never finishes answering. */
export const FETCH_TIMEOUT_MS = 30_000;

/**
 * From this size on (bytes, or characters of a text) a dataset is decoded,
 * validated and kept in a worker: a province's records would otherwise hold
 * the page's thread for seconds and its memory for good.
 */
export const WORKER_THRESHOLD = 2_000_000;

/**
 * A body of unknown length this large gets a worker in case it reaches WORKER_THRESHOLD: below it, none, so
 * a district's or a commune's file (the sample is 0.9 MB) never starts one.
 */
const SPARE_WORKER_FROM = WORKER_THRESHOLD / 2;

/**
 * Whether a download is a province's file, read in a worker: its size said (Content-Length) or what has
 * come reaches the worker threshold. The page then has time to fetch and run other code (the chart module)
 * before the data is in; a smaller file is in before that code could be, and would wait for it.
 */
export function chartsWhileDownloading(progress: LoadProgress): boolean {
  return progress?.stage === 'download' && provinceSized(progress.received, progress.total);
}

/** A download of a province's size: by the length the server gave, or by what has come when it gave none. */
function provinceSized(received: number, total: number | null): boolean {
  return (total ?? received) >= WORKER_THRESHOLD;
}

function workersAvailable(): boolean {
  return typeof Worker !== 'undefined';
}

/** A dataset's text, validated and indexed on this thread. */
export function fromText(text: string, source: LoadedDataset['source']): LoadedDataset {
  const result = parseDatasetText(text);
  if (!result.ok) throw new DatasetRefused(result.errors, result.errorCount);
  const index = indexDataset(result.dataset);
  return {
    meta: datasetMeta(index),
    warnings: result.warnings,
    warningCount: result.warnings.length,
    engine: new PageEngine(index),
    source,
  };
}

/** A text in memory (a converted spreadsheet): in the worker when large. */
export function loadText(text: string, source: LoadedDataset['source']): Promise<LoadedDataset> {
  if (text.length < WORKER_THRESHOLD || !workersAvailable())
    return Promise.resolve().then(() => fromText(text, source));
  const engine = new WorkerEngine();
  setLoadProgress({ stage: 'validate' });
  engine.sendText(text);
  return engine.result(source).finally(() => setLoadProgress(null));
}

/**
 * A file chosen or dropped on the page, always read as UTF-8 (as the server
 * path and the command line read files): a large one is read by the worker
 * itself, so its text never exists on the page's thread.
 */
export async function loadFile(file: Blob, name: string): Promise<LoadedDataset> {
  const source = { kind: 'file', name } as const;
  if (file.size < WORKER_THRESHOLD || !workersAvailable()) {
    return fromText(new TextDecoder('utf-8').decode(await file.arrayBuffer()), source);
  }
  const engine = new WorkerEngine();
  setLoadProgress({ stage: 'validate' });
  engine.sendFile(file);
  return engine.result(source).finally(() => setLoadProgress(null));
}

/** How often the download indicator moves: often enough to see it move, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 150;

/**
 * Fetches a dataset and loads it: on this thread when small, in the worker
 * when large (known from Content-Length, or found out as the bytes arrive).
 * A failed or cut download throws NetworkFailure; a file that is not a valid
 * dataset throws DatasetRefused.
 */
export async function fetchDataset(
  url: string,
  signal: AbortSignal | undefined,
  source: LoadedDataset['source'],
): Promise<LoadedDataset> {
  // A timer rather than AbortSignal.timeout: the page's clock drives it, so a test can move time on.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), FETCH_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  let worker: WorkerEngine | null = null;
  /** A worker started on a body of unknown length, fed a copy of each chunk until the size is known. */
  let spare: WorkerEngine | null = null;
  let spareTried = false;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: combined, credentials: 'same-origin' });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new NetworkFailure(timeout.signal.aborted ? 'timeout' : 'network');
    }
    if (!response.ok) throw new NetworkFailure('http', response.status);
    const length = Number(response.headers.get('Content-Length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    if (total !== null && total >= WORKER_THRESHOLD && workersAvailable()) {
      worker = new WorkerEngine();
      const body = response.body;
      let cut: () => void = () => undefined;
      const broken = new Promise<never>((_, fail) => {
        cut = () =>
          fail(
            signal?.aborted
              ? new DOMException('aborted', 'AbortError')
              : new NetworkFailure(timeout.signal.aborted ? 'timeout' : 'cut'),
          );
      });
      // Settled only by a cut; one that comes after the load is over has no one to tell.
      broken.catch(() => undefined);
      // Known to be large: the body goes to the worker whole, and the page's thread does nothing per chunk.
      if (body && worker.sendStream(body, cut)) {
        const engine = worker;
        engine.onProgress = (received) => setLoadProgress({ stage: 'download', received, total });
        const loaded = await Promise.race([engine.result(source), broken]);
        worker = null;
        return loaded;
      }
    }
    const kept: Uint8Array[] = [];
    try {
      const reader = response.body?.getReader();
      if (!reader) kept.push(new Uint8Array(await response.arrayBuffer()));
      else {
        let received = 0;
        let shownAt = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.byteLength;
          if (worker) worker.push(value);
          else {
            kept.push(value);
            // A copy: push() moves the bytes it is given, and this thread may still need its own.
            if (spare) spare.push(value.slice());
            else if (!spareTried && total === null && received >= SPARE_WORKER_FROM && workersAvailable()) {
              // A server that compresses as it sends (as docs/deploy.md sets up) gives no length. Half way to
              // the threshold a worker is started and fed copies, so it is running, and has parsed what came,
              // by the time the body turns out large; if it does not, the worker is ended unused.
              spareTried = true;
              spare = startSpare(kept);
            }
            if (received >= WORKER_THRESHOLD && workersAvailable()) {
              // Larger than announced (or not announced): the worker has, or is given, what came so far.
              if (spare) {
                worker = spare;
                spare = null;
              } else {
                worker = new WorkerEngine();
                for (const part of kept) worker.push(part);
              }
              kept.length = 0;
            }
          }
          const now = performance.now();
          // A province's file says how far it has come, its length given or not (a server compressing as it
          // sends gives none): the reader sees it move, and the page starts the chart module (start-loading.ts).
          if (provinceSized(received, total) && now - shownAt > PROGRESS_EVERY_MS) {
            shownAt = now;
            setLoadProgress({ stage: 'download', received, total });
          }
        }
      }
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new NetworkFailure(timeout.signal.aborted ? 'timeout' : 'cut');
    }
    clearTimeout(timer);
    if (!worker) {
      // Small after all: the spare stops parsing its copy before this thread parses its own.
      spare?.dispose();
      spare = null;
      return fromText(decode(kept), source);
    }
    setLoadProgress({ stage: 'validate' });
    worker.end();
    const loaded = await worker.result(source);
    worker = null;
    return loaded;
  } finally {
    clearTimeout(timer);
    worker?.dispose();
    spare?.dispose();
    setLoadProgress(null);
  }
}

/** A worker fed copies of what came so far; null if the browser will not start one (the page reads on). */
function startSpare(kept: readonly Uint8Array[]): WorkerEngine | null {
  let spare: WorkerEngine;
  try {
    spare = new WorkerEngine();
  } catch {
    return null;
  }
  for (const part of kept) spare.push(part.slice());
  return spare;
}

function decode(parts: readonly Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for (const part of parts) text += decoder.decode(part, { stream: true });
  return text + decoder.decode();
}

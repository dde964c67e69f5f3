import { type DatasetIndex, indexDataset } from '../domain/metrics.ts';
import type { DataError, DataWarning } from '../domain/problems.ts';
import type { Dataset } from '../domain/schema.ts';
import { type LoadResult, parseDatasetText } from '../domain/validate.ts';
import { setLoadProgress } from './load-progress.ts';

/** The address of the sample dataset bundled with the build. */
export const SAMPLE_DATASET_URL = 'data/gia-lam.json';

/** Give up on a server that never finishes answering. */
export const FETCH_TIMEOUT_MS = 30_000;

export type NetworkFailureKind = 'http' | 'timeout' | 'network' | 'cut';

/** The server or the network failed; worth retrying. */
export class NetworkFailure extends Error {
  constructor(
    readonly kind: NetworkFailureKind,
    readonly status?: number,
  ) {
    super(`dataset request failed: ${kind}${status ? ` ${status}` : ''}`);
    this.name = 'NetworkFailure';
  }
}

/** The file arrived but is not a valid dataset; retrying cannot help. */
export class DatasetRefused extends Error {
  constructor(
    readonly errors: DataError[],
    readonly errorCount: number,
  ) {
    super(`dataset refused: ${errorCount} error(s)`);
    this.name = 'DatasetRefused';
  }
}

export interface LoadedDataset {
  dataset: Dataset;
  index: DatasetIndex;
  warnings: DataWarning[];
  /** Where it came from: an address, or a local file's name. */
  source: { kind: 'sample' | 'url' | 'file'; name: string };
}

export function fromText(text: string, source: LoadedDataset['source']): LoadedDataset {
  return fromResult(parseDatasetText(text), source);
}

function fromResult(result: LoadResult, source: LoadedDataset['source']): LoadedDataset {
  if (!result.ok) throw new DatasetRefused(result.errors, result.errorCount);
  return { dataset: result.dataset, index: indexDataset(result.dataset), warnings: result.warnings, source };
}

/** Above this size the text is parsed and validated in a Web Worker. */
export const WORKER_THRESHOLD = 2_000_000;

/** Like fromText, but off the main thread for large files (where Workers exist). */
export async function fromTextAsync(text: string, source: LoadedDataset['source']): Promise<LoadedDataset> {
  if (text.length < WORKER_THRESHOLD || typeof Worker === 'undefined') return fromText(text, source);
  setLoadProgress({ stage: 'validate' });
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  try {
    const result = await new Promise<LoadResult>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<LoadResult>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ text });
    });
    return fromResult(result, source);
  } finally {
    worker.terminate();
    setLoadProgress(null);
  }
}

export async function fetchDatasetText(url: string, signal?: AbortSignal): Promise<string> {
  // A timer rather than AbortSignal.timeout: the page's clock drives it, so a test can move time on.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), FETCH_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: combined, credentials: 'same-origin' });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new NetworkFailure(timeout.signal.aborted ? 'timeout' : 'network');
    }
    if (!response.ok) throw new NetworkFailure('http', response.status);
    try {
      return await readWithProgress(response);
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new NetworkFailure(timeout.signal.aborted ? 'timeout' : 'cut');
    }
  } finally {
    clearTimeout(timer);
  }
}

/** Read the body in chunks so a large file shows how far it has come. */
async function readWithProgress(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let received = 0;
  let reported = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
      // Report every 256 KB or so: often enough to move, rarely enough not to cost.
      if (received - reported > 262_144) {
        reported = received;
        setLoadProgress({ stage: 'download', received, total });
      }
    }
    parts.push(decoder.decode());
    return parts.join('');
  } finally {
    setLoadProgress(null);
  }
}

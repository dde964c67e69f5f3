import { type DatasetIndex, indexDataset } from '../domain/metrics.ts';
import type { DataError, DataWarning } from '../domain/problems.ts';
import type { Dataset } from '../domain/schema.ts';
import { parseDatasetText } from '../domain/validate.ts';

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
  const result = parseDatasetText(text);
  if (!result.ok) throw new DatasetRefused(result.errors, result.errorCount);
  return { dataset: result.dataset, index: indexDataset(result.dataset), warnings: result.warnings, source };
}

export async function fetchDatasetText(url: string, signal?: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined, credentials: 'same-origin' });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new NetworkFailure(timeout.aborted ? 'timeout' : 'network');
  }
  if (!response.ok) throw new NetworkFailure('http', response.status);
  try {
    return await response.text();
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new NetworkFailure(timeout.aborted ? 'timeout' : 'cut');
  }
}

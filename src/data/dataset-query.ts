import { type QueryClient, queryOptions } from '@tanstack/react-query';
import type { DatasetEngine, LoadedDataset } from './dataset-engine.ts';
import { fetchDataset, SAMPLE_DATASET_URL } from './fetch-dataset.ts';
import { DatasetRefused, NetworkFailure } from './load-errors.ts';

/** Network failures are retried twice; a refused file never is. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof DatasetRefused) return false;
  // A server that never finishes has already had 30 seconds; waiting twice more only keeps people waiting.
  return error instanceof NetworkFailure && error.kind !== 'timeout' && failureCount < 2;
}

/** One dataset by address: the sample when `url` is null. */
export function datasetQueryOptions(url: string | null) {
  const address = url ?? SAMPLE_DATASET_URL;
  return queryOptions({
    queryKey: ['dataset', address],
    queryFn: ({ signal }) => fetchDataset(address, signal, { kind: url ? 'url' : 'sample', name: address }),
    retry: shouldRetry,
    // The load starts before the page first renders (main.tsx); a failure it met is shown with
    // its "Try again" button, not fetched once more when the page mounts.
    retryOnMount: false,
    staleTime: Number.POSITIVE_INFINITY,
    // A dataset no longer on screen is let go soon: a province's records are held in memory (in a worker).
    gcTime: 30_000,
  });
}

/**
 * Ends the worker of a dataset that was replaced (reloaded) or dropped from
 * the cache, so a province's records do not stay in memory behind the page.
 */
export function releaseReplacedDatasets(client: QueryClient): () => void {
  const held = new Map<string, DatasetEngine>();
  return client.getQueryCache().subscribe((event) => {
    const { query } = event;
    if (query.queryKey[0] !== 'dataset') return;
    const before = held.get(query.queryHash);
    if (event.type === 'removed') {
      before?.dispose();
      held.delete(query.queryHash);
      return;
    }
    const now = (query.state.data as LoadedDataset | undefined)?.engine;
    if (now && now !== before) {
      before?.dispose();
      held.set(query.queryHash, now);
    }
  });
}

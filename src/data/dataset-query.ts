import { queryOptions } from '@tanstack/react-query';
import {
  DatasetRefused,
  fetchDatasetText,
  fromTextAsync,
  NetworkFailure,
  SAMPLE_DATASET_URL,
} from './fetch-dataset.ts';

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
    queryFn: async ({ signal }) =>
      fromTextAsync(await fetchDatasetText(address, signal), { kind: url ? 'url' : 'sample', name: address }),
    retry: shouldRetry,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

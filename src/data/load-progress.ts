/** How far a dataset load has got, for the loading indicator. */
export type LoadProgress = { stage: 'download'; received: number; total: number | null } | { stage: 'validate' } | null;

/**
 * A tiny store the loaders write to and the page subscribes to (through
 * useSyncExternalStore in src/app/use-load-progress.ts).
 */
let current: LoadProgress = null;
const listeners = new Set<() => void>();

export function setLoadProgress(p: LoadProgress): void {
  current = p;
  for (const l of listeners) l();
}

export function getLoadProgress(): LoadProgress {
  return current;
}

export function subscribeLoadProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

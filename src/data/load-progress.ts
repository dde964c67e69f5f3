import { useSyncExternalStore } from 'react';

/** How far a dataset load has got, for the loading indicator. */
export type LoadProgress = { stage: 'download'; received: number; total: number | null } | { stage: 'validate' } | null;

let current: LoadProgress = null;
const listeners = new Set<() => void>();

export function setLoadProgress(p: LoadProgress): void {
  current = p;
  for (const l of listeners) l();
}

export function useLoadProgress(): LoadProgress {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

import { useSyncExternalStore } from 'react';
import { getLoadProgress, type LoadProgress, subscribeLoadProgress } from '../data/load-progress.ts';

/** The progress of the dataset being loaded, re-rendering only when it moves. */
export function useLoadProgress(): LoadProgress {
  return useSyncExternalStore(subscribeLoadProgress, getLoadProgress);
}

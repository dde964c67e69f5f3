import { useCallback, useEffect, useState } from 'react';

/**
 * False until the browser has a quiet moment after the first render, or
 * until `now` is called (a reader reaching for the control), then true for
 * good. Lets a control with thousands of choices (a province's units) come
 * with the headline figures without making them wait for its list.
 * Always true when `deferred` is false.
 */
export function useWhenIdle(deferred: boolean): [ready: boolean, now: () => void] {
  const [ready, setReady] = useState(!deferred);
  const now = useCallback(() => setReady(true), []);
  useEffect(() => {
    if (ready) return;
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(now, { timeout: 3000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(now, 500);
    return () => window.clearTimeout(handle);
  }, [ready, now]);
  return [ready || !deferred, now];
}

import { useCallback, useEffect, useMemo, useState } from 'react';
import { parseUrlState, serializeUrlState, type UrlState } from './url-state.ts';

/** The view's URL query as state: pushState on change, popstate for Back and Forward. */
export function useUrlState() {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const onPop = () => setSearch(window.location.search);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const parsed = useMemo(() => parseUrlState(search, window.location.origin), [search]);
  const navigate = useCallback(
    (next: Partial<UrlState>, options: { replace?: boolean; extra?: Record<string, string | null> } = {}) => {
      const query = serializeUrlState({ ...parsed.state, ...next }, options.extra);
      const url = `${window.location.pathname}${query}${window.location.hash}`;
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      setSearch(window.location.search);
    },
    [parsed.state],
  );
  return { state: parsed.state, notes: parsed.notes, navigate };
}

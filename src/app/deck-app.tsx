import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DeckPayload } from '../data/deck-payload.ts';
import { deckDataset } from '../data/frozen-engine.ts';
import { Presentation } from './presentation.tsx';
import { deckViewFromHash } from './slide-link.ts';
import type { ResolvedView, UrlState } from './url-state.ts';

/**
 * An offline deck: the presentation of the selection it was made with,
 * answered from its embedded answers. The slide and the theme are kept in
 * memory, not in the address: a file:// page may not rewrite its query.
 */
export function DeckApp({ payload }: { payload: DeckPayload }) {
  const loaded = useMemo(() => deckDataset(payload), [payload]);
  const { selection, lang } = payload;
  const [state, setState] = useState<UrlState>(() => {
    const start = deckViewFromHash(window.location.hash);
    return {
      from: selection.range.from,
      to: selection.range.to,
      level: selection.level,
      unit: selection.unitId,
      field: selection.field,
      lang,
      data: null,
      view: start.view,
      slide: start.slide,
      theme: start.theme,
      compare: selection.compare,
      targetOnTime: selection.targets?.onTimeRate ?? null,
      targetOnline: selection.targets?.onlineRate ?? null,
    };
  });
  // Only the slide and the theme change in a deck; there is no dashboard to go back to.
  const navigate = useCallback((next: Partial<UrlState>) => {
    setState((s) => ({
      ...s,
      slide: next.slide ?? s.slide,
      theme: next.theme !== undefined ? next.theme : s.theme,
    }));
  }, []);
  const view = useMemo<ResolvedView>(
    () => ({
      range: selection.range,
      level: selection.level,
      unitId: selection.unitId,
      field: selection.field,
      compare: selection.compare,
      targets: selection.targets ?? {},
      notes: [],
    }),
    [selection],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = payload.meta.title;
  }, [lang, payload.meta.title]);

  return <Presentation loaded={loaded} view={view} urlState={state} lang={lang} navigate={navigate} inDeck />;
}

import { download } from '../data/chart-export.ts';
import type { LoadedDataset } from '../data/dataset-engine.ts';
import { buildDeckPayload, deckFileName, fillDeckTemplate } from '../data/deck-payload.ts';
import type { Selection } from '../domain/dashboard.ts';
import type { Lang } from '../domain/format.ts';

/** Written by every `vite build` next to index.html (vite.config.ts, scripts/deck-template.ts). */
const TEMPLATE = 'deck-template.html';

async function fetchTemplate(): Promise<string> {
  const url = new URL(TEMPLATE, document.baseURI);
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.text();
}

/** Makes the one-file deck of the selection shown and hands it to the browser as a download. */
export async function downloadDeck(loaded: LoadedDataset, selection: Selection, lang: Lang): Promise<void> {
  const [template, payload] = await Promise.all([fetchTemplate(), buildDeckPayload(loaded, selection, lang)]);
  download(deckFileName(payload), fillDeckTemplate(template, payload), 'text/html;charset=utf-8');
}

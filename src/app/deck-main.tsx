import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DECK_DATA_ID, type DeckPayload, parseDeckPayload } from '../data/deck-payload.ts';
import { DeckApp } from './deck-app.tsx';
// Built into the deck as data: URLs (scripts/deck-template.ts): a deck reads nothing from anywhere.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './theme.css';
import './layout.css';
// The charts' own rules (legends, labels): the site has them through the dashboard's chart frames.
import '../components/charts/charts.css';

/** The entry of the offline deck (deck.html): its data is in the page, in a JSON block. */
const root = document.getElementById('root');
if (!root) throw new Error('deck.html has no #root element');

let payload: DeckPayload | null = null;
let problem = '';
try {
  payload = parseDeckPayload(document.getElementById(DECK_DATA_ID)?.textContent ?? '');
} catch (e) {
  problem = (e as Error).message;
}

if (payload) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <DeckApp payload={payload} />
      </QueryClientProvider>
    </StrictMode>,
  );
} else {
  createRoot(root).render(
    <p role="alert" className="alert">
      Tệp trình chiếu này không có số liệu đọc được. / This deck file has no data that can be read. ({problem})
    </p>,
  );
}

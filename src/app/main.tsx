import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadCharts } from '../components/charts/load-chart.ts';
import { datasetQueryOptions, releaseReplacedDatasets } from '../data/dataset-query.ts';
import { prepareFormatting } from '../domain/format.ts';
import { App } from './app.tsx';
import { preloadChartSpecs } from './load-chart-specs.ts';
import { parseUrlState } from './url-state.ts';
// Self-hosted so the page needs no other host; the files carry the Vietnamese subset.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = new QueryClient();
releaseReplacedDatasets(queryClient);

// The dataset and the chart module are asked for before React first renders, side by side:
// the charts then arrive with the data instead of after it (decision 6).
const { state } = parseUrlState(window.location.search, window.location.origin);
const dataset = queryClient.prefetchQuery(datasetQueryOptions(state.data));
void preloadCharts().catch(() => undefined);
void preloadChartSpecs().catch(() => undefined);
// The locale data Intl needs is loaded while the dataset is on its way, not when the figures are drawn.
setTimeout(() => prepareFormatting(state.lang), 0);

/**
 * How long the page waits for its dataset before it draws the loading state. A small file is in well within
 * it: the first render then draws the figures, instead of drawing a loading state that the figures replace
 * a moment later (its render, layout and paint held the figures back by about 100 ms on the sample).
 */
const LOADING_STATE_AFTER_MS = 300;

let rendered = false;
function render(): void {
  if (rendered || !root) return;
  rendered = true;
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
// prefetchQuery never rejects: a failed load renders at once too, with its message.
void dataset.then(render);
setTimeout(render, LOADING_STATE_AFTER_MS);

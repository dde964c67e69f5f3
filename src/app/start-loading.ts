import { QueryClient } from '@tanstack/react-query';
import { preloadCharts } from '../components/charts/load-chart.ts';
import { datasetQueryOptions, releaseReplacedDatasets } from '../data/dataset-query.ts';
import { chartsWhileDownloading } from '../data/fetch-dataset.ts';
import { getLoadProgress, subscribeLoadProgress } from '../data/load-progress.ts';
import { prepareFormatting } from '../domain/format.ts';
import { preloadChartSpecs } from './load-chart-specs.ts';
import { parseUrlState } from './url-state.ts';

/**
 * The first thing the page does: main.tsx imports this module before any other, so its requests leave
 * before React DOM and the page's components are evaluated (about a third of the entry's evaluation time),
 * not after. Only what the requests need is evaluated before them: the query client, the address's
 * parameters and the data layer.
 */
export const queryClient = new QueryClient();
releaseReplacedDatasets(queryClient);

const { state } = parseUrlState(window.location.search, window.location.origin);

/** Settles (never rejects) when the dataset is loaded or its load has failed. */
export const datasetLoaded = queryClient.prefetchQuery(datasetQueryOptions(state.data));
// The chart module (recharts, about 130 KB gzip) is asked for while a province's file downloads, when the
// page's thread has nothing else to do; for a smaller file, once its headline figures are painted
// (DashboardPage), as compiling it beside the data delayed them (decision 0022).
const stopWatching = subscribeLoadProgress(() => {
  if (!chartsWhileDownloading(getLoadProgress())) return;
  stopWatching();
  void preloadCharts().catch(() => undefined);
});
void datasetLoaded.then(stopWatching);
void preloadChartSpecs().catch(() => undefined);
// The locale data Intl needs is loaded while the dataset is on its way, not when the figures are drawn.
setTimeout(() => prepareFormatting(state.lang), 0);

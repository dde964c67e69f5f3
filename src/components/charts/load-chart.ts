import { type ComponentType, lazy } from 'react';
import type { ChartProps } from './chart.tsx';

let loading: Promise<{ default: ComponentType<ChartProps> }> | null = null;

/**
 * Starts downloading the chart module (recharts and its dependencies) without
 * waiting for it. The page calls this when it asks for the dataset, so the
 * charts arrive with the data instead of after it; calling again is free.
 */
export function preloadCharts(): Promise<{ default: ComponentType<ChartProps> }> {
  loading ??= import('./chart.tsx').then(
    (m) => ({ default: m.Chart }),
    (e: unknown) => {
      // A failed download (the network dropped) may be tried again later.
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The chart module as a lazy component: render it inside a Suspense boundary. */
export const LazyChart = lazy(preloadCharts);

import { lazyModule } from '../lazy-module.ts';
import type { ChartProps } from './chart.tsx';

const chartModule = lazyModule<ChartProps>(() => import('./chart.tsx').then((m) => ({ default: m.Chart })));

/**
 * Starts downloading the chart module (recharts and its dependencies) without
 * waiting for it. The page calls this when it asks for the dataset, so the
 * charts arrive with the data instead of after it; calling again is free.
 */
export const preloadCharts = chartModule.preload;

/**
 * The chart module as a lazy component: render it inside a Suspense boundary. Once the module is
 * there it draws in its first render, so a print started before any chart was drawn still has them.
 */
export const LazyChart = chartModule.Component;

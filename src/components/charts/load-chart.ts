import { lazyModule } from '../lazy-module.ts';
import type { ChartProps } from './chart.tsx';

const chartModule = lazyModule<ChartProps>(() => import('./chart.tsx').then((m) => ({ default: m.Chart })));

/**
 * Starts downloading the chart module (recharts and its dependencies) without waiting for it: once the
 * headline figures are painted, or while a province's file downloads (decision 0022). Calling again is free.
 */
export const preloadCharts = chartModule.preload;

/**
 * The chart module as a lazy component: render it inside a Suspense boundary. Once the module is
 * there it draws in its first render, so a print started before any chart was drawn still has them.
 */
export const LazyChart = chartModule.Component;

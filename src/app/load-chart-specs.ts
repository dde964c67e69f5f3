import { useEffect, useState } from 'react';
import { loadOnce } from '../components/lazy-module.ts';

type ChartSpecsModule = typeof import('../domain/chart-specs.ts');

const chartSpecs = loadOnce<ChartSpecsModule>(() => import('../domain/chart-specs.ts'));

/**
 * Starts downloading the code that turns figures into charts (chart specs,
 * their tables and words) without waiting for it. It is not needed before
 * the headline figures, so it stays out of the first view; main.tsx starts
 * it beside the dataset and the chart module, so it arrives with the figures.
 */
export const preloadChartSpecs: () => Promise<ChartSpecsModule> = chartSpecs.start;

/** The chart-specs module once it is there (at once if it already is), null until then. */
export function useChartSpecs(): ChartSpecsModule | null {
  const [module, setModule] = useState(() => chartSpecs.current());
  useEffect(() => {
    if (module) return;
    let live = true;
    chartSpecs.start().then(
      (m) => {
        if (live) setModule(m);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [module]);
  return module;
}

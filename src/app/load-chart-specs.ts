import { useEffect, useState } from 'react';

type ChartSpecsModule = typeof import('../domain/chart-specs.ts');

let loading: Promise<ChartSpecsModule> | null = null;
let loaded: ChartSpecsModule | null = null;

/**
 * Starts downloading the code that turns figures into charts (chart specs,
 * their tables and words) without waiting for it. It is not needed before
 * the headline figures, so it stays out of the first view; main.tsx starts
 * it beside the dataset and the chart module, so it arrives with the figures.
 */
export function preloadChartSpecs(): Promise<ChartSpecsModule> {
  loading ??= import('../domain/chart-specs.ts').then(
    (m) => {
      loaded = m;
      return m;
    },
    (e: unknown) => {
      // A failed download (the network dropped) may be tried again later.
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The chart-specs module once it is there (at once if it already is), null until then. */
export function useChartSpecs(): ChartSpecsModule | null {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return;
    let live = true;
    preloadChartSpecs().then(
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

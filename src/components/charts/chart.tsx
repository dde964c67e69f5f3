import type { ChartDef } from '../../domain/chart-specs.ts';
import type { Lang } from '../../domain/format.ts';
import { MonthlyBarChart } from './monthly-bar-chart.tsx';
import { MonthlyLineChart } from './monthly-line-chart.tsx';
import { UnitBarChart } from './unit-bar-chart.tsx';

export interface ChartProps {
  chart: ChartDef;
  lang: Lang;
  onSelectUnit?: (unitId: string) => void;
  selectedUnitId?: string | null;
  /** Overrides the chart's own height (slides size charts to the screen). */
  height?: number;
  animate?: boolean;
}

/**
 * Draws a chart described as data. The one module that brings recharts in:
 * it is loaded on demand (load-chart.ts), so the first view carries no chart code.
 */
export function Chart({ chart, lang, onSelectUnit, selectedUnitId = null, height, animate = false }: ChartProps) {
  const size = height === undefined ? {} : { height };
  switch (chart.kind) {
    case 'unit-bars':
      return (
        <UnitBarChart
          chart={chart}
          lang={lang}
          selectedUnitId={selectedUnitId}
          animate={animate}
          {...(onSelectUnit ? { onSelectUnit } : {})}
          {...size}
        />
      );
    case 'monthly-bars':
      return <MonthlyBarChart chart={chart} lang={lang} animate={animate} {...size} />;
    case 'monthly-lines':
      return <MonthlyLineChart chart={chart} lang={lang} animate={animate} {...size} />;
  }
}

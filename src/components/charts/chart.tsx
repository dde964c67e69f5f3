import { type ChartDef, chartHeight, PAGE_TEXT_SIZE } from '../../domain/chart-specs.ts';
import type { Lang } from '../../domain/format.ts';
import { PRINT_HEIGHT_SHARE, PRINT_TEXT_SIZE, usePrinting } from '../print-mode.ts';
import { MonthlyBarChart } from './monthly-bar-chart.tsx';
import { MonthlyLineChart } from './monthly-line-chart.tsx';
import { UnitChart } from './unit-chart.tsx';

export interface ChartProps {
  chart: ChartDef;
  lang: Lang;
  onSelectUnit?: (unitId: string) => void;
  selectedUnitId?: string | null;
  /** Overrides the chart's own height (slides size charts to the screen). */
  height?: number;
  /** Font size of the chart's text in px (12 on the page); slides scale it to the screen. */
  textSize?: number;
  animate?: boolean;
}

/**
 * Draws a chart described as data. The one module that brings recharts in:
 * it is loaded on demand (load-chart.ts), so the first view carries no chart code.
 */
export function Chart({
  chart,
  lang,
  onSelectUnit,
  selectedUnitId = null,
  height: givenHeight,
  textSize: givenText = PAGE_TEXT_SIZE,
  animate = false,
}: ChartProps) {
  // On paper a chart of the page is set smaller and as much shorter, so the handout keeps to its pages;
  // a slide's chart, sized for its screen, is left alone.
  const onPaper = usePrinting() && givenText === PAGE_TEXT_SIZE && givenHeight === undefined;
  const textSize = onPaper ? PRINT_TEXT_SIZE : givenText;
  const height =
    onPaper && chart.kind !== 'units' && chart.kind !== 'statement'
      ? Math.round(chartHeight(chart) * PRINT_HEIGHT_SHARE)
      : givenHeight;
  const size = height === undefined ? {} : { height };
  switch (chart.kind) {
    case 'units':
      return (
        <UnitChart
          chart={chart}
          lang={lang}
          selectedUnitId={selectedUnitId}
          textSize={textSize}
          {...(onSelectUnit ? { onSelectUnit } : {})}
          {...size}
        />
      );
    case 'statement':
      return <p className="chart-statement">{chart.text}</p>;
    case 'monthly-bars':
      return <MonthlyBarChart chart={chart} lang={lang} animate={animate} textSize={textSize} {...size} />;
    case 'monthly-lines':
      return <MonthlyLineChart chart={chart} lang={lang} animate={animate} textSize={textSize} {...size} />;
  }
}

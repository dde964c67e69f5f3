import { getDefaultNormalizer, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { percentScale, type ValueFormat } from '../../domain/chart-layout.ts';
import { type MonthlyLinesChart, type SeriesSpec, seriesTable } from '../../domain/chart-specs.ts';
import type { SeriesPoint } from '../../domain/dashboard.ts';
import { MonthlyLineChart } from './monthly-line-chart.tsx';

const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };

const SERIES = [
  { key: 'district', label: 'Cấp huyện' },
  { key: 'commune', label: 'Cấp xã' },
];

// The district has no figure in February: its line must break there.
const POINTS: SeriesPoint[] = [
  { month: '2024-01', values: { district: 0.986, commune: 0.9 } },
  { month: '2024-02', values: { district: null, commune: 0.92 } },
  { month: '2024-03', values: { district: 0.97, commune: 0.94 } },
];

/** The chart as chart-specs.ts describes it: a fitted axis for rates, the target with its label. */
function lines(
  points: SeriesPoint[],
  series: SeriesSpec[],
  format: ValueFormat,
  target?: { value: number; label: string },
): MonthlyLinesChart {
  const values = points.flatMap((p) => Object.values(p.values));
  return {
    kind: 'monthly-lines',
    points,
    series,
    format,
    target: target ?? null,
    scale: format === 'percent' ? percentScale(values, target?.value ?? null) : null,
  };
}

function curves(container: HTMLElement): Element[] {
  return Array.from(container.querySelectorAll('.recharts-line-curve'));
}

describe('MonthlyLineChart', () => {
  it('draws a line per series, told apart by colour and by dash pattern', () => {
    const { container } = render(<MonthlyLineChart chart={lines(POINTS, SERIES, 'percent')} lang="vi" />);
    const [first, second] = curves(container);
    expect(curves(container)).toHaveLength(2);
    expect(first?.getAttribute('stroke')).not.toBe(second?.getAttribute('stroke'));
    expect(first?.getAttribute('stroke-dasharray') ?? 'solid').not.toBe(
      second?.getAttribute('stroke-dasharray') ?? 'solid',
    );
  });

  it('draws different markers per series and leaves a gap where a month has no figure', () => {
    const { container } = render(<MonthlyLineChart chart={lines(POINTS, SERIES, 'percent')} lang="vi" />);
    const dots = Array.from(container.querySelectorAll('.recharts-line-dots'));
    expect(dots.map((g) => g.querySelectorAll('.recharts-line-dot').length)).toEqual([2, 3]);
    const shapes = dots.map((g) => g.querySelector('.recharts-line-dot')?.getAttribute('d'));
    expect(shapes[0]).not.toBe(shapes[1]);
    // A path broken by the missing month starts again with a second move-to.
    expect(curves(container)[0]?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(curves(container)[1]?.getAttribute('d')?.match(/M/g)).toHaveLength(1);
  });

  it('labels months on the axis and, on each line, only its last, highest and lowest values', () => {
    const { container } = render(<MonthlyLineChart chart={lines(POINTS, SERIES, 'percent')} lang="vi" />);
    expect(screen.getByText('1/2024')).toBeInTheDocument();
    expect(screen.getByText('3/2024')).toBeInTheDocument();
    const labels = [...container.querySelectorAll('.chart-point-label')].map((t) => t.textContent);
    // District: 98.6 (high), 97.0 (last and low). Communes: 90.0 (low), 94.0 (last and high); 92.0 is not labelled.
    expect(labels.sort()).toEqual(['90,0\u00a0%', '94,0\u00a0%', '97,0\u00a0%', '98,6\u00a0%']);
    expect(screen.getByText('Cấp huyện')).toBeInTheDocument();
    expect(screen.getByText('Cấp xã')).toBeInTheDocument();
  });

  it('draws the target as a dashed line with a label', () => {
    const { container, rerender } = render(
      <MonthlyLineChart
        chart={lines(POINTS, SERIES, 'percent', { value: 0.95, label: 'Chỉ tiêu 95,0\u00a0%' })}
        lang="vi"
      />,
    );
    expect(screen.getByText('Chỉ tiêu 95,0\u00a0%', exact)).toBeInTheDocument();
    expect(container.querySelector('.recharts-reference-line-line')).toHaveAttribute('stroke-dasharray');
    rerender(
      <MonthlyLineChart
        chart={lines(POINTS, SERIES, 'percent', { value: 0.95, label: 'Chỉ tiêu của tỉnh' })}
        lang="en"
      />,
    );
    expect(screen.getByText('Chỉ tiêu của tỉnh')).toBeInTheDocument();
    expect(screen.getByText('Jan 2024')).toBeInTheDocument();
    expect(screen.getByText('98.6%')).toBeInTheDocument();
  });

  it('starts the rate scale below the lowest value, on round percentages', () => {
    const { container } = render(
      <MonthlyLineChart
        chart={lines(POINTS, SERIES, 'percent', { value: 0.95, label: 'Chỉ tiêu 95,0\u00a0%' })}
        lang="en"
      />,
    );
    const ticks = Array.from(container.querySelectorAll('.recharts-yAxis-tick-labels tspan')).map((t) => t.textContent);
    expect(ticks).toEqual(['85%', '90%', '95%', '100%']);
  });

  it('drops markers when there are more than 18 months, still labelling only ends and extremes', () => {
    const many: SeriesPoint[] = Array.from({ length: 24 }, (_, i) => ({
      month: `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      values: { district: 1200 + i, commune: 3400 + i },
    }));
    const { container } = render(<MonthlyLineChart chart={lines(many, SERIES, 'count')} lang="vi" />);
    expect(curves(container)).toHaveLength(2);
    expect(container.querySelectorAll('.recharts-line-dot')).toHaveLength(0);
    // District rises from 1.200 to 1.223: its lowest (the first) and its last are labelled, nothing between.
    expect(screen.getByText('1.200')).toBeInTheDocument();
    expect(screen.getByText('1.223')).toBeInTheDocument();
    expect(screen.queryByText('1.210')).not.toBeInTheDocument();
  });

  it('writes counts and amounts with the formatters', () => {
    const counts: SeriesPoint[] = [
      { month: '2024-01', values: { district: 1234, commune: 5678 } },
      { month: '2024-02', values: { district: 2345, commune: 6789 } },
    ];
    render(<MonthlyLineChart chart={lines(counts, SERIES, 'count')} lang="vi" />);
    expect(screen.getByText('1.234')).toBeInTheDocument();
    expect(screen.getByText('6.789')).toBeInTheDocument();
  });
});

describe('seriesTable of a line chart', () => {
  it('has a row per month and a column per series, missing figures as "—"', () => {
    const table = seriesTable(POINTS, SERIES, 'percent', 'vi');
    expect(table.columns.map((c) => c.label)).toEqual(['Tháng', 'Cấp huyện', 'Cấp xã']);
    expect(table.columns.map((c) => c.numeric ?? false)).toEqual([false, true, true]);
    expect(table.rows.map((r) => Object.values(r.cells))).toEqual([
      ['1/2024', '98,6\u00a0%', '90,0\u00a0%'],
      ['2/2024', '—', '92,0\u00a0%'],
      ['3/2024', '97,0\u00a0%', '94,0\u00a0%'],
    ]);
  });

  it('formats in English', () => {
    const table = seriesTable(POINTS, SERIES, 'percent', 'en');
    expect(table.columns[0]?.label).toBe('Month');
    expect(Object.values(table.rows[0]?.cells ?? {})).toEqual(['Jan 2024', '98.6%', '90.0%']);
  });
});

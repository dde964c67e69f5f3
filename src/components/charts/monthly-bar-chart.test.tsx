import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type MonthlyBarsChart, type SeriesSpec, seriesTable } from '../../domain/chart-specs.ts';
import type { SeriesPoint } from '../../domain/dashboard.ts';
import { MonthlyBarChart } from './monthly-bar-chart.tsx';

function bars(
  points: SeriesPoint[],
  series: SeriesSpec[],
  format: 'count' | 'vnd',
  stacked: boolean,
): MonthlyBarsChart {
  return { kind: 'monthly-bars', points, series, format, stacked };
}

const FEES = [{ key: 'fees', label: 'Phí, lệ phí' }];
const FEE_POINTS: SeriesPoint[] = [
  { month: '2024-01', values: { fees: 545_180_000 } },
  { month: '2024-02', values: { fees: 1_390_000_000 } },
  { month: '2024-03', values: { fees: null } },
];

const FLOW = [
  { key: 'resolvedOnTime', label: 'Giải quyết đúng hạn' },
  { key: 'resolvedLate', label: 'Giải quyết quá hạn' },
];
const FLOW_POINTS: SeriesPoint[] = [
  { month: '2024-01', values: { resolvedOnTime: 900, resolvedLate: 100 } },
  { month: '2024-02', values: { resolvedOnTime: 800, resolvedLate: 200 } },
];

function barsOf(container: HTMLElement): Element[][] {
  return Array.from(container.querySelectorAll('.recharts-bar')).map((g) =>
    Array.from(g.querySelectorAll('.recharts-bar-rectangle path')),
  );
}

describe('MonthlyBarChart', () => {
  it('draws a bar per month with a figure, amounts shortened on the axis and the bars', () => {
    const { container } = render(<MonthlyBarChart chart={bars(FEE_POINTS, FEES, 'vnd', false)} lang="vi" />);
    expect(barsOf(container).map((b) => b.length)).toEqual([2]);
    expect(screen.getByText('1/2024')).toBeInTheDocument();
    const axis = Array.from(container.querySelectorAll('.recharts-yAxis-tick-labels tspan')).map((t) => t.textContent);
    expect(axis.some((t) => /(tỷ|triệu)\sđ$/.test(t ?? ''))).toBe(true);
    expect(screen.getByText('Phí, lệ phí')).toBeInTheDocument();
  });

  it('labels every bar of a series or none: amounts wider than the bars are left to the table', () => {
    // At 600 px, three months of one series: bars of 48 px; "545,18 triệu đ" needs about 96 px.
    render(<MonthlyBarChart chart={bars(FEE_POINTS, FEES, 'vnd', false)} lang="vi" />);
    expect(screen.queryByText('545,18 triệu đ')).not.toBeInTheDocument();
    expect(screen.queryByText('1,39 tỷ đ')).not.toBeInTheDocument();
  });

  it('groups the series side by side, each in its own colour', () => {
    const { container } = render(<MonthlyBarChart chart={bars(FLOW_POINTS, FLOW, 'count', false)} lang="vi" />);
    const [onTime, late] = barsOf(container);
    expect(onTime?.map((p) => p.getAttribute('fill'))).toEqual(['var(--tone-main)', 'var(--tone-main)']);
    expect(late?.map((p) => p.getAttribute('fill'))).toEqual(['var(--tone-second)', 'var(--tone-second)']);
    // Short counts fit: every bar of both series carries its value.
    for (const v of ['900', '800', '100', '200']) expect(screen.getByText(v)).toBeInTheDocument();
    // Grouped: the two bars of a month stand next to each other on the same base line.
    expect(onTime?.[0]?.getAttribute('x')).not.toBe(late?.[0]?.getAttribute('x'));
    expect(screen.getByText('Giải quyết đúng hạn')).toBeInTheDocument();
    expect(screen.getByText('Giải quyết quá hạn')).toBeInTheDocument();
  });

  it('stacks the series when asked, with the values written on the parts', () => {
    const { container } = render(<MonthlyBarChart chart={bars(FLOW_POINTS, FLOW, 'count', true)} lang="en" />);
    const [onTime, late] = barsOf(container);
    expect(onTime?.[0]?.getAttribute('x')).toBe(late?.[0]?.getAttribute('x'));
    expect(screen.getByText('900')).toBeInTheDocument();
    expect(screen.getByText('Jan 2024')).toBeInTheDocument();
  });
});

describe('seriesTable of a bar chart', () => {
  it('writes amounts in full', () => {
    const table = seriesTable(FEE_POINTS, FEES, 'vnd', 'vi');
    expect(table.rows.map((r) => r.cells)).toEqual([
      { month: '1/2024', 'v:fees': '545.180.000\u00a0₫' },
      { month: '2/2024', 'v:fees': '1.390.000.000\u00a0₫' },
      { month: '3/2024', 'v:fees': '—' },
    ]);
    expect(seriesTable(FEE_POINTS, FEES, 'vnd', 'en').rows[0]?.cells['v:fees']).toBe('₫545,180,000');
  });

  it('writes counts with the locale grouping', () => {
    const table = seriesTable(FLOW_POINTS, FLOW, 'count', 'en');
    expect(table.columns.map((c) => c.label)).toEqual(['Month', 'Giải quyết đúng hạn', 'Giải quyết quá hạn']);
    expect(Object.values(table.rows[0]?.cells ?? {})).toEqual(['Jan 2024', '900', '100']);
  });
});

import { describe, expect, it } from 'vitest';
import { seriesTable } from '../../domain/chart-specs.ts';
import type { SeriesPoint } from '../../domain/dashboard.ts';
import { SERIES_COLORS, SERIES_DASHES, SERIES_SYMBOLS, seriesData, tickFormatter } from './chart-kit.tsx';

describe('series helpers', () => {
  const points: SeriesPoint[] = [
    { month: '2024-01', values: { received: 10, month: 3 } },
    { month: '2024-02', values: { received: null } },
  ];
  const series = [
    { key: 'received', label: 'Mới tiếp nhận' },
    { key: 'month', label: 'A key named month' },
  ];

  it('flattens points without letting a series key clash with the month', () => {
    expect(seriesData(points, series)).toEqual([
      { month: '2024-01', s0: 10, s1: 3 },
      { month: '2024-02', s0: null, s1: null },
    ]);
  });

  it('builds a month-by-series table', () => {
    const table = seriesTable(points, series, 'count', 'vi');
    expect(table.columns.map((c) => c.label)).toEqual(['Tháng', 'Mới tiếp nhận', 'A key named month']);
    expect(table.rows.map((r) => r.key)).toEqual(['2024-01', '2024-02']);
    expect(Object.values(table.rows[1]?.cells ?? {})).toEqual(['2/2024', '—', '—']);
  });

  it('gives six series distinct colours, dashes and markers', () => {
    expect(new Set(SERIES_COLORS).size).toBe(6);
    expect(new Set(SERIES_DASHES).size).toBe(6);
    expect(new Set(SERIES_SYMBOLS).size).toBe(6);
  });
});

describe('tickFormatter', () => {
  it('hands recharts the shared tick format', () => {
    expect(tickFormatter('percent', 'vi')(0.75)).toBe('75\u00a0%');
    expect(tickFormatter('count', 'en')('x')).toBe('x');
  });
});

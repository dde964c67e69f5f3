import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../domain/dashboard.ts';
import {
  formatLabelValue,
  formatValue,
  SERIES_COLORS,
  SERIES_DASHES,
  SERIES_SYMBOLS,
  seriesData,
  seriesTable,
  sortedByValue,
  tickFormatter,
  truncateName,
  unitAxisLabel,
  unitChartHeight,
} from './chart-kit.tsx';

describe('truncateName', () => {
  it('keeps a name that fits', () => {
    expect(truncateName('Xã An Bình', 10)).toBe('Xã An Bình');
  });

  it('cuts a long name to the limit, ending with an ellipsis', () => {
    const cut = truncateName('Ủy ban nhân dân xã Nghĩa Hưng', 12);
    expect(cut).toBe('Ủy ban nhân…');
    expect(Array.from(cut)).toHaveLength(12);
    expect(Array.from(truncateName('Ủy ban nhân dân xã Nghĩa Hưng', 14))).toHaveLength(14);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(truncateName('𝔸𝔹ℂ𝔻', 4)).toBe('𝔸𝔹ℂ𝔻');
    expect(truncateName('𝔸𝔹ℂ𝔻𝔼', 3)).toBe('𝔸𝔹…');
  });
});

describe('sortedByValue', () => {
  it('sorts a copy from highest down, missing values last, ties by name', () => {
    const rows = [
      { name: 'Xã C', v: 0.9 },
      { name: 'Xã B', v: null },
      { name: 'Xã A', v: 0.95 },
      { name: 'Xã Ă', v: 0.9 },
    ];
    const before = rows.map((r) => r.name);
    expect(sortedByValue(rows, (r) => r.v).map((r) => r.name)).toEqual(['Xã A', 'Xã Ă', 'Xã C', 'Xã B']);
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});

describe('formatters', () => {
  it('formats values in full and labels short', () => {
    expect(formatValue(0.986, 'percent', 'vi')).toBe('98,6\u00a0%');
    expect(formatValue(0.986, 'percent', 'en')).toBe('98.6%');
    expect(formatValue(1234, 'count', 'vi')).toBe('1.234');
    expect(formatValue(545_180_000, 'vnd', 'vi')).toBe('545.180.000\u00a0₫');
    expect(formatLabelValue(545_180_000, 'vnd', 'vi')).toBe('545,18 triệu đ');
    expect(formatValue(null, 'count', 'en')).toBe('—');
  });

  it('formats ticks as whole percentages and short amounts', () => {
    expect(tickFormatter('percent', 'vi')(0.75)).toBe('75\u00a0%');
    expect(tickFormatter('vnd', 'en')(2_000_000_000)).toBe('2 billion ₫');
    expect(tickFormatter('count', 'en')(12000)).toBe('12,000');
  });
});

describe('unitAxisLabel', () => {
  it('marks units above commune level, keeping the mark when the name is cut', () => {
    expect(unitAxisLabel({ name: 'Xã An Bình', level: 'commune' }, 'vi')).toEqual({
      text: 'Xã An Bình',
      full: 'Xã An Bình',
      truncated: false,
    });
    const long = unitAxisLabel({ name: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', level: 'district' }, 'en');
    expect(long.full).toBe('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân (district)');
    expect(long.truncated).toBe(true);
    expect(long.text.endsWith('… (district)')).toBe(true);
  });
});

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

describe('unitChartHeight', () => {
  it('grows by 28 px a unit and makes room for a legend', () => {
    expect(unitChartHeight(10) - unitChartHeight(9)).toBe(28);
    expect(unitChartHeight(5, true)).toBeGreaterThan(unitChartHeight(5));
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatLabelValue,
  formatTick,
  formatValue,
  labelledPoints,
  percentScale,
  placeLineLabels,
  sortedByValue,
  truncateName,
  unitAxisLabel,
  unitChartHeight,
} from './chart-layout.ts';

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
    expect(formatLabelValue(545_180_000, 'vnd', 'vi')).toBe('545,18\u00a0triệu\u00a0đ');
    expect(formatValue(null, 'count', 'en')).toBe('—');
  });

  it('formats ticks as whole percentages and short amounts', () => {
    expect(formatTick(0.75, 'percent', 'vi')).toBe('75\u00a0%');
    expect(formatTick(2_000_000_000, 'vnd', 'en')).toBe('₫2\u00a0billion');
    expect(formatTick(12000, 'count', 'en')).toBe('12,000');
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

describe('unitChartHeight', () => {
  it('grows by 28 px a unit and makes room for a legend', () => {
    expect(unitChartHeight(10) - unitChartHeight(9)).toBe(28);
    expect(unitChartHeight(5, true)).toBeGreaterThan(unitChartHeight(5));
  });
});

describe('percentScale', () => {
  it('starts a little below the lowest value or the target, on round percentages, and ends at 100 %', () => {
    // Lowest 0.9, minus two points = 0.88 → 85 % in steps of 5 (the range is at most 20 points).
    expect(percentScale([0.986, 0.9, null, 0.97], 0.95)).toEqual({ domain: [0.85, 1], ticks: [0.85, 0.9, 0.95, 1] });
    // The target is lower than every value: it sets the start, 50 % - 2 points → 45 %, then steps of 20 from 40 %.
    expect(percentScale([0.6, 0.7], 0.5)).toEqual({ domain: [0.4, 1], ticks: [0.4, 0.6, 0.8, 1] });
    expect(percentScale([0.1], null).domain[0]).toBe(0);
  });
});

describe('labelledPoints', () => {
  it('picks the last value, the highest and the lowest of a line', () => {
    const p = labelledPoints([0.9, 0.95, null, 0.85, 0.92, null]);
    expect([p.last, p.high, p.low]).toEqual([4, 1, 3]);
    expect([0, 1, 2, 3, 4, 5].filter((i) => p.has(i))).toEqual([1, 3, 4]);
  });

  it('labels only the end of a flat line, and nothing of an empty one', () => {
    const flat = labelledPoints([1, 1, 1]);
    expect([0, 1, 2].filter((i) => flat.has(i))).toEqual([2]);
    expect(labelledPoints([null, null]).last).toBe(-1);
  });
});

describe('placeLineLabels', () => {
  // A plot of 400 × 200 px starting at (60, 20), months 0…4 spaced 100 px apart (no padding), 0 %–100 %.
  const plot = { left: 60, top: 20, width: 400, height: 200, padding: 0 };
  const text = (v: number) => `${Math.round(v * 100)} %`;
  const boxes = (r: ReturnType<typeof placeLineLabels>) =>
    [...r.points.flatMap((m) => [...m.values()]), ...(r.target ? [r.target] : [])].map((p) => {
      const w = Array.from(p.text).length * 12 * 0.6;
      const x0 = p.anchor === 'start' ? p.x : p.anchor === 'middle' ? p.x - w / 2 : p.x - w;
      return { x0, x1: x0 + w, y0: p.y - 12 * 0.85, y1: p.y + 12 * 0.25 };
    });

  it('labels the last value to the right of its point and the high above it', () => {
    const r = placeLineLabels([[0.2, 0.8, 0.5, 0.4, 0.6]], text, { min: 0, max: 1 }, plot, 12, null, 560);
    const m = r.points[0];
    // Last point: month 4 at x = 60 + 400 = 460, y = 20 + 200 × 0.4 = 100.
    const last = m?.get(4);
    expect(last).toMatchObject({ anchor: 'start', text: '60 %' });
    expect(last?.x).toBeCloseTo(460 + 7.2);
    expect(last?.dx).toBeCloseTo(7.2);
    // High: month 1 at x = 160, y = 20 + 200 × 0.2 = 60, written 7.2 px above.
    const high = m?.get(1);
    expect(high).toMatchObject({ x: 160, anchor: 'middle' });
    expect(high?.dy).toBeCloseTo(-7.2);
    // Low: month 0 sits on the plot's left edge; centred below it, the label would reach over the axis's
    // ticks, so it goes to the right of its point instead (as far right as the marker's edge and a gap).
    const low = m?.get(0);
    expect(low).toMatchObject({ anchor: 'start', text: '20 %' });
    expect(low?.x).toBeCloseTo(60 + 7.2);
  });

  it('never lets two labels or a label and the target cover each other', () => {
    const r = placeLineLabels(
      [
        [0.5, 0.52, 0.51, 0.5, 0.5],
        [0.49, 0.5, 0.5, 0.51, 0.5],
      ],
      text,
      { min: 0, max: 1 },
      plot,
      12,
      { value: 0.5, label: 'Chỉ tiêu 50 %' },
      560,
    );
    const b = boxes(r);
    expect(b.length).toBeGreaterThan(1);
    for (let i = 0; i < b.length; i++)
      for (let j = i + 1; j < b.length; j++) {
        const [p, q] = [b[i], b[j]] as [(typeof b)[number], (typeof b)[number]];
        expect(p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1, `labels ${i} and ${j} overlap`).toBe(false);
      }
    expect(r.target?.text).toBe('Chỉ tiêu 50 %');
  });
});

import { describe, expect, it } from 'vitest';
import {
  fittedRateScale,
  layoutUnitChart,
  rowsThatFit,
  textWidth,
  type UnitChartInput,
  unitChartHeightFor,
  zeroBasedScale,
} from './unit-chart-layout.ts';

const INPUT: UnitChartInput = {
  mark: 'dot',
  rows: [
    { unitId: 'a', name: 'Xã An', value: 1, label: '100,0\u00a0%', tone: 'neutral' },
    { unitId: 'b', name: 'Xã Bình', value: 0.9, label: '▼ 90,0\u00a0%', tone: 'bad' },
  ],
  format: 'percent',
  scale: { min: 0.8, max: 1, ticks: [0.8, 0.9, 1] },
  target: { value: 0.95, label: 'Chỉ tiêu 95,0\u00a0%' },
  reference: { value: 0.97, label: 'Huyện Mẫu: 97,0\u00a0%' },
};

describe('textWidth', () => {
  it('counts characters at 0.6 em, bold at 0.66 em', () => {
    expect(textWidth('abcde', 10)).toBe(30);
    expect(textWidth('abcde', 10, true)).toBeCloseTo(33);
    expect(textWidth('Đặc', 20)).toBe(36);
  });
});

describe('layoutUnitChart', () => {
  const layout = layoutUnitChart(INPUT, 600, 12, 'vi');

  it('puts one row per unit at 2.2 font sizes apart, under a line for the target and one for the reference', () => {
    // Two header lines of 1.5 × 12 = 18 px each, then half a font size: rows start at 42 px.
    expect(layout.rowsTop).toBe(42);
    expect(layout.rowPitch).toBeCloseTo(26.4);
    expect(layout.rows.map((r) => r.y)).toEqual([42 + 13.2, 42 + 39.6]);
    expect(layout.height).toBe(unitChartHeightFor(2, 12, { target: true, reference: true }));
  });

  it('places values on the scale between the names column and the room kept for labels', () => {
    // Names: "Xã Bình" is 7 characters × 7.2 px = 50.4 px, plus a gap of 7.2 px.
    expect(layout.nameRight).toBeCloseTo(57.6);
    expect(layout.plotLeft).toBeCloseTo(64.8);
    // Labels: "▼ 90,0 %" is 8 characters × 7.2 = 57.6 px, plus the gap (7.2) and the dot's reach (7.2).
    expect(layout.plotRight).toBeCloseTo(600 - 72);
    const [a, b] = layout.rows;
    expect(a?.x1).toBeCloseTo(layout.plotRight);
    expect(b?.x1).toBeCloseTo(layout.plotLeft + (0.1 / 0.2) * (layout.plotRight - layout.plotLeft));
    // A dot has no length.
    expect(b?.x0).toBe(b?.x1);
  });

  it('never shortens the widest name, which sets the names column, at any font size', () => {
    // At 22.7 px (the slides at 1920×1080) 13 × 0.6 × 22.7 / (0.6 × 22.7) came to 12.999…: "Xã Yên Thườ…".
    for (const fontSize of [12, 14.6, 15.2, 16.2, 22.7]) {
      for (let n = 5; n <= 30; n++) {
        const name = `Xã ${'a'.repeat(n - 3)}`;
        const rows = [{ ...INPUT.rows[0], unitId: 'w', name } as UnitChartInput['rows'][number]];
        const laid = layoutUnitChart({ ...INPUT, rows }, 1920, fontSize, 'vi');
        expect(laid.rows[0]?.name, `${n} characters at ${fontSize} px`).toBe(name);
      }
    }
  });

  it('writes each value beside its mark, inside the chart', () => {
    for (const row of layout.rows) {
      expect(row.labelAnchor).toBe('start');
      expect(row.labelX + textWidth(row.label, 12)).toBeLessThanOrEqual(600);
    }
  });

  it('labels the target and the reference on lines of their own, within the width', () => {
    expect(layout.target?.labelY).not.toBe(layout.reference?.labelY);
    for (const line of [layout.target, layout.reference]) {
      if (!line) throw new Error('both lines are drawn');
      const w = textWidth(line.label, 12);
      const left =
        line.labelAnchor === 'middle'
          ? line.labelX - w / 2
          : line.labelAnchor === 'start'
            ? line.labelX
            : line.labelX - w;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left + w).toBeLessThanOrEqual(600);
    }
  });

  it('shortens a name longer than two fifths of the width, keeping the full one', () => {
    const long = 'Bộ phận tiếp nhận và trả kết quả thuộc Văn phòng HĐND và UBND huyện Nghĩa Hưng';
    const narrow = layoutUnitChart(
      { ...INPUT, rows: [{ ...INPUT.rows[0], name: long } as UnitChartInput['rows'][number]] },
      320,
      12,
      'vi',
    );
    const row = narrow.rows[0];
    expect(row?.name.endsWith('…')).toBe(true);
    expect(row?.fullName).toBe(long);
    expect(textWidth(row?.name ?? '', 12)).toBeLessThanOrEqual(narrow.nameRight);
  });

  it('draws a bar from zero and an arrow from the earlier value', () => {
    const bars = layoutUnitChart({ ...INPUT, mark: 'bar', scale: { min: 0, max: 1, ticks: [0, 1] } }, 600, 12, 'vi');
    expect(bars.rows[0]?.x0).toBeCloseTo(bars.plotLeft);
    const arrows = layoutUnitChart(
      { ...INPUT, mark: 'arrow', rows: [{ ...(INPUT.rows[1] as UnitChartInput['rows'][number]), from: 1 }] },
      600,
      12,
      'vi',
    );
    const arrow = arrows.rows[0];
    // From 100 % down to 90 %: it points left, and its label sits to the left of its head.
    expect(arrow?.x0).toBeGreaterThan(arrow?.x1 ?? 0);
    expect(arrow?.labelAnchor).toBe('end');
  });

  it('scales with the font size: twice the text, twice the row pitch', () => {
    const big = layoutUnitChart(INPUT, 1200, 24, 'vi');
    expect(big.rowPitch).toBeCloseTo(layout.rowPitch * 2);
    expect(big.height).toBe(unitChartHeightFor(2, 24, { target: true, reference: true }));
  });
});

describe('rowsThatFit', () => {
  it('is the number of rows whose chart is no taller than the height', () => {
    const lines = { target: true, reference: false };
    const n = rowsThatFit(500, 20, lines);
    expect(unitChartHeightFor(n, 20, lines)).toBeLessThanOrEqual(500);
    expect(unitChartHeightFor(n + 1, 20, lines)).toBeGreaterThan(500);
  });
});

describe('fittedRateScale', () => {
  it('fits rates between 96 % and 100 % on steps of 2 points, so a two-point gap shows', () => {
    // Range 4 points → step 2; low 96 - 1 → 94; high 100 → 100.
    expect(fittedRateScale([0.962, 0.986, 1])).toEqual({ min: 0.94, max: 1, ticks: [0.94, 0.96, 0.98, 1] });
  });

  it('includes the target, and widens the step for a wide spread', () => {
    // 5 % to 60 %, target 50 %: range 55 points → step 10; 5 - 5 → 0; 60 + 2.5 → 70.
    expect(fittedRateScale([0.05, 0.6, 0.5])).toEqual({
      min: 0,
      max: 0.7,
      ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
    });
  });

  it('never leaves 0–100 %', () => {
    const s = fittedRateScale([0, 1]);
    expect(s.min).toBe(0);
    expect(s.max).toBe(1);
  });
});

describe('zeroBasedScale', () => {
  it('starts at zero and ends on a round step above the largest value', () => {
    // 545,180,000 / 4 ≈ 136 million → step 200 million → 0 … 600 million.
    expect(zeroBasedScale([12_500_000, 545_180_000])).toEqual({
      min: 0,
      max: 600_000_000,
      ticks: [0, 200_000_000, 400_000_000, 600_000_000],
    });
    expect(zeroBasedScale([3, 7])).toEqual({ min: 0, max: 8, ticks: [0, 2, 4, 6, 8] });
  });
});

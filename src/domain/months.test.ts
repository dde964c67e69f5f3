import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  hasEveryMonth,
  isMonth,
  isValidDate,
  monthFromIndex,
  monthIndex,
  monthsBetween,
  previousRange,
  rangeLength,
  rangesOverlap,
  yearEarlierRange,
} from './months.ts';
import { MONTH_PATTERN } from './schema.ts';

describe('months', () => {
  it('recognises real months only', () => {
    expect(isMonth('2022-04')).toBe(true);
    for (const bad of ['2021-13', '2021-1', '2021-00', '21-01', '2021-01-01', '']) expect(isMonth(bad)).toBe(false);
    for (const bad of ['2021-1a', '2021/01', '202a-01', '2021-01\n', ' 2021-01', '２０２１-01', '2021-10 ']) {
      expect(isMonth(bad)).toBe(false);
    }
  });

  it("agrees with the schema's month pattern on any text", () => {
    // Texts near the shape YYYY-MM (digits, a dash, the odd other character) and any text at all.
    const near = fc
      .array(fc.constantFrom('0', '1', '2', '9', '-', 'a', ' ', '\n', '１'), { minLength: 5, maxLength: 9 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.oneof(near, fc.string()), (text) => {
        expect(isMonth(text)).toBe(MONTH_PATTERN.test(text));
      }),
      { numRuns: 5000 },
    );
    for (let m = 0; m <= 13; m++) {
      const text = `2024-${String(m).padStart(2, '0')}`;
      expect(isMonth(text)).toBe(MONTH_PATTERN.test(text));
    }
  });

  it('adds months across years', () => {
    expect(addMonths('2021-12', 1)).toBe('2022-01');
    expect(addMonths('2022-01', -1)).toBe('2021-12');
    expect(addMonths('2022-04', -16)).toBe('2020-12');
  });

  it('lists and measures a range', () => {
    expect(monthsBetween({ from: '2021-11', to: '2022-02' })).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(rangeLength({ from: '2021-01', to: '2022-04' })).toBe(16);
  });

  it('gives the previous period of the same length', () => {
    expect(previousRange({ from: '2022-01', to: '2022-03' })).toEqual({ from: '2021-10', to: '2021-12' });
    expect(previousRange({ from: '2022-04', to: '2022-04' })).toEqual({ from: '2022-03', to: '2022-03' });
  });

  it('gives the same months a year earlier, across a year as a whole', () => {
    expect(yearEarlierRange({ from: '2022-01', to: '2022-04' })).toEqual({ from: '2021-01', to: '2021-04' });
    expect(yearEarlierRange({ from: '2021-11', to: '2022-02' })).toEqual({ from: '2020-11', to: '2021-02' });
  });

  it('numbers months from year 0 and back', () => {
    // 2022 × 12 + 3 (April is the fourth month, counted from 0).
    expect(monthIndex('2022-04')).toBe(24267);
    expect(monthIndex('0000-01')).toBe(0);
    expect(monthFromIndex(monthIndex('1999-12'))).toBe('1999-12');
  });

  it('tells overlapping ranges and whether a sorted list has every month of a range', () => {
    expect(rangesOverlap({ from: '2021-01', to: '2021-12' }, { from: '2021-12', to: '2022-03' })).toBe(true);
    expect(rangesOverlap({ from: '2021-01', to: '2021-11' }, { from: '2021-12', to: '2022-03' })).toBe(false);
    const months = ['2021-11', '2021-12', '2022-01', '2022-03'];
    expect(hasEveryMonth(months, { from: '2021-11', to: '2022-01' })).toBe(true);
    expect(hasEveryMonth(months, { from: '2021-12', to: '2022-03' })).toBe(false);
    expect(hasEveryMonth(months, { from: '2021-10', to: '2021-11' })).toBe(false);
    expect(hasEveryMonth(months, { from: '2022-03', to: '2022-03' })).toBe(true);
    expect(hasEveryMonth([], { from: '2022-03', to: '2022-03' })).toBe(false);
  });

  it('checks calendar dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2022-02-29')).toBe(false);
    expect(isValidDate('2022-04-31')).toBe(false);
  });
});

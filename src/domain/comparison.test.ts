import { describe, expect, it } from 'vitest';
import { unitCovers } from './comparison.ts';
import {
  BETTER_WHEN,
  changeVerdict,
  comparedOf,
  comparisonRange,
  defaultCompare,
  isCompareMode,
  planComparison,
} from './comparison-plan.ts';
import { FIGURE_LABEL, type FigureKey } from './labels.ts';
import { indexDataset } from './metrics.ts';
import type { DatasetRecord } from './schema.ts';

describe('the months compared with', () => {
  it('are the same months a year earlier, a range crossing a year shifted as a whole', () => {
    expect(comparisonRange({ from: '2022-01', to: '2022-04' }, 'year')).toEqual({ from: '2021-01', to: '2021-04' });
    expect(comparisonRange({ from: '2021-11', to: '2022-02' }, 'year')).toEqual({ from: '2020-11', to: '2021-02' });
    // Twelve months a year earlier are also the twelve just before.
    expect(comparisonRange({ from: '2022-01', to: '2022-12' }, 'year')).toEqual({ from: '2021-01', to: '2021-12' });
    // Thirteen would overlap themselves: no such comparison.
    expect(comparisonRange({ from: '2021-12', to: '2022-12' }, 'year')).toBeNull();
  });

  it('or the previous period of the same length', () => {
    expect(comparisonRange({ from: '2022-01', to: '2022-04' }, 'previous')).toEqual({
      from: '2021-09',
      to: '2021-12',
    });
    expect(comparisonRange({ from: '2021-01', to: '2022-04' }, 'previous')).toEqual({
      from: '2019-09',
      to: '2020-12',
    });
  });

  it('are compared only when the data has a record in every one of them, and say why not', () => {
    // 2021-03 is missing from the data.
    const data = { months: ['2021-01', '2021-02', '2021-04', '2022-01', '2022-02', '2022-03', '2022-04'] };
    expect(planComparison(data, { from: '2022-01', to: '2022-02' }, 'year')).toEqual({
      mode: 'year',
      range: { from: '2021-01', to: '2021-02' },
      reason: null,
    });
    const gap = planComparison(data, { from: '2022-01', to: '2022-04' }, 'year');
    expect(gap).toEqual({ mode: 'year', range: { from: '2021-01', to: '2021-04' }, reason: 'not-in-data' });
    expect(comparedOf(gap)).toBeNull();
    expect(planComparison(data, { from: '2021-01', to: '2022-04' }, 'year')).toEqual({
      mode: 'year',
      range: null,
      reason: 'overlaps',
    });
    expect(comparedOf(planComparison(data, { from: '2022-04', to: '2022-04' }, 'previous'))).toEqual({
      mode: 'previous',
      range: { from: '2022-03', to: '2022-03' },
    });
    expect(defaultCompare(data, { from: '2022-01', to: '2022-02' })).toBe('year');
    expect(defaultCompare(data, { from: '2022-01', to: '2022-04' })).toBe('previous');
  });

  it('are named by two modes only', () => {
    expect(isCompareMode('year')).toBe(true);
    expect(isCompareMode('previous')).toBe(true);
    expect(isCompareMode('last-year')).toBe(false);
  });
});

function rec(unitId: string, month: string, fieldId?: string): DatasetRecord {
  return {
    unitId,
    month,
    ...(fieldId ? { fieldId } : {}),
    carriedOver: 0,
    received: 1,
    receivedOnline: 0,
    resolvedEarly: 0,
    resolvedOnTime: 1,
    resolvedLate: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
  };
}

describe('a unit covers a range', () => {
  // u: land every month from 2021-10 to 2022-03, civil status only in 2021-11 and 2022-05; nothing in 2022-04.
  // v: no fields, 2021-12 to 2022-02.
  const index = indexDataset({
    schemaVersion: 2,
    title: 'T',
    fields: [
      { id: 'dat-dai', name: 'Đất đai' },
      { id: 'ho-tich', name: 'Hộ tịch' },
    ],
    units: [
      { id: 'u', name: 'Xã U', level: 'commune' },
      { id: 'v', name: 'Xã V', level: 'commune' },
    ],
    records: [
      ...['2021-10', '2021-11', '2021-12', '2022-01', '2022-02', '2022-03'].map((m) => rec('u', m, 'dat-dai')),
      rec('u', '2021-11', 'ho-tich'),
      rec('u', '2022-05', 'ho-tich'),
      ...['2021-12', '2022-01', '2022-02'].map((m) => rec('v', m)),
    ],
  });

  it('when it has a record of some field in every month of it, a field left out being nothing to report', () => {
    expect(unitCovers(index, 'u', { from: '2021-10', to: '2022-03' })).toBe(true);
    expect(unitCovers(index, 'u', { from: '2022-05', to: '2022-05' })).toBe(true);
    // April 2022 is missing.
    expect(unitCovers(index, 'u', { from: '2022-03', to: '2022-05' })).toBe(false);
    expect(unitCovers(index, 'u', { from: '2021-09', to: '2021-12' })).toBe(false);
  });

  it('not before it starts reporting, nor after it stops, nor for a unit with no records', () => {
    expect(unitCovers(index, 'v', { from: '2021-12', to: '2022-02' })).toBe(true);
    expect(unitCovers(index, 'v', { from: '2021-11', to: '2021-12' })).toBe(false);
    expect(unitCovers(index, 'v', { from: '2022-02', to: '2022-03' })).toBe(false);
    expect(unitCovers(index, 'nobody', { from: '2022-01', to: '2022-01' })).toBe(false);
  });
});

describe('what better means', () => {
  it('has a direction for every figure the page names: rates up, late and overdue down, volumes none', () => {
    expect(Object.keys(BETTER_WHEN).sort()).toEqual(Object.keys(FIGURE_LABEL).sort());
    const up = (Object.keys(BETTER_WHEN) as FigureKey[]).filter((k) => BETTER_WHEN[k] === 'higher');
    const down = (Object.keys(BETTER_WHEN) as FigureKey[]).filter((k) => BETTER_WHEN[k] === 'lower');
    expect(up.sort()).toEqual(['completionRate', 'level4Share', 'onTimeRate', 'onlineRate']);
    expect(down.sort()).toEqual(['pendingOverdue', 'resolvedLate']);
  });

  it('colours a change by its meaning, not its sign', () => {
    expect(changeVerdict('onlineRate', 0.6, 0.5)).toBe('better');
    expect(changeVerdict('onTimeRate', 0.9, 0.95)).toBe('worse');
    expect(changeVerdict('pendingOverdue', 12, 8)).toBe('worse');
    expect(changeVerdict('resolvedLate', 3, 8)).toBe('better');
    expect(changeVerdict('received', 120, 100)).toBe('neutral');
    expect(changeVerdict('pendingOverdue', 8, 8)).toBe('same');
    // Under half of the 0.1 point the page writes is no change: never a green "0,0 điểm %".
    expect(changeVerdict('onTimeRate', 0.9004, 0.9)).toBe('same');
    expect(changeVerdict('onTimeRate', 0.9006, 0.9)).toBe('better');
    expect(changeVerdict('onTimeRate', 0.9, null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  groupTotals,
  indexDataset,
  levelTotals,
  rangeCovered,
  summarize,
  sumTotals,
  totalsOfRecords,
  unitTotals,
} from './metrics.ts';
import type { Dataset, DatasetRecord } from './schema.ts';

function rec(unitId: string, month: string, over: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    unitId,
    month,
    carriedOver: 0,
    received: 0,
    receivedOnlineLevel3: 0,
    receivedOnlineLevel4: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    feesVnd: 0,
    ...over,
  };
}

// Unit a: Jan 10 carried + 100 received, Feb 12 carried + 50, Mar 5 carried + 20.
const a = [
  rec('a', '2022-01', {
    carriedOver: 10,
    received: 100,
    receivedOnlineLevel3: 20,
    receivedOnlineLevel4: 5,
    resolvedEarly: 30,
    resolvedOnTime: 60,
    resolvedLate: 6,
    withdrawn: 2,
    pendingWithinDeadline: 10,
    pendingOverdue: 2,
    feesVnd: 1000,
    interlinked: 7,
  }),
  rec('a', '2022-02', {
    carriedOver: 12,
    received: 50,
    receivedOnlineLevel3: 10,
    receivedOnlineLevel4: 10,
    resolvedOnTime: 57,
    pendingWithinDeadline: 5,
    feesVnd: 500,
  }),
  rec('a', '2022-03', {
    carriedOver: 5,
    received: 20,
    receivedOnlineLevel4: 4,
    resolvedOnTime: 15,
    resolvedLate: 5,
    pendingWithinDeadline: 3,
    pendingOverdue: 2,
    feesVnd: 200,
    interlinked: 3,
  }),
];
const b = [
  rec('b', '2022-01', { carriedOver: 4, received: 10, resolvedOnTime: 10, pendingWithinDeadline: 4, feesVnd: 50 }),
  rec('b', '2022-02', { carriedOver: 4, received: 0, resolvedLate: 4 }),
];

const dataset: Dataset = {
  schemaVersion: 1,
  title: 'T',
  units: [
    { id: 'd', name: 'District', level: 'district' },
    { id: 'a', name: 'A', level: 'commune', parentId: 'd' },
    { id: 'b', name: 'B', level: 'commune', parentId: 'd' },
  ],
  // Deliberately out of order: the index sorts.
  records: [a[2], b[1], a[0], b[0], a[1]] as DatasetRecord[],
};

describe('one unit over a range', () => {
  const index = indexDataset(dataset);

  it('takes carried over from the first month and pending from the last, and sums flows', () => {
    const t = unitTotals(index, 'a', { from: '2022-01', to: '2022-03' });
    expect(t).toMatchObject({
      carriedOver: 10,
      received: 170,
      receivedOnlineLevel3: 30,
      receivedOnlineLevel4: 19,
      resolvedEarly: 30,
      resolvedOnTime: 132,
      resolvedLate: 11,
      withdrawn: 2,
      pendingWithinDeadline: 3,
      pendingOverdue: 2,
      feesVnd: 1700,
      interlinked: 10,
      saturdayReceived: null,
      apologyLetters: null,
      total: 180,
      resolved: 173,
      pending: 5,
    });
    expect(t?.onTimeRate).toBeCloseTo(162 / 173, 12);
    expect(t?.onlineRate).toBeCloseTo(49 / 170, 12);
    expect(t?.completionRate).toBeCloseTo(173 / 180, 12);
  });

  it('uses the edges of a shorter range', () => {
    const t = unitTotals(index, 'a', { from: '2022-02', to: '2022-02' });
    expect(t).toMatchObject({
      carriedOver: 12,
      received: 50,
      pendingWithinDeadline: 5,
      pendingOverdue: 0,
      interlinked: null,
    });
  });

  it('is null when the unit has no record in the range', () => {
    expect(unitTotals(index, 'b', { from: '2022-03', to: '2022-03' })).toBeNull();
    expect(unitTotals(index, 'nobody', { from: '2022-01', to: '2022-03' })).toBeNull();
  });

  it('gives null rates when the denominators are zero', () => {
    const t = totalsOfRecords([rec('x', '2022-01')]);
    expect(t).toMatchObject({ onTimeRate: null, onlineRate: null, completionRate: null, total: 0 });
  });

  it('returns the same figures from its cache', () => {
    const range = { from: '2022-01', to: '2022-03' };
    expect(unitTotals(index, 'a', range)).toBe(unitTotals(index, 'a', range));
  });
});

describe('a group of units', () => {
  const index = indexDataset(dataset);

  it('sums counts and computes rates from the sums, never averaging rates', () => {
    const range = { from: '2022-01', to: '2022-02' };
    const t = groupTotals(index, ['a', 'b'], range);
    // a: on time 30+60+57 = 147 of 6+147 = 153 resolved; b: 10 of 14.
    expect(t).toMatchObject({ carriedOver: 14, received: 160, resolved: 167, pendingWithinDeadline: 5, pending: 5 });
    expect(t?.onTimeRate).toBeCloseTo(157 / 167, 12);
    const mean = (147 / 153 + 10 / 14) / 2;
    expect(t?.onTimeRate).not.toBeCloseTo(mean, 3);
  });

  it('sums an optional figure over the units that report it and keeps null when none does', () => {
    const range = { from: '2022-01', to: '2022-03' };
    expect(levelTotals(index, 'commune', range)?.interlinked).toBe(10);
    expect(levelTotals(index, 'commune', range)?.saturdayReceived).toBeNull();
  });

  it('is null for a level without data', () => {
    expect(levelTotals(index, 'district', { from: '2022-01', to: '2022-03' })).toBeNull();
    expect(sumTotals([])).toBeNull();
  });

  it('summarises levels and units in the shape of summary --json', () => {
    const s = summarize(index, { from: '2022-01', to: '2022-03' });
    expect(Object.keys(s.levels)).toEqual(['commune']);
    expect(Object.keys(s.units)).toEqual(['a', 'b']);
    expect(s.levels.commune?.received).toBe(180);
  });

  it('knows which ranges the data covers', () => {
    expect(rangeCovered(index, { from: '2022-01', to: '2022-03' })).toBe(true);
    expect(rangeCovered(index, { from: '2021-12', to: '2022-01' })).toBe(false);
  });
});

describe('figures that do not add up', () => {
  it('give no completion rate rather than one above 100 %', () => {
    const t = totalsOfRecords([rec('x', '2022-01', { carriedOver: 1, received: 2, resolvedOnTime: 5 })]);
    expect(t?.resolved).toBe(5);
    expect(t?.completionRate).toBeNull();
  });
});

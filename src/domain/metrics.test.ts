import { describe, expect, it } from 'vitest';
import {
  fieldsOfUnit,
  groupTotals,
  indexDataset,
  levelTotals,
  rangeCovered,
  recordsInRange,
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

describe('series by procedure field (contract version 2)', () => {
  // Figures chosen by hand; every record balances (carried over + received = resolved + pending).
  const v2: Dataset = {
    schemaVersion: 2,
    title: 'T',
    fields: [
      { id: 'dat-dai', name: 'Đất đai' },
      { id: 'ho-tich', name: 'Hộ tịch' },
      { id: 'xay-dung', name: 'Xây dựng' },
    ],
    units: [
      { id: 'a', name: 'Xã A', level: 'commune' },
      { id: 'b', name: 'Xã B', level: 'commune' },
    ],
    records: [
      // Land, January: the online total only, fees and an apology letter reported.
      {
        unitId: 'a',
        month: '2022-01',
        fieldId: 'dat-dai',
        carriedOver: 10,
        received: 20,
        receivedOnline: 8,
        resolvedEarly: 5,
        resolvedOnTime: 15,
        resolvedLate: 2,
        pendingWithinDeadline: 6,
        pendingOverdue: 2,
        feesVnd: 1000,
        apologyLetters: 1,
      },
      // Land, February: the levels only, no fees.
      {
        unitId: 'a',
        month: '2022-02',
        fieldId: 'dat-dai',
        carriedOver: 8,
        received: 10,
        receivedOnlineLevel3: 3,
        receivedOnlineLevel4: 1,
        resolvedEarly: 2,
        resolvedOnTime: 10,
        resolvedLate: 1,
        pendingWithinDeadline: 4,
        pendingOverdue: 1,
      },
      // Civil status starts in February: its own first month gives its stock.
      {
        unitId: 'a',
        month: '2022-02',
        fieldId: 'ho-tich',
        carriedOver: 3,
        received: 30,
        receivedOnline: 12,
        receivedOnlineLevel3: 7,
        receivedOnlineLevel4: 5,
        resolvedEarly: 10,
        resolvedOnTime: 20,
        resolvedLate: 0,
        pendingWithinDeadline: 3,
        pendingOverdue: 0,
        feesVnd: 600,
      },
      // Unit b does not report by field.
      rec('b', '2022-01', {
        received: 5,
        receivedOnlineLevel3: 1,
        receivedOnlineLevel4: 1,
        resolvedOnTime: 5,
        feesVnd: 100,
      }),
      rec('b', '2022-02', {
        received: 4,
        receivedOnlineLevel3: 0,
        receivedOnlineLevel4: 2,
        resolvedOnTime: 3,
        pendingWithinDeadline: 1,
        feesVnd: 50,
      }),
    ],
  };
  const index = indexDataset(v2);
  const both = { from: '2022-01', to: '2022-02' };
  const feb = { from: '2022-02', to: '2022-02' };

  it('one field of a unit: stocks at its first and last months, flows summed, the split null when one month lacks it', () => {
    expect(unitTotals(index, 'a', both, 'dat-dai')).toEqual({
      carriedOver: 10,
      received: 30,
      receivedOnline: 12, // 8 + (3 + 1)
      receivedOnlineLevel3: null, // January gives no split
      receivedOnlineLevel4: null,
      resolvedEarly: 7,
      resolvedOnTime: 25,
      resolvedLate: 3,
      withdrawn: 0,
      pendingWithinDeadline: 4,
      pendingOverdue: 1,
      feesVnd: 1000, // February reports none
      interlinked: null,
      saturdayReceived: null,
      apologyLetters: 1,
      total: 40,
      resolved: 35,
      pending: 5,
      onTimeRate: 32 / 35,
      onlineRate: 12 / 30,
      completionRate: 35 / 40,
    });
  });

  it('a unit is the sum of its fields, each stock taken at its own series’ edge', () => {
    const a = unitTotals(index, 'a', both);
    // Carried over: land's January 10 + civil status's February 3 (its own first month) = 13.
    expect(a).toMatchObject({
      carriedOver: 13,
      received: 60,
      receivedOnline: 24,
      receivedOnlineLevel3: null,
      resolvedEarly: 17,
      resolvedOnTime: 45,
      resolvedLate: 3,
      pendingWithinDeadline: 7,
      pendingOverdue: 1,
      feesVnd: 1600,
      apologyLetters: 1,
      total: 73,
      resolved: 65,
    });
    expect(a?.onTimeRate).toBe(62 / 65);
    expect(a?.onlineRate).toBe(24 / 60);
  });

  it('in February every record gives the split, so it is summed; fees only where reported', () => {
    const a = unitTotals(index, 'a', feb);
    expect(a).toMatchObject({ receivedOnline: 16, receivedOnlineLevel3: 10, receivedOnlineLevel4: 6, feesVnd: 600 });
    expect(unitTotals(index, 'a', feb, 'dat-dai')?.feesVnd).toBeNull();
    expect(levelTotals(index, 'commune', feb)).toMatchObject({
      receivedOnline: 18,
      receivedOnlineLevel3: 10,
      receivedOnlineLevel4: 8,
      feesVnd: 650,
    });
  });

  it('a level by field sums the units that report that field; a unit without fields has none', () => {
    expect(levelTotals(index, 'commune', both)).toMatchObject({ carriedOver: 13, received: 69, receivedOnline: 28 });
    expect(levelTotals(index, 'commune', both)?.receivedOnlineLevel3).toBeNull();
    expect(levelTotals(index, 'commune', both)?.onTimeRate).toBe(70 / 73);
    expect(levelTotals(index, 'commune', both, 'ho-tich')).toEqual(unitTotals(index, 'a', both, 'ho-tich'));
    expect(unitTotals(index, 'b', both, 'ho-tich')).toBeNull();
    expect(levelTotals(index, 'commune', both, 'xay-dung')).toBeNull();
  });

  it('lists only the fields that records use, and the fields of each unit', () => {
    expect(index.fields.map((f) => f.id)).toEqual(['dat-dai', 'ho-tich']);
    expect(fieldsOfUnit(index, 'a').map((f) => f.id)).toEqual(['dat-dai', 'ho-tich']);
    expect(fieldsOfUnit(index, 'b')).toEqual([]);
    expect(recordsInRange(index, 'a', both).map((r) => `${r.month} ${r.fieldId}`)).toEqual([
      '2022-01 dat-dai',
      '2022-02 dat-dai',
      '2022-02 ho-tich',
    ]);
  });

  it('summarises by field in the shape of summary --json, only when the data has fields', () => {
    const s = summarize(index, both);
    expect(Object.keys(s.fields?.commune ?? {})).toEqual(['dat-dai', 'ho-tich']);
    expect(s.fields?.commune?.['dat-dai']?.received).toBe(30);
    expect(Object.keys(s.unitFields ?? {})).toEqual(['a']);
    expect(s.unitFields?.a?.['ho-tich']?.carriedOver).toBe(3);
    expect(summarize(indexDataset(dataset), both).fields).toBeUndefined();
  });

  it('gives a version-1 record its online total as level 3 + level 4', () => {
    // Unit a of the version-1 dataset above, January: 20 + 5 online of 100 received.
    expect(unitTotals(indexDataset(dataset), 'a', { from: '2022-01', to: '2022-01' })).toMatchObject({
      receivedOnline: 25,
      receivedOnlineLevel3: 20,
      receivedOnlineLevel4: 5,
      onlineRate: 0.25,
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  CHANNEL_PICKS,
  FLOW_PICKS,
  headline,
  levelMonthRows,
  periodPresets,
  type Selection,
  scopeMonthRows,
  seriesByFigure,
  seriesByGroup,
  unitRows,
} from './dashboard.ts';
import { indexDataset } from './metrics.ts';
import type { Dataset, DatasetRecord } from './schema.ts';

function rec(unitId: string, month: string, o: Partial<DatasetRecord>): DatasetRecord {
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
    ...o,
  };
}

// Two months before and two in the selection, so a previous period exists.
const dataset: Dataset = {
  schemaVersion: 1,
  title: 'T',
  targets: { onTimeRate: 0.9 },
  units: [
    { id: 'd', name: 'Huyện', level: 'district' },
    { id: 'x', name: 'Xã X', level: 'commune', parentId: 'd' },
    { id: 'y', name: 'Xã Y', level: 'commune', parentId: 'd' },
  ],
  records: [
    rec('d', '2022-01', { received: 100, resolvedOnTime: 100, feesVnd: 10 }),
    rec('d', '2022-02', { received: 100, resolvedOnTime: 100, feesVnd: 10 }),
    rec('d', '2022-03', { received: 200, receivedOnlineLevel4: 50, resolvedOnTime: 200, feesVnd: 20 }),
    rec('d', '2022-04', {
      received: 200,
      receivedOnlineLevel3: 50,
      resolvedOnTime: 190,
      pendingOverdue: 10,
      feesVnd: 20,
    }),
    rec('x', '2022-01', { received: 10, resolvedOnTime: 5, resolvedLate: 5 }),
    rec('x', '2022-02', { received: 10, resolvedOnTime: 10 }),
    rec('x', '2022-03', { received: 10, receivedOnlineLevel3: 5, resolvedOnTime: 8, resolvedLate: 2, feesVnd: 3 }),
    rec('x', '2022-04', { received: 10, receivedOnlineLevel4: 5, resolvedOnTime: 10, feesVnd: 4 }),
    rec('y', '2022-03', { received: 30, resolvedEarly: 30, feesVnd: 7 }),
    rec('y', '2022-04', { received: 30, resolvedOnTime: 30, interlinked: 3 }),
  ],
};
const index = indexDataset(dataset);
const selection: Selection = { range: { from: '2022-03', to: '2022-04' }, level: 'all', unitId: null, field: null };

describe('headline', () => {
  it('gives one group per level with the previous period of the same length', () => {
    const h = headline(index, selection);
    expect(h.previousRange).toEqual({ from: '2022-01', to: '2022-02' });
    expect(h.targets).toEqual({ onTimeRate: 0.9, onlineRate: 0.5 });
    expect(h.groups.map((g) => g.kind)).toEqual(['district', 'commune']);
    const communes = h.groups[1];
    expect(communes?.current).toMatchObject({ received: 80, resolved: 80, interlinked: 3, feesVnd: 14 });
    expect(communes?.current.onTimeRate).toBeCloseTo(78 / 80, 12);
    // y has no record in the previous period: only x counts there.
    expect(communes?.previous).toMatchObject({ received: 20, resolved: 20 });
  });

  it('has no previous period when the data does not cover it', () => {
    const h = headline(index, { ...selection, range: { from: '2022-01', to: '2022-02' } });
    expect(h.previousRange).toBeNull();
    expect(h.groups[0]?.previous).toBeNull();
  });

  it('shows the one unit drilled into', () => {
    const h = headline(index, { ...selection, unitId: 'x' });
    expect(h.groups).toHaveLength(1);
    expect(h.groups[0]).toMatchObject({ kind: 'unit', label: 'Xã X' });
  });
});

describe('unit rows', () => {
  it('ranks by on-time rate and marks units under target', () => {
    const rows = unitRows(index, selection);
    expect(rows.map((r) => [r.rank, r.unitId])).toEqual([
      [1, 'd'],
      [2, 'y'],
      [3, 'x'],
    ]);
    // d and y both resolve all on time; d ranks first on its higher online rate (100/400 vs 0/60).
    const x = rows.find((r) => r.unitId === 'x');
    expect(x?.totals.onTimeRate).toBeCloseTo(18 / 20, 12);
    expect(x?.belowOnTimeTarget).toBe(false);
    expect(x?.onTimeChange).toBeCloseTo(18 / 20 - 15 / 20, 12);
    expect(x?.level4Share).toBeCloseTo(5 / 20, 12);
    expect(rows.find((r) => r.unitId === 'y')?.onTimeChange).toBeNull();
  });

  it('keeps the whole level listed when one unit is drilled into', () => {
    expect(unitRows(index, { ...selection, level: 'commune', unitId: 'x' }).map((r) => r.unitId)).toEqual(['y', 'x']);
  });
});

describe('series', () => {
  it('splits months by level and picks one figure', () => {
    const points = seriesByGroup(levelMonthRows(index, selection), (t) => t.feesVnd);
    expect(points).toEqual([
      { month: '2022-03', values: { district: 20, commune: 10 } },
      { month: '2022-04', values: { district: 20, commune: 4 } },
    ]);
  });

  it('stacks the dossier flow and the channels of the scope', () => {
    const rows = scopeMonthRows(index, { ...selection, unitId: 'd' });
    expect(seriesByFigure(rows, FLOW_PICKS)[1]?.values).toEqual({
      resolvedEarly: 0,
      resolvedOnTime: 190,
      resolvedLate: 0,
      withdrawn: 0,
      pendingWithinDeadline: 0,
      pendingOverdue: 10,
    });
    expect(seriesByFigure(rows, CHANNEL_PICKS)[0]?.values).toEqual({
      receivedOnlineLevel4: 50,
      receivedOnlineLevel3: 0,
      offline: 150,
    });
  });
});

describe('period presets', () => {
  it('offers the whole span, the last 12 months, each year and each quarter, clipped to the data', () => {
    const presets = periodPresets({ from: '2021-01', to: '2022-04' });
    expect(presets.map((p) => p.id)).toEqual([
      'all',
      'last12',
      '2021',
      '2022',
      '2021-Q1',
      '2021-Q2',
      '2021-Q3',
      '2021-Q4',
      '2022-Q1',
      '2022-Q2',
    ]);
    expect(presets.find((p) => p.id === 'last12')?.range).toEqual({ from: '2021-05', to: '2022-04' });
    expect(presets.find((p) => p.id === '2022')?.range).toEqual({ from: '2022-01', to: '2022-04' });
    expect(presets.find((p) => p.id === '2022-Q2')?.range).toEqual({ from: '2022-04', to: '2022-04' });
  });
});

describe('top and bottom', () => {
  it('keeps every row up to twice the limit, else the best and the weakest', async () => {
    const { topAndBottom } = await import('./dashboard.ts');
    const rows = [5, 1, 9, 3, 7, null, 2].map((v, i) => ({ i, v }));
    expect(topAndBottom(rows, (r) => r.v, 4)).toHaveLength(7);
    expect(topAndBottom(rows, (r) => r.v, 2).map((r) => r.v)).toEqual([9, 7, 2, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  accountabilityRows,
  CHANNEL_PICKS,
  CHANNEL_TOTAL_PICKS,
  dashboardFigures,
  FLOW_PICKS,
  fieldRows,
  headline,
  LEVEL_FILTERS,
  levelMonthRows,
  levelsFor,
  periodPresets,
  reportingOf,
  type Selection,
  scopeMonthRows,
  seriesByFigure,
  seriesByGroup,
  unitFieldMatrix,
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

/**
 * A province with two communes and no district, reporting by field with online
 * totals only (contract version 2). Previous period 2025-07..08, selection
 * 2025-09..10. Every figure below is worked out by hand from these records.
 */
function fr(unitId: string, month: string, fieldId: string, o: Partial<DatasetRecord>): DatasetRecord {
  const r: DatasetRecord = {
    unitId,
    month,
    fieldId,
    carriedOver: 0,
    received: 0,
    receivedOnline: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    ...o,
  };
  return r;
}

const province: Dataset = {
  schemaVersion: 2,
  title: 'Tỉnh Thử',
  targets: { onTimeRate: 0.9, onlineRate: 0.5 },
  fields: [
    { id: 'dat-dai', name: 'Đất đai', code: '01' },
    { id: 'ho-tich', name: 'Hộ tịch' },
  ],
  units: [
    { id: 'p', name: 'Tỉnh Thử', level: 'province' },
    { id: 'x', name: 'Xã X', level: 'commune', parentId: 'p' },
    { id: 'y', name: 'Xã Y', level: 'commune', parentId: 'p' },
  ],
  records: [
    fr('x', '2025-07', 'dat-dai', { received: 10, receivedOnline: 1, resolvedOnTime: 10 }),
    fr('x', '2025-08', 'dat-dai', { received: 10, receivedOnline: 1, resolvedOnTime: 10 }),
    fr('x', '2025-09', 'dat-dai', { received: 10, receivedOnline: 2, resolvedOnTime: 8, resolvedLate: 2 }),
    fr('x', '2025-10', 'dat-dai', {
      received: 10,
      receivedOnline: 3,
      resolvedOnTime: 9,
      pendingOverdue: 1,
      apologyLetters: 1,
    }),
    fr('x', '2025-09', 'ho-tich', { received: 20, receivedOnline: 16, resolvedOnTime: 20 }),
    fr('x', '2025-10', 'ho-tich', { received: 20, receivedOnline: 14, resolvedOnTime: 20 }),
    fr('y', '2025-09', 'dat-dai', { received: 10, receivedOnline: 6, resolvedEarly: 5, resolvedOnTime: 5 }),
    fr('y', '2025-10', 'dat-dai', { received: 10, receivedOnline: 6, resolvedOnTime: 10 }),
    fr('y', '2025-09', 'ho-tich', { received: 10, receivedOnline: 2, resolvedOnTime: 10 }),
    fr('y', '2025-10', 'ho-tich', { received: 10, receivedOnline: 2, resolvedOnTime: 9, resolvedLate: 1 }),
    fr('p', '2025-09', 'dat-dai', { received: 50, receivedOnline: 30, resolvedOnTime: 50, feesVnd: 5000 }),
    fr('p', '2025-10', 'dat-dai', { received: 50, receivedOnline: 30, resolvedOnTime: 50, feesVnd: 5000 }),
  ],
};
const pIndex = indexDataset(province);
const communes: Selection = { range: { from: '2025-09', to: '2025-10' }, level: 'commune', unitId: null, field: null };

describe('levels named from the data', () => {
  it('offers the levels the data has, province and commune, and no district', () => {
    expect(LEVEL_FILTERS).toContain('province');
    expect(levelsFor(pIndex, 'all')).toEqual(['province', 'commune']);
    expect(levelsFor(pIndex, 'district')).toEqual([]);
    expect(headline(pIndex, { ...communes, level: 'all' }).groups.map((g) => g.kind)).toEqual(['province', 'commune']);
  });
});

describe('a selected field restricts every figure', () => {
  const land: Selection = { ...communes, level: 'all', field: 'dat-dai' };

  it('in the headline, per level', () => {
    const h = headline(pIndex, land);
    // Communes, land: x 20 received, 5 online, 17 on time of 19 resolved; y 20, 12, 20 of 20.
    expect(h.groups[1]?.current).toMatchObject({ received: 40, receivedOnline: 17, resolved: 39, resolvedLate: 2 });
    expect(h.groups[1]?.current.onTimeRate).toBe(37 / 39);
    // Only x has land in the previous period: 20 received, 2 online.
    expect(h.groups[1]?.previous).toMatchObject({ received: 20, receivedOnline: 2 });
    expect(h.groups[0]?.current).toMatchObject({ received: 100, feesVnd: 10000 });
  });

  it('in the unit rows, the month rows and the reporting flags', () => {
    expect(unitRows(pIndex, land).map((r) => [r.unitId, r.totals.received])).toEqual([
      ['p', 100],
      ['y', 20],
      ['x', 20],
    ]);
    expect(scopeMonthRows(pIndex, { ...land, level: 'commune' }).map((m) => m.totals?.received)).toEqual([20, 20]);
    expect(levelMonthRows(pIndex, land)[1]?.byLevel).toMatchObject({
      province: { received: 50 },
      commune: { received: 20, receivedOnline: 9 },
    });
    // Online totals only, so no split; fees only at the province.
    expect(reportingOf(pIndex, land)).toEqual({ onlineSplit: false, fees: true });
    expect(reportingOf(pIndex, communes)).toEqual({ onlineSplit: false, fees: false });
  });

  it('to nothing for a field no unit in scope reports', () => {
    expect(headline(pIndex, { ...communes, field: 'xay-dung' }).groups).toEqual([]);
    expect(fieldRows(pIndex, { ...communes, field: 'xay-dung' })).toEqual([]);
  });
});

describe('rows by field', () => {
  it('give each field over the units in scope, with the previous period and the targets', () => {
    const rows = fieldRows(pIndex, communes);
    expect(rows.map((r) => [r.fieldId, r.name, r.code, r.unitCount])).toEqual([
      ['dat-dai', 'Đất đai', '01', 2],
      ['ho-tich', 'Hộ tịch', undefined, 2],
    ]);
    const [land, civil] = rows;
    // Land: 40 received, 17 online (42.5 % < 50 %), 37 on time of 39 (94.9 % ≥ 90 %).
    expect(land?.totals).toMatchObject({ received: 40, receivedOnline: 17, resolvedLate: 2, pendingOverdue: 1 });
    expect(land?.belowOnlineTarget).toBe(true);
    expect(land?.belowOnTimeTarget).toBe(false);
    expect(land?.onlineChange).toBeCloseTo(17 / 40 - 2 / 20, 12);
    // Civil status: 60 received, 34 online (56.7 %), 59 on time of 60; nothing in the previous period.
    expect(civil?.totals.onTimeRate).toBe(59 / 60);
    expect(civil?.belowOnlineTarget).toBe(false);
    expect(civil?.previous).toBeNull();
    expect(civil?.onTimeChange).toBeNull();
  });

  it('give the one field selected', () => {
    expect(fieldRows(pIndex, { ...communes, field: 'ho-tich' }).map((r) => r.fieldId)).toEqual(['ho-tich']);
  });
});

describe('the unit × field table', () => {
  it('has a cell per unit and field with the on-time rate and overdue count, and the totals behind them', () => {
    const m = unitFieldMatrix(pIndex, communes);
    expect(m.fields.map((f) => f.id)).toEqual(['dat-dai', 'ho-tich']);
    expect(m.rows.map((r) => r.unitId)).toEqual(['x', 'y']);
    const [x, y] = m.rows;
    // x, land: 17 on time of 19 (89.5 % < 90 %), 1 overdue at the end of October.
    expect(x?.cells[0]).toMatchObject({ fieldId: 'dat-dai', onTimeRate: 17 / 19, overdue: 1, belowOnTimeTarget: true });
    expect(x?.cells[0]?.totals?.received).toBe(20);
    expect(x?.cells[1]).toMatchObject({ fieldId: 'ho-tich', onTimeRate: 1, overdue: 0, belowOnTimeTarget: false });
    expect(x?.totals.received).toBe(60);
    expect(y?.cells[1]?.onTimeRate).toBe(19 / 20);
  });

  it('keeps a column per field in view, empty where a unit has no record of it', () => {
    const m = unitFieldMatrix(pIndex, { ...communes, level: 'all' });
    expect(m.rows.map((r) => r.unitId)).toEqual(['p', 'x', 'y']);
    expect(m.rows[0]?.cells[1]).toEqual({
      fieldId: 'ho-tich',
      totals: null,
      onTimeRate: null,
      overdue: null,
      belowOnTimeTarget: false,
    });
    const civil = unitFieldMatrix(pIndex, { ...communes, field: 'ho-tich' });
    expect(civil.fields.map((f) => f.id)).toEqual(['ho-tich']);
    expect(civil.rows[0]?.totals.received).toBe(40);
  });
});

describe('accountability rows', () => {
  it('list the units and fields with late or overdue dossiers, most first, with apology letters where reported', () => {
    expect(accountabilityRows(pIndex, communes)).toEqual([
      {
        unitId: 'x',
        name: 'Xã X',
        level: 'commune',
        resolvedLate: 2,
        pendingOverdue: 1,
        apologyLetters: 1,
        fields: [{ fieldId: 'dat-dai', name: 'Đất đai', resolvedLate: 2, pendingOverdue: 1, apologyLetters: 1 }],
      },
      {
        unitId: 'y',
        name: 'Xã Y',
        level: 'commune',
        resolvedLate: 1,
        pendingOverdue: 0,
        // y reports no apology letters: not reported, never 0.
        apologyLetters: null,
        fields: [{ fieldId: 'ho-tich', name: 'Hộ tịch', resolvedLate: 1, pendingOverdue: 0, apologyLetters: null }],
      },
    ]);
  });

  it('follow the selected field', () => {
    expect(
      accountabilityRows(pIndex, { ...communes, field: 'ho-tich' }).map((r) => [r.unitId, r.resolvedLate]),
    ).toEqual([['y', 1]]);
  });
});

describe('dashboardFigures with fields', () => {
  it('carries the rows by field and draws online as one total where the split is not reported', () => {
    const f = dashboardFigures(pIndex, communes);
    expect(f.reporting).toEqual({ onlineSplit: false, fees: false });
    expect(f.fields.map((r) => r.fieldId)).toEqual(['dat-dai', 'ho-tich']);
    expect(f.fieldMatrix.rows).toHaveLength(2);
    expect(f.accountability.map((r) => r.unitId)).toEqual(['x', 'y']);
    // September, communes: 50 received, 26 online (2 + 16 + 6 + 2).
    expect(f.channel[0]?.values).toEqual({ receivedOnline: 26, offline: 24 });
    expect(f.feesByMonth[0]?.values).toEqual({ commune: null });
  });

  it('keeps the level 3/4 split where every record gives it, and has no field rows without fields', () => {
    const f = dashboardFigures(index, selection);
    expect(f.reporting).toEqual({ onlineSplit: true, fees: true });
    expect(Object.keys(f.channel[0]?.values ?? {})).toEqual([
      'receivedOnlineLevel4',
      'receivedOnlineLevel3',
      'offline',
    ]);
    expect(f.fields).toEqual([]);
    expect(f.fieldMatrix).toEqual({ fields: [], rows: [] });
  });

  it('draws the channels as the split picks or the total picks say', () => {
    // Communes over September and October: 100 received, 51 online (5 + 30 + 12 + 4 by unit and field).
    const row = { month: '2025-09', totals: headline(pIndex, communes).groups[0]?.current ?? null };
    expect(seriesByFigure([row], CHANNEL_TOTAL_PICKS)[0]?.values).toEqual({ receivedOnline: 51, offline: 49 });
    expect(seriesByFigure([row], CHANNEL_PICKS)[0]?.values).toEqual({
      receivedOnlineLevel4: null,
      receivedOnlineLevel3: null,
      offline: 49,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultCompare } from './comparison-plan.ts';
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
  parseTargetPercent,
  periodPresets,
  reportingOf,
  resolveTargets,
  type Selection,
  scopeMonthRows,
  seriesByFigure,
  seriesByGroup,
  targetsOf,
  unitChanges,
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
const selection: Selection = {
  range: { from: '2022-03', to: '2022-04' },
  level: 'all',
  unitId: null,
  field: null,
  compare: 'previous',
};

describe('headline', () => {
  it('gives one group per level with the previous period of the same length', () => {
    const h = headline(index, selection);
    expect(h.compare).toEqual({ mode: 'previous', range: { from: '2022-01', to: '2022-02' } });
    expect(h.comparison).toEqual({ mode: 'previous', range: { from: '2022-01', to: '2022-02' }, reason: null });
    expect(h.previousRange).toEqual({ from: '2022-01', to: '2022-02' });
    // The dataset sets the on-time target only; the online target is the default, and says so.
    expect(h.targets).toEqual({
      onTimeRate: 0.9,
      onlineRate: 0.5,
      source: { onTimeRate: 'dataset', onlineRate: 'default' },
      dataset: { onTimeRate: 0.9, onlineRate: null },
    });
    expect(h.groups.map((g) => g.kind)).toEqual(['district', 'commune']);
    // The district reported every month: January and February, 100 received and resolved each.
    expect(h.groups[0]?.previous).toMatchObject({ received: 200, resolved: 200 });
    expect(h.groups[0]?.coverage).toEqual({ units: 1, incomplete: 0, incompleteNames: [] });
    const communes = h.groups[1];
    expect(communes?.current).toMatchObject({ received: 80, resolved: 80, interlinked: 3, feesVnd: 14 });
    expect(communes?.current.onTimeRate).toBeCloseTo(78 / 80, 12);
    // y has no record in the previous period: the level gets no comparison rather than x's figures
    // (20 received) against x and y together now (80), and says who is missing.
    expect(communes?.previous).toBeNull();
    expect(communes?.coverage).toEqual({ units: 2, incomplete: 1, incompleteNames: ['Xã Y'] });
  });

  it('has no previous period when the data does not cover it', () => {
    const h = headline(index, { ...selection, range: { from: '2022-01', to: '2022-02' } });
    expect(h.previousRange).toBeNull();
    expect(h.compare).toBeNull();
    expect(h.comparison).toEqual({
      mode: 'previous',
      range: { from: '2021-11', to: '2021-12' },
      reason: 'not-in-data',
    });
    expect(h.groups[0]?.previous).toBeNull();
    expect(h.groups[0]?.coverage).toBeNull();
  });

  it('shows the one unit drilled into', () => {
    const h = headline(index, { ...selection, unitId: 'x' });
    expect(h.groups).toHaveLength(1);
    expect(h.groups[0]).toMatchObject({ kind: 'unit', label: 'Xã X' });
  });
});

describe('unit rows', () => {
  it('ranks by on-time rate among units of the same level, and marks units under target', () => {
    const rows = unitRows(index, selection);
    // The district d is first of its own level and never ranked among its communes y and x.
    expect(rows.map((r) => [r.level, r.rank, r.unitId])).toEqual([
      ['district', 1, 'd'],
      ['commune', 1, 'y'],
      ['commune', 2, 'x'],
    ]);
    // y resolves all on time (100 %), x 18 of 20 (90 %).
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
const communes: Selection = {
  range: { from: '2025-09', to: '2025-10' },
  level: 'commune',
  unitId: null,
  field: null,
  compare: 'previous',
};

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
    // Only x has records in July and August; y, with land now, has none then: no comparison for the level.
    expect(h.groups[1]?.previous).toBeNull();
    expect(h.groups[1]?.coverage).toEqual({ units: 2, incomplete: 1, incompleteNames: ['Xã Y'] });
    // x alone is compared: land in July and August, 20 received, 2 online.
    const x = headline(pIndex, { ...land, unitId: 'x' });
    expect(x.groups[0]?.previous).toMatchObject({ received: 20, receivedOnline: 2 });
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
    // y has land now but no record in July or August: no comparison for land over both communes.
    expect(land?.previous).toBeNull();
    expect(land?.onlineChange).toBeNull();
    expect(land?.coverage).toEqual({ units: 2, incomplete: 1, incompleteNames: ['Xã Y'] });
    // Civil status: 60 received, 34 online (56.7 %), 59 on time of 60; nothing in the previous period.
    expect(civil?.totals.onTimeRate).toBe(59 / 60);
    expect(civil?.belowOnlineTarget).toBe(false);
    expect(civil?.previous).toBeNull();
    expect(civil?.onTimeChange).toBeNull();
  });

  it('compare one unit by field: its months decide, a field it had nothing in then has no figures then', () => {
    const [land, civil] = fieldRows(pIndex, { ...communes, unitId: 'x' });
    // x, land: now 5 online of 20 received (25 %); July and August 2 of 20 (10 %).
    expect(land?.previous).toMatchObject({ received: 20, receivedOnline: 2 });
    expect(land?.onlineChange).toBeCloseTo(5 / 20 - 2 / 20, 12);
    // x reported July and August (land) but no civil status then: covered, with nothing to compare.
    expect(civil?.coverage).toEqual({ units: 1, incomplete: 0, incompleteNames: [] });
    expect(civil?.previous).toBeNull();
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

/**
 * Two winters: a district and commune A report from November 2020 to April
 * 2022; commune B starts in July 2021. Every figure below is worked out by
 * hand from these records.
 *   H, every month: 100 received, 30 online (20 + 10), 95 on time, 5 late.
 *   A, Nov 2020–Feb 2021: 10 received, 2 online, 8 on time, 2 late.
 *   A, Nov 2021–Feb 2022: 10 received, 5 online (3 + 2), 9 on time, 1 late.
 *   A, any other month: 10 received, none online, 10 on time.
 *   B, every month from July 2021: 20 received, 10 online, 20 on time.
 */
const winters = (() => {
  const records: DatasetRecord[] = [];
  const months = (from: string, to: string) => {
    const out: string[] = [];
    for (let m = from; m <= to; m = m.endsWith('-12') ? `${Number(m.slice(0, 4)) + 1}-01` : next(m)) out.push(m);
    return out;
  };
  const next = (m: string) => `${m.slice(0, 5)}${String(Number(m.slice(5)) + 1).padStart(2, '0')}`;
  for (const m of months('2020-11', '2022-04')) {
    records.push(
      rec('h', m, {
        received: 100,
        receivedOnlineLevel3: 20,
        receivedOnlineLevel4: 10,
        resolvedOnTime: 95,
        resolvedLate: 5,
      }),
    );
    const earlier = m >= '2020-11' && m <= '2021-02';
    const later = m >= '2021-11' && m <= '2022-02';
    records.push(
      rec(
        'a',
        m,
        earlier
          ? { received: 10, receivedOnlineLevel3: 2, resolvedOnTime: 8, resolvedLate: 2 }
          : later
            ? { received: 10, receivedOnlineLevel3: 3, receivedOnlineLevel4: 2, resolvedOnTime: 9, resolvedLate: 1 }
            : { received: 10, resolvedOnTime: 10 },
      ),
    );
    if (m >= '2021-07') records.push(rec('b', m, { received: 20, receivedOnlineLevel3: 10, resolvedOnTime: 20 }));
  }
  return indexDataset({
    schemaVersion: 1,
    title: 'Hai mùa đông',
    units: [
      { id: 'h', name: 'Huyện H', level: 'district' },
      { id: 'a', name: 'Xã A', level: 'commune', parentId: 'h' },
      { id: 'b', name: 'Xã B', level: 'commune', parentId: 'h' },
    ],
    records,
  });
})();
const winter: Selection = {
  range: { from: '2021-11', to: '2022-02' },
  level: 'all',
  unitId: null,
  field: null,
  compare: 'year',
};

describe('compared with the same months a year earlier', () => {
  it('shifts a range that crosses a year as a whole: November–February against November–February', () => {
    const h = headline(winters, winter);
    expect(h.compare).toEqual({ mode: 'year', range: { from: '2020-11', to: '2021-02' } });
    // The district: 400 received, 120 online, 380 on time of 400, both winters: no change.
    expect(h.groups[0]?.current).toMatchObject({ received: 400, receivedOnline: 120, resolved: 400 });
    expect(h.groups[0]?.previous).toMatchObject({ received: 400, receivedOnline: 120, resolved: 400 });
    expect(h.groups[0]?.current.onTimeRate).toBe(0.95);
  });

  it('gives a unit both rates’ change: A from 80 % to 90 % on time and from 20 % to 50 % online', () => {
    const a = unitRows(winters, winter).find((r) => r.unitId === 'a');
    // Now 36 on time of 40 resolved, 20 online of 40; a year earlier 32 of 40 and 8 of 40.
    expect(a?.totals.onTimeRate).toBe(36 / 40);
    expect(a?.previous?.onTimeRate).toBe(32 / 40);
    expect(a?.onTimeChange).toBeCloseTo(0.1, 12);
    expect(a?.previous?.onlineRate).toBe(8 / 40);
    expect(a?.onlineChange).toBeCloseTo(0.3, 12);
  });

  it('gives a unit that started mid-year no comparison, and its level none, rather than a wrong one', () => {
    for (const range of [winter.range, { from: '2022-01', to: '2022-04' }]) {
      const b = unitRows(winters, { ...winter, range }).find((r) => r.unitId === 'b');
      // B started in July 2021: nothing to set against, not a partial figure.
      expect(b?.previous).toBeNull();
      expect(b?.onTimeChange).toBeNull();
      expect(b?.onlineChange).toBeNull();
      const communes = headline(winters, { ...winter, range }).groups[1];
      expect(communes?.previous).toBeNull();
      expect(communes?.coverage).toEqual({ units: 2, incomplete: 1, incompleteNames: ['Xã B'] });
    }
  });

  it('compares with the previous period when asked: July–October 2021, which B covers', () => {
    const h = headline(winters, { ...winter, compare: 'previous' });
    expect(h.compare).toEqual({ mode: 'previous', range: { from: '2021-07', to: '2021-10' } });
    // Communes, July–October: A 40 received, none online, 40 on time; B 80, 40 online, 80 on time.
    expect(h.groups[1]?.previous).toMatchObject({ received: 120, receivedOnline: 40, resolved: 120 });
    expect(h.groups[1]?.coverage).toEqual({ units: 2, incomplete: 0, incompleteNames: [] });
    const rows = unitRows(winters, { ...winter, compare: 'previous' });
    const a = rows.find((r) => r.unitId === 'a');
    expect(a?.onTimeChange).toBeCloseTo(36 / 40 - 1, 12);
    expect(a?.onlineChange).toBeCloseTo(20 / 40, 12);
    expect(rows.find((r) => r.unitId === 'b')?.onlineChange).toBe(0);
  });

  it('has none for a range longer than a year, or one whose months a year earlier the data lacks', () => {
    const long = headline(winters, { ...winter, range: { from: '2021-01', to: '2022-02' } });
    expect(long.comparison).toEqual({ mode: 'year', range: null, reason: 'overlaps' });
    expect(long.compare).toBeNull();
    const early = headline(winters, { ...winter, range: { from: '2021-01', to: '2021-02' } });
    expect(early.comparison).toEqual({
      mode: 'year',
      range: { from: '2020-01', to: '2020-02' },
      reason: 'not-in-data',
    });
    expect(early.groups.every((g) => g.previous === null && g.coverage === null)).toBe(true);
  });

  it('opens on the same months a year earlier when the data has them, else on the previous period', () => {
    expect(defaultCompare(winters, winter.range)).toBe('year');
    expect(defaultCompare(winters, { from: '2021-11', to: '2021-11' })).toBe('year');
    // January 2020 is not in the data; the whole span is longer than a year.
    expect(defaultCompare(winters, { from: '2021-01', to: '2021-04' })).toBe('previous');
    expect(defaultCompare(winters, { from: '2020-11', to: '2022-04' })).toBe('previous');
  });
});

describe('the change of both rates per unit', () => {
  it('lists the units of one level with both rates then and now, largest fall first, and who has none', () => {
    const year = unitChanges(winters, winter);
    expect(year.level).toBe('commune');
    expect(year.compare).toEqual({ mode: 'year', range: { from: '2020-11', to: '2021-02' } });
    // Only A can be compared; 90 % is below the default 95 % target.
    expect(year.onTime.rows).toEqual([
      {
        unitId: 'a',
        name: 'Xã A',
        previous: 0.8,
        current: 0.9,
        change: 0.9 - 0.8,
        verdict: 'better',
        belowTarget: true,
      },
    ]);
    expect(year.onTime.withoutComparison).toEqual(['Xã B']);
    const previous = unitChanges(winters, { ...winter, compare: 'previous' });
    // On time: A 100 % → 90 % (worse), B 100 % → 100 % (same). Online: B 50 % → 50 %, A 0 % → 50 %.
    expect(previous.onTime.rows.map((r) => [r.name, r.verdict])).toEqual([
      ['Xã A', 'worse'],
      ['Xã B', 'same'],
    ]);
    expect(previous.online.rows.map((r) => [r.name, r.change, r.verdict, r.belowTarget])).toEqual([
      ['Xã B', 0, 'same', false],
      ['Xã A', 0.5, 'better', false],
    ]);
    expect(previous.online.withoutComparison).toEqual([]);
  });

  it('compares the drilled-into unit with its own level, never the district among its communes', () => {
    expect(unitChanges(winters, { ...winter, unitId: 'a' }).level).toBe('commune');
    expect(unitChanges(winters, { ...winter, level: 'district' }).onTime.rows.map((r) => r.unitId)).toEqual(['h']);
  });

  it('comes with the dashboard figures, with what they are compared with', () => {
    const f = dashboardFigures(winters, winter);
    expect(f.compare).toEqual(f.headline.compare);
    expect(f.change.onTime.rows.map((r) => r.unitId)).toEqual(['a']);
  });
});

describe('targets say where they come from', () => {
  it('are the dataset’s, else the defaults, labelled as such', () => {
    expect(resolveTargets(undefined)).toEqual({
      onTimeRate: 0.95,
      onlineRate: 0.5,
      source: { onTimeRate: 'default', onlineRate: 'default' },
      dataset: { onTimeRate: null, onlineRate: null },
    });
    expect(targetsOf(index).source).toEqual({ onTimeRate: 'dataset', onlineRate: 'default' });
  });

  it('are the reader’s when set in the address, over the dataset’s, which is kept', () => {
    expect(resolveTargets({ onTimeRate: 0.9 }, { onTimeRate: 0.8, onlineRate: 0.6 })).toEqual({
      onTimeRate: 0.8,
      onlineRate: 0.6,
      source: { onTimeRate: 'reader', onlineRate: 'reader' },
      dataset: { onTimeRate: 0.9, onlineRate: null },
    });
    // A value that is no fraction is no target: the next source applies.
    expect(resolveTargets({ onTimeRate: 0.9 }, { onTimeRate: 1.5, onlineRate: Number.NaN }).source).toEqual({
      onTimeRate: 'dataset',
      onlineRate: 'default',
    });
  });

  it('are what every row is measured against: A’s 90 % is below the default 95 %, not below a reader’s 85 %', () => {
    const a = (targets?: Selection['targets']) =>
      unitRows(winters, { ...winter, targets }).find((r) => r.unitId === 'a');
    expect(a()?.belowOnTimeTarget).toBe(true);
    expect(a({ onTimeRate: 0.85 })?.belowOnTimeTarget).toBe(false);
    // Online 50 %: not below the default 50 %, below a reader's 60 %.
    expect(a({ onlineRate: 0.6 })?.belowOnlineTarget).toBe(true);
    expect(headline(winters, { ...winter, targets: { onTimeRate: 0.85 } }).targets.source.onTimeRate).toBe('reader');
    expect(unitChanges(winters, { ...winter, targets: { onTimeRate: 0.85 } }).onTime.rows[0]?.belowTarget).toBe(false);
  });

  it('read from the address in percent', () => {
    expect(parseTargetPercent('90')).toBe(0.9);
    expect(parseTargetPercent('92,5')).toBe(0.925);
    expect(parseTargetPercent('92.5%')).toBe(0.925);
    expect(parseTargetPercent('100')).toBe(1);
    expect(parseTargetPercent('0')).toBe(0);
    for (const bad of ['101', '-5', 'abc', '', '0.5.1', '9e1', '90 %%']) expect(parseTargetPercent(bad)).toBeNull();
  });
});

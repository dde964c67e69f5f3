import { describe, expect, it } from 'vitest';
import { dashboardFigures } from './dashboard.ts';
import { rankingTable, totalsTable, unitFieldTable } from './export-tables.ts';
import { indexDataset } from './metrics.ts';
import type { Dataset } from './schema.ts';

/** A commune reporting two fields over one month; the town reports no field. */
const DATASET: Dataset = {
  schemaVersion: 2,
  title: 'Thử',
  fields: [
    { id: 'dat-dai', name: 'Đất đai' },
    { id: 'ho-tich', name: 'Hộ tịch' },
  ],
  units: [
    { id: 'x', name: 'Xã Một', level: 'commune' },
    { id: 't', name: 'Thị trấn Hai', level: 'commune' },
  ],
  records: [
    // Đất đai: 8 of 10 resolved on time, 2 late; 3 overdue at the end.
    {
      unitId: 'x',
      fieldId: 'dat-dai',
      month: '2025-07',
      carriedOver: 0,
      received: 15,
      receivedOnline: 5,
      resolvedEarly: 0,
      resolvedOnTime: 8,
      resolvedLate: 2,
      pendingWithinDeadline: 2,
      pendingOverdue: 3,
    },
    // Hộ tịch: 20 of 20 on time, nothing overdue; fees reported.
    {
      unitId: 'x',
      fieldId: 'ho-tich',
      month: '2025-07',
      carriedOver: 0,
      received: 20,
      receivedOnline: 10,
      resolvedEarly: 5,
      resolvedOnTime: 15,
      resolvedLate: 0,
      pendingWithinDeadline: 0,
      pendingOverdue: 0,
      feesVnd: 100_000,
    },
    {
      unitId: 't',
      month: '2025-07',
      carriedOver: 0,
      received: 10,
      receivedOnline: 1,
      resolvedEarly: 0,
      resolvedOnTime: 10,
      resolvedLate: 0,
      pendingWithinDeadline: 0,
      pendingOverdue: 0,
    },
  ],
};
const selection = {
  range: { from: '2025-07', to: '2025-07' },
  level: 'all' as const,
  unitId: null,
  field: null,
  compare: 'previous' as const,
};
const figures = dashboardFigures(indexDataset(DATASET), selection);

describe('the tables offered for download', () => {
  it('totals: every figure of each group, rates as percentages and fees as money', () => {
    const table = totalsTable(figures.headline.groups, 'vi');
    expect(table.columns.find((c) => c.key === 'onTimeRate')).toMatchObject({
      label: 'Tỷ lệ đúng hạn',
      format: 'percent',
    });
    expect(table.columns.find((c) => c.key === 'feesVnd')).toMatchObject({ format: 'vnd' });
    // The commune level: 8 + 20 + 10 = 38 on time of 40 resolved.
    expect(table.rows[0]).toMatchObject({ group: 'Cấp xã', resolved: 40, onTimeRate: 38 / 40, feesVnd: 100_000 });
  });

  it('ranking: the units in rank order, with their kind read from the name', () => {
    const table = rankingTable(figures.rows, 'en');
    // Thị trấn Hai: 10 / 10 on time ranks before Xã Một: 28 / 30.
    expect(table.rows.map((r) => [r.rank, r.unitName, r.type, r.onTimeRate])).toEqual([
      [1, 'Thị trấn Hai', 'Town', 1],
      [2, 'Xã Một', 'Commune', 28 / 30],
    ]);
    // The change columns say what they are compared with.
    const year = rankingTable(figures.rows, 'vi', 'year');
    expect(year.columns.find((c) => c.key === 'onTimeChange')?.label).toBe(
      'Thay đổi tỷ lệ đúng hạn so với cùng kỳ năm trước',
    );
    expect(year.columns.find((c) => c.key === 'rank')?.label).toBe('Hạng trong cấp');
  });

  it("unit × field: the overall and each field's rate and overdue count", () => {
    const table = unitFieldTable(figures.fieldMatrix, 'vi');
    expect(table.columns.map((c) => c.key)).toEqual([
      'unitId',
      'unitName',
      'all:rate',
      'all:overdue',
      'dat-dai:rate',
      'dat-dai:overdue',
      'ho-tich:rate',
      'ho-tich:overdue',
    ]);
    expect(table.rows).toEqual([
      {
        unitId: 'x',
        unitName: 'Xã Một',
        'all:rate': 28 / 30,
        'all:overdue': 3,
        'dat-dai:rate': 0.8,
        'dat-dai:overdue': 3,
        'ho-tich:rate': 1,
        'ho-tich:overdue': 0,
      },
    ]);
  });
});

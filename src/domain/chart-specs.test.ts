import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-specs.ts';
import {
  changeTable,
  changeUnits,
  chartHeight,
  chartSpecs,
  comparedRows,
  fullWidthCharts,
  onlineTable,
  onTimeTable,
  rateUnits,
  sameValue,
  type UnitValueRow,
  unitValueTable,
  valueUnits,
} from './chart-specs.ts';
import { dashboardFigures, type UnitRow } from './dashboard.ts';
import { indexDataset, withRates } from './metrics.ts';
import type { Dataset, Level } from './schema.ts';

function unitRow(
  unitId: string,
  name: string,
  level: Level,
  counts: { early: number; onTime: number; late: number },
  belowOnTimeTarget: boolean,
): UnitRow {
  const totals = withRates({
    carriedOver: 5,
    received: 120,
    receivedOnline: 60,
    receivedOnlineLevel3: 20,
    receivedOnlineLevel4: 40,
    resolvedEarly: counts.early,
    resolvedOnTime: counts.onTime,
    resolvedLate: counts.late,
    withdrawn: 0,
    pendingWithinDeadline: 3,
    pendingOverdue: 1,
    feesVnd: 1_000_000,
    interlinked: null,
    saturdayReceived: null,
    apologyLetters: null,
  });
  return {
    unitId,
    name,
    level,
    code: undefined,
    totals,
    previous: null,
    level4Share: 40 / 120,
    level3Share: 20 / 120,
    onTimeChange: null,
    onlineChange: null,
    belowOnTimeTarget,
    belowOnlineTarget: false,
    rank: 0,
  };
}

// 98.6 %, 90.0 % (below the 95 % target), 97.0 % at district level, and a unit that resolved nothing.
const ROWS: UnitRow[] = [
  unitRow('b', 'Xã Bình Minh', 'commune', { early: 50, onTime: 40, late: 10 }, true),
  unitRow('none', 'Xã Chưa Giải Quyết', 'commune', { early: 0, onTime: 0, late: 0 }, false),
  unitRow('a', 'Xã An Bình', 'commune', { early: 500, onTime: 486, late: 14 }, false),
  unitRow('d', 'Văn phòng HĐND-UBND', 'district', { early: 97, onTime: 0, late: 3 }, false),
];

function onlineRow(
  unitId: string,
  name: string,
  level: Level,
  received: { all: number; level3: number; level4: number },
  shares: { level3: number | null; level4: number | null },
  belowOnlineTarget: boolean,
): UnitRow {
  const totals = withRates({
    carriedOver: 0,
    received: received.all,
    receivedOnline: received.level3 + received.level4,
    receivedOnlineLevel3: received.level3,
    receivedOnlineLevel4: received.level4,
    resolvedEarly: 10,
    resolvedOnTime: 10,
    resolvedLate: 0,
    withdrawn: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    feesVnd: 0,
    interlinked: null,
    saturdayReceived: null,
    apologyLetters: null,
  });
  return {
    unitId,
    name,
    level,
    code: undefined,
    totals,
    previous: null,
    level4Share: shares.level4,
    level3Share: shares.level3,
    onTimeChange: null,
    onlineChange: null,
    belowOnTimeTarget: false,
    belowOnlineTarget,
    rank: 0,
  };
}

// 60 % all at level 4; 40 % (below a 50 % target) split 10 % / 30 %; and a unit that received nothing.
const ONLINE_ROWS: UnitRow[] = [
  onlineRow('b', 'Xã Bình Minh', 'commune', { all: 200, level3: 60, level4: 20 }, { level3: 0.3, level4: 0.1 }, true),
  onlineRow('z', 'Xã Không Nhận', 'commune', { all: 0, level3: 0, level4: 0 }, { level3: null, level4: null }, false),
  onlineRow('a', 'Bộ phận một cửa', 'district', { all: 100, level3: 0, level4: 60 }, { level3: 0, level4: 0.6 }, false),
];

const VALUE_ROWS: UnitValueRow[] = [
  { unitId: 'b', name: 'Xã Bình Minh', level: 'commune', value: 12_500_000 },
  { unitId: 'n', name: 'Xã Không Báo Cáo', level: 'commune', value: null },
  { unitId: 'd', name: 'Bộ phận tiếp nhận và trả kết quả huyện Nghĩa Hưng', level: 'district', value: 545_180_000 },
];

describe('onTimeTable', () => {
  it('lists every unit, best first, with formatted figures in Vietnamese', () => {
    const table = onTimeTable(ROWS, 'vi');
    expect(table.columns.map((c) => c.label)).toEqual([
      'Đơn vị',
      'Cấp',
      'Đã giải quyết',
      'Tỷ lệ đúng hạn',
      'So với chỉ tiêu',
    ]);
    expect(table.columns.filter((c) => c.numeric).map((c) => c.key)).toEqual(['resolved', 'rate']);
    expect(table.rows.map((r) => r.key)).toEqual(['a', 'd', 'b', 'none']);
    expect(table.rows[0]?.cells).toEqual({
      unit: 'Xã An Bình',
      level: 'Xã',
      resolved: '1.000',
      rate: '98,6\u00a0%',
      status: 'Đạt chỉ tiêu',
    });
    expect(table.rows[2]?.cells.status).toBe('Dưới chỉ tiêu');
    expect(table.rows[3]?.cells.rate).toBe('—');
  });

  it('formats in English', () => {
    const table = onTimeTable(ROWS, 'en');
    expect(table.rows[0]?.cells).toMatchObject({ level: 'Commune', resolved: '1,000', rate: '98.6%' });
    expect(table.rows[1]?.cells.level).toBe('District');
    expect(table.rows[2]?.cells.status).toBe('Below the target');
  });
});

describe('onlineTable', () => {
  it('lists every unit with shares and the online rate, formatted', () => {
    const vi_ = onlineTable(ONLINE_ROWS, 'vi');
    expect(vi_.rows.map((r) => r.key)).toEqual(['a', 'b', 'z']);
    expect(vi_.rows[1]?.cells).toEqual({
      unit: 'Xã Bình Minh',
      level: 'Xã',
      received: '200',
      level4Share: '10,0\u00a0%',
      level3Share: '30,0\u00a0%',
      onlineRate: '40,0\u00a0%',
      status: 'Dưới chỉ tiêu',
    });
    expect(vi_.rows[2]?.cells).toMatchObject({ received: '0', onlineRate: '—', level4Share: '—' });
    const en = onlineTable(ONLINE_ROWS, 'en');
    expect(en.columns.map((c) => c.label)).toEqual([
      'Unit',
      'Level',
      'Newly received',
      'Level-4 share',
      'Level-3 share',
      'Online uptake',
      'Against the target',
    ]);
    expect(en.rows[0]?.cells).toMatchObject({ level4Share: '60.0%', onlineRate: '60.0%', status: 'Meets the target' });
  });
});

describe('unitValueTable', () => {
  it('lists every unit, amounts in full, a missing one as "—"', () => {
    const table = unitValueTable(VALUE_ROWS, 'vnd', 'vi');
    expect(table.columns.map((c) => c.label)).toEqual(['Đơn vị', 'Cấp', 'Số tiền']);
    expect(table.rows.map((r) => [r.cells.unit, r.cells.level, r.cells.value])).toEqual([
      ['Bộ phận tiếp nhận và trả kết quả huyện Nghĩa Hưng', 'Huyện', '545.180.000\u00a0₫'],
      ['Xã Bình Minh', 'Xã', '12.500.000\u00a0₫'],
      ['Xã Không Báo Cáo', 'Xã', '—'],
    ]);
  });

  it('takes a header for the value column, and speaks English', () => {
    const table = unitValueTable(VALUE_ROWS, 'count', 'en', 'Apology letters');
    expect(table.columns.map((c) => c.label)).toEqual(['Unit', 'Level', 'Apology letters']);
    expect(table.rows[1]?.cells.value).toBe('12,500,000');
  });
});

describe('the charts by unit', () => {
  const target = { value: 0.95, label: 'Chỉ tiêu 95,0\u00a0%' };

  it('compares units of one level, the one unit above them as the reference', () => {
    const compared = comparedRows(ROWS);
    expect(compared.rows.map((r) => r.unitId)).toEqual(['b', 'none', 'a']);
    expect(compared.parent?.unitId).toBe('d');
  });

  it('on time: dots for the units with a rate, best first, the strong colour (a triangle) below the target', () => {
    const chart = rateUnits(
      comparedRows(ROWS),
      (r) => r.totals.onTimeRate,
      (r) => r.belowOnTimeTarget,
      target,
      'vi',
    );
    expect(chart.mark).toBe('dot');
    // a: (500 + 486) / 1000 = 98.6 %; b: 90 / 100 = 90.0 %; "none" resolved nothing; d is the reference.
    expect(chart.rows.map((r) => [r.unitId, r.label, r.tone])).toEqual([
      ['a', '98,6\u00a0%', 'neutral'],
      ['b', '90,0\u00a0%', 'bad'],
    ]);
    expect(chart.reference).toEqual({ value: 0.97, label: 'Văn phòng HĐND-UBND: 97,0\u00a0%' });
    // Fitted to 90 %–98.6 % with the target 95 % and the reference 97 %: steps of 2 points from 88 %.
    expect(chart.scale).toEqual({ min: 0.88, max: 1, ticks: [0.88, 0.9, 0.92, 0.94, 0.96, 0.98, 1] });
    expect(chart.axisNote).toBe('Trục ngang bắt đầu từ 88\u00a0%, không phải từ 0.');
  });

  it('online: the total online rate per unit, whatever the split', () => {
    const chart = rateUnits(
      comparedRows(ONLINE_ROWS),
      (r) => r.totals.onlineRate,
      (r) => r.belowOnlineTarget,
      { value: 0.5, label: 'Target 50.0%' },
      'en',
    );
    expect(chart.rows.map((r) => [r.unitId, r.value, r.label, r.tone])).toEqual([['b', 0.4, '40.0%', 'bad']]);
    // The district unit is the reference (60 %), not a row.
    expect(chart.reference?.value).toBe(0.6);
  });

  it('one figure: bars from zero, highest first, units that do not report it left out, amounts shortened', () => {
    const chart = valueUnits(VALUE_ROWS, 'vnd', 'neutral', 'vi');
    expect(chart.mark).toBe('bar');
    expect(chart.rows.map((r) => [r.unitId, r.label])).toEqual([
      ['d', '545,18\u00a0triệu\u00a0đ'],
      ['b', '12,5\u00a0triệu\u00a0đ'],
    ]);
    expect(chart.scale.min).toBe(0);
  });

  it('is replaced by a sentence only when every unit has the same rate', () => {
    const same = rateUnits(
      {
        rows: ROWS.filter((r) => r.unitId === 'a').flatMap((r) => [r, { ...r, unitId: 'a2', name: 'Xã An Hai' }]),
        parent: null,
      },
      (r) => r.totals.onTimeRate,
      () => false,
      target,
      'vi',
    );
    expect(sameValue(same)).toBeCloseTo(0.986);
    expect(
      sameValue(
        rateUnits(
          comparedRows(ROWS),
          (r) => r.totals.onTimeRate,
          () => false,
          target,
          'vi',
        ),
      ),
    ).toBeNull();
  });

  it('are 26.4 px taller per row (2.2 × 12 px text)', () => {
    const one = chartHeight(valueUnits(VALUE_ROWS.slice(0, 1), 'vnd', 'neutral', 'vi'));
    const two = chartHeight(valueUnits(VALUE_ROWS, 'vnd', 'neutral', 'vi'));
    expect(two - one).toBe(Math.ceil(2 * 26.4 + 12 * 2.5) - Math.ceil(26.4 + 12 * 2.5));
  });
});

/** A province with two communes over two months, no district: the shape of a dataset since 2025. */
const PROVINCE: Dataset = {
  schemaVersion: 1,
  title: 'Tỉnh Thử Nghiệm',
  units: [
    { id: 'p', name: 'Tỉnh Thử Nghiệm', level: 'province' },
    { id: 'x1', name: 'Xã Một', level: 'commune', parentId: 'p' },
    { id: 'x2', name: 'Phường Hai', level: 'commune', parentId: 'p' },
  ],
  records: ['p', 'x1', 'x2'].flatMap((unitId, u) =>
    ['2025-07', '2025-08'].map((month) => ({
      unitId,
      month,
      carriedOver: 0,
      received: 100 + u,
      receivedOnlineLevel3: 10,
      receivedOnlineLevel4: 20,
      resolvedEarly: 50,
      resolvedOnTime: 40 + u,
      resolvedLate: 10,
      pendingWithinDeadline: 0,
      pendingOverdue: 0,
      feesVnd: 1000,
    })),
  ),
};

describe('chartSpecs', () => {
  const index = indexDataset(PROVINCE);
  const selection = {
    range: { from: '2025-07', to: '2025-08' },
    level: 'all' as const,
    unitId: null,
    field: null,
    compare: 'previous' as const,
  };
  const specs = chartSpecs(dashboardFigures(index, selection), null, 'vi');

  it('reserves for each chart exactly the height it draws', () => {
    for (const spec of specs) expect(spec.height, spec.id).toBe(chartHeight(spec.chart));
  });

  it('names the levels the data has, never a district it does not have', () => {
    const fees = specs.find((s) => s.id === 'fees-month');
    expect(fees?.description).toBe('Số tiền phí, lệ phí thu được mỗi tháng, cấp tỉnh và cấp xã tách riêng.');
    const en = chartSpecs(dashboardFigures(index, selection), null, 'en');
    expect(en.find((s) => s.id === 'fees-month')?.description).toBe(
      'Fees and charges collected each month, province level and commune level apart.',
    );
    const text = JSON.stringify([specs, en]);
    expect(text).not.toMatch(/huyện|district/i);
  });

  it('is plain data: it survives a trip through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(specs))).toEqual(specs);
  });
});

describe('chartSpecs, what is drawn', () => {
  const index = indexDataset(PROVINCE);
  const selection = {
    range: { from: '2025-07', to: '2025-08' },
    level: 'all' as const,
    unitId: null,
    field: null,
    compare: 'previous' as const,
  };
  const specs = chartSpecs(dashboardFigures(index, selection), null, 'vi');
  const byId = new Map(specs.map((s) => [s.id, s]));

  it('stacks late and overdue dossiers on the baseline of the outcome chart, in the strong colours', () => {
    const flow = byId.get('flow')?.chart;
    if (flow?.kind !== 'monthly-bars') throw new Error('the outcome chart is a stack of bars');
    expect(flow.series.map((s) => [s.key, s.color])).toEqual([
      ['resolvedLate', 'bad'],
      ['pendingOverdue', 'bad2'],
      ['resolvedEarly', 'quiet1'],
      ['resolvedOnTime', 'quiet2'],
      ['withdrawn', 'quiet3'],
      ['pendingWithinDeadline', 'third'],
    ]);
  });

  it('compares the communes on a fitted scale with the province as the reference', () => {
    const onTime = byId.get('on-time')?.chart;
    if (onTime?.kind !== 'units') throw new Error('on time by unit is a chart by unit');
    // Xã Một: 91 / 101, Phường Hai: 92 / 102 (two months each); the province is the reference line.
    expect(onTime.rows.map((r) => r.unitId)).toEqual(['x2', 'x1']);
    expect(onTime.reference?.label.startsWith('Tỉnh Thử Nghiệm: ')).toBe(true);
  });

  it('says there are no overdue dossiers rather than drawing an empty chart', () => {
    const overdue = byId.get('overdue-unit');
    expect(overdue?.status).toBe('empty');
    expect(overdue?.emptyText).toBe('Không đơn vị nào có hồ sơ quá hạn ở cuối kỳ.');
  });

  it('leaves out the charts that compare units when there is only one', () => {
    const one = indexDataset({
      ...PROVINCE,
      units: [{ id: 'x1', name: 'Xã Một', level: 'commune' }],
      records: PROVINCE.records.filter((r) => r.unitId === 'x1'),
    });
    const ids = chartSpecs(dashboardFigures(one, selection), null, 'vi').map((s) => s.id);
    expect(ids).not.toContain('on-time');
    expect(ids).not.toContain('fees-unit');
    expect(ids).toContain('flow');
  });
});

describe('the change of a rate per unit', () => {
  // Xã An Bình: 986 / 1,000 = 98.6 % now, 95 / 100 = 95.0 % before: +3.6 points, better.
  // Xã Bình Minh: 90 / 100 = 90.0 % now, 93 / 100 = 93.0 % before: -3.0 points, worse.
  // Xã Chưa So Sánh: no earlier figure (it lacks a month of one period), so it is left out.
  const a = {
    ...unitRow('a', 'Xã An Bình', 'commune', { early: 500, onTime: 486, late: 14 }, false),
    previous: unitRow('a', '', 'commune', { early: 50, onTime: 45, late: 5 }, false).totals,
  };
  const b = {
    ...unitRow('b', 'Xã Bình Minh', 'commune', { early: 50, onTime: 40, late: 10 }, true),
    previous: unitRow('b', '', 'commune', { early: 50, onTime: 43, late: 7 }, false).totals,
  };
  const c = unitRow('c', 'Xã Chưa So Sánh', 'commune', { early: 10, onTime: 0, late: 0 }, false);
  const target = { value: 0.95, label: 'Chỉ tiêu mặc định 95,0 %' };

  it('draws an arrow from the earlier rate to this one, the biggest gain first, coloured by better or worse', () => {
    const chart = changeUnits([b, c, a], 'onTimeRate', target, 'vi');
    expect(chart.mark).toBe('arrow');
    expect(chart.rows.map((r) => [r.unitId, r.from, r.value, r.label, r.tone])).toEqual([
      ['a', 0.95, 0.986, '+3,6 điểm %', 'good'],
      ['b', 0.93, 0.9, '-3,0 điểm %', 'bad'],
    ]);
    expect(chart.target).toEqual(target);
    // Fitted to 90 %…98.6 % and the target: the axis does not start at 0 and says so.
    expect(chart.scale.min).toBeGreaterThan(0.8);
    expect(chart.scale.min).toBeLessThanOrEqual(0.9);
    expect(chart.scale.max).toBeGreaterThanOrEqual(0.986);
    expect(chart.axisNote).toMatch(/^Trục ngang bắt đầu từ/);
  });

  it('lists the same units in its table, with both rates and the change', () => {
    const table = changeTable([b, c, a], 'onTimeRate', 'en');
    expect(table.rows.map((r) => Object.values(r.cells))).toEqual([
      ['Xã An Bình', '95.0%', '98.6%', '+3.6 percentage points'],
      ['Xã Bình Minh', '93.0%', '90.0%', '-3.0 percentage points'],
    ]);
  });
});

describe('chartSpecs, compared and targets', () => {
  const index = indexDataset(PROVINCE);
  const august = { from: '2025-08', to: '2025-08' };
  const base = { level: 'all' as const, unitId: null, field: null, compare: 'previous' as const };

  it('draws the change charts only when the period is compared, saying with what', () => {
    const compared = chartSpecs(dashboardFigures(index, { ...base, range: august }), null, 'vi');
    const change = compared.find((s) => s.id === 'on-time-change');
    expect(change?.description).toContain('so với kỳ trước (tháng 7/2025)');
    // Both communes had the same figures in July and August: no change, said in one sentence.
    expect(change?.chart).toEqual({
      kind: 'statement',
      text: 'Tỷ lệ đúng hạn của cả 2 đơn vị cấp xã không đổi so với kỳ trước (tháng 7/2025).',
    });
    expect(compared.map((s) => s.id)).toContain('online-change');
    // July has no month before it in the data: nothing to compare, so no chart of change.
    const july = chartSpecs(
      dashboardFigures(index, { ...base, range: { from: '2025-07', to: '2025-07' } }),
      null,
      'vi',
    );
    expect(july.map((s) => s.id)).not.toContain('on-time-change');
  });

  it('charts late and overdue dossiers by month in the strong colours', () => {
    const specs = chartSpecs(
      dashboardFigures(index, { ...base, range: { from: '2025-07', to: '2025-08' } }),
      null,
      'en',
    );
    const overdue = specs.find((s) => s.id === 'overdue-month');
    if (overdue?.chart.kind !== 'monthly-bars') throw new Error('a chart by month');
    expect(overdue.chart.series.map((s) => [s.key, s.color])).toEqual([
      ['resolvedLate', 'bad'],
      ['pendingOverdue', 'bad2'],
    ]);
    // Each month: 10 dossiers resolved late in each of the three units, none overdue.
    expect(overdue.chart.points.map((p) => [p.month, p.values.resolvedLate, p.values.pendingOverdue])).toEqual([
      ['2025-07', 30, 0],
      ['2025-08', 30, 0],
    ]);
    expect(overdue.status).toBe('ready');
  });

  it('says in a sentence that none was late or overdue rather than drawing bars of zeros', () => {
    const onTime = indexDataset({
      ...PROVINCE,
      records: PROVINCE.records.map((r) => ({
        ...r,
        resolvedOnTime: r.resolvedOnTime + r.resolvedLate,
        resolvedLate: 0,
      })),
    });
    const specs = chartSpecs(
      dashboardFigures(onTime, { ...base, range: { from: '2025-07', to: '2025-08' } }),
      null,
      'vi',
    );
    const overdue = specs.find((s) => s.id === 'overdue-month');
    expect(overdue?.status).toBe('empty');
    expect(overdue?.emptyText).toBe('Không có hồ sơ nào giải quyết quá hạn hay còn quá hạn trong kỳ.');
  });

  it('labels a target the dataset does not set as the default, and a reader’s as the reader’s', () => {
    const range = { from: '2025-07', to: '2025-08' };
    const defaults = chartSpecs(dashboardFigures(index, { ...base, range }), null, 'vi');
    const onTime = defaults.find((s) => s.id === 'on-time')?.chart;
    if (onTime?.kind !== 'units') throw new Error('a chart by unit');
    expect(onTime.target?.label).toBe('Chỉ tiêu mặc định 95,0\u00a0%');
    const reader = chartSpecs(dashboardFigures(index, { ...base, range, targets: { onlineRate: 0.8 } }), null, 'en');
    const online = reader.find((s) => s.id === 'online')?.chart;
    if (online?.kind !== 'units') throw new Error('a chart by unit');
    expect(online.target).toEqual({ value: 0.8, label: 'Target set by the reader 80.0%' });
  });
});

describe('the grid of charts', () => {
  const half = { kind: 'statement', text: '' } as const;
  const units = valueUnits([], 'count', 'neutral', 'vi');
  const of = (...charts: ChartSpec['chart'][]) => charts.map((chart) => ({ chart }) as ChartSpec);

  it('gives charts by unit the full width, and pairs the others two by two', () => {
    expect(fullWidthCharts(of(half, half, units, half, half))).toEqual([false, false, true, false, false]);
  });

  it('widens a half-width chart that would stand alone in its row, leaving no hole', () => {
    // half | half, then a third one alone before a chart by unit, and one alone at the end.
    expect(fullWidthCharts(of(half, half, half, units, half))).toEqual([false, false, true, true, true]);
  });
});

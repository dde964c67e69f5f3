import { describe, expect, it } from 'vitest';
import {
  chartHeight,
  chartSpecs,
  onlineBars,
  onlineTable,
  onTimeBars,
  onTimeTable,
  type UnitValueRow,
  unitValueTable,
  valueBars,
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

describe('the bars of the charts by unit', () => {
  it('on time: units with a rate, best first, ▼ and hatching below the target', () => {
    const chart = onTimeBars(ROWS, 0.95, 'vi');
    // a: (500 + 486) / 1000 = 98.6 %; d: 97 / 100 = 97.0 %; b: 90 / 100 = 90.0 %; "none" resolved nothing.
    expect(chart.bars.map((b) => [b.unitId, b.label, b.below])).toEqual([
      ['a', '98,6\u00a0%', false],
      ['d', '97,0\u00a0%', false],
      ['b', '▼ 90,0\u00a0%', true],
    ]);
    expect(chart.bars[0]?.values).toEqual([0.986]);
    expect(chart.target).toEqual({ value: 0.95, label: 'Chỉ tiêu 95,0\u00a0%' });
    expect(chart.legend.map((l) => l.hatched)).toEqual([false, true]);
  });

  it('online: level 4 then level 3 as parts, the total rate as the label', () => {
    const chart = onlineBars(ONLINE_ROWS, 0.5, 'en');
    expect(chart.bars.map((b) => [b.unitId, b.values, b.label])).toEqual([
      ['a', [0.6, 0], '60.0%'],
      ['b', [0.1, 0.3], '▼ 40.0%'],
    ]);
    expect(chart.parts.map((p) => p.key)).toEqual(['receivedOnlineLevel4', 'receivedOnlineLevel3']);
  });

  it('one figure: highest first, units that do not report it left out, amounts shortened', () => {
    const chart = valueBars(VALUE_ROWS, 'vnd', 'Phí, lệ phí', 'vi');
    expect(chart.bars.map((b) => [b.unitId, b.label])).toEqual([
      ['d', '545,18 triệu đ'],
      ['b', '12,5 triệu đ'],
    ]);
    expect(chart.domain).toBeNull();
  });

  it('are 28 px taller per bar drawn, plus room for a legend when there is one', () => {
    const onTime = chartHeight(onTimeBars(ROWS, 0.95, 'vi'));
    const fees = chartHeight(valueBars(VALUE_ROWS, 'vnd', 'Phí, lệ phí', 'vi'));
    // Three bars with a legend against two bars without: 28 px for the bar, 32 px for the legend.
    expect(onTime - fees).toBe(28 + 32);
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
  const selection = { range: { from: '2025-07', to: '2025-08' }, level: 'all' as const, unitId: null };
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

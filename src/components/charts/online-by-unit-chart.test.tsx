import { getDefaultNormalizer, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UnitRow } from '../../domain/dashboard.ts';
import { withRates } from '../../domain/metrics.ts';
import type { Level } from '../../domain/schema.ts';
import { OnlineByUnitChart, onlineChartHeight, onlineTable } from './online-by-unit-chart.tsx';

const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };

function unitRow(
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
    receivedOnline: received.level3 + received.level4,
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
const ROWS: UnitRow[] = [
  unitRow('b', 'Xã Bình Minh', 'commune', { all: 200, level3: 60, level4: 20 }, { level3: 0.3, level4: 0.1 }, true),
  unitRow('z', 'Xã Không Nhận', 'commune', { all: 0, level3: 0, level4: 0 }, { level3: null, level4: null }, false),
  unitRow('a', 'Bộ phận một cửa', 'district', { all: 100, level3: 0, level4: 60 }, { level3: 0, level4: 0.6 }, false),
];

describe('OnlineByUnitChart', () => {
  it('stacks level 4 and level 3 per unit, highest uptake first', () => {
    const { container } = render(<OnlineByUnitChart rows={ROWS} target={0.5} lang="vi" />);
    const [level4, level3] = Array.from(container.querySelectorAll('.recharts-bar'));
    const fillsOf = (bar: Element | undefined) =>
      Array.from(bar?.querySelectorAll('.recharts-bar-rectangle path') ?? []).map((p) => p.getAttribute('fill'));
    expect(fillsOf(level4)).toEqual(['var(--chart-1)', 'var(--chart-1)']);
    // The district unit has no level-3 part, so only one level-3 segment is drawn.
    expect(fillsOf(level3)).toEqual(['var(--chart-5)']);
    const ticks = Array.from(container.querySelectorAll('.recharts-yAxis-tick-labels text')).map((t) => t.textContent);
    expect(ticks).toEqual(['Bộ phận một cửa (huyện)', 'Xã Bình Minh']);
    expect(screen.queryByText('Xã Không Nhận')).not.toBeInTheDocument();
  });

  it('writes the total online rate at the end of each bar, even with no level-3 part', () => {
    render(<OnlineByUnitChart rows={ROWS} target={0.5} lang="vi" />);
    expect(screen.getByText('60,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('▼ 40,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('Chỉ tiêu 50,0\u00a0%', exact)).toBeInTheDocument();
  });

  it('names both parts in the legend', () => {
    const { rerender } = render(<OnlineByUnitChart rows={ROWS} target={0.5} lang="vi" />);
    expect(screen.getByText('Trực tuyến mức độ 4 (toàn trình)')).toBeInTheDocument();
    expect(screen.getByText('Trực tuyến mức độ 3 (một phần)')).toBeInTheDocument();
    rerender(<OnlineByUnitChart rows={ROWS} target={0.5} lang="en" />);
    expect(screen.getByText('Online level 4 (end-to-end)')).toBeInTheDocument();
    expect(screen.getByText('Target 50.0%')).toBeInTheDocument();
  });

  it('calls onSelectUnit with the unit id when a bar is clicked', async () => {
    const user = userEvent.setup();
    const onSelectUnit = vi.fn();
    const { container } = render(<OnlineByUnitChart rows={ROWS} target={0.5} lang="vi" onSelectUnit={onSelectUnit} />);
    await user.click(container.querySelectorAll('.recharts-bar-rectangle')[1] as Element);
    expect(onSelectUnit).toHaveBeenCalledWith('b');
  });

  it('sizes itself from the units with an online rate', () => {
    expect(onlineChartHeight(ROWS)).toBe(onlineChartHeight(ROWS.filter((r) => r.unitId !== 'z')));
  });
});

describe('onlineTable', () => {
  it('lists every unit with shares and the online rate, formatted', () => {
    const vi_ = onlineTable(ROWS, 'vi');
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
    const en = onlineTable(ROWS, 'en');
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

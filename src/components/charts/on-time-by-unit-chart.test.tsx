import { getDefaultNormalizer, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UnitRow } from '../../domain/dashboard.ts';
import { withRates } from '../../domain/metrics.ts';
import type { Level } from '../../domain/schema.ts';
import { ChartFrame } from '../chart-frame.tsx';
import { OnTimeByUnitChart, onTimeChartHeight, onTimeTable } from './on-time-by-unit-chart.tsx';

/** Keeps the non-breaking space that Vietnamese puts before `%`. */
const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };

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
    receivedOnline: 20 + 40,
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

function tickLabels(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.recharts-yAxis-tick-labels text')).map((t) =>
    Array.from(t.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE || (n as Element).tagName === 'tspan')
      .map((n) => n.textContent)
      .join(''),
  );
}

describe('OnTimeByUnitChart', () => {
  it('draws one bar per unit with a rate, best first, names on the axis', () => {
    const { container } = render(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);
    expect(tickLabels(container)).toEqual(['Xã An Bình', 'Văn phòng HĐND-UBND (huyện)', 'Xã Bình Minh']);
    expect(screen.queryByText('Xã Chưa Giải Quyết')).not.toBeInTheDocument();
  });

  it('labels every bar with its rate, marking units below the target with ▼', () => {
    render(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" />);
    expect(screen.getByText('98,6\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('97,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('▼ 90,0\u00a0%', exact)).toBeInTheDocument();
  });

  it('draws the target line with its label, in both languages', () => {
    const { rerender, container } = render(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" />);
    expect(screen.getByText('Chỉ tiêu 95,0\u00a0%', exact)).toBeInTheDocument();
    expect(container.querySelector('.recharts-reference-line-line')).not.toBeNull();
    rerender(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="en" />);
    expect(screen.getByText('Target 95.0%')).toBeInTheDocument();
    expect(screen.getByText('▼ 90.0%')).toBeInTheDocument();
    expect(screen.getByText('Văn phòng HĐND-UBND (district)')).toBeInTheDocument();
  });

  it('fills below-target bars with the hatch pattern and the others plainly', () => {
    const { container } = render(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" />);
    const fills = Array.from(container.querySelectorAll('.recharts-bar-rectangle path')).map((p) =>
      p.getAttribute('fill'),
    );
    const pattern = container.querySelector('pattern');
    expect(pattern).not.toBeNull();
    expect(fills).toEqual(['var(--chart-1)', 'var(--chart-1)', `url(#${pattern?.id})`]);
    expect(screen.getByText('▼ Dưới chỉ tiêu')).toBeInTheDocument();
    expect(screen.getByText('Đạt chỉ tiêu')).toBeInTheDocument();
  });

  it('outlines the selected unit', () => {
    const { container } = render(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" selectedUnitId="d" />);
    const paths = container.querySelectorAll('.recharts-bar-rectangle path');
    expect(paths[1]).toHaveAttribute('stroke', 'var(--color-fg)');
    expect(paths[0]).not.toHaveAttribute('stroke');
  });

  it('calls onSelectUnit with the unit id when a bar is clicked', async () => {
    const user = userEvent.setup();
    const onSelectUnit = vi.fn();
    const { container } = render(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" onSelectUnit={onSelectUnit} />);
    const bars = container.querySelectorAll('.recharts-bar-rectangle');
    await user.click(bars[2] as Element);
    expect(onSelectUnit).toHaveBeenCalledWith('b');
    await user.click(bars[0] as Element);
    expect(onSelectUnit).toHaveBeenLastCalledWith('a');
  });

  it('sizes itself from the rows drawn, 28 px a row', () => {
    expect(onTimeChartHeight(ROWS) - onTimeChartHeight(ROWS.slice(0, 3))).toBe(28);
    const { container } = render(<OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" />);
    const wrapper = container.querySelector('.recharts-wrapper') as HTMLElement;
    expect(wrapper.style.height).toBe(`${onTimeChartHeight(ROWS)}px`);
  });
});

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

  it('renders in ChartFrame as a table with the formatted rates', () => {
    render(
      <ChartFrame
        id="on-time"
        title="Tỷ lệ đúng hạn theo đơn vị"
        description="Xếp từ cao xuống thấp."
        status="ready"
        table={onTimeTable(ROWS, 'vi')}
        height={onTimeChartHeight(ROWS)}
        lang="vi"
      >
        <OnTimeByUnitChart rows={ROWS} target={0.95} lang="vi" />
      </ChartFrame>,
    );
    const table = screen.getByRole('table', { name: 'Tỷ lệ đúng hạn theo đơn vị' });
    const row = within(table).getByRole('rowheader', { name: 'Xã An Bình' }).closest('tr') as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Xã', '1.000', '98,6\u00a0%', 'Đạt chỉ tiêu']);
    const none = within(table).getByRole('rowheader', { name: 'Xã Chưa Giải Quyết' }).closest('tr') as HTMLElement;
    expect(within(none).getAllByRole('cell')[2]?.textContent).toBe('—');
  });
});

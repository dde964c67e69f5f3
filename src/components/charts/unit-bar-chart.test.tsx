import { getDefaultNormalizer, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartHeight, onlineBars, onTimeBars, type UnitValueRow, valueBars } from '../../domain/chart-specs.ts';
import type { UnitRow } from '../../domain/dashboard.ts';
import { withRates } from '../../domain/metrics.ts';
import type { Level } from '../../domain/schema.ts';
import { UnitBarChart } from './unit-bar-chart.tsx';

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

function tickLabels(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('.recharts-yAxis-tick-labels text')).map((t) =>
    Array.from(t.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE || (n as Element).tagName === 'tspan')
      .map((n) => n.textContent)
      .join(''),
  );
}

describe('UnitBarChart drawing on-time rates', () => {
  it('draws one bar per unit with a rate, best first, names on the axis', () => {
    const { container } = render(<UnitBarChart chart={onTimeBars(ROWS, 0.95, 'vi')} lang="vi" />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);
    expect(tickLabels(container)).toEqual(['Xã An Bình', 'Văn phòng HĐND-UBND (huyện)', 'Xã Bình Minh']);
    expect(screen.queryByText('Xã Chưa Giải Quyết')).not.toBeInTheDocument();
  });

  it('labels every bar with its rate, marking units below the target with ▼', () => {
    render(<UnitBarChart chart={onTimeBars(ROWS, 0.95, 'vi')} lang="vi" />);
    expect(screen.getByText('98,6\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('97,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('▼ 90,0\u00a0%', exact)).toBeInTheDocument();
  });

  it('draws the target line with its label, in both languages', () => {
    const { rerender, container } = render(<UnitBarChart chart={onTimeBars(ROWS, 0.95, 'vi')} lang="vi" />);
    expect(screen.getByText('Chỉ tiêu 95,0\u00a0%', exact)).toBeInTheDocument();
    expect(container.querySelector('.recharts-reference-line-line')).not.toBeNull();
    rerender(<UnitBarChart chart={onTimeBars(ROWS, 0.95, 'en')} lang="en" />);
    expect(screen.getByText('Target 95.0%')).toBeInTheDocument();
    expect(screen.getByText('▼ 90.0%')).toBeInTheDocument();
    expect(screen.getByText('Văn phòng HĐND-UBND (district)')).toBeInTheDocument();
  });

  it('fills below-target bars with the hatch pattern and the others plainly', () => {
    const { container } = render(<UnitBarChart chart={onTimeBars(ROWS, 0.95, 'vi')} lang="vi" />);
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
    const { container } = render(<UnitBarChart chart={onTimeBars(ROWS, 0.95, 'vi')} lang="vi" selectedUnitId="d" />);
    const paths = container.querySelectorAll('.recharts-bar-rectangle path');
    expect(paths[1]).toHaveAttribute('stroke', 'var(--color-fg)');
    expect(paths[0]).not.toHaveAttribute('stroke');
  });

  it('calls onSelectUnit with the unit id when a bar is clicked', async () => {
    const user = userEvent.setup();
    const onSelectUnit = vi.fn();
    const { container } = render(
      <UnitBarChart chart={onTimeBars(ROWS, 0.95, 'vi')} lang="vi" onSelectUnit={onSelectUnit} />,
    );
    const bars = container.querySelectorAll('.recharts-bar-rectangle');
    await user.click(bars[2] as Element);
    expect(onSelectUnit).toHaveBeenCalledWith('b');
    await user.click(bars[0] as Element);
    expect(onSelectUnit).toHaveBeenLastCalledWith('a');
  });

  it('sizes itself from the rows drawn, 28 px a row', () => {
    const height = (rows: UnitRow[]) => chartHeight(onTimeBars(rows, 0.95, 'vi'));
    expect(height(ROWS) - height(ROWS.slice(0, 3))).toBe(28);
    const { container } = render(<UnitBarChart chart={onTimeBars(ROWS, 0.95, 'vi')} lang="vi" />);
    const wrapper = container.querySelector('.recharts-wrapper') as HTMLElement;
    expect(wrapper.style.height).toBe(`${height(ROWS)}px`);
  });
});

describe('UnitBarChart drawing online uptake', () => {
  it('stacks level 4 and level 3 per unit, highest uptake first', () => {
    const { container } = render(<UnitBarChart chart={onlineBars(ONLINE_ROWS, 0.5, 'vi')} lang="vi" />);
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
    render(<UnitBarChart chart={onlineBars(ONLINE_ROWS, 0.5, 'vi')} lang="vi" />);
    expect(screen.getByText('60,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('▼ 40,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('Chỉ tiêu 50,0\u00a0%', exact)).toBeInTheDocument();
  });

  it('names both parts in the legend', () => {
    const { rerender } = render(<UnitBarChart chart={onlineBars(ONLINE_ROWS, 0.5, 'vi')} lang="vi" />);
    expect(screen.getByText('Trực tuyến mức độ 4 (toàn trình)')).toBeInTheDocument();
    expect(screen.getByText('Trực tuyến mức độ 3 (một phần)')).toBeInTheDocument();
    rerender(<UnitBarChart chart={onlineBars(ONLINE_ROWS, 0.5, 'en')} lang="en" />);
    expect(screen.getByText('Online level 4 (end-to-end)')).toBeInTheDocument();
    expect(screen.getByText('Target 50.0%')).toBeInTheDocument();
  });

  it('calls onSelectUnit with the unit id when a bar is clicked', async () => {
    const user = userEvent.setup();
    const onSelectUnit = vi.fn();
    const { container } = render(
      <UnitBarChart chart={onlineBars(ONLINE_ROWS, 0.5, 'vi')} lang="vi" onSelectUnit={onSelectUnit} />,
    );
    await user.click(container.querySelectorAll('.recharts-bar-rectangle')[1] as Element);
    expect(onSelectUnit).toHaveBeenCalledWith('b');
  });

  it('sizes itself from the units with an online rate', () => {
    const height = (rows: UnitRow[]) => chartHeight(onlineBars(rows, 0.5, 'vi'));
    expect(height(ONLINE_ROWS)).toBe(height(ONLINE_ROWS.filter((r) => r.unitId !== 'z')));
  });
});

describe('UnitBarChart drawing one figure', () => {
  it('draws bars from the highest value down, leaving out units without one', () => {
    const { container } = render(<UnitBarChart chart={valueBars(VALUE_ROWS, 'vnd', 'Phí, lệ phí', 'vi')} lang="vi" />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    const ticks = Array.from(container.querySelectorAll('.recharts-yAxis-tick-labels text'));
    expect(ticks[1]?.textContent).toBe('Xã Bình Minh');
    expect(screen.queryByText('Xã Không Báo Cáo')).not.toBeInTheDocument();
    expect(screen.getByText('545,18 triệu đ')).toBeInTheDocument();
    expect(screen.getByText('12,5 triệu đ')).toBeInTheDocument();
  });

  it('shortens a long name on the axis and keeps the full name in a title', () => {
    const { container } = render(<UnitBarChart chart={valueBars(VALUE_ROWS, 'vnd', 'Phí, lệ phí', 'vi')} lang="vi" />);
    const tick = container.querySelector('.recharts-yAxis-tick-labels text');
    expect(tick?.querySelector('title')?.textContent).toBe('Bộ phận tiếp nhận và trả kết quả huyện Nghĩa Hưng (huyện)');
    const shown = Array.from(tick?.childNodes ?? [])
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('');
    expect(shown.endsWith('… (huyện)')).toBe(true);
    expect(Array.from(shown).length).toBeLessThanOrEqual(28);
  });

  it('calls onSelectUnit with the unit id when a bar is clicked', async () => {
    const user = userEvent.setup();
    const onSelectUnit = vi.fn();
    const { container } = render(
      <UnitBarChart
        chart={valueBars(VALUE_ROWS, 'count', 'Phí, lệ phí', 'en')}
        lang="en"
        onSelectUnit={onSelectUnit}
      />,
    );
    await user.click(container.querySelectorAll('.recharts-bar-rectangle')[0] as Element);
    expect(onSelectUnit).toHaveBeenCalledWith('d');
    expect(screen.getByText('545,180,000')).toBeInTheDocument();
  });

  describe('on a narrow screen', () => {
    afterEach(() => {
      vi.unstubAllGlobals();
    });

    it('narrows the names column and shortens names further', () => {
      // jsdom has no ResizeObserver; this one reports a phone-sized chart as soon as it observes.
      class PhoneResizeObserver {
        constructor(private readonly callback: ResizeObserverCallback) {}
        observe(target: Element) {
          const entry = { target, contentRect: { width: 360, height: 120 } } as unknown as ResizeObserverEntry;
          this.callback([entry], this as unknown as ResizeObserver);
        }
        unobserve() {}
        disconnect() {}
      }
      vi.stubGlobal('ResizeObserver', PhoneResizeObserver);
      const { container } = render(
        <UnitBarChart chart={valueBars(VALUE_ROWS, 'vnd', 'Phí, lệ phí', 'vi')} lang="vi" />,
      );
      expect(container.querySelector('.recharts-wrapper')).toHaveStyle({ width: '360px' });
      const tick = container.querySelector('.recharts-yAxis-tick-labels text');
      const shown = Array.from(tick?.childNodes ?? [])
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('');
      expect(shown.endsWith('… (huyện)')).toBe(true);
      expect(Array.from(shown).length).toBeLessThanOrEqual(18);
      expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    });
  });

  it('is 28 px taller for each unit drawn', () => {
    const height = (rows: UnitValueRow[]) => chartHeight(valueBars(rows, 'vnd', 'Phí, lệ phí', 'vi'));
    expect(height(VALUE_ROWS) - height(VALUE_ROWS.slice(0, 1))).toBe(28);
  });
});

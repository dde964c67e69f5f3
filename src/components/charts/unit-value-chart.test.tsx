import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnitValueChart, type UnitValueRow, unitValueChartHeight, unitValueTable } from './unit-value-chart.tsx';

const ROWS: UnitValueRow[] = [
  { unitId: 'b', name: 'Xã Bình Minh', level: 'commune', value: 12_500_000 },
  { unitId: 'n', name: 'Xã Không Báo Cáo', level: 'commune', value: null },
  { unitId: 'd', name: 'Bộ phận tiếp nhận và trả kết quả huyện Nghĩa Hưng', level: 'district', value: 545_180_000 },
];

describe('UnitValueChart', () => {
  it('draws bars from the highest value down, leaving out units without one', () => {
    const { container } = render(<UnitValueChart rows={ROWS} format="vnd" lang="vi" />);
    expect(container.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2);
    const ticks = Array.from(container.querySelectorAll('.recharts-yAxis-tick-labels text'));
    expect(ticks[1]?.textContent).toBe('Xã Bình Minh');
    expect(screen.queryByText('Xã Không Báo Cáo')).not.toBeInTheDocument();
    expect(screen.getByText('545,18 triệu đ')).toBeInTheDocument();
    expect(screen.getByText('12,5 triệu đ')).toBeInTheDocument();
  });

  it('shortens a long name on the axis and keeps the full name in a title', () => {
    const { container } = render(<UnitValueChart rows={ROWS} format="vnd" lang="vi" />);
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
    const { container } = render(<UnitValueChart rows={ROWS} format="count" lang="en" onSelectUnit={onSelectUnit} />);
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
      const { container } = render(<UnitValueChart rows={ROWS} format="vnd" lang="vi" />);
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
    expect(unitValueChartHeight(ROWS) - unitValueChartHeight(ROWS.slice(0, 1))).toBe(28);
  });
});

describe('unitValueTable', () => {
  it('lists every unit, amounts in full, a missing one as "—"', () => {
    const table = unitValueTable(ROWS, 'vnd', 'vi');
    expect(table.columns.map((c) => c.label)).toEqual(['Đơn vị', 'Cấp', 'Số tiền']);
    expect(table.rows.map((r) => [r.cells.unit, r.cells.level, r.cells.value])).toEqual([
      ['Bộ phận tiếp nhận và trả kết quả huyện Nghĩa Hưng', 'Huyện', '545.180.000\u00a0₫'],
      ['Xã Bình Minh', 'Xã', '12.500.000\u00a0₫'],
      ['Xã Không Báo Cáo', 'Xã', '—'],
    ]);
  });

  it('takes a header for the value column, and speaks English', () => {
    const table = unitValueTable(ROWS, 'count', 'en', 'Apology letters');
    expect(table.columns.map((c) => c.label)).toEqual(['Unit', 'Level', 'Apology letters']);
    expect(table.rows[1]?.cells.value).toBe('12,500,000');
  });
});

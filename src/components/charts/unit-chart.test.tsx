import { getDefaultNormalizer, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UnitsChart } from '../../domain/chart-specs.ts';
import { Chart } from './chart.tsx';
import { UnitChart } from './unit-chart.tsx';

const DOTS: UnitsChart = {
  kind: 'units',
  rowsAre: 'units',
  mark: 'dot',
  rows: [
    { unitId: 'a', name: 'Xã An Bình', value: 0.986, label: '98,6\u00a0%', tone: 'neutral' },
    { unitId: 'b', name: 'Xã Bình Minh', value: 0.9, label: '▼ 90,0\u00a0%', tone: 'bad' },
  ],
  format: 'percent',
  scale: { min: 0.88, max: 1, ticks: [0.88, 0.94, 1] },
  target: { value: 0.95, label: 'Chỉ tiêu 95,0\u00a0%' },
  reference: { value: 0.97, label: 'Huyện Mẫu: 97,0\u00a0%' },
  legend: [
    { label: 'Đạt chỉ tiêu', color: 'main', shape: 'dot' },
    { label: '▼ Dưới chỉ tiêu', color: 'bad', shape: 'triangle' },
  ],
  axisNote: 'Trục ngang bắt đầu từ 88\u00a0%, không phải từ 0.',
};

/** Keeps the non-breaking space that Vietnamese puts before `%`. */
const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };

function rowOf(container: HTMLElement, id: string): Element {
  const row = container.querySelector(`[data-unit="${id}"]`);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('UnitChart', () => {
  it('writes each unit, its mark and its value, in the order given', () => {
    const { container } = render(<UnitChart chart={DOTS} lang="vi" />);
    const names = [...container.querySelectorAll('.unit-chart__name')].map((t) => t.textContent);
    expect(names).toEqual(['Xã An Bình', 'Xã Bình Minh']);
    expect(screen.getByText('98,6\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('▼ 90,0\u00a0%', exact)).toBeInTheDocument();
  });

  it('draws a unit below target as a triangle in the strong colour, the others as dots', () => {
    const { container } = render(<UnitChart chart={DOTS} lang="vi" />);
    expect(rowOf(container, 'a').querySelector('circle.unit-chart__dot')).toHaveAttribute('fill', 'var(--tone-main)');
    expect(rowOf(container, 'b').querySelector('path.unit-chart__dot')).toHaveAttribute('fill', 'var(--tone-bad)');
  });

  it('labels the target, the reference, the ticks, the legend and where the scale starts', () => {
    render(<UnitChart chart={DOTS} lang="vi" />);
    expect(screen.getByText('Chỉ tiêu 95,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('Huyện Mẫu: 97,0\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('88\u00a0%', exact)).toBeInTheDocument();
    expect(screen.getByText('Đạt chỉ tiêu')).toBeInTheDocument();
    expect(screen.getByText('Trục ngang bắt đầu từ 88\u00a0%, không phải từ 0.', exact)).toBeInTheDocument();
  });

  it('draws bars from zero for counts, and outlines the unit being looked at', () => {
    const bars: UnitsChart = {
      ...DOTS,
      mark: 'bar',
      scale: { min: 0, max: 10, ticks: [0, 5, 10] },
      target: null,
      reference: null,
      legend: [],
      axisNote: null,
    };
    const { container } = render(<UnitChart chart={bars} lang="vi" selectedUnitId="b" />);
    const widths = [...container.querySelectorAll('rect.unit-chart__bar')].map((r) => Number(r.getAttribute('width')));
    expect(widths).toHaveLength(2);
    expect(widths.every((w) => w > 0)).toBe(true);
    expect(rowOf(container, 'b').querySelector('.unit-chart__selected')).not.toBeNull();
    expect(rowOf(container, 'a').querySelector('.unit-chart__selected')).toBeNull();
  });

  it('calls onSelectUnit with the unit of the row clicked', async () => {
    const user = userEvent.setup();
    const onSelectUnit = vi.fn();
    const { container } = render(<UnitChart chart={DOTS} lang="vi" onSelectUnit={onSelectUnit} />);
    await user.click(rowOf(container, 'b'));
    expect(onSelectUnit).toHaveBeenCalledWith('b');
  });

  it('keeps a shortened name whole in the row title', () => {
    const long = 'Bộ phận tiếp nhận và trả kết quả thuộc Văn phòng HĐND và UBND huyện Nghĩa Hưng';
    const chart = { ...DOTS, rows: [{ ...(DOTS.rows[0] as UnitsChart['rows'][number]), name: long }] };
    const { container } = render(<UnitChart chart={chart} lang="vi" />);
    const name = container.querySelector('.unit-chart__name')?.textContent ?? '';
    expect(name.endsWith('…')).toBe(true);
    expect(container.querySelector('[data-unit="a"] title')?.textContent).toBe(`${long}: 98,6\u00a0%`);
  });

  it('grows with the text size on slides', () => {
    const { container, rerender } = render(<UnitChart chart={DOTS} lang="vi" />);
    const small = Number(container.querySelector('svg')?.getAttribute('height'));
    rerender(<UnitChart chart={DOTS} lang="vi" textSize={24} />);
    const big = Number(container.querySelector('svg')?.getAttribute('height'));
    expect(big).toBeGreaterThan(small * 1.9);
    expect(container.querySelector('svg')).toHaveAttribute('font-size', '24');
  });
});

describe('Chart', () => {
  it('writes a sentence where a chart would only repeat one value', () => {
    render(
      <Chart
        chart={{ kind: 'statement', text: 'Cả 22 đơn vị cấp xã đều giải quyết đúng hạn 100,0\u00a0% hồ sơ.' }}
        lang="vi"
      />,
    );
    expect(
      screen.getByText('Cả 22 đơn vị cấp xã đều giải quyết đúng hạn 100,0\u00a0% hồ sơ.', exact),
    ).toBeInTheDocument();
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { CompareMode } from '../domain/comparison-plan.ts';
import { periodPresets } from '../domain/dashboard.ts';
import type { MonthRange } from '../domain/months.ts';
import { FiltersBar } from './filters-bar.tsx';

// 2023-07 … 2024-12: the year 2024 and the last 12 months are the same months.
const span: MonthRange = { from: '2023-07', to: '2024-12' };

function Harness({ units = [] }: { units?: { id: string; name: string; level: 'commune' }[] }) {
  const [range, setRange] = useState<MonthRange>(span);
  const [compare, setCompare] = useState<CompareMode>('year');
  const [unitId, setUnitId] = useState<string | null>(null);
  return (
    <FiltersBar
      lang="vi"
      span={span}
      range={range}
      presets={periodPresets(span)}
      level="all"
      levels={['province', 'commune']}
      unitId={unitId}
      units={units}
      fields={[]}
      field={null}
      compare={compare}
      onChange={(c) => {
        if (c.from && c.to) setRange({ from: c.from, to: c.to });
        if (c.compare) setCompare(c.compare);
        if (c.unit !== undefined) setUnitId(c.unit);
      }}
    />
  );
}

describe('FiltersBar period', () => {
  it('keeps the label chosen when two choices cover the same months', async () => {
    render(<Harness />);
    const period = screen.getByRole('combobox', { name: 'Kỳ báo cáo' });
    expect(period).toHaveDisplayValue('Toàn bộ');
    await userEvent.selectOptions(period, 'Năm 2024');
    expect(period).toHaveDisplayValue('Năm 2024');
    await userEvent.selectOptions(period, '12 tháng gần nhất');
    expect(period).toHaveDisplayValue('12 tháng gần nhất');
    await userEvent.selectOptions(period, 'Quý 3/2023');
    expect(period).toHaveDisplayValue('Quý 3/2023');
  });
});

describe('FiltersBar comparison', () => {
  it('offers the same months a year earlier and the previous period, and says which is chosen', async () => {
    render(<Harness />);
    const compare = screen.getByRole('combobox', { name: 'So sánh với' });
    expect(compare).toHaveDisplayValue('Cùng kỳ năm trước');
    await userEvent.selectOptions(compare, 'Kỳ trước cùng độ dài');
    expect(compare).toHaveDisplayValue('Kỳ trước cùng độ dài');
  });
});

// A province's worth of communes: "Xã Số 0001" … "Xã Số 1000".
const many = Array.from({ length: 1000 }, (_, i) => {
  const n = String(i + 1).padStart(4, '0');
  return { id: `c${n}`, name: `Xã Số ${n}`, level: 'commune' as const };
});

describe('FiltersBar with many units', () => {
  it('lists every unit once the reader reaches for the list, keeping the one chosen meanwhile', async () => {
    render(<Harness units={many} />);
    const unit = screen.getByRole('combobox', { name: 'Đơn vị' });
    await userEvent.type(screen.getByLabelText('Tìm đơn vị theo tên'), 'Xã Số 0420');
    expect(unit).toHaveDisplayValue('Xã Số 0420');
    await userEvent.click(unit);
    expect(within(unit).getAllByRole('option')).toHaveLength(1001);
    await userEvent.selectOptions(unit, 'Xã Số 0999');
    expect(unit).toHaveDisplayValue('Xã Số 0999');
  });

  it('fills the list by itself when the page is quiet', async () => {
    render(<Harness units={many} />);
    const unit = screen.getByRole('combobox', { name: 'Đơn vị' });
    expect(within(unit).getAllByRole('option')).toHaveLength(1);
    expect(await within(unit).findByRole('option', { name: 'Xã Số 1000' })).toBeInTheDocument();
  });

  it('suggests only names that contain what was typed, at most 30', async () => {
    const { container } = render(<Harness units={many} />);
    const search = screen.getByLabelText('Tìm đơn vị theo tên');
    const suggested = () => [...container.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(suggested()).toEqual([]);
    await userEvent.type(search, '099');
    expect(suggested()).toEqual([
      'Xã Số 0099',
      'Xã Số 0990',
      'Xã Số 0991',
      'Xã Số 0992',
      'Xã Số 0993',
      'Xã Số 0994',
      'Xã Số 0995',
      'Xã Số 0996',
      'Xã Số 0997',
      'Xã Số 0998',
      'Xã Số 0999',
    ]);
    await userEvent.clear(search);
    await userEvent.type(search, 'xã số');
    expect(suggested()).toHaveLength(30);
  });

  it('says when no unit has a name containing what was typed, and not for blanks', async () => {
    render(<Harness units={many} />);
    const search = screen.getByLabelText('Tìm đơn vị theo tên');
    await userEvent.type(search, 'Phường');
    expect(screen.getByRole('status')).toHaveTextContent('Không có đơn vị nào tên như vậy.');
    await userEvent.clear(search);
    await userEvent.type(search, '   ');
    expect(screen.queryByText('Không có đơn vị nào tên như vậy.')).not.toBeInTheDocument();
    await userEvent.clear(search);
    await userEvent.type(search, 'Số 07');
    expect(screen.queryByText('Không có đơn vị nào tên như vậy.')).not.toBeInTheDocument();
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { CompareMode } from '../domain/comparison-plan.ts';
import { periodPresets } from '../domain/dashboard.ts';
import type { MonthRange } from '../domain/months.ts';
import { FiltersBar } from './filters-bar.tsx';

// 2023-07 … 2024-12: the year 2024 and the last 12 months are the same months.
const span: MonthRange = { from: '2023-07', to: '2024-12' };

function Harness() {
  const [range, setRange] = useState<MonthRange>(span);
  const [compare, setCompare] = useState<CompareMode>('year');
  return (
    <FiltersBar
      lang="vi"
      span={span}
      range={range}
      presets={periodPresets(span)}
      level="all"
      levels={['province', 'commune']}
      unitId={null}
      units={[]}
      fields={[]}
      field={null}
      compare={compare}
      onChange={(c) => {
        if (c.from && c.to) setRange({ from: c.from, to: c.to });
        if (c.compare) setCompare(c.compare);
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

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UnitFieldMatrix } from '../domain/dashboard.ts';
import { type Totals, withRates } from '../domain/metrics.ts';
import { AccountabilityPanel } from './accountability-panel.tsx';
import { shortfallStep, UnitFieldTable } from './unit-field-table.tsx';

function totals(onTime: number, late: number, overdue: number): Totals {
  return withRates({
    carriedOver: 0,
    received: onTime + late + overdue,
    receivedOnline: 0,
    receivedOnlineLevel3: null,
    receivedOnlineLevel4: null,
    resolvedEarly: 0,
    resolvedOnTime: onTime,
    resolvedLate: late,
    withdrawn: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: overdue,
    feesVnd: null,
    interlinked: null,
    saturdayReceived: null,
    apologyLetters: null,
  });
}

// Xã Một: land 8/10 on time (80 %, 15 points below 95 %), 3 overdue; civil status 20/20.
// Xã Hai: land 19/20 (95 %, meets), civil status 9/10 (90 %, 5 points below).
const MATRIX: UnitFieldMatrix = {
  fields: [
    { id: 'dat-dai', name: 'Đất đai' },
    { id: 'ho-tich', name: 'Hộ tịch' },
  ],
  rows: [
    {
      unitId: 'x1',
      name: 'Xã Một',
      level: 'commune',
      code: undefined,
      totals: totals(28, 2, 3),
      cells: [
        { fieldId: 'dat-dai', totals: totals(8, 2, 3), onTimeRate: 0.8, overdue: 3, belowOnTimeTarget: true },
        { fieldId: 'ho-tich', totals: totals(20, 0, 0), onTimeRate: 1, overdue: 0, belowOnTimeTarget: false },
      ],
    },
    {
      unitId: 'x2',
      name: 'Xã Hai',
      level: 'commune',
      code: undefined,
      totals: totals(28, 2, 0),
      cells: [
        { fieldId: 'dat-dai', totals: totals(19, 1, 0), onTimeRate: 0.95, overdue: 0, belowOnTimeTarget: false },
        { fieldId: 'ho-tich', totals: totals(9, 1, 0), onTimeRate: 0.9, overdue: 0, belowOnTimeTarget: true },
      ],
    },
  ],
};

describe('shortfallStep', () => {
  it('is 0 at or above target, then 1, 2, 3 as the gap grows past 5 and 15 points', () => {
    expect([1, 0.95, 0.93, 0.9, 0.8, 0.79, null].map((r) => shortfallStep(r, 0.95))).toEqual([0, 0, 1, 2, 3, 3, 0]);
  });
});

describe('UnitFieldTable', () => {
  it('is a table of units by fields, weakest first, ▼ below target and the overdue count in each cell', () => {
    render(<UnitFieldTable matrix={MATRIX} target={0.95} lang="vi" />);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    // Both have 28 / 30 overall: ties by name (Xã Hai before Xã Một).
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Xã Hai', 'Xã Một']);
    const mot = rows[1] as HTMLElement;
    const cells = within(mot).getAllByRole('cell');
    expect(cells[1]?.textContent).toBe('▼ 80,0\u00a0%3 quá hạn');
    expect(cells[1]?.className).toContain('heat--3');
    expect(cells[2]?.textContent).toBe('100,0\u00a0%không có');
  });

  it('sorts by a field when its heading is chosen, and opens a unit', async () => {
    const user = userEvent.setup();
    const onSelectUnit = vi.fn();
    render(<UnitFieldTable matrix={MATRIX} target={0.95} lang="en" onSelectUnit={onSelectUnit} />);
    await user.click(screen.getByRole('button', { name: /Đất đai/ }));
    const heading = screen.getByRole('columnheader', { name: /Đất đai/ });
    expect(heading).toHaveAttribute('aria-sort', 'ascending');
    const first = within(screen.getByRole('table')).getAllByRole('row')[1] as HTMLElement;
    expect(within(first).getByRole('rowheader').textContent).toBe('Xã Một');
    await user.click(within(first).getByRole('button', { name: 'Xã Một' }));
    expect(onSelectUnit).toHaveBeenCalledWith('x1');
  });
});

describe('AccountabilityPanel', () => {
  it('lists late and overdue dossiers with apology letters, "not reported" where not reported', () => {
    render(
      <AccountabilityPanel
        rows={[
          {
            unitId: 'x1',
            name: 'Xã Một',
            level: 'commune',
            resolvedLate: 2,
            pendingOverdue: 3,
            apologyLetters: null,
            fields: [{ fieldId: 'dat-dai', name: 'Đất đai', resolvedLate: 2, pendingOverdue: 3, apologyLetters: 1 }],
          },
        ]}
        lang="en"
      />,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Xã Một23not reported', 'Xã Một, Đất đai231']);
  });

  it('says so when no unit has a late or overdue dossier', () => {
    render(<AccountabilityPanel rows={[]} lang="vi" />);
    expect(screen.getByText(/không đơn vị nào có hồ sơ giải quyết quá hạn/)).toBeInTheDocument();
  });
});

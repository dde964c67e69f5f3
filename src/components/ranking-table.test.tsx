import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { UnitRow } from '../domain/dashboard.ts';
import { type Counts, type Totals, withRates } from '../domain/metrics.ts';
import type { Level } from '../domain/schema.ts';
import { RankingTable } from './ranking-table.tsx';

const base: Counts = {
  carriedOver: 0,
  received: 0,
  receivedOnlineLevel3: 0,
  receivedOnlineLevel4: 0,
  receivedOnline: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  withdrawn: 0,
  pendingWithinDeadline: 0,
  pendingOverdue: 0,
  feesVnd: 0,
  interlinked: null,
  saturdayReceived: null,
  apologyLetters: null,
};

interface RowSpec {
  unitId: string;
  name: string;
  level: Level;
  code?: string;
  rank: number;
  totals: Totals;
  previous: Totals | null;
}

// Rows as the domain hands them over: shares, changes and target flags filled in from the totals.
function makeRow({ unitId, name, level, code, rank, totals, previous }: RowSpec): UnitRow {
  const share = (n: number) => (totals.received === 0 ? null : n / totals.received);
  const change = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    unitId,
    name,
    level,
    code,
    rank,
    totals,
    previous,
    level4Share: share(totals.receivedOnlineLevel4 ?? 0),
    level3Share: share(totals.receivedOnlineLevel3 ?? 0),
    onTimeChange: change(totals.onTimeRate, previous?.onTimeRate ?? null),
    onlineChange: change(totals.onlineRate, previous?.onlineRate ?? null),
    belowOnTimeTarget: totals.onTimeRate !== null && totals.onTimeRate < 0.95,
    belowOnlineTarget: totals.onlineRate !== null && totals.onlineRate < 0.5,
  };
}

// On time 99.0 %, online 60.0 %, level 4 30.0 %, fees 300 million, 0 overdue, +1.0 point.
const A = makeRow({
  unitId: 'a',
  name: 'Xã Đa Tốn',
  level: 'commune',
  code: '00577',
  rank: 1,
  totals: withRates({
    ...base,
    carriedOver: 100,
    received: 4_900,
    receivedOnlineLevel3: 1_470,
    receivedOnlineLevel4: 1_470,
    receivedOnline: 1_470 + 1_470,
    resolvedEarly: 3_000,
    resolvedOnTime: 1_950,
    resolvedLate: 50,
    pendingWithinDeadline: 50,
    feesVnd: 300_000_000,
  }),
  previous: withRates({ ...base, received: 1_000, resolvedEarly: 980, resolvedLate: 20 }),
});

// On time 98.6 %, online 14.6 %, level 4 3.8 %, fees 545.18 million, 3 overdue, −0.2 point.
const B = makeRow({
  unitId: 'b',
  name: 'UBND huyện Gia Lâm',
  level: 'district',
  rank: 1,
  totals: withRates({
    ...base,
    carriedOver: 309,
    received: 27_557,
    receivedOnlineLevel3: 3_000,
    receivedOnlineLevel4: 1_037,
    receivedOnline: 3_000 + 1_037,
    resolvedEarly: 20_000,
    resolvedOnTime: 7_100,
    resolvedLate: 386,
    pendingWithinDeadline: 377,
    pendingOverdue: 3,
    feesVnd: 545_180_000,
  }),
  previous: withRates({ ...base, received: 1_000, resolvedEarly: 988, resolvedLate: 12 }),
});

// On time 90.0 % (below target), online 40.1 %, level 4 35.0 %, fees 600 million, 12 overdue, no previous.
const C = makeRow({
  unitId: 'c',
  name: 'Thị trấn Trâu Quỳ',
  level: 'commune',
  code: '00565',
  rank: 2,
  totals: withRates({
    ...base,
    carriedOver: 20,
    received: 780,
    receivedOnlineLevel3: 40,
    receivedOnlineLevel4: 273,
    receivedOnline: 40 + 273,
    resolvedEarly: 300,
    resolvedOnTime: 330,
    resolvedLate: 70,
    pendingWithinDeadline: 88,
    pendingOverdue: 12,
    feesVnd: 600_000_000,
  }),
  previous: null,
});

// Nothing received or resolved: every rate is undefined; 1 overdue.
const D = makeRow({
  unitId: 'd',
  name: 'Xã Bát Tràng',
  level: 'commune',
  rank: 3,
  totals: withRates({ ...base, carriedOver: 50, pendingWithinDeadline: 49, pendingOverdue: 1 }),
  previous: withRates({ ...base, carriedOver: 50, pendingWithinDeadline: 50 }),
});

const ROWS = [A, B, C, D];
const N = { a: A.name, b: B.name, c: C.name, d: D.name };

function renderTable(props: Partial<Parameters<typeof RankingTable>[0]> = {}) {
  const onSelectUnit = vi.fn();
  const user = userEvent.setup();
  const { rerender } = render(
    <RankingTable
      rows={ROWS}
      lang="vi"
      onSelectUnit={onSelectUnit}
      selectedUnitId={null}
      compared="previous"
      {...props}
    />,
  );
  return { user, onSelectUnit, rerender };
}

/** Unit names in the order the table shows them. */
function order(): string[] {
  return screen.getAllByRole('rowheader').map((th) => within(th).getByRole('button').textContent ?? '');
}

function rowOf(name: string): HTMLElement {
  const header = screen.getByRole('rowheader', { name: new RegExp(name) });
  const row = header.closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

/** [column label, order after the first activation, order after the second]. */
const SORTS: [string, string[], string[]][] = [
  // The district is the reference row above its communes: first whatever the sort, never ranked among them.
  // Already sorted by rank ascending, so the first activation reverses it.
  ['Hạng', [N.b, N.d, N.c, N.a], [N.b, N.a, N.c, N.d]],
  ['Đơn vị', [N.b, N.c, N.d, N.a], [N.b, N.a, N.d, N.c]],
  ['Hồ sơ tiếp nhận và xử lý', [N.b, N.a, N.c, N.d], [N.b, N.d, N.c, N.a]],
  // Units without a rate stay last in both directions.
  ['Tỷ lệ đúng hạn', [N.b, N.a, N.c, N.d], [N.b, N.c, N.a, N.d]],
  ['Tỷ lệ trực tuyến', [N.b, N.a, N.c, N.d], [N.b, N.c, N.a, N.d]],
  ['Tỷ lệ mức độ 4', [N.b, N.c, N.a, N.d], [N.b, N.a, N.c, N.d]],
  ['Phí, lệ phí', [N.b, N.c, N.a, N.d], [N.b, N.d, N.a, N.c]],
  ['Đang giải quyết quá hạn', [N.b, N.c, N.d, N.a], [N.b, N.a, N.d, N.c]],
  // Only A has both on-time rates (+1.0 point); C has no earlier figure and D no rate: they stay last.
  ['Thay đổi tỷ lệ đúng hạn so với kỳ trước', [N.b, N.a, N.c, N.d], [N.b, N.a, N.c, N.d]],
  ['Thay đổi tỷ lệ trực tuyến so với kỳ trước', [N.b, N.a, N.c, N.d], [N.b, N.a, N.c, N.d]],
];

const FIRST_DIRECTION: Record<string, string> = { Hạng: 'descending', 'Đơn vị': 'ascending' };
const flip = (d: string) => (d === 'ascending' ? 'descending' : 'ascending');

function expectSortedBy(label: string, direction: string) {
  expect(screen.getByRole('columnheader', { name: label })).toHaveAttribute('aria-sort', direction);
  for (const other of screen.getAllByRole('columnheader')) {
    if (other.textContent?.startsWith(label)) continue;
    expect(other).toHaveAttribute('aria-sort', 'none');
  }
}

describe('RankingTable', () => {
  it('has a titled, captioned table that scrolls in its own focusable region', () => {
    renderTable();
    expect(screen.getByRole('heading', { level: 2, name: 'Xếp hạng đơn vị' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /xếp theo tỷ lệ giải quyết đúng hạn/ });
    const region = screen.getByRole('region', { name: /Bảng xếp hạng đơn vị/ });
    expect(region).toContainElement(table);
    expect(region).toHaveAttribute('tabindex', '0');
    expect(region).toHaveClass('table-scroll');
  });

  it('starts in rank order, sorted by rank ascending, the district above as a reference row', () => {
    renderTable();
    expect(order()).toEqual([N.b, N.a, N.c, N.d]);
    expect(within(rowOf(N.b)).getAllByRole('cell')[0]).toHaveTextContent('tham chiếu');
    expectSortedBy('Hạng', 'ascending');
  });

  it('formats each cell of a row', () => {
    renderTable();
    const cells = within(rowOf(N.b))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // The district: 98.6 % against 98.8 % on time (worse), 14.6 % against 0 % online (better).
    expect(cells).toEqual([
      'tham chiếu',
      '27.866',
      '98,6\u00a0%',
      '14,6\u00a0%▼ dưới chỉ tiêu',
      '3,8\u00a0%',
      '545.180.000\u00a0₫',
      '3',
      '-0,2 điểm % (kém hơn)',
      '+14,6 điểm % (tốt hơn)',
    ]);
    expect(cells.length).toBe(9);
    // No rate and no previous figure: a dash, never 0.
    expect(
      within(rowOf(N.d))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '50', '—', '—', '—', '0\u00a0₫', '1', '—', '—']);
  });

  it('formats in English', () => {
    renderTable({ lang: 'en' });
    expect(screen.getByRole('heading', { level: 2, name: 'Ranking of units' })).toBeInTheDocument();
    const cells = within(rowOf(N.b))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      'reference',
      '27,866',
      '98.6%',
      '14.6%▼ below target',
      '3.8%',
      '₫545,180,000',
      '3',
      '-0.2 percentage points (worse)',
      '+14.6 percentage points (better)',
    ]);
    expect(within(rowOf(N.b)).getByText('District')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'View UBND huyện Gia Lâm' })).toBeInTheDocument();
  });

  it.each(SORTS)('sorts by "%s" with the mouse, and reverses on a second click', async (label, first, second) => {
    const { user } = renderTable();
    const direction = FIRST_DIRECTION[label] ?? 'descending';
    await user.click(screen.getByRole('button', { name: label }));
    expect(order()).toEqual(first);
    expectSortedBy(label, direction);
    await user.click(screen.getByRole('button', { name: label }));
    expect(order()).toEqual(second);
    expectSortedBy(label, flip(direction));
  });

  it.each(SORTS)('sorts by "%s" from the keyboard with Enter', async (label, first, second) => {
    const { user } = renderTable();
    const direction = FIRST_DIRECTION[label] ?? 'descending';
    screen.getByRole('button', { name: label }).focus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual(first);
    expectSortedBy(label, direction);
    await user.keyboard('{Enter}');
    expect(order()).toEqual(second);
    expectSortedBy(label, flip(direction));
  });

  it('reaches the header buttons with Tab and sorts with Space', async () => {
    const { user } = renderTable();
    await user.tab();
    expect(screen.getByRole('region', { name: /Bảng xếp hạng đơn vị/ })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Đơn vị' })).toHaveFocus();
    await user.keyboard(' ');
    expect(order()).toEqual([N.b, N.c, N.d, N.a]);
    expectSortedBy('Đơn vị', 'ascending');
  });

  it('opens a unit from its name, by mouse and by keyboard', async () => {
    const { user, onSelectUnit } = renderTable();
    await user.click(screen.getByRole('button', { name: `Xem ${N.b}` }));
    expect(onSelectUnit).toHaveBeenLastCalledWith('b');
    screen.getByRole('button', { name: `Xem ${N.c}` }).focus();
    await user.keyboard('{Enter}');
    expect(onSelectUnit).toHaveBeenLastCalledWith('c');
    expect(onSelectUnit).toHaveBeenCalledTimes(2);
  });

  it('marks the selected unit in words as well as by style', () => {
    renderTable({ selectedUnitId: 'c' });
    expect(rowOf(N.c)).toHaveAttribute('aria-current', 'true');
    expect(within(rowOf(N.c)).getByText(/đang xem/)).toBeInTheDocument();
    expect(rowOf(N.a)).not.toHaveAttribute('aria-current');
    expect(within(rowOf(N.a)).queryByText(/đang xem/)).not.toBeInTheDocument();
  });

  it('names each unit’s kind from its name (a town is not a commune), and shows codes', () => {
    renderTable();
    expect(within(rowOf(N.b)).getByText('Huyện')).toBeInTheDocument();
    expect(within(rowOf(N.b)).queryByText('Xã')).not.toBeInTheDocument();
    expect(within(rowOf(N.a)).getByText('Xã')).toBeInTheDocument();
    expect(within(rowOf(N.c)).getByText('Thị trấn')).toBeInTheDocument();
    expect(within(rowOf(N.c)).queryByText('Xã')).not.toBeInTheDocument();
    expect(within(rowOf(N.c)).getByText(/mã 00565/)).toBeInTheDocument();
  });

  it('marks units under the on-time target in words, not by colour alone', () => {
    renderTable();
    const onTimeCell = (name: string) => within(rowOf(name)).getAllByRole('cell')[2];
    expect(onTimeCell(N.c)).toHaveTextContent('90,0 %▼ dưới chỉ tiêu');
    expect(onTimeCell(N.a)).not.toHaveTextContent(/dưới chỉ tiêu/);
    expect(onTimeCell(N.b)).not.toHaveTextContent(/dưới chỉ tiêu/);
  });

  it('shows the change in on-time rate only when there is a previous period', () => {
    renderTable({ compared: null });
    expect(screen.queryByRole('columnheader', { name: /Thay đổi/ })).not.toBeInTheDocument();
    expect(screen.queryByText('+1,0 điểm %')).not.toBeInTheDocument();
  });

  it('shows the change in on-time rate in points, or a dash without a previous figure', () => {
    renderTable();
    expect(screen.getByRole('columnheader', { name: 'Thay đổi tỷ lệ đúng hạn so với kỳ trước' })).toBeInTheDocument();
    expect(within(rowOf(N.a)).getByText('+1,0 điểm %')).toBeInTheDocument();
    expect(within(rowOf(N.c)).getAllByRole('cell').at(-1)).toHaveTextContent('—');
  });

  it('returns to rank order when the change column it was sorted by goes away', async () => {
    const { user, onSelectUnit, rerender } = renderTable();
    await user.click(screen.getByRole('button', { name: 'Thay đổi tỷ lệ đúng hạn so với kỳ trước' }));
    await user.click(screen.getByRole('button', { name: 'Thay đổi tỷ lệ đúng hạn so với kỳ trước' }));
    expect(order()).toEqual([N.b, N.a, N.c, N.d]);
    expectSortedBy('Thay đổi tỷ lệ đúng hạn so với kỳ trước', 'ascending');
    rerender(<RankingTable rows={ROWS} lang="vi" onSelectUnit={onSelectUnit} selectedUnitId={null} compared={null} />);
    expect(order()).toEqual([N.b, N.a, N.c, N.d]);
    expectSortedBy('Hạng', 'ascending');
  });

  it('ranks two levels of several units each apart, under a heading each, with no reference row', () => {
    const B2 = { ...B, unitId: 'b2', name: 'UBND huyện Đông Anh', rank: 2 };
    renderTable({ rows: [A, B, C, B2, D] });
    expect(screen.getByRole('columnheader', { name: 'Cấp huyện' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Cấp xã' })).toBeInTheDocument();
    expect(order()).toEqual([N.b, 'UBND huyện Đông Anh', N.a, N.c, N.d]);
    expect(screen.queryByText('tham chiếu')).not.toBeInTheDocument();
  });

  it('says so when there are no units', () => {
    renderTable({ rows: [] });
    expect(screen.getByText('Không có đơn vị nào có số liệu trong kỳ này.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

describe('RankingTable with many units', () => {
  // Rank 1 is named "Xã 700", rank 700 "Xã 001": name order is the reverse of rank order.
  function many(n: number): UnitRow[] {
    return Array.from({ length: n }, (_, i) =>
      makeRow({
        unitId: `u${i + 1}`,
        name: `Xã ${String(n - i).padStart(3, '0')}`,
        level: 'commune',
        rank: i + 1,
        totals: withRates({ ...base, received: 100, resolvedOnTime: 100 - i / 10, resolvedLate: i / 10 }),
        previous: null,
      }),
    );
  }

  it('shows 50 units at a time and more on request, keeping keyboard focus in the table', async () => {
    const user = userEvent.setup();
    render(<RankingTable rows={many(120)} lang="vi" onSelectUnit={() => {}} selectedUnitId={null} compared={null} />);
    expect(screen.getAllByRole('rowheader')).toHaveLength(50);
    expect(screen.getByText('Hiển thị 50 / 120 đơn vị')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hiện thêm' }));
    expect(screen.getAllByRole('rowheader')).toHaveLength(100);
    expect(screen.getByText('Hiển thị 100 / 120 đơn vị')).toBeInTheDocument();
    // Focus goes to the first unit just shown (rank 51), not back to the top of the page.
    expect(screen.getByRole('button', { name: 'Xem Xã 070' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Hiện thêm' }));
    expect(screen.getAllByRole('rowheader')).toHaveLength(120);
    expect(screen.getByText('Hiển thị 120 / 120 đơn vị')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hiện thêm' })).not.toBeInTheDocument();
  });

  it('sorts all units before paging', async () => {
    const user = userEvent.setup();
    render(<RankingTable rows={many(700)} lang="en" onSelectUnit={() => {}} selectedUnitId={null} compared={null} />);
    expect(screen.getByText('Showing 50 of 700 units')).toBeInTheDocument();
    expect(order()[0]).toBe('Xã 700');
    expect(screen.queryByRole('button', { name: 'View Xã 001' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Unit' }));
    expect(screen.getAllByRole('rowheader')).toHaveLength(50);
    expect(screen.getByRole('button', { name: 'View Xã 001' })).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader')[0]).toHaveTextContent('Xã 001');
    expect(screen.getAllByRole('rowheader')[49]).toHaveTextContent('Xã 050');
  });
});

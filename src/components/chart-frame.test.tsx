import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type NumbersTable, unitValueTable, valueUnits } from '../domain/chart-specs.ts';
import { ChartFrame, type ChartFrameProps } from './chart-frame.tsx';
import { LazyChart, preloadCharts } from './charts/load-chart.ts';

const TABLE: NumbersTable = {
  columns: [
    { key: 'unit', label: 'Đơn vị' },
    { key: 'rate', label: 'Tỷ lệ đúng hạn', numeric: true },
  ],
  rows: [
    { key: 'a', cells: { unit: 'Xã An Bình', rate: '98,6\u00a0%' } },
    { key: 'b', cells: { unit: 'Xã Bình Minh', rate: '90,0\u00a0%' } },
  ],
};

function frame(props: Partial<ChartFrameProps> = {}) {
  return (
    <ChartFrame
      id="chart-test"
      title="Tỷ lệ đúng hạn theo đơn vị"
      description="Mỗi thanh là một đơn vị, xếp từ cao xuống thấp."
      status="ready"
      table={TABLE}
      height={240}
      lang="vi"
      {...props}
    >
      {props.children ?? <p>Nội dung biểu đồ</p>}
    </ChartFrame>
  );
}

describe('ChartFrame', () => {
  it('names the section by its title and describes it by its sentence', () => {
    render(frame());
    const section = screen.getByRole('region', { name: 'Tỷ lệ đúng hạn theo đơn vị' });
    expect(section).toHaveAccessibleDescription('Mỗi thanh là một đơn vị, xếp từ cao xuống thấp.');
    expect(within(section).getByRole('heading', { level: 3, name: 'Tỷ lệ đúng hạn theo đơn vị' })).toBeInTheDocument();
  });

  it('when ready, shows the chart in an image region labelled with title and description', async () => {
    render(frame());
    // Charts take turns to draw (use-turn.ts): the chart comes once its turn has come.
    const img = await screen.findByRole('img', {
      name: 'Tỷ lệ đúng hạn theo đơn vị. Mỗi thanh là một đơn vị, xếp từ cao xuống thấp.',
    });
    expect(img).toHaveTextContent('Nội dung biểu đồ');
  });

  it('keeps the chart area at the given height in every state', async () => {
    const { rerender } = render(frame({ status: 'loading' }));
    const area = screen.getByRole('status').parentElement as HTMLElement;
    expect(area).toHaveStyle({ minHeight: '240px' });
    rerender(frame({ status: 'ready' }));
    expect(area).toHaveStyle({ minHeight: '240px' });
    expect((await screen.findByRole('img')).parentElement).toHaveStyle({ minHeight: '240px' });
  });

  it('when loading, announces it and draws no chart', () => {
    render(frame({ status: 'loading' }));
    expect(screen.getByRole('status')).toHaveTextContent('Đang tải số liệu của biểu đồ…');
    expect(screen.queryByText('Nội dung biểu đồ')).not.toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('when empty, says there are no figures for the period', () => {
    render(frame({ status: 'empty' }));
    expect(screen.getByText('Không có số liệu trong khoảng thời gian đã chọn.')).toBeInTheDocument();
    expect(screen.queryByText('Nội dung biểu đồ')).not.toBeInTheDocument();
  });

  it('when empty in English, uses the English sentence, or the one given', () => {
    const { rerender } = render(frame({ status: 'empty', lang: 'en' }));
    expect(screen.getByText('No figures for the chosen period.')).toBeInTheDocument();
    rerender(frame({ status: 'empty', lang: 'en', statusText: 'No unit reports fees.' }));
    expect(screen.getByText('No unit reports fees.')).toBeInTheDocument();
  });

  it('when in error, alerts and retries through onRetry', async () => {
    const user = userEvent.setup();
    const onRetry = vi.fn();
    render(frame({ status: 'error', onRetry, statusText: 'Máy chủ không trả lời.' }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Máy chủ không trả lời.');
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('when in error without onRetry, offers no button', () => {
    render(frame({ status: 'error', lang: 'en' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The figures for the chart could not be loaded.');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('shows the actions next to the title', () => {
    render(frame({ actions: <button type="button">Tải CSV</button> }));
    expect(screen.getByRole('button', { name: 'Tải CSV' })).toBeInTheDocument();
  });
});

describe('ChartFrame numbers table', () => {
  it('is in the document while collapsed, visually hidden', () => {
    render(frame());
    const toggle = screen.getByRole('button', { name: 'Xem bảng số liệu' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const table = screen.getByRole('table', { name: 'Tỷ lệ đúng hạn theo đơn vị' });
    const wrap = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(wrap).not.toBeNull();
    expect(wrap).toContainElement(table);
    expect(wrap).toHaveClass('sr-only');
  });

  it('opens and closes with the toggle', async () => {
    const user = userEvent.setup();
    render(frame({ lang: 'en' }));
    const toggle = screen.getByRole('button', { name: 'Show the numbers' });
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const wrap = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(wrap).not.toHaveClass('sr-only');
    expect(within(wrap).getByRole('table')).toBeVisible();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(wrap).toHaveClass('sr-only');
  });

  it('has column headers, row headers and right-aligned numbers', () => {
    render(frame());
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Đơn vị', 'Tỷ lệ đúng hạn']);
    for (const h of headers) expect(h).toHaveAttribute('scope', 'col');
    expect(headers[1]).toHaveClass('num');
    const rowHeader = within(table).getByRole('rowheader', { name: 'Xã An Bình' });
    expect(rowHeader).toHaveAttribute('scope', 'row');
    const cell = within(rowHeader.closest('tr') as HTMLElement).getByRole('cell');
    expect(cell.textContent).toBe('98,6\u00a0%');
    expect(cell).toHaveClass('num');
  });

  it('is not offered before the chart is ready', () => {
    render(frame({ status: 'loading' }));
    expect(screen.queryByRole('button', { name: 'Xem bảng số liệu' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});

function Broken(): never {
  throw new Error('cannot draw');
}

describe('ChartFrame with a failing chart', () => {
  let consoleError: MockInstance | undefined;
  afterEach(() => {
    consoleError?.mockRestore();
  });

  it('shows the failure inside that frame while a sibling frame still draws its chart', async () => {
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fees = [
      { unitId: 'a', name: 'Xã An Bình', level: 'commune' as const, value: 545_180_000 },
      { unitId: 'b', name: 'Xã Bình Minh', level: 'commune' as const, value: 12_000_000 },
    ];
    render(
      <>
        {frame({ id: 'broken', title: 'Tỷ lệ đúng hạn theo đơn vị', children: <Broken /> })}
        <ChartFrame
          id="fees"
          title="Phí, lệ phí theo đơn vị"
          description="Số tiền thu được của từng đơn vị."
          status="ready"
          table={unitValueTable(fees, 'vnd', 'vi')}
          height={200}
          lang="vi"
        >
          <LazyChart chart={valueUnits(fees, 'vnd', 'neutral', 'vi')} lang="vi" />
        </ChartFrame>
      </>,
    );
    const broken = screen.getByRole('region', { name: 'Tỷ lệ đúng hạn theo đơn vị' });
    expect(await within(broken).findByRole('alert')).toHaveTextContent('Không vẽ được tỷ lệ đúng hạn theo đơn vị.');
    expect(within(broken).getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
    // The numbers stay reachable even though the drawing failed.
    expect(within(broken).getByRole('table')).toBeInTheDocument();

    const fine = screen.getByRole('region', { name: 'Phí, lệ phí theo đơn vị' });
    expect(within(fine).queryByRole('alert')).not.toBeInTheDocument();
    const chart = await within(fine).findByRole('img');
    // The chart module arrives on demand; the frame keeps its height meanwhile.
    expect(chart.parentElement).toHaveStyle({ minHeight: '200px' });
    await preloadCharts();
    expect(await within(chart).findByText('545,18 triệu đ')).toBeInTheDocument();
    expect(chart.querySelectorAll('rect.unit-chart__bar')).toHaveLength(2);
  });
});

describe('ChartFrame with a long table', () => {
  it('builds a table of more than 60 rows only when it is opened', async () => {
    const user = userEvent.setup();
    const long: NumbersTable = {
      columns: TABLE.columns,
      rows: Array.from({ length: 61 }, (_, i) => ({ key: `u${i}`, cells: { unit: `Xã ${i}`, rate: '90,0\u00a0%' } })),
    };
    render(frame({ table: long }));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Xem bảng số liệu' }));
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(62);
  });
});

import { getDefaultNormalizer, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataWarning } from '../domain/problems.ts';
import { DataQualityPanel } from './data-quality-panel.tsx';

const names = new Map([
  ['tq', 'Thị trấn Trâu Quỳ'],
  ['gl', 'UBND huyện Gia Lâm'],
]);

const flow: DataWarning = {
  code: 'flow_identity',
  path: 'records[12]',
  unitId: 'tq',
  month: '2022-04',
  left: 27_866,
  right: 27_860,
};

const chain: DataWarning = {
  code: 'month_chain',
  path: 'records[40]',
  unitId: 'gl',
  month: '2021-11',
  left: 309,
  right: 1_310,
};

// A unit the names map does not know is shown by its id.
const unknown: DataWarning = { ...chain, path: 'records[41]', unitId: 'x-99', month: '2021-12' };

function warnings(n: number): DataWarning[] {
  return Array.from({ length: n }, (_, i) => ({ ...flow, path: `records[${i}]`, left: 1_000 + i, right: 1 }));
}

describe('DataQualityPanel', () => {
  it('says the figures agree when there is no warning', () => {
    render(<DataQualityPanel warnings={[]} unitNames={names} lang="vi" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Chất lượng dữ liệu' })).toBeInTheDocument();
    expect(screen.getByText(/^Số liệu khớp/)).toHaveTextContent(/✓ Số liệu khớp: .*chuyển sang.*đang giải quyết/);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByText(/cảnh báo/)).not.toBeInTheDocument();
  });

  it('says so in English too', () => {
    render(<DataQualityPanel warnings={[]} unitNames={names} lang="en" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Data quality' })).toBeInTheDocument();
    expect(screen.getByText(/^The figures agree/)).toBeInTheDocument();
  });

  it('counts the warnings and lists each with its unit, month, kind and both sides', () => {
    render(<DataQualityPanel warnings={[flow, chain, unknown]} unitNames={names} lang="vi" />);
    expect(screen.getByText('3 cảnh báo')).toHaveTextContent('⚠ 3 cảnh báo');
    expect(screen.queryByText(/^Số liệu khớp/)).not.toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Các cảnh báo về số liệu không khớp' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Đơn vị', 'Tháng', 'Kiểm tra', 'Vế trái', 'Vế phải', 'Diễn giải']);

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByRole('rowheader')).toHaveTextContent('Thị trấn Trâu Quỳ');
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'tháng 4/2022',
      'Cân đối hồ sơ trong tháng',
      '27.866',
      '27.860',
      'Thị trấn Trâu Quỳ, tháng 4/2022: kỳ trước chuyển sang + mới tiếp nhận = 27.866, nhưng đã giải quyết + trả lại + đang giải quyết = 27.860.',
    ]);

    const second = rows[1] as HTMLElement;
    expect(within(second).getByRole('rowheader')).toHaveTextContent('UBND huyện Gia Lâm');
    expect(within(second).getByText('Nối tiếp giữa hai tháng')).toBeInTheDocument();
    expect(within(second).getByText('1.310')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByRole('rowheader')).toHaveTextContent('x-99');
  });

  it('lists warnings in English', () => {
    render(<DataQualityPanel warnings={[flow, chain]} unitNames={names} lang="en" />);
    expect(screen.getByText('2 warnings')).toBeInTheDocument();
    const row = screen.getByRole('rowheader', { name: 'Thị trấn Trâu Quỳ' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Apr 2022')).toBeInTheDocument();
    expect(within(row).getByText('The month does not add up')).toBeInTheDocument();
    expect(within(row).getByText('27,866')).toBeInTheDocument();
    expect(screen.getByText('Does not follow on from the month before')).toBeInTheDocument();
  });

  it('names a procedure field by its name, not its id', () => {
    const land: DataWarning = { ...flow, fieldId: 'dat-dai' };
    render(
      <DataQualityPanel warnings={[land]} unitNames={names} fieldNames={new Map([['dat-dai', 'Đất đai']])} lang="vi" />,
    );
    expect(screen.getByText(/^Thị trấn Trâu Quỳ, lĩnh vực Đất đai, tháng 4\/2022:/)).toBeInTheDocument();
    expect(screen.queryByText(/dat-dai/)).not.toBeInTheDocument();
  });

  it('shows at most 100 warnings and counts the rest', () => {
    render(<DataQualityPanel warnings={warnings(1_234)} unitNames={names} lang="vi" />);
    expect(screen.getByText('1.234 cảnh báo', { normalizer: getDefaultNormalizer() })).toBeInTheDocument();
    expect(screen.getAllByRole('rowheader')).toHaveLength(100);
    expect(screen.getByText('… và 1.134 cảnh báo khác.')).toBeInTheDocument();
  });

  it('does not claim hidden warnings when all are shown', () => {
    render(<DataQualityPanel warnings={warnings(100)} unitNames={names} lang="en" />);
    expect(screen.getAllByRole('rowheader')).toHaveLength(100);
    expect(screen.queryByText(/more warnings/)).not.toBeInTheDocument();
  });
});

import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../domain/schema.ts';
import { FactsPanel } from './facts-panel.tsx';

const FACTS: Fact[] = [
  { label: 'Thủ tục hành chính đang áp dụng', value: 434, unit: 'thủ tục', note: '280 cấp huyện, 154 cấp xã' },
  { label: 'Phí thu hộ', value: 1_386_718 },
  { label: 'Chỉ số CCHC (PAR Index)', value: 'xếp hạng thấp' },
];

function definitionOf(term: string): HTMLElement[] {
  // A term takes no accessible name from its content, so it is found by its text.
  const dt = screen.getAllByRole('term').find((t) => t.textContent === term);
  const group = dt?.parentElement;
  if (!group) throw new Error(`no term ${term}`);
  return within(group).getAllByRole('definition');
}

describe('FactsPanel', () => {
  it('renders nothing without facts', () => {
    const { container, rerender } = render(<FactsPanel facts={undefined} lang="vi" />);
    expect(container).toBeEmptyDOMElement();
    rerender(<FactsPanel facts={[]} lang="vi" />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('lists each fact with its value, unit and note', () => {
    render(<FactsPanel facts={FACTS} lang="vi" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Số liệu khác trong báo cáo' })).toBeInTheDocument();
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual([
      'Thủ tục hành chính đang áp dụng',
      'Phí thu hộ',
      'Chỉ số CCHC (PAR Index)',
    ]);
    const [value, note] = definitionOf('Thủ tục hành chính đang áp dụng');
    expect(value).toHaveTextContent(/^434 thủ tục$/);
    expect(note).toHaveTextContent('280 cấp huyện, 154 cấp xã');
    expect(definitionOf('Phí thu hộ').map((d) => d.textContent)).toEqual(['1.386.718']);
    expect(definitionOf('Chỉ số CCHC (PAR Index)').map((d) => d.textContent)).toEqual(['xếp hạng thấp']);
  });

  it('formats numbers in English', () => {
    render(<FactsPanel facts={FACTS} lang="en" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Other figures in the report' })).toBeInTheDocument();
    expect(definitionOf('Phí thu hộ').map((d) => d.textContent)).toEqual(['1,386,718']);
    // Text values are shown as the file gives them, not translated.
    expect(definitionOf('Chỉ số CCHC (PAR Index)').map((d) => d.textContent)).toEqual(['xếp hạng thấp']);
  });

  it('shows text as text, never as markup', () => {
    render(<FactsPanel facts={[{ label: '<b>nhãn</b>', value: '<img src=x onerror=alert(1)>' }]} lang="vi" />);
    expect(screen.getByText('<b>nhãn</b>')).toBeInTheDocument();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});

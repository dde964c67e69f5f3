import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BriefingParagraph, briefingText } from '../domain/briefing.ts';
import { BriefingPanel } from './briefing-panel.tsx';

const PARAGRAPHS: BriefingParagraph[] = [
  { id: 'intro', text: 'Bản tóm tắt này dựa trên bộ dữ liệu “Huyện Thử”.' },
  { id: 'district', text: 'Cấp huyện tiếp nhận và xử lý tổng cộng 27.866 hồ sơ.' },
];

/** Replaces the clipboard (user-event installs its own in setup(), so this runs after it). */
function stubClipboard(clipboard: unknown) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true, writable: true });
}

function stubExecCommand(impl: (command: string) => boolean) {
  const execCommand = vi.fn(impl);
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true, writable: true });
  return execCommand;
}

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
});

describe('BriefingPanel', () => {
  it('shows the heading and each paragraph (vi)', () => {
    render(<BriefingPanel paragraphs={PARAGRAPHS} lang="vi" />);
    const section = screen.getByRole('region', { name: 'Bản tóm tắt để báo cáo' });
    expect(section).toBeInTheDocument();
    const texts = [...section.querySelectorAll('.briefing__text p')].map((p) => p.textContent);
    expect(texts).toEqual(PARAGRAPHS.map((p) => p.text));
    expect(screen.getByRole('button', { name: 'Sao chép' })).toBeEnabled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('speaks English when asked', () => {
    render(<BriefingPanel paragraphs={PARAGRAPHS} lang="en" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Briefing' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
  });

  it('copies the whole briefing with the Clipboard API and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    stubClipboard({ writeText });
    const execCommand = stubExecCommand(() => true);
    render(<BriefingPanel paragraphs={PARAGRAPHS} lang="vi" />);
    await user.click(screen.getByRole('button', { name: 'Sao chép' }));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(briefingText(PARAGRAPHS));
    expect(writeText.mock.calls[0]?.[0]).toContain('\n\n');
    expect(execCommand).not.toHaveBeenCalled();
    expect(await screen.findByRole('status')).toHaveTextContent('Đã sao chép');
  });

  it('falls back to selecting the text when there is no clipboard, and keeps focus on the button', async () => {
    const user = userEvent.setup();
    stubClipboard(undefined);
    let selected: string | undefined;
    const execCommand = stubExecCommand(() => {
      // What is selected at the moment of copying is what lands on the clipboard.
      const area = document.querySelector('textarea');
      selected = area?.value.slice(area.selectionStart, area.selectionEnd);
      return true;
    });
    render(<BriefingPanel paragraphs={PARAGRAPHS} lang="en" />);
    const button = screen.getByRole('button', { name: 'Copy' });
    await user.click(button);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(selected).toBe(briefingText(PARAGRAPHS));
    expect(document.querySelector('textarea')).toBeNull();
    expect(button).toHaveFocus();
    expect(await screen.findByRole('status')).toHaveTextContent('Copied');
  });

  it('falls back when the Clipboard API refuses', async () => {
    const user = userEvent.setup();
    stubClipboard({ writeText: vi.fn().mockRejectedValue(new Error('NotAllowedError')) });
    const execCommand = stubExecCommand(() => true);
    render(<BriefingPanel paragraphs={PARAGRAPHS} lang="vi" />);
    await user.click(screen.getByRole('button', { name: 'Sao chép' }));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(await screen.findByRole('status')).toHaveTextContent('Đã sao chép');
  });

  it('says so when neither way can copy', async () => {
    const user = userEvent.setup();
    stubClipboard(undefined);
    stubExecCommand(() => false);
    render(<BriefingPanel paragraphs={PARAGRAPHS} lang="vi" />);
    await user.click(screen.getByRole('button', { name: 'Sao chép' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Không sao chép được');
    expect(screen.getByRole('status')).not.toHaveTextContent('Đã sao chép');
  });

  it('drops the message once the text it was about changes', async () => {
    const user = userEvent.setup();
    stubClipboard({ writeText: vi.fn().mockResolvedValue(undefined) });
    const { rerender } = render(<BriefingPanel paragraphs={PARAGRAPHS} lang="vi" />);
    await user.click(screen.getByRole('button', { name: 'Sao chép' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Đã sao chép');
    rerender(<BriefingPanel paragraphs={PARAGRAPHS.slice(0, 1)} lang="vi" />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('disables the button when there is nothing to copy', () => {
    render(<BriefingPanel paragraphs={[]} lang="vi" />);
    expect(screen.getByRole('button', { name: 'Sao chép' })).toBeDisabled();
  });
});

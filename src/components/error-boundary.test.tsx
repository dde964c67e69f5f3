import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { ErrorBoundary } from './error-boundary.tsx';

let failing = true;

function Flaky() {
  if (failing) throw new Error('broken chart');
  return <p>Biểu đồ đã vẽ</p>;
}

describe('ErrorBoundary', () => {
  let consoleError: MockInstance;
  beforeEach(() => {
    failing = true;
    // React reports the caught error itself; keep the test output readable.
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    consoleError.mockRestore();
  });

  it('shows the failure in its own frame and keeps the content around it', () => {
    render(
      <div>
        <p>Nội dung khác</p>
        <ErrorBoundary label="Tỷ lệ đúng hạn theo đơn vị" lang="vi">
          <Flaky />
        </ErrorBoundary>
      </div>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Không vẽ được tỷ lệ đúng hạn theo đơn vị.');
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeInTheDocument();
    expect(screen.getByText('Nội dung khác')).toBeInTheDocument();
  });

  it('keeps an acronym at the start of the label in capitals', () => {
    render(
      <ErrorBoundary label="UBND xã theo tháng" lang="vi">
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Không vẽ được UBND xã theo tháng.');
  });

  it('speaks English and draws the children again on "Try again"', async () => {
    const user = userEvent.setup();
    render(
      <ErrorBoundary label="On-time rate by unit" lang="en">
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('On-time rate by unit could not be shown.');
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Biểu đồ đã vẽ')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('renders its children untouched when nothing throws', () => {
    failing = false;
    render(
      <ErrorBoundary label="x" lang="vi">
        <Flaky />
      </ErrorBoundary>,
    );
    expect(screen.getByText('Biểu đồ đã vẽ')).toBeInTheDocument();
    expect(consoleError).not.toHaveBeenCalled();
  });
});

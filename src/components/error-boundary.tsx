import { Component, type ReactNode } from 'react';
import type { Lang } from '../domain/format.ts';

const TEXT = {
  vi: {
    failed: (label: string) => `Không vẽ được ${lowerFirst(label)}.`,
    retry: 'Thử lại',
  },
  en: {
    failed: (label: string) => `${label} could not be shown.`,
    retry: 'Try again',
  },
};

/** Mid-sentence in Vietnamese a title reads lower-case, but acronyms such as "UBND" keep their capitals. */
function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase('vi') + label.slice(1) : label;
}

interface ErrorBoundaryProps {
  /** What the children show, e.g. a chart's title: named in the message. */
  label: string;
  lang: Lang;
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
}

/**
 * Keeps one broken chart from blanking the whole page: the rest of the page
 * stays usable and the reader can try the failed part again. React already
 * reports the error, so nothing more is logged here.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  private readonly retry = () => {
    this.setState({ failed: false });
  };

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = TEXT[this.props.lang];
    return (
      <div className="chart-fallback chart-fallback--error" role="alert">
        <p>{t.failed(this.props.label)}</p>
        <button type="button" onClick={this.retry}>
          {t.retry}
        </button>
      </div>
    );
  }
}

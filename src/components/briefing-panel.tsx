import { useEffect, useId, useState } from 'react';
import { type BriefingParagraph, briefingText } from '../domain/briefing.ts';
import type { Lang } from '../domain/format.ts';
import './panels.css';
import './briefing-panel.css';

const TEXT = {
  vi: {
    heading: 'Bản tóm tắt để báo cáo',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    failed: 'Không sao chép được. Hãy chọn đoạn văn và sao chép bằng tay.',
  },
  en: {
    heading: 'Briefing',
    copy: 'Copy',
    copied: 'Copied',
    failed: 'Could not copy. Select the text and copy it by hand.',
  },
};

/** How long the "copied" message stays before the live region is emptied for the next copy. */
const STATUS_MS = 5000;

/**
 * The old way to copy, for pages where the Clipboard API is missing or
 * refused (plain http, older browsers): select the text in an off-screen
 * textarea and ask the document to copy the selection.
 */
function copyBySelection(text: string): boolean {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.tabIndex = -1;
  area.setAttribute('aria-hidden', 'true');
  area.className = 'briefing__copy-source';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    // Selecting moved focus into the textarea; keyboard users go back to the button they pressed.
    previous?.focus();
  }
}

async function copyText(text: string): Promise<boolean> {
  if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused or not a secure context: the selection route may still work.
    }
  }
  return copyBySelection(text);
}

type CopyState = { kind: 'idle' } | { kind: 'copied' | 'failed'; text: string };

export interface BriefingPanelProps {
  paragraphs: BriefingParagraph[];
  lang: Lang;
}

/** The briefing as paragraphs ready to paste into a report, with a button that copies all of it. */
export function BriefingPanel({ paragraphs, lang }: BriefingPanelProps) {
  const t = TEXT[lang];
  const headingId = useId();
  const text = briefingText(paragraphs);
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind === 'idle') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), STATUS_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function onCopy() {
    // Emptying the live region first makes a second copy announced again.
    setState({ kind: 'idle' });
    const ok = await copyText(text);
    setState({ kind: ok ? 'copied' : 'failed', text });
  }

  // A message about text that has since changed (another period, another language) would mislead.
  const message = state.kind !== 'idle' && state.text === text ? (state.kind === 'copied' ? t.copied : t.failed) : '';

  return (
    <section className="panel briefing" aria-labelledby={headingId}>
      <div className="briefing__header">
        <h2 id={headingId} className="panel__title">
          {t.heading}
        </h2>
        <button type="button" className="briefing__copy" onClick={onCopy} disabled={paragraphs.length === 0}>
          {t.copy}
        </button>
      </div>
      <p role="status" className={state.kind === 'failed' ? 'briefing__status status--bad' : 'briefing__status'}>
        {message}
      </p>
      <div className="briefing__text">
        {paragraphs.map((p) => (
          <p key={p.id}>{p.text}</p>
        ))}
      </div>
    </section>
  );
}

import { useEffect, useId, useRef, useState } from 'react';
import type { Lang } from '../domain/format.ts';
import './page.css';

const TEXT = {
  vi: {
    open: 'Mở tệp dữ liệu…',
    hint: 'hoặc thả tệp JSON vào trang. Tệp chỉ được đọc trên máy này, không gửi đi đâu.',
    drop: 'Thả tệp để mở',
  },
  en: {
    open: 'Open a data file…',
    hint: 'or drop a JSON file on the page. The file is read on this computer only and sent nowhere.',
    drop: 'Drop the file to open it',
  },
};

/**
 * A file chosen or dropped anywhere on the page, handed on as it is: the
 * page reads it (src/data/fetch-dataset.ts, loadFile) through exactly the
 * validation a fetched file goes through, and it never leaves the browser.
 */
export function FileOpener({ lang, onFile }: { lang: Lang; onFile: (file: File) => void }) {
  const t = TEXT[lang];
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFile]);

  return (
    <div className="file-opener">
      <input
        ref={input}
        id={id}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
      <button type="button" onClick={() => input.current?.click()} aria-describedby={`${id}-hint`}>
        {t.open}
      </button>
      {/* Said to assistive technology with the button; the import panel further down says it on screen. */}
      <span id={`${id}-hint`} className="sr-only">
        {t.hint}
      </span>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          {t.drop}
        </div>
      )}
    </div>
  );
}

import type { Lang } from '../domain/format.ts';
import './page.css';

export type ExportKind = 'png' | 'svg' | 'csv' | 'xlsx' | 'json';

const TEXT = {
  vi: { group: (what: string) => `Tải xuống: ${what}`, label: (k: string, what: string) => `Tải ${k} — ${what}` },
  en: { group: (what: string) => `Download: ${what}`, label: (k: string, what: string) => `Download ${k} — ${what}` },
};

/** Small download buttons; each names what it downloads for screen readers. */
export function ExportButtons({
  lang,
  what,
  kinds,
  onExport,
}: {
  lang: Lang;
  what: string;
  kinds: readonly ExportKind[];
  onExport: (kind: ExportKind) => void;
}) {
  const t = TEXT[lang];
  return (
    <fieldset className="export-buttons">
      <legend className="sr-only">{t.group(what)}</legend>
      {kinds.map((k) => (
        <button key={k} type="button" aria-label={t.label(k.toUpperCase(), what)} onClick={() => onExport(k)}>
          {k.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}

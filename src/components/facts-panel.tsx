import { useId } from 'react';
import { formatCount, type Lang } from '../domain/format.ts';
import type { Fact } from '../domain/schema.ts';
import './panels.css';

const TEXT = {
  vi: { heading: 'Số liệu khác trong báo cáo', note: 'Ghi chú' },
  en: { heading: 'Other figures in the report', note: 'Note' },
};

export interface FactsPanelProps {
  facts: Fact[] | undefined;
  lang: Lang;
}

/** Figures the report states that are not monthly dossier counts, shown as the file gives them. */
export function FactsPanel({ facts, lang }: FactsPanelProps) {
  const t = TEXT[lang];
  const headingId = useId();
  if (!facts || facts.length === 0) return null;
  return (
    <section className="panel facts" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t.heading}
      </h2>
      <dl className="facts__list">
        {facts.map((fact, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: facts have no id, labels may repeat, and the list never reorders.
          <div key={i} className="facts__item">
            <dt>{fact.label}</dt>
            <dd className="facts__value">
              {typeof fact.value === 'number' ? formatCount(fact.value, lang) : fact.value}
              {fact.unit ? ` ${fact.unit}` : null}
            </dd>
            {fact.note ? (
              <dd className="facts__note">
                <span className="sr-only">{t.note}: </span>
                {fact.note}
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}

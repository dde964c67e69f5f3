import { Fragment, useId } from 'react';
import type { AccountabilityFigures, AccountabilityRow } from '../domain/dashboard.ts';
import { formatCount, type Lang } from '../domain/format.ts';
import { FIGURE_LABEL, NOT_REPORTED } from '../domain/labels.ts';
import './panels.css';

const TEXT = {
  vi: {
    heading: 'Hồ sơ trễ hạn và thư xin lỗi',
    intro:
      'Người dân có hồ sơ giải quyết quá hạn phải nhận thư xin lỗi của cơ quan giải quyết. Bảng dưới đây liệt kê các đơn vị (và lĩnh vực) có hồ sơ trễ hạn hoặc đang quá hạn trong kỳ, cùng số thư xin lỗi đã gửi nếu có báo cáo.',
    none: 'Trong kỳ không đơn vị nào có hồ sơ giải quyết quá hạn hay đang quá hạn.',
    caption: 'Đơn vị và lĩnh vực có hồ sơ trễ hạn hoặc đang quá hạn, nhiều nhất trước',
    scroll: 'Bảng hồ sơ trễ hạn và thư xin lỗi (cuộn ngang được)',
    unit: 'Đơn vị, lĩnh vực',
  },
  en: {
    heading: 'Late dossiers and apology letters',
    intro:
      'A citizen whose dossier is resolved late is owed a letter of apology by the office that handled it. The table lists the units (and fields) with dossiers resolved late or still overdue in the period, with the apology letters sent where they are reported.',
    none: 'No unit resolved a dossier late or had an overdue dossier in the period.',
    caption: 'Units and fields with late or overdue dossiers, most first',
    scroll: 'Late dossiers and apology letters (scrolls sideways)',
    unit: 'Unit, field',
  },
};

export interface AccountabilityPanelProps {
  rows: readonly AccountabilityRow[];
  lang: Lang;
}

function Cells({ row, lang }: { row: AccountabilityFigures; lang: Lang }) {
  return (
    <>
      <td className="num">{formatCount(row.resolvedLate, lang)}</td>
      <td className={row.pendingOverdue > 0 ? 'num status--bad' : 'num'}>{formatCount(row.pendingOverdue, lang)}</td>
      <td className={row.apologyLetters === null ? 'num quiet' : 'num'}>
        {row.apologyLetters === null ? NOT_REPORTED[lang] : formatCount(row.apologyLetters, lang)}
      </td>
    </>
  );
}

/**
 * What the seed's council found missing: for every unit (and field) with late
 * or overdue dossiers, how many, and how many apology letters were sent —
 * "not reported" where the data does not say, never 0.
 */
export function AccountabilityPanel({ rows, lang }: AccountabilityPanelProps) {
  const t = TEXT[lang];
  const headingId = useId();
  return (
    <section className="panel accountability" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t.heading}
      </h2>
      <p>{t.intro}</p>
      {rows.length === 0 ? (
        <p className="status status--good">
          <span aria-hidden="true">✓</span> {t.none}
        </p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it.
        <section className="table-scroll" aria-label={t.scroll} tabIndex={0}>
          <table className="data-table">
            <caption className="sr-only">{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.unit}</th>
                <th scope="col" className="num">
                  {FIGURE_LABEL.resolvedLate[lang]}
                </th>
                <th scope="col" className="num">
                  {FIGURE_LABEL.pendingOverdue[lang]}
                </th>
                <th scope="col" className="num">
                  {FIGURE_LABEL.apologyLetters[lang]}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <Fragment key={r.unitId}>
                  <tr>
                    <th scope="row" className="unit-cell">
                      {r.name}
                    </th>
                    <Cells row={r} lang={lang} />
                  </tr>
                  {r.fields.map((f) => (
                    <tr key={`${r.unitId}:${f.fieldId}`} className="accountability__field">
                      <th scope="row" className="unit-cell">
                        <span className="sr-only">{r.name}, </span>
                        {f.name}
                      </th>
                      <Cells row={f} lang={lang} />
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

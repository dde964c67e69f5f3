import { useId } from 'react';
import { formatCount, formatMonth, type Lang } from '../domain/format.ts';
import { describeWarning } from '../domain/messages.ts';
import type { DataWarning, WarningCode } from '../domain/problems.ts';
import './panels.css';

const TEXT = {
  vi: {
    heading: 'Chất lượng dữ liệu',
    allGood:
      'Số liệu khớp: ở mọi đơn vị và mọi tháng, kỳ trước chuyển sang + mới tiếp nhận bằng đã giải quyết + trả lại + đang giải quyết, và số chuyển sang mỗi tháng bằng số còn đang giải quyết cuối tháng trước.',
    count: (n: string) => `${n} cảnh báo`,
    intro: 'Những chỗ số liệu không khớp dưới đây vẫn được tính, nhưng nên kiểm tra lại với đơn vị báo cáo.',
    caption: 'Các cảnh báo về số liệu không khớp',
    scroll: 'Bảng cảnh báo chất lượng dữ liệu (cuộn ngang được)',
    unit: 'Đơn vị',
    month: 'Tháng',
    check: 'Kiểm tra',
    left: 'Vế trái',
    right: 'Vế phải',
    detail: 'Diễn giải',
    kinds: {
      flow_identity: 'Cân đối hồ sơ trong tháng',
      month_chain: 'Nối tiếp giữa hai tháng',
    } as Record<WarningCode, string>,
    more: (n: string) => `… và ${n} cảnh báo khác.`,
  },
  en: {
    heading: 'Data quality',
    allGood:
      'The figures agree: for every unit and month, carried over + received equals resolved + withdrawn + pending, and each month carries over what was pending at the end of the month before.',
    count: (n: string) => `${n} ${n === '1' ? 'warning' : 'warnings'}`,
    intro: 'The mismatches below are still counted, but are worth checking with the reporting unit.',
    caption: 'Warnings about figures that do not agree',
    scroll: 'Data quality warnings (scrolls sideways)',
    unit: 'Unit',
    month: 'Month',
    check: 'Check',
    left: 'Left side',
    right: 'Right side',
    detail: 'Explanation',
    kinds: {
      flow_identity: 'The month does not add up',
      month_chain: 'Does not follow on from the month before',
    } as Record<WarningCode, string>,
    more: (n: string) => `… and ${n} more warnings.`,
  },
};

/** More rows than this would bury the page; the rest are counted instead. */
const MAX_SHOWN = 100;

export interface DataQualityPanelProps {
  /** The warnings to list (the first ones, when a very large file has many). */
  warnings: DataWarning[];
  /** How many warnings there are in all; the list's length unless it was cut. */
  count?: number;
  unitNames: ReadonlyMap<string, string>;
  /** Procedure fields by id, so a warning names the field as people know it. */
  fieldNames?: ReadonlyMap<string, string>;
  lang: Lang;
}

/** Checks that the figures agree with themselves (warnings from validation), in words and numbers. */
const NO_FIELDS: ReadonlyMap<string, string> = new Map();

export function DataQualityPanel({
  warnings,
  count = warnings.length,
  unitNames,
  fieldNames = NO_FIELDS,
  lang,
}: DataQualityPanelProps) {
  const t = TEXT[lang];
  const headingId = useId();
  const shown = warnings.slice(0, MAX_SHOWN);
  const hidden = count - shown.length;
  return (
    <section className="panel quality" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t.heading}
      </h2>
      {warnings.length === 0 ? (
        <p className="status status--good">
          <span aria-hidden="true">✓</span> {t.allGood}
        </p>
      ) : (
        <>
          <p className="quality__count status status--bad">
            <span aria-hidden="true">⚠</span> {t.count(formatCount(count, lang))}
          </p>
          <p>{t.intro}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it. */}
          <section className="table-scroll" aria-label={t.scroll} tabIndex={0}>
            <table className="data-table">
              <caption className="sr-only">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.unit}</th>
                  <th scope="col">{t.month}</th>
                  <th scope="col">{t.check}</th>
                  <th scope="col" className="num">
                    {t.left}
                  </th>
                  <th scope="col" className="num">
                    {t.right}
                  </th>
                  <th scope="col">{t.detail}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((w) => {
                  const name = unitNames.get(w.unitId) ?? w.unitId;
                  return (
                    <tr key={`${w.code}:${w.path}:${w.unitId}:${w.month}`}>
                      <th scope="row" className="unit-cell">
                        {name}
                      </th>
                      <td className="nowrap">{formatMonth(w.month, lang)}</td>
                      <td>{t.kinds[w.code]}</td>
                      <td className="num">{formatCount(w.left, lang)}</td>
                      <td className="num">{formatCount(w.right, lang)}</td>
                      <td className="quality__detail">
                        {describeWarning(
                          w,
                          lang,
                          name,
                          w.fieldId === undefined ? undefined : (fieldNames.get(w.fieldId) ?? w.fieldId),
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          {hidden > 0 ? <p>{t.more(formatCount(hidden, lang))}</p> : null}
        </>
      )}
    </section>
  );
}

import { type ReactNode, useId } from 'react';
import type { Headline, HeadlineGroup, ResolvedTargets } from '../domain/dashboard.ts';
import {
  formatCount,
  formatPercent,
  formatPointChange,
  formatRange,
  formatRelativeChange,
  formatVnd,
  formatVndShort,
  type Lang,
} from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_LABEL, NOT_REPORTED } from '../domain/labels.ts';
import { onlineCount, onTimeCount, type Totals } from '../domain/metrics.ts';
import './panels.css';

const TEXT = {
  vi: {
    heading: 'Số liệu chính',
    period: 'Kỳ báo cáo',
    comparedWith: (range: string) => `so với ${range}`,
    versusPrevious: 'so với kỳ trước',
    flowParts: (carried: string, received: string) => `kỳ trước chuyển sang ${carried}, mới tiếp nhận ${received}`,
    ofResolved: (resolved: string) => `trên ${resolved} hồ sơ đã giải quyết (gồm cả trước hạn)`,
    target: (rate: string) => `Chỉ tiêu ${rate}`,
    met: 'Đạt chỉ tiêu',
    notMet: 'Chưa đạt chỉ tiêu',
    overdue: (n: string) => `trong đó quá hạn: ${n}`,
    noneOverdue: 'không có hồ sơ quá hạn',
    levels: (l3: string, l4: string) => `mức độ 3: ${l3} · mức độ 4: ${l4}`,
    rateChange: 'tỷ lệ',
    noGroups: 'Không có số liệu trong kỳ này.',
  },
  en: {
    heading: 'Headline figures',
    period: 'Period',
    comparedWith: (range: string) => `compared with ${range}`,
    versusPrevious: 'compared with the previous period',
    flowParts: (carried: string, received: string) => `carried over ${carried}, newly received ${received}`,
    ofResolved: (resolved: string) => `of ${resolved} dossiers resolved (early ones included)`,
    target: (rate: string) => `Target ${rate}`,
    met: 'Target met',
    notMet: 'Target not met',
    overdue: (n: string) => `of which overdue: ${n}`,
    noneOverdue: 'none overdue',
    levels: (l3: string, l4: string) => `level 3: ${l3} · level 4: ${l4}`,
    rateChange: 'rate',
    noGroups: 'No figures in this period.',
  },
};

export interface HeadlineFiguresProps {
  headline: Headline;
  lang: Lang;
}

/** The period's key figures, one block per level shown (or for the unit drilled into). */
export function HeadlineFigures({ headline, lang }: HeadlineFiguresProps) {
  const t = TEXT[lang];
  const headingId = useId();
  const period = formatRange(headline.range, lang);
  const previous = headline.previousRange ? formatRange(headline.previousRange, lang) : null;
  return (
    <section className="panel headline" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t.heading}
      </h2>
      <p className="panel__subtitle">
        {t.period}: {period}
        {previous ? `, ${t.comparedWith(previous)}` : null}
      </p>
      {headline.groups.length === 0 ? <p>{t.noGroups}</p> : null}
      {headline.groups.map((group) => (
        <GroupBlock key={`${group.kind}:${group.label}`} group={group} targets={headline.targets} lang={lang} />
      ))}
    </section>
  );
}

function GroupBlock({ group, targets, lang }: { group: HeadlineGroup; targets: ResolvedTargets; lang: Lang }) {
  const t = TEXT[lang];
  const headingId = useId();
  const { current, previous } = group;
  // A unit is named by its own name; a level by the shared level label.
  const title = group.kind === 'unit' ? group.label : LEVEL_LABEL[group.kind][lang];
  const optional = (value: number | null) => (value === null ? NOT_REPORTED[lang] : formatCount(value, lang));
  return (
    <section className="headline__group" aria-labelledby={headingId}>
      <h3 id={headingId} className="headline__group-title">
        {title}
      </h3>
      <ul className="headline__grid">
        <Figure label={FIGURE_LABEL.total[lang]} value={formatCount(current.total, lang)}>
          <p className="figure__detail">
            {t.flowParts(formatCount(current.carriedOver, lang), formatCount(current.received, lang))}
          </p>
          <Change lang={lang} current={current.total} previous={previous?.total ?? null} kind="count" />
        </Figure>

        <Figure label={FIGURE_LABEL.onTime[lang]} value={formatCount(onTimeCount(current), lang)}>
          <RateLine label={FIGURE_LABEL.onTimeRate[lang]} rate={current.onTimeRate} lang={lang} />
          <p className="figure__detail">{t.ofResolved(formatCount(current.resolved, lang))}</p>
          <TargetLine rate={current.onTimeRate} target={targets.onTimeRate} lang={lang} />
          <Change
            lang={lang}
            current={onTimeCount(current)}
            previous={previous ? onTimeCount(previous) : null}
            kind="count"
          />
          <Change
            lang={lang}
            current={current.onTimeRate}
            previous={previous?.onTimeRate ?? null}
            kind="rate"
            what={t.rateChange}
          />
        </Figure>

        <Figure label={FIGURE_LABEL.pending[lang]} value={formatCount(current.pending, lang)}>
          <Overdue totals={current} lang={lang} />
          <Change lang={lang} current={current.pending} previous={previous?.pending ?? null} kind="count" />
        </Figure>

        <Figure label={FIGURE_LABEL.online[lang]} value={formatCount(onlineCount(current), lang)}>
          <p className="figure__detail">
            {t.levels(formatCount(current.receivedOnlineLevel3, lang), formatCount(current.receivedOnlineLevel4, lang))}
          </p>
          <RateLine label={FIGURE_LABEL.onlineRate[lang]} rate={current.onlineRate} lang={lang} />
          <TargetLine rate={current.onlineRate} target={targets.onlineRate} lang={lang} />
          <Change
            lang={lang}
            current={onlineCount(current)}
            previous={previous ? onlineCount(previous) : null}
            kind="count"
          />
          <Change
            lang={lang}
            current={current.onlineRate}
            previous={previous?.onlineRate ?? null}
            kind="rate"
            what={t.rateChange}
          />
        </Figure>

        <Figure label={FIGURE_LABEL.interlinked[lang]} value={optional(current.interlinked)}>
          <Change lang={lang} current={current.interlinked} previous={previous?.interlinked ?? null} kind="count" />
        </Figure>

        <Figure label={FIGURE_LABEL.saturdayReceived[lang]} value={optional(current.saturdayReceived)}>
          <Change
            lang={lang}
            current={current.saturdayReceived}
            previous={previous?.saturdayReceived ?? null}
            kind="count"
          />
        </Figure>

        <Figure label={FIGURE_LABEL.feesVnd[lang]} value={formatVndShort(current.feesVnd, lang)}>
          <p className="figure__detail">{formatVnd(current.feesVnd, lang)}</p>
          <Change lang={lang} current={current.feesVnd} previous={previous?.feesVnd ?? null} kind="count" />
        </Figure>
      </ul>
    </section>
  );
}

/** One card; a labelled group so that assistive technology (and tests) can find a figure by its name. */
function Figure({ label, value, children }: { label: string; value: string; children?: ReactNode }) {
  const labelId = useId();
  return (
    <li className="figure">
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups a figure with its details. */}
      <div role="group" aria-labelledby={labelId}>
        <p id={labelId} className="figure__label">
          {label}
        </p>
        <p className="figure__value">{value}</p>
        {children}
      </div>
    </li>
  );
}

function RateLine({ label, rate, lang }: { label: string; rate: number | null; lang: Lang }) {
  return (
    <p className="figure__rate">
      {label}: <strong>{formatPercent(rate, lang)}</strong>
    </p>
  );
}

/** Met or not met is said in words and with a symbol, so it does not rely on colour. */
function TargetLine({ rate, target, lang }: { rate: number | null; target: number; lang: Lang }) {
  const t = TEXT[lang];
  const targetText = t.target(formatPercent(target, lang));
  if (rate === null) return <p className="figure__detail">{targetText}</p>;
  const met = rate >= target;
  return (
    <p className="figure__detail">
      {targetText} ·{' '}
      <span className={met ? 'status status--good' : 'status status--bad'}>
        <span aria-hidden="true">{met ? '✓' : '✗'}</span> {met ? t.met : t.notMet}
      </span>
    </p>
  );
}

function Overdue({ totals, lang }: { totals: Totals; lang: Lang }) {
  const t = TEXT[lang];
  if (totals.pendingOverdue === 0) return <p className="figure__detail">{t.noneOverdue}</p>;
  return (
    <p className="figure__detail status status--bad">
      <span aria-hidden="true">⚠</span> {t.overdue(formatCount(totals.pendingOverdue, lang))}
    </p>
  );
}

interface ChangeProps {
  lang: Lang;
  current: number | null;
  previous: number | null;
  kind: 'count' | 'rate';
  /** Which part of the figure changed, when the card shows more than one. */
  what?: string;
}

/** The change against the previous period; nothing when there is no comparable figure. */
function Change({ lang, current, previous, kind, what }: ChangeProps) {
  const t = TEXT[lang];
  const text =
    kind === 'count' ? formatRelativeChange(current, previous, lang) : formatPointChange(current, previous, lang);
  if (text === null || current === null || previous === null) return null;
  // The arrow only repeats the sign of the figure beside it, so it is hidden from screen readers.
  const arrow = current > previous ? '▲' : current < previous ? '▼' : '=';
  return (
    <p className="figure__change">
      {what ? `${what} ` : null}
      <span aria-hidden="true">{arrow}</span> <span className="figure__change-value">{text}</span> {t.versusPrevious}
    </p>
  );
}

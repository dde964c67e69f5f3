import { type ReactNode, useId } from 'react';
import { type ChangeVerdict, type Compared, changeVerdict } from '../domain/comparison-plan.ts';
import {
  comparedWith,
  comparedWithShort,
  incompleteText,
  noComparisonText,
  targetLabelStart,
  targetsNote,
  VERDICT_LABEL,
} from '../domain/comparison-words.ts';
import type { Headline, HeadlineGroup, ResolvedTargets, TargetKey } from '../domain/dashboard.ts';
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
import { FIGURE_LABEL, type FigureKey, LEVEL_LABEL, NOT_REPORTED } from '../domain/labels.ts';
import { onTimeCount } from '../domain/metrics.ts';
import './panels.css';

const TEXT = {
  vi: {
    heading: 'Số liệu chính',
    period: 'Kỳ báo cáo',
    flowParts: (carried: string, received: string) => `kỳ trước chuyển sang ${carried}, mới tiếp nhận ${received}`,
    onTimeOf: (onTime: string, resolved: string) => `${onTime} / ${resolved} hồ sơ đã giải quyết (gồm cả trước hạn)`,
    onlineOf: (online: string, received: string) => `${online} / ${received} hồ sơ mới tiếp nhận`,
    overdue: 'Hồ sơ quá hạn',
    overdueDetail: (pending: string) => `đã quá hạn, trong ${pending} hồ sơ đang giải quyết ở cuối kỳ`,
    lateInPeriod: (n: string) => `đã giải quyết quá hạn trong kỳ: ${n}`,
    met: 'Đạt',
    notMet: 'Chưa đạt',
    levels: (l3: string, l4: string) => `mức độ 3: ${l3} · mức độ 4: ${l4}`,
    noGroups: 'Không có số liệu trong kỳ này.',
  },
  en: {
    heading: 'Headline figures',
    period: 'Period',
    flowParts: (carried: string, received: string) => `carried over ${carried}, newly received ${received}`,
    onTimeOf: (onTime: string, resolved: string) => `${onTime} of ${resolved} dossiers resolved (early ones included)`,
    onlineOf: (online: string, received: string) => `${online} of ${received} dossiers newly received`,
    overdue: 'Overdue dossiers',
    overdueDetail: (pending: string) => `past their deadline, of ${pending} dossiers in progress at the end`,
    lateInPeriod: (n: string) => `resolved late in the period: ${n}`,
    met: 'Met',
    notMet: 'Not met',
    levels: (l3: string, l4: string) => `level 3: ${l3} · level 4: ${l4}`,
    noGroups: 'No figures in this period.',
  },
};

export interface HeadlineFiguresProps {
  headline: Headline;
  lang: Lang;
}

/**
 * The period's key figures, one block per level shown (or for the unit drilled
 * into), in the order of the council's questions: on time, overdue, online,
 * then volume and fees. A rate leads its card with its target beside it and
 * the count beneath; each card shows one change, coloured by what it means.
 */
export function HeadlineFigures({ headline, lang }: HeadlineFiguresProps) {
  const t = TEXT[lang];
  const headingId = useId();
  const period = formatRange(headline.range, lang);
  const none = noComparisonText(headline.comparison, lang);
  const note = targetsNote(headline.targets, lang);
  return (
    <section className="panel headline" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t.heading}
      </h2>
      <p className="panel__subtitle">
        {t.period}: {period}
        {headline.compare ? `, ${comparedWith(headline.compare, lang)}` : null}
      </p>
      {none ? <p className="headline__note">{none}</p> : null}
      {headline.groups.length === 0 ? <p>{t.noGroups}</p> : null}
      {headline.groups.map((group) => (
        <GroupBlock
          key={`${group.kind}:${group.label}`}
          group={group}
          targets={headline.targets}
          compare={headline.compare}
          lang={lang}
        />
      ))}
      {note ? <p className="headline__note">{note}</p> : null}
    </section>
  );
}

interface GroupBlockProps {
  group: HeadlineGroup;
  targets: ResolvedTargets;
  compare: Compared | null;
  lang: Lang;
}

function GroupBlock({ group, targets, compare, lang }: GroupBlockProps) {
  const t = TEXT[lang];
  const headingId = useId();
  const { current, previous } = group;
  // A unit is named by its own name; a level by the shared level label.
  const title = group.kind === 'unit' ? group.label : LEVEL_LABEL[group.kind][lang];
  const incomplete = incompleteText(group.coverage, lang);
  const split = current.receivedOnlineLevel3 !== null && current.receivedOnlineLevel4 !== null;
  const change = (key: FigureKey, now: number | null, before: number | null, kind: 'count' | 'rate') =>
    compare ? <Change lang={lang} figure={key} current={now} previous={before} kind={kind} against={compare} /> : null;
  return (
    <section className="headline__group" aria-labelledby={headingId}>
      <h3 id={headingId} className="headline__group-title">
        {title}
      </h3>
      {incomplete ? <p className="headline__note">{incomplete}</p> : null}
      <ul className="headline__grid">
        <Figure label={FIGURE_LABEL.onTime[lang]} value={formatPercent(current.onTimeRate, lang)} lang={lang}>
          <TargetLine rate={current.onTimeRate} targets={targets} which="onTimeRate" lang={lang} />
          <p className="figure__detail">
            {t.onTimeOf(formatCount(onTimeCount(current), lang), formatCount(current.resolved, lang))}
          </p>
          {change('onTimeRate', current.onTimeRate, previous?.onTimeRate ?? null, 'rate')}
        </Figure>

        <Figure label={t.overdue} value={formatCount(current.pendingOverdue, lang)} lang={lang}>
          <p className="figure__detail">{t.overdueDetail(formatCount(current.pending, lang))}</p>
          <p className="figure__detail">{t.lateInPeriod(formatCount(current.resolvedLate, lang))}</p>
          {change('pendingOverdue', current.pendingOverdue, previous?.pendingOverdue ?? null, 'count')}
        </Figure>

        <Figure
          label={split ? FIGURE_LABEL.online[lang] : FIGURE_LABEL.receivedOnline[lang]}
          value={formatPercent(current.onlineRate, lang)}
          lang={lang}
        >
          <TargetLine rate={current.onlineRate} targets={targets} which="onlineRate" lang={lang} />
          <p className="figure__detail">
            {t.onlineOf(formatCount(current.receivedOnline, lang), formatCount(current.received, lang))}
          </p>
          {split ? (
            <p className="figure__detail">
              {t.levels(
                formatCount(current.receivedOnlineLevel3, lang),
                formatCount(current.receivedOnlineLevel4, lang),
              )}
            </p>
          ) : null}
          {change('onlineRate', current.onlineRate, previous?.onlineRate ?? null, 'rate')}
        </Figure>

        <Figure label={FIGURE_LABEL.total[lang]} value={formatCount(current.total, lang)} lang={lang}>
          <p className="figure__detail">
            {t.flowParts(formatCount(current.carriedOver, lang), formatCount(current.received, lang))}
          </p>
          {change('total', current.total, previous?.total ?? null, 'count')}
        </Figure>

        <Figure
          label={FIGURE_LABEL.feesVnd[lang]}
          value={current.feesVnd === null ? null : formatVndShort(current.feesVnd, lang)}
          lang={lang}
        >
          <p className="figure__detail">{formatVnd(current.feesVnd, lang)}</p>
          {change('feesVnd', current.feesVnd, previous?.feesVnd ?? null, 'count')}
        </Figure>

        <Figure
          label={FIGURE_LABEL.interlinked[lang]}
          value={current.interlinked === null ? null : formatCount(current.interlinked, lang)}
          lang={lang}
        >
          {change('interlinked', current.interlinked, previous?.interlinked ?? null, 'count')}
        </Figure>

        <Figure
          label={FIGURE_LABEL.saturdayReceived[lang]}
          value={current.saturdayReceived === null ? null : formatCount(current.saturdayReceived, lang)}
          lang={lang}
        >
          {change('saturdayReceived', current.saturdayReceived, previous?.saturdayReceived ?? null, 'count')}
        </Figure>
      </ul>
    </section>
  );
}

/**
 * One card; a labelled group so that assistive technology (and tests) can find a figure by its name.
 * A figure the data does not report (value null) is a quiet note in its place, never a 0 and never set
 * as a figure; what would describe it (`children`) is left out.
 */
function Figure({
  label,
  value,
  lang,
  children,
}: {
  label: string;
  value: string | null;
  lang: Lang;
  children?: ReactNode;
}) {
  const labelId = useId();
  return (
    <li className={value === null ? 'figure figure--unreported' : 'figure'}>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls; this groups a figure with its details. */}
      <div role="group" aria-labelledby={labelId}>
        <p id={labelId} className="figure__label">
          {label}
        </p>
        {value === null ? (
          <p className="figure__detail quiet">{NOT_REPORTED[lang]}</p>
        ) : (
          <>
            {/* A long amount ("1,39 tỷ đ", "₫545.18 million") is set smaller so it fits its card on one line. */}
            <p className={value.length > 9 ? 'figure__value figure__value--long' : 'figure__value'}>{value}</p>
            {children}
          </>
        )}
      </div>
    </li>
  );
}

/** The target with whose it is, and met or not met in words and a symbol, so it does not rely on colour. */
function TargetLine({
  rate,
  targets,
  which,
  lang,
}: {
  rate: number | null;
  targets: ResolvedTargets;
  which: TargetKey;
  lang: Lang;
}) {
  const t = TEXT[lang];
  const text = targetLabelStart(targets, which, lang);
  if (rate === null) return <p className="figure__target">{text}</p>;
  const met = rate >= targets[which];
  return (
    <p className="figure__target">
      {text} ·{' '}
      <span className={met ? 'status status--good' : 'status status--bad'}>
        <span aria-hidden="true">{met ? '✓' : '✗'}</span> {met ? t.met : t.notMet}
      </span>
    </p>
  );
}

interface ChangeProps {
  lang: Lang;
  figure: FigureKey;
  current: number | null;
  previous: number | null;
  kind: 'count' | 'rate';
  against: Compared;
}

const VERDICT_CLASS: Record<ChangeVerdict, string> = {
  better: 'figure__change--better',
  worse: 'figure__change--worse',
  same: 'figure__change--same',
  neutral: 'figure__change--neutral',
};

/**
 * The change against the period compared with, coloured by what it means
 * (better or worse for that figure, not up or down) and said in words, so
 * the colour only repeats it; nothing when there is no comparable figure.
 */
function Change({ lang, figure, current, previous, kind, against }: ChangeProps) {
  const text =
    kind === 'count' ? formatRelativeChange(current, previous, lang) : formatPointChange(current, previous, lang);
  const verdict = changeVerdict(figure, current, previous);
  if (text === null || verdict === null || current === null || previous === null) return null;
  // The arrow only repeats the sign of the figure beside it, so it is hidden from screen readers.
  const arrow = current > previous ? '▲' : current < previous ? '▼' : '=';
  const meaning = verdict === 'neutral' ? null : VERDICT_LABEL[verdict][lang];
  return (
    <p className={`figure__change ${VERDICT_CLASS[verdict]}`}>
      <span aria-hidden="true">{arrow}</span> <span className="figure__change-value">{text}</span>
      {meaning ? ` (${meaning})` : null} {comparedWithShort(against.mode, lang)}
    </p>
  );
}

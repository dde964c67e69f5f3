import type { GroupCoverage } from './comparison.ts';
import type { ChangeVerdict, Compared, CompareMode, ComparisonPlan } from './comparison-plan.ts';
import type { ResolvedTargets, TargetKey, TargetSource } from './dashboard.ts';
import { formatCount, formatPercent, formatRange, type Lang } from './format.ts';

/**
 * The words for what a figure is measured against, in one place: an earlier
 * period (which one, which months) and a target (whose). Every page, slide,
 * briefing sentence and export says it with these, so no change is shown
 * without what it is compared with and no default target passes for an
 * official one.
 */

/** The choice of comparison, as a control names it. */
export const COMPARE_MODE_LABEL: Record<CompareMode, Record<Lang, string>> = {
  year: { vi: 'Cùng kỳ năm trước', en: 'Same months a year earlier' },
  previous: { vi: 'Kỳ trước cùng độ dài', en: 'Previous period of the same length' },
};

const AGAINST: Record<CompareMode, Record<Lang, string>> = {
  year: { vi: 'so với cùng kỳ năm trước', en: 'compared with the same months a year earlier' },
  previous: { vi: 'so với kỳ trước', en: 'compared with the previous period' },
};

/** "so với cùng kỳ năm trước" / "compared with the previous period": for a legend or a column heading. */
export function comparedWithShort(mode: CompareMode, lang: Lang): string {
  return AGAINST[mode][lang];
}

/**
 * What a change is compared with, months included: vi "so với cùng kỳ năm
 * trước (tháng 1/2021 – tháng 4/2021)", en "compared with the previous period
 * (Sep 2021 – Dec 2021)". Lower case, to go inside or after a sentence.
 */
export function comparedWith(compare: Compared, lang: Lang): string {
  return `${AGAINST[compare.mode][lang]} (${formatRange(compare.range, lang)})`;
}

/** The same at the start of a sentence: "So với cùng kỳ năm trước (…)". */
export function comparedWithStart(compare: Compared, lang: Lang): string {
  return startOfSentence(comparedWith(compare, lang), lang);
}

function startOfSentence(text: string, lang: Lang): string {
  return text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
}

const PERIOD_NAME: Record<CompareMode, Record<Lang, string>> = {
  year: { vi: 'cùng kỳ năm trước', en: 'the same months a year earlier' },
  previous: { vi: 'kỳ trước cùng độ dài', en: 'the previous period of the same length' },
};

/**
 * Why a selection is compared with nothing, as a sentence; null when it is
 * compared. Says which months are missing, so a reader knows what to ask for.
 */
export function noComparisonText(plan: ComparisonPlan, lang: Lang): string | null {
  if (plan.reason === null) return null;
  if (plan.reason === 'overlaps' || plan.range === null) {
    return lang === 'vi'
      ? 'Kỳ đã chọn dài hơn 12 tháng nên không so được với cùng kỳ năm trước (hai kỳ sẽ trùng nhau); có thể so với kỳ trước cùng độ dài.'
      : 'The period chosen is longer than twelve months, so it cannot be compared with the same months a year earlier (the two would overlap); it can be compared with the previous period of the same length.';
  }
  const months = formatRange(plan.range, lang);
  const period = PERIOD_NAME[plan.mode][lang];
  return lang === 'vi'
    ? `Dữ liệu không có đủ số liệu ${period} (${months}), nên chưa so sánh được.`
    : `The data does not have every month of ${period} (${months}), so no comparison is made.`;
}

/**
 * Why a group (a level, a field) has no comparison although the selection
 * has one: units lacking a month of either period, named up to a few; null
 * when the group is compared.
 */
export function incompleteText(coverage: GroupCoverage | null, lang: Lang): string | null {
  if (coverage === null || coverage.incomplete === 0) return null;
  const n = formatCount(coverage.incomplete, lang);
  const of = formatCount(coverage.units, lang);
  const rest = coverage.incomplete - coverage.incompleteNames.length;
  const names =
    rest > 0
      ? `${coverage.incompleteNames.join(', ')}${lang === 'vi' ? ` và ${formatCount(rest, lang)} đơn vị khác` : ` and ${formatCount(rest, lang)} more`}`
      : coverage.incompleteNames.join(', ');
  if (lang === 'vi') {
    return `chưa so sánh được vì ${n}/${of} đơn vị không có số liệu đủ mọi tháng của cả hai kỳ (${names})`;
  }
  const lack = coverage.incomplete === 1 ? 'lacks' : 'lack';
  return `not compared, as ${n} of ${of} units ${lack} a month of one of the two periods (${names})`;
}

/** A change in words, for a screen reader or a table that is not coloured. */
export const VERDICT_LABEL: Record<ChangeVerdict, Record<Lang, string>> = {
  better: { vi: 'tốt hơn', en: 'better' },
  worse: { vi: 'kém hơn', en: 'worse' },
  same: { vi: 'không đổi', en: 'unchanged' },
  neutral: { vi: 'thay đổi', en: 'changed' },
};

const TARGET_NOUN: Record<TargetSource, Record<Lang, string>> = {
  dataset: { vi: 'chỉ tiêu', en: 'target' },
  default: { vi: 'chỉ tiêu mặc định', en: 'default target' },
  reader: { vi: 'chỉ tiêu do người xem đặt', en: 'target set by the reader' },
};

/** "chỉ tiêu", "chỉ tiêu mặc định", "chỉ tiêu do người xem đặt" / "target", "default target", "target set by the reader". */
export function targetNoun(source: TargetSource, lang: Lang): string {
  return TARGET_NOUN[source][lang];
}

/**
 * A target in force with whose it is: vi "chỉ tiêu mặc định 95 %", en
 * "default target 95%" (digits as formatPercent: 0 on a slide, 1 in a text).
 */
export function targetLabel(targets: ResolvedTargets, key: TargetKey, lang: Lang, digits = 1): string {
  return `${targetNoun(targets.source[key], lang)} ${formatPercent(targets[key], lang, digits)}`;
}

/** The same as a label on its own: "Chỉ tiêu mặc định 95,0 %" / "Default target 95.0%". */
export function targetLabelStart(targets: ResolvedTargets, key: TargetKey, lang: Lang, digits = 1): string {
  return startOfSentence(targetLabel(targets, key, lang, digits), lang);
}

const TARGET_WHAT: Record<TargetKey, Record<Lang, string>> = {
  onTimeRate: { vi: 'tỷ lệ đúng hạn', en: 'the on-time rate' },
  onlineRate: { vi: 'tỷ lệ trực tuyến', en: 'online uptake' },
};

/**
 * A sentence saying which targets are not the dataset's own, or null when
 * both are: defaults are the dashboard's and no one's official target; a
 * reader's target is named as such, with the dataset's where it sets one.
 */
export function targetsNote(targets: ResolvedTargets, lang: Lang, digits = 1): string | null {
  const keys = ['onTimeRate', 'onlineRate'] as const;
  const defaults = keys.filter((k) => targets.source[k] === 'default');
  const readers = keys.filter((k) => targets.source[k] === 'reader');
  const sentences: string[] = [];
  const pct = (value: number) => formatPercent(value, lang, digits);
  if (defaults.length > 0) {
    const what = defaults.map((k) => TARGET_WHAT[k][lang]).join(lang === 'vi' ? ' và ' : ' and ');
    const values = defaults.map((k) => pct(targets[k])).join(lang === 'vi' ? ' và ' : ' and ');
    sentences.push(
      lang === 'vi'
        ? `Bộ dữ liệu không đặt chỉ tiêu ${what}; ${values} là chỉ tiêu mặc định của bảng số liệu, không phải chỉ tiêu chính thức.`
        : `The dataset sets no target for ${what}; ${values} ${defaults.length === 1 ? 'is the dashboard’s default, not an official target' : 'are the dashboard’s defaults, not official targets'}.`,
    );
  }
  for (const k of readers) {
    const own = targets.dataset[k];
    sentences.push(
      lang === 'vi'
        ? `Chỉ tiêu ${TARGET_WHAT[k][lang]} ${pct(targets[k])} do người xem đặt${own === null ? '' : ` (chỉ tiêu của bộ dữ liệu: ${pct(own)})`}.`
        : `The target for ${TARGET_WHAT[k][lang]}, ${pct(targets[k])}, was set by the reader${own === null ? '' : ` (the dataset’s target: ${pct(own)})`}.`,
    );
  }
  return sentences.length > 0 ? sentences.join(' ') : null;
}

const TARGET_NAME: Record<TargetKey, Record<TargetSource, Record<Lang, string>>> = {
  onTimeRate: {
    dataset: { vi: 'chỉ tiêu đúng hạn', en: 'the on-time target' },
    default: { vi: 'chỉ tiêu đúng hạn mặc định', en: 'the default on-time target' },
    reader: { vi: 'chỉ tiêu đúng hạn do người xem đặt', en: 'the reader’s on-time target' },
  },
  onlineRate: {
    dataset: { vi: 'chỉ tiêu trực tuyến', en: 'the online target' },
    default: { vi: 'chỉ tiêu trực tuyến mặc định', en: 'the default online target' },
    reader: { vi: 'chỉ tiêu trực tuyến do người xem đặt', en: 'the reader’s online target' },
  },
};

/** One target named with whose it is, for a sentence: "chỉ tiêu đúng hạn mặc định" / "the default on-time target". */
export function targetName(targets: ResolvedTargets, key: TargetKey, lang: Lang): string {
  return TARGET_NAME[key][targets.source[key]][lang];
}

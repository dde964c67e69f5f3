import type { FigureKey } from './labels.ts';
import { hasEveryMonth, type Month, type MonthRange, previousRange, rangeLength, yearEarlierRange } from './months.ts';

/**
 * What a period is compared with (docs/decisions/0014-compared-with-what.md):
 * the months to compare with, whether the data has them, which units may be
 * compared at all, and what "better" means for each figure. No comparison
 * rather than a wrong one: a figure gets an earlier one only when the records
 * behind both cover every month of both periods.
 */

export const COMPARE_MODES = ['previous', 'year'] as const;
/** 'previous': the period of the same length just before; 'year': the same months a year earlier. */
export type CompareMode = (typeof COMPARE_MODES)[number];

export function isCompareMode(text: string): text is CompareMode {
  return (COMPARE_MODES as readonly string[]).includes(text);
}

/** What figures are compared with; travels with them so that every text can say it. */
export interface Compared {
  mode: CompareMode;
  range: MonthRange;
}

/**
 * Why a selection has no comparison at all:
 * - 'overlaps': the same months a year earlier of a range longer than twelve months overlap the range itself;
 * - 'not-in-data': some month of the comparison range has no record in the whole dataset.
 */
export type NoComparisonReason = 'overlaps' | 'not-in-data';

export interface ComparisonPlan {
  mode: CompareMode;
  /** The months to compare with, by arithmetic alone; null only when the mode gives none ('overlaps'). */
  range: MonthRange | null;
  /** null: the dataset has a record in every month of `range`; otherwise why there is no comparison. */
  reason: NoComparisonReason | null;
}

/** The data a plan needs: every month that has a record, sorted (a DatasetIndex or the page's DatasetMeta). */
export interface MonthsOfData {
  months: readonly Month[];
}

/**
 * The months a range is compared with: the same length just before, or the
 * same months a year earlier (a range crossing a year shifts as a whole).
 * null for 'year' when the range is longer than twelve months: its months a
 * year earlier would overlap it, and dossiers would count on both sides.
 */
export function comparisonRange(range: MonthRange, mode: CompareMode): MonthRange | null {
  if (mode === 'previous') return previousRange(range);
  return rangeLength(range) > 12 ? null : yearEarlierRange(range);
}

/** The comparison of a selected range in a mode, and why there is none when there is none. */
export function planComparison(data: MonthsOfData, range: MonthRange, mode: CompareMode): ComparisonPlan {
  const against = comparisonRange(range, mode);
  if (against === null) return { mode, range: null, reason: 'overlaps' };
  return { mode, range: against, reason: hasEveryMonth(data.months, against) ? null : 'not-in-data' };
}

/** What the figures of a plan are compared with, or null when they are compared with nothing. */
export function comparedOf(plan: ComparisonPlan): Compared | null {
  return plan.reason === null && plan.range !== null ? { mode: plan.mode, range: plan.range } : null;
}

/**
 * The mode a page opens with: the same months a year earlier when the dataset
 * has a record in every one of them (seasons alike: Tết, the end of the year),
 * otherwise the previous period. Reads only the dataset's months, so the page
 * can decide from its DatasetMeta without asking the worker.
 */
export function defaultCompare(data: MonthsOfData, range: MonthRange): CompareMode {
  return planComparison(data, range, 'year').reason === null ? 'year' : 'previous';
}

/**
 * Which way a figure is better: rates up; counts of dossiers that failed a
 * citizen (resolved late, overdue) down. A count that grows with the volume of
 * work (received, resolved, online dossiers, fees…) has no better direction:
 * its meaning is carried by a rate, so its change is shown uncoloured.
 */
export type BetterWhen = 'higher' | 'lower' | null;

export const BETTER_WHEN: Record<FigureKey, BetterWhen> = {
  onTimeRate: 'higher',
  onlineRate: 'higher',
  level4Share: 'higher',
  completionRate: 'higher',
  resolvedLate: 'lower',
  pendingOverdue: 'lower',
  total: null,
  carriedOver: null,
  received: null,
  onTime: null,
  resolved: null,
  resolvedEarly: null,
  resolvedOnTime: null,
  withdrawn: null,
  pending: null,
  pendingWithinDeadline: null,
  online: null,
  receivedOnline: null,
  receivedOnlineLevel3: null,
  receivedOnlineLevel4: null,
  offline: null,
  interlinked: null,
  saturdayReceived: null,
  apologyLetters: null,
  feesVnd: null,
};

/** Figures that are rates (0..1); their changes are in percentage points. */
const RATES: ReadonlySet<FigureKey> = new Set(['onTimeRate', 'onlineRate', 'level4Share', 'completionRate']);

/**
 * Rate changes smaller than this are 'same': half of the 0.1 percentage point
 * the page writes, so that "0,0 điểm %" is never coloured as a gain or a loss.
 */
export const SAME_RATE = 0.0005;

/** What a change means: better or worse by BETTER_WHEN, the same, or neither (a count of volume). */
export type ChangeVerdict = 'better' | 'worse' | 'same' | 'neutral';

/** The meaning of a change of one figure; null when either value is missing (no change to speak of). */
export function changeVerdict(key: FigureKey, current: number | null, previous: number | null): ChangeVerdict | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  if (RATES.has(key) ? Math.abs(delta) < SAME_RATE : delta === 0) return 'same';
  const better = BETTER_WHEN[key];
  if (better === null) return 'neutral';
  return delta > 0 === (better === 'higher') ? 'better' : 'worse';
}

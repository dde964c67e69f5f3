import type { FigureKey } from './labels.ts';
import { type DatasetIndex, sumTotals, type Totals, unitTotals } from './metrics.ts';
import {
  hasEveryMonth,
  type Month,
  type MonthRange,
  monthIndex,
  previousRange,
  rangeLength,
  yearEarlierRange,
} from './months.ts';

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

const NO_RUNS = new Int32Array(0);
const runsByIndex = new WeakMap<DatasetIndex, Map<string, Int32Array>>();

/**
 * The months a unit reported, as runs of consecutive months: [first, last,
 * first, last, …] in month numbers (monthIndex). A unit reported a month when
 * it has a record of it, of any field. Built once per unit and dataset from
 * its records (no strings made), so a coverage check is a binary search.
 */
function reportedRuns(index: DatasetIndex, unitId: string): Int32Array {
  let byUnit = runsByIndex.get(index);
  if (!byUnit) {
    byUnit = new Map();
    runsByIndex.set(index, byUnit);
  }
  const known = byUnit.get(unitId);
  if (known) return known;
  const series = index.seriesByUnit.get(unitId);
  let runs = NO_RUNS;
  if (series) {
    let count = 0;
    for (const list of series.values()) count += list.length;
    const months = new Int32Array(count);
    let i = 0;
    for (const list of series.values()) for (const r of list) months[i++] = monthIndex(r.month);
    // One series is sorted already; several (one per field) are merged here.
    if (series.size > 1) months.sort();
    const out: number[] = [];
    for (let k = 0; k < months.length; k++) {
      const m = months[k] as number;
      const last = out.length - 1;
      if (last >= 0 && m <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, m);
      else out.push(m, m);
    }
    runs = Int32Array.from(out);
  }
  byUnit.set(unitId, runs);
  return runs;
}

/**
 * True when the unit has a record (of any field) in every month of the range.
 * For a unit that reports by field, a field without a record in a month it
 * reported had nothing to report (the official report leaves such rows blank),
 * so the unit's months decide, not each field's.
 */
export function unitCovers(index: DatasetIndex, unitId: string, range: MonthRange): boolean {
  const runs = reportedRuns(index, unitId);
  const from = monthIndex(range.from);
  const to = monthIndex(range.to);
  // The last run that starts no later than `from`.
  let lo = 0;
  let hi = runs.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((runs[2 * mid] as number) <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (runs[2 * (lo - 1) + 1] as number) >= to;
}

/**
 * A unit's figures over the comparison range, when it may be compared: it
 * reported every month of both the selected range and the comparison range.
 * A unit that started reporting in March has no comparison for January to
 * April, rather than a partial one.
 */
export function unitPrevious(
  index: DatasetIndex,
  unitId: string,
  range: MonthRange,
  against: MonthRange,
  field: string | null,
): Totals | null {
  if (!unitCovers(index, unitId, range) || !unitCovers(index, unitId, against)) return null;
  return unitTotals(index, unitId, against, field);
}

/** Up to this many units lacking months are named, so the page can say who. */
export const INCOMPLETE_NAMED = 3;

/** Who a group's comparison sums, and who keeps it from being made. */
export interface GroupCoverage {
  /** Units of the group with figures in either period: those a comparison sums. */
  units: number;
  /** Of them, units without a record in every month of both periods; one is enough to withhold the comparison. */
  incomplete: number;
  /** The first of those (up to INCOMPLETE_NAMED), by name, in the order of the dataset. */
  incompleteNames: string[];
}

export interface GroupComparison {
  /** The group's figures over the comparison range; null when withheld, or when no unit has figures then. */
  previous: Totals | null;
  coverage: GroupCoverage;
}

/**
 * A group's figures over the comparison range, or none. The units compared
 * are those with figures (of the field, when one is given) in either period;
 * every one of them must have reported every month of both periods, or the
 * group gets no comparison at all. A sum over the units that happen to cover
 * both would set this year's whole level against last year's part of it, and
 * the change would be who reported, not how they did.
 */
export function compareGroup(
  index: DatasetIndex,
  unitIds: Iterable<string>,
  range: MonthRange,
  against: MonthRange,
  field: string | null,
): GroupComparison {
  const parts: Totals[] = [];
  const coverage: GroupCoverage = { units: 0, incomplete: 0, incompleteNames: [] };
  for (const id of unitIds) {
    const now = unitTotals(index, id, range, field);
    const then = unitTotals(index, id, against, field);
    if (!now && !then) continue;
    coverage.units++;
    if (unitCovers(index, id, range) && unitCovers(index, id, against)) {
      if (then) parts.push(then);
    } else {
      coverage.incomplete++;
      if (coverage.incompleteNames.length < INCOMPLETE_NAMED) {
        coverage.incompleteNames.push(index.unitsById.get(id)?.name ?? id);
      }
    }
  }
  return { previous: coverage.incomplete > 0 ? null : sumTotals(parts), coverage };
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

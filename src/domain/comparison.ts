import { type DatasetIndex, sumTotals, type Totals, unitTotals } from './metrics.ts';
import { type MonthRange, monthIndex } from './months.ts';

/**
 * Which units may be compared (docs/decisions/0014-compared-with-what.md):
 * a unit or a group gets an earlier figure only when the records behind both
 * cover every month of both periods. The plan (modes, months, better and
 * worse) is in comparison-plan.ts, which the first view needs without the
 * metric module.
 */

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

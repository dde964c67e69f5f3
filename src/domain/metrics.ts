import { inRange, type Month, type MonthRange } from './months.ts';
import type { Dataset, DatasetRecord, Level, Unit } from './schema.ts';
import { LEVELS } from './schema.ts';

/**
 * The arithmetic of the dashboard (docs/decisions/0002-stocks-flows-and-rates.md).
 * Stocks (carried over, pending) are taken at the edges of a range, flows are
 * summed over it, and rates are always computed from summed counts.
 */

export interface Counts {
  carriedOver: number;
  received: number;
  receivedOnlineLevel3: number;
  receivedOnlineLevel4: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  withdrawn: number;
  pendingWithinDeadline: number;
  pendingOverdue: number;
  feesVnd: number;
  /** null: no record in the set reports it. */
  interlinked: number | null;
  saturdayReceived: number | null;
  apologyLetters: number | null;
}

export interface Totals extends Counts {
  total: number;
  resolved: number;
  pending: number;
  onTimeRate: number | null;
  onlineRate: number | null;
  completionRate: number | null;
}

/** The keys of Totals in the order the command line and exports print them. */
export const TOTALS_KEYS = [
  'carriedOver',
  'received',
  'receivedOnlineLevel3',
  'receivedOnlineLevel4',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'withdrawn',
  'pendingWithinDeadline',
  'pendingOverdue',
  'feesVnd',
  'interlinked',
  'saturdayReceived',
  'apologyLetters',
  'total',
  'resolved',
  'pending',
  'onTimeRate',
  'onlineRate',
  'completionRate',
] as const satisfies readonly (keyof Totals)[];

/** Dossiers resolved within the deadline: early plus on time (decision 0002). */
export function onTimeCount(t: Counts): number {
  return t.resolvedEarly + t.resolvedOnTime;
}

/** New dossiers received online, level 3 plus level 4. */
export function onlineCount(t: Counts): number {
  return t.receivedOnlineLevel3 + t.receivedOnlineLevel4;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function withRates(c: Counts): Totals {
  const total = c.carriedOver + c.received;
  const resolved = c.resolvedEarly + c.resolvedOnTime + c.resolvedLate;
  const pending = c.pendingWithinDeadline + c.pendingOverdue;
  return {
    ...c,
    total,
    resolved,
    pending,
    onTimeRate: ratio(onTimeCount(c), resolved),
    onlineRate: ratio(onlineCount(c), c.received),
    // More resolved than there were dossiers means the figures do not add up (a data-quality
    // warning says where); a rate above 100 % would only mislead, so there is none.
    completionRate: resolved > total ? null : ratio(resolved, total),
  };
}

function addOptional(a: number | null, b: number | null | undefined): number | null {
  if (b === undefined || b === null) return a;
  return (a ?? 0) + b;
}

/**
 * One unit over a range, from its records sorted by month. Returns null when
 * the unit has no record in the range. Stocks come from the first and last
 * months that have a record.
 */
export function totalsOfRecords(sorted: readonly DatasetRecord[]): Totals | null {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return null;
  const c: Counts = {
    carriedOver: first.carriedOver,
    received: 0,
    receivedOnlineLevel3: 0,
    receivedOnlineLevel4: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    withdrawn: 0,
    pendingWithinDeadline: last.pendingWithinDeadline,
    pendingOverdue: last.pendingOverdue,
    feesVnd: 0,
    interlinked: null,
    saturdayReceived: null,
    apologyLetters: null,
  };
  for (const r of sorted) {
    c.received += r.received;
    c.receivedOnlineLevel3 += r.receivedOnlineLevel3;
    c.receivedOnlineLevel4 += r.receivedOnlineLevel4;
    c.resolvedEarly += r.resolvedEarly;
    c.resolvedOnTime += r.resolvedOnTime;
    c.resolvedLate += r.resolvedLate;
    c.withdrawn += r.withdrawn ?? 0;
    c.feesVnd += r.feesVnd;
    c.interlinked = addOptional(c.interlinked, r.interlinked);
    c.saturdayReceived = addOptional(c.saturdayReceived, r.saturdayReceived);
    c.apologyLetters = addOptional(c.apologyLetters, r.apologyLetters);
  }
  return withRates(c);
}

/** A group's figures: counts are sums of its members' range figures; rates come from those sums. */
export function sumTotals(list: readonly Totals[]): Totals | null {
  if (list.length === 0) return null;
  const c: Counts = {
    carriedOver: 0,
    received: 0,
    receivedOnlineLevel3: 0,
    receivedOnlineLevel4: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    withdrawn: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    feesVnd: 0,
    interlinked: null,
    saturdayReceived: null,
    apologyLetters: null,
  };
  for (const t of list) {
    c.carriedOver += t.carriedOver;
    c.received += t.received;
    c.receivedOnlineLevel3 += t.receivedOnlineLevel3;
    c.receivedOnlineLevel4 += t.receivedOnlineLevel4;
    c.resolvedEarly += t.resolvedEarly;
    c.resolvedOnTime += t.resolvedOnTime;
    c.resolvedLate += t.resolvedLate;
    c.withdrawn += t.withdrawn;
    c.pendingWithinDeadline += t.pendingWithinDeadline;
    c.pendingOverdue += t.pendingOverdue;
    c.feesVnd += t.feesVnd;
    c.interlinked = addOptional(c.interlinked, t.interlinked);
    c.saturdayReceived = addOptional(c.saturdayReceived, t.saturdayReceived);
    c.apologyLetters = addOptional(c.apologyLetters, t.apologyLetters);
  }
  return withRates(c);
}

/** Records grouped by unit and sorted by month, built once per dataset. */
export interface DatasetIndex {
  dataset: Dataset;
  units: readonly Unit[];
  unitsById: ReadonlyMap<string, Unit>;
  recordsByUnit: ReadonlyMap<string, readonly DatasetRecord[]>;
  /** Every month that has a record, sorted. */
  months: readonly Month[];
  /** First and last month with a record; null when there are no records. */
  span: MonthRange | null;
  /** Memoised range figures, keyed by unit and range. */
  cache: Map<string, Totals | null>;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  const unitsById = new Map<string, Unit>();
  for (const u of dataset.units) unitsById.set(u.id, u);
  const recordsByUnit = new Map<string, DatasetRecord[]>();
  const monthSet = new Set<Month>();
  for (const r of dataset.records) {
    let list = recordsByUnit.get(r.unitId);
    if (!list) {
      list = [];
      recordsByUnit.set(r.unitId, list);
    }
    list.push(r);
    monthSet.add(r.month);
  }
  for (const list of recordsByUnit.values()) list.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const months = [...monthSet].sort();
  const first = months[0];
  const last = months[months.length - 1];
  return {
    dataset,
    units: dataset.units,
    unitsById,
    recordsByUnit,
    months,
    span: first && last ? { from: first, to: last } : null,
    cache: new Map(),
  };
}

function lowerBound(list: readonly DatasetRecord[], month: Month): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as DatasetRecord).month < month) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function recordsInRange(index: DatasetIndex, unitId: string, range: MonthRange): readonly DatasetRecord[] {
  const list = index.recordsByUnit.get(unitId) ?? [];
  return list.slice(lowerBound(list, range.from), lowerBound(list, `${range.to}\uffff`));
}

export function unitTotals(index: DatasetIndex, unitId: string, range: MonthRange): Totals | null {
  const key = `${unitId}\u0000${range.from}\u0000${range.to}`;
  if (index.cache.has(key)) return index.cache.get(key) ?? null;
  const totals = totalsOfRecords(recordsInRange(index, unitId, range));
  index.cache.set(key, totals);
  return totals;
}

export function groupTotals(index: DatasetIndex, unitIds: Iterable<string>, range: MonthRange): Totals | null {
  const list: Totals[] = [];
  for (const id of unitIds) {
    const t = unitTotals(index, id, range);
    if (t) list.push(t);
  }
  return sumTotals(list);
}

export function unitsOfLevel(index: DatasetIndex, level: Level): Unit[] {
  return index.units.filter((u) => u.level === level);
}

export function levelTotals(index: DatasetIndex, level: Level, range: MonthRange): Totals | null {
  return groupTotals(
    index,
    unitsOfLevel(index, level).map((u) => u.id),
    range,
  );
}

export interface Summary {
  from: Month;
  to: Month;
  levels: Partial<Record<Level, Totals>>;
  units: Record<string, Totals>;
}

/** Every level and every unit with data in the range; the shape of `tthc summary --json`. */
export function summarize(index: DatasetIndex, range: MonthRange): Summary {
  const levels: Partial<Record<Level, Totals>> = {};
  for (const level of LEVELS) {
    const t = levelTotals(index, level, range);
    if (t) levels[level] = t;
  }
  const entries: [string, Totals][] = [];
  for (const u of index.units) {
    const t = unitTotals(index, u.id, range);
    if (t) entries.push([u.id, t]);
  }
  // fromEntries defines own properties, so an id such as "__proto__" stays a plain key.
  return { from: range.from, to: range.to, levels, units: Object.fromEntries(entries) };
}

/** Figures of a group month by month over a range (one Totals per month, null where no record). */
export function monthlyTotals(
  index: DatasetIndex,
  unitIds: readonly string[],
  months: readonly Month[],
): { month: Month; totals: Totals | null }[] {
  return months.map((month) => ({ month, totals: groupTotals(index, unitIds, { from: month, to: month }) }));
}

/** True when every month of `range` lies within the dataset's span. */
export function rangeCovered(index: DatasetIndex, range: MonthRange): boolean {
  return index.span !== null && inRange(range.from, index.span) && inRange(range.to, index.span);
}

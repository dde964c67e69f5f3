import { inRange, type Month, type MonthRange, monthIndex } from './months.ts';
import type { Dataset, DatasetRecord, Field, Level, Unit } from './schema.ts';
import { LEVELS } from './schema.ts';

/**
 * The arithmetic of the dashboard (docs/decisions/0002-stocks-flows-and-rates.md).
 * Stocks (carried over, pending) are taken at the edges of a range, flows are
 * summed over it, and rates are always computed from summed counts.
 */

export interface Counts {
  carriedOver: number;
  received: number;
  /** New dossiers received online: each record's `receivedOnline`, or its level 3 + level 4. */
  receivedOnline: number;
  /** null: some record in the set does not report the split into levels 3 and 4 (a partial split would mislead). */
  receivedOnlineLevel3: number | null;
  receivedOnlineLevel4: number | null;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  withdrawn: number;
  pendingWithinDeadline: number;
  pendingOverdue: number;
  /** null: no record in the set reports fees (version 2 lets a record leave them out). */
  feesVnd: number | null;
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
  'receivedOnline',
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

/** New dossiers received online (levels 3 and 4 together, or the online total where no split is given). */
export function onlineCount(t: Counts): number {
  return t.receivedOnline;
}

/** A record's online dossiers: its total, or level 3 + level 4 (validation guarantees one of them). */
export function recordOnline(r: DatasetRecord): number {
  return r.receivedOnline ?? (r.receivedOnlineLevel3 ?? 0) + (r.receivedOnlineLevel4 ?? 0);
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function withRates(c: Counts): Totals {
  const total = c.carriedOver + c.received;
  const resolved = c.resolvedEarly + c.resolvedOnTime + c.resolvedLate;
  const pending = c.pendingWithinDeadline + c.pendingOverdue;
  // Every property written out, not spread from `c`: a province's figures make thousands of these, and
  // the spread, then six more keys, took most of the time of its headline question.
  return {
    carriedOver: c.carriedOver,
    received: c.received,
    receivedOnline: c.receivedOnline,
    receivedOnlineLevel3: c.receivedOnlineLevel3,
    receivedOnlineLevel4: c.receivedOnlineLevel4,
    resolvedEarly: c.resolvedEarly,
    resolvedOnTime: c.resolvedOnTime,
    resolvedLate: c.resolvedLate,
    withdrawn: c.withdrawn,
    pendingWithinDeadline: c.pendingWithinDeadline,
    pendingOverdue: c.pendingOverdue,
    feesVnd: c.feesVnd,
    interlinked: c.interlinked,
    saturdayReceived: c.saturdayReceived,
    apologyLetters: c.apologyLetters,
    total,
    resolved,
    pending,
    onTimeRate: ratio(onTimeCount(c), resolved),
    onlineRate: ratio(c.receivedOnline, c.received),
    // More resolved than there were dossiers means the figures do not add up (a data-quality
    // warning says where); a rate above 100 % would only mislead, so there is none.
    completionRate: resolved > total ? null : ratio(resolved, total),
  };
}

function addOptional(a: number | null, b: number | null | undefined): number | null {
  if (b === undefined || b === null) return a;
  return (a ?? 0) + b;
}

function emptyCounts(): Counts {
  return {
    carriedOver: 0,
    received: 0,
    receivedOnline: 0,
    receivedOnlineLevel3: 0,
    receivedOnlineLevel4: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    withdrawn: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    feesVnd: null,
    interlinked: null,
    saturdayReceived: null,
    apologyLetters: null,
  };
}

/**
 * One series (a unit's records for one field, or all its records when it
 * reports no fields) over a range, from its records sorted by month. Returns
 * null when there is no record in the range. Stocks come from the first and
 * last months that have a record.
 */
export function totalsOfRecords(sorted: readonly DatasetRecord[]): Totals | null {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return null;
  const c = emptyCounts();
  c.carriedOver = first.carriedOver;
  c.pendingWithinDeadline = last.pendingWithinDeadline;
  c.pendingOverdue = last.pendingOverdue;
  let split = true;
  let level3 = 0;
  let level4 = 0;
  for (const r of sorted) {
    c.received += r.received;
    c.receivedOnline += recordOnline(r);
    if (r.receivedOnlineLevel3 === undefined || r.receivedOnlineLevel4 === undefined) split = false;
    else {
      level3 += r.receivedOnlineLevel3;
      level4 += r.receivedOnlineLevel4;
    }
    c.resolvedEarly += r.resolvedEarly;
    c.resolvedOnTime += r.resolvedOnTime;
    c.resolvedLate += r.resolvedLate;
    c.withdrawn += r.withdrawn ?? 0;
    c.feesVnd = addOptional(c.feesVnd, r.feesVnd);
    c.interlinked = addOptional(c.interlinked, r.interlinked);
    c.saturdayReceived = addOptional(c.saturdayReceived, r.saturdayReceived);
    c.apologyLetters = addOptional(c.apologyLetters, r.apologyLetters);
  }
  c.receivedOnlineLevel3 = split ? level3 : null;
  c.receivedOnlineLevel4 = split ? level4 : null;
  return withRates(c);
}

/**
 * A group's figures: counts are sums of its members' range figures; rates come
 * from those sums. The level 3/4 split is null unless every member has it.
 */
export function sumTotals(list: readonly Totals[]): Totals | null {
  if (list.length === 0) return null;
  const c = emptyCounts();
  for (const t of list) {
    c.carriedOver += t.carriedOver;
    c.received += t.received;
    c.receivedOnline += t.receivedOnline;
    c.receivedOnlineLevel3 =
      c.receivedOnlineLevel3 === null || t.receivedOnlineLevel3 === null
        ? null
        : c.receivedOnlineLevel3 + t.receivedOnlineLevel3;
    c.receivedOnlineLevel4 =
      c.receivedOnlineLevel4 === null || t.receivedOnlineLevel4 === null
        ? null
        : c.receivedOnlineLevel4 + t.receivedOnlineLevel4;
    c.resolvedEarly += t.resolvedEarly;
    c.resolvedOnTime += t.resolvedOnTime;
    c.resolvedLate += t.resolvedLate;
    c.withdrawn += t.withdrawn;
    c.pendingWithinDeadline += t.pendingWithinDeadline;
    c.pendingOverdue += t.pendingOverdue;
    c.feesVnd = addOptional(c.feesVnd, t.feesVnd);
    c.interlinked = addOptional(c.interlinked, t.interlinked);
    c.saturdayReceived = addOptional(c.saturdayReceived, t.saturdayReceived);
    c.apologyLetters = addOptional(c.apologyLetters, t.apologyLetters);
  }
  return withRates(c);
}

/** The key of a unit's series: a field id, or null for a unit that reports no fields. */
export type SeriesKey = string | null;

/** Records grouped by unit and by series, sorted by month, built once per dataset. */
export interface DatasetIndex {
  dataset: Dataset;
  units: readonly Unit[];
  unitsById: ReadonlyMap<string, Unit>;
  /** Each unit's series, sorted by month: one per field it reports, or one (key null) when it reports none. */
  seriesByUnit: ReadonlyMap<string, ReadonlyMap<SeriesKey, readonly DatasetRecord[]>>;
  /** The fields that some record uses, in the order of the dataset's `fields`. */
  fields: readonly Field[];
  fieldsById: ReadonlyMap<string, Field>;
  /** Every month that has a record, sorted. */
  months: readonly Month[];
  /** First and last month with a record; null when there are no records. */
  span: MonthRange | null;
  /** Memoised range figures: by range and field (`from`, `to`, field id), then by unit id. */
  cache: Map<string, Map<string, Totals | null>>;
}

const byMonth = (a: DatasetRecord, b: DatasetRecord) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0);

export function indexDataset(dataset: Dataset): DatasetIndex {
  const unitsById = new Map<string, Unit>();
  for (const u of dataset.units) unitsById.set(u.id, u);
  const seriesByUnit = new Map<string, Map<SeriesKey, DatasetRecord[]>>();
  const monthSet = new Set<Month>();
  const usedFields = new Set<string>();
  // Files list a unit's records together: keep its series map at hand rather than look it up per record.
  let lastUnit: string | undefined;
  let series: Map<SeriesKey, DatasetRecord[]> | undefined;
  for (const r of dataset.records) {
    if (r.unitId !== lastUnit || !series) {
      lastUnit = r.unitId;
      series = seriesByUnit.get(r.unitId);
      if (!series) {
        series = new Map();
        seriesByUnit.set(r.unitId, series);
      }
    }
    const key = r.fieldId ?? null;
    let list = series.get(key);
    if (!list) {
      list = [];
      series.set(key, list);
      if (key !== null) usedFields.add(key);
    }
    list.push(r);
    monthSet.add(r.month);
  }
  for (const unitSeries of seriesByUnit.values()) for (const list of unitSeries.values()) list.sort(byMonth);
  const months = [...monthSet].sort();
  const first = months[0];
  const last = months[months.length - 1];
  const fields = (dataset.fields ?? []).filter((f) => usedFields.has(f.id));
  return {
    dataset,
    units: dataset.units,
    unitsById,
    seriesByUnit,
    fields,
    fieldsById: new Map(fields.map((f) => [f.id, f])),
    months,
    span: first && last ? { from: first, to: last } : null,
    cache: new Map(),
  };
}

/** True when some unit reports its figures by procedure field. */
export function hasFields(index: DatasetIndex): boolean {
  return index.fields.length > 0;
}

/** The fields a unit reports (in the order of the dataset's `fields`); empty for a unit that reports none. */
export function fieldsOfUnit(index: DatasetIndex, unitId: string): Field[] {
  const series = index.seriesByUnit.get(unitId);
  if (!series || series.has(null)) return [];
  return index.fields.filter((f) => series.has(f.id));
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

function slice(list: readonly DatasetRecord[], range: MonthRange): readonly DatasetRecord[] {
  return list.slice(lowerBound(list, range.from), lowerBound(list, `${range.to}\uffff`));
}

/**
 * A unit's records in a range, sorted by month: those of one field, or (field
 * null) all of them, the fields of a month in the order of the dataset's `fields`.
 */
export function recordsInRange(
  index: DatasetIndex,
  unitId: string,
  range: MonthRange,
  field: string | null = null,
): readonly DatasetRecord[] {
  const series = index.seriesByUnit.get(unitId);
  if (!series) return [];
  if (field !== null) return slice(series.get(field) ?? [], range);
  const all = series.get(null) ?? index.fields.flatMap((f) => slice(series.get(f.id) ?? [], range));
  return series.has(null) ? slice(all, range) : [...all].sort(byMonth);
}

/**
 * A unit over a range: the sum of its series (decision 0002), or with `field`
 * that field's series alone (null when the unit does not report it).
 */
export function unitTotals(
  index: DatasetIndex,
  unitId: string,
  range: MonthRange,
  field: string | null = null,
): Totals | null {
  // Keyed by range first: a province's question asks for thousands of units over one range, and a key
  // string built per unit (then hashed) cost more than the sums themselves.
  const key = field === null ? `${range.from}\u0000${range.to}` : `${range.from}\u0000${range.to}\u0000${field}`;
  let byUnit = index.cache.get(key);
  if (!byUnit) {
    byUnit = new Map();
    index.cache.set(key, byUnit);
  }
  const cached = byUnit.get(unitId);
  if (cached !== undefined || byUnit.has(unitId)) return cached ?? null;
  const series = index.seriesByUnit.get(unitId);
  let totals: Totals | null = null;
  if (series && field !== null) {
    const list = series.get(field);
    totals = list ? totalsOfRecords(slice(list, range)) : null;
  } else if (series) {
    const only = series.size === 1 ? series.get(null) : undefined;
    if (only) totals = totalsOfRecords(slice(only, range));
    else {
      const parts: Totals[] = [];
      for (const f of series.keys()) {
        const t = unitTotals(index, unitId, range, f);
        if (t) parts.push(t);
      }
      totals = sumTotals(parts);
    }
  }
  byUnit.set(unitId, totals);
  return totals;
}

/**
 * A group's figures month by month over a range, in one pass over its
 * records. For a single month each series' stocks are that month's record, so
 * the group's month is the sum of its records of that month (decision 0002):
 * the same as groupTotals(index, unitIds, { from: m, to: m }, field) for every
 * month m, which a property test checks, without building a total per unit
 * and month (at province scale that is hundreds of thousands of them).
 */
export function monthlyGroupTotals(
  index: DatasetIndex,
  unitIds: Iterable<string>,
  range: MonthRange,
  field: string | null = null,
): (Totals | null)[] {
  const start = monthIndex(range.from);
  const length = monthIndex(range.to) - start + 1;
  const sums: (Counts | null)[] = new Array(Math.max(0, length)).fill(null);
  const split: boolean[] = new Array(Math.max(0, length)).fill(true);
  for (const id of unitIds) {
    const series = index.seriesByUnit.get(id);
    if (!series) continue;
    const lists = field === null ? series.values() : [series.get(field) ?? []];
    for (const list of lists) {
      for (const r of slice(list, range)) {
        const i = monthIndex(r.month) - start;
        let c = sums[i];
        if (!c) {
          c = emptyCounts();
          sums[i] = c;
        }
        c.carriedOver += r.carriedOver;
        c.received += r.received;
        c.receivedOnline += recordOnline(r);
        if (r.receivedOnlineLevel3 === undefined || r.receivedOnlineLevel4 === undefined) split[i] = false;
        else {
          c.receivedOnlineLevel3 = (c.receivedOnlineLevel3 ?? 0) + r.receivedOnlineLevel3;
          c.receivedOnlineLevel4 = (c.receivedOnlineLevel4 ?? 0) + r.receivedOnlineLevel4;
        }
        c.resolvedEarly += r.resolvedEarly;
        c.resolvedOnTime += r.resolvedOnTime;
        c.resolvedLate += r.resolvedLate;
        c.withdrawn += r.withdrawn ?? 0;
        c.pendingWithinDeadline += r.pendingWithinDeadline;
        c.pendingOverdue += r.pendingOverdue;
        c.feesVnd = addOptional(c.feesVnd, r.feesVnd);
        c.interlinked = addOptional(c.interlinked, r.interlinked);
        c.saturdayReceived = addOptional(c.saturdayReceived, r.saturdayReceived);
        c.apologyLetters = addOptional(c.apologyLetters, r.apologyLetters);
      }
    }
  }
  return sums.map((c, i) => {
    if (!c) return null;
    if (!split[i]) {
      c.receivedOnlineLevel3 = null;
      c.receivedOnlineLevel4 = null;
    }
    return withRates(c);
  });
}

/** A group of units: the sum of their range figures, all fields or (with `field`) that field's. */
export function groupTotals(
  index: DatasetIndex,
  unitIds: Iterable<string>,
  range: MonthRange,
  field: string | null = null,
): Totals | null {
  const list: Totals[] = [];
  for (const id of unitIds) {
    const t = unitTotals(index, id, range, field);
    if (t) list.push(t);
  }
  return sumTotals(list);
}

export function unitsOfLevel(index: DatasetIndex, level: Level): Unit[] {
  return index.units.filter((u) => u.level === level);
}

export function levelTotals(
  index: DatasetIndex,
  level: Level,
  range: MonthRange,
  field: string | null = null,
): Totals | null {
  return groupTotals(
    index,
    unitsOfLevel(index, level).map((u) => u.id),
    range,
    field,
  );
}

export interface Summary {
  from: Month;
  to: Month;
  levels: Partial<Record<Level, Totals>>;
  units: Record<string, Totals>;
  /** When the dataset has fields: per level, per field, the sum of that level's (unit, field) series. */
  fields?: Partial<Record<Level, Record<string, Totals>>>;
  /** When the dataset has fields: per unit that reports by field, its figures per field. */
  unitFields?: Record<string, Record<string, Totals>>;
}

/** Every level and every unit with data in the range (and by field where there are fields); the shape of `tthc summary --json`. */
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
  const summary: Summary = { from: range.from, to: range.to, levels, units: Object.fromEntries(entries) };
  if (!hasFields(index)) return summary;
  const fields: Partial<Record<Level, Record<string, Totals>>> = {};
  for (const level of LEVELS) {
    const ids = unitsOfLevel(index, level).map((u) => u.id);
    const byField: [string, Totals][] = [];
    for (const f of index.fields) {
      const t = groupTotals(index, ids, range, f.id);
      if (t) byField.push([f.id, t]);
    }
    if (byField.length > 0) fields[level] = Object.fromEntries(byField);
  }
  const unitFields: [string, Record<string, Totals>][] = [];
  for (const u of index.units) {
    const byField: [string, Totals][] = [];
    for (const f of fieldsOfUnit(index, u.id)) {
      const t = unitTotals(index, u.id, range, f.id);
      if (t) byField.push([f.id, t]);
    }
    if (byField.length > 0) unitFields.push([u.id, Object.fromEntries(byField)]);
  }
  summary.fields = fields;
  summary.unitFields = Object.fromEntries(unitFields);
  return summary;
}

/** Figures of a group month by month over a range (one Totals per month, null where no record). */
export function monthlyTotals(
  index: DatasetIndex,
  unitIds: readonly string[],
  months: readonly Month[],
  field: string | null = null,
): { month: Month; totals: Totals | null }[] {
  return months.map((month) => ({ month, totals: groupTotals(index, unitIds, { from: month, to: month }, field) }));
}

/** True when every month of `range` lies within the dataset's span. */
export function rangeCovered(index: DatasetIndex, range: MonthRange): boolean {
  return index.span !== null && inRange(range.from, index.span) && inRange(range.to, index.span);
}

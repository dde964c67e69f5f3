import { type DatasetIndex, groupTotals, rangeCovered, ratio, type Totals, unitTotals } from './metrics.ts';
import { addMonths, type Month, type MonthRange, monthsBetween, previousRange } from './months.ts';
import { DEFAULT_TARGETS, type Level, type Unit } from './schema.ts';

/**
 * Ready-to-plot rows for the page, the slides and the exports. Components
 * receive these and format them; they never compute a figure themselves.
 */

export type LevelFilter = 'district' | 'commune' | 'all';
export const LEVEL_FILTERS: readonly LevelFilter[] = ['all', 'district', 'commune'];

export interface Selection {
  range: MonthRange;
  level: LevelFilter;
  /** One unit drilled into, or null for the level as a whole. */
  unitId: string | null;
}

export interface ResolvedTargets {
  onTimeRate: number;
  onlineRate: number;
}

export function targetsOf(index: DatasetIndex): ResolvedTargets {
  return {
    onTimeRate: index.dataset.targets?.onTimeRate ?? DEFAULT_TARGETS.onTimeRate,
    onlineRate: index.dataset.targets?.onlineRate ?? DEFAULT_TARGETS.onlineRate,
  };
}

/** The previous period of the same length, when the data covers all of it. */
export function comparableRange(index: DatasetIndex, range: MonthRange): MonthRange | null {
  const prev = previousRange(range);
  return rangeCovered(index, prev) ? prev : null;
}

/** Levels shown for a filter, in the order district then commune (and province first when present). */
export function levelsFor(index: DatasetIndex, filter: LevelFilter): Level[] {
  const present = new Set(index.units.map((u) => u.level));
  const order: Level[] = ['province', 'district', 'commune'];
  return order.filter((l) => present.has(l) && (filter === 'all' || filter === l));
}

/** Units in scope: of the chosen levels, or the one unit drilled into. */
export function unitsInScope(index: DatasetIndex, selection: Selection): Unit[] {
  if (selection.unitId) {
    const u = index.unitsById.get(selection.unitId);
    return u ? [u] : [];
  }
  const levels = new Set(levelsFor(index, selection.level));
  return index.units.filter((u) => levels.has(u.level));
}

export interface HeadlineGroup {
  /** A level, or 'unit' when one unit is drilled into. */
  kind: Level | 'unit';
  label: string;
  current: Totals;
  previous: Totals | null;
}

export interface Headline {
  range: MonthRange;
  previousRange: MonthRange | null;
  targets: ResolvedTargets;
  groups: HeadlineGroup[];
}

/** Headline figures: one group per level shown (or the unit), with the previous period where covered. */
export function headline(index: DatasetIndex, selection: Selection): Headline {
  const prevRange = comparableRange(index, selection.range);
  const groups: HeadlineGroup[] = [];
  const add = (kind: HeadlineGroup['kind'], label: string, ids: string[]) => {
    const current = groupTotals(index, ids, selection.range);
    if (!current) return;
    groups.push({ kind, label, current, previous: prevRange ? groupTotals(index, ids, prevRange) : null });
  };
  const unit = selection.unitId ? index.unitsById.get(selection.unitId) : undefined;
  if (unit) add('unit', unit.name, [unit.id]);
  else {
    for (const level of levelsFor(index, selection.level)) {
      add(
        level,
        level,
        index.units.filter((u) => u.level === level).map((u) => u.id),
      );
    }
  }
  return { range: selection.range, previousRange: prevRange, targets: targetsOf(index), groups };
}

export interface UnitRow {
  unitId: string;
  name: string;
  level: Level;
  code: string | undefined;
  totals: Totals;
  previous: Totals | null;
  /** (level 4) / received: how much of the intake is fully online. */
  level4Share: number | null;
  level3Share: number | null;
  onTimeChange: number | null;
  onlineChange: number | null;
  belowOnTimeTarget: boolean;
  belowOnlineTarget: boolean;
  /** 1 = best on-time rate (ties: higher online rate, then name). */
  rank: number;
}

/** One row per unit in scope with data in the range, ranked. */
export function unitRows(index: DatasetIndex, selection: Selection): UnitRow[] {
  const targets = targetsOf(index);
  const prevRange = comparableRange(index, selection.range);
  const scope = selection.unitId ? unitsInScope(index, { ...selection, unitId: null }) : unitsInScope(index, selection);
  const rows: Omit<UnitRow, 'rank'>[] = [];
  for (const u of scope) {
    const totals = unitTotals(index, u.id, selection.range);
    if (!totals) continue;
    const previous = prevRange ? unitTotals(index, u.id, prevRange) : null;
    rows.push({
      unitId: u.id,
      name: u.name,
      level: u.level,
      code: u.code,
      totals,
      previous,
      level4Share: ratio(totals.receivedOnlineLevel4, totals.received),
      level3Share: ratio(totals.receivedOnlineLevel3, totals.received),
      onTimeChange: difference(totals.onTimeRate, previous?.onTimeRate ?? null),
      onlineChange: difference(totals.onlineRate, previous?.onlineRate ?? null),
      belowOnTimeTarget: totals.onTimeRate !== null && totals.onTimeRate < targets.onTimeRate,
      belowOnlineTarget: totals.onlineRate !== null && totals.onlineRate < targets.onlineRate,
    });
  }
  const ordered = [...rows].sort(compareRank);
  return ordered.map((r, i) => ({ ...r, rank: i + 1 }));
}

function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}

function desc(a: number | null, b: number | null): number {
  return (b ?? -1) - (a ?? -1);
}

function compareRank(a: Omit<UnitRow, 'rank'>, b: Omit<UnitRow, 'rank'>): number {
  return (
    desc(a.totals.onTimeRate, b.totals.onTimeRate) ||
    desc(a.totals.onlineRate, b.totals.onlineRate) ||
    a.name.localeCompare(b.name, 'vi')
  );
}

export interface MonthRow {
  month: Month;
  totals: Totals | null;
}

/** A group's figures month by month across the range. */
export function monthRows(index: DatasetIndex, unitIds: readonly string[], range: MonthRange): MonthRow[] {
  return monthsBetween(range).map((month) => ({
    month,
    totals: groupTotals(index, unitIds, { from: month, to: month }),
  }));
}

export interface LevelMonthRow {
  month: Month;
  byLevel: Partial<Record<Level, Totals | null>>;
}

/** Month by month, one group per level shown: for "district and communes apart". */
export function levelMonthRows(index: DatasetIndex, selection: Selection): LevelMonthRow[] {
  const levels = selection.unitId ? [] : levelsFor(index, selection.level);
  const ids = new Map(levels.map((l) => [l, index.units.filter((u) => u.level === l).map((u) => u.id)]));
  return monthsBetween(selection.range).map((month) => {
    const byLevel: Partial<Record<Level, Totals | null>> = {};
    for (const [level, unitIds] of ids) byLevel[level] = groupTotals(index, unitIds, { from: month, to: month });
    return { month, byLevel };
  });
}

/** Month rows of everything in scope (the unit, or all units of the levels shown). */
export function scopeMonthRows(index: DatasetIndex, selection: Selection): MonthRow[] {
  return monthRows(
    index,
    unitsInScope(index, selection).map((u) => u.id),
    selection.range,
  );
}

export interface PeriodPreset {
  id: string;
  kind: 'all' | 'last12' | 'year' | 'quarter';
  range: MonthRange;
  /** Year, or year and quarter, for labels. */
  year?: number;
  quarter?: number;
}

/** Whole span, last 12 months, each year and each quarter that the data touches. */
export function periodPresets(span: MonthRange): PeriodPreset[] {
  const presets: PeriodPreset[] = [{ id: 'all', kind: 'all', range: span }];
  const last12From = addMonths(span.to, -11);
  presets.push({
    id: 'last12',
    kind: 'last12',
    range: { from: last12From < span.from ? span.from : last12From, to: span.to },
  });
  const firstYear = Number(span.from.slice(0, 4));
  const lastYear = Number(span.to.slice(0, 4));
  for (let y = firstYear; y <= lastYear; y++) {
    presets.push({ id: `${y}`, kind: 'year', year: y, range: clip({ from: `${y}-01`, to: `${y}-12` }, span) });
  }
  for (let y = firstYear; y <= lastYear; y++) {
    for (let q = 1; q <= 4; q++) {
      const from = `${y}-${String(q * 3 - 2).padStart(2, '0')}`;
      const to = `${y}-${String(q * 3).padStart(2, '0')}`;
      if (to < span.from || from > span.to) continue;
      presets.push({ id: `${y}-Q${q}`, kind: 'quarter', year: y, quarter: q, range: clip({ from, to }, span) });
    }
  }
  return presets;
}

function clip(range: MonthRange, span: MonthRange): MonthRange {
  return { from: range.from < span.from ? span.from : range.from, to: range.to > span.to ? span.to : range.to };
}

/** One month of a chart: a value per series key (null: no data that month). */
export interface SeriesPoint {
  month: Month;
  values: Record<string, number | null>;
}

export type SeriesPick = (t: Totals) => number | null;

/** The same figure for several groups (levels, or the unit) month by month. */
export function seriesByGroup(
  rows: readonly LevelMonthRow[] | readonly MonthRow[],
  pick: SeriesPick,
  key = 'unit',
): SeriesPoint[] {
  return rows.map((row) => {
    const values: Record<string, number | null> = {};
    if ('byLevel' in row) {
      for (const [level, t] of Object.entries(row.byLevel)) values[level] = t ? pick(t) : null;
    } else values[key] = row.totals ? pick(row.totals) : null;
    return { month: row.month, values };
  });
}

/** Several figures of one group month by month (for stacked bars). */
export function seriesByFigure(rows: readonly MonthRow[], picks: Record<string, SeriesPick>): SeriesPoint[] {
  return rows.map((row) => {
    const values: Record<string, number | null> = {};
    for (const [key, pick] of Object.entries(picks)) values[key] = row.totals ? pick(row.totals) : null;
    return { month: row.month, values };
  });
}

/** The parts of the dossier flow, in the order they are stacked. */
export const FLOW_PICKS: Record<string, SeriesPick> = {
  resolvedEarly: (t) => t.resolvedEarly,
  resolvedOnTime: (t) => t.resolvedOnTime,
  resolvedLate: (t) => t.resolvedLate,
  withdrawn: (t) => t.withdrawn,
  pendingWithinDeadline: (t) => t.pendingWithinDeadline,
  pendingOverdue: (t) => t.pendingOverdue,
};

/** New dossiers by channel: level 3, level 4, and the rest (in person or by post). */
export const CHANNEL_PICKS: Record<string, SeriesPick> = {
  receivedOnlineLevel4: (t) => t.receivedOnlineLevel4,
  receivedOnlineLevel3: (t) => t.receivedOnlineLevel3,
  offline: (t) => t.received - t.receivedOnlineLevel3 - t.receivedOnlineLevel4,
};

/** Everything the page, the slides and the exports draw for one selection, computed once. */
export function dashboardFigures(index: DatasetIndex, selection: Selection) {
  const levels = levelsFor(index, selection.level);
  const levelMonths = levelMonthRows(index, selection);
  const scopeMonths = scopeMonthRows(index, selection);
  const byGroup = (pick: SeriesPick) =>
    selection.unitId ? seriesByGroup(scopeMonths, pick) : seriesByGroup(levelMonths, pick);
  return {
    levels,
    headline: headline(index, selection),
    rows: unitRows(index, selection),
    onlineTrend: byGroup((x) => x.onlineRate),
    feesByMonth: byGroup((x) => x.feesVnd),
    flow: seriesByFigure(scopeMonths, FLOW_PICKS),
    channel: seriesByFigure(scopeMonths, CHANNEL_PICKS),
    unitRates: seriesByFigure(scopeMonths, { onTimeRate: (x) => x.onTimeRate, onlineRate: (x) => x.onlineRate }),
    unitCounts: seriesByFigure(scopeMonths, { received: (x) => x.received, resolved: (x) => x.resolved }),
  };
}

export type DashboardFigures = ReturnType<typeof dashboardFigures>;

/** More units than a chart can show legibly: the best and the weakest, the rest on request. */
export const UNIT_CHART_LIMIT = 30;

/**
 * The `n` highest and `n` lowest rows by a value, highest first; every row
 * when there are no more than 2n. Rows without a value come last and are
 * dropped first.
 */
export function topAndBottom<T>(rows: readonly T[], value: (row: T) => number | null, n: number): T[] {
  if (rows.length <= 2 * n) return [...rows];
  const sorted = [...rows].sort(
    (a, b) => (value(b) ?? Number.NEGATIVE_INFINITY) - (value(a) ?? Number.NEGATIVE_INFINITY),
  );
  const withValue = sorted.filter((r) => value(r) !== null);
  if (withValue.length <= 2 * n) return withValue;
  return [...withValue.slice(0, n), ...withValue.slice(-n)];
}

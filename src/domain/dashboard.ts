import { compareNames } from './collation.ts';
import { compareGroup, type GroupCoverage, unitPrevious } from './comparison.ts';
import {
  type ChangeVerdict,
  type Compared,
  type CompareMode,
  type ComparisonPlan,
  changeVerdict,
  comparedOf,
  planComparison,
} from './comparison-plan.ts';
import {
  type DatasetIndex,
  fieldsOfUnit,
  groupTotals,
  monthlyGroupTotals,
  ratio,
  type Totals,
  unitTotals,
} from './metrics.ts';
import { addMonths, type Month, type MonthRange, monthsBetween } from './months.ts';
import { DEFAULT_TARGETS, type Field, LEVELS, type Level, type Targets, type Unit } from './schema.ts';

/**
 * Ready-to-plot rows for the page, the slides and the exports. Components
 * receive these and format them; they never compute a figure themselves.
 */

/**
 * A level of the data, or all of them. Which levels a dataset has is read from
 * its units (`levelsFor`): a province with its communes has no district level.
 */
export type LevelFilter = Level | 'all';
export const LEVEL_FILTERS: readonly LevelFilter[] = ['all', ...LEVELS];

export interface Selection {
  range: MonthRange;
  level: LevelFilter;
  /** One unit drilled into, or null for the level as a whole. */
  unitId: string | null;
  /** One procedure field (an id of the dataset's `fields`), or null for all fields together. */
  field: string | null;
  /**
   * What every change is compared with: the previous period of the same length, or the same months a
   * year earlier. A page opens with `defaultCompare(meta, range)` (comparison.ts).
   */
  compare: CompareMode;
  /** Targets the reader set (in the address), in force over the dataset's and the defaults; fractions 0..1. */
  targets?: ReaderTargets;
}

export const TARGET_KEYS = ['onTimeRate', 'onlineRate'] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

/**
 * Where a target in force comes from: the dataset (set by whoever published
 * it), the reader (set in the address: `targetOnTime`, `targetOnline`), or
 * the dashboard's default (95 % on time, 50 % online), which is no one's
 * official target and is always labelled as a default.
 */
export type TargetSource = 'dataset' | 'reader' | 'default';

/** Targets set by the reader, each a fraction 0..1; a value outside that is not a target and is left out. */
export type ReaderTargets = Partial<Record<TargetKey, number>>;

export interface ResolvedTargets {
  /** The targets in force: what `belowOnTimeTarget`, `belowOnlineTarget` and every "met" are computed against. */
  onTimeRate: number;
  onlineRate: number;
  /** Where each target in force comes from. */
  source: Record<TargetKey, TargetSource>;
  /** The dataset's own targets (null where it sets none), kept when the reader's are in force. */
  dataset: Record<TargetKey, number | null>;
}

/** A target is a fraction from 0 to 1. */
export function isTarget(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1;
}

/**
 * A target as the address writes it, in percent: `90`, `92.5` or `92,5`
 * (a trailing `%` allowed), as a fraction; null for anything else, or outside 0–100.
 */
export function parseTargetPercent(text: string): number | null {
  const match = /^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%?\s*$/.exec(text);
  if (!match) return null;
  const percent = Number((match[1] as string).replace(',', '.'));
  return percent <= 100 ? percent / 100 : null;
}

/** The targets in force: the reader's, else the dataset's, else the defaults, each with where it comes from. */
export function resolveTargets(targets: Targets | undefined, reader?: ReaderTargets): ResolvedTargets {
  const one = (key: TargetKey) => {
    const own = targets?.[key] ?? null;
    const theirs = reader?.[key];
    if (isTarget(theirs)) return { value: theirs, source: 'reader' as const, dataset: own };
    if (own !== null) return { value: own, source: 'dataset' as const, dataset: own };
    return { value: DEFAULT_TARGETS[key], source: 'default' as const, dataset: null };
  };
  const onTime = one('onTimeRate');
  const online = one('onlineRate');
  return {
    onTimeRate: onTime.value,
    onlineRate: online.value,
    source: { onTimeRate: onTime.source, onlineRate: online.source },
    dataset: { onTimeRate: onTime.dataset, onlineRate: online.dataset },
  };
}

/** The targets in force for a dataset, with the reader's when given. */
export function targetsOf(index: DatasetIndex, reader?: ReaderTargets): ResolvedTargets {
  return resolveTargets(index.dataset.targets, reader);
}

/** The comparison of a selection: the mode, the months, and why there is none when there is none. */
export function comparisonOf(index: DatasetIndex, selection: Pick<Selection, 'range' | 'compare'>): ComparisonPlan {
  return planComparison(index, selection.range, selection.compare);
}

/** The previous period of the same length, when the data has a record in every month of it. */
export function comparableRange(index: DatasetIndex, range: MonthRange): MonthRange | null {
  return comparedOf(planComparison(index, range, 'previous'))?.range ?? null;
}

/** Levels the data has that a filter shows, from the top down (province, district, commune). */
export function levelsFor(index: DatasetIndex, filter: LevelFilter): Level[] {
  const present = new Set(index.units.map((u) => u.level));
  return LEVELS.filter((l) => present.has(l) && (filter === 'all' || filter === l));
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
  /**
   * The same units over the comparison range; null when there is no comparison range, or when a unit of
   * the group lacks a month of either period (`coverage` says how many and who).
   */
  previous: Totals | null;
  /** Who the comparison sums and who lacks months; null when the selection has no comparison range. */
  coverage: GroupCoverage | null;
}

export interface Headline {
  range: MonthRange;
  /** The comparison asked for: its mode, its months, and why there is none when there is none. */
  comparison: ComparisonPlan;
  /** What every change is compared with (mode and months); null when nothing is compared. */
  compare: Compared | null;
  /** `compare?.range ?? null`, for earlier callers. */
  previousRange: MonthRange | null;
  targets: ResolvedTargets;
  groups: HeadlineGroup[];
}

/**
 * Headline figures: one group per level shown (or the unit), with the
 * comparison where every unit of the group has both periods in full;
 * restricted to the selected field when there is one.
 */
export function headline(index: DatasetIndex, selection: Selection): Headline {
  const comparison = comparisonOf(index, selection);
  const compare = comparedOf(comparison);
  const groups: HeadlineGroup[] = [];
  const add = (kind: HeadlineGroup['kind'], label: string, ids: string[]) => {
    const current = groupTotals(index, ids, selection.range, selection.field);
    if (!current) return;
    const c = compare ? compareGroup(index, ids, selection.range, compare.range, selection.field) : null;
    groups.push({ kind, label, current, previous: c?.previous ?? null, coverage: c?.coverage ?? null });
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
  return {
    range: selection.range,
    comparison,
    compare,
    previousRange: compare?.range ?? null,
    targets: targetsOf(index, selection.targets),
    groups,
  };
}

export interface UnitRow {
  unitId: string;
  name: string;
  level: Level;
  code: string | undefined;
  totals: Totals;
  /** The unit over the comparison range; null unless it reported every month of both periods. */
  previous: Totals | null;
  /** (level 4) / received: how much of the intake is fully online; null where the split is not reported. */
  level4Share: number | null;
  level3Share: number | null;
  /** Change of the on-time rate against `previous` (a fraction: ×100 for percentage points); null without one. */
  onTimeChange: number | null;
  /** Change of the online rate against `previous`; null without one. */
  onlineChange: number | null;
  belowOnTimeTarget: boolean;
  belowOnlineTarget: boolean;
  /** Among the units of its own level: 1 = best on-time rate (ties: higher online rate, then name). */
  rank: number;
}

/** One row per unit in scope with data in the range, ranked. */
export function unitRows(index: DatasetIndex, selection: Selection): UnitRow[] {
  const targets = targetsOf(index, selection.targets);
  const prevRange = comparedOf(comparisonOf(index, selection))?.range ?? null;
  const scope = selection.unitId ? unitsInScope(index, { ...selection, unitId: null }) : unitsInScope(index, selection);
  const rows: Omit<UnitRow, 'rank'>[] = [];
  for (const u of scope) {
    const totals = unitTotals(index, u.id, selection.range, selection.field);
    if (!totals) continue;
    const previous = prevRange ? unitPrevious(index, u.id, selection.range, prevRange, selection.field) : null;
    rows.push({
      unitId: u.id,
      name: u.name,
      level: u.level,
      code: u.code,
      totals,
      previous,
      level4Share: share(totals.receivedOnlineLevel4, totals.received),
      level3Share: share(totals.receivedOnlineLevel3, totals.received),
      onTimeChange: difference(totals.onTimeRate, previous?.onTimeRate ?? null),
      onlineChange: difference(totals.onlineRate, previous?.onlineRate ?? null),
      belowOnTimeTarget: totals.onTimeRate !== null && totals.onTimeRate < targets.onTimeRate,
      belowOnlineTarget: totals.onlineRate !== null && totals.onlineRate < targets.onlineRate,
    });
  }
  // Units are ranked among units of their own level only: a district is never ranked among its communes.
  const ordered = [...rows].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || compareRank(a, b));
  let rank = 0;
  return ordered.map((r, i) => {
    rank = i > 0 && ordered[i - 1]?.level === r.level ? rank + 1 : 1;
    return { ...r, rank };
  });
}

function share(part: number | null, whole: number): number | null {
  return part === null ? null : ratio(part, whole);
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
    compareNames(a.name, b.name)
  );
}

export interface MonthRow {
  month: Month;
  totals: Totals | null;
}

/** A group's figures month by month across the range (one field's, when `field` is given). */
export function monthRows(
  index: DatasetIndex,
  unitIds: readonly string[],
  range: MonthRange,
  field: string | null = null,
): MonthRow[] {
  const totals = monthlyGroupTotals(index, unitIds, range, field);
  return monthsBetween(range).map((month, i) => ({ month, totals: totals[i] ?? null }));
}

export interface LevelMonthRow {
  month: Month;
  byLevel: Partial<Record<Level, Totals | null>>;
}

/** Month by month, one group per level shown: for the levels drawn apart. */
export function levelMonthRows(index: DatasetIndex, selection: Selection): LevelMonthRow[] {
  const levels = selection.unitId ? [] : levelsFor(index, selection.level);
  const byLevel = new Map(
    levels.map((l) => [
      l,
      monthlyGroupTotals(
        index,
        index.units.filter((u) => u.level === l).map((u) => u.id),
        selection.range,
        selection.field,
      ),
    ]),
  );
  return monthsBetween(selection.range).map((month, i) => {
    const row: Partial<Record<Level, Totals | null>> = {};
    for (const [level, totals] of byLevel) row[level] = totals[i] ?? null;
    return { month, byLevel: row };
  });
}

/** Month rows of everything in scope (the unit, or all units of the levels shown). */
export function scopeMonthRows(index: DatasetIndex, selection: Selection): MonthRow[] {
  return monthRows(
    index,
    unitsInScope(index, selection).map((u) => u.id),
    selection.range,
    selection.field,
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

/** New dossiers by channel: level 3, level 4 (null where the split is not reported), and the rest (in person or by post). */
export const CHANNEL_PICKS: Record<string, SeriesPick> = {
  receivedOnlineLevel4: (t) => t.receivedOnlineLevel4,
  receivedOnlineLevel3: (t) => t.receivedOnlineLevel3,
  offline: (t) => t.received - t.receivedOnline,
};

/** New dossiers by channel where the split is not reported: online as one figure, and the rest. */
export const CHANNEL_TOTAL_PICKS: Record<string, SeriesPick> = {
  receivedOnline: (t) => t.receivedOnline,
  offline: (t) => t.received - t.receivedOnline,
};

/** What the data in view reports, so the page can say "không báo cáo" rather than draw 0. */
export interface Reporting {
  /**
   * Every record in view over the range gives the split into levels 3 and 4.
   * When false, the level 3/4 figures are null and online is one total.
   */
  onlineSplit: boolean;
  /** Some record in view reports fees; when false, fees are "not reported" (every fee figure is null). */
  fees: boolean;
}

/** What is reported for the units in scope over the range (and the field, when one is selected). */
export function reportingOf(index: DatasetIndex, selection: Selection): Reporting {
  const t = groupTotals(
    index,
    unitsInScope(index, selection).map((u) => u.id),
    selection.range,
    selection.field,
  );
  return { onlineSplit: t !== null && t.receivedOnlineLevel3 !== null, fees: t !== null && t.feesVnd !== null };
}

/** The fields a selection covers: the selected one, or every field some record uses. */
export function fieldsInView(index: DatasetIndex, selection: Selection): Field[] {
  if (selection.field === null) return [...index.fields];
  const f = index.fieldsById.get(selection.field);
  return f ? [f] : [];
}

/**
 * One procedure field over the units in scope: the rows behind "on-time rate
 * by field", "online uptake by field" and "late and overdue by field".
 */
export interface FieldRow {
  fieldId: string;
  name: string;
  code: string | undefined;
  /** Sum of the (unit, field) series of the units in scope. */
  totals: Totals;
  /**
   * The same over the comparison range; null when there is none, or when a unit with figures of this
   * field in either period lacks a month of either (as for a headline group).
   */
  previous: Totals | null;
  /** Who the comparison sums and who lacks months; null when the selection has no comparison range. */
  coverage: GroupCoverage | null;
  onTimeChange: number | null;
  onlineChange: number | null;
  belowOnTimeTarget: boolean;
  belowOnlineTarget: boolean;
  /** Units in scope with a record of this field in the range. */
  unitCount: number;
}

/** One row per field with data in the range, for the units in scope, in the order of the dataset's `fields`. */
export function fieldRows(index: DatasetIndex, selection: Selection): FieldRow[] {
  const targets = targetsOf(index, selection.targets);
  const prevRange = comparedOf(comparisonOf(index, selection))?.range ?? null;
  const ids = unitsInScope(index, selection).map((u) => u.id);
  const rows: FieldRow[] = [];
  for (const f of fieldsInView(index, selection)) {
    const totals = groupTotals(index, ids, selection.range, f.id);
    if (!totals) continue;
    const c = prevRange ? compareGroup(index, ids, selection.range, prevRange, f.id) : null;
    const previous = c?.previous ?? null;
    let unitCount = 0;
    for (const id of ids) if (unitTotals(index, id, selection.range, f.id)) unitCount++;
    rows.push({
      fieldId: f.id,
      name: f.name,
      code: f.code,
      totals,
      previous,
      coverage: c?.coverage ?? null,
      onTimeChange: difference(totals.onTimeRate, previous?.onTimeRate ?? null),
      onlineChange: difference(totals.onlineRate, previous?.onlineRate ?? null),
      belowOnTimeTarget: totals.onTimeRate !== null && totals.onTimeRate < targets.onTimeRate,
      belowOnlineTarget: totals.onlineRate !== null && totals.onlineRate < targets.onlineRate,
      unitCount,
    });
  }
  return rows;
}

/** One cell of the unit × field table. */
export interface FieldCell {
  fieldId: string;
  /** null: the unit has no record of this field in the range (or does not report it). */
  totals: Totals | null;
  onTimeRate: number | null;
  /** Dossiers still pending and overdue at the end of the range; null where there are no figures. */
  overdue: number | null;
  belowOnTimeTarget: boolean;
}

export interface UnitFieldRow {
  unitId: string;
  name: string;
  level: Level;
  code: string | undefined;
  /** The unit over the fields in view (all its fields, or the selected one). */
  totals: Totals;
  /** One cell per column of the matrix, in the same order. */
  cells: FieldCell[];
}

export interface UnitFieldMatrix {
  /** The columns: the fields in view. */
  fields: Field[];
  /** The units in scope that report by field and have figures in the range, in the order of the dataset. */
  rows: UnitFieldRow[];
}

/** The unit × field table for the units in scope: on-time rate and overdue count, with the totals behind them. */
export function unitFieldMatrix(index: DatasetIndex, selection: Selection): UnitFieldMatrix {
  const targets = targetsOf(index, selection.targets);
  const fields = fieldsInView(index, selection);
  const rows: UnitFieldRow[] = [];
  for (const u of unitsInScope(index, selection)) {
    if (fieldsOfUnit(index, u.id).length === 0) continue;
    const totals = unitTotals(index, u.id, selection.range, selection.field);
    if (!totals) continue;
    const cells = fields.map((f): FieldCell => {
      const t = unitTotals(index, u.id, selection.range, f.id);
      return {
        fieldId: f.id,
        totals: t,
        onTimeRate: t?.onTimeRate ?? null,
        overdue: t ? t.pendingOverdue : null,
        belowOnTimeTarget: t !== null && t.onTimeRate !== null && t.onTimeRate < targets.onTimeRate,
      };
    });
    rows.push({ unitId: u.id, name: u.name, level: u.level, code: u.code, totals, cells });
  }
  return { fields, rows };
}

/** Late and overdue dossiers and the apology letters sent for them. */
export interface AccountabilityFigures {
  /** Resolved after the deadline during the range. */
  resolvedLate: number;
  /** Still pending and overdue at the end of the range. */
  pendingOverdue: number;
  /** Apology letters sent during the range, where reported; null where no record reports them (never 0). */
  apologyLetters: number | null;
}

export interface AccountabilityFieldRow extends AccountabilityFigures {
  fieldId: string;
  name: string;
}

export interface AccountabilityRow extends AccountabilityFigures {
  unitId: string;
  name: string;
  level: Level;
  /** The unit's fields with late or overdue dossiers, most first; empty for a unit that reports no fields. */
  fields: AccountabilityFieldRow[];
}

function accountabilityOf(t: Totals): AccountabilityFigures {
  return { resolvedLate: t.resolvedLate, pendingOverdue: t.pendingOverdue, apologyLetters: t.apologyLetters };
}

const lateOrOverdue = (x: AccountabilityFigures) => x.resolvedLate + x.pendingOverdue;

/**
 * The units in scope with late or overdue dossiers (and, for units that report
 * by field, the fields where they are), most first: how many, and how many
 * apology letters were sent where that is reported.
 */
export function accountabilityRows(index: DatasetIndex, selection: Selection): AccountabilityRow[] {
  const rows: AccountabilityRow[] = [];
  for (const u of unitsInScope(index, selection)) {
    const t = unitTotals(index, u.id, selection.range, selection.field);
    if (!t || t.resolvedLate + t.pendingOverdue === 0) continue;
    const fields: AccountabilityFieldRow[] = [];
    for (const f of fieldsOfUnit(index, u.id)) {
      if (selection.field !== null && f.id !== selection.field) continue;
      const ft = unitTotals(index, u.id, selection.range, f.id);
      if (!ft || ft.resolvedLate + ft.pendingOverdue === 0) continue;
      fields.push({ fieldId: f.id, name: f.name, ...accountabilityOf(ft) });
    }
    fields.sort((a, b) => lateOrOverdue(b) - lateOrOverdue(a));
    rows.push({ unitId: u.id, name: u.name, level: u.level, ...accountabilityOf(t), fields });
  }
  return rows.sort((a, b) => lateOrOverdue(b) - lateOrOverdue(a) || compareNames(a.name, b.name));
}

/** One unit of the change chart: its rate over the comparison range and over the selected range. */
export interface ChangeRow {
  unitId: string;
  name: string;
  /** The rate over the comparison range (a fraction). */
  previous: number;
  /** The rate over the selected range (a fraction). */
  current: number;
  /** current − previous, a fraction: ×100 for percentage points. */
  change: number;
  /** Rates: higher is better; a change smaller than SAME_RATE (under 0.05 point) is the same. */
  verdict: Exclude<ChangeVerdict, 'neutral'>;
  /** The current rate is below the target in force. */
  belowTarget: boolean;
}

export interface ChangeChart {
  figure: 'onTimeRate' | 'onlineRate';
  /** The units with both rates, largest fall first (then by change, ties by name). */
  rows: ChangeRow[];
  /** Units of the level with this rate now but none to compare with, by name, in the ranking's order. */
  withoutComparison: string[];
}

/** Per unit of one level, last period's rate and this one's, on time and online: the rows of the change chart. */
export interface UnitChanges {
  /** The level compared: the one chosen, the drilled-into unit's, or else the lowest the data has (communes). */
  level: Level | null;
  /** What the rates are compared with; null when nothing is (every list is then empty of rows). */
  compare: Compared | null;
  onTime: ChangeChart;
  online: ChangeChart;
}

/** The level whose units a chart of units compares: like with like, never a district among its communes. */
export function comparedLevel(index: DatasetIndex, selection: Selection): Level | null {
  const unit = selection.unitId ? index.unitsById.get(selection.unitId) : undefined;
  if (unit) return unit.level;
  return levelsFor(index, selection.level).at(-1) ?? null;
}

/**
 * The change of both rates per unit of one level, from the unit rows (pass
 * them when they are at hand, as dashboardFigures does).
 */
export function unitChanges(
  index: DatasetIndex,
  selection: Selection,
  rows: readonly UnitRow[] = unitRows(index, selection),
): UnitChanges {
  const level = comparedLevel(index, selection);
  const targets = targetsOf(index, selection.targets);
  const compare = comparedOf(comparisonOf(index, selection));
  const ofLevel = rows.filter((r) => r.level === level);
  const chart = (figure: ChangeChart['figure']): ChangeChart => {
    const out: ChangeRow[] = [];
    const withoutComparison: string[] = [];
    for (const r of ofLevel) {
      const current = r.totals[figure];
      if (current === null) continue;
      const previous = r.previous?.[figure] ?? null;
      const verdict = changeVerdict(figure, current, previous);
      if (previous === null || verdict === null || verdict === 'neutral') {
        withoutComparison.push(r.name);
        continue;
      }
      out.push({
        unitId: r.unitId,
        name: r.name,
        previous,
        current,
        change: current - previous,
        verdict,
        belowTarget: current < targets[figure],
      });
    }
    out.sort((a, b) => a.change - b.change || compareNames(a.name, b.name));
    return { figure, rows: out, withoutComparison };
  };
  return { level, compare, onTime: chart('onTimeRate'), online: chart('onlineRate') };
}

/** Everything the page, the slides and the exports draw for one selection, computed once. */
export function dashboardFigures(index: DatasetIndex, selection: Selection) {
  const levels = levelsFor(index, selection.level);
  const levelMonths = levelMonthRows(index, selection);
  const scopeMonths = scopeMonthRows(index, selection);
  const reporting = reportingOf(index, selection);
  const byGroup = (pick: SeriesPick) =>
    selection.unitId ? seriesByGroup(scopeMonths, pick) : seriesByGroup(levelMonths, pick);
  const top = headline(index, selection);
  const rows = unitRows(index, selection);
  return {
    levels,
    reporting,
    headline: top,
    /** What every change below is compared with (the same as `headline.compare`). */
    compare: top.compare,
    rows,
    /** Per unit of one level, both rates then and now, sorted by change: the change chart's rows. */
    change: unitChanges(index, selection, rows),
    onlineTrend: byGroup((x) => x.onlineRate),
    feesByMonth: byGroup((x) => x.feesVnd),
    flow: seriesByFigure(scopeMonths, FLOW_PICKS),
    // Levels 3 and 4 where every record in view gives them; otherwise online as one total.
    channel: seriesByFigure(scopeMonths, reporting.onlineSplit ? CHANNEL_PICKS : CHANNEL_TOTAL_PICKS),
    unitRates: seriesByFigure(scopeMonths, { onTimeRate: (x) => x.onTimeRate, onlineRate: (x) => x.onlineRate }),
    unitCounts: seriesByFigure(scopeMonths, { received: (x) => x.received, resolved: (x) => x.resolved }),
    /** Per field, for the on-time, online and late-and-overdue charts by field (empty without fields). */
    fields: fieldRows(index, selection),
    fieldMatrix: unitFieldMatrix(index, selection),
    accountability: accountabilityRows(index, selection),
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

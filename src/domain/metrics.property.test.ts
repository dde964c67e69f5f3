/**
 * Property tests of the dashboard's arithmetic (docs/decisions/0002-stocks-flows-and-rates.md)
 * on arbitrary small datasets: a handful of district and commune units, a few
 * months, at most one record per unit, month and field, every count a whole
 * number ≥ 0 and online ≤ received. The datasets mix the two versions of the
 * contract: units that report by field and units that do not, records that
 * give the online total, the level 3/4 split or both, and fees given or not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Counts,
  fieldsOfUnit,
  groupTotals,
  indexDataset,
  levelTotals,
  monthlyGroupTotals,
  summarize,
  TOTALS_KEYS,
  type Totals,
  unitTotals,
} from './metrics.ts';
import { addMonths, type Month, type MonthRange, monthsBetween } from './months.ts';
import type { Dataset, DatasetRecord, Level } from './schema.ts';
import { validateDataset } from './validate.ts';

/** Fixed seed, so a failure is the same failure on every run and every machine. */
const RUNS = { seed: 20220527, numRuns: 150 } as const;

const FLOWS = [
  'received',
  'receivedOnline',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'withdrawn',
] as const satisfies readonly (keyof Counts)[];
/** Summed over the records that report them; null where none does. */
const OPTIONAL_FLOWS = [
  'feesVnd',
  'interlinked',
  'saturdayReceived',
  'apologyLetters',
] as const satisfies readonly (keyof Counts)[];
/** Summed only where every record has them; null otherwise. */
const SPLIT = ['receivedOnlineLevel3', 'receivedOnlineLevel4'] as const satisfies readonly (keyof Counts)[];
const COUNTS = [
  'carriedOver',
  ...FLOWS,
  'pendingWithinDeadline',
  'pendingOverdue',
] as const satisfies readonly (keyof Counts)[];
const RATES = ['onTimeRate', 'onlineRate', 'completionRate'] as const satisfies readonly (keyof Totals)[];
const LEVELS_HERE: readonly Level[] = ['district', 'commune'];
const FIELD_IDS = ['dat-dai', 'ho-tich', 'chung-thuc'] as const;
const START: Month = '2021-11';

/** How a record gives its online dossiers (version 1 always gives the split). */
type OnlineForm = 'split' | 'total' | 'both';

/** The figures of one record, before it is given its unit, month and field. */
const figures = (v1: boolean) =>
  fc
    .record({
      carriedOver: fc.nat({ max: 500 }),
      received: fc.nat({ max: 1000 }),
      l3: fc.nat({ max: 1000 }),
      l4: fc.nat({ max: 1000 }),
      online: v1 ? fc.constant<OnlineForm>('split') : fc.constantFrom<OnlineForm>('split', 'total', 'both'),
      resolvedEarly: fc.nat({ max: 400 }),
      resolvedOnTime: fc.nat({ max: 800 }),
      resolvedLate: fc.nat({ max: 100 }),
      withdrawn: fc.option(fc.nat({ max: 50 }), { nil: undefined }),
      pendingWithinDeadline: fc.nat({ max: 300 }),
      pendingOverdue: fc.nat({ max: 50 }),
      feesVnd: v1 ? fc.nat({ max: 50_000_000 }) : fc.option(fc.nat({ max: 50_000_000 }), { nil: undefined }),
      interlinked: fc.option(fc.nat({ max: 200 }), { nil: undefined }),
      saturdayReceived: fc.option(fc.nat({ max: 100 }), { nil: undefined }),
      apologyLetters: fc.option(fc.nat({ max: 10 }), { nil: undefined }),
    })
    .map(({ l3, l4, online, feesVnd, ...f }) => {
      // level 3 + level 4 ≤ received; the parts received on a Saturday or interlinked are at most received too.
      const level3 = l3 % (f.received + 1);
      const level4 = l4 % (f.received - level3 + 1);
      const out: Omit<DatasetRecord, 'unitId' | 'month'> = {
        carriedOver: f.carriedOver,
        received: f.received,
        resolvedEarly: f.resolvedEarly,
        resolvedOnTime: f.resolvedOnTime,
        resolvedLate: f.resolvedLate,
        pendingWithinDeadline: f.pendingWithinDeadline,
        pendingOverdue: f.pendingOverdue,
      };
      // Absent optional fields are left out of the object, as in a JSON file.
      if (online !== 'split') out.receivedOnline = level3 + level4;
      if (online !== 'total') {
        out.receivedOnlineLevel3 = level3;
        out.receivedOnlineLevel4 = level4;
      }
      if (feesVnd !== undefined) out.feesVnd = feesVnd;
      if (f.withdrawn !== undefined) out.withdrawn = f.withdrawn;
      if (f.interlinked !== undefined) out.interlinked = Math.min(f.interlinked, f.received);
      if (f.saturdayReceived !== undefined) out.saturdayReceived = Math.min(f.saturdayReceived, f.received);
      if (f.apologyLetters !== undefined) out.apologyLetters = f.apologyLetters;
      return out;
    });

interface Generated {
  dataset: Dataset;
  /** Every month of the span, whether or not a record falls in it. */
  months: Month[];
  /** The first unit: it has a record in every month of the span (in each of its series). */
  fullUnit: string;
}

/**
 * 1–5 units of random levels over 1–6 months. In a version-2 dataset each unit
 * reports by 1–3 fields or not at all. Unit u0 reports every month in each of
 * its series, the others in random months.
 */
const datasetsOf = (version: 1 | 2): fc.Arbitrary<Generated> =>
  fc
    .record({
      units: fc.array(
        fc.record({
          level: fc.constantFrom<Level>(...LEVELS_HERE),
          fields: version === 1 ? fc.constant([]) : fc.subarray([...FIELD_IDS]),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      monthCount: fc.integer({ min: 1, max: 6 }),
    })
    .chain(({ units, monthCount }) => {
      const months = Array.from({ length: monthCount }, (_, i) => addMonths(START, i));
      const slots = units.flatMap((u, n) =>
        (u.fields.length === 0 ? [undefined] : u.fields).flatMap((fieldId) =>
          months.map((month) => ({ unitId: `u${n}`, month, ...(fieldId ? { fieldId } : {}) })),
        ),
      );
      const figs = figures(version === 1);
      return fc
        .tuple(
          ...slots.map((slot) =>
            slot.unitId === 'u0'
              ? figs.map((f) => ({ ...slot, ...f }))
              : fc.option(
                  figs.map((f) => ({ ...slot, ...f })),
                  { nil: null, freq: 3 },
                ),
          ),
        )
        .map((records) => {
          const dataset: Dataset = {
            schemaVersion: version,
            title: 'Thử',
            units: units.map((u, n) => ({ id: `u${n}`, name: `Đơn vị ${n}`, level: u.level })),
            records: records.filter((r): r is DatasetRecord => r !== null),
          };
          if (version === 2) dataset.fields = FIELD_IDS.map((id) => ({ id, name: `Lĩnh vực ${id}` }));
          return { dataset, months, fullUnit: 'u0' };
        });
    });

const datasets = fc.oneof(datasetsOf(1), datasetsOf(2));

/** A sub-range of the span and a split of it into consecutive parts (cut after the chosen months). */
function withSplit(g: Generated) {
  const n = g.months.length;
  return fc
    .tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 }))
    .chain(([a, b]) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      const inner = g.months.slice(lo, hi); // a cut may follow any month but the last
      return fc
        .subarray(inner)
        .map((cuts) => ({ range: { from: g.months[lo] as Month, to: g.months[hi] as Month }, cuts }));
    })
    .map(({ range, cuts }) => ({ g, range, parts: splitRange(range, cuts) }));
}

function splitRange(range: MonthRange, cutsAfter: readonly Month[]): MonthRange[] {
  const parts: MonthRange[] = [];
  let from = range.from;
  for (const cut of [...cutsAfter].sort()) {
    parts.push({ from, to: cut });
    from = addMonths(cut, 1);
  }
  parts.push({ from, to: range.to });
  return parts;
}

/** Optional figures: null where nothing reports, else the sum of what does. */
function addNullable(a: number | null, b: number | null): number | null {
  if (b === null) return a;
  return (a ?? 0) + b;
}

/** The level 3/4 split: null as soon as one part lacks it. */
function addSplit(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

function sumFlows(list: readonly (Totals | null)[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const present = list.filter((t): t is Totals => t !== null);
  for (const k of FLOWS) out[k] = present.reduce((s, t) => s + t[k], 0);
  for (const k of OPTIONAL_FLOWS) out[k] = present.reduce<number | null>((s, t) => addNullable(s, t[k]), null);
  for (const k of SPLIT)
    out[k] = present.length === 0 ? null : present.reduce<number | null>((s, t) => addSplit(s, t[k]), 0);
  return out;
}

function flowsOf(t: Totals | null): Record<string, number | null> {
  return sumFlows([t]);
}

const wholeSpan = (g: Generated): MonthRange => ({
  from: g.months[0] as Month,
  to: g.months[g.months.length - 1] as Month,
});

describe('figures of a level are the sums of its units', () => {
  it('sums every count over the units of a level, and computes the rates from those sums', () => {
    fc.assert(
      fc.property(
        datasets.chain((g) => withSplit(g)),
        ({ g, range }) => {
          const index = indexDataset(g.dataset);
          for (const level of LEVELS_HERE) {
            const units = g.dataset.units.filter((u) => u.level === level);
            const each = units.map((u) => unitTotals(index, u.id, range)).filter((t): t is Totals => t !== null);
            const total = levelTotals(index, level, range);
            if (each.length === 0) {
              expect(total).toBeNull();
              continue;
            }
            expect(total).not.toBeNull();
            const t = total as Totals;
            for (const k of COUNTS) expect(t[k], `${level} ${k}`).toBe(each.reduce((s, x) => s + x[k], 0));
            for (const k of OPTIONAL_FLOWS) {
              expect(t[k], `${level} ${k}`).toBe(each.reduce<number | null>((s, x) => addNullable(s, x[k]), null));
            }
            for (const k of SPLIT) {
              expect(t[k], `${level} ${k}`).toBe(each.reduce<number | null>((s, x) => addSplit(s, x[k]), 0));
            }
            expect(t.total).toBe(t.carriedOver + t.received);
            expect(t.resolved).toBe(t.resolvedEarly + t.resolvedOnTime + t.resolvedLate);
            expect(t.pending).toBe(t.pendingWithinDeadline + t.pendingOverdue);
            // Rates from the sums, never an average of the units' rates.
            expect(t.onTimeRate).toBe(t.resolved === 0 ? null : (t.resolvedEarly + t.resolvedOnTime) / t.resolved);
            expect(t.onlineRate).toBe(t.received === 0 ? null : t.receivedOnline / t.received);
            // More resolved than carried over + received does not add up: no completion rate then.
            expect(t.completionRate).toBe(t.total === 0 || t.resolved > t.total ? null : t.resolved / t.total);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('splitting a range into consecutive parts', () => {
  it('gives the same flows for every unit and every level, optional flows keeping "not reported"', () => {
    fc.assert(
      fc.property(
        datasets.chain((g) => withSplit(g)),
        ({ g, range, parts }) => {
          const index = indexDataset(g.dataset);
          for (const u of g.dataset.units) {
            const whole = unitTotals(index, u.id, range);
            const pieces = parts.map((p) => unitTotals(index, u.id, p));
            expect(sumFlows(pieces), `${u.id} ${JSON.stringify(parts)}`).toEqual(flowsOf(whole));
          }
          for (const level of LEVELS_HERE) {
            const whole = levelTotals(index, level, range);
            const pieces = parts.map((p) => levelTotals(index, level, p));
            expect(sumFlows(pieces), `${level} ${JSON.stringify(parts)}`).toEqual(flowsOf(whole));
          }
        },
      ),
      RUNS,
    );
  });

  it("takes the first part's carried over and the last part's pending for a unit with records every month", () => {
    fc.assert(
      fc.property(
        datasets.chain((g) => withSplit(g)),
        ({ g, range, parts }) => {
          const index = indexDataset(g.dataset);
          const whole = unitTotals(index, g.fullUnit, range) as Totals;
          const first = unitTotals(index, g.fullUnit, parts[0] as MonthRange) as Totals;
          const last = unitTotals(index, g.fullUnit, parts[parts.length - 1] as MonthRange) as Totals;
          expect(whole).not.toBeNull();
          expect(first.carriedOver).toBe(whole.carriedOver);
          expect(last.pendingWithinDeadline).toBe(whole.pendingWithinDeadline);
          expect(last.pendingOverdue).toBe(whole.pendingOverdue);
          expect(last.pending).toBe(whole.pending);
        },
      ),
      RUNS,
    );
  });
});

/** Every rate of every unit and level, over every sub-range of the span. */
function everyRate(g: Generated): { where: string; rate: string; value: number | null }[] {
  const index = indexDataset(g.dataset);
  const out: { where: string; rate: string; value: number | null }[] = [];
  for (let i = 0; i < g.months.length; i++) {
    for (let j = i; j < g.months.length; j++) {
      const range = { from: g.months[i] as Month, to: g.months[j] as Month };
      const all: [string, Totals | null][] = [
        ...g.dataset.units.map((u): [string, Totals | null] => [u.id, unitTotals(index, u.id, range)]),
        ...LEVELS_HERE.map((l): [string, Totals | null] => [l, levelTotals(index, l, range)]),
      ];
      for (const [who, t] of all) {
        if (!t) continue;
        for (const rate of RATES) out.push({ where: `${who} ${range.from}..${range.to}`, rate, value: t[rate] });
      }
    }
  }
  return out;
}

const isFraction = (v: number | null) => v === null || (Number.isFinite(v) && v >= 0 && v <= 1);

describe('rates', () => {
  it('the on-time and online rates are within 0..1 or null, for every unit, level and range', () => {
    fc.assert(
      fc.property(datasets, (g) => {
        const bad = everyRate(g).filter((r) => r.rate !== 'completionRate' && !isFraction(r.value));
        expect(bad).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the completion rate is within 0..1 or null, for every unit, level and range of any dataset that loads', () => {
    // The generator makes datasets the validator accepts (a record whose flows do not add up
    // only earns a flow_identity warning), so whatever it shows as a rate must be a fraction.
    fc.assert(
      fc.property(datasets, (g) => {
        const bad = everyRate(g).filter((r) => r.rate === 'completionRate' && !isFraction(r.value));
        expect(bad.slice(0, 3)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('every rate is within 0..1 when the records add up (flow identity and month chain hold)', () => {
    // Each month: carried over + received = resolved + withdrawn + pending, and the next month
    // with a record carries over this month's pending.
    const consistent = datasets.map((g) => {
      const byUnit = new Map<string, DatasetRecord[]>();
      for (const r of g.dataset.records) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
      const records: DatasetRecord[] = [];
      for (const list of byUnit.values()) {
        let carried: number | null = null;
        for (const r of [...list].sort((a, b) => (a.month < b.month ? -1 : 1))) {
          // Across a month without a record the pending dossiers are still carried: the chain holds.
          const carriedOver: number = carried ?? r.carriedOver;
          const available = carriedOver + r.received;
          const withdrawn = Math.min(r.withdrawn ?? 0, available);
          const early = Math.min(r.resolvedEarly, available - withdrawn);
          const onTime = Math.min(r.resolvedOnTime, available - withdrawn - early);
          const late = Math.min(r.resolvedLate, available - withdrawn - early - onTime);
          const left = available - withdrawn - early - onTime - late;
          const overdue = Math.min(r.pendingOverdue, left);
          const fixed: DatasetRecord = {
            ...r,
            carriedOver,
            resolvedEarly: early,
            resolvedOnTime: onTime,
            resolvedLate: late,
            withdrawn,
            pendingWithinDeadline: left - overdue,
            pendingOverdue: overdue,
          };
          records.push(fixed);
          carried = fixed.pendingWithinDeadline + fixed.pendingOverdue;
        }
      }
      return { ...g, dataset: { ...g.dataset, records } };
    });
    fc.assert(
      fc.property(consistent, (g) => {
        expect(everyRate(g).filter((r) => !isFraction(r.value))).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('the order of the records', () => {
  it('does not change any figure: summarize is the same after shuffling the records', () => {
    fc.assert(
      fc.property(
        datasets
          .chain((g) => withSplit(g))
          .chain(({ g, range }) =>
            fc
              .shuffledSubarray(g.dataset.records, {
                minLength: g.dataset.records.length,
                maxLength: g.dataset.records.length,
              })
              .map((shuffled) => ({ g, range, shuffled })),
          ),
        ({ g, range, shuffled }) => {
          const original = indexDataset(g.dataset);
          const reordered = indexDataset({ ...g.dataset, records: shuffled });
          expect(summarize(reordered, range)).toEqual(summarize(original, range));
          expect(summarize(reordered, wholeSpan(g))).toEqual(summarize(original, wholeSpan(g)));
          for (const month of monthsBetween(range)) {
            const one = { from: month, to: month };
            expect(summarize(reordered, one)).toEqual(summarize(original, one));
          }
        },
      ),
      RUNS,
    );
  });
});

const ALL_KEYS = [...COUNTS, ...OPTIONAL_FLOWS, ...SPLIT] as const;

describe('procedure fields (contract version 2)', () => {
  it('the generated datasets are ones the validator accepts', () => {
    fc.assert(
      fc.property(datasets, (g) => {
        const result = validateDataset(JSON.parse(JSON.stringify(g.dataset)));
        expect(result.ok, result.ok ? '' : JSON.stringify(result.errors.slice(0, 3))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a unit is the sum of its fields, stocks included, for every range', () => {
    fc.assert(
      fc.property(
        datasetsOf(2).chain((g) => withSplit(g)),
        ({ g, range }) => {
          const index = indexDataset(g.dataset);
          for (const u of g.dataset.units) {
            const fields = fieldsOfUnit(index, u.id);
            if (fields.length === 0) continue;
            const whole = unitTotals(index, u.id, range);
            const parts = fields.map((f) => unitTotals(index, u.id, range, f.id)).filter((t) => t !== null);
            if (parts.length === 0) {
              expect(whole).toBeNull();
              continue;
            }
            const t = whole as Totals;
            for (const k of COUNTS) expect(t[k], `${u.id} ${k}`).toBe(parts.reduce((s, x) => s + x[k], 0));
            for (const k of OPTIONAL_FLOWS) {
              expect(t[k], `${u.id} ${k}`).toBe(parts.reduce<number | null>((s, x) => addNullable(s, x[k]), null));
            }
            for (const k of SPLIT) {
              expect(t[k], `${u.id} ${k}`).toBe(parts.reduce<number | null>((s, x) => addSplit(s, x[k]), 0));
            }
          }
        },
      ),
      RUNS,
    );
  });

  it("a field at a level is the sum of that level's units in that field, as summary gives it", () => {
    fc.assert(
      fc.property(
        datasetsOf(2).chain((g) => withSplit(g)),
        ({ g, range }) => {
          const index = indexDataset(g.dataset);
          const s = summarize(index, range);
          for (const level of LEVELS_HERE) {
            const units = g.dataset.units.filter((u) => u.level === level);
            for (const f of FIELD_IDS) {
              const each = units.map((u) => unitTotals(index, u.id, range, f)).filter((t) => t !== null);
              const t = levelTotals(index, level, range, f);
              expect(s.fields?.[level]?.[f] ?? null).toEqual(t);
              if (each.length === 0) {
                expect(t).toBeNull();
                continue;
              }
              for (const k of COUNTS) expect(t?.[k], `${level} ${f} ${k}`).toBe(each.reduce((a, x) => a + x[k], 0));
              for (const u of units)
                expect(s.unitFields?.[u.id]?.[f] ?? null).toEqual(unitTotals(index, u.id, range, f));
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('a version-1 file and its version-2 copy with one field give the same figures', () => {
    fc.assert(
      fc.property(
        datasetsOf(1).chain((g) => withSplit(g)),
        ({ g, range }) => {
          const copy: Dataset = {
            ...g.dataset,
            schemaVersion: 2,
            fields: [{ id: 'tat-ca', name: 'Tất cả' }],
            records: g.dataset.records.map((r) => ({ ...r, fieldId: 'tat-ca' })),
          };
          const v1 = validateDataset(JSON.parse(JSON.stringify(g.dataset)));
          const v2 = validateDataset(JSON.parse(JSON.stringify(copy)));
          expect(v1.ok && v2.ok).toBe(true);
          if (!v1.ok || !v2.ok) return;
          expect(v2.warnings.map((w) => [w.code, w.path])).toEqual(v1.warnings.map((w) => [w.code, w.path]));
          const one = summarize(indexDataset(v1.dataset), range);
          const { fields, unitFields, ...other } = summarize(indexDataset(v2.dataset), range);
          expect(other).toEqual(one);
          expect(one.fields).toBeUndefined();
          for (const [level, t] of Object.entries(one.levels)) expect(fields?.[level as Level]?.['tat-ca']).toEqual(t);
          for (const [id, t] of Object.entries(one.units)) expect(unitFields?.[id]?.['tat-ca']).toEqual(t);
        },
      ),
      RUNS,
    );
  });

  it('the level 3/4 split is null unless every record in the set gives it, and then is its sum', () => {
    fc.assert(
      fc.property(
        datasets.chain((g) => withSplit(g)),
        ({ g, range }) => {
          const index = indexDataset(g.dataset);
          const inRange = (r: DatasetRecord) => r.month >= range.from && r.month <= range.to;
          const check = (t: Totals | null, records: readonly DatasetRecord[], who: string) => {
            if (records.length === 0) return expect(t, who).toBeNull();
            const complete = records.every(
              (r) => r.receivedOnlineLevel3 !== undefined && r.receivedOnlineLevel4 !== undefined,
            );
            const sum = (k: 'receivedOnlineLevel3' | 'receivedOnlineLevel4') =>
              records.reduce((s, r) => s + (r[k] ?? 0), 0);
            expect(t?.receivedOnlineLevel3, who).toBe(complete ? sum('receivedOnlineLevel3') : null);
            expect(t?.receivedOnlineLevel4, who).toBe(complete ? sum('receivedOnlineLevel4') : null);
            // The online total counts every record, split or not.
            expect(t?.receivedOnline, who).toBe(
              records.reduce(
                (s, r) => s + (r.receivedOnline ?? (r.receivedOnlineLevel3 ?? 0) + (r.receivedOnlineLevel4 ?? 0)),
                0,
              ),
            );
          };
          for (const u of g.dataset.units) {
            check(
              unitTotals(index, u.id, range),
              g.dataset.records.filter((r) => r.unitId === u.id && inRange(r)),
              u.id,
            );
          }
          for (const level of LEVELS_HERE) {
            const ids = new Set(g.dataset.units.filter((u) => u.level === level).map((u) => u.id));
            check(
              levelTotals(index, level, range),
              g.dataset.records.filter((r) => ids.has(r.unitId) && inRange(r)),
              level,
            );
          }
        },
      ),
      RUNS,
    );
  });

  it('fees sum over the records that give them and are null, never 0, where none does', () => {
    fc.assert(
      fc.property(
        datasetsOf(2).chain((g) => withSplit(g)),
        ({ g, range }) => {
          const index = indexDataset(g.dataset);
          for (const u of g.dataset.units) {
            const own = g.dataset.records.filter(
              (r) => r.unitId === u.id && r.month >= range.from && r.month <= range.to,
            );
            const given = own.filter((r) => r.feesVnd !== undefined);
            const t = unitTotals(index, u.id, range);
            if (own.length === 0) continue;
            expect(t?.feesVnd).toBe(given.length === 0 ? null : given.reduce((s, r) => s + (r.feesVnd ?? 0), 0));
          }
        },
      ),
      RUNS,
    );
  });
});

// If Totals gains a count, TOTALS_KEYS gains it too, and this fails until the properties above cover it.
it('the properties cover every count that summary prints', () => {
  const covered = new Set<string>([...ALL_KEYS, 'total', 'resolved', 'pending', ...RATES]);
  expect(TOTALS_KEYS.filter((k) => !covered.has(k))).toEqual([]);
});

describe('month by month in one pass', () => {
  it('gives for every month exactly the figures of a range of that month alone', () => {
    fc.assert(
      fc.property(
        datasets.chain((g) => withSplit(g)),
        fc.constantFrom<string | null>(null, ...FIELD_IDS),
        ({ g, range }, field) => {
          const index = indexDataset(g.dataset);
          const ids = g.dataset.units.map((u) => u.id);
          const each = monthlyGroupTotals(index, ids, range, field);
          const months = monthsBetween(range);
          expect(each).toHaveLength(months.length);
          months.forEach((m, i) => {
            expect(each[i], m).toEqual(groupTotals(index, ids, { from: m, to: m }, field));
          });
        },
      ),
      RUNS,
    );
  });
});

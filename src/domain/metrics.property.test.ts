/**
 * Property tests of the dashboard's arithmetic (docs/decisions/0002-stocks-flows-and-rates.md)
 * on arbitrary small datasets: a handful of district and commune units, a few
 * months, at most one record per unit and month, every count a whole number
 * ≥ 0 and online level 3 + level 4 ≤ received.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Counts, indexDataset, levelTotals, summarize, type Totals, unitTotals } from './metrics.ts';
import { addMonths, type Month, type MonthRange, monthsBetween } from './months.ts';
import type { Dataset, DatasetRecord, Level } from './schema.ts';

/** Fixed seed, so a failure is the same failure on every run and every machine. */
const RUNS = { seed: 20220527, numRuns: 150 } as const;

const FLOWS = [
  'received',
  'receivedOnlineLevel3',
  'receivedOnlineLevel4',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'withdrawn',
  'feesVnd',
] as const satisfies readonly (keyof Counts)[];
const OPTIONAL_FLOWS = [
  'interlinked',
  'saturdayReceived',
  'apologyLetters',
] as const satisfies readonly (keyof Counts)[];
const COUNTS = [
  'carriedOver',
  ...FLOWS,
  'pendingWithinDeadline',
  'pendingOverdue',
] as const satisfies readonly (keyof Counts)[];
const RATES = ['onTimeRate', 'onlineRate', 'completionRate'] as const satisfies readonly (keyof Totals)[];
const LEVELS_HERE: readonly Level[] = ['district', 'commune'];
const START: Month = '2021-11';

/** The figures of one record, before it is given its unit and month. */
const figures = fc
  .record({
    carriedOver: fc.nat({ max: 500 }),
    received: fc.nat({ max: 1000 }),
    l3: fc.nat({ max: 1000 }),
    l4: fc.nat({ max: 1000 }),
    resolvedEarly: fc.nat({ max: 400 }),
    resolvedOnTime: fc.nat({ max: 800 }),
    resolvedLate: fc.nat({ max: 100 }),
    withdrawn: fc.option(fc.nat({ max: 50 }), { nil: undefined }),
    pendingWithinDeadline: fc.nat({ max: 300 }),
    pendingOverdue: fc.nat({ max: 50 }),
    feesVnd: fc.nat({ max: 50_000_000 }),
    interlinked: fc.option(fc.nat({ max: 200 }), { nil: undefined }),
    saturdayReceived: fc.option(fc.nat({ max: 100 }), { nil: undefined }),
    apologyLetters: fc.option(fc.nat({ max: 10 }), { nil: undefined }),
  })
  .map(({ l3, l4, ...f }) => {
    // level 3 + level 4 ≤ received; the parts received on a Saturday or interlinked are at most received too.
    const receivedOnlineLevel3 = l3 % (f.received + 1);
    const receivedOnlineLevel4 = l4 % (f.received - receivedOnlineLevel3 + 1);
    const out: Omit<DatasetRecord, 'unitId' | 'month'> = {
      carriedOver: f.carriedOver,
      received: f.received,
      receivedOnlineLevel3,
      receivedOnlineLevel4,
      resolvedEarly: f.resolvedEarly,
      resolvedOnTime: f.resolvedOnTime,
      resolvedLate: f.resolvedLate,
      pendingWithinDeadline: f.pendingWithinDeadline,
      pendingOverdue: f.pendingOverdue,
      feesVnd: f.feesVnd,
    };
    // Absent optional fields are left out of the object, as in a JSON file.
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
  /** The first unit: it has a record in every month of the span. */
  fullUnit: string;
}

/** 1–5 units of random levels over 1–6 months; unit u0 reports every month, the others in random months. */
const datasets: fc.Arbitrary<Generated> = fc
  .record({
    levels: fc.array(fc.constantFrom<Level>(...LEVELS_HERE), { minLength: 1, maxLength: 5 }),
    monthCount: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ levels, monthCount }) => {
    const months = Array.from({ length: monthCount }, (_, i) => addMonths(START, i));
    const slots = levels.flatMap((_, u) => months.map((month) => ({ unitId: `u${u}`, month })));
    return fc
      .tuple(
        ...slots.map((slot) =>
          slot.unitId === 'u0'
            ? figures.map((f) => ({ ...slot, ...f }))
            : fc.option(
                figures.map((f) => ({ ...slot, ...f })),
                { nil: null, freq: 3 },
              ),
        ),
      )
      .map((records) => ({
        dataset: {
          schemaVersion: 1 as const,
          title: 'Thử',
          units: levels.map((level, u) => ({ id: `u${u}`, name: `Đơn vị ${u}`, level })),
          records: records.filter((r): r is DatasetRecord => r !== null),
        },
        months,
        fullUnit: 'u0',
      }));
  });

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

function sumFlows(list: readonly (Totals | null)[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const k of FLOWS) out[k] = list.reduce((s, t) => s + (t ? t[k] : 0), 0);
  for (const k of OPTIONAL_FLOWS) out[k] = list.reduce<number | null>((s, t) => addNullable(s, t ? t[k] : null), null);
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
            expect(t.total).toBe(t.carriedOver + t.received);
            expect(t.resolved).toBe(t.resolvedEarly + t.resolvedOnTime + t.resolvedLate);
            expect(t.pending).toBe(t.pendingWithinDeadline + t.pendingOverdue);
            // Rates from the sums, never an average of the units' rates.
            expect(t.onTimeRate).toBe(t.resolved === 0 ? null : (t.resolvedEarly + t.resolvedOnTime) / t.resolved);
            expect(t.onlineRate).toBe(
              t.received === 0 ? null : (t.receivedOnlineLevel3 + t.receivedOnlineLevel4) / t.received,
            );
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

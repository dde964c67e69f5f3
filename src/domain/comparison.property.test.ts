/**
 * Property tests of what a period is compared with (docs/decisions/0014-compared-with-what.md):
 * the comparison range's arithmetic, and the rule "no comparison rather than a
 * wrong one" checked against a brute-force reading of arbitrary small datasets
 * (a few units, some by field, each reporting in random months).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGroup, unitCovers, unitPrevious } from './comparison.ts';
import { COMPARE_MODES, comparisonRange } from './comparison-plan.ts';
import { type DatasetIndex, groupTotals, indexDataset, unitTotals } from './metrics.ts';
import { addMonths, type Month, type MonthRange, monthIndex, monthsBetween, rangeLength } from './months.ts';
import type { Dataset, DatasetRecord } from './schema.ts';

/** Fixed seed, so a failure is the same failure on every run and every machine. */
const RUNS = { seed: 20260512, numRuns: 200 } as const;

const START: Month = '2020-01';
const SPAN = 30;
const FIELD_IDS = ['dat-dai', 'ho-tich'] as const;

const ranges: fc.Arbitrary<MonthRange> = fc
  .record({ start: fc.integer({ min: -6, max: SPAN + 6 }), length: fc.integer({ min: 1, max: 15 }) })
  .map(({ start, length }) => ({ from: addMonths(START, start), to: addMonths(START, start + length - 1) }));

const mode = fc.constantFrom(...COMPARE_MODES);

describe('the comparison range', () => {
  it('is as long as the range and ends before it starts: just before it, or exactly twelve months earlier', () => {
    fc.assert(
      fc.property(ranges, mode, (range, m) => {
        const against = comparisonRange(range, m);
        if (m === 'year' && rangeLength(range) > 12) {
          expect(against).toBeNull();
          return;
        }
        if (!against) throw new Error('expected a comparison range');
        expect(rangeLength(against)).toBe(rangeLength(range));
        expect(against.to < range.from).toBe(true);
        const shift = monthIndex(range.from) - monthIndex(against.from);
        expect(shift).toBe(m === 'year' ? 12 : rangeLength(range));
        if (m === 'previous') expect(addMonths(against.to, 1)).toBe(range.from);
      }),
      RUNS,
    );
  });
});

/** Units u0..u3, each with no fields or some, reporting each (field, month) or not. */
/** Datasets rather than indexes, so that a counterexample prints as a short file. */
const datasets: fc.Arbitrary<Dataset> = fc
  .array(
    fc.record({
      fields: fc.subarray([...FIELD_IDS]),
      // Most months reported, so that covered units are common and gaps still happen.
      present: fc.array(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: SPAN, maxLength: SPAN }), {
        minLength: 2,
        maxLength: 2,
      }),
      received: fc.array(fc.nat({ max: 40 }), { minLength: SPAN, maxLength: SPAN }),
      late: fc.array(fc.nat({ max: 5 }), { minLength: SPAN, maxLength: SPAN }),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((units) => {
    const records: DatasetRecord[] = [];
    units.forEach((u, n) => {
      const series = u.fields.length === 0 ? [undefined] : u.fields;
      series.forEach((fieldId, s) => {
        for (let i = 0; i < SPAN; i++) {
          if ((u.present[s]?.[i] ?? 0) < 2) continue;
          const received = u.received[i] ?? 0;
          const late = Math.min(u.late[i] ?? 0, received);
          records.push({
            unitId: `u${n}`,
            month: addMonths(START, i),
            ...(fieldId ? { fieldId } : {}),
            carriedOver: 0,
            received,
            receivedOnline: Math.floor(received / 3),
            resolvedEarly: 0,
            resolvedOnTime: received - late,
            resolvedLate: late,
            pendingWithinDeadline: 0,
            pendingOverdue: 0,
          });
        }
      });
    });
    const dataset: Dataset = {
      schemaVersion: 2,
      title: 'T',
      fields: FIELD_IDS.map((id) => ({ id, name: id })),
      units: units.map((_, n) => ({ id: `u${n}`, name: `Xã ${n}`, level: 'commune' as const })),
      records,
    };
    return dataset;
  });

/** Brute force: the months a unit has a record of, any field. */
function reported(index: DatasetIndex, unitId: string): Set<Month> {
  return new Set(index.dataset.records.filter((r) => r.unitId === unitId).map((r) => r.month));
}

function coversByHand(index: DatasetIndex, unitId: string, range: MonthRange): boolean {
  const months = reported(index, unitId);
  return monthsBetween(range).every((m) => months.has(m));
}

describe('no comparison rather than a wrong one', () => {
  it('a unit covers a range exactly when it has a record, of any field, in every month of it', () => {
    fc.assert(
      fc.property(datasets, ranges, (dataset, range) => {
        const index = indexDataset(dataset);
        for (const u of index.units) expect(unitCovers(index, u.id, range)).toBe(coversByHand(index, u.id, range));
      }),
      RUNS,
    );
  });

  it('a unit is compared only when it covers both periods, and then with its own figures', () => {
    fc.assert(
      fc.property(datasets, ranges, mode, fc.constantFrom(null, ...FIELD_IDS), (dataset, range, m, field) => {
        const index = indexDataset(dataset);
        const against = comparisonRange(range, m);
        if (!against) return;
        for (const u of index.units) {
          const previous = unitPrevious(index, u.id, range, against, field);
          const both = coversByHand(index, u.id, range) && coversByHand(index, u.id, against);
          expect(previous).toEqual(both ? unitTotals(index, u.id, against, field) : null);
        }
      }),
      RUNS,
    );
  });

  it('a group is compared only when every unit with figures in either period covers both, and then in full', () => {
    fc.assert(
      fc.property(datasets, ranges, mode, fc.constantFrom(null, ...FIELD_IDS), (dataset, range, m, field) => {
        const index = indexDataset(dataset);
        const against = comparisonRange(range, m);
        if (!against) return;
        const ids = index.units.map((u) => u.id);
        const { previous, coverage } = compareGroup(index, ids, range, against, field);
        const participants = ids.filter(
          (id) => unitTotals(index, id, range, field) !== null || unitTotals(index, id, against, field) !== null,
        );
        const incomplete = participants.filter(
          (id) => !(coversByHand(index, id, range) && coversByHand(index, id, against)),
        );
        expect(coverage.units).toBe(participants.length);
        expect(coverage.incomplete).toBe(incomplete.length);
        expect(coverage.incompleteNames).toEqual(
          incomplete.slice(0, 3).map((id) => index.unitsById.get(id)?.name ?? id),
        );
        // Compared: the same figures as the whole group over the comparison range, nobody left out.
        expect(previous).toEqual(incomplete.length > 0 ? null : groupTotals(index, ids, against, field));
      }),
      RUNS,
    );
  });
});

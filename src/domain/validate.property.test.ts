import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { recordFromRow } from './record-rows.ts';
import { recordSchemaV1, recordSchemaV2, type SchemaVersion } from './schema.ts';
import { recordPasses, rowReader } from './validate.ts';

const goodRecord = {
  unitId: 'a',
  month: '2022-01',
  carriedOver: 0,
  received: 1,
  receivedOnlineLevel3: 0,
  receivedOnlineLevel4: 0,
  resolvedEarly: 0,
  resolvedOnTime: 1,
  resolvedLate: 0,
  pendingWithinDeadline: 0,
  pendingOverdue: 0,
  feesVnd: 0,
};

/** A version-2 record by field, with the online total only and no fees. */
const goodRecordV2 = {
  unitId: 'a',
  month: '2022-01',
  fieldId: 'dat-dai',
  carriedOver: 0,
  received: 1,
  receivedOnline: 1,
  resolvedEarly: 0,
  resolvedOnTime: 1,
  resolvedLate: 0,
  pendingWithinDeadline: 0,
  pendingOverdue: 0,
};

const oddValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, 1, 1.5, -0, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom('12', '', ' ', '2022-13', '2022-1', '2022-04', 'x', 'dat-dai', null, undefined, true, [], {}),
);
const SCHEMAS = { 1: recordSchemaV1, 2: recordSchemaV2 } as const;
// Every key either version knows, so each version also meets the other's keys.
const keys = [
  ...new Set([...Object.keys(recordSchemaV1.entries), ...Object.keys(recordSchemaV2.entries)]),
  'recieved',
  'fieldid',
  '__proto__',
  'constructor',
  'extra',
];

function agreement(version: SchemaVersion, base: Record<string, unknown>) {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), oddValue, fc.boolean()), { maxLength: 4 }), (changes) => {
      const record: Record<string, unknown> = JSON.parse(JSON.stringify(base));
      for (const [key, value, remove] of changes) {
        if (remove) delete record[key];
        else Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
      }
      expect(recordPasses(record, version)).toBe(v.safeParse(SCHEMAS[version], record).success);
    }),
    { seed: 20221127 + version, numRuns: 2000 },
  );
}

describe('the fast record check', () => {
  it('agrees with the version-1 schema on valid and broken records', () => {
    agreement(1, goodRecord);
  });

  it('agrees with the version-2 schema on valid and broken records, by field or not', () => {
    agreement(2, goodRecordV2);
    agreement(2, goodRecord);
  });

  it('passes the valid records and refuses a record holding a __proto__ key', () => {
    expect(recordPasses(goodRecord)).toBe(true);
    expect(recordPasses(goodRecord, 2)).toBe(true);
    expect(recordPasses(goodRecordV2, 2)).toBe(true);
    expect(recordPasses(JSON.parse(JSON.stringify(goodRecord).replace('{', '{"__proto__":{},')))).toBe(false);
  });

  it('refuses the version-2 fields in a version-1 record, and a blank fieldId in version 2', () => {
    expect(recordPasses(goodRecordV2, 1)).toBe(false);
    expect(recordPasses({ ...goodRecord, receivedOnline: 0 }, 1)).toBe(false);
    expect(recordPasses({ ...goodRecordV2, fieldId: ' ' }, 2)).toBe(false);
    expect(recordPasses({ ...goodRecordV2, fieldId: 7 }, 2)).toBe(false);
  });
});

describe('reading a row and checking it in one walk', () => {
  const v2Keys = Object.keys(recordSchemaV2.entries);
  // Names as a file may give them (a shuffled subset of the version's fields), now and then an unknown one.
  const names = fc.oneof(
    { weight: 5, arbitrary: fc.shuffledSubarray(v2Keys, { minLength: 1 }) },
    { weight: 1, arbitrary: fc.shuffledSubarray([...v2Keys, 'extra', 'recieved'], { minLength: 1 }) },
  );
  // Values a row may hold, as close to right as a real file's: the good record's value, or an odd one.
  const valueFor = (name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant((goodRecordV2 as Record<string, unknown>)[name] ?? 0) },
      { weight: 1, arbitrary: oddValue },
    );

  it('gives the record recordFromRow gives, and passes it exactly when recordPasses does', () => {
    fc.assert(
      fc.property(
        names,
        fc.constantFrom<SchemaVersion>(1, 2),
        fc.integer({ min: -1, max: 1 }),
        fc.nat(),
        (list, version, lengthChange, seed) => {
          const row: unknown[] = list.map((name, k) => {
            const pick = fc.sample(valueFor(name), { seed: seed + k, numRuns: 1 })[0];
            return pick === undefined && k % 2 === 0 ? null : pick;
          });
          if (lengthChange < 0) row.pop();
          if (lengthChange > 0) row.push(0);
          const read = rowReader(list, version)(row);
          const expected = recordFromRow(list, row);
          if (expected === null) expect(read).toBeNull();
          else {
            expect(read?.record).toStrictEqual(expected);
            expect(read?.passes).toBe(recordPasses(expected, version));
          }
        },
      ),
      { seed: 20261128, numRuns: 3000 },
    );
  });

  it('refuses to read what is not a row, and reads a good one', () => {
    const list = Object.keys(goodRecordV2);
    const read = rowReader(list, 2);
    expect(read({ unitId: 'a' })).toBeNull();
    expect(read(list.slice(1).map(() => 0))).toBeNull();
    const good = read(Object.values(goodRecordV2));
    expect(good).toEqual({ record: goodRecordV2, passes: true });
    expect(read(Object.values({ ...goodRecordV2, received: -1 }))?.passes).toBe(false);
    expect(read(Object.values({ ...goodRecordV2, received: null }))?.passes).toBe(false);
    expect(read(Object.values({ ...goodRecordV2, fieldId: null }))).toEqual({
      record: { ...goodRecordV2, fieldId: undefined },
      passes: true,
    });
  });
});

import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { recordSchemaV1, recordSchemaV2, type SchemaVersion } from './schema.ts';
import { recordPasses } from './validate.ts';

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

import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { recordSchema } from './schema.ts';
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

const oddValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0, 1, 1.5, -0, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY),
  fc.constantFrom('12', '', ' ', '2022-13', '2022-1', '2022-04', 'x', null, undefined, true, [], {}),
);
const keys = [...Object.keys(recordSchema.entries), 'recieved', '__proto__', 'constructor', 'extra'];

describe('the fast record check', () => {
  it('agrees with the valibot schema on valid and broken records', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), oddValue, fc.boolean()), { maxLength: 4 }), (changes) => {
        const record: Record<string, unknown> = JSON.parse(JSON.stringify(goodRecord));
        for (const [key, value, remove] of changes) {
          if (remove) delete record[key];
          else Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
        }
        expect(recordPasses(record)).toBe(v.safeParse(recordSchema, record).success);
      }),
      { seed: 20221127, numRuns: 2000 },
    );
  });

  it('passes the valid record and refuses a record holding a __proto__ key', () => {
    expect(recordPasses(goodRecord)).toBe(true);
    expect(recordPasses(JSON.parse(JSON.stringify(goodRecord).replace('{', '{"__proto__":{},')))).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnsError, packColumns, unpackColumns } from './json-columns.ts';

/** What a value becomes after a trip through JSON text, which is all a deck can keep. */
const viaJson = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
const roundTrip = (x: unknown): unknown => unpackColumns(viaJson(packColumns(x)));

const occurrences = (text: string, word: string) => text.split(word).length - 1;

describe('packColumns and unpackColumns', () => {
  it('give back any JSON value unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(roundTrip(value)).toEqual(viaJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('give back lists of objects with keys missing, undefined or null here and there, and nulls among them', () => {
    const row = fc.record(
      {
        id: fc.string(),
        rate: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
        code: fc.option(fc.string(), { nil: null }),
        totals: fc.option(fc.record({ a: fc.integer(), b: fc.option(fc.integer()) }), { nil: null }),
      },
      { requiredKeys: ['id'] },
    );
    fc.assert(
      fc.property(fc.array(fc.option(row, { nil: null, freq: 4 }), { maxLength: 12 }), (rows) => {
        expect(roundTrip({ rows })).toEqual(viaJson({ rows }));
      }),
      { numRuns: 500 },
    );
  });

  it('write each key of a list of objects once, however many objects there are', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({
      unitId: `x${i}`,
      totals: { onTimeRate: i / 50, received: i },
      previous: i % 2 ? null : { onTimeRate: 0.5, received: 1 },
    }));
    const text = JSON.stringify(packColumns({ rows }));
    expect(occurrences(text, '"unitId"')).toBe(1);
    expect(occurrences(text, '"onTimeRate"')).toBe(2); // once in totals, once in previous
    expect(text.length).toBeLessThan(JSON.stringify({ rows }).length / 2);
    expect(roundTrip({ rows })).toEqual({ rows });
  });

  it('keep a list whose first item is a string that reads like its own marker', () => {
    const tricky = { a: ['\u0000table', 2, 0, 'k', [1, 2], 0], b: ['\u0000list', 'x'], c: [['\u0000table']] };
    expect(roundTrip(tricky)).toEqual(tricky);
  });

  it('keep "__proto__" as an own key, as JSON.parse does, without touching any prototype', () => {
    const text = '{"rows":[{"__proto__":{"polluted":1},"a":1},{"__proto__":{"polluted":2},"a":2}]}';
    const value = JSON.parse(text) as unknown;
    const back = roundTrip(value) as { rows: Record<string, unknown>[] };
    expect(Object.hasOwn(back.rows[0] as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(back.rows[1])).toBe(Object.prototype);
    expect(JSON.stringify(back)).toBe(text);
  });

  it('say what is wrong with a damaged table', () => {
    const packed = packColumns([{ a: 1 }, { a: 2 }]) as unknown[];
    expect(() => unpackColumns([...packed.slice(0, 3), 'a', [1], 0])).toThrow(ColumnsError);
    expect(() => unpackColumns([...packed.slice(0, 3), 'a', [1], 0])).toThrow(
      'the column a has 1 values for 2 objects',
    );
    expect(() => unpackColumns([packed[0], 'two', 0])).toThrow('a table has no row count');
  });
});

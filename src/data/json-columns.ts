/**
 * A lossless, generic reshaping of JSON values that stores a list of objects
 * column by column: the keys once, then each key's values in a list. A deck
 * embeds the answers of a province's 3,468 units (docs/decisions/0010-offline-deck.md),
 * and written row by row their key names were about half of its bytes.
 *
 * `unpackColumns(JSON.parse(JSON.stringify(packColumns(x))))` equals
 * `JSON.parse(JSON.stringify(x))` for every JSON value x: nothing is rounded,
 * nothing is dropped, and it knows nothing of the answers' shapes, so a new
 * question's answer needs no change here.
 *
 * Encoded forms (only lists change; objects keep their keys):
 *   [TABLE, n, nulls, key1, column1, holes1, key2, column2, holes2, …]
 *     n items, objects or null; nulls is 0 when none is null, else the indices of those that are;
 *     columnK holds the values of keyK of the objects that have it, in order;
 *     holesK is 0 when every object has keyK, else the indices (among the objects) of those that do not.
 *   [LIST, …items]  a plain list whose first item would otherwise read as a marker.
 */

const TABLE = '\u0000table';
const LIST = '\u0000list';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function isMarker(x: unknown): boolean {
  return x === TABLE || x === LIST;
}

/** Values JSON.stringify leaves out of an object (and writes as null in a list). */
function omitted(x: unknown): boolean {
  return x === undefined || typeof x === 'function' || typeof x === 'symbol';
}

function packList(list: readonly unknown[]): Json[] {
  const objects = list.length >= 2 && list.every((x) => x === null || isPlainObject(x)) && list.some((x) => x !== null);
  if (!objects) {
    const items = list.map((item) => (omitted(item) ? null : packColumns(item)));
    return isMarker(items[0]) ? [LIST, ...items] : items;
  }
  const nulls: number[] = [];
  const rows: Record<string, unknown>[] = [];
  list.forEach((x, i) => {
    if (x === null) nulls.push(i);
    else rows.push(x as Record<string, unknown>);
  });
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key) && !omitted(row[key])) {
        seen.add(key);
        keys.push(key);
      }
    }
  }
  const out: Json[] = [TABLE, list.length, nulls.length === 0 ? 0 : nulls];
  for (const key of keys) {
    const column: unknown[] = [];
    const holes: number[] = [];
    rows.forEach((row, i) => {
      const value = Object.hasOwn(row, key) ? row[key] : undefined;
      if (omitted(value)) holes.push(i);
      else column.push(value);
    });
    out.push(key, packList(column), holes.length === 0 ? 0 : holes);
  }
  return out;
}

/** The value with every list of objects stored by columns. */
export function packColumns(value: unknown): Json {
  if (Array.isArray(value)) return packList(value);
  if (value !== null && typeof value === 'object') {
    // Dates, Maps and the like: whatever JSON.stringify would make of them.
    if (!isPlainObject(value)) return packColumns(JSON.parse(JSON.stringify(value)) as unknown);
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) {
      if (!omitted(item)) setOwn(out, key, packColumns(item));
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value as Json;
}

/** A key such as "__proto__" becomes an own property, as JSON.parse makes it, never the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export class ColumnsError extends Error {}

function indexSet(x: unknown, what: string): Set<unknown> {
  if (x === 0) return new Set();
  if (!Array.isArray(x)) throw new ColumnsError(`a table's ${what} are malformed`);
  return new Set(x);
}

function unpackTable(packed: readonly unknown[]): (Record<string, unknown> | null)[] {
  const n = packed[1];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || (packed.length - 3) % 3 !== 0) {
    throw new ColumnsError('a table has no row count or an incomplete column');
  }
  const nulls = indexSet(packed[2], 'nulls');
  const items: (Record<string, unknown> | null)[] = [];
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    if (nulls.has(i)) items.push(null);
    else {
      const row = {};
      rows.push(row);
      items.push(row);
    }
  }
  for (let at = 3; at < packed.length; at += 3) {
    const key = packed[at];
    const column = unpackColumns(packed[at + 1]);
    const holes = packed[at + 2];
    if (typeof key !== 'string' || !Array.isArray(column)) {
      throw new ColumnsError(`a table's column ${String(key)} is malformed`);
    }
    const skip = indexSet(holes, `holes of ${key}`);
    if (column.length !== rows.length - skip.size) {
      throw new ColumnsError(`the column ${key} has ${column.length} values for ${rows.length - skip.size} objects`);
    }
    let next = 0;
    rows.forEach((row, i) => {
      if (!skip.has(i)) setOwn(row, key, column[next++]);
    });
  }
  return items;
}

/** The inverse of packColumns, on its output after a trip through JSON text. */
export function unpackColumns(packed: unknown): unknown {
  if (Array.isArray(packed)) {
    if (packed[0] === TABLE) return unpackTable(packed);
    const items = packed[0] === LIST ? packed.slice(1) : packed;
    return items.map(unpackColumns);
  }
  if (packed !== null && typeof packed === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(packed)) setOwn(out, key, unpackColumns(item));
    return out;
  }
  return packed;
}

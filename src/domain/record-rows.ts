import { closestName } from './closest-name.ts';
import type { DataError } from './problems.ts';
import { shortValue } from './problems.ts';
import { type DatasetRecord, recordSchemaV2, type SchemaVersion } from './schema.ts';

/**
 * Records written as rows (decision 0019): the record field names once, in `recordFields`, then each record
 * as a list of its values in that order, `null` where a record leaves an optional field out. It is only a way
 * of writing version 2's records: it is read back into the same record objects before anything else looks at
 * them, so every rule of the contract, every error path (`records[12].received`) and every figure stay as
 * they are. A province's file is then a quarter of the size and parses and compresses in about half the time
 * (the measurements are in the decision).
 */

/** The key of the dataset that names the record fields, in the order of the rows. */
export const RECORD_FIELDS_KEY = 'recordFields';

/** Every field a version-2 record can have, in the order of the contract. */
export const RECORD_FIELD_NAMES = Object.keys(recordSchemaV2.entries) as readonly (keyof DatasetRecord)[];

const KNOWN = new Set<string>(RECORD_FIELD_NAMES);

/** The fields a version-2 record may leave out: a null in a row gives them the value undefined. */
export const OPTIONAL_RECORD_FIELDS: ReadonlySet<string> = new Set<string>(
  RECORD_FIELD_NAMES.filter((name) => recordSchemaV2.entries[name].type === 'optional'),
);

/**
 * The errors of a `recordFields` value: it must be a list of version 2's record field names, each named
 * once. Empty when it can be used to read the rows (a required field left out is then missing from every record).
 */
export function recordFieldsErrors(value: unknown, version: SchemaVersion): DataError[] {
  if (version !== 2) return [{ path: RECORD_FIELDS_KEY, code: 'record_fields_version' }];
  if (!Array.isArray(value) || value.length === 0) {
    return [{ path: RECORD_FIELDS_KEY, code: 'record_fields_list', value: shortValue(value) }];
  }
  const errors: DataError[] = [];
  const seen = new Map<string, number>();
  value.forEach((name, k) => {
    const path = `${RECORD_FIELDS_KEY}[${k}]`;
    if (typeof name !== 'string' || !KNOWN.has(name)) {
      const suggestion = typeof name === 'string' ? closestName(name, RECORD_FIELD_NAMES) : undefined;
      errors.push({
        path,
        code: 'unknown_record_field',
        value: shortValue(name),
        ...(suggestion ? { detail: { suggestion } } : {}),
      });
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      errors.push({
        path,
        code: 'duplicate_record_field',
        value: shortValue(name),
        detail: { first: `${RECORD_FIELDS_KEY}[${first}]` },
      });
      return;
    }
    seen.set(name, k);
  });
  return errors;
}

/**
 * The record a row stands for, or null when the row is not a list of exactly as many values as there are
 * names. A `null` value leaves the field out: an optional field is then there with the value `undefined`,
 * which every reader of a record takes as left out (the schema, the checks, the sums, JSON), and a required
 * field is missing, for the schema to name. Any other value is kept as it is, for the schema to judge.
 *
 * Every record of a file then has the same keys in the same order, so the engine sees one shape of object:
 * with a key left out wherever a value was null, a province's records came in a dozen shapes, and summing
 * them took twice as long (docs/decisions/0021-one-shape-per-record.md).
 */
export function recordFromRow(names: readonly string[], row: unknown): Record<string, unknown> | null {
  if (!Array.isArray(row) || row.length !== names.length) return null;
  const record: Record<string, unknown> = {};
  for (let k = 0; k < names.length; k++) {
    const value = row[k];
    const name = names[k] as string;
    if (value !== null) record[name] = value;
    else if (OPTIONAL_RECORD_FIELDS.has(name)) record[name] = undefined;
  }
  return record;
}

/** The error of a row that `recordFromRow` could not read. */
export function rowError(index: number, names: readonly string[], row: unknown): DataError {
  const path = `records[${index}]`;
  if (!Array.isArray(row)) {
    return { path, code: 'row_not_list', value: shortValue(row), detail: { expected: names.length } };
  }
  return { path, code: 'row_length', value: shortValue(row), detail: { expected: names.length, given: row.length } };
}

export type RowsRead =
  | { ok: true; input: Record<string, unknown> }
  | { ok: false; errors: DataError[]; errorCount: number };

/**
 * A dataset with `recordFields`, as the same dataset with its records as objects and without `recordFields`.
 * A `records` that is not a list is left for the schema check to name.
 */
export function readRecordRows(input: Record<string, unknown>, version: SchemaVersion, cap: number): RowsRead {
  const fieldErrors = recordFieldsErrors(input[RECORD_FIELDS_KEY], version);
  if (fieldErrors.length > 0) return { ok: false, errors: fieldErrors.slice(0, cap), errorCount: fieldErrors.length };
  const names = input[RECORD_FIELDS_KEY] as string[];
  const { [RECORD_FIELDS_KEY]: _names, ...rest } = input;
  const rows = input.records;
  if (!Array.isArray(rows)) return { ok: true, input: rest };
  const records: Record<string, unknown>[] = new Array(rows.length);
  const errors: DataError[] = [];
  let errorCount = 0;
  for (let i = 0; i < rows.length; i++) {
    const record = recordFromRow(names, rows[i]);
    if (record) records[i] = record;
    else {
      errorCount++;
      if (errors.length < cap) errors.push(rowError(i, names, rows[i]));
    }
  }
  if (errorCount > 0) return { ok: false, errors, errorCount };
  return { ok: true, input: { ...rest, records } };
}

/**
 * Records as rows: the fields any of them has, in the order of the contract, and each record's values in
 * that order (`null` for a field it leaves out). `readRecordRows` gives the records back as they were.
 */
export function recordRows(records: readonly DatasetRecord[]): { recordFields: string[]; rows: unknown[][] } {
  // A field is used where some record has a value for it: undefined is a field left out (recordFromRow).
  const recordFields = RECORD_FIELD_NAMES.filter((name) => records.some((record) => record[name] !== undefined));
  const rows = records.map((record) => {
    const r = record as Record<string, unknown>;
    return recordFields.map((name) => r[name] ?? null);
  });
  return { recordFields, rows };
}

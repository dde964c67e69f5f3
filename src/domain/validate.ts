import * as v from 'valibot';
import { closestName } from './closest-name.ts';
import { isMonth, isValidDate, monthIndex } from './months.ts';
import type { DataError, DataWarning, ErrorCode } from './problems.ts';
import { shortValue } from './problems.ts';
import { OPTIONAL_RECORD_FIELDS, RECORD_FIELDS_KEY, readRecordRows } from './record-rows.ts';
import {
  DATASET_SCHEMAS,
  type Dataset,
  type DatasetRecord,
  datasetSchemaV1,
  datasetSchemaV2,
  factSchema,
  fieldSchema,
  recordSchemaV1,
  recordSchemaV2,
  type SchemaVersion,
  SUPPORTED_SCHEMA_VERSIONS,
  targetsSchema,
  unitSchema,
} from './schema.ts';

export type LoadResult =
  | { ok: true; dataset: Dataset; warnings: DataWarning[] }
  | { ok: false; errors: DataError[]; errorCount: number };

/**
 * How many errors a result carries in full. A file with thousands of broken
 * cells would otherwise flood the screen; the count says how many more.
 */
export const ERROR_LIST_CAP = 200;

/** Read a dataset from the text of a file: the one entry point for every source. */
export function parseDatasetText(text: string): LoadResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed.length === 0) return refuse([{ path: '', code: 'empty_file' }]);
  if (trimmed.startsWith('<')) {
    return refuse([{ path: '', code: 'html_instead_of_json', value: shortValue(trimmed.slice(0, 40)) }]);
  }
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (e) {
    return refuse([jsonError(body, e instanceof Error ? e.message : String(e))]);
  }
  return validateDataset(input);
}

/**
 * What a caller already checked of the records, for the schema version it read them by: as the streaming
 * reader checks them while the file arrives, so the checks are not run twice. Anything not said is checked.
 */
export interface CheckedAlready {
  /** Every record passes `recordPasses` for this version. */
  recordsPassFor?: SchemaVersion | null;
  /** Every record passes `recordCrossCheck` for this version, with the file's own units and fields. */
  recordsCrossCheckedFor?: SchemaVersion | null;
}

/** Validate a value already parsed from JSON (or built by an importer). */
export function validateDataset(input: unknown, checked: CheckedAlready = {}): LoadResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refuse([{ path: '', code: 'not_an_object', value: shortValue(input) }]);
  }
  const version = (input as Record<string, unknown>).schemaVersion;
  if (version !== undefined && !(SUPPORTED_SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
    // Another version may mean anything; checking its fields against ours would mislead.
    return refuse([
      {
        path: 'schemaVersion',
        code: 'schema_version',
        value: shortValue(version),
        detail: { supported: SUPPORTED_SCHEMA_VERSIONS.join(', ') },
      },
    ]);
  }
  // A file without schemaVersion is checked by version 1's rules, which then name the missing field.
  const schemaVersion: SchemaVersion = version === 2 ? 2 : 1;
  let raw = input as Record<string, unknown>;
  if (Object.hasOwn(raw, RECORD_FIELDS_KEY)) {
    // Records written as rows are read back into objects first: every later rule and path is the same.
    const read = readRecordRows(raw, schemaVersion, ERROR_LIST_CAP);
    if (!read.ok) return { ok: false, errors: read.errors, errorCount: read.errorCount };
    raw = read.input;
  }
  const parsed = schemaCheck(raw, schemaVersion, checked.recordsPassFor === schemaVersion);
  const errors: DataError[] = parsed.success ? [] : parsed.issues.map((issue) => toDataError(issue, schemaVersion));
  errors.push(...otherUnknownFields(raw, errors, parsed.recordsChecked, schemaVersion));
  errors.push(...crossCheck(raw, schemaVersion, checked.recordsCrossCheckedFor === schemaVersion));
  if (errors.length > 0 || !parsed.success) return refuse(errors);
  return { ok: true, dataset: parsed.output, warnings: findWarnings(parsed.output.records) };
}

/**
 * The schema check, with a fast path for the bulk of a file. Records that all
 * pass `recordPasses` (the record rules of the schema, written out for speed
 * and proved equal to valibot's by a property test) are taken as they are,
 * and valibot checks the rest of the file; otherwise valibot checks
 * everything, so that every error gets its exact message.
 */
type SchemaCheck =
  | { success: true; output: Dataset; issues: undefined; recordsChecked: boolean }
  | { success: false; output: unknown; issues: [Issue, ...Issue[]]; recordsChecked: boolean };

function schemaCheck(input: Record<string, unknown>, version: SchemaVersion, recordsPass: boolean): SchemaCheck {
  const records = input.records;
  if (Array.isArray(records) && (recordsPass || records.every((r) => recordPasses(r, version)))) {
    const rest = v.safeParse(WITHOUT_RECORDS[version], { ...input, records: [] }, { abortEarly: false });
    if (rest.success) {
      const output: Dataset = { ...rest.output, records: records as DatasetRecord[] };
      return { success: true, output, issues: undefined, recordsChecked: true };
    }
  }
  const full = v.safeParse(DATASET_SCHEMAS[version], input, { abortEarly: false });
  return full.success
    ? { success: true, output: full.output, issues: undefined, recordsChecked: false }
    : { success: false, output: full.output, issues: full.issues, recordsChecked: false };
}

const WITHOUT_RECORDS = {
  1: v.strictObject({ ...datasetSchemaV1.entries, records: v.array(v.never()) }),
  2: v.strictObject({ ...datasetSchemaV2.entries, records: v.array(v.never()) }),
} as const;

/**
 * The record rules of one version, as a lookup for the fast check: for each
 * key, whether it holds a count or a text, and whether it must be there.
 */
interface RecordRules {
  /** Per key: COUNT or TEXT, with REQUIRED added when the key must be there. */
  kinds: Readonly<Record<string, number>>;
  requiredCount: number;
}

const TEXT = 1;
const COUNT = 2;
const REQUIRED = 4;

function recordRules(entries: Record<string, { type: string }>): RecordRules {
  const texts = new Set(['unitId', 'month', 'fieldId']);
  // No prototype: a key such as "toString" or "__proto__" in a record is simply unknown.
  const kinds: Record<string, number> = Object.create(null);
  let requiredCount = 0;
  for (const key of Object.keys(entries)) {
    const required = entries[key]?.type !== 'optional';
    if (required) requiredCount++;
    kinds[key] = (texts.has(key) ? TEXT : COUNT) | (required ? REQUIRED : 0);
  }
  return { kinds, requiredCount };
}

const RECORD_RULES: Record<SchemaVersion, RecordRules> = {
  1: recordRules(recordSchemaV1.entries),
  2: recordRules(recordSchemaV2.entries),
};

/**
 * True when a record meets every rule of its version's record schema
 * (`recordSchemaV1` or `recordSchemaV2`); false sends the file through valibot.
 * It runs once per record (208,000 for a province over five years), so it
 * walks the record's own keys once and looks each up in a plain object.
 */
export function recordPasses(record: unknown, version: SchemaVersion = 1): boolean {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  const { kinds, requiredCount } = RECORD_RULES[version];
  const r = record as Record<string, unknown>;
  const keys = Object.keys(r);
  let required = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const rule = kinds[key];
    if (rule === undefined) return false;
    const value = r[key];
    if (value === undefined) {
      if (rule & REQUIRED) return false;
      continue;
    }
    if (rule & REQUIRED) required++;
    if (rule & COUNT) {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return false;
    }
  }
  if (required !== requiredCount) return false;
  const { unitId, month, fieldId } = r;
  // Only version 2 knows fieldId; in a version-1 record the key loop above has refused it already.
  if (fieldId !== undefined && !(typeof fieldId === 'string' && /\S/.test(fieldId))) return false;
  return typeof unitId === 'string' && /\S/.test(unitId) && typeof month === 'string' && isMonth(month);
}

/** What `readRow` found: the record a row stands for, and whether it passes `recordPasses`. */
export interface RowRead {
  record: Record<string, unknown>;
  passes: boolean;
}

/**
 * Reads rows (records written as rows, record-rows.ts) and checks each as `recordPasses` checks the record it
 * stands for, in one walk over the row's values: for a province's 208,000 rows, building each record and
 * then walking its keys again took longer than parsing the rows. Returns null for a row `recordFromRow`
 * cannot read (not a list, or not one value per name); otherwise the same object each time, overwritten by
 * the next row. A property test holds it equal to `recordFromRow` followed by `recordPasses`.
 */
export function rowReader(names: readonly string[], version: SchemaVersion): (row: unknown) => RowRead | null {
  const { kinds, requiredCount } = RECORD_RULES[version];
  const n = names.length;
  const columnKinds = names.map((name) => kinds[name] ?? 0);
  const optional = names.map((name) => OPTIONAL_RECORD_FIELDS.has(name));
  let requiredNamed = 0;
  for (const kind of columnKinds) if (kind & REQUIRED) requiredNamed++;
  // An unknown name fails every record, as an unknown key does; record-rows.ts refuses such names before this.
  const allKnown = names.every((name) => kinds[name] !== undefined);
  const unitAt = names.indexOf('unitId');
  const monthAt = names.indexOf('month');
  const fieldAt = names.indexOf('fieldId');
  const read: RowRead = { record: {}, passes: false };
  return (row) => {
    if (!Array.isArray(row) || row.length !== n) return null;
    const record: Record<string, unknown> = {};
    let passes = allKnown && requiredNamed === requiredCount;
    for (let k = 0; k < n; k++) {
      const value: unknown = row[k];
      if (value === null) {
        // As recordFromRow: an optional field left out is there as undefined, so every record has one shape.
        if ((columnKinds[k] as number) & REQUIRED) passes = false;
        if (optional[k]) record[names[k] as string] = undefined;
        continue;
      }
      record[names[k] as string] = value;
      if (!passes) continue;
      const kind = columnKinds[k] as number;
      // Not in JSON, but recordPasses takes an undefined value as a field left out, and so does this.
      if (value === undefined) {
        if (kind & REQUIRED) passes = false;
      } else if (kind & COUNT && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)) {
        passes = false;
      }
    }
    if (passes) {
      const unitId = row[unitAt];
      const month = row[monthAt];
      const fieldId = fieldAt >= 0 ? row[fieldAt] : null;
      passes =
        (fieldId === null || fieldId === undefined || (typeof fieldId === 'string' && /\S/.test(fieldId))) &&
        typeof unitId === 'string' &&
        /\S/.test(unitId) &&
        typeof month === 'string' &&
        isMonth(month);
    }
    read.record = record;
    read.passes = passes;
    return read;
  };
}

function refuse(all: DataError[]): LoadResult {
  return { ok: false, errors: all.slice(0, ERROR_LIST_CAP), errorCount: all.length };
}

function jsonError(text: string, message: string): DataError {
  const stated = /position (\d+)/.exec(message);
  const position = stated ? Number(stated[1]) : snippetPosition(text, message);
  // Engines word it differently; an error at the very end of the text means the file stops too early.
  const end = text.trimEnd().length;
  if (/end of JSON input|Unterminated string/i.test(message) || (position !== null && position >= end)) {
    return { path: '', code: 'json_truncated', detail: positionDetail(text, end) };
  }
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  let detail: Record<string, number> = {};
  if (lineCol) detail = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  else if (position !== null) detail = positionDetail(text, position);
  const value = position !== null ? shortValue(text.slice(Math.max(0, position - 10), position + 10)) : undefined;
  return { path: '', code: 'json_syntax', ...(value ? { value } : {}), detail };
}

/**
 * Some engine messages give no position, only the bad token and a snippet
 * around it (`Unexpected token 'N', "…": NaN }" is not valid JSON`); find
 * the snippet in the text to recover where the problem is.
 */
function snippetPosition(text: string, message: string): number | null {
  const m = /Unexpected token '(.)', "(?:…|\.\.\.)?(.*?)(?:…|\.\.\.)?" is not valid JSON/s.exec(message);
  if (!m?.[1] || !m[2]) return null;
  const at = text.indexOf(m[2]);
  if (at < 0) return null;
  const token = text.indexOf(m[1], at);
  return token < 0 ? at : token;
}

function positionDetail(text: string, position: number): Record<string, number> {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

type Issue = v.InferIssue<typeof datasetSchemaV1> | v.InferIssue<typeof datasetSchemaV2>;

export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function toDataError(issue: Issue, version: SchemaVersion): DataError {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const path = formatPath(keys);
  const last = keys[keys.length - 1];
  const value = shortValue(issue.input);
  const code = issueCode(issue, last);
  if (code === 'unknown_field' && typeof last === 'string') {
    const suggestion = closestField(issue, last, version);
    return { path, code, ...(suggestion ? { detail: { suggestion } } : {}) };
  }
  if (code === 'missing_field') return { path, code };
  if (code === 'wrong_type') return { path, code, value, detail: { expected: expectedType(issue.expected) } };
  return { path, code, value };
}

function issueCode(issue: Issue, last: string | number | undefined): ErrorCode {
  switch (issue.type) {
    case 'strict_object':
      // The same issue type covers a value that is not an object at all.
      if (issue.expected === 'Object') return 'wrong_type';
      return issue.input === undefined && issue.expected !== 'never' ? 'missing_field' : 'unknown_field';
    case 'integer':
      return 'not_integer';
    case 'min_value':
      return last === 'onTimeRate' || last === 'onlineRate' ? 'fraction_range' : 'negative';
    case 'max_value':
      return last === 'onTimeRate' || last === 'onlineRate' ? 'fraction_range' : 'too_large';
    case 'regex':
      if (last === 'month') return 'bad_month';
      if (last === 'updatedAt') return 'bad_date';
      return 'blank';
    case 'picklist':
      return 'bad_level';
    case 'literal':
      return 'schema_version';
    case 'min_length':
      return 'too_few_units';
    default:
      return issue.kind === 'schema' ? 'wrong_type' : 'invalid';
  }
}

function expectedType(expected: string | null): string {
  if (!expected) return 'value';
  if (expected.includes('Object') || expected === 'Object') return 'object';
  if (expected.includes('Array')) return 'array';
  return expected.replace(/"/g, '');
}

/** The keys each kind of object may have, per version: for suggestions and for the unknown-field scan. */
const KNOWN_KEYS: Record<SchemaVersion, Record<string, readonly string[]>> = {
  1: {
    dataset: Object.keys(datasetSchemaV1.entries),
    units: Object.keys(unitSchema.entries),
    records: Object.keys(recordSchemaV1.entries),
    facts: Object.keys(factSchema.entries),
    targets: Object.keys(targetsSchema.entries),
  },
  2: {
    dataset: [...Object.keys(datasetSchemaV2.entries), RECORD_FIELDS_KEY],
    units: Object.keys(unitSchema.entries),
    records: Object.keys(recordSchemaV2.entries),
    facts: Object.keys(factSchema.entries),
    targets: Object.keys(targetsSchema.entries),
    fields: Object.keys(fieldSchema.entries),
  },
};

function closestField(issue: Issue, key: string, version: SchemaVersion): string | undefined {
  const top = issue.path?.[0]?.key;
  const scope =
    issue.path && issue.path.length > 1 && typeof top === 'string' && Object.hasOwn(KNOWN_KEYS[version], top)
      ? top
      : 'dataset';
  return closestIn(scope, key, version);
}

function closestIn(scope: string, key: string, version: SchemaVersion): string | undefined {
  return closestName(key, KNOWN_KEYS[version][scope] ?? []);
}

/**
 * valibot stops at the first unknown key of an object; a file with several
 * typos deserves to hear of all of them at once.
 */
function otherUnknownFields(
  input: Record<string, unknown>,
  found: readonly DataError[],
  recordsClean: boolean,
  version: SchemaVersion,
): DataError[] {
  const reported = new Set(found.filter((e) => e.code === 'unknown_field').map((e) => e.path));
  const out: DataError[] = [];
  const check = (value: unknown, scope: string, base: (string | number)[]) => {
    if (!isObject(value)) return;
    const known = KNOWN_KEYS[version][scope] ?? [];
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const path = formatPath([...base, key]);
      if (reported.has(path)) continue;
      const suggestion = closestIn(scope, key, version);
      out.push({ path, code: 'unknown_field', ...(suggestion ? { detail: { suggestion } } : {}) });
    }
  };
  check(input, 'dataset', []);
  check(input.targets, 'targets', ['targets']);
  // Records that passed the fast check have no unknown field; skip the largest list.
  const lists = version === 2 ? ['units', 'facts', 'fields'] : ['units', 'facts'];
  for (const name of recordsClean ? lists : [...lists, 'records']) {
    const list = input[name];
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) check(list[i], name, [name, i]);
    }
  }
  return out;
}

/**
 * Rules across values. Runs on the raw input, defensively, so that these
 * errors are reported together with the field errors rather than after them.
 */
function crossCheck(input: Record<string, unknown>, version: SchemaVersion, recordsChecked: boolean): DataError[] {
  const errors: DataError[] = [];
  const updatedAt = input.updatedAt;
  if (typeof updatedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(updatedAt) && !isValidDate(updatedAt)) {
    errors.push({ path: 'updatedAt', code: 'bad_date', value: shortValue(updatedAt) });
  }

  const units = Array.isArray(input.units) ? input.units : [];
  const { unitIndex, parents } = indexUnits(units, errors);
  for (const [id, parentId] of parents) {
    const i = unitIndex.get(id) ?? 0;
    if (!unitIndex.has(parentId)) {
      errors.push({ path: `units[${i}].parentId`, code: 'unknown_parent', value: shortValue(parentId) });
    }
  }
  // A cycle is reported once, at the unit of the cycle that comes first in the file.
  const reported = new Set<string>();
  for (const start of parents.keys()) {
    const seen: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && !seen.includes(at) && seen.length <= parents.size) {
      seen.push(at);
      at = parents.get(at);
    }
    if (at === undefined || at !== start) continue;
    const cycle = seen;
    if (cycle.some((id) => reported.has(id))) continue;
    for (const id of cycle) reported.add(id);
    const first = cycle.reduce((a, b) => ((unitIndex.get(a) ?? 0) <= (unitIndex.get(b) ?? 0) ? a : b));
    errors.push({
      path: `units[${unitIndex.get(first)}].parentId`,
      code: 'parent_cycle',
      value: shortValue(parents.get(first)),
      detail: { cycle: [...cycle, start].join(' → ') },
    });
  }

  const fieldIndex = version === 2 ? checkFields(input.fields, errors) : new Map<string, number>();
  if (!recordsChecked) {
    const check = recordCheck(units.length > 0 ? unitIndex : null, fieldIndex, version, errors);
    const records = Array.isArray(input.records) ? input.records : [];
    for (let i = 0; i < records.length; i++) check(records[i], i);
  }
  return errors;
}

/** Unit ids → their place in `units` (the first, when an id is given twice, which is reported); parents by id. */
function indexUnits(
  units: readonly unknown[],
  errors: DataError[],
): { unitIndex: Map<string, number>; parents: Map<string, string> } {
  const unitIndex = new Map<string, number>();
  const parents = new Map<string, string>();
  units.forEach((unit, i) => {
    if (!isObject(unit) || typeof unit.id !== 'string') return;
    if (unitIndex.has(unit.id)) {
      errors.push({
        path: `units[${i}].id`,
        code: 'duplicate_unit',
        value: shortValue(unit.id),
        detail: { first: `units[${unitIndex.get(unit.id)}]` },
      });
      return;
    }
    unitIndex.set(unit.id, i);
    if (typeof unit.parentId === 'string') parents.set(unit.id, unit.parentId);
  });
  return { unitIndex, parents };
}

/**
 * The record checks of `validateDataset` for a file with these units and fields, one record at a time, for
 * a reader that meets the records before the end of the file (dataset-stream.ts): true while every record
 * given so far passes them. Found true to the end, `validateDataset(…, { recordsCrossCheckedFor })` need
 * not run them again; any failure is left to `validateDataset`, which reports it.
 */
export function recordCrossCheck(
  units: unknown,
  fields: unknown,
  version: SchemaVersion,
): (record: unknown, index: number) => boolean {
  const list = Array.isArray(units) ? units : [];
  const { unitIndex } = indexUnits(list, []);
  const fieldIndex = version === 2 ? checkFields(fields, []) : new Map<string, number>();
  const errors: DataError[] = [];
  const check = recordCheck(list.length > 0 ? unitIndex : null, fieldIndex, version, errors);
  return (record, index) => {
    check(record, index);
    return errors.length === 0;
  };
}

/** Field ids unique; returns each id's index in `fields` (its first occurrence). */
function checkFields(fields: unknown, errors: DataError[]): Map<string, number> {
  const index = new Map<string, number>();
  if (!Array.isArray(fields)) return index;
  fields.forEach((field, i) => {
    if (!isObject(field) || typeof field.id !== 'string') return;
    const first = index.get(field.id);
    if (first === undefined) index.set(field.id, i);
    else
      errors.push({
        path: `fields[${i}].id`,
        code: 'duplicate_field',
        value: shortValue(field.id),
        detail: { first: `fields[${first}]` },
      });
  });
  return index;
}

/**
 * The rules across a record's values and across records: units and fields
 * that exist, one way of reporting per unit (by field or not), one record per
 * unit, month and field, the online figures. Per record the work is a few map
 * look-ups with the record's own strings and integer keys; no string is built
 * unless there is an error to report.
 */
function recordCheck(
  unitIndex: ReadonlyMap<string, number> | null,
  fieldIndex: ReadonlyMap<string, number>,
  version: SchemaVersion,
  errors: DataError[],
): (record: unknown, i: number) => void {
  // Per unit, (month, field) → first record index. Key: month number × stride + field number (0: no field).
  const stride = fieldIndex.size + 1;
  const seenRecord = new Map<string, Map<number, number>>();
  // Per unit, its first record: index + 1 when it has a fieldId, −(index + 1) when not.
  const firstOfUnit = new Map<string, number>();
  // A file lists a unit's records together: what is known of the last unit seen is kept, not looked up again.
  let lastUnit: unknown;
  let lastUnitKnown = true;
  let lastMonths: Map<number, number> | undefined;
  return (record, i) => {
    if (!isObject(record)) return;
    const { unitId, month, received, fieldId } = record;
    if (unitId !== lastUnit) {
      lastUnit = unitId;
      lastMonths = typeof unitId === 'string' ? seenRecord.get(unitId) : undefined;
      lastUnitKnown = !(
        typeof unitId === 'string' &&
        /\S/.test(unitId) &&
        unitIndex !== null &&
        !unitIndex.has(unitId)
      );
    }
    if (!lastUnitKnown) {
      errors.push({ path: `records[${i}].unitId`, code: 'unknown_unit', value: shortValue(unitId) });
    }
    let fieldNumber = 0;
    if (version === 2 && fieldId !== undefined) {
      const at = typeof fieldId === 'string' ? fieldIndex.get(fieldId) : undefined;
      if (at !== undefined) fieldNumber = at + 1;
      else if (typeof fieldId === 'string' && /\S/.test(fieldId)) {
        errors.push({ path: `records[${i}].fieldId`, code: 'unknown_field_id', value: shortValue(fieldId) });
        fieldNumber = -1;
      } else fieldNumber = -1; // wrong type or blank: the schema reports it
    }
    if (version === 2 && typeof unitId === 'string') {
      const hasField = fieldId !== undefined;
      const first = firstOfUnit.get(unitId);
      if (first === undefined) firstOfUnit.set(unitId, hasField ? i + 1 : -(i + 1));
      else if (first > 0 !== hasField) {
        errors.push({
          path: `records[${i}].fieldId`,
          code: 'mixed_fields',
          ...(hasField ? { value: shortValue(fieldId) } : {}),
          detail: { first: `records[${Math.abs(first) - 1}]`, firstHasField: first > 0 ? 1 : 0 },
        });
      }
    }
    if (typeof unitId === 'string' && typeof month === 'string' && isMonth(month) && fieldNumber >= 0) {
      let months = lastMonths;
      if (!months) {
        months = new Map();
        seenRecord.set(unitId, months);
        lastMonths = months;
      }
      const key = monthIndex(month) * stride + fieldNumber;
      const first = months.get(key);
      if (first === undefined) months.set(key, i);
      else
        errors.push({
          path: `records[${i}]`,
          code: 'duplicate_record',
          value:
            fieldNumber > 0
              ? `${shortValue(unitId)} ${month} ${shortValue(fieldId)}`
              : `${shortValue(unitId)} ${month}`,
          detail:
            fieldNumber > 0 ? { first: `records[${first}]`, fieldId: String(fieldId) } : { first: `records[${first}]` },
        });
    }
    const l3 = record.receivedOnlineLevel3;
    const l4 = record.receivedOnlineLevel4;
    const total = record.receivedOnline;
    if (version === 2) checkOnline(i, total, l3, l4, errors);
    if (!isCount(received)) return;
    if (version === 2 && isCount(total)) {
      if (total > received) {
        errors.push({
          path: `records[${i}].receivedOnline`,
          code: 'online_exceeds_received',
          value: String(total),
          detail: { received, kind: 'total' },
        });
      }
    } else if (isCount(l3) && isCount(l4) && l3 + l4 > received) {
      errors.push({
        path: `records[${i}].receivedOnlineLevel4`,
        code: 'online_exceeds_received',
        value: `${l3} + ${l4}`,
        detail: { received },
      });
    }
    for (const field of ['interlinked', 'saturdayReceived'] as const) {
      const part = record[field];
      if (isCount(part) && part > received) {
        errors.push({
          path: `records[${i}].${field}`,
          code: 'part_exceeds_received',
          value: String(part),
          detail: { received },
        });
      }
    }
  };
}

/** Version 2: the online total, or both levels, or all three adding up. */
function checkOnline(i: number, total: unknown, l3: unknown, l4: unknown, errors: DataError[]): void {
  if (total === undefined && l3 === undefined && l4 === undefined) {
    errors.push({ path: `records[${i}].receivedOnline`, code: 'online_missing' });
    return;
  }
  if ((l3 === undefined) !== (l4 === undefined)) {
    const missing = l3 === undefined ? 'receivedOnlineLevel3' : 'receivedOnlineLevel4';
    const given = l3 === undefined ? 'receivedOnlineLevel4' : 'receivedOnlineLevel3';
    errors.push({ path: `records[${i}].${missing}`, code: 'online_level_missing', detail: { given } });
    return;
  }
  if (isCount(total) && isCount(l3) && isCount(l4) && total !== l3 + l4) {
    errors.push({
      path: `records[${i}].receivedOnline`,
      code: 'online_sum_mismatch',
      value: String(total),
      detail: { level3: l3, level4: l4 },
    });
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/**
 * Keys of a series' months: field number × stride + month number. Month
 * numbers stay below 120,012, so two keys one apart are consecutive months of
 * the same series.
 */
const FIELD_STRIDE = 1 << 17;

/**
 * Flow identity of each record and the month chain of each series (one unit's
 * records for one field, or all its records when it reports no fields), in
 * the order of the records.
 */
export function findWarnings(records: readonly DatasetRecord[]): DataWarning[] {
  const found: { index: number; warning: DataWarning }[] = [];
  const byUnit = new Map<string, number[]>();
  const fieldNumbers = new Map<string, number>();
  const keys = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as DatasetRecord;
    const left = r.carriedOver + r.received;
    const right =
      r.resolvedEarly +
      r.resolvedOnTime +
      r.resolvedLate +
      (r.withdrawn ?? 0) +
      r.pendingWithinDeadline +
      r.pendingOverdue;
    if (left !== right) {
      const warning: DataWarning = {
        code: 'flow_identity',
        path: `records[${i}]`,
        unitId: r.unitId,
        month: r.month,
        left,
        right,
      };
      if (r.fieldId !== undefined) warning.fieldId = r.fieldId;
      found.push({ index: i, warning });
    }
    let field = 0;
    if (r.fieldId !== undefined) {
      field = fieldNumbers.get(r.fieldId) ?? 0;
      if (field === 0) {
        field = fieldNumbers.size + 1;
        fieldNumbers.set(r.fieldId, field);
      }
    }
    keys[i] = field * FIELD_STRIDE + monthIndex(r.month);
    const list = byUnit.get(r.unitId);
    if (list) list.push(i);
    else byUnit.set(r.unitId, [i]);
  }
  for (const list of byUnit.values()) {
    // Files are usually in series and month order already; sort only when they are not.
    let sorted = true;
    for (let k = 1; k < list.length; k++) {
      if ((keys[list[k] as number] as number) < (keys[list[k - 1] as number] as number)) {
        sorted = false;
        break;
      }
    }
    const order = sorted ? list : [...list].sort((x, y) => (keys[x] as number) - (keys[y] as number));
    for (let k = 1; k < order.length; k++) {
      const a = order[k - 1] as number;
      const i = order[k] as number;
      if ((keys[i] as number) - (keys[a] as number) !== 1) continue;
      const prev = records[a] as DatasetRecord;
      const r = records[i] as DatasetRecord;
      const pending = prev.pendingWithinDeadline + prev.pendingOverdue;
      if (pending !== r.carriedOver) {
        const warning: DataWarning = {
          code: 'month_chain',
          path: `records[${i}].carriedOver`,
          unitId: r.unitId,
          month: r.month,
          left: r.carriedOver,
          right: pending,
        };
        if (r.fieldId !== undefined) warning.fieldId = r.fieldId;
        found.push({ index: i, warning });
      }
    }
  }
  // Stable: a record's flow warning stays before its chain warning.
  found.sort((x, y) => x.index - y.index);
  return found.map((f) => f.warning);
}

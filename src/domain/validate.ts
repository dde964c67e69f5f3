import * as v from 'valibot';
import { isValidDate } from './months.ts';
import type { DataError, DataWarning, ErrorCode } from './problems.ts';
import { shortValue } from './problems.ts';
import {
  type Dataset,
  type DatasetRecord,
  datasetSchema,
  MONTH_PATTERN,
  recordSchema,
  SUPPORTED_SCHEMA_VERSIONS,
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

/** Validate a value already parsed from JSON (or built by an importer). */
export function validateDataset(input: unknown): LoadResult {
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
  const parsed = schemaCheck(input as Record<string, unknown>);
  const errors: DataError[] = parsed.success ? [] : parsed.issues.map(toDataError);
  errors.push(...otherUnknownFields(input as Record<string, unknown>, errors, parsed.recordsChecked));
  errors.push(...crossCheck(input as Record<string, unknown>));
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

function schemaCheck(input: Record<string, unknown>): SchemaCheck {
  const records = input.records;
  if (Array.isArray(records) && records.every(recordPasses)) {
    const rest = v.safeParse(datasetWithoutRecords, { ...input, records: [] }, { abortEarly: false });
    if (rest.success) {
      const output: Dataset = { ...rest.output, records: records as DatasetRecord[] };
      return { success: true, output, issues: undefined, recordsChecked: true };
    }
  }
  const full = v.safeParse(datasetSchema, input, { abortEarly: false });
  return full.success
    ? { success: true, output: full.output, issues: undefined, recordsChecked: false }
    : { success: false, output: full.output, issues: full.issues, recordsChecked: false };
}

const datasetWithoutRecords = v.strictObject({ ...datasetSchema.entries, records: v.array(v.never()) });

const RECORD_ENTRIES = recordSchema.entries;
const RECORD_KEYS = new Set(Object.keys(RECORD_ENTRIES));
const REQUIRED_RECORD_KEYS = Object.keys(RECORD_ENTRIES).filter(
  (k) => RECORD_ENTRIES[k as keyof typeof RECORD_ENTRIES].type !== 'optional',
);
const COUNT_KEYS = new Set(Object.keys(RECORD_ENTRIES).filter((k) => k !== 'unitId' && k !== 'month'));

/** True when a record meets every rule of `recordSchema`; false sends the file through valibot. */
export function recordPasses(record: unknown): boolean {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  const r = record as Record<string, unknown>;
  for (const key in r) {
    if (!Object.hasOwn(r, key)) continue;
    if (!RECORD_KEYS.has(key)) return false;
    const value = r[key];
    if (COUNT_KEYS.has(key)) {
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return false;
    }
  }
  for (const key of REQUIRED_RECORD_KEYS) if (r[key] === undefined || !Object.hasOwn(r, key)) return false;
  const { unitId, month } = r;
  return typeof unitId === 'string' && /\S/.test(unitId) && typeof month === 'string' && MONTH_PATTERN.test(month);
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

type Issue = v.InferIssue<typeof datasetSchema>;

export function formatPath(keys: readonly (string | number)[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

function toDataError(issue: Issue): DataError {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const path = formatPath(keys);
  const last = keys[keys.length - 1];
  const value = shortValue(issue.input);
  const code = issueCode(issue, last);
  if (code === 'unknown_field' && typeof last === 'string') {
    const suggestion = closestField(issue, last);
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

const KNOWN_KEYS: Record<string, readonly string[]> = {
  dataset: Object.keys(datasetSchema.entries),
  units: Object.keys(datasetSchema.entries.units.pipe[0].item.entries),
  records: Object.keys(datasetSchema.entries.records.item.entries),
  facts: Object.keys(datasetSchema.entries.facts.wrapped.item.entries),
  targets: Object.keys(datasetSchema.entries.targets.wrapped.entries),
};

function closestField(issue: Issue, key: string): string | undefined {
  const top = issue.path?.[0]?.key;
  const scope = issue.path && issue.path.length > 1 && typeof top === 'string' && top in KNOWN_KEYS ? top : 'dataset';
  return closestIn(scope, key);
}

function closestIn(scope: string, key: string): string | undefined {
  const candidates = KNOWN_KEYS[scope] ?? [];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4));
  for (const c of candidates) {
    const d = editDistance(key.toLowerCase(), c.toLowerCase());
    if (d <= bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = row;
  }
  return prev[b.length] ?? 99;
}

/**
 * valibot stops at the first unknown key of an object; a file with several
 * typos deserves to hear of all of them at once.
 */
function otherUnknownFields(
  input: Record<string, unknown>,
  found: readonly DataError[],
  recordsClean = false,
): DataError[] {
  const reported = new Set(found.filter((e) => e.code === 'unknown_field').map((e) => e.path));
  const out: DataError[] = [];
  const check = (value: unknown, scope: string, base: (string | number)[]) => {
    if (!isObject(value)) return;
    const known = KNOWN_KEYS[scope] ?? [];
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const path = formatPath([...base, key]);
      if (reported.has(path)) continue;
      const suggestion = closestIn(scope, key);
      out.push({ path, code: 'unknown_field', ...(suggestion ? { detail: { suggestion } } : {}) });
    }
  };
  check(input, 'dataset', []);
  check(input.targets, 'targets', ['targets']);
  // Records that passed the fast check have no unknown field; skip the largest list.
  for (const name of recordsClean ? (['units', 'facts'] as const) : (['units', 'records', 'facts'] as const)) {
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
function crossCheck(input: Record<string, unknown>): DataError[] {
  const errors: DataError[] = [];
  const updatedAt = input.updatedAt;
  if (typeof updatedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(updatedAt) && !isValidDate(updatedAt)) {
    errors.push({ path: 'updatedAt', code: 'bad_date', value: shortValue(updatedAt) });
  }

  const units = Array.isArray(input.units) ? input.units : [];
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

  const records = Array.isArray(input.records) ? input.records : [];
  // Per unit, month number → first record index: integer keys, no string built per record.
  const seenRecord = new Map<string, Map<number, number>>();
  records.forEach((record, i) => {
    if (!isObject(record)) return;
    const { unitId, month, received } = record;
    if (typeof unitId === 'string' && /\S/.test(unitId) && units.length > 0 && !unitIndex.has(unitId)) {
      errors.push({ path: `records[${i}].unitId`, code: 'unknown_unit', value: shortValue(unitId) });
    }
    if (typeof unitId === 'string' && typeof month === 'string' && MONTH_PATTERN.test(month)) {
      let months = seenRecord.get(unitId);
      if (!months) {
        months = new Map();
        seenRecord.set(unitId, months);
      }
      const key = monthNumber(month);
      const first = months.get(key);
      if (first === undefined) months.set(key, i);
      else
        errors.push({
          path: `records[${i}]`,
          code: 'duplicate_record',
          value: `${shortValue(unitId)} ${month}`,
          detail: { first: `records[${first}]` },
        });
    }
    if (!isCount(received)) return;
    const l3 = record.receivedOnlineLevel3;
    const l4 = record.receivedOnlineLevel4;
    if (isCount(l3) && isCount(l4) && l3 + l4 > received) {
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
  });
  return errors;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Months since year 0, read straight from the characters of `YYYY-MM` (this runs once per record). */
function monthNumber(month: string): number {
  return (
    (month.charCodeAt(0) - 48) * 12000 +
    (month.charCodeAt(1) - 48) * 1200 +
    (month.charCodeAt(2) - 48) * 120 +
    (month.charCodeAt(3) - 48) * 12 +
    (month.charCodeAt(5) - 48) * 10 +
    (month.charCodeAt(6) - 48)
  );
}

/** Flow identity of each record and the month chain of each unit, in the order of the records. */
export function findWarnings(records: readonly DatasetRecord[]): DataWarning[] {
  const found: { index: number; warning: DataWarning }[] = [];
  const byUnit = new Map<string, number[]>();
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
      found.push({
        index: i,
        warning: { code: 'flow_identity', path: `records[${i}]`, unitId: r.unitId, month: r.month, left, right },
      });
    }
    const list = byUnit.get(r.unitId);
    if (list) list.push(i);
    else byUnit.set(r.unitId, [i]);
  }
  for (const list of byUnit.values()) {
    const months = list.map((i) => monthNumber((records[i] as DatasetRecord).month));
    const order = list.map((_, k) => k);
    // Files are usually in month order already; sort only when they are not.
    if (months.some((m, k) => k > 0 && m < (months[k - 1] ?? 0)))
      order.sort((x, y) => (months[x] ?? 0) - (months[y] ?? 0));
    for (let k = 1; k < order.length; k++) {
      const a = order[k - 1] as number;
      const b = order[k] as number;
      if ((months[b] ?? 0) - (months[a] ?? 0) !== 1) continue;
      const prev = records[list[a] as number] as DatasetRecord;
      const i = list[b] as number;
      const r = records[i] as DatasetRecord;
      const pending = prev.pendingWithinDeadline + prev.pendingOverdue;
      if (pending !== r.carriedOver) {
        found.push({
          index: i,
          warning: {
            code: 'month_chain',
            path: `records[${i}].carriedOver`,
            unitId: r.unitId,
            month: r.month,
            left: r.carriedOver,
            right: pending,
          },
        });
      }
    }
  }
  // Stable: a record's flow warning stays before its chain warning.
  found.sort((x, y) => x.index - y.index);
  return found.map((f) => f.warning);
}

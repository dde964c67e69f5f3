import { describe, expect, it } from 'vitest';
import { describeError } from './messages.ts';
import type { DataError } from './problems.ts';
import {
  RECORD_FIELD_NAMES,
  RECORD_FIELDS_KEY,
  readRecordRows,
  recordFieldsErrors,
  recordFromRow,
  recordRows,
  rowError,
} from './record-rows.ts';
import type { DatasetRecord } from './schema.ts';
import { ERROR_LIST_CAP, parseDatasetText, validateDataset } from './validate.ts';

/** Online as a total, no fees, apology letters 0 (a falsy value that must stay a value). */
const online: DatasetRecord = {
  month: '2022-01',
  unitId: 'c1',
  carriedOver: 2,
  received: 10,
  receivedOnline: 4,
  resolvedEarly: 1,
  resolvedOnTime: 8,
  resolvedLate: 0,
  pendingWithinDeadline: 3,
  pendingOverdue: 0,
  apologyLetters: 0,
};

/** Online as both levels, with withdrawn, fees 0 and interlinked. */
const levels: DatasetRecord = {
  unitId: 'c1',
  month: '2022-02',
  carriedOver: 3,
  received: 5,
  receivedOnlineLevel3: 0,
  receivedOnlineLevel4: 5,
  resolvedEarly: 0,
  resolvedOnTime: 6,
  resolvedLate: 1,
  withdrawn: 1,
  pendingWithinDeadline: 0,
  pendingOverdue: 0,
  feesVnd: 0,
  interlinked: 2,
};

/** By procedure field, with Saturday figures: the only record with fieldId and saturdayReceived. */
const byField: DatasetRecord = {
  unitId: 'c2',
  month: '2022-01',
  fieldId: 'dat-dai',
  carriedOver: 0,
  received: 7,
  receivedOnline: 7,
  resolvedEarly: 0,
  resolvedOnTime: 7,
  resolvedLate: 0,
  pendingWithinDeadline: 0,
  pendingOverdue: 0,
  feesVnd: 350000,
  saturdayReceived: 1,
};

describe('RECORD_FIELD_NAMES', () => {
  it('lists every field of a version-2 record once, in the order of the contract', () => {
    expect(RECORD_FIELD_NAMES).toEqual([
      'unitId',
      'month',
      'fieldId',
      'carriedOver',
      'received',
      'receivedOnline',
      'receivedOnlineLevel3',
      'receivedOnlineLevel4',
      'resolvedEarly',
      'resolvedOnTime',
      'resolvedLate',
      'withdrawn',
      'pendingWithinDeadline',
      'pendingOverdue',
      'feesVnd',
      'interlinked',
      'saturdayReceived',
      'apologyLetters',
    ]);
    expect(RECORD_FIELDS_KEY).toBe('recordFields');
  });
});

describe('recordRows', () => {
  it('names only the fields the records use, in the order of the contract, with null where a record has none', () => {
    expect(recordRows([online, levels])).toEqual({
      recordFields: [
        'unitId',
        'month',
        'carriedOver',
        'received',
        'receivedOnline',
        'receivedOnlineLevel3',
        'receivedOnlineLevel4',
        'resolvedEarly',
        'resolvedOnTime',
        'resolvedLate',
        'withdrawn',
        'pendingWithinDeadline',
        'pendingOverdue',
        'feesVnd',
        'interlinked',
        'apologyLetters',
      ],
      rows: [
        ['c1', '2022-01', 2, 10, 4, null, null, 1, 8, 0, null, 3, 0, null, null, 0],
        ['c1', '2022-02', 3, 5, null, 0, 5, 0, 6, 1, 1, 0, 0, 0, 2, null],
      ],
    });
  });

  it('puts fieldId third when one record has it, and keeps a field used by one record only', () => {
    expect(recordRows([byField])).toEqual({
      recordFields: [
        'unitId',
        'month',
        'fieldId',
        'carriedOver',
        'received',
        'receivedOnline',
        'resolvedEarly',
        'resolvedOnTime',
        'resolvedLate',
        'pendingWithinDeadline',
        'pendingOverdue',
        'feesVnd',
        'saturdayReceived',
      ],
      rows: [['c2', '2022-01', 'dat-dai', 0, 7, 7, 0, 7, 0, 0, 0, 350000, 1]],
    });
    const { recordFields, rows } = recordRows([online, byField]);
    expect(recordFields).toEqual([
      'unitId',
      'month',
      'fieldId',
      'carriedOver',
      'received',
      'receivedOnline',
      'resolvedEarly',
      'resolvedOnTime',
      'resolvedLate',
      'pendingWithinDeadline',
      'pendingOverdue',
      'feesVnd',
      'saturdayReceived',
      'apologyLetters',
    ]);
    expect(rows).toEqual([
      ['c1', '2022-01', null, 2, 10, 4, 1, 8, 0, 3, 0, null, null, 0],
      ['c2', '2022-01', 'dat-dai', 0, 7, 7, 0, 7, 0, 0, 0, 350000, 1, null],
    ]);
  });

  it('gives no fields and no rows for no records', () => {
    expect(recordRows([])).toEqual({ recordFields: [], rows: [] });
  });
});

/**
 * A record as rows give it back: every field the rows name, in their order, an optional field the record
 * leaves out holding undefined (recordFromRow).
 */
function asRead(record: DatasetRecord, names: readonly string[]): Record<string, unknown> {
  const r = record as Record<string, unknown>;
  return Object.fromEntries(names.map((n) => [n, r[n]]));
}

describe('readRecordRows of recordRows gives the records back exactly', () => {
  const cases: [string, DatasetRecord[]][] = [
    ['records with the online total and with the levels', [online, levels]],
    ['a record by field among records not by field', [online, levels, byField]],
    ['one record', [byField]],
    ['the same record twice', [levels, levels]],
  ];
  it.each(cases)('%s', (_name, records) => {
    const { recordFields, rows } = recordRows(records);
    const input = { schemaVersion: 2, title: 'T', [RECORD_FIELDS_KEY]: recordFields, records: rows, units: [] };
    const read = readRecordRows(input, 2, ERROR_LIST_CAP);
    // Strict: each record has every field the rows name, in their order; one it leaves out holds undefined.
    const expected = records.map((r) => asRead(r, recordFields));
    expect(read).toStrictEqual({ ok: true, input: { schemaVersion: 2, title: 'T', records: expected, units: [] } });
    // Equal to the records given, as every reader of a record takes undefined for a field left out.
    expect(read.ok && read.input.records).toEqual(records);
    // The input is left as it was.
    expect(input[RECORD_FIELDS_KEY]).toBe(recordFields);
    expect(input.records).toBe(rows);
  });

  it('keeps records in their order, each with the same keys, a field a record leaves out undefined', () => {
    const { recordFields, rows } = recordRows([levels, online]);
    const read = readRecordRows({ schemaVersion: 2, recordFields, records: rows }, 2, ERROR_LIST_CAP);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const [first, second] = read.input.records as Record<string, unknown>[];
    expect(first?.month).toBe('2022-02');
    expect(second?.month).toBe('2022-01');
    // One shape of object for every record of a file: the engine sums them twice as fast (decision 0021).
    expect(Object.keys(second ?? {})).toEqual(Object.keys(first ?? {}));
    expect(Object.keys(first ?? {})).toEqual(recordFields);
    expect(second?.feesVnd).toBeUndefined();
    expect(second?.withdrawn).toBeUndefined();
    expect(JSON.stringify(second)).not.toContain('feesVnd');
    expect(second?.apologyLetters).toBe(0);
    expect(first?.feesVnd).toBe(0);
  });
});

describe('recordFromRow', () => {
  const names = ['unitId', 'month', 'feesVnd'];

  it('leaves a field out for null, and keeps every other value as it is for the schema to judge', () => {
    expect(recordFromRow(names, ['c1', '2022-01', 5])).toStrictEqual({ unitId: 'c1', month: '2022-01', feesVnd: 5 });
    // An optional field left out is there, undefined; a required one is missing, for the schema to name.
    expect(recordFromRow(names, ['c1', '2022-01', null])).toStrictEqual({
      unitId: 'c1',
      month: '2022-01',
      feesVnd: undefined,
    });
    expect(recordFromRow(names, [null, null, null])).toStrictEqual({ feesVnd: undefined });
    expect(recordFromRow(names, ['c1', 202201, '5'])).toStrictEqual({ unitId: 'c1', month: 202201, feesVnd: '5' });
    expect(recordFromRow(names, ['c1', '2022-01', 0])).toStrictEqual({ unitId: 'c1', month: '2022-01', feesVnd: 0 });
    expect(recordFromRow(names, ['', false, [1]])).toStrictEqual({ unitId: '', month: false, feesVnd: [1] });
  });

  it('reads nothing from a row of another length or from what is not a list', () => {
    expect(recordFromRow(names, ['c1', '2022-01'])).toBe(null);
    expect(recordFromRow(names, ['c1', '2022-01', 5, 6])).toBe(null);
    expect(recordFromRow(names, [])).toBe(null);
    expect(recordFromRow(names, { unitId: 'c1', month: '2022-01', feesVnd: 5 })).toBe(null);
    expect(recordFromRow(names, null)).toBe(null);
    expect(recordFromRow(names, 'c1,2022-01,5')).toBe(null);
    expect(recordFromRow(names, 3)).toBe(null);
  });
});

describe('rowError', () => {
  const names = ['unitId', 'month', 'feesVnd'];
  it('names a row that is not a list, with the number of values expected', () => {
    expect(rowError(4, names, { unitId: 'c1' })).toStrictEqual({
      path: 'records[4]',
      code: 'row_not_list',
      value: '{…}',
      detail: { expected: 3 },
    });
    expect(rowError(0, names, null)).toStrictEqual({
      path: 'records[0]',
      code: 'row_not_list',
      value: 'null',
      detail: { expected: 3 },
    });
    expect(rowError(12, names, 'c1')).toStrictEqual({
      path: 'records[12]',
      code: 'row_not_list',
      value: '"c1"',
      detail: { expected: 3 },
    });
  });

  it('names a row too short or too long, with both lengths', () => {
    expect(rowError(2, names, ['c1', '2022-01'])).toStrictEqual({
      path: 'records[2]',
      code: 'row_length',
      value: '[…] (2)',
      detail: { expected: 3, given: 2 },
    });
    expect(rowError(7, names, ['c1', '2022-01', 1, 2])).toStrictEqual({
      path: 'records[7]',
      code: 'row_length',
      value: '[…] (4)',
      detail: { expected: 3, given: 4 },
    });
  });
});

describe('recordFieldsErrors', () => {
  it('accepts every field name, each once, in any order', () => {
    expect(recordFieldsErrors([...RECORD_FIELD_NAMES], 2)).toEqual([]);
    expect(recordFieldsErrors([...RECORD_FIELD_NAMES].reverse(), 2)).toEqual([]);
    expect(recordFieldsErrors(['month', 'unitId', 'received'], 2)).toEqual([]);
  });

  it('refuses recordFields in version 1, whatever its value', () => {
    const refused = [{ path: 'recordFields', code: 'record_fields_version' }];
    expect(recordFieldsErrors(['unitId', 'month'], 1)).toStrictEqual(refused);
    expect(recordFieldsErrors('nonsense', 1)).toStrictEqual(refused);
  });

  it('refuses a recordFields that is not a list, or an empty one', () => {
    expect(recordFieldsErrors('unitId,month', 2)).toStrictEqual([
      { path: 'recordFields', code: 'record_fields_list', value: '"unitId,month"' },
    ]);
    expect(recordFieldsErrors({ 0: 'unitId' }, 2)).toStrictEqual([
      { path: 'recordFields', code: 'record_fields_list', value: '{…}' },
    ]);
    expect(recordFieldsErrors(null, 2)).toStrictEqual([
      { path: 'recordFields', code: 'record_fields_list', value: 'null' },
    ]);
    expect(recordFieldsErrors([], 2)).toStrictEqual([
      { path: 'recordFields', code: 'record_fields_list', value: '[…] (0)' },
    ]);
  });

  it('names an unknown name, suggesting the field it most likely meant', () => {
    expect(recordFieldsErrors(['unitId', 'month', 'recieved'], 2)).toStrictEqual([
      {
        path: 'recordFields[2]',
        code: 'unknown_record_field',
        value: '"recieved"',
        detail: { suggestion: 'received' },
      },
    ]);
    expect(recordFieldsErrors(['UnitID', 'month'], 2)).toStrictEqual([
      { path: 'recordFields[0]', code: 'unknown_record_field', value: '"UnitID"', detail: { suggestion: 'unitId' } },
    ]);
  });

  it('names an unknown name with nothing near it, or a name that is not text, without a suggestion', () => {
    expect(recordFieldsErrors(['unitId', 'month', 'population'], 2)).toStrictEqual([
      { path: 'recordFields[2]', code: 'unknown_record_field', value: '"population"' },
    ]);
    expect(recordFieldsErrors(['unitId', 3, 'month'], 2)).toStrictEqual([
      { path: 'recordFields[1]', code: 'unknown_record_field', value: '3' },
    ]);
    expect(recordFieldsErrors(['unitId', null, 'month'], 2)).toStrictEqual([
      { path: 'recordFields[1]', code: 'unknown_record_field', value: 'null' },
    ]);
    expect(recordFieldsErrors(['unitId', ['month']], 2)).toStrictEqual([
      { path: 'recordFields[1]', code: 'unknown_record_field', value: '[…] (1)' },
    ]);
  });

  it('takes no name from the prototype of an object', () => {
    for (const name of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const errors = recordFieldsErrors(['unitId', 'month', name], 2);
      expect(
        errors.map((e) => [e.path, e.code]),
        name,
      ).toEqual([['recordFields[2]', 'unknown_record_field']]);
    }
  });

  it('names a name given twice, pointing at its first place', () => {
    expect(recordFieldsErrors(['unitId', 'month', 'received', 'month'], 2)).toStrictEqual([
      {
        path: 'recordFields[3]',
        code: 'duplicate_record_field',
        value: '"month"',
        detail: { first: 'recordFields[1]' },
      },
    ]);
    expect(recordFieldsErrors(['received', 'received', 'received'], 2)).toStrictEqual([
      {
        path: 'recordFields[1]',
        code: 'duplicate_record_field',
        value: '"received"',
        detail: { first: 'recordFields[0]' },
      },
      {
        path: 'recordFields[2]',
        code: 'duplicate_record_field',
        value: '"received"',
        detail: { first: 'recordFields[0]' },
      },
    ]);
  });

  it('names every problem of the list at once, in its order', () => {
    expect(recordFieldsErrors(['unitId', 'recieved', 'unitId', 7, 'recieved'], 2)).toStrictEqual([
      {
        path: 'recordFields[1]',
        code: 'unknown_record_field',
        value: '"recieved"',
        detail: { suggestion: 'received' },
      },
      {
        path: 'recordFields[2]',
        code: 'duplicate_record_field',
        value: '"unitId"',
        detail: { first: 'recordFields[0]' },
      },
      { path: 'recordFields[3]', code: 'unknown_record_field', value: '7' },
      // An unknown name is not remembered: given twice, it is unknown twice, not a duplicate.
      {
        path: 'recordFields[4]',
        code: 'unknown_record_field',
        value: '"recieved"',
        detail: { suggestion: 'received' },
      },
    ]);
  });
});

describe('readRecordRows', () => {
  const names = ['unitId', 'month', 'received'];
  const good = (month: string) => ['c1', month, 1];

  it('refuses version 1 before looking at the rows', () => {
    expect(readRecordRows({ schemaVersion: 1, recordFields: names, records: [good('2022-01')] }, 1, 200)).toStrictEqual(
      { ok: false, errors: [{ path: 'recordFields', code: 'record_fields_version' }], errorCount: 1 },
    );
  });

  it('refuses a bad recordFields before looking at the rows, even rows that are wrong too', () => {
    expect(readRecordRows({ recordFields: ['unitId', 'unitId'], records: [{}, 3] }, 2, 200)).toStrictEqual({
      ok: false,
      errors: [
        {
          path: 'recordFields[1]',
          code: 'duplicate_record_field',
          value: '"unitId"',
          detail: { first: 'recordFields[0]' },
        },
      ],
      errorCount: 1,
    });
    expect(readRecordRows({ records: [good('2022-01')] }, 2, 200)).toStrictEqual({
      ok: false,
      errors: [{ path: 'recordFields', code: 'record_fields_list', value: 'undefined' }],
      errorCount: 1,
    });
  });

  it('caps the errors of recordFields, counting them all', () => {
    const read = readRecordRows({ recordFields: ['unitId', 1, 2, 3, 4, 5] }, 2, 3);
    expect(read).toStrictEqual({
      ok: false,
      errors: [
        { path: 'recordFields[1]', code: 'unknown_record_field', value: '1' },
        { path: 'recordFields[2]', code: 'unknown_record_field', value: '2' },
        { path: 'recordFields[3]', code: 'unknown_record_field', value: '3' },
      ],
      errorCount: 5,
    });
  });

  it('names every row that is not a list or has the wrong length, and only those', () => {
    const rows = [good('2022-01'), { unitId: 'c1' }, ['c1'], good('2022-04'), ['c1', '2022-05', 1, null], null];
    expect(readRecordRows({ recordFields: names, records: rows }, 2, 200)).toStrictEqual({
      ok: false,
      errors: [
        { path: 'records[1]', code: 'row_not_list', value: '{…}', detail: { expected: 3 } },
        { path: 'records[2]', code: 'row_length', value: '[…] (1)', detail: { expected: 3, given: 1 } },
        { path: 'records[4]', code: 'row_length', value: '[…] (4)', detail: { expected: 3, given: 4 } },
        { path: 'records[5]', code: 'row_not_list', value: 'null', detail: { expected: 3 } },
      ],
      errorCount: 4,
    });
  });

  it('caps the errors of many bad rows, counting them all', () => {
    // Rows 1, 3, 5, …, 19 are one value short: ten bad rows.
    const rows = Array.from({ length: 20 }, (_, i) => (i % 2 === 1 ? ['c1', '2022-01'] : good('2022-01')));
    const read = readRecordRows({ recordFields: names, records: rows }, 2, 3);
    expect(read).toStrictEqual({
      ok: false,
      errors: [
        { path: 'records[1]', code: 'row_length', value: '[…] (2)', detail: { expected: 3, given: 2 } },
        { path: 'records[3]', code: 'row_length', value: '[…] (2)', detail: { expected: 3, given: 2 } },
        { path: 'records[5]', code: 'row_length', value: '[…] (2)', detail: { expected: 3, given: 2 } },
      ],
      errorCount: 10,
    });
  });

  it('leaves records that are not a list alone, for the schema check to name, and drops recordFields', () => {
    expect(readRecordRows({ schemaVersion: 2, recordFields: names, records: { a: 1 } }, 2, 200)).toStrictEqual({
      ok: true,
      input: { schemaVersion: 2, records: { a: 1 } },
    });
    expect(readRecordRows({ schemaVersion: 2, recordFields: names, records: 'none' }, 2, 200)).toStrictEqual({
      ok: true,
      input: { schemaVersion: 2, records: 'none' },
    });
    expect(readRecordRows({ schemaVersion: 2, recordFields: names, title: 'T' }, 2, 200)).toStrictEqual({
      ok: true,
      input: { schemaVersion: 2, title: 'T' },
    });
  });

  it('reads an empty list of rows as no records', () => {
    expect(readRecordRows({ recordFields: names, records: [] }, 2, 200)).toStrictEqual({
      ok: true,
      input: { records: [] },
    });
  });
});

/** A valid version-2 dataset with its records as objects: both kinds of online figures, optional fields left out. */
function objectsDataset() {
  return {
    schemaVersion: 2,
    title: 'Huyện Thử',
    fields: [{ id: 'dat-dai', name: 'Đất đai' }],
    units: [
      { id: 'd', name: 'Huyện Thử', level: 'district' },
      { id: 'c1', name: 'Xã Một', level: 'commune', parentId: 'd' },
      { id: 'c2', name: 'Xã Hai', level: 'commune', parentId: 'd' },
    ],
    records: [
      { ...online },
      { ...levels },
      { ...byField },
      {
        unitId: 'c2',
        month: '2022-02',
        fieldId: 'dat-dai',
        carriedOver: 0,
        received: 9,
        receivedOnline: 5,
        receivedOnlineLevel3: 2,
        receivedOnlineLevel4: 3,
        resolvedEarly: 0,
        resolvedOnTime: 9,
        resolvedLate: 0,
        pendingWithinDeadline: 0,
        pendingOverdue: 0,
      },
    ] as Record<string, unknown>[],
  };
}

/** The same dataset with its records as rows; `recordFields` where `at` says. */
function asRows(d: ReturnType<typeof objectsDataset>, at: 'before' | 'after' = 'before') {
  const { records, ...rest } = d;
  const { recordFields, rows } = recordRows(records as DatasetRecord[]);
  return at === 'before' ? { ...rest, recordFields, records: rows } : { ...rest, records: rows, recordFields };
}

function refused(input: unknown): { errors: DataError[]; errorCount: number } {
  const result = validateDataset(input);
  if (result.ok) throw new Error('expected the dataset to be refused');
  return { errors: result.errors, errorCount: result.errorCount };
}

describe('a dataset with its records as rows, through validateDataset and parseDatasetText', () => {
  it('loads to exactly the dataset and warnings of the same file with its records as objects', () => {
    const objects = objectsDataset();
    // c1 2022-02 carries over 4 where 2022-01 left 3 pending, and 4 + 5 ≠ 0 + 6 + 1 + 1 + 0 + 0: both warnings.
    (objects.records[1] as Record<string, unknown>).carriedOver = 4;
    const fromObjects = parseDatasetText(JSON.stringify(objects));
    const fromRows = parseDatasetText(JSON.stringify(asRows(objects)));
    expect(fromObjects.ok).toBe(true);
    expect(fromRows).toEqual(fromObjects);
    if (!fromRows.ok) return;
    expect(fromRows.warnings).toEqual([
      {
        code: 'flow_identity',
        path: 'records[1]',
        unitId: 'c1',
        month: '2022-02',
        left: 9,
        right: 8,
      },
      {
        code: 'month_chain',
        path: 'records[1].carriedOver',
        unitId: 'c1',
        month: '2022-02',
        left: 4,
        right: 3,
      },
    ]);
    expect(fromRows.dataset).toEqual({ ...objects, records: objects.records });
    expect(Object.keys(fromRows.dataset)).toEqual(Object.keys(objects));
    expect(JSON.parse(JSON.stringify(fromRows.dataset.records))).toEqual(objects.records);
  });

  it('loads the same with recordFields after the records, and through validateDataset as through the text', () => {
    const objects = objectsDataset();
    const expected = validateDataset(objectsDataset());
    expect(expected.ok).toBe(true);
    expect(parseDatasetText(JSON.stringify(asRows(objects, 'after')))).toEqual(expected);
    expect(validateDataset(asRows(objects))).toEqual(expected);
  });

  it('loads a dataset with no records as rows', () => {
    const d = { ...objectsDataset(), recordFields: ['unitId', 'month'], records: [] };
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.records).toEqual([]);
  });

  it('reports a bad value in a row at records[i].field, as the same value in an object', () => {
    const cases: [string, number, string, unknown, DataError][] = [
      ['a negative count', 1, 'received', -1, { path: 'records[1].received', code: 'negative', value: '-1' }],
      ['a month 13', 0, 'month', '2022-13', { path: 'records[0].month', code: 'bad_month', value: '"2022-13"' }],
      [
        'a count as text',
        2,
        'feesVnd',
        '350.000',
        { path: 'records[2].feesVnd', code: 'wrong_type', value: '"350.000"', detail: { expected: 'number' } },
      ],
      [
        'a fractional count',
        3,
        'resolvedOnTime',
        8.5,
        { path: 'records[3].resolvedOnTime', code: 'not_integer', value: '8.5' },
      ],
      ['a unit not in units', 0, 'unitId', 'c9', { path: 'records[0].unitId', code: 'unknown_unit', value: '"c9"' }],
    ];
    for (const [name, i, field, value, error] of cases) {
      const objects = objectsDataset();
      (objects.records[i] as Record<string, unknown>)[field] = value;
      const fromObjects = refused(JSON.parse(JSON.stringify(objects)));
      const fromRows = refused(JSON.parse(JSON.stringify(asRows(objects))));
      expect(fromRows, name).toEqual({ errors: [error], errorCount: 1 });
      expect(fromRows, name).toEqual(fromObjects);
    }
  });

  it('reports the cross-record rules at the same paths as in object form', () => {
    const objects = objectsDataset();
    // A second record for c1 in 2022-01, and the online total of another above what it received.
    (objects.records[1] as Record<string, unknown>).month = '2022-01';
    (objects.records[2] as Record<string, unknown>).receivedOnline = 8;
    const fromRows = refused(JSON.parse(JSON.stringify(asRows(objects))));
    expect(fromRows).toEqual(refused(JSON.parse(JSON.stringify(objects))));
    expect(fromRows.errors.map((e) => [e.path, e.code])).toEqual([
      ['records[1]', 'duplicate_record'],
      ['records[2].receivedOnline', 'online_exceeds_received'],
    ]);
  });

  it('takes null in a required field as the field left out: missing_field at records[i].field', () => {
    const d = asRows(objectsDataset());
    const received = d.recordFields.indexOf('received');
    expect(received).toBe(4);
    (d.records[1] as unknown[])[received] = null;
    expect(refused(d)).toStrictEqual({
      errors: [{ path: 'records[1].received', code: 'missing_field' }],
      errorCount: 1,
    });
    const unitId = d.recordFields.indexOf('unitId');
    (d.records[3] as unknown[])[unitId] = null;
    expect(refused(d).errors.map((e) => [e.path, e.code])).toEqual([
      ['records[1].received', 'missing_field'],
      ['records[3].unitId', 'missing_field'],
    ]);
  });

  it('takes null in an optional field as the field left out, and loads', () => {
    const d = asRows(objectsDataset());
    const fees = d.recordFields.indexOf('feesVnd');
    (d.records[1] as unknown[])[fees] = null;
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.records[1]?.feesVnd).toBeUndefined();
    const { feesVnd: _fees, ...withoutFees } = levels;
    expect(result.dataset.records[1]).toEqual(withoutFees);
    expect(JSON.stringify(result.dataset.records[1])).not.toContain('feesVnd');
  });

  it('names null in all online figures as no online figure, as in object form', () => {
    const d = asRows(objectsDataset());
    for (const name of ['receivedOnline', 'receivedOnlineLevel3', 'receivedOnlineLevel4']) {
      (d.records[3] as unknown[])[d.recordFields.indexOf(name)] = null;
    }
    expect(refused(d)).toStrictEqual({
      errors: [{ path: 'records[3].receivedOnline', code: 'online_missing' }],
      errorCount: 1,
    });
  });

  it('refuses records written as objects when recordFields is given: row_not_list for each', () => {
    const objects = objectsDataset();
    const d = { ...objects, recordFields: ['unitId', 'month', 'received'] };
    expect(refused(d)).toStrictEqual({
      errors: [0, 1, 2, 3].map((i) => ({
        path: `records[${i}]`,
        code: 'row_not_list',
        value: '{…}',
        detail: { expected: 3 },
      })),
      errorCount: 4,
    });
  });

  it('refuses a row of the wrong length, and reports nothing else until the rows can be read', () => {
    const d = asRows(objectsDataset());
    (d.records[2] as unknown[]).pop();
    (d.records[0] as unknown[]).push(1);
    const n = d.recordFields.length;
    // The title is blank too: it is named once the rows are read.
    expect(refused({ ...d, title: ' ' })).toStrictEqual({
      errors: [
        { path: 'records[0]', code: 'row_length', value: `[…] (${n + 1})`, detail: { expected: n, given: n + 1 } },
        { path: 'records[2]', code: 'row_length', value: `[…] (${n - 1})`, detail: { expected: n, given: n - 1 } },
      ],
      errorCount: 2,
    });
  });

  it('refuses recordFields with an unknown name, suggesting the right one', () => {
    const d = asRows(objectsDataset());
    d.recordFields[3] = 'recieved';
    expect(refused(d)).toStrictEqual({
      errors: [
        {
          path: 'recordFields[3]',
          code: 'unknown_record_field',
          value: '"recieved"',
          detail: { suggestion: 'received' },
        },
      ],
      errorCount: 1,
    });
  });

  it('refuses recordFields in version 1, and in a file that states no version', () => {
    const d = { ...asRows(objectsDataset()), schemaVersion: 1 };
    expect(refused(d)).toStrictEqual({
      errors: [{ path: 'recordFields', code: 'record_fields_version' }],
      errorCount: 1,
    });
    const { schemaVersion: _v, ...unversioned } = d;
    expect(refused(unversioned).errors.map((e) => e.code)).toContain('record_fields_version');
  });

  it('refuses a recordFields that is not a list of names', () => {
    const d = asRows(objectsDataset());
    expect(refused({ ...d, recordFields: [] }).errors).toStrictEqual([
      { path: 'recordFields', code: 'record_fields_list', value: '[…] (0)' },
    ]);
    expect(refused({ ...d, recordFields: 'unitId month' }).errors).toStrictEqual([
      { path: 'recordFields', code: 'record_fields_list', value: '"unitId month"' },
    ]);
  });

  it('leaves records that are not a list to the schema check', () => {
    const d = { ...asRows(objectsDataset()), records: { c1: [] } };
    expect(refused(d)).toStrictEqual({
      errors: [{ path: 'records', code: 'wrong_type', value: '{…}', detail: { expected: 'array' } }],
      errorCount: 1,
    });
  });

  it('caps the list of row errors and counts them all', () => {
    const d = asRows(objectsDataset());
    const bad = ERROR_LIST_CAP + 50;
    const records = Array.from({ length: bad + 1 }, (_, i) => (i === 0 ? d.records[0] : ['c1']));
    const { errors, errorCount } = refused({ ...d, records });
    expect(errorCount).toBe(bad);
    expect(errors).toHaveLength(ERROR_LIST_CAP);
    expect(errors[0]).toStrictEqual({
      path: 'records[1]',
      code: 'row_length',
      value: '[…] (1)',
      detail: { expected: d.recordFields.length, given: 1 },
    });
    expect(errors.at(-1)?.path).toBe(`records[${ERROR_LIST_CAP}]`);
  });

  it('has a message for each new error, in both languages, with its facts', () => {
    const cases: [DataError, string[]][] = [
      [{ path: 'recordFields', code: 'record_fields_version' }, ['schemaVersion 2']],
      [{ path: 'recordFields', code: 'record_fields_list', value: '[…] (0)' }, ['recordFields']],
      [
        {
          path: 'recordFields[3]',
          code: 'unknown_record_field',
          value: '"recieved"',
          detail: { suggestion: 'received' },
        },
        ['"received"'],
      ],
      [
        {
          path: 'recordFields[3]',
          code: 'duplicate_record_field',
          value: '"month"',
          detail: { first: 'recordFields[1]' },
        },
        ['recordFields[1]'],
      ],
      [{ path: 'records[4]', code: 'row_not_list', value: '{…}', detail: { expected: 14 } }, ['14']],
      [
        { path: 'records[4]', code: 'row_length', value: '[…] (13)', detail: { expected: 14, given: 13 } },
        ['13', '14'],
      ],
    ];
    for (const [error, facts] of cases) {
      for (const lang of ['vi', 'en'] as const) {
        const text = describeError(error, lang);
        expect(text.startsWith(`${error.path}:`), text).toBe(true);
        for (const fact of facts) expect(text, `${error.code} ${lang}`).toContain(fact);
      }
    }
  });
});

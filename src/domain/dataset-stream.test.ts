import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createDatasetReader } from './dataset-stream.ts';
import { recordRows } from './record-rows.ts';
import type { DatasetRecord } from './schema.ts';
import { parseDatasetText } from './validate.ts';

/** How many times the whole text was handed to parseDatasetText (by the reader, or by a test). */
const fallbacks = vi.hoisted(() => ({ count: 0 }));
vi.mock('./validate.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./validate.ts')>();
  return {
    ...actual,
    parseDatasetText: (text: string) => {
      fallbacks.count++;
      return actual.parseDatasetText(text);
    },
  };
});

const FIXTURES = new URL('../../tests/fixtures/datasets/', import.meta.url);
const SAMPLE = readFileSync(new URL('../../data/gia-lam.json', import.meta.url), 'utf8');

/** The text cut at the given places (sorted, within the text), read piece by piece. */
function readInPieces(text: string, cuts: number[], runChars: number) {
  const reader = createDatasetReader(runChars);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(text.slice(at, cut));
    at = cut;
  }
  reader.push(text.slice(at));
  return reader.finish();
}

/** What the reader must give: exactly what parsing the whole text gives. */
function expectSameAsWhole(text: string, cuts: number[], runChars: number): void {
  expect(readInPieces(text, cuts, runChars)).toEqual(parseDatasetText(text));
}

const cutsOf = (text: string) => fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 12 });
const runChars = fc.constantFrom(1, 7, 64, 1 << 18);

describe('createDatasetReader', () => {
  it('gives the sample exactly as parsing its whole text does, read in one piece or in many', () => {
    const whole = parseDatasetText(SAMPLE);
    expect(whole.ok).toBe(true);
    expectSameAsWhole(SAMPLE, [], 1 << 18);
    // Cut every 1,000 characters, parsed in runs of about 5,000: dozens of runs, cuts inside strings and numbers.
    const cuts = Array.from({ length: Math.floor(SAMPLE.length / 1000) }, (_, k) => (k + 1) * 1000);
    const pieces = readInPieces(SAMPLE, cuts, 5000);
    expect(pieces).toEqual(whole);
    if (pieces.ok && whole.ok) expect(pieces.dataset.records).toHaveLength(whole.dataset.records.length);
  });

  const fixtureFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && f !== 'manifest.json');
  it('has the fixture corpus to read', () => {
    expect(fixtureFiles.length).toBeGreaterThan(50);
  });
  for (const file of fixtureFiles) {
    it(`gives the fixture ${file} the result of parsing its whole text`, () => {
      const text = readFileSync(new URL(file, FIXTURES), 'utf8');
      fc.assert(
        fc.property(cutsOf(text), runChars, (cuts, run) => {
          expectSameAsWhole(text, cuts, run);
        }),
        { numRuns: text.length > 100_000 ? 3 : 12 },
      );
    });
  }

  // Texts that take every turn of the reader: the records before or after the rest, keys with escapes, the
  // records or the version given twice, empty items, brackets and quotes inside strings, a broken record.
  const record = (unit: string, month: string) =>
    `{"unitId":${JSON.stringify(unit)},"month":"${month}","carriedOver":0,"received":3,"receivedOnlineLevel3":1,"receivedOnlineLevel4":0,"resolvedEarly":0,"resolvedOnTime":2,"resolvedLate":0,"pendingWithinDeadline":1,"pendingOverdue":0,"feesVnd":0}`;
  const units = '[{"id":"a","name":"Xã A ] } \\" [","level":"commune"},{"id":"b","name":"B","level":"commune"}]';
  const recs = [record('a', '2022-01'), record('a', '2022-02'), record('b', '2022-01'), record('b', '2022-02')];
  // The same records as rows: the fields of `record`, in its order (which is the contract's).
  const NAMES = [
    'unitId',
    'month',
    'carriedOver',
    'received',
    'receivedOnlineLevel3',
    'receivedOnlineLevel4',
    'resolvedEarly',
    'resolvedOnTime',
    'resolvedLate',
    'pendingWithinDeadline',
    'pendingOverdue',
    'feesVnd',
  ];
  const names = JSON.stringify(NAMES);
  const rowOf = (unit: string, month: string): unknown[] => {
    const r = JSON.parse(record(unit, month)) as Record<string, unknown>;
    return NAMES.map((name) => r[name]);
  };
  const rowWith = (unit: string, month: string, name: string, value: unknown) => {
    const row = rowOf(unit, month);
    row[NAMES.indexOf(name)] = value;
    return JSON.stringify(row);
  };
  const rows = [rowOf('a', '2022-01'), rowOf('a', '2022-02'), rowOf('b', '2022-01'), rowOf('b', '2022-02')].map((r) =>
    JSON.stringify(r),
  );
  const texts: Record<string, string> = {
    'records last': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')}]}`,
    'records first': `{"records":[${recs.join(',\n')}],"title":"T","units":${units},"schemaVersion":1}`,
    'no version': `{"title":"T","units":${units},"records":[${recs.join(', ')}]}`,
    'version 2 (records lack its fields)': `{"schemaVersion":2,"title":"T","units":${units},"records":[${recs.join(',')}]}`,
    'escaped key': `{"schemaVersion":1,"title":"T","units":${units},"rec\\u006frds":[${recs.join(',')}]}`,
    'records twice': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs[0]}],"records":[${recs.join(',')}]}`,
    'records twice, the second empty': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')}],"records":[]}`,
    'version twice': `{"schemaVersion":2,"title":"T","units":${units},"records":[${recs.join(',')}],"schemaVersion":1}`,
    'trailing comma in records': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')},]}`,
    'leading comma in records': `{"schemaVersion":1,"title":"T","units":${units},"records":[,${recs.join(',')}]}`,
    'empty item in records': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs[0]},,${recs[1]}]}`,
    'no records': `{"schemaVersion":1,"title":"T","units":${units},"records":[ ]}`,
    'records not a list': `{"schemaVersion":1,"title":"T","units":${units},"records":{"a":1}}`,
    'records null': `{"schemaVersion":1,"title":"T","units":${units},"records":null}`,
    'a broken record': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs[0]},{"unitId":"a","month":"2022-13"}]}`,
    'a record with a missing brace': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs[0]},{"unitId":"a"]}`,
    'text after the end': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')}]} x`,
    'a second object after the end': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')}]}{}`,
    'one brace too many': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')}]}}`,
    'cut off': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')}`,
    'byte-order mark': `\ufeff  {"schemaVersion":1,"title":"T","units":${units},"records":[${recs.join(',')}]}`,
    'byte-order mark after a blank': ` \ufeff{"schemaVersion":1,"title":"T","units":${units},"records":[]}`,
    'a list, not an object': `[${recs.join(',')}]`,
    'an HTML page': '\n<!doctype html><p>Not found</p>',
    blank: ' \n ',
    'records that are lists': `{"schemaVersion":1,"title":"T","units":${units},"records":[[1,{"a":2}],[3],{"b":[4,5]},[]]}`,
    'a unit id holding "},{"': `{"schemaVersion":1,"title":"T","units":[{"id":"a},{b","name":"A","level":"commune"}],"records":[${record('a},{b', '2022-01')},${record('a},{b', '2022-02')}]}`,
    'version as text': `{"schemaVersion":"1","title":"T","units":${units},"records":[${recs.join(',')}]}`,
    'version as an object': `{"schemaVersion":{"v":[1,2]},"title":"T","units":${units},"records":[${recs.join(',')}]}`,
    // Records as rows (record-rows.ts): read while they come only when recordFields and the version come first.
    rows: `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows.join(',')}]}`,
    'rows, recordFields first of all': `{"recordFields":${names},"schemaVersion":2,"title":"T","units":${units},"records":[${rows.join(',\n')}]}`,
    'rows, recordFields after the records': `{"schemaVersion":2,"title":"T","units":${units},"records":[${rows.join(',')}],"recordFields":${names}}`,
    'rows, records first of all': `{"records":[${rows.join(',')}],"recordFields":${names},"schemaVersion":2,"title":"T","units":${units}}`,
    'rows, recordFields twice': `{"schemaVersion":2,"title":"T","recordFields":${names},"units":${units},"recordFields":${names},"records":[${rows.join(',')}]}`,
    'rows, recordFields twice, the second after the records': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows.join(',')}],"recordFields":["month","unitId"]}`,
    'rows, the version after the records': `{"title":"T","units":${units},"recordFields":${names},"records":[${rows.join(',')}],"schemaVersion":2}`,
    'rows, no version': `{"title":"T","units":${units},"recordFields":${names},"records":[${rows.join(',')}]}`,
    'rows in version 1': `{"schemaVersion":1,"title":"T","units":${units},"recordFields":${names},"records":[${rows.join(',')}]}`,
    'rows, the version twice': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows.join(',')}],"schemaVersion":1}`,
    'rows, escaped recordFields key': `{"schemaVersion":2,"title":"T","units":${units},"record\\u0046ields":${names},"records":[${rows.join(',')}]}`,
    'rows, recordFields with blanks and newlines': `{"schemaVersion":2,"title":"T","units":${units},"recordFields": [\n "${NAMES.join('" ,\n\t"')}" \n] ,"records":[${rows.join(',')}]}`,
    'rows with blanks and newlines between them': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[\n  ${rows.join(' ,\n\t  ')}\n ]\n}\n`,
    'rows, none': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[]}`,
    'rows, a row too short': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows[0]},${JSON.stringify(rowOf('a', '2022-02').slice(0, -1))},${rows.slice(2).join(',')}]}`,
    'rows, a row too long': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows.slice(0, 3).join(',')},${JSON.stringify([...rowOf('b', '2022-02'), 0])}]}`,
    'rows, an empty row': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows[0]},[],${rows[1]}]}`,
    'rows, a row that is an object': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows[0]},${recs[1]},${rows.slice(2).join(',')}]}`,
    'rows, every row an object': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${recs.join(',')}]}`,
    'rows, a row that is a number': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows.slice(0, 2).join(',')},7,${rows.slice(2).join(',')}]}`,
    'rows, a null in a required field': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows[0]},${rowWith('a', '2022-02', 'received', null)},${rows.slice(2).join(',')}]}`,
    'rows, a null in an optional field': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows.slice(0, 3).join(',')},${rowWith('b', '2022-02', 'feesVnd', null)}]}`,
    'rows, a bad value': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows[0]},${rowWith('a', '2022-02', 'resolvedLate', -4)},${rows.slice(2).join(',')}]}`,
    'rows, a unit id holding "],["': `{"schemaVersion":2,"title":"T","units":[{"id":"a\\"],[\\"b","name":"A","level":"commune"},{"id":"c],[d","name":"C","level":"commune"}],"recordFields":${names},"records":[${[rowOf('a"],["b', '2022-01'), rowOf('a"],["b', '2022-02'), rowOf('c],[d', '2022-01'), rowOf('c],[d', '2022-02')].map((r) => JSON.stringify(r)).join(',')}]}`,
    'rows holding lists': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":["unitId","month","received"],"records":[["a","2022-01",[1]],["a",[3],[4]],[[5],[6],"b"],[[7],[8],[9],[]]]}`,
    'rows, __proto__ at the top': `{"schemaVersion":2,"title":"T","__proto__":{"x":1},"units":${units},"recordFields":${names},"records":[${rows.join(',')}]}`,
    'rows, recordFields with an unknown name': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names.replace('"received"', '"recieved"')},"records":[${rows.join(',')}]}`,
    'rows, recordFields naming a field twice': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names.replace('"feesVnd"', '"month"')},"records":[${rows.join(',')}]}`,
    'rows, recordFields empty': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":[],"records":[${rows.join(',')}]}`,
    'rows, recordFields not a list': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":{"0":"unitId"},"records":[${rows.join(',')}]}`,
    'rows, recordFields a string with commas': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":"unitId,month],[","records":[${rows.join(',')}]}`,
    'rows, recordFields not JSON': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":[unitId],"records":[${rows.join(',')}]}`,
    'rows, records not a list': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":{"a":[1]}}`,
    'rows, a trailing comma': `{"schemaVersion":2,"title":"T","units":${units},"recordFields":${names},"records":[${rows.join(',')},]}`,
  };

  // The records' cross-checks run while the records come only when the units (and fields) came before them.
  const byField = (unit: string, month: string, field: string) =>
    `{"unitId":"${unit}","month":"${month}","fieldId":"${field}","carriedOver":0,"received":3,"receivedOnline":1,"resolvedEarly":0,"resolvedOnTime":2,"resolvedLate":0,"pendingWithinDeadline":1,"pendingOverdue":0}`;
  const fieldList = '[{"id":"f","name":"F"},{"id":"g","name":"G"}]';
  Object.assign(texts, {
    'a record given twice': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs[0]},${recs[1]},${recs[0]}]}`,
    'a record of a unit not in the units': `{"schemaVersion":1,"title":"T","units":${units},"records":[${recs[0]},${record('z', '2022-01')}]}`,
    'units after the records': `{"schemaVersion":1,"title":"T","records":[${recs.join(',')}],"units":${units}}`,
    'units after the records, one unknown': `{"schemaVersion":1,"title":"T","records":[${record('z', '2022-01')},${recs[0]}],"units":${units}}`,
    'units twice, the record only in the first': `{"schemaVersion":1,"title":"T","units":[{"id":"z","name":"Z","level":"commune"}],"units":${units},"records":[${record('z', '2022-01')}]}`,
    'units twice, the record only in the second': `{"schemaVersion":1,"title":"T","units":${units},"units":[{"id":"z","name":"Z","level":"commune"}],"records":[${record('z', '2022-01')}]}`,
    'records by field, fields before them': `{"schemaVersion":2,"title":"T","units":${units},"fields":${fieldList},"records":[${byField('a', '2022-01', 'f')},${byField('a', '2022-01', 'g')},${byField('b', '2022-01', 'f')}]}`,
    'records by field, fields after them': `{"schemaVersion":2,"title":"T","units":${units},"records":[${byField('a', '2022-01', 'f')},${byField('a', '2022-01', 'g')}],"fields":${fieldList}}`,
    'records by field, a field not in the list': `{"schemaVersion":2,"title":"T","units":${units},"fields":${fieldList},"records":[${byField('a', '2022-01', 'f')},${byField('a', '2022-01', 'h')}]}`,
    'records by field, the same field twice': `{"schemaVersion":2,"title":"T","units":${units},"fields":${fieldList},"records":[${byField('a', '2022-01', 'f')},${byField('a', '2022-01', 'f')}]}`,
    'units before and after the records, the record only in the first': `{"schemaVersion":1,"title":"T","units":[{"id":"z","name":"Z","level":"commune"}],"records":[${record('z', '2022-01')}],"units":${units}}`,
    'fields before and after the records, the field only in the first': `{"schemaVersion":2,"title":"T","units":${units},"fields":[{"id":"h","name":"H"}],"records":[${byField('a', '2022-01', 'h')}],"fields":${fieldList}}`,
    'units not a list': `{"schemaVersion":1,"title":"T","units":{"a":1},"records":[${recs[0]}]}`,
  });

  for (const [name, text] of Object.entries(texts)) {
    it(`reads "${name}" as parsing the whole text does, wherever the pieces are cut`, () => {
      fc.assert(
        fc.property(cutsOf(text), runChars, (cuts, run) => {
          expectSameAsWhole(text, cuts, run);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('finds the records valid or not as they are, not by their position in the file', () => {
    const first = readInPieces(texts['records first'] as string, [40, 200], 64);
    const last = readInPieces(texts['records last'] as string, [40, 200], 64);
    expect(first.ok && last.ok).toBe(true);
    if (first.ok && last.ok) expect(first.dataset.records).toEqual(last.dataset.records);
    const broken = readInPieces(texts['a broken record'] as string, [300], 7);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors.map((e) => e.path)).toContain('records[1].month');
  });

  it('reads rows, with recordFields and the version before them, as the records they stand for', () => {
    const asObjects = `{"schemaVersion":2,"title":"T","units":${units},"records":[${recs.join(',')}]}`;
    const expected = parseDatasetText(asObjects);
    expect(expected.ok).toBe(true);
    for (const name of ['rows', 'rows, recordFields first of all', 'rows with blanks and newlines between them']) {
      fallbacks.count = 0;
      const read = readInPieces(texts[name] as string, [60, 300, 301, 420], 64);
      expect(read, name).toEqual(expected);
      // Read as it came: the whole text was never handed to parseDatasetText.
      expect(fallbacks.count, name).toBe(0);
    }
    // The count counts: an HTML page always goes to parseDatasetText.
    fallbacks.count = 0;
    readInPieces(texts['an HTML page'] as string, [3], 64);
    expect(fallbacks.count).toBe(1);
    const nullRequired = readInPieces(texts['rows, a null in a required field'] as string, [500], 7);
    expect(nullRequired.ok).toBe(false);
    if (!nullRequired.ok) {
      expect(nullRequired.errors).toEqual([{ path: 'records[1].received', code: 'missing_field' }]);
    }
  });

  it('reads a long file of rows in small runs, cut every 50 characters, as the same file with objects', () => {
    const unitList = [{ id: 'd', name: 'Huyện Thử', level: 'district' }];
    const records: Record<string, unknown>[] = [];
    for (let u = 0; u < 20; u++) {
      unitList.push({ id: `c${u}`, name: `Xã ${u} "],["`, level: 'commune', parentId: 'd' } as (typeof unitList)[0]);
      let carried = u % 3;
      for (let m = 0; m < 24; m++) {
        const received = 10 + ((u * 7 + m * 3) % 40);
        const onTime = Math.floor(received / 2);
        const pending = carried + received - onTime;
        const r: Record<string, unknown> = {
          unitId: `c${u}`,
          month: `${2022 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
          carriedOver: carried,
          received,
        };
        // Online as the total for even units, as both levels for odd ones; fees and Saturdays only sometimes.
        if (u % 2 === 0) r.receivedOnline = Math.floor(received / 3);
        else {
          r.receivedOnlineLevel3 = Math.floor(received / 4);
          r.receivedOnlineLevel4 = Math.floor(received / 5);
        }
        Object.assign(r, { resolvedEarly: 0, resolvedOnTime: onTime, resolvedLate: 0 });
        Object.assign(r, { pendingWithinDeadline: pending, pendingOverdue: 0 });
        if (m % 3 !== 0) r.feesVnd = received * 1000;
        if (u === 5) r.saturdayReceived = 1;
        records.push(r);
        carried = pending;
      }
    }
    const head = { schemaVersion: 2, title: 'Huyện Thử', units: unitList };
    const objectsText = JSON.stringify({ ...head, records }, null, 2);
    const { recordFields, rows: rowList } = recordRows(records as DatasetRecord[]);
    const body = rowList.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
    const rowsText = `${JSON.stringify({ ...head, recordFields }, null, 2).slice(0, -2)},\n  "records": [\n${body}\n  ]\n}\n`;
    expect(rowsText.length).toBeGreaterThan(20_000);

    const expected = parseDatasetText(objectsText);
    expect(expected.ok).toBe(true);
    if (!expected.ok) return;
    expect(expected.dataset.records).toHaveLength(480);
    const cuts = Array.from({ length: Math.floor(rowsText.length / 50) }, (_, k) => (k + 1) * 50);
    fallbacks.count = 0;
    const read = readInPieces(rowsText, cuts, 64);
    expect(fallbacks.count).toBe(0);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.dataset.records).toEqual(expected.dataset.records);
    expect(read).toEqual(expected);
    expect(read).toEqual(parseDatasetText(rowsText));
  });
});

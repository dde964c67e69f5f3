import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDatasetReader } from './dataset-stream.ts';
import { parseDatasetText } from './validate.ts';

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
  };

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
});

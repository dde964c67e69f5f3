import { describe, expect, it } from 'vitest';
import { datasetJsonText } from './dataset-json-text.ts';
import type { Dataset } from './schema.ts';
import { parseDatasetText } from './validate.ts';

const DATASET: Dataset = {
  $schema: 'other.json',
  schemaVersion: 2,
  title: 'Xã A',
  units: [{ id: 'xa-a', name: 'Xã A', level: 'commune' }],
  records: [
    {
      unitId: 'xa-a',
      month: '2024-01',
      carriedOver: 2,
      received: 10,
      receivedOnline: 4,
      resolvedEarly: 0,
      resolvedOnTime: 9,
      resolvedLate: 1,
      pendingWithinDeadline: 2,
      pendingOverdue: 0,
    },
    {
      unitId: 'xa-a',
      month: '2024-02',
      carriedOver: 2,
      received: 5,
      receivedOnline: 5,
      resolvedEarly: 1,
      resolvedOnTime: 3,
      resolvedLate: 0,
      pendingWithinDeadline: 3,
      pendingOverdue: 0,
      feesVnd: 150_000,
    },
  ],
};

describe('datasetJsonText', () => {
  it('writes "$schema" first, two-space indentation, and the records as rows, one a line, after their field names', () => {
    const text = datasetJsonText(DATASET);
    expect(text.startsWith('{\n  "$schema": "./schema.json",\n  "schemaVersion": 2,\n  "title": "Xã A",')).toBe(true);
    expect(
      text.endsWith(
        [
          '  "recordFields": [',
          '    "unitId",',
          '    "month",',
          '    "carriedOver",',
          '    "received",',
          '    "receivedOnline",',
          '    "resolvedEarly",',
          '    "resolvedOnTime",',
          '    "resolvedLate",',
          '    "pendingWithinDeadline",',
          '    "pendingOverdue",',
          '    "feesVnd"',
          '  ],',
          '  "records": [',
          '    ["xa-a","2024-01",2,10,4,0,9,1,2,0,null],',
          '    ["xa-a","2024-02",2,5,5,1,3,0,3,0,150000]',
          '  ]',
          '}',
          '',
        ].join('\n'),
      ),
    ).toBe(true);
  });

  it('gives back the same dataset when read, a left-out field staying left out', () => {
    const read = parseDatasetText(datasetJsonText(DATASET));
    expect(read.ok && read.dataset).toEqual({ ...DATASET, $schema: './schema.json' });
    // Left out: undefined, so not written either.
    expect(read.ok && read.dataset.records[0]?.feesVnd).toBeUndefined();
    expect(read.ok && JSON.parse(datasetJsonText(read.dataset))).toEqual(JSON.parse(datasetJsonText(DATASET)));
  });

  it('keeps records as objects where rows cannot be used: version 1, or no records', () => {
    const v1 = datasetJsonText({ ...DATASET, schemaVersion: 1, records: [] });
    expect(JSON.parse(v1)).toEqual({ ...DATASET, $schema: './schema.json', schemaVersion: 1, records: [] });
    const empty = JSON.parse(datasetJsonText({ ...DATASET, records: [] })) as Record<string, unknown>;
    expect(empty.records).toEqual([]);
    expect(Object.hasOwn(empty, 'recordFields')).toBe(false);
  });
});

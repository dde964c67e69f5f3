import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  COUNT_FIELDS,
  COUNT_FIELDS_V2,
  DATASET_SCHEMAS,
  type Dataset,
  type DatasetRecord,
  type DatasetRecordV1,
  type DatasetV1,
  type DatasetV2,
  recordSchemaV1,
  recordSchemaV2,
  SUPPORTED_SCHEMA_VERSIONS,
} from './schema.ts';

describe('one internal type for both versions', () => {
  // Checked by the type checker (npm run typecheck): were a version-1 file not a Dataset as it
  // stands, the code after validation would have to branch on the version.
  it('takes a version-1 dataset and record as they are, and a version-2 one', () => {
    expectTypeOf<DatasetV1>().toExtend<Dataset>();
    expectTypeOf<DatasetV2>().toExtend<Dataset>();
    expectTypeOf<DatasetRecordV1>().toExtend<DatasetRecord>();
    expectTypeOf<Dataset['schemaVersion']>().toEqualTypeOf<1 | 2>();
    // Version 2 makes fees and the level split optional; the online total is new.
    expectTypeOf<DatasetRecord['feesVnd']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<DatasetRecord['receivedOnline']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<DatasetRecordV1['feesVnd']>().toEqualTypeOf<number>();
    // And at run time: a record valid under version 1 is a valid record of the internal (version 2) shape.
    const v1: DatasetRecordV1 = {
      unitId: 'x',
      month: '2022-01',
      carriedOver: 1,
      received: 10,
      receivedOnlineLevel3: 2,
      receivedOnlineLevel4: 3,
      resolvedEarly: 4,
      resolvedOnTime: 5,
      resolvedLate: 0,
      pendingWithinDeadline: 2,
      pendingOverdue: 0,
      feesVnd: 1000,
    };
    expect(v.is(recordSchemaV1, v1)).toBe(true);
    expect(v.is(recordSchemaV2, v1)).toBe(true);
  });

  it('has a schema for every version it reads', () => {
    expect(Object.keys(DATASET_SCHEMAS).map(Number)).toEqual([...SUPPORTED_SCHEMA_VERSIONS]);
  });

  it('lists as counts exactly the record fields that are not text, per version', () => {
    const text = new Set(['unitId', 'month', 'fieldId']);
    expect([...COUNT_FIELDS]).toEqual(Object.keys(recordSchemaV1.entries).filter((k) => !text.has(k)));
    expect([...COUNT_FIELDS_V2]).toEqual(Object.keys(recordSchemaV2.entries).filter((k) => !text.has(k)));
  });
});

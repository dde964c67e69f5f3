import { RECORD_FIELDS_KEY, recordRows } from './record-rows.ts';
import type { Dataset } from './schema.ts';

/**
 * The JSON text of a dataset as the tools write it (`tthc convert`, the import panel's download): `$schema`
 * first, two-space indentation, and a version-2 dataset's records as rows, one row a line, after
 * `recordFields` and at the end of the file, so the dashboard can read the records while the file downloads.
 */
export function datasetJsonText(dataset: Dataset, schema = './schema.json'): string {
  const { $schema: _ignored, records, ...rest } = dataset;
  if (dataset.schemaVersion !== 2 || records.length === 0) {
    return `${JSON.stringify({ $schema: schema, ...rest, records }, null, 2)}\n`;
  }
  const { recordFields, rows } = recordRows(records);
  const head = JSON.stringify({ $schema: schema, ...rest, [RECORD_FIELDS_KEY]: recordFields }, null, 2);
  // The head ends in "\n}": the records go in before that brace.
  const body = rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  return `${head.slice(0, -2)},\n  "records": [\n${body}\n  ]\n}\n`;
}

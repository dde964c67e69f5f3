import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { RECORD_FIELD_NAMES, RECORD_FIELDS_KEY } from '../src/domain/record-rows.ts';
import { datasetSchemaV1, datasetSchemaV2 } from '../src/domain/schema.ts';

export const SCHEMA_PATH = 'data/schema.json';

type JsonObject = Record<string, unknown>;

/** One version's schema as valibot describes it, without its own `$schema` line. */
function versionSchema(schema: typeof datasetSchemaV1 | typeof datasetSchemaV2): JsonObject {
  const generated = toJsonSchema(schema, { errorMode: 'ignore' }) as JsonObject;
  return Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema'));
}

/**
 * Version 2's record rules that JSON Schema can state: the online dossiers are
 * given as `receivedOnline` or as both levels (or all three), and one level
 * never without the other. That the total equals the levels' sum, and every
 * rule across records, only the dashboard's validator checks.
 */
function withOnlineRules(item: JsonObject): JsonObject {
  return {
    ...item,
    anyOf: [{ required: ['receivedOnline'] }, { required: ['receivedOnlineLevel3', 'receivedOnlineLevel4'] }],
    dependencies: {
      receivedOnlineLevel3: ['receivedOnlineLevel4'],
      receivedOnlineLevel4: ['receivedOnlineLevel3'],
    },
  };
}

/**
 * Version 2 with its records as objects or as rows (src/domain/record-rows.ts): with `recordFields`, the
 * names of version 2's record fields, each once, every record is a list of values (text, count or null);
 * without it, every record is an object with the online rules. JSON Schema cannot tie a row's values to
 * those names (the row's length, a null in a required field, a text where a count belongs): the dashboard
 * reads each row back into a record and checks it as any other. Version 1 has no `recordFields`, so a
 * version-1 file with one is refused as having an unknown field.
 */
function withRecordRows(v2: JsonObject): JsonObject {
  const { records, ...properties } = v2.properties as JsonObject;
  const { items, ...list } = records as JsonObject;
  const item = items as JsonObject;
  const count = (item.properties as JsonObject).carriedOver as JsonObject;
  const recordFields = {
    type: 'array',
    description:
      "Records written as rows: the record fields in the order of each row's values (version 2 only; see docs/data-format.md).",
    items: { enum: [...RECORD_FIELD_NAMES] },
    uniqueItems: true,
    minItems: 1,
  };
  const row = { type: 'array', items: { anyOf: [{ type: 'string' }, count, { type: 'null' }] } };
  return {
    ...v2,
    // recordFields before records, as a file should write them.
    properties: { ...properties, [RECORD_FIELDS_KEY]: recordFields, records: list },
    if: { required: [RECORD_FIELDS_KEY] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword; this object is data, never awaited.
    then: { properties: { records: { items: row } } },
    else: { properties: { records: { items: withOnlineRules(item) } } },
  };
}

/**
 * data/schema.json, made from the runtime schema so editors check the same
 * field rules as the dashboard, for both versions of the contract: the file's
 * `schemaVersion` picks which (2 → version 2, anything else → version 1, which
 * then names what is wrong), and version 2 may write its records as rows.
 * Rules across values (unique ids, one record per unit, month and field,
 * online ≤ received) are only in the dashboard's validator.
 */
export function buildJsonSchema(): Record<string, unknown> {
  const v1 = versionSchema(datasetSchemaV1);
  const v2 = withRecordRows(versionSchema(datasetSchemaV2));
  return {
    $schema: (toJsonSchema(datasetSchemaV1, { errorMode: 'ignore' }) as JsonObject).$schema,
    title: 'Dữ liệu giải quyết thủ tục hành chính (TTHC), phiên bản 1 và 2 / TTHC dossier dataset, versions 1 and 2',
    description:
      'One JSON object per dataset; see docs/data-format.md. "schemaVersion": 2 is checked against definitions.v2, any other value against definitions.v1. Generated from src/domain/schema.ts by npm run generate:schema — do not edit by hand.',
    if: { properties: { schemaVersion: { const: 2 } }, required: ['schemaVersion'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keyword; this object is data, never awaited.
    then: { $ref: '#/definitions/v2' },
    else: { $ref: '#/definitions/v1' },
    definitions: { v1, v2 },
  };
}

export function schemaText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = schemaText();
  if (process.argv.includes('--check')) {
    if (readFileSync(SCHEMA_PATH, 'utf8') !== text) {
      console.error(`${SCHEMA_PATH} is out of date: run npm run generate:schema`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(SCHEMA_PATH, text);
    console.log(`wrote ${SCHEMA_PATH}`);
  }
}

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
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
function withOnlineRules(v2: JsonObject): JsonObject {
  const properties = v2.properties as JsonObject;
  const records = properties.records as JsonObject;
  const item = records.items as JsonObject;
  return {
    ...v2,
    properties: {
      ...properties,
      records: {
        ...records,
        items: {
          ...item,
          anyOf: [{ required: ['receivedOnline'] }, { required: ['receivedOnlineLevel3', 'receivedOnlineLevel4'] }],
          dependencies: {
            receivedOnlineLevel3: ['receivedOnlineLevel4'],
            receivedOnlineLevel4: ['receivedOnlineLevel3'],
          },
        },
      },
    },
  };
}

/**
 * data/schema.json, made from the runtime schema so editors check the same
 * field rules as the dashboard, for both versions of the contract: the file's
 * `schemaVersion` picks which (2 → version 2, anything else → version 1, which
 * then names what is wrong). Rules across values (unique ids, one record per
 * unit, month and field, online ≤ received) are only in the dashboard's validator.
 */
export function buildJsonSchema(): Record<string, unknown> {
  const v1 = versionSchema(datasetSchemaV1);
  const v2 = withOnlineRules(versionSchema(datasetSchemaV2));
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

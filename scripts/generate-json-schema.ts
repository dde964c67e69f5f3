import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { datasetSchema } from '../src/domain/schema.ts';

export const SCHEMA_PATH = 'data/schema.json';

/**
 * data/schema.json, made from the runtime schema so editors check the same
 * field rules as the dashboard. Rules across values (unique ids, one record
 * per unit and month, online ≤ received) are only in the dashboard's validator.
 */
export function buildJsonSchema(): Record<string, unknown> {
  const generated = toJsonSchema(datasetSchema, { errorMode: 'ignore' }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    title: 'Dữ liệu giải quyết thủ tục hành chính (TTHC), phiên bản 1 / TTHC dossier dataset, version 1',
    description:
      'One JSON object per dataset; see docs/data-format.md. Generated from src/domain/schema.ts by npm run generate:schema — do not edit by hand.',
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema')),
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

import * as v from 'valibot';

/**
 * The data contract, versions 1 and 2: the one definition of the dataset's
 * shape. Types below are inferred from it; `data/schema.json` is generated
 * from it (scripts/generate-json-schema.ts). Rules that span several values
 * (unique ids, parent cycles, one record per unit, month and field, the
 * online figures of a record, online ≤ received) are checked in validate.ts,
 * because JSON Schema cannot express them all and we want every such error
 * reported with its own path.
 *
 * Version 1 is read exactly as it always was. Version 2
 * (docs/decisions/0007-data-contract-v2.md) adds procedure fields (`fields`,
 * a record's `fieldId`), the online total `receivedOnline` (the level 3/4
 * split becomes optional), and makes `feesVnd` optional (absent: not
 * reported). Both versions are read into one internal type, `Dataset`: a
 * version-1 file is a version-2 dataset that uses none of the new fields.
 */

export const SUPPORTED_SCHEMA_VERSIONS = [1, 2] as const;
export type SchemaVersion = (typeof SUPPORTED_SCHEMA_VERSIONS)[number];

export const LEVELS = ['province', 'district', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
// Not blank: at least one non-space character. Kept as typed (no trimming) so
// what is shown is what the file says.
const nonEmpty = v.pipe(v.string(), v.regex(/\S/));
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
const month = v.pipe(v.string(), v.regex(MONTH_PATTERN));

/** Version 1: one unit's figures for one month; online split into levels 3 and 4, fees always given. */
export const recordSchemaV1 = v.strictObject({
  unitId: nonEmpty,
  month,
  carriedOver: count,
  received: count,
  receivedOnlineLevel3: count,
  receivedOnlineLevel4: count,
  resolvedEarly: count,
  resolvedOnTime: count,
  resolvedLate: count,
  withdrawn: v.optional(count),
  pendingWithinDeadline: count,
  pendingOverdue: count,
  feesVnd: count,
  interlinked: v.optional(count),
  saturdayReceived: v.optional(count),
  apologyLetters: v.optional(count),
});

/**
 * Version 2: one unit's figures for one month and, when `fieldId` is given,
 * one procedure field. The online figures are `receivedOnline`, or both
 * levels, or all three; which combinations are allowed is checked in
 * validate.ts (so that each mistake gets its own message and path).
 */
export const recordSchemaV2 = v.strictObject({
  unitId: nonEmpty,
  month,
  fieldId: v.optional(nonEmpty),
  carriedOver: count,
  received: count,
  receivedOnline: v.optional(count),
  receivedOnlineLevel3: v.optional(count),
  receivedOnlineLevel4: v.optional(count),
  resolvedEarly: count,
  resolvedOnTime: count,
  resolvedLate: count,
  withdrawn: v.optional(count),
  pendingWithinDeadline: count,
  pendingOverdue: count,
  feesVnd: v.optional(count),
  interlinked: v.optional(count),
  saturdayReceived: v.optional(count),
  apologyLetters: v.optional(count),
});

/** A procedure field (lĩnh vực) of version 2: land, civil status, authentication… */
export const fieldSchema = v.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  code: v.optional(nonEmpty),
});

export const unitSchema = v.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  level: v.picklist(LEVELS),
  parentId: v.optional(nonEmpty),
  code: v.optional(nonEmpty),
});

export const factSchema = v.strictObject({
  label: nonEmpty,
  value: v.union([v.number(), nonEmpty]),
  unit: v.optional(v.string()),
  note: v.optional(v.string()),
});

export const targetsSchema = v.strictObject({
  onTimeRate: v.optional(fraction),
  onlineRate: v.optional(fraction),
});

export const datasetSchemaV1 = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.literal(1),
  title: nonEmpty,
  source: v.optional(v.string()),
  illustrative: v.optional(v.boolean()),
  updatedAt: v.optional(v.pipe(v.string(), v.regex(DATE_PATTERN))),
  targets: v.optional(targetsSchema),
  facts: v.optional(v.array(factSchema)),
  units: v.pipe(v.array(unitSchema), v.minLength(1)),
  records: v.array(recordSchemaV1),
});

export const datasetSchemaV2 = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.literal(2),
  title: nonEmpty,
  source: v.optional(v.string()),
  illustrative: v.optional(v.boolean()),
  updatedAt: v.optional(v.pipe(v.string(), v.regex(DATE_PATTERN))),
  targets: v.optional(targetsSchema),
  facts: v.optional(v.array(factSchema)),
  fields: v.optional(v.array(fieldSchema)),
  units: v.pipe(v.array(unitSchema), v.minLength(1)),
  records: v.array(recordSchemaV2),
});

/** The schema of each version, chosen by the file's `schemaVersion`. */
export const DATASET_SCHEMAS = { 1: datasetSchemaV1, 2: datasetSchemaV2 } as const;

/** The internal record: a version-2 record; every version-1 record is one. */
export type DatasetRecord = v.InferOutput<typeof recordSchemaV2>;
export type DatasetRecordV1 = v.InferOutput<typeof recordSchemaV1>;
export type Field = v.InferOutput<typeof fieldSchema>;
export type Unit = v.InferOutput<typeof unitSchema>;
export type Fact = v.InferOutput<typeof factSchema>;
export type Targets = v.InferOutput<typeof targetsSchema>;
export type DatasetV1 = v.InferOutput<typeof datasetSchemaV1>;
export type DatasetV2 = v.InferOutput<typeof datasetSchemaV2>;
/**
 * The one internal dataset type: the version-2 shape, whatever version the
 * file states. A version-1 dataset is one as it stands (schema.test.ts checks
 * this at compile time), so no code after validation branches on the version.
 */
export type Dataset = Omit<DatasetV2, 'schemaVersion'> & { schemaVersion: SchemaVersion };

/** The record fields of version 1 that are counts, in the order of the contract (the spreadsheet's columns). */
export const COUNT_FIELDS = [
  'carriedOver',
  'received',
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
] as const satisfies readonly (keyof DatasetRecordV1)[];
export type CountField = (typeof COUNT_FIELDS)[number];

/** The record fields of version 2 that are counts, in the order of the contract. */
export const COUNT_FIELDS_V2 = [
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
] as const satisfies readonly (keyof DatasetRecord)[];
export type CountFieldV2 = (typeof COUNT_FIELDS_V2)[number];

/** Optional fields whose absence means "not reported" (never 0). In version 2 `feesVnd` is one too. */
export const REPORTED_OPTIONAL_FIELDS = ['interlinked', 'saturdayReceived', 'apologyLetters'] as const;

export const DEFAULT_TARGETS = { onTimeRate: 0.95, onlineRate: 0.5 } as const;

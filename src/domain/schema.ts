import * as v from 'valibot';

/**
 * The data contract, version 1: the one definition of the dataset's shape.
 * Types below are inferred from it; `data/schema.json` is generated from it
 * (scripts/generate-json-schema.ts). Rules that span several values (unique
 * ids, parent cycles, one record per unit and month, online ≤ received) are
 * checked in validate.ts, because JSON Schema cannot express them and we want
 * every such error reported with its own path.
 */

export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;

export const LEVELS = ['province', 'district', 'commune'] as const;
export type Level = (typeof LEVELS)[number];

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
// Not blank: at least one non-space character. Kept as typed (no trimming) so
// what is shown is what the file says.
const nonEmpty = v.pipe(v.string(), v.regex(/\S/));
const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

export const recordSchema = v.strictObject({
  unitId: nonEmpty,
  month: v.pipe(v.string(), v.regex(MONTH_PATTERN)),
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

export const datasetSchema = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.literal(1),
  title: nonEmpty,
  source: v.optional(v.string()),
  illustrative: v.optional(v.boolean()),
  updatedAt: v.optional(v.pipe(v.string(), v.regex(DATE_PATTERN))),
  targets: v.optional(targetsSchema),
  facts: v.optional(v.array(factSchema)),
  units: v.pipe(v.array(unitSchema), v.minLength(1)),
  records: v.array(recordSchema),
});

export type DatasetRecord = v.InferOutput<typeof recordSchema>;
export type Unit = v.InferOutput<typeof unitSchema>;
export type Fact = v.InferOutput<typeof factSchema>;
export type Targets = v.InferOutput<typeof targetsSchema>;
export type Dataset = v.InferOutput<typeof datasetSchema>;

/** The record fields that are counts, in the order of the contract. */
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
] as const satisfies readonly (keyof DatasetRecord)[];
export type CountField = (typeof COUNT_FIELDS)[number];

/** Optional fields whose absence means "not reported" (never 0). */
export const REPORTED_OPTIONAL_FIELDS = ['interlinked', 'saturdayReceived', 'apologyLetters'] as const;

export const DEFAULT_TARGETS = { onTimeRate: 0.95, onlineRate: 0.5 } as const;

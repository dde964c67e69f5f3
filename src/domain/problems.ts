/**
 * What validation finds, as data. Messages are made from these by
 * messages.ts so the browser and the command line say the same thing in
 * either language.
 */

export type ErrorCode =
  | 'empty_file'
  | 'html_instead_of_json'
  | 'json_syntax'
  | 'json_truncated'
  | 'not_an_object'
  | 'schema_version'
  | 'missing_field'
  | 'unknown_field'
  | 'wrong_type'
  | 'not_integer'
  | 'negative'
  | 'too_large'
  | 'blank'
  | 'bad_month'
  | 'bad_date'
  | 'bad_level'
  | 'fraction_range'
  | 'too_few_units'
  | 'duplicate_unit'
  | 'unknown_parent'
  | 'parent_cycle'
  | 'unknown_unit'
  | 'duplicate_record'
  | 'duplicate_field'
  | 'unknown_field_id'
  | 'mixed_fields'
  | 'online_missing'
  | 'online_level_missing'
  | 'online_sum_mismatch'
  | 'online_exceeds_received'
  | 'part_exceeds_received'
  | 'record_fields_version'
  | 'record_fields_list'
  | 'unknown_record_field'
  | 'duplicate_record_field'
  | 'row_not_list'
  | 'row_length'
  | 'invalid';

export interface DataError {
  /** Where, as `records[12].month`; empty for the file as a whole. */
  path: string;
  code: ErrorCode;
  /** The offending value, shortened for display; absent when there is none. */
  value?: string;
  /** Extra facts the message needs: the expected type, a line number, a suggestion… */
  detail?: Record<string, string | number>;
}

export type WarningCode = 'flow_identity' | 'month_chain';

export interface DataWarning {
  code: WarningCode;
  path: string;
  unitId: string;
  /** The procedure field of the series, when the unit reports by field (version 2). */
  fieldId?: string;
  month: string;
  /** Left and right sides of the equation that fails. */
  left: number;
  right: number;
}

export const MAX_VALUE_LENGTH = 60;

/** Show a value the way it was typed, cut to a readable length. */
export function shortValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'undefined';
  else if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else if (Array.isArray(value)) text = `[…] (${value.length})`;
  else if (typeof value === 'object') text = '{…}';
  else text = String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

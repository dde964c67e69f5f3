import type { DataError, DataWarning } from '../problems.ts';
import type { Dataset } from '../schema.ts';
import type { Place } from './places.ts';

/**
 * What reading spreadsheets finds, as data: cells in, a dataset or placed
 * errors out. messages.ts words them in either language.
 */

/** One sheet's cells, as a spreadsheet library or the CSV parser gives them. */
export interface SheetCells {
  name: string;
  rows: readonly (readonly unknown[])[];
}

/** One file's sheets. A CSV file holds one table, and its "sheet" is the file itself. */
export interface WorkbookCells {
  fileName: string;
  kind: 'xlsx' | 'csv';
  sheets: readonly SheetCells[];
}

export type SheetErrorCode =
  // the file
  | 'unreadable_file'
  | 'legacy_xls'
  | 'not_utf8'
  | 'no_table'
  // the project's own table
  | 'no_header'
  | 'missing_column'
  | 'duplicate_column'
  | 'no_rows'
  | 'required'
  | 'not_count'
  | 'bad_month'
  | 'bad_level'
  | 'not_text'
  | 'unit_disagrees'
  | 'field_disagrees'
  | 'info_unknown'
  | 'info_duplicate'
  | 'info_value'
  // the official report form
  | 'report_missing_column'
  | 'report_duplicate_column'
  | 'report_no_unit'
  | 'report_unit_level'
  | 'report_no_period'
  | 'report_period_long'
  | 'report_period_order'
  | 'report_period_disagrees'
  | 'report_no_rows'
  | 'row_sum'
  | 'total_row'
  | 'group_row'
  | 'no_field_name'
  // the units file
  | 'units_unknown_unit'
  | 'units_duplicate'
  // the data contract, after conversion
  | 'contract';

export interface SheetError {
  code: SheetErrorCode;
  /** Null for the whole set of files. */
  place: Place | null;
  /** The cell as the user sees it. */
  value?: string | number | boolean;
  detail?: Record<string, string | number>;
  /** The other place an error speaks of (the first row of a duplicate, the row a unit was first read on). */
  other?: Place;
  /** For `contract`: the error of validateDataset, its path already translated into `place`. */
  contract?: DataError;
}

export interface SheetWarning {
  warning: DataWarning;
  place: Place | null;
  unitName: string;
  fieldName?: string;
}

export type SheetNoteCode =
  | 'ignored_column'
  | 'example_row'
  | 'title_from_file_name'
  | 'title_made'
  | 'rule_row_skipped'
  | 'sheet_skipped'
  | 'info_ignored'
  | 'report_read';

export interface SheetNote {
  code: SheetNoteCode;
  place: Place | null;
  value?: string;
  detail?: Record<string, string | number>;
}

export type ConvertResult =
  | { ok: true; dataset: Dataset; warnings: SheetWarning[]; notes: SheetNote[] }
  | { ok: false; errors: SheetError[]; errorCount: number; notes: SheetNote[] };

/** The list of problems of one conversion, collected in any order and sorted by place at the end. */
export interface Findings {
  errors: SheetError[];
  notes: SheetNote[];
}

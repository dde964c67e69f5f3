import type { CountFieldV2, Level } from '../schema.ts';
import type { Place, SheetColumn } from './places.ts';

/**
 * What one sheet gives, whether it is the project's table or an official
 * report: its units, fields and records, each with the place it came from,
 * before they are merged with the other sheets into one dataset (convert.ts).
 */

export type UnitAttribute = 'id' | 'name' | 'level' | 'parentId' | 'code';

export interface ReadUnit {
  /** Given by the table; a report names its unit only, and convert.ts gives it an id. */
  id?: string;
  name?: string;
  level?: Level;
  parentId?: string;
  code?: string;
  /** Where the unit is first named: its first row in a table, the line naming it in a report. */
  place: Place;
  /** Where each attribute was read. */
  at: Partial<Record<UnitAttribute, Place>>;
  /** Attributes whose cell was refused (already reported; the contract's check would only repeat it). */
  refused: Set<UnitAttribute>;
  origin: 'table' | 'report';
}

export interface ReadField {
  /** Given by the table; otherwise made from the name. */
  id?: string;
  name: string;
  place: Place;
}

export interface ReadRecord {
  /** Index into the sheet's units. */
  unit: number;
  /** Index into the sheet's fields. */
  field?: number;
  month?: string;
  counts: Partial<Record<CountFieldV2, number>>;
  /** The row. */
  place: Place;
  /** Which column of the sheet each contract key came from, to put the contract's errors on it. */
  columns: ReadonlyMap<string, SheetColumn>;
  /** Read without an error in any of its cells; only such records go on to the contract's check. */
  complete: boolean;
}

export interface SheetRead {
  kind: 'table' | 'report';
  units: ReadUnit[];
  fields: ReadField[];
  records: ReadRecord[];
}

import { COUNT_FIELDS_V2 } from '../schema.ts';
import { isEmptyCell, type Parsed, parseCount, parseLevel, parseMonth, parseText, shownValue } from './cells.ts';
import type { Place, SheetColumn } from './places.ts';
import type { Findings, SheetCells, SheetErrorCode } from './problems.ts';
import type { ReadField, ReadRecord, ReadUnit, SheetRead, UnitAttribute } from './sheet-read.ts';
import {
  type ColumnKey,
  type ColumnKind,
  EXAMPLE_UNIT_ID,
  isRuleText,
  recogniseHeader,
  TEMPLATE_COLUMNS,
  type TemplateColumn,
} from './template-columns.ts';
import { normalizeLabel, oneLine, slugify } from './text.ts';

/** Reading the project's own table (the template): one row per unit, month and, optionally, field. */

const HEADER_SEARCH_ROWS = 20;

/** The row (0-based) of the template's header, if one of the first rows names two or more of its columns. */
export function findTemplateHeader(sheet: SheetCells): number | undefined {
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
    const keys = new Set((sheet.rows[r] ?? []).map(recogniseHeader).filter((k) => k !== undefined));
    if (keys.size >= 2) return r;
  }
  return undefined;
}

interface Header {
  /** 1-based row of the header. */
  row: number;
  columns: Map<ColumnKey, SheetColumn>;
}

function readHeader(sheet: SheetCells, base: Place, findings: Findings): Header | undefined {
  const at = findTemplateHeader(sheet);
  if (at === undefined) {
    const expected = TEMPLATE_COLUMNS.filter((c) => c.required)
      .map((c) => `"${c.label.vi}"`)
      .join(', ');
    findings.errors.push({ code: 'no_header', place: base, detail: { expected } });
    return undefined;
  }
  const row = at + 1;
  const columns = new Map<ColumnKey, SheetColumn>();
  (sheet.rows[at] ?? []).forEach((cell, index) => {
    if (isEmptyCell(cell)) return;
    const header = oneLine(String(cell));
    const key = recogniseHeader(cell);
    const here: Place = { ...base, row, column: header, columnIndex: index };
    if (!key) {
      findings.notes.push({ code: 'ignored_column', place: here, value: header });
      return;
    }
    const seen = columns.get(key);
    if (seen) {
      findings.errors.push({ code: 'duplicate_column', place: here, detail: { other: seen.header } });
      return;
    }
    columns.set(key, { header, index });
  });
  for (const c of TEMPLATE_COLUMNS) {
    if (c.required && !columns.has(c.key)) {
      findings.errors.push({
        code: 'missing_column',
        place: { ...base, row },
        detail: { label: c.label.vi, key: c.key },
      });
    }
  }
  return { row, columns };
}

function parseCell(col: TemplateColumn, cell: unknown): Parsed<string | number> {
  switch (col.kind) {
    case 'count':
      return parseCount(cell, { currency: col.key === 'feesVnd' });
    case 'month':
      return parseMonth(cell);
    case 'level':
      return parseLevel(cell);
    default:
      return parseText(cell);
  }
}

const KIND_ERROR: Record<ColumnKind, SheetErrorCode> = {
  count: 'not_count',
  month: 'bad_month',
  level: 'bad_level',
  text: 'not_text',
};

const UNIT_COLUMN: Record<Exclude<UnitAttribute, 'id'>, ColumnKey> = {
  name: 'unitName',
  level: 'level',
  parentId: 'parentId',
  code: 'code',
};

/** Contract keys of a record and of its unit, and the template column each comes from. */
const CONTRACT_COLUMN: Record<string, ColumnKey> = {
  unitId: 'unitId',
  month: 'month',
  fieldId: 'fieldId',
  ...Object.fromEntries(COUNT_FIELDS_V2.map((f) => [f, f])),
};

/** Where a unit attribute's contract key sits in the template. */
export const UNIT_ATTRIBUTE_COLUMN: Record<UnitAttribute, ColumnKey> = { id: 'unitId', ...UNIT_COLUMN };

interface FieldEntry {
  index: number;
  /** The row that gave the name, and the name as normalised for comparison. */
  firstRow: number;
  key: string;
}

/**
 * The table of one sheet (or a CSV file): units gathered from the rows, each
 * row a record, every cell refused with its place. Undefined when the sheet
 * has no header row (the error says which columns are expected).
 */
export function readTemplateSheet(
  sheet: SheetCells,
  base: Place,
  findings: Findings,
): (SheetRead & { columnMissing: boolean; headerRow: number }) | undefined {
  const errorsBefore = findings.errors.length;
  const header = readHeader(sheet, base, findings);
  if (!header) return undefined;
  const cols = TEMPLATE_COLUMNS.flatMap((c) => {
    const at = header.columns.get(c.key);
    return at ? [{ col: c, ...at }] : [];
  });
  const missing = new Set(TEMPLATE_COLUMNS.filter((c) => !header.columns.has(c.key)).map((c) => c.key));
  const columnMissing = TEMPLATE_COLUMNS.some((c) => c.required && c.key !== 'unitId' && missing.has(c.key));
  const contractColumns = new Map<string, SheetColumn>();
  for (const [contractKey, column] of Object.entries(CONTRACT_COLUMN)) {
    const at = header.columns.get(column);
    if (at) contractColumns.set(contractKey, at);
  }
  if (!header.columns.has('fieldId')) {
    const name = header.columns.get('fieldName');
    if (name) contractColumns.set('fieldId', name);
  }

  const units = new Map<string, { read: ReadUnit; index: number; rows: Partial<Record<UnitAttribute, number>> }>();
  const unitList: ReadUnit[] = [];
  const fields = new Map<string, FieldEntry>();
  const fieldList: ReadField[] = [];
  const records: ReadRecord[] = [];

  let first = header.row; // 0-based index of the row after the header
  const next = sheet.rows[first];
  if (
    next &&
    cols.some((c) => !isEmptyCell(next[c.index])) &&
    cols.every((c) => isEmptyCell(next[c.index]) || isRuleText(next[c.index]))
  ) {
    findings.notes.push({ code: 'rule_row_skipped', place: { ...base, row: first + 1 } });
    first++;
  }

  for (let r = first; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cols.every((c) => isEmptyCell(cells[c.index]))) continue;
    const row = r + 1;
    const values = new Map<ColumnKey, string | number | undefined>();
    const bad = new Set<ColumnKey>();
    const placeOf = (key: ColumnKey): Place => {
      const c = header.columns.get(key);
      return { ...base, row, ...(c ? { column: c.header, columnIndex: c.index } : {}) };
    };
    for (const { col, header: name, index } of cols) {
      const cell = cells[index];
      const place: Place = { ...base, row, column: name, columnIndex: index };
      if (isEmptyCell(cell)) {
        if (col.required) {
          findings.errors.push({ code: 'required', place });
          bad.add(col.key);
        }
        continue;
      }
      const parsed = parseCell(col, cell);
      if (!parsed.ok || (col.kind === 'text' && parsed.value === '')) {
        findings.errors.push({ code: KIND_ERROR[col.kind], place, value: shownValue(cell) });
        bad.add(col.key);
        continue;
      }
      values.set(col.key, parsed.value);
    }

    const unitId = values.get('unitId') as string | undefined;
    if (unitId === undefined) continue;
    if (unitId === EXAMPLE_UNIT_ID) {
      findings.notes.push({ code: 'example_row', place: { ...base, row }, value: unitId });
    }

    let entry = units.get(unitId);
    if (!entry) {
      const read: ReadUnit = {
        id: unitId,
        place: { ...base, row },
        at: { id: placeOf('unitId') },
        refused: new Set(),
        origin: 'table',
      };
      entry = { read, index: unitList.length, rows: {} };
      units.set(unitId, entry);
      unitList.push(read);
    }
    for (const attr of ['name', 'level', 'parentId', 'code'] as const) {
      const key = UNIT_COLUMN[attr];
      const unit = entry.read;
      if (bad.has(key) || missing.has(key)) {
        if (entry.rows[attr] === undefined) unit.refused.add(attr);
        continue;
      }
      const value = values.get(key) as string | undefined;
      const seenRow = entry.rows[attr];
      if (seenRow === undefined) {
        if (value !== undefined || attr !== 'code') {
          if (value !== undefined) (unit as unknown as Record<string, unknown>)[attr] = value;
          entry.rows[attr] = row;
          unit.at[attr] = placeOf(key);
          unit.refused.delete(attr);
        }
        continue;
      }
      const before = unit[attr];
      // A code may be given on one row only; a different code, a different name, level or parent is an error.
      if (attr === 'code' && value === undefined) continue;
      if (before !== value) {
        findings.errors.push({
          code: 'unit_disagrees',
          place: placeOf(key),
          value: value ?? '',
          other: { ...base, row: seenRow },
          detail: { unit: unitId, firstValue: before ?? '' },
        });
      }
    }

    let field: number | undefined;
    const fieldId = values.get('fieldId') as string | undefined;
    const fieldName = values.get('fieldName') as string | undefined;
    const fieldBad = bad.has('fieldId') || bad.has('fieldName');
    if (!fieldBad && (fieldId !== undefined || fieldName !== undefined)) {
      const id = fieldId ?? slugify(fieldName ?? '');
      const known = fields.get(id);
      if (known) {
        field = known.index;
        if (fieldName !== undefined && known.key !== '' && normalizeLabel(fieldName) !== known.key) {
          findings.errors.push({
            code: 'field_disagrees',
            place: placeOf('fieldName'),
            value: fieldName,
            other: { ...base, row: known.firstRow },
            detail: { field: id, firstValue: fieldList[known.index]?.name ?? '' },
          });
        } else if (fieldName !== undefined && known.key === '') {
          known.key = normalizeLabel(fieldName);
          const listed = fieldList[known.index];
          if (listed) listed.name = fieldName;
        }
      } else if (id === '') {
        findings.errors.push({ code: 'not_text', place: placeOf('fieldName'), value: fieldName ?? '' });
        bad.add('fieldName');
      } else {
        field = fieldList.length;
        fields.set(id, { index: field, firstRow: row, key: fieldName === undefined ? '' : normalizeLabel(fieldName) });
        fieldList.push({
          id,
          name: fieldName ?? '',
          place: placeOf(fieldName !== undefined ? 'fieldName' : 'fieldId'),
        });
      }
    }

    const counts: ReadRecord['counts'] = {};
    for (const f of COUNT_FIELDS_V2) {
      const value = values.get(f);
      if (value !== undefined) counts[f] = value as number;
    }
    const month = values.get('month') as string | undefined;
    records.push({
      unit: entry.index,
      ...(field !== undefined ? { field } : {}),
      ...(month !== undefined ? { month } : {}),
      counts,
      place: { ...base, row },
      columns: contractColumns,
      complete: bad.size === 0,
    });
  }

  // A field given by id alone, on every row, takes its id as its name.
  for (const f of fieldList) if (f.name === '') f.name = f.id ?? '';
  if (records.length === 0 && findings.errors.length === errorsBefore) {
    findings.errors.push({ code: 'no_rows', place: { ...base } });
  }
  return { kind: 'table', units: unitList, fields: fieldList, records, columnMissing, headerRow: header.row };
}

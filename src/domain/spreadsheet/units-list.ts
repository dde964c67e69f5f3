import type { Level } from '../schema.ts';
import { isEmptyCell, parseLevel, parseText, shownValue } from './cells.ts';
import { columnPlace, type Place, type SheetColumn } from './places.ts';
import type { Findings, WorkbookCells } from './problems.ts';
import { unitFromName } from './report-lines.ts';
import type { UnitAttribute } from './sheet-read.ts';
import { type ColumnKey, recogniseHeader } from './template-columns.ts';
import { normalizeLabel, oneLine } from './text.ts';

/**
 * A list of units (`--units units.csv|xlsx`): name, id, level, parent, code,
 * under the template's headers or their English names. It maps the names
 * reports give their units to the ids, levels and parents of an existing
 * dataset.
 */

export interface ListedUnit {
  id: string;
  name: string;
  level: Level;
  parentId?: string;
  code?: string;
  place: Place;
  at: Partial<Record<UnitAttribute, Place>>;
}

export interface UnitsList {
  units: ListedUnit[];
  /** Normalised name → unit; also the name without its level word ("An Phú" for "Xã An Phú"), when unique. */
  byName: Map<string, ListedUnit>;
}

const WANTED: Partial<Record<ColumnKey, UnitAttribute>> = {
  unitId: 'id',
  unitName: 'name',
  level: 'level',
  parentId: 'parentId',
  code: 'code',
};

/** Keys a report's unit name is looked up by: the whole name, and the bare name with its level. */
export function unitNameKeys(name: string, level: Level | undefined): string[] {
  const keys = [normalizeLabel(name)];
  const bare = unitFromName(name)?.bare ?? name;
  if (level) keys.push(`${level}:${normalizeLabel(bare)}`);
  return keys;
}

export function readUnitsList(workbook: WorkbookCells, findings: Findings): UnitsList {
  const sheet = workbook.sheets[0];
  const base: Place = { file: workbook.fileName, ...(workbook.kind === 'xlsx' && sheet ? { sheet: sheet.name } : {}) };
  const list: UnitsList = { units: [], byName: new Map() };
  if (!sheet) {
    findings.errors.push({ code: 'no_table', place: base });
    return list;
  }
  let headerRow = -1;
  const columns = new Map<UnitAttribute, SheetColumn>();
  for (let r = 0; r < Math.min(sheet.rows.length, 20) && headerRow < 0; r++) {
    const found = new Map<UnitAttribute, SheetColumn>();
    (sheet.rows[r] ?? []).forEach((cell, index) => {
      const key = recogniseHeader(cell);
      const attr = key ? WANTED[key] : undefined;
      if (attr && !found.has(attr)) found.set(attr, { header: oneLine(String(cell)), index });
    });
    if (found.has('name') && found.has('id')) {
      headerRow = r;
      for (const [k, v] of found) columns.set(k, v);
    }
  }
  if (headerRow < 0) {
    findings.errors.push({
      code: 'no_header',
      place: base,
      detail: { expected: '"Tên đơn vị", "Mã đơn vị", "Cấp" (name, id, level)' },
    });
    return list;
  }
  if (!columns.has('level')) {
    findings.errors.push({
      code: 'missing_column',
      place: { ...base, row: headerRow + 1 },
      detail: { label: 'Cấp', key: 'level' },
    });
    return list;
  }
  const seenId = new Map<string, Place>();
  const bare = new Map<string, ListedUnit | null>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if ([...columns.values()].every((c) => isEmptyCell(cells[c.index]))) continue;
    const row = r + 1;
    const place = (attr: UnitAttribute) => columnPlace(base, row, columns.get(attr));
    const text = (attr: UnitAttribute): string | undefined => {
      const c = columns.get(attr);
      const cell = c ? cells[c.index] : undefined;
      if (isEmptyCell(cell)) return undefined;
      const t = parseText(cell);
      return t.ok && t.value !== '' ? t.value : undefined;
    };
    const id = text('id');
    const name = text('name');
    const levelCell = cells[(columns.get('level') as SheetColumn).index];
    const level = parseLevel(levelCell);
    let ok = true;
    for (const [attr, value] of [
      ['id', id],
      ['name', name],
    ] as const) {
      if (value === undefined) {
        findings.errors.push({ code: 'required', place: place(attr) });
        ok = false;
      }
    }
    if (!level.ok) {
      findings.errors.push(
        isEmptyCell(levelCell)
          ? { code: 'required', place: place('level') }
          : { code: 'bad_level', place: place('level'), value: shownValue(levelCell) },
      );
      ok = false;
    }
    if (!ok || id === undefined || name === undefined || !level.ok) continue;
    const first = seenId.get(id);
    if (first) {
      findings.errors.push({ code: 'units_duplicate', place: place('id'), value: id, other: first });
      continue;
    }
    seenId.set(id, place('id'));
    const parentId = text('parentId');
    const code = text('code');
    const unit: ListedUnit = {
      id,
      name,
      level: level.value,
      ...(parentId !== undefined ? { parentId } : {}),
      ...(code !== undefined ? { code } : {}),
      place: { ...base, row },
      at: {
        id: place('id'),
        name: place('name'),
        level: place('level'),
        ...(columns.has('parentId') ? { parentId: place('parentId') } : {}),
        ...(columns.has('code') ? { code: place('code') } : {}),
      },
    };
    list.units.push(unit);
    const [whole, withoutWord] = unitNameKeys(name, level.value);
    if (whole !== undefined && !list.byName.has(whole)) list.byName.set(whole, unit);
    if (withoutWord !== undefined) bare.set(withoutWord, bare.has(withoutWord) ? null : unit);
  }
  for (const [key, unit] of bare) if (unit && !list.byName.has(key)) list.byName.set(key, unit);
  return list;
}

/** The listed unit a report's unit is: by its whole name, else by its bare name and level. */
export function findListedUnit(list: UnitsList, name: string, level: Level | undefined): ListedUnit | undefined {
  for (const key of unitNameKeys(name, level)) {
    const unit = list.byName.get(key);
    if (unit) return unit;
  }
  return undefined;
}

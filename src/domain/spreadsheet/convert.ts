import { COUNT_FIELDS_V2, type Field, LEVELS, type Level, type Unit } from '../schema.ts';
import { ERROR_LIST_CAP, validateDataset } from '../validate.ts';
import { isEmptyCell } from './cells.ts';
import { type InfoRead, readInfo } from './info-sheet.ts';
import { type Place, type SheetColumn, SheetOrder } from './places.ts';
import type { ConvertResult, Findings, SheetCells, SheetError, SheetWarning, WorkbookCells } from './problems.ts';
import { looksLikeReport, readReportLayout } from './report-columns.ts';
import { readReportSheet } from './report-reader.ts';
import type { ReadUnit, SheetRead, UnitAttribute } from './sheet-read.ts';
import { INFO_SHEET, recogniseHeader } from './template-columns.ts';
import { findTemplateHeader, readTemplateSheet } from './template-reader.ts';
import { normalizeLabel, slugify } from './text.ts';
import { findListedUnit, type ListedUnit, readUnitsList, type UnitsList } from './units-list.ts';

/**
 * Many files into one dataset: every sheet is read as the project's table, as
 * an official report, or left out with the reason; their units, fields and
 * records are merged; then the dataset goes through the contract's own
 * validation, each error and warning put back on its file, sheet, row and
 * column.
 */

export interface ConvertOptions {
  /** A list of units (name, id, level, parent, code) to map report names to existing ids. */
  units?: WorkbookCells;
  /** Files already refused as files (not a spreadsheet, unreadable), to report with the rest. */
  fileErrors?: readonly SheetError[];
}

interface Part {
  read: SheetRead;
  /** A required column is missing: its records are left out of the contract's check (the error says why). */
  columnMissing: boolean;
}

interface MergedUnit {
  unit: Partial<Unit> & { id: string };
  place: Place;
  at: Partial<Record<UnitAttribute, Place>>;
  refused: Set<UnitAttribute>;
  origin: 'table' | 'report' | 'list';
}

interface PlacedRecord {
  place: Place;
  columns: ReadonlyMap<string, SheetColumn>;
}

function sheetKind(sheet: SheetCells): 'table' | 'report' | 'empty' | 'unknown' {
  const header = findTemplateHeader(sheet);
  const namesUnitId = header !== undefined && (sheet.rows[header] ?? []).some((c) => recogniseHeader(c) === 'unitId');
  if (namesUnitId) return 'table';
  if (looksLikeReport(sheet)) return 'report';
  if (header !== undefined) return 'table';
  return sheet.rows.every((r) => r.every(isEmptyCell)) ? 'empty' : 'unknown';
}

function orderUnit(u: Partial<Unit>): Partial<Unit> {
  return {
    id: u.id,
    ...(u.name !== undefined ? { name: u.name } : {}),
    ...(u.level !== undefined ? { level: u.level } : {}),
    ...(u.parentId !== undefined ? { parentId: u.parentId } : {}),
    ...(u.code !== undefined ? { code: u.code } : {}),
  };
}

/** The file name without folder and extension: the title of a table read without a "Thông tin" sheet. */
export function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .trim();
  return base || 'Số liệu';
}

const PATH = /^(records|units|fields|facts)\[(\d+)\](?:\.(\w+))?/;

export function convertWorkbooks(workbooks: readonly WorkbookCells[], options: ConvertOptions = {}): ConvertResult {
  const findings: Findings = { errors: [...(options.fileErrors ?? [])], notes: [] };
  const order = new SheetOrder();
  for (const e of findings.errors) order.add(e.place?.file);

  let list: UnitsList | undefined;
  if (options.units) {
    const u = options.units;
    order.add(u.fileName, u.kind === 'xlsx' ? u.sheets[0]?.name : undefined);
    list = readUnitsList(u, findings);
  }

  const parts: Part[] = [];
  let info: InfoRead | undefined;
  let reportCount = 0;
  for (const workbook of workbooks) {
    order.add(workbook.fileName);
    const csv = workbook.kind === 'csv';
    const infoSheet = csv
      ? undefined
      : workbook.sheets.find((s) => normalizeLabel(s.name) === normalizeLabel(INFO_SHEET));
    let read = 0;
    for (const sheet of workbook.sheets) {
      if (sheet === infoSheet) continue;
      order.add(workbook.fileName, csv ? undefined : sheet.name);
      const base: Place = { file: workbook.fileName, ...(csv ? {} : { sheet: sheet.name }) };
      const kind = sheetKind(sheet);
      if (kind === 'table') {
        const table = readTemplateSheet(sheet, base, findings);
        read++;
        if (table) parts.push({ read: table, columnMissing: table.columnMissing });
      } else if (kind === 'report') {
        const layout = readReportLayout(sheet);
        if (!layout) continue;
        read++;
        reportCount++;
        const report = readReportSheet(sheet, base, layout, findings);
        parts.push({ read: report, columnMissing: false });
      } else {
        findings.notes.push({ code: 'sheet_skipped', place: base, value: kind });
      }
    }
    if (infoSheet) {
      order.add(workbook.fileName, infoSheet.name);
      const base: Place = { file: workbook.fileName, sheet: infoSheet.name };
      if (info === undefined && parts.some((p) => p.read.kind === 'table')) info = readInfo(infoSheet, base, findings);
      else findings.notes.push({ code: 'info_ignored', place: base });
    }
    if (read === 0) findings.errors.push({ code: 'no_table', place: { file: workbook.fileName } });
  }

  // ---- Units: by id from tables, by name from reports (through the list, or as a slug).
  const merged = new Map<string, MergedUnit>();
  const partUnitIds: (string | undefined)[][] = [];
  const listedUsed = new Set<string>();
  const addAttribute = (target: MergedUnit, source: ReadUnit, attr: Exclude<UnitAttribute, 'id'>) => {
    const value = source[attr];
    if (value === undefined) {
      if (source.refused.has(attr) && target.unit[attr] === undefined) target.refused.add(attr);
      return;
    }
    const before = target.unit[attr];
    if (before === undefined) {
      (target.unit as Record<string, unknown>)[attr] = value;
      const where = source.at[attr];
      if (where) target.at[attr] = where;
      target.refused.delete(attr);
      return;
    }
    const same = attr === 'name' ? normalizeLabel(before) === normalizeLabel(value) : before === value;
    // A report's level comes from its unit's name; the list or a table decides.
    if (same || (source.origin === 'report' && attr === 'level' && target.origin !== 'report')) return;
    findings.errors.push({
      code: 'unit_disagrees',
      place: source.at[attr] ?? source.place,
      value,
      ...(target.at[attr] ? { other: target.at[attr] } : {}),
      detail: { unit: target.unit.id, firstValue: before },
    });
  };
  const fromList = (listed: ListedUnit): MergedUnit => {
    let m = merged.get(listed.id);
    if (!m) {
      m = {
        unit: { id: listed.id, name: listed.name, level: listed.level },
        place: listed.place,
        at: { ...listed.at },
        refused: new Set(),
        origin: 'list',
      };
      if (listed.parentId !== undefined) m.unit.parentId = listed.parentId;
      if (listed.code !== undefined) m.unit.code = listed.code;
      merged.set(listed.id, m);
    }
    listedUsed.add(listed.id);
    return m;
  };
  for (const part of parts) {
    const ids: (string | undefined)[] = [];
    for (const u of part.read.units) {
      let id = u.id;
      if (u.origin === 'report') {
        const name = u.name ?? '';
        if (list) {
          // The list decides the unit's id, name, level and parent.
          const listed = findListedUnit(list, name, u.level);
          if (!listed) findings.errors.push({ code: 'units_unknown_unit', place: u.place, value: name });
          else fromList(listed);
          ids.push(listed?.id);
          continue;
        } else {
          id = slugify(name);
          if (u.level === undefined) {
            findings.errors.push({ code: 'report_unit_level', place: u.place, value: name });
          }
        }
      } else if (id !== undefined && list) {
        const listed = list.units.find((l) => l.id === id);
        if (listed) fromList(listed);
      }
      if (id === undefined || id === '') {
        ids.push(undefined);
        continue;
      }
      let m = merged.get(id);
      if (!m) {
        m = {
          unit: { id },
          place: u.place,
          at: { ...(u.at.id ? { id: u.at.id } : {}) },
          refused: new Set(),
          origin: u.origin,
        };
        merged.set(id, m);
      }
      for (const attr of ['name', 'level', 'parentId', 'code'] as const) addAttribute(m, u, attr);
      ids.push(id);
    }
    partUnitIds.push(ids);
  }

  // A unit's parent, where the reports do not say: the one unit of the level above, if there is exactly one.
  if (!list) {
    const byLevel = new Map<Level, MergedUnit[]>(LEVELS.map((l) => [l, []]));
    for (const m of merged.values()) if (m.unit.level) byLevel.get(m.unit.level)?.push(m);
    const only = (level: Level) => {
      const units = byLevel.get(level) ?? [];
      return units.length === 1 ? units[0] : undefined;
    };
    for (const m of merged.values()) {
      if (m.origin !== 'report' || m.unit.parentId !== undefined || !m.unit.level) continue;
      const above =
        m.unit.level === 'commune'
          ? (only('district') ?? ((byLevel.get('district') ?? []).length === 0 ? only('province') : undefined))
          : m.unit.level === 'district'
            ? only('province')
            : undefined;
      if (above && above !== m) m.unit.parentId = above.unit.id;
    }
  }

  // The units of the dataset: with a list, the listed units the files name and those above them, in the
  // list's order, then units only tables name; without one, in the order first named (reports by level).
  let unitOrder: MergedUnit[];
  if (list) {
    const wanted = new Set<string>();
    const byId = new Map(list.units.map((l) => [l.id, l]));
    for (const id of listedUsed) {
      let at: ListedUnit | undefined = byId.get(id);
      while (at && !wanted.has(at.id)) {
        wanted.add(at.id);
        fromList(at);
        at = at.parentId !== undefined ? byId.get(at.parentId) : undefined;
      }
    }
    unitOrder = [
      ...list.units.filter((l) => wanted.has(l.id)).flatMap((l) => merged.get(l.id) ?? []),
      ...[...merged.values()].filter((m) => !wanted.has(m.unit.id)),
    ];
  } else {
    const all = [...merged.values()];
    const anyReport = all.some((m) => m.origin === 'report');
    const rank = (m: MergedUnit) => (anyReport && m.unit.level ? LEVELS.indexOf(m.unit.level) : 0);
    unitOrder = all
      .map((m, i) => ({ m, i }))
      .sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i)
      .map((x) => x.m);
  }

  // ---- Fields, in order of first appearance.
  const fields: Field[] = [];
  const fieldPlaces: Place[] = [];
  const fieldIds = new Set<string>();
  const partFieldIds: string[][] = parts.map((p) =>
    p.read.fields.map((f) => {
      const id = f.id ?? slugify(f.name);
      if (!fieldIds.has(id)) {
        fieldIds.add(id);
        fields.push({ id, name: f.name });
        fieldPlaces.push(f.place);
      }
      return id;
    }),
  );

  // ---- Records: those read without an error in any cell go on to the contract's check.
  const records: Record<string, unknown>[] = [];
  const placed: PlacedRecord[] = [];
  let anyRecord = false;
  parts.forEach((part, p) => {
    for (const r of part.read.records) {
      anyRecord = true;
      const unitId = partUnitIds[p]?.[r.unit];
      if (!r.complete || part.columnMissing || unitId === undefined) continue;
      const record: Record<string, unknown> = { unitId };
      if (r.month !== undefined) record.month = r.month;
      if (r.field !== undefined) record.fieldId = partFieldIds[p]?.[r.field];
      for (const f of COUNT_FIELDS_V2) if (r.counts[f] !== undefined) record[f] = r.counts[f];
      records.push(record);
      placed.push({ place: r.place, columns: r.columns });
    }
  });

  // ---- The dataset's description: from the "Thông tin" sheet, else made from the files.
  const v = info?.values ?? {};
  let title = v.title as string | undefined;
  // Said only where something was read: a title matters to a dataset, not to a refusal of every sheet.
  if (title === undefined && parts.length === 0) title = titleFromFileName(workbooks[0]?.fileName ?? '');
  else if (title === undefined) {
    if (reportCount === 0 && workbooks.length === 1 && workbooks[0]) {
      title = titleFromFileName(workbooks[0].fileName);
      findings.notes.push({ code: 'title_from_file_name', place: null, value: title });
    } else {
      const tops = unitOrder.filter((m) => m.unit.parentId === undefined && m.unit.name);
      const name = tops.length === 1 ? tops[0]?.unit.name : undefined;
      title = name ? `${name} – kết quả giải quyết thủ tục hành chính` : 'Kết quả giải quyết thủ tục hành chính';
      findings.notes.push({ code: 'title_made', place: null, value: title });
    }
  }
  let source = v.source as string | undefined;
  if (source === undefined && reportCount > 0) {
    const names = workbooks.map((w) => w.fileName);
    const shown =
      names.length > 6 ? `${names.slice(0, 5).join(', ')} và ${names.length - 5} tệp khác` : names.join(', ');
    source = `Chuyển từ báo cáo tình hình, kết quả giải quyết thủ tục hành chính: ${shown}.`;
  }
  const targets: Record<string, number> = {};
  if (v['targets.onTimeRate'] !== undefined) targets.onTimeRate = v['targets.onTimeRate'] as number;
  if (v['targets.onlineRate'] !== undefined) targets.onlineRate = v['targets.onlineRate'] as number;
  const dataset: Record<string, unknown> = {
    $schema: './schema.json',
    schemaVersion: 2,
    title,
    ...(source !== undefined ? { source } : {}),
    ...(v.illustrative !== undefined ? { illustrative: v.illustrative } : {}),
    ...(v.updatedAt !== undefined ? { updatedAt: v.updatedAt } : {}),
    ...(Object.keys(targets).length > 0 ? { targets } : {}),
    ...(info && info.facts.length > 0 ? { facts: info.facts } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    units: unitOrder.map((m) => orderUnit(m.unit)),
    records,
  };

  // ---- The contract's check, placed on the sheets.
  const placeOfPath = (path: string): Place | null => {
    const m = PATH.exec(path);
    if (m?.[1] === 'records') {
      const r = placed[Number(m[2])];
      if (!r) return null;
      const column = m[3] ? r.columns.get(m[3]) : undefined;
      return column ? { ...r.place, column: column.header, columnIndex: column.index } : r.place;
    }
    if (m?.[1] === 'units') {
      const u = unitOrder[Number(m[2])];
      if (!u) return null;
      return (m[3] ? u.at[m[3] as UnitAttribute] : undefined) ?? u.place;
    }
    if (m?.[1] === 'fields') return fieldPlaces[Number(m[2])] ?? null;
    const places = info?.places;
    if (!places) return null;
    return places.get(path) ?? places.get(path.replace(/\.value$/, '')) ?? null;
  };
  const result = validateDataset(dataset);
  let unplaced = 0;
  if (!result.ok) {
    // validateDataset keeps the first ERROR_LIST_CAP errors; those beyond are counted, not placed.
    unplaced = result.errorCount - result.errors.length;
    for (const e of result.errors) {
      const m = PATH.exec(e.path);
      if (m?.[1] === 'units' && m[3] && unitOrder[Number(m[2])]?.refused.has(m[3] as UnitAttribute)) continue;
      if (m?.[1] === 'units' && m[3] === 'level' && e.code === 'missing_field') continue;
      if (e.code === 'too_few_units' && !anyRecord) continue;
      const place = placeOfPath(e.path);
      const first = typeof e.detail?.first === 'string' ? placeOfPath(e.detail.first) : null;
      findings.errors.push({ code: 'contract', place, contract: e, ...(first ? { other: first } : {}) });
    }
  }
  const notes = order.sort(findings.notes);
  if (findings.errors.length > 0 || !result.ok) {
    const sorted = order.sort(findings.errors);
    return {
      ok: false,
      errors: sorted.slice(0, ERROR_LIST_CAP),
      errorCount: sorted.length + unplaced,
      notes,
    };
  }
  const names = new Map(result.dataset.units.map((u) => [u.id, u.name]));
  const fieldNames = new Map((result.dataset.fields ?? []).map((f) => [f.id, f.name]));
  const warnings: SheetWarning[] = result.warnings.map((w) => ({
    warning: w,
    place: placeOfPath(w.path),
    unitName: names.get(w.unitId) ?? w.unitId,
    ...(w.fieldId !== undefined ? { fieldName: fieldNames.get(w.fieldId) ?? w.fieldId } : {}),
  }));
  return { ok: true, dataset: result.dataset, warnings, notes };
}

/** One file (the project's table, or reports), as the single-file callers read it. */
export function convertWorkbook(workbook: WorkbookCells): ConvertResult {
  return convertWorkbooks([workbook]);
}

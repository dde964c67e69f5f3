import type { CountFieldV2 } from '../schema.ts';
import { cellText, isEmptyCell, parseCount, shownValue } from './cells.ts';
import { columnPlace, type Place, type SheetColumn } from './places.ts';
import type { Findings, SheetCells } from './problems.ts';
import {
  COUNT_GROUP,
  GROUP_TOTAL,
  REPORT_COLUMN_WORDS,
  type ReportColumnKey,
  type ReportCountKey,
  type ReportGroup,
  type ReportLayout,
} from './report-columns.ts';
import { findReportPeriod, findReportUnit, headingLines } from './report-lines.ts';
import type { ReadField, ReadRecord, ReadUnit, SheetRead } from './sheet-read.ts';
import { normalizeLabel, oneLine, sentenceCase, slugify } from './text.ts';

/**
 * The rows of an official report: one per procedure field, group rows and a
 * total row between or after them, then signatures. Every row must add up;
 * the total row (and a group row that carries figures) must equal the sum of
 * its field rows.
 */

const COUNT_KEYS: readonly ReportCountKey[] = [
  'receivedTotal',
  'receivedOnline',
  'receivedDirect',
  'receivedNew',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'withdrawn',
  'resolvedSupplement',
  'pendingTotal',
  'pendingWithinDeadline',
  'pendingOverdue',
  'pendingSupplement',
];

const TOTAL_LABEL = /^(tổng cộng|tổng số|tổng|cộng|cộng chung|tổng chung)(\s*\(.*\))?$/u;
const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x)\.?$/u;
const GROUP_LABEL = /thuộc thẩm quyền|^tthc (cấp|của)|^thủ tục hành chính (cấp|của)/u;
/** Words of the lines under a report: signatures, notes, where it is sent. */
const FOOTER =
  /^(người lập|người lập biểu|thủ trưởng|lãnh đạo|chủ tịch|phó chủ tịch|giám đốc|trưởng bộ phận|xác nhận|nơi nhận|ghi chú|\(ký|ký,|kt\.|tm\.)/u;
const FIELD_NUMBERING = /^(\d{1,2}|[a-zđ])[.)]\s+/u;
const FIELD_PREFIX = /^lĩnh vực\s+/iu;

type Values = Partial<Record<ReportCountKey, number>>;

interface FieldRow {
  row: number;
  values: Values;
  /** Columns whose cell in this row was refused. */
  bad: Set<ReportCountKey>;
}

/** The field's name as the dashboard shows it: without numbering or the word "Lĩnh vực", in normal case. */
export function fieldNameOf(text: string): string {
  return sentenceCase(oneLine(text).replace(FIELD_NUMBERING, '').replace(FIELD_PREFIX, ''));
}

/** A field's id: the ASCII slug of its name (`Đất đai` → `dat-dai`). */
export function fieldIdOf(name: string): string {
  return slugify(name);
}

function sumOf(values: Values, keys: readonly ReportCountKey[]): number {
  return keys.reduce((s, k) => s + (values[k] ?? 0), 0);
}

/** The parts a group's total is the sum of, as the sheet has them. */
function partsOf(group: ReportGroup, layout: ReportLayout): ReportCountKey[] {
  const has = (k: ReportCountKey) => layout.columns.has(k);
  const keys: ReportCountKey[] =
    group === 'received'
      ? ['receivedOnline', 'receivedDirect', 'receivedNew', 'carriedOver']
      : group === 'resolved'
        ? [
            'resolvedEarly',
            'resolvedOnTime',
            'resolvedLate',
            ...(layout.withdrawnInResolved ? (['withdrawn'] as const) : []),
            'resolvedSupplement',
          ]
        : ['pendingWithinDeadline', 'pendingOverdue', 'pendingSupplement'];
  // With "Mới tiếp nhận" the online column is a part of it, not a part of the total.
  return keys.filter((k) => has(k) && !(k === 'receivedOnline' && has('receivedNew')));
}

/** The group each column's blank is vouched for by: the one whose total it adds up in. */
function groupOfColumn(key: ReportCountKey, layout: ReportLayout): ReportGroup | null {
  if (key === 'withdrawn') return layout.withdrawnInResolved ? 'resolved' : null;
  return COUNT_GROUP[key];
}

/**
 * Reads one report sheet whose layout was recognised. Records are complete
 * only where the unit, the period and every cell of the row were read.
 */
export function readReportSheet(sheet: SheetCells, base: Place, layout: ReportLayout, findings: Findings): SheetRead {
  const { errors, notes } = findings;
  const col = (key: ReportColumnKey): SheetColumn | undefined => layout.columns.get(key);
  const at = (row: number, key: ReportColumnKey): Place => columnPlace(base, row, col(key));
  const headerPlace: Place = { ...base, row: layout.top + 1 };

  for (const c of layout.ignored) {
    notes.push({ code: 'ignored_column', place: columnPlace(base, layout.top + 1, c), value: c.header });
  }
  for (const d of layout.duplicates) {
    errors.push({
      code: 'report_duplicate_column',
      place: columnPlace(base, layout.top + 1, d.second),
      detail: { other: d.first.header },
    });
  }
  for (const key of layout.missing) {
    errors.push({ code: 'report_missing_column', place: headerPlace, detail: { column: REPORT_COLUMN_WORDS[key] } });
  }
  const usable = layout.missing.length === 0 && layout.duplicates.length === 0;

  const lines = headingLines(sheet, layout.top);
  const unitFound = findReportUnit(lines);
  const units: ReadUnit[] = [];
  if (unitFound) {
    const place: Place = { ...base, row: unitFound.row };
    units.push({
      name: unitFound.name,
      ...(unitFound.level ? { level: unitFound.level } : {}),
      place,
      at: { name: place, level: place },
      refused: new Set(),
      origin: 'report',
    });
  } else {
    errors.push({ code: 'report_no_unit', place: { ...base } });
  }

  const period = findReportPeriod(lines);
  let month: string | undefined;
  switch (period.kind) {
    case 'month':
      month = period.month;
      break;
    case 'none':
      errors.push({ code: 'report_no_period', place: { ...base } });
      break;
    case 'too_long':
      errors.push({
        code: 'report_period_long',
        place: { ...base, row: period.row },
        detail: { from: period.from, to: period.to, days: period.days },
      });
      break;
    case 'order':
      errors.push({
        code: 'report_period_order',
        place: { ...base, row: period.row },
        detail: { from: period.from, to: period.to },
      });
      break;
    case 'disagrees':
      errors.push({
        code: 'report_period_disagrees',
        place: { ...base, row: period.row },
        detail: { stated: period.stated, from: period.from, to: period.to },
      });
      break;
    case 'not_monthly':
      errors.push({ code: 'report_period_long', place: { ...base, row: period.row }, value: period.text });
      break;
  }

  const fields: ReadField[] = [];
  const fieldIndex = new Map<string, number>();
  const records: ReadRecord[] = [];
  if (!usable) return { kind: 'report', units, fields, records };

  const countKeys = COUNT_KEYS.filter((k) => layout.columns.has(k));
  const groups = (['received', 'resolved', 'pending'] as const).filter((g) =>
    countKeys.some((k) => COUNT_GROUP[k] === g),
  );
  const fieldRows: FieldRow[] = [];
  const totals: FieldRow[] = [];
  // A group row that carries figures, and the field rows below it up to the next group or total row.
  const subtotals: { row: FieldRow; from: number; to: number }[] = [];
  let openGroup: { row: FieldRow; from: number } | null = null;
  const closeGroup = () => {
    if (openGroup) subtotals.push({ ...openGroup, to: fieldRows.length });
    openGroup = null;
  };
  const contractColumns = new Map<string, SheetColumn>();
  const put = (contractKey: string, key: ReportColumnKey) => {
    const c = col(key);
    if (c) contractColumns.set(contractKey, c);
  };
  put('fieldId', 'field');
  put('carriedOver', 'carriedOver');
  put('received', layout.columns.has('receivedNew') ? 'receivedNew' : 'receivedTotal');
  if (!contractColumns.has('received')) put('received', 'receivedDirect');
  put('receivedOnline', 'receivedOnline');
  put('resolvedEarly', 'resolvedEarly');
  put('resolvedOnTime', 'resolvedOnTime');
  put('resolvedLate', 'resolvedLate');
  put('withdrawn', 'withdrawn');
  put('pendingWithinDeadline', 'pendingWithinDeadline');
  put('pendingOverdue', 'pendingOverdue');

  const fieldColumn = col('field') as SheetColumn;
  const numberColumn = col('rowNumber');
  let sawField = false;
  for (let r = layout.firstDataRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const row = r + 1;
    const label = oneLine(cellText(cells[fieldColumn.index]));
    const number = numberColumn ? normalizeLabel(cellText(cells[numberColumn.index])) : '';
    const labelWords = normalizeLabel(label);
    const isTotal = TOTAL_LABEL.test(labelWords) || (label === '' && TOTAL_LABEL.test(number));
    const hasFigures = countKeys.some((k) => !isEmptyCell(cells[(col(k) as SheetColumn).index]));
    const isGroup = !isTotal && (ROMAN.test(number) || GROUP_LABEL.test(labelWords));
    if (!hasFigures) {
      if (cells.some((c) => FOOTER.test(normalizeLabel(cellText(c))))) break;
      // A heading between field rows (a group, a field with nothing to report) or an empty row.
      if (isGroup) closeGroup();
      continue;
    }

    // The figures of the row: numbers, or text with thousands dots.
    const values: Values = {};
    const bad = new Set<ReportCountKey>();
    const blank = new Set<ReportCountKey>();
    for (const key of countKeys) {
      const cell = cells[(col(key) as SheetColumn).index];
      if (isEmptyCell(cell)) {
        blank.add(key);
        continue;
      }
      const parsed = parseCount(cell);
      if (!parsed.ok) {
        errors.push({ code: 'not_count', place: at(row, key), value: shownValue(cell) });
        bad.add(key);
        continue;
      }
      values[key] = parsed.value;
    }
    // A blank is none only where its group's total is given: the row's sum then shows the blank means 0.
    for (const key of blank) {
      const group = groupOfColumn(key, layout);
      const total = group ? GROUP_TOTAL[group] : undefined;
      const vouched = group === null || (total !== undefined && total !== key && values[total] !== undefined);
      if (vouched) values[key] = 0;
      else {
        errors.push({ code: 'required', place: at(row, key) });
        bad.add(key);
      }
    }
    for (const group of groups) {
      const total = GROUP_TOTAL[group];
      const parts = partsOf(group, layout);
      if (!layout.columns.has(total) || bad.has(total) || parts.some((k) => bad.has(k))) continue;
      const sum = sumOf(values, parts);
      if (sum !== values[total]) {
        errors.push({
          code: 'row_sum',
          place: at(row, total),
          detail: { total: values[total] ?? 0, sum, group, parts: parts.join(',') },
        });
        bad.add(total);
      }
    }
    const entry: FieldRow = { row, values, bad };

    if (isTotal) {
      totals.push(entry);
      closeGroup();
      // A total below the field rows closes the table; what follows is signatures and notes.
      if (sawField) break;
      continue;
    }
    if (isGroup) {
      closeGroup();
      openGroup = { row: entry, from: fieldRows.length };
      continue;
    }
    if (label === '') {
      errors.push({ code: 'no_field_name', place: columnPlace(base, row, fieldColumn) });
      continue;
    }
    sawField = true;
    fieldRows.push(entry);
    const name = fieldNameOf(label);
    const id = fieldIdOf(name);
    let field = fieldIndex.get(id);
    if (field === undefined) {
      field = fields.length;
      fieldIndex.set(id, field);
      fields.push({ id, name, place: columnPlace(base, row, fieldColumn) });
    }
    const v = (k: ReportCountKey) => values[k] ?? 0;
    const counts: Partial<Record<CountFieldV2, number>> = {
      carriedOver: v('carriedOver'),
      received: layout.columns.has('receivedNew') ? v('receivedNew') : v('receivedOnline') + v('receivedDirect'),
      receivedOnline: v('receivedOnline'),
      resolvedEarly: v('resolvedEarly'),
      resolvedOnTime: v('resolvedOnTime'),
      resolvedLate: v('resolvedLate'),
      pendingWithinDeadline: v('pendingWithinDeadline') + v('pendingSupplement'),
      pendingOverdue: v('pendingOverdue'),
    };
    if (layout.columns.has('withdrawn') || layout.columns.has('resolvedSupplement')) {
      counts.withdrawn = v('withdrawn') + v('resolvedSupplement');
    }
    records.push({
      unit: 0,
      field,
      ...(month !== undefined ? { month } : {}),
      counts,
      place: { ...base, row },
      columns: contractColumns,
      complete: bad.size === 0 && unitFound !== undefined && month !== undefined,
    });
  }
  closeGroup();

  const check = (line: FieldRow, rows: readonly FieldRow[], code: 'total_row' | 'group_row') => {
    for (const key of countKeys) {
      if (line.bad.has(key) || rows.some((f) => f.bad.has(key))) continue;
      const sum = rows.reduce((s, f) => s + (f.values[key] ?? 0), 0);
      if (sum !== line.values[key]) {
        errors.push({ code, place: at(line.row, key), detail: { total: line.values[key] ?? 0, sum } });
      }
    }
  };
  for (const total of totals) check(total, fieldRows, 'total_row');
  for (const group of subtotals) check(group.row, fieldRows.slice(group.from, group.to), 'group_row');

  if (fieldRows.length === 0 && records.length === 0) {
    errors.push({ code: 'report_no_rows', place: { ...base, row: layout.firstDataRow + 1 } });
  }
  if (unitFound && month !== undefined) {
    notes.push({
      code: 'report_read',
      place: { ...base },
      value: unitFound.name,
      detail: { month, fields: fields.length },
    });
  }
  return { kind: 'report', units, fields, records };
}

import { isEmptyCell } from './cells.ts';
import type { SheetColumn } from './places.ts';
import type { SheetCells } from './problems.ts';
import { normalizeLabel, oneLine, withoutNotes } from './text.ts';

/**
 * The columns of the official report of results (Biểu II.06a and the forms
 * provincial one-stop systems export), found by their header text, never by
 * position. The header spans two or three rows of merged cells; a merged
 * cell's text is in its first cell only (that is how .xlsx stores it), so a
 * group's text is carried to the right over the columns of its sub-headers.
 */

export type ReportGroup = 'received' | 'resolved' | 'pending';

export type ReportColumnKey =
  | 'rowNumber'
  | 'field'
  | 'receivedTotal'
  | 'receivedOnline'
  | 'receivedDirect'
  | 'receivedNew'
  | 'carriedOver'
  | 'resolvedTotal'
  | 'resolvedEarly'
  | 'resolvedOnTime'
  | 'resolvedLate'
  | 'withdrawn'
  | 'resolvedSupplement'
  | 'pendingTotal'
  | 'pendingWithinDeadline'
  | 'pendingOverdue'
  | 'pendingSupplement';

export type ReportCountKey = Exclude<ReportColumnKey, 'rowNumber' | 'field'>;

/** The group each count column adds up in (a row's sums are checked per group). */
export const COUNT_GROUP: Record<ReportCountKey, ReportGroup | null> = {
  receivedTotal: 'received',
  receivedOnline: 'received',
  receivedDirect: 'received',
  receivedNew: 'received',
  carriedOver: 'received',
  resolvedTotal: 'resolved',
  resolvedEarly: 'resolved',
  resolvedOnTime: 'resolved',
  resolvedLate: 'resolved',
  withdrawn: null,
  resolvedSupplement: 'resolved',
  pendingTotal: 'pending',
  pendingWithinDeadline: 'pending',
  pendingOverdue: 'pending',
  pendingSupplement: 'pending',
};

export const GROUP_TOTAL: Record<ReportGroup, ReportCountKey> = {
  received: 'receivedTotal',
  resolved: 'resolvedTotal',
  pending: 'pendingTotal',
};

/** The report's own words for each column, for messages about a missing one. */
export const REPORT_COLUMN_WORDS: Record<ReportColumnKey, string> = {
  rowNumber: 'STT',
  field: 'Lĩnh vực',
  receivedTotal: 'Số hồ sơ nhận giải quyết: Tổng số',
  receivedOnline: 'Số hồ sơ nhận giải quyết: Trực tuyến',
  receivedDirect: 'Số hồ sơ nhận giải quyết: Trực tiếp, dịch vụ bưu chính',
  receivedNew: 'Số hồ sơ nhận giải quyết: Mới tiếp nhận',
  carriedOver: 'Số hồ sơ nhận giải quyết: Từ kỳ trước',
  resolvedTotal: 'Số hồ sơ đã giải quyết: Tổng số',
  resolvedEarly: 'Số hồ sơ đã giải quyết: Trước hạn',
  resolvedOnTime: 'Số hồ sơ đã giải quyết: Đúng hạn',
  resolvedLate: 'Số hồ sơ đã giải quyết: Quá hạn',
  withdrawn: 'Trả lại/Rút',
  resolvedSupplement: 'Số hồ sơ đã giải quyết: Bổ sung',
  pendingTotal: 'Số hồ sơ đang giải quyết: Tổng số',
  pendingWithinDeadline: 'Số hồ sơ đang giải quyết: Trong hạn',
  pendingOverdue: 'Số hồ sơ đang giải quyết: Quá hạn',
  pendingSupplement: 'Số hồ sơ đang giải quyết: Bổ sung',
};

const FIELD_HEADER = /lĩnh vực|công việc giải quyết|tên thủ tục/;
const ROW_NUMBER_HEADER = /^(stt|tt|số tt|số thứ tự)$/;
const GROUP_PATTERN: [ReportGroup, RegExp][] = [
  ['pending', /đang giải quyết|chưa giải quyết|đang xử lý/],
  ['resolved', /đã giải quyết|kết quả giải quyết|đã xử lý|giải quyết xong/],
  ['received', /nhận giải quyết|tiếp nhận|hồ sơ nhận/],
];

type LeafKind =
  | 'withdrawn'
  | 'supplement'
  | 'total'
  | 'online'
  | 'direct'
  | 'new'
  | 'carried'
  | 'early'
  | 'late'
  | 'onTime';

/** The kind of a column from its own header, first match wins (so a note in brackets cannot mislead). */
const LEAF_PATTERN: [LeafKind, RegExp][] = [
  ['withdrawn', /trả lại|rút/],
  ['supplement', /bổ sung/],
  ['total', /^(tổng|cộng)/],
  ['online', /trực tuyến/],
  ['direct', /trực tiếp|bưu chính|bcci/],
  ['carried', /kỳ trước|chuyển qua|chuyển sang|tồn/],
  ['new', /mới tiếp nhận|tiếp nhận mới|nhận mới/],
  ['early', /trước hạn/],
  ['late', /quá hạn/],
  ['onTime', /đúng hạn|đúng thời hạn|trong hạn|chưa đến hạn|chưa quá hạn/],
];

const BY_GROUP: Record<ReportGroup, Partial<Record<LeafKind, ReportCountKey>>> = {
  received: {
    total: 'receivedTotal',
    online: 'receivedOnline',
    direct: 'receivedDirect',
    new: 'receivedNew',
    carried: 'carriedOver',
  },
  resolved: {
    total: 'resolvedTotal',
    early: 'resolvedEarly',
    onTime: 'resolvedOnTime',
    late: 'resolvedLate',
    withdrawn: 'withdrawn',
    supplement: 'resolvedSupplement',
  },
  pending: {
    total: 'pendingTotal',
    onTime: 'pendingWithinDeadline',
    late: 'pendingOverdue',
    supplement: 'pendingSupplement',
  },
};

function groupOf(normalized: string): ReportGroup | undefined {
  return GROUP_PATTERN.find(([, p]) => p.test(normalized))?.[0];
}

function cellWords(cell: unknown): string {
  return isEmptyCell(cell) || typeof cell === 'boolean' ? '' : withoutNotes(normalizeLabel(String(cell)));
}

/**
 * A row of column numbers under the header: `(1) (2) … (13)`, `1 2 … 13`,
 * sometimes `A B 1 2 …` or `(3)=(4)+(5)+(6)`.
 */
export function isNumbersRow(cells: readonly unknown[]): boolean {
  const filled = cells.filter((c) => !isEmptyCell(c));
  if (filled.length < 4) return false;
  let last = 0;
  for (const cell of filled) {
    const text = String(cell).toLowerCase().replace(/\s/g, '');
    const m = /^\(?(\d{1,2}|[a-zđ])\)?(=[()\d+-]+)?$/.exec(text);
    if (!m?.[1]) return false;
    if (/^\d+$/.test(m[1])) {
      const n = Number(m[1]);
      if (n <= last) return false;
      last = n;
    }
  }
  return last >= 4;
}

const SEARCH_ROWS = 40;
const MAX_HEADER_ROWS = 4;

export interface ReportLayout {
  /** 0-based rows: the first and last of the header, and the first that may hold figures. */
  top: number;
  bottom: number;
  numbersRow?: number;
  firstDataRow: number;
  columns: Map<ReportColumnKey, SheetColumn>;
  /** "Trả lại/Rút" stands in the resolved group, whose total then includes it. */
  withdrawnInResolved: boolean;
  /** Headers that name no column of the form ("Ghi chú"…), left out. */
  ignored: SheetColumn[];
  /** Two columns that mean the same, or required ones missing: the sheet cannot be read. */
  duplicates: { key: ReportColumnKey; first: SheetColumn; second: SheetColumn }[];
  missing: ReportColumnKey[];
}

/** The first header row: a short "Lĩnh vực" cell among others, with the form's groups at most three rows down. */
function findTop(sheet: SheetCells): { top: number; fieldIndex: number } | undefined {
  const limit = Math.min(sheet.rows.length, SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    if (cells.filter((c) => !isEmptyCell(c)).length < 2) continue;
    const fieldIndex = cells.findIndex((c) => {
      const w = cellWords(c);
      return w.length > 0 && w.length < 80 && FIELD_HEADER.test(w);
    });
    if (fieldIndex < 0) continue;
    const groups = new Set<ReportGroup>();
    for (let k = r; k < Math.min(r + MAX_HEADER_ROWS, sheet.rows.length); k++) {
      for (const c of sheet.rows[k] ?? []) {
        const g = groupOf(cellWords(c));
        if (g) groups.add(g);
      }
    }
    if (groups.size >= 2) return { top: r, fieldIndex };
  }
  return undefined;
}

/** True when the sheet's header names the form's columns (a field column and at least two of its groups). */
export function looksLikeReport(sheet: SheetCells): boolean {
  return findTop(sheet) !== undefined;
}

/**
 * Finds the header, reads each column's headers top to bottom (merged group
 * cells carried over their sub-headers) and names what each column holds.
 */
export function readReportLayout(sheet: SheetCells): ReportLayout | undefined {
  const found = findTop(sheet);
  if (!found) return undefined;
  const { top, fieldIndex } = found;
  let bottom = top;
  while (bottom + 1 < Math.min(top + MAX_HEADER_ROWS, sheet.rows.length)) {
    const next = sheet.rows[bottom + 1] ?? [];
    if (next.every(isEmptyCell) || isNumbersRow(next)) break;
    if (!isEmptyCell(next[fieldIndex])) break;
    if (next.some((c) => typeof c === 'number')) break;
    bottom++;
  }
  const afterHeader = sheet.rows[bottom + 1];
  const numbersRow = afterHeader && isNumbersRow(afterHeader) ? bottom + 1 : undefined;
  const firstDataRow = (numbersRow ?? bottom) + 1;

  const headerRows = sheet.rows.slice(top, bottom + 1);
  const width = Math.max(...headerRows.map((r) => r.length));
  // owner[h][c]: the column whose cell gives row h's text at column c (-1: none).
  const owner: number[][] = headerRows.map(() => new Array<number>(width).fill(-1));
  headerRows.forEach((cells, h) => {
    for (let c = 0; c < width; c++) {
      if (!isEmptyCell(cells[c])) {
        (owner[h] as number[])[c] = c;
        continue;
      }
      // Carried right only over columns that have a sub-header below and share the parent above.
      const below = headerRows.slice(h + 1).some((row) => !isEmptyCell(row[c]));
      if (!below || c === 0) continue;
      const left = (owner[h] as number[])[c - 1] ?? -1;
      if (left < 0) continue;
      const parentSame = h === 0 || (owner[h - 1] as number[])[left] === (owner[h - 1] as number[])[c];
      if (parentSame) (owner[h] as number[])[c] = left;
    }
  });

  interface Found {
    key?: ReportColumnKey;
    leaf: string;
    group?: string;
    /** The merged cell of its nearest group heading (`row:column`), to tell which group a column stands in. */
    groupCell?: string;
    index: number;
  }
  const found2: Found[] = [];
  for (let c = 0; c < width; c++) {
    const path: { text: string; words: string; cell: string }[] = [];
    headerRows.forEach((cells, h) => {
      const o = (owner[h] as number[])[c] ?? -1;
      if (o < 0) return;
      const text = oneLine(String(cells[o]));
      const words = cellWords(cells[o]);
      if (words && path[path.length - 1]?.words !== words) path.push({ text, words, cell: `${h}:${o}` });
    });
    if (path.length === 0) continue;
    const leaf = path[path.length - 1] as { text: string; words: string };
    const groupElement = [...path.slice(0, -1)].reverse().find((p) => groupOf(p.words));
    const shownLeaf = withoutNotes(leaf.text) || leaf.text;
    const entry: Found = {
      leaf: shownLeaf,
      index: c,
      ...(groupElement ? { group: groupElement.text, groupCell: groupElement.cell } : {}),
    };
    if (path.some((p) => ROW_NUMBER_HEADER.test(p.words))) entry.key = 'rowNumber';
    else if (path.some((p) => FIELD_HEADER.test(p.words))) entry.key = 'field';
    else {
      const groups = path.slice(0, -1).map((p) => groupOf(p.words));
      const group =
        groups.find((g) => g === 'pending') ?? groups.find((g) => g === 'resolved') ?? groups.find((g) => g);
      const kind = LEAF_PATTERN.find(([, p]) => p.test(leaf.words))?.[0];
      if (path.length === 1 && !kind) {
        // A group heading with no sub-headers: the group's total.
        const own = groupOf(leaf.words);
        if (own) entry.key = GROUP_TOTAL[own];
      } else if (group && kind) entry.key = BY_GROUP[group][kind];
      else if (!group && kind === 'withdrawn') entry.key = 'withdrawn';
      else if (!group && kind === 'carried') entry.key = 'carriedOver';
    }
    found2.push(entry);
  }

  // A header shown alone where it is unique on the sheet; with its group where it is not ("Quá hạn" twice).
  const leafCount = new Map<string, number>();
  for (const f of found2) leafCount.set(normalizeLabel(f.leaf), (leafCount.get(normalizeLabel(f.leaf)) ?? 0) + 1);
  const columns = new Map<ReportColumnKey, SheetColumn>();
  const ignored: SheetColumn[] = [];
  const duplicates: ReportLayout['duplicates'] = [];
  const groupCells = new Map<ReportColumnKey, string | undefined>();
  for (const f of found2) {
    const ambiguous = (leafCount.get(normalizeLabel(f.leaf)) ?? 0) > 1 && f.group;
    const column: SheetColumn = { header: ambiguous ? `${f.leaf} (${f.group})` : f.leaf, index: f.index };
    if (!f.key) {
      ignored.push(column);
      continue;
    }
    const seen = columns.get(f.key);
    if (seen) {
      duplicates.push({ key: f.key, first: seen, second: column });
      continue;
    }
    columns.set(f.key, column);
    groupCells.set(f.key, f.groupCell);
  }
  // Inside the resolved group when it stands under the same merged heading as the resolved columns.
  const resolvedCell = groupCells.get('resolvedTotal') ?? groupCells.get('resolvedOnTime');
  const withdrawnCell = groupCells.get('withdrawn');
  const withdrawnInResolved = withdrawnCell !== undefined && withdrawnCell === resolvedCell;

  const required: ReportColumnKey[] = [
    'field',
    'receivedOnline',
    'carriedOver',
    'resolvedOnTime',
    'resolvedLate',
    'pendingWithinDeadline',
    'pendingOverdue',
  ];
  const missing = required.filter((k) => !columns.has(k));
  if (!columns.has('receivedDirect') && !columns.has('receivedNew')) missing.splice(2, 0, 'receivedDirect');
  if (columns.has('receivedDirect') && columns.has('receivedNew')) {
    const first = columns.get('receivedDirect') as SheetColumn;
    duplicates.push({ key: 'receivedNew', first, second: columns.get('receivedNew') as SheetColumn });
  }
  return { top, bottom, numbersRow, firstDataRow, columns, withdrawnInResolved, ignored, duplicates, missing };
}

import type { ColumnFormat, RawTable } from '../csv.ts';

/**
 * A table the page offers for download, laid out for an Excel sheet: the
 * dataset's title, the period and filters, the illustrative note where it
 * applies, then the header row and the rows, each cell with its format.
 * Numbers stay numbers, so Excel computes with them in any locale (a CSV
 * separated by commas opens as one column in Excel set to Vietnamese).
 */

export interface ExportHeading {
  /** The dataset's title. */
  title: string;
  /** The months shown, as the page writes them ("Tháng 1/2021 – Tháng 4/2022"). */
  period: string;
  /** The filters in force, each as the page writes it ("Cấp xã", "Lĩnh vực: Đất đai"). */
  filters?: readonly string[];
  /** The illustrative note, when the figures are partly invented; null or absent otherwise. */
  note?: string | null;
}

export type ExportRole = 'title' | 'subtitle' | 'note' | 'header' | 'body';

export interface ExportCell {
  value: string | number | null;
  format: ColumnFormat;
  role: ExportRole;
}

export interface ExportSheet {
  rows: (ExportCell | null)[][];
  /** 0-based index of the header row; the rows above it and it stay in view when scrolling. */
  headerRow: number;
  /** Column widths in characters. */
  widths: number[];
}

/** A column's format: as given, else count for a column of numbers and text for the rest. */
export function columnFormat(table: RawTable, key: string): ColumnFormat {
  const column = table.columns.find((c) => c.key === key);
  if (column?.format) return column.format;
  const first = table.rows.find((r) => r[key] !== null && r[key] !== undefined)?.[key];
  return typeof first === 'number' ? 'count' : 'text';
}

function valueCell(value: string | number | null | undefined, format: ColumnFormat): ExportCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    // A rate that is not a number (0/0) has no value; an empty cell says so, never 0.
    if (!Number.isFinite(value)) return null;
    return { value, format: format === 'text' ? 'count' : format, role: 'body' };
  }
  return { value, format: 'text', role: 'body' };
}

function shownLength(cell: ExportCell | null): number {
  if (!cell || cell.value === null) return 0;
  if (typeof cell.value === 'string') return cell.value.length;
  if (cell.format === 'percent') return 7;
  const digits = String(Math.round(Math.abs(cell.value))).length;
  return digits + Math.floor((digits - 1) / 3) + (cell.format === 'vnd' ? 2 : 0);
}

export function exportSheet(table: RawTable, heading: ExportHeading): ExportSheet {
  const width = Math.max(1, table.columns.length);
  const line = (value: string, role: ExportRole): (ExportCell | null)[] => [
    { value, format: 'text', role },
    ...new Array<null>(width - 1).fill(null),
  ];
  const rows: (ExportCell | null)[][] = [line(heading.title, 'title')];
  const subtitle = [heading.period, ...(heading.filters ?? [])].filter((t) => t.trim() !== '').join(' · ');
  if (subtitle) rows.push(line(subtitle, 'subtitle'));
  if (heading.note) rows.push(line(heading.note, 'note'));
  rows.push(new Array<null>(width).fill(null));
  const headerRow = rows.length;
  rows.push(table.columns.map((c) => ({ value: c.label, format: 'text', role: 'header' })));
  const formats = table.columns.map((c) => columnFormat(table, c.key));
  for (const r of table.rows) rows.push(table.columns.map((c, i) => valueCell(r[c.key], formats[i] ?? 'text')));
  const widths = table.columns.map((_, i) => {
    let longest = 8;
    for (let r = headerRow; r < rows.length; r++) longest = Math.max(longest, shownLength(rows[r]?.[i] ?? null));
    return Math.min(48, longest + 2);
  });
  return { rows, headerRow, widths };
}

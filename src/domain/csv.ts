/**
 * Tables for export: plain, unformatted numbers so a spreadsheet computes with
 * them; a header row; UTF-8 with a byte-order mark so Excel shows Vietnamese.
 */

/** How a column's numbers read in a spreadsheet: counts with thousands separators, rates as percentages, money in đồng. */
export type ColumnFormat = 'count' | 'percent' | 'vnd' | 'text';

export interface RawTable {
  /** `format` where it is not the default: numbers are counts, text is text. Rates are fractions (0.95), shown as 95 %. */
  columns: { key: string; label: string; format?: ColumnFormat }[];
  rows: Record<string, string | number | null>[];
}

const BOM = '\ufeff';

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Quote when needed, and defuse text that a spreadsheet would run as a formula.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: RawTable): string {
  const lines = [table.columns.map((c) => cell(c.label)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell(row[c.key])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The same rows as JSON objects keyed by column key, with the labels alongside. */
export function toJson(table: RawTable, meta: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...meta, columns: table.columns, rows: table.rows }, null, 2)}\n`;
}

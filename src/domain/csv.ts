/**
 * Tables for export: plain, unformatted numbers so a spreadsheet computes with
 * them; a header row; UTF-8 with a byte-order mark so Excel shows Vietnamese.
 */

export interface RawTable {
  /** `format` says how a spreadsheet should show the column; numbers default to counts, text to text. */
  columns: { key: string; label: string; format?: 'count' | 'percent' | 'vnd' | 'text' }[];
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

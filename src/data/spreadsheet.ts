import readExcelFile from 'read-excel-file/universal';
import writeExcelFile, { type Cell, type Row, type SheetOptions } from 'write-excel-file/universal';
import type { Dataset } from '../domain/schema.ts';
import {
  datasetToInfo,
  datasetToTable,
  INFO_SHEET,
  type InfoRow,
  type SheetCells,
  TABLE_COLUMNS,
  TABLE_SHEET,
  type TableCell,
  type TableResult,
  tableToDataset,
  templateInfo,
  templateTable,
} from '../domain/table-format.ts';

/**
 * Spreadsheet files in and out: .xlsx through read-excel-file and
 * write-excel-file (docs/decisions/0004-spreadsheet-library.md), CSV by hand.
 * The `/universal` entries of both libraries take and give ArrayBuffer/Blob
 * and spawn no workers, so this one module serves the command line (Node,
 * tsx, vitest) and the browser alike. The page loads it with a dynamic
 * import, only when a spreadsheet is opened or a template is asked for.
 */

export type ImportResult = TableResult;
export type SpreadsheetKind = 'xlsx' | 'csv';

export {
  datasetJsonText,
  describeTableError,
  describeTableNote,
  describeTableWarning,
} from '../domain/table-format.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A private copy as a plain ArrayBuffer of this realm (a Node Buffer shares a pool; a jsdom File another realm). */
function toBytes(input: ArrayBuffer | Uint8Array): Uint8Array {
  const view = ArrayBuffer.isView(input)
    ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
    : new Uint8Array(input);
  const copy = new Uint8Array(view.byteLength);
  copy.set(view);
  return copy;
}

/**
 * Read an .xlsx or CSV file into a dataset, checked like a JSON file, with
 * errors placed by sheet, row and column. The kind is told by the bytes (an
 * .xlsx is a zip archive); the name gives the title when the file has none.
 */
export async function readSpreadsheet(input: ArrayBuffer | Uint8Array, fileName: string): Promise<ImportResult> {
  const bytes = toBytes(input);
  const file = { sheet: fileName, file: true };
  if (startsWith(bytes, OLE)) return refused({ code: 'legacy_xls', place: file });
  if (startsWith(bytes, ZIP)) {
    let sheets: SheetCells[];
    try {
      const read = await readExcelFile(bytes.buffer as ArrayBuffer);
      sheets = read.map((s) => ({ name: s.sheet, rows: s.data }));
    } catch (e) {
      return refused({
        code: 'unreadable_file',
        place: file,
        detail: { reason: e instanceof Error ? e.message : String(e) },
      });
    }
    return tableToDataset({ fileName, kind: 'xlsx', sheets });
  }
  if (/\.xlsx$/i.test(fileName)) {
    return refused({ code: 'unreadable_file', place: file, detail: { reason: 'not a zip archive' } });
  }
  const text = decodeText(bytes);
  if (text === undefined) return refused({ code: 'not_utf8', place: file });
  return tableToDataset({ fileName, kind: 'csv', sheets: [{ name: fileName, rows: parseCsv(text) }] });
}

function refused(error: Extract<ImportResult, { ok: false }>['errors'][number]): ImportResult {
  return { ok: false, errors: [error], errorCount: 1, notes: [] };
}

/** UTF-8 (with or without a byte-order mark), or UTF-16 with its mark (Excel's "Unicode text"). */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// CSV

const SEPARATORS = [';', ',', '\t'] as const;

/**
 * Which of `;`, `,` and tab separates the fields: the one found most often
 * outside quotes in the first lines. Excel writes `;` where the decimal mark
 * is a comma, as on Vietnamese Windows, and `,` elsewhere.
 */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 5; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [sep, n] of counts) {
    if (n > most) [best, most] = [sep, n];
  }
  return best;
}

/**
 * RFC 4180 fields: quoted fields may hold separators, line breaks and doubled
 * quotes; CRLF, LF or CR end a row. Every line is a row, empty ones included,
 * so row numbers are those a spreadsheet shows. A leading apostrophe that
 * defuses a formula (`'=…`, written by toCsv) is taken off again.
 */
export function parseCsv(input: string, separator?: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(/^'[=+\-@]/.test(field) ? field.slice(1) : field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else if (ch === '\n') endRow();
    else field += ch;
  }
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}

function csvField(value: TableCell, sep: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Defuse text a spreadsheet would run as a formula; parseCsv takes the apostrophe off.
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return text.includes(sep) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV: `;` between fields (Excel on Vietnamese Windows), CRLF, UTF-8 with a byte-order mark. */
export function toCsv(rows: readonly (readonly TableCell[])[], sep = ';'): string {
  return `\ufeff${rows.map((r) => r.map((c) => csvField(c, sep)).join(sep)).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------
// .xlsx

const HEADER_STYLE = {
  fontWeight: 'bold',
  backgroundColor: '#DDEBF7',
  wrap: true,
  alignVertical: 'top',
} as const;
const RULE_STYLE = { fontStyle: 'italic', textColor: '#555555', wrap: true, alignVertical: 'top' } as const;
/** Whole numbers with a thousands separator, which Excel shows in the reader's own convention. */
export const COUNT_FORMAT = '#,##0';
/** Text, so that Excel keeps `00565` and does not turn `4/2022` into a date. */
export const TEXT_FORMAT = '@';

function tableCell(value: TableCell, column: number): Cell {
  if (value === null) return null;
  const kind = TABLE_COLUMNS[column]?.kind;
  if (typeof value === 'number') return { value, type: Number, format: kind === 'count' ? COUNT_FORMAT : undefined };
  return { value, type: String, format: TEXT_FORMAT };
}

function tableSheet(rows: TableCell[][], withRuleRow: boolean): { data: Row[]; options: SheetOptions<Blob> } {
  const data = rows.map((row, r): Row => {
    if (r === 0) return row.map((v) => ({ value: String(v ?? ''), ...HEADER_STYLE }));
    if (withRuleRow && r === 1) return row.map((v) => ({ value: String(v ?? ''), ...RULE_STYLE }));
    return row.map(tableCell);
  });
  const columns = TABLE_COLUMNS.map((c) => ({ width: Math.min(40, Math.max(12, c.label.vi.length + 2)) }));
  return { data, options: { sheet: TABLE_SHEET, columns, stickyRowsCount: withRuleRow ? 2 : 1 } };
}

function infoSheet(rows: InfoRow[]): { data: Row[]; options: SheetOptions<Blob> } {
  const data = rows.map((row): Row => {
    if (row.kind === 'header' || row.kind === 'section') {
      return row.cells.map((v) => ({ value: String(v ?? ''), ...HEADER_STYLE }));
    }
    return row.cells.map((v, i): Cell => {
      if (v === null) return null;
      if (typeof v === 'number') {
        const percent = row.kind === 'item' && row.path?.startsWith('targets.');
        return { value: v, type: Number, format: percent ? '0%' : undefined };
      }
      return { value: v, type: String, format: i === 1 && row.kind === 'item' ? TEXT_FORMAT : undefined };
    });
  });
  return {
    data,
    options: { sheet: INFO_SHEET, columns: [{ width: 36 }, { width: 60 }, { width: 14 }, { width: 30 }] },
  };
}

async function writeWorkbook(
  table: ReturnType<typeof tableSheet>,
  info: ReturnType<typeof infoSheet>,
): Promise<Uint8Array> {
  const blob = await writeExcelFile([
    { data: table.data, ...table.options },
    { data: info.data, ...info.options },
  ]).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

const encoder = new TextEncoder();

/**
 * The template: the table with Vietnamese headers, a second header row with
 * each column's meaning and rule, one filled example row (counts in a
 * whole-number format), and, for .xlsx, the "Thông tin" sheet.
 */
export async function writeTemplate(kind: SpreadsheetKind): Promise<Uint8Array> {
  const rows = templateTable();
  if (kind === 'csv') return encoder.encode(toCsv(rows));
  return writeWorkbook(tableSheet(rows, true), infoSheet(templateInfo()));
}

/** A dataset as the table (and, for .xlsx, its "Thông tin" sheet); reading it back gives the dataset again. */
export async function writeDatasetTable(dataset: Dataset, kind: SpreadsheetKind): Promise<Uint8Array> {
  const rows = datasetToTable(dataset);
  if (kind === 'csv') return encoder.encode(toCsv(rows));
  return writeWorkbook(tableSheet(rows, false), infoSheet(datasetToInfo(dataset)));
}

export const MEDIA_TYPE: Record<SpreadsheetKind | 'json', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

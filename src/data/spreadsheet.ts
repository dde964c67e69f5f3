import readExcelFile from 'read-excel-file/universal';
import writeExcelFile, { type Cell, type Row, type SheetOptions } from 'write-excel-file/universal';
import type { Dataset } from '../domain/schema.ts';
import { type ConvertOptions, convertWorkbooks } from '../domain/spreadsheet/convert.ts';
import { parseCsv, rowsToCsv } from '../domain/spreadsheet/csv-text.ts';
import { datasetToInfo, type InfoRow } from '../domain/spreadsheet/info-sheet.ts';
import type { ConvertResult, SheetError, WorkbookCells } from '../domain/spreadsheet/problems.ts';
import { INFO_SHEET, TABLE_SHEET, TEMPLATE_COLUMNS } from '../domain/spreadsheet/template-columns.ts';
import { datasetToTable, type TableCell, templateInfo, templateTable } from '../domain/spreadsheet/template-writer.ts';

/**
 * Spreadsheet files in and out: .xlsx through read-excel-file and
 * write-excel-file (docs/decisions/0004-spreadsheet-library.md), CSV by hand.
 * The `/universal` entries of both libraries take and give ArrayBuffer/Blob
 * and spawn no workers, so this one module serves the command line (Node,
 * tsx, vitest), the spreadsheet worker and the page alike. The page never
 * imports it statically: it is loaded in the worker (spreadsheet-worker.ts)
 * or on demand. What the cells mean is src/domain/spreadsheet's business.
 */

export type SpreadsheetKind = 'xlsx' | 'csv';

/** A file as bytes with its name (the name places errors and gives a title). */
export interface SpreadsheetFile {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

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

/**
 * The cells of an .xlsx (every sheet) or a CSV file, the kind told by the
 * bytes (an .xlsx is a zip archive); or the reason the file cannot be read.
 */
export async function readWorkbook(file: SpreadsheetFile): Promise<WorkbookCells | SheetError> {
  const bytes = toBytes(file.bytes);
  const place = { file: file.name };
  if (startsWith(bytes, OLE)) return { code: 'legacy_xls', place };
  if (startsWith(bytes, ZIP)) {
    try {
      const read = await readExcelFile(bytes.buffer as ArrayBuffer);
      return { fileName: file.name, kind: 'xlsx', sheets: read.map((s) => ({ name: s.sheet, rows: s.data })) };
    } catch (e) {
      return { code: 'unreadable_file', place, detail: { reason: e instanceof Error ? e.message : String(e) } };
    }
  }
  if (/\.xlsx$/i.test(file.name)) return { code: 'unreadable_file', place, detail: { reason: 'not a zip archive' } };
  const text = decodeText(bytes);
  if (text === undefined) return { code: 'not_utf8', place };
  return { fileName: file.name, kind: 'csv', sheets: [{ name: file.name, rows: parseCsv(text) }] };
}

function isError(x: WorkbookCells | SheetError): x is SheetError {
  return 'code' in x;
}

/**
 * Several files (reports of units and months, the project's tables) into one
 * dataset, checked like a JSON file, every error placed by file, sheet, row
 * and column. `units` is an optional list of units (name, id, level, parent,
 * code) that maps report names to the ids of an existing dataset.
 */
export async function convertSpreadsheets(
  files: readonly SpreadsheetFile[],
  options: { units?: SpreadsheetFile } = {},
): Promise<ConvertResult> {
  const read = await Promise.all(files.map(readWorkbook));
  const fileErrors: SheetError[] = read.filter(isError);
  const workbooks = read.filter((r): r is WorkbookCells => !isError(r));
  const convert: ConvertOptions = { fileErrors };
  if (options.units) {
    const units = await readWorkbook(options.units);
    if (isError(units)) fileErrors.push(units);
    else convert.units = units;
  }
  return convertWorkbooks(workbooks, convert);
}

/** One file: an .xlsx or CSV of the project's table, or an .xlsx of reports. */
export function readSpreadsheet(input: ArrayBuffer | Uint8Array, fileName: string): Promise<ConvertResult> {
  return convertSpreadsheets([{ name: fileName, bytes: input }]);
}

// ---------------------------------------------------------------------------
// Writing the project's table and its template

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
  const kind = TEMPLATE_COLUMNS[column]?.kind;
  if (typeof value === 'number') return { value, type: Number, format: kind === 'count' ? COUNT_FORMAT : undefined };
  return { value, type: String, format: TEXT_FORMAT };
}

function tableSheet(rows: TableCell[][], withRuleRow: boolean): { data: Row[]; options: SheetOptions<Blob> } {
  const data = rows.map((row, r): Row => {
    if (r === 0) return row.map((v) => ({ value: String(v ?? ''), ...HEADER_STYLE }));
    if (withRuleRow && r === 1) return row.map((v) => ({ value: String(v ?? ''), ...RULE_STYLE }));
    return row.map(tableCell);
  });
  const columns = TEMPLATE_COLUMNS.map((c) => ({ width: Math.min(40, Math.max(12, c.label.vi.length + 2)) }));
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
  if (kind === 'csv') return encoder.encode(rowsToCsv(rows));
  return writeWorkbook(tableSheet(rows, true), infoSheet(templateInfo()));
}

/** A dataset as the table (and, for .xlsx, its "Thông tin" sheet); reading it back gives the dataset again. */
export async function writeDatasetTable(dataset: Dataset, kind: SpreadsheetKind): Promise<Uint8Array> {
  const rows = datasetToTable(dataset);
  if (kind === 'csv') return encoder.encode(rowsToCsv(rows));
  return writeWorkbook(tableSheet(rows, false), infoSheet(datasetToInfo(dataset)));
}

export const MEDIA_TYPE: Record<SpreadsheetKind | 'json', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

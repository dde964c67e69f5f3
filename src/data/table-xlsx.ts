import writeExcelFile, { type Cell, type Row } from 'write-excel-file/universal';
import type { ColumnFormat, RawTable } from '../domain/csv.ts';
import { type ExportCell, type ExportHeading, exportSheet } from '../domain/spreadsheet/table-export.ts';

/**
 * A table of the page as an .xlsx file: numbers as numbers with their
 * formats, a title row with the period and filters, the illustrative note.
 * Loaded on demand (dynamic import) with the writing library, so none of it
 * weighs on the first view.
 */

export type { ExportHeading } from '../domain/spreadsheet/table-export.ts';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Number formats in Excel's own notation, which it shows in the reader's locale (dots or commas). */
export const EXCEL_FORMAT: Record<ColumnFormat, string> = {
  count: '#,##0',
  percent: '0.0%',
  vnd: '#,##0 "₫"',
  text: '@',
};

const SHEET_NAME = 'Số liệu';

function excelCell(cell: ExportCell | null): Cell {
  if (!cell || cell.value === null) return null;
  switch (cell.role) {
    case 'title':
      return { value: String(cell.value), type: String, fontWeight: 'bold', fontSize: 14 };
    case 'subtitle':
      return { value: String(cell.value), type: String };
    case 'note':
      return { value: String(cell.value), type: String, fontStyle: 'italic', textColor: '#7A4B00' };
    case 'header':
      return {
        value: String(cell.value),
        type: String,
        fontWeight: 'bold',
        backgroundColor: '#DDEBF7',
        wrap: true,
        alignVertical: 'top',
      };
    default:
      return typeof cell.value === 'number'
        ? { value: cell.value, type: Number, format: EXCEL_FORMAT[cell.format] }
        : { value: cell.value, type: String };
  }
}

/**
 * `tableToXlsx(table, heading)`: the table as an .xlsx Blob, one sheet. Each
 * column's format comes from `RawTable.columns[].format` (numbers default to
 * counts, text to text): counts `#,##0`, rates (fractions) `0.0%`, money
 * `#,##0 "₫"`. Empty cells stay empty (a rate that does not exist is not 0).
 */
export async function tableToXlsx(table: RawTable, heading: ExportHeading): Promise<Blob> {
  const sheet = exportSheet(table, heading);
  const data: Row[] = sheet.rows.map((row) => row.map(excelCell));
  const blob = await writeExcelFile(data, {
    sheet: SHEET_NAME,
    columns: sheet.widths.map((width) => ({ width })),
    stickyRowsCount: sheet.headerRow + 1,
  }).toBlob();
  return new Blob([await blob.arrayBuffer()], { type: XLSX_MEDIA_TYPE });
}

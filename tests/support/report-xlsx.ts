import writeExcelFile, { type Cell, type Row } from 'write-excel-file/universal';
import type { FormCell, ReportForm } from './report-forms.ts';

/** Report forms (tests/support/report-forms.ts) written as an .xlsx workbook, one sheet each, merged cells merged. */

function cell(value: FormCell): Cell {
  if (value === null) return null;
  if (value instanceof Date) return { value, type: Date, format: 'dd/mm/yyyy' };
  if (typeof value === 'object') {
    return {
      value: value.value,
      ...(value.columnSpan ? { columnSpan: value.columnSpan } : {}),
      ...(value.rowSpan ? { rowSpan: value.rowSpan } : {}),
      wrap: true,
    };
  }
  return { value };
}

export async function reportWorkbook(forms: readonly ReportForm[]): Promise<Uint8Array> {
  const blob = await writeExcelFile(
    forms.map((form) => ({
      sheet: form.sheet,
      // write-excel-file wants every row to have a cell per column under a merge; pad with empty cells.
      data: form.rows.map((row): Row => (row.length === 0 ? [null] : row.map(cell))),
    })),
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

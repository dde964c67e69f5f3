import type { ImportOutcome } from '../domain/spreadsheet/preview.ts';
import type { FromSpreadsheetWorker, ToSpreadsheetWorker } from './spreadsheet-protocol.ts';

/**
 * The page's way to spreadsheets: reading chosen files into a dataset (in a
 * worker) and making the template. This module is small and safe to import
 * from the page; the spreadsheet libraries load only in the worker, or on
 * demand where there are no workers.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function inThisThread(files: readonly File[]): Promise<ImportOutcome> {
  const [sheets, preview] = await Promise.all([import('./spreadsheet.ts'), import('../domain/spreadsheet/preview.ts')]);
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  return preview.importOutcome(await sheets.convertSpreadsheets(read));
}

/**
 * Reads spreadsheet files (official reports of units and months, the
 * project's table) into one dataset: its errors placed by file, sheet, row
 * and column, or its JSON text with a preview. The files never leave the
 * browser.
 */
export async function importSpreadsheets(files: readonly File[]): Promise<ImportOutcome> {
  if (typeof Worker === 'undefined') return inThisThread(files);
  // The bytes are read here and moved to the worker: reading a File inside a worker goes through a blob: address.
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
  return new Promise<ImportOutcome>((resolve, reject) => {
    const worker = new Worker(new URL('./spreadsheet-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromSpreadsheetWorker>) => {
      worker.terminate();
      const message = event.data;
      if (message.type === 'done') resolve(message.outcome);
      else reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(`the spreadsheet worker failed: ${event.message}`));
    };
    const message: ToSpreadsheetWorker = { files: read };
    worker.postMessage(
      message,
      read.map((f) => f.bytes),
    );
  });
}

/** The blank template (.xlsx), made on demand. */
export async function spreadsheetTemplate(): Promise<Blob> {
  const { writeTemplate } = await import('./spreadsheet.ts');
  const bytes = await writeTemplate('xlsx');
  return new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_TYPE });
}

/** What the import panel needs, handed to it by the page. */
export const spreadsheetAccess = { read: importSpreadsheets, template: spreadsheetTemplate };

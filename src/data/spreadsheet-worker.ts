/// <reference lib="webworker" />
import { importOutcome } from '../domain/spreadsheet/preview.ts';
import { convertSpreadsheets } from './spreadsheet.ts';
import type { FromSpreadsheetWorker, ToSpreadsheetWorker } from './spreadsheet-protocol.ts';

/**
 * Reads spreadsheet files off the page's thread: unzips and parses each
 * workbook, converts them into one dataset, validates it, and sends back the
 * errors, or the dataset's JSON text with a preview. A workbook of a
 * province's reports takes seconds to read; the page stays responsive.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromSpreadsheetWorker): void {
  scope.postMessage(message);
}

scope.onmessage = (event: MessageEvent<ToSpreadsheetWorker>) => {
  convertSpreadsheets(event.data.files).then(
    (result) => post({ type: 'done', outcome: importOutcome(result) }),
    (e: unknown) => post({ type: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
};

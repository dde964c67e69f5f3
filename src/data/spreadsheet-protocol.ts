import type { ImportOutcome } from '../domain/spreadsheet/preview.ts';

/** Messages between the page and the spreadsheet worker (spreadsheet-worker.ts). */
export interface ToSpreadsheetWorker {
  /** The files chosen or dropped, as the browser gives them; the worker reads their bytes. */
  files: { name: string; file: Blob }[];
}

export type FromSpreadsheetWorker = { type: 'done'; outcome: ImportOutcome } | { type: 'failed'; message: string };

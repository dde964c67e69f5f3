import type { ImportOutcome } from '../domain/spreadsheet/preview.ts';

/** Messages between the page and the spreadsheet worker (spreadsheet-worker.ts). */
export interface ToSpreadsheetWorker {
  /** The files chosen or dropped: their bytes, transferred (not copied) to the worker. */
  files: { name: string; bytes: ArrayBuffer }[];
}

export type FromSpreadsheetWorker = { type: 'done'; outcome: ImportOutcome } | { type: 'failed'; message: string };

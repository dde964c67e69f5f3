import type { DatasetMeta } from '../domain/dataset-meta.ts';
import type { DataError, DataWarning } from '../domain/problems.ts';
import type { Question } from './engine-questions.ts';

/** Messages between the page and the dataset worker (dataset-worker.ts). */
export type ToWorker =
  /** Bytes of the file as they arrive, in order; the buffer is transferred, not copied. */
  | { type: 'chunk'; bytes: ArrayBuffer }
  /** The last chunk has been sent: decode, parse, validate and index. */
  | { type: 'end' }
  /** The response body itself, handed over whole: the worker reads it, the page's thread does nothing per chunk. */
  | { type: 'stream'; body: ReadableStream<Uint8Array> }
  /** A whole file chosen or dropped on the page (the worker reads it). */
  | { type: 'file'; file: Blob }
  /** A whole text already in memory (a converted spreadsheet). */
  | { type: 'text'; text: string }
  | { type: 'ask'; id: number; question: Question };

export type Loaded =
  | { ok: true; meta: DatasetMeta; warnings: DataWarning[]; warningCount: number }
  | { ok: false; errors: DataError[]; errorCount: number };

export type FromWorker =
  | { type: 'loaded'; result: Loaded }
  /** How many bytes of a handed-over body have arrived, for the download indicator. */
  | { type: 'progress'; received: number }
  /** A handed-over body broke off before its end. */
  | { type: 'cut' }
  | { type: 'answer'; id: number; value: unknown }
  | { type: 'failed'; id: number | null; message: string };

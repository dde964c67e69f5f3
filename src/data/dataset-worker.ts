/// <reference lib="webworker" />
import { datasetMeta } from '../domain/dataset-meta.ts';
import { createDatasetReader } from '../domain/dataset-stream.ts';
import { type DatasetIndex, indexDataset } from '../domain/metrics.ts';
import { type LoadResult, parseDatasetText } from '../domain/validate.ts';
import { WARNINGS_SENT } from './dataset-engine.ts';
import { answer } from './engine-answer.ts';
import type { FromWorker, Loaded, ToWorker } from './worker-protocol.ts';

/**
 * Holds a large dataset off the page's thread: it decodes and parses the bytes
 * as they arrive (the records in runs, while the rest of the file is still on
 * its way: dataset-stream.ts), validates and indexes them with the same
 * functions the page uses for small files, keeps the index, and answers the
 * page's questions with small results. The records never cross to the page.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const decoder = new TextDecoder('utf-8');
let reader = createDatasetReader();
let index: DatasetIndex | null = null;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function load(result: LoadResult): void {
  let loaded: Loaded;
  if (!result.ok) loaded = { ok: false, errors: result.errors, errorCount: result.errorCount };
  else {
    index = indexDataset(result.dataset);
    loaded = {
      ok: true,
      meta: datasetMeta(index),
      warnings: result.warnings.slice(0, WARNINGS_SENT),
      warningCount: result.warnings.length,
    };
  }
  post({ type: 'loaded', result: loaded });
}

/**
 * Reads a handed-over response body to its end, parsing as it goes, and tells the page how far it has come
 * now and then.
 */
async function readStream(body: ReadableStream<Uint8Array>): Promise<LoadResult> {
  const bytes = body.getReader();
  const streaming = new TextDecoder('utf-8');
  const text = createDatasetReader();
  let received = 0;
  let toldAt = 0;
  for (;;) {
    const { done, value } = await bytes.read();
    if (done) break;
    received += value.byteLength;
    text.push(streaming.decode(value, { stream: true }));
    if (received - toldAt > 1_000_000) {
      toldAt = received;
      post({ type: 'progress', received });
    }
  }
  text.push(streaming.decode());
  return text.finish();
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'chunk':
      reader.push(decoder.decode(new Uint8Array(message.bytes), { stream: true }));
      return;
    case 'end': {
      reader.push(decoder.decode());
      const result = reader.finish();
      reader = createDatasetReader();
      load(result);
      return;
    }
    case 'text':
      load(parseDatasetText(message.text));
      return;
    case 'stream':
      readStream(message.body).then(load, () => post({ type: 'cut' }));
      return;
    case 'file':
      message.file.arrayBuffer().then(
        (bytes) => load(parseDatasetText(new TextDecoder('utf-8').decode(bytes))),
        (e: unknown) => post({ type: 'failed', id: null, message: String(e) }),
      );
      return;
    case 'ask':
      if (!index) {
        post({ type: 'failed', id: message.id, message: 'no dataset loaded' });
        return;
      }
      try {
        post({ type: 'answer', id: message.id, value: answer(index, message.question) });
      } catch (e) {
        post({ type: 'failed', id: message.id, message: e instanceof Error ? e.message : String(e) });
      }
      return;
  }
};

/// <reference lib="webworker" />
import { datasetMeta } from '../domain/dataset-meta.ts';
import { type DatasetIndex, indexDataset } from '../domain/metrics.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { WARNINGS_SENT } from './dataset-engine.ts';
import { answer } from './engine-answer.ts';
import type { FromWorker, Loaded, ToWorker } from './worker-protocol.ts';

/**
 * Holds a large dataset off the page's thread: it decodes the bytes as they
 * arrive, then parses, validates and indexes them with the same functions
 * the page uses for small files, keeps the index, and answers the page's
 * questions with small results. The records never cross to the page.
 */

const scope = self as unknown as DedicatedWorkerGlobalScope;
const decoder = new TextDecoder('utf-8');
let parts: string[] = [];
let index: DatasetIndex | null = null;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function load(text: string): void {
  const result = parseDatasetText(text);
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

/** Reads a handed-over response body to its end, telling the page how far it has come now and then. */
async function readStream(body: ReadableStream<Uint8Array>): Promise<string> {
  const reader = body.getReader();
  const streaming = new TextDecoder('utf-8');
  const texts: string[] = [];
  let received = 0;
  let toldAt = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    texts.push(streaming.decode(value, { stream: true }));
    if (received - toldAt > 1_000_000) {
      toldAt = received;
      post({ type: 'progress', received });
    }
  }
  texts.push(streaming.decode());
  return texts.join('');
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'chunk':
      parts.push(decoder.decode(new Uint8Array(message.bytes), { stream: true }));
      return;
    case 'end': {
      parts.push(decoder.decode());
      const text = parts.join('');
      parts = [];
      load(text);
      return;
    }
    case 'text':
      load(message.text);
      return;
    case 'stream':
      readStream(message.body).then(load, () => post({ type: 'cut' }));
      return;
    case 'file':
      message.file.arrayBuffer().then(
        (bytes) => load(new TextDecoder('utf-8').decode(bytes)),
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

import { AnswerCache, type DatasetEngine, type LoadedDataset, nextEngineId } from './dataset-engine.ts';
import { type AnswerOf, type Question, questionKey } from './engine-questions.ts';
import { DatasetRefused } from './load-errors.ts';
import type { FromWorker, Loaded, ToWorker } from './worker-protocol.ts';

/**
 * The page's side of the dataset worker: it feeds the worker the file (bytes
 * as they arrive, a chosen file, or a text), then asks it questions. Answers
 * are kept, so going back to a period already seen needs no round trip.
 */
export class WorkerEngine implements DatasetEngine {
  readonly id = nextEngineId();
  readonly where = 'worker';
  private readonly worker: Worker;
  private readonly cache = new AnswerCache();
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private disposed = false;
  private readonly loaded: Promise<Loaded>;
  /** Told how far a handed-over body has come, and when it broke off. */
  onProgress: ((received: number) => void) | null = null;
  private onCut: (() => void) | null = null;

  constructor() {
    this.worker = new Worker(new URL('./dataset-worker.ts', import.meta.url), { type: 'module' });
    this.loaded = new Promise<Loaded>((resolve, reject) => {
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'loaded') resolve(message.result);
        else if (message.type === 'progress') this.onProgress?.(message.received);
        else if (message.type === 'cut') this.onCut?.();
        else if (message.type === 'answer') this.settle(message.id, message.value, null);
        else if (message.id === null) reject(new Error(message.message));
        else this.settle(message.id, undefined, new Error(message.message));
      };
      this.worker.onerror = (event) => {
        event.preventDefault();
        const error = new Error(`the dataset worker failed: ${event.message}`);
        reject(error);
        for (const id of [...this.pending.keys()]) this.settle(id, undefined, error);
      };
    });
    // Awaited by result(); a load given up before then must not surface as an unhandled rejection.
    this.loaded.catch(() => undefined);
  }

  private post(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private settle(id: number, value: unknown, error: Error | null): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (error) waiting.reject(error);
    else waiting.resolve(value);
  }

  /** Hands over a chunk of the file; its memory moves to the worker, the page keeps none. */
  push(bytes: Uint8Array): void {
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = (whole ? bytes.buffer : bytes.slice().buffer) as ArrayBuffer;
    this.post({ type: 'chunk', bytes: buffer }, [buffer]);
  }

  end(): void {
    this.post({ type: 'end' });
  }

  /**
   * Hands the response body itself to the worker, so the page's thread does no work per chunk; false
   * where the browser cannot transfer streams (the caller then reads and pushes the chunks).
   * `cut` is called if the body breaks off before its end.
   */
  sendStream(body: ReadableStream<Uint8Array>, cut: () => void): boolean {
    try {
      this.onCut = cut;
      this.post({ type: 'stream', body }, [body as unknown as Transferable]);
      return true;
    } catch {
      this.onCut = null;
      return false;
    }
  }

  sendFile(file: Blob): void {
    this.post({ type: 'file', file });
  }

  sendText(text: string): void {
    this.post({ type: 'text', text });
  }

  /** The dataset as loaded by the worker, or DatasetRefused with its errors (the worker is then ended). */
  async result(source: LoadedDataset['source']): Promise<LoadedDataset> {
    let loaded: Loaded;
    try {
      loaded = await this.loaded;
    } catch (e) {
      this.dispose();
      throw e;
    }
    if (!loaded.ok) {
      this.dispose();
      throw new DatasetRefused(loaded.errors, loaded.errorCount);
    }
    return { meta: loaded.meta, warnings: loaded.warnings, warningCount: loaded.warningCount, engine: this, source };
  }

  peek<Q extends Question>(question: Q): AnswerOf<Q> | undefined {
    return this.cache.get(questionKey(question)) as AnswerOf<Q> | undefined;
  }

  ask<Q extends Question>(question: Q): Promise<AnswerOf<Q>> {
    const known = this.peek(question);
    if (known !== undefined) return Promise.resolve(known);
    if (this.disposed) return Promise.reject(new Error('the dataset was closed'));
    const id = this.nextId++;
    return new Promise<AnswerOf<Q>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (value) => {
          this.cache.set(questionKey(question), value);
          resolve(value as AnswerOf<Q>);
        },
        reject,
      });
      this.post({ type: 'ask', id, question });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    const closed = new Error('the dataset was closed');
    for (const id of [...this.pending.keys()]) this.settle(id, undefined, closed);
  }
}

import type { DatasetMeta } from '../domain/dataset-meta.ts';
import type { DatasetIndex } from '../domain/metrics.ts';
import type { DataWarning } from '../domain/problems.ts';
import { type AnswerOf, answerFigures, isFigureQuestion, type Question, questionKey } from './engine-questions.ts';

/**
 * Where a loaded dataset's records live, and how the page asks about them.
 * A small dataset is held on the page's thread and answered at once
 * (`peek`); a large one stays in a worker, and the page only ever receives
 * small answers (docs/decisions/0009-records-in-a-worker.md).
 */
export interface DatasetEngine {
  /** Different for every load, so query keys of an old load are never reused. */
  readonly id: string;
  readonly where: 'page' | 'worker';
  /** The answer if it can be given without waiting (always, for data held on the page). */
  peek<Q extends Question>(question: Q): AnswerOf<Q> | undefined;
  ask<Q extends Question>(question: Q): Promise<AnswerOf<Q>>;
  /** Lets go of the records (ends the worker). */
  dispose(): void;
}

export interface LoadedDataset {
  meta: DatasetMeta;
  /** The first warnings, in the order of the file (all of them unless there are very many). */
  warnings: DataWarning[];
  warningCount: number;
  engine: DatasetEngine;
  /** Where it came from: an address, or a local file's name. */
  source: { kind: 'sample' | 'url' | 'file'; name: string };
}

/** At most this many warnings cross from a worker; the count says how many there are. */
export const WARNINGS_SENT = 1000;

let loads = 0;
export function nextEngineId(): string {
  loads += 1;
  return `load-${loads}`;
}

/** Answers kept per engine: enough for going back and forth between a few periods. */
const KEPT = 48;

/** A small cache that forgets the oldest answer first. */
export class AnswerCache {
  private readonly map = new Map<string, unknown>();
  get(key: string): unknown {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: unknown): void {
    this.map.set(key, value);
    if (this.map.size > KEPT) this.map.delete(this.map.keys().next().value as string);
  }
}

/** The records held on the page's thread: every answer is computed at once. */
export class PageEngine implements DatasetEngine {
  readonly id = nextEngineId();
  readonly where = 'page';
  private readonly cache = new AnswerCache();
  constructor(private readonly index: DatasetIndex) {}

  /** Figures at once; words once their code has loaded (ask for them first). */
  peek<Q extends Question>(question: Q): AnswerOf<Q> | undefined {
    const key = questionKey(question);
    let value = this.cache.get(key) as AnswerOf<Q> | undefined;
    if (value === undefined && isFigureQuestion(question)) {
      value = answerFigures(this.index, question) as AnswerOf<Q>;
      this.cache.set(key, value);
    }
    return value;
  }

  async ask<Q extends Question>(question: Q): Promise<AnswerOf<Q>> {
    const known = this.peek(question);
    if (known !== undefined) return known;
    // The briefing's code is not part of the first view: it loads when a text is first asked for.
    const { answerText } = await import('./engine-texts.ts');
    const value = answerText(this.index, question as Extract<Q, { kind: 'briefing' | 'notes' }>) as AnswerOf<Q>;
    this.cache.set(questionKey(question), value);
    return value;
  }

  dispose(): void {}
}

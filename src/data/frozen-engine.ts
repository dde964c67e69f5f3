import type { DatasetEngine, LoadedDataset } from './dataset-engine.ts';
import { nextEngineId } from './dataset-engine.ts';
import type { DeckPayload } from './deck-payload.ts';
import { type AnswerOf, type Question, questionKey } from './engine-questions.ts';

/**
 * The engine of an offline deck: it holds no records, only the answers the
 * deck was made with (deckQuestions), and gives them at once. A question it
 * was not made with is a mistake in deckQuestions, said plainly rather than
 * answered with something else.
 */
export class FrozenEngine implements DatasetEngine {
  readonly id = nextEngineId();
  // Answered at once on the page's thread, like the page engine of a small dataset.
  readonly where = 'page';
  private readonly answers: ReadonlyMap<string, unknown>;

  constructor(answers: Iterable<readonly [string, unknown]>) {
    this.answers = new Map(answers);
  }

  peek<Q extends Question>(question: Q): AnswerOf<Q> | undefined {
    return this.answers.get(questionKey(question)) as AnswerOf<Q> | undefined;
  }

  ask<Q extends Question>(question: Q): Promise<AnswerOf<Q>> {
    const known = this.peek(question);
    if (known !== undefined) return Promise.resolve(known);
    const error = new Error(`this deck was made without the answer to ${questionKey(question)} (see deckQuestions)`);
    console.error(error.message);
    return Promise.reject(error);
  }

  dispose(): void {}
}

/** The deck's dataset as the presentation expects it: the description with its unit index rebuilt. */
export function deckDataset(payload: DeckPayload): LoadedDataset {
  const meta = { ...payload.meta, unitsById: new Map(payload.meta.units.map((u) => [u.id, u])) };
  return {
    meta,
    warnings: payload.warnings,
    warningCount: payload.warningCount,
    engine: new FrozenEngine(payload.answers),
    source: { kind: 'file', name: payload.meta.title },
  };
}

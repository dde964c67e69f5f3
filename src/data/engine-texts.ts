import { briefing, slideNotes } from '../domain/briefing.ts';
import type { DatasetIndex } from '../domain/metrics.ts';
import type { AnswerOf, TextQuestion } from './engine-questions.ts';

/** The answer to a question in words: the briefing or the speaker notes of a selection. */
export function answerText<Q extends TextQuestion>(index: DatasetIndex, question: Q): AnswerOf<Q> {
  return (
    question.kind === 'briefing'
      ? briefing(index, question.selection, question.lang)
      : slideNotes(index, question.selection, question.lang)
  ) as AnswerOf<Q>;
}

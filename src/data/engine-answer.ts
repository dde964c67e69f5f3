import type { DatasetIndex } from '../domain/metrics.ts';
import { type AnswerOf, answerFigures, isFigureQuestion, type Question } from './engine-questions.ts';
import { answerText } from './engine-texts.ts';

/** Any question, answered at once: for code that has every answer at hand (the worker, the command line). */
export function answer<Q extends Question>(index: DatasetIndex, question: Q): AnswerOf<Q> {
  return (isFigureQuestion(question) ? answerFigures(index, question) : answerText(index, question)) as AnswerOf<Q>;
}

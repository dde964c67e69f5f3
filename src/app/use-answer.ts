import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { answerQueryOptions } from '../data/answer-query.ts';
import type { DatasetEngine } from '../data/dataset-engine.ts';
import type { AnswerOf, Question } from '../data/engine-questions.ts';

export interface Answer<T> {
  /** The answer, or the previous one while a new question is being answered (see `stale`). */
  data: T | undefined;
  /** True while the data shown answers an earlier question. */
  stale: boolean;
  error: Error | null;
}

/** Asks a loaded dataset one question; null asks nothing. */
export function useAnswer<Q extends Question>(engine: DatasetEngine, question: Q | null): Answer<AnswerOf<Q>> {
  const query = useQuery<AnswerOf<Q>, Error, AnswerOf<Q>, string[]>(
    question
      ? { ...answerQueryOptions(engine, question), placeholderData: keepPreviousData }
      : { queryKey: ['answer', engine.id, 'none'], queryFn: skipToken },
  );
  return { data: query.data, stale: query.isPlaceholderData, error: query.error };
}

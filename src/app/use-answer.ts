import { keepPreviousData, skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
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

/**
 * Asks a dataset held by a worker a question whose answer the page reads
 * only later (the figures behind the charts, read once the headline is
 * painted). The worker answers in the order asked, so the answer is on its
 * way while the page draws the headline, and costs the page's thread
 * nothing. A dataset on the page answers on demand instead: asking early
 * there would compute on the page's thread before the headline is painted.
 */
export function useAskAhead<Q extends Question>(engine: DatasetEngine, question: Q | null): void {
  const client = useQueryClient();
  useEffect(() => {
    if (question && engine.where === 'worker') void client.prefetchQuery(answerQueryOptions(engine, question));
  }, [client, engine, question]);
}

import { queryOptions } from '@tanstack/react-query';
import type { DatasetEngine } from './dataset-engine.ts';
import { type AnswerOf, type Question, questionKey } from './engine-questions.ts';

/**
 * One question about a loaded dataset (the figures of a period, the briefing…).
 * Where the records are on the page the answer is there at once (initialData),
 * so nothing flickers; where they are in a worker, the query waits for it.
 */
export function answerQueryOptions<Q extends Question>(engine: DatasetEngine, question: Q) {
  return queryOptions({
    queryKey: ['answer', engine.id, questionKey(question)],
    queryFn: (): Promise<AnswerOf<Q>> => engine.ask(question),
    initialData: () => engine.peek(question),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
}

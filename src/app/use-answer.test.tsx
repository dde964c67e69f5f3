import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { DatasetEngine } from '../data/dataset-engine.ts';
import type { Question } from '../data/engine-questions.ts';
import { useAskAhead } from './use-answer.ts';

function recordingEngine(where: DatasetEngine['where']): DatasetEngine & { asked: Question[] } {
  const asked: Question[] = [];
  return {
    id: `test-${where}`,
    where,
    asked,
    peek: () => undefined,
    ask: (q) => {
      asked.push(q);
      return new Promise(() => undefined);
    },
    dispose: () => undefined,
  };
}

const question: Question = {
  kind: 'figures',
  selection: {
    range: { from: '2024-01', to: '2024-03' },
    level: 'all',
    unitId: null,
    field: null,
    compare: 'previous',
    targets: {},
  },
};

function Asker({ engine }: { engine: DatasetEngine }): ReactNode {
  useAskAhead(engine, question);
  return null;
}

describe('useAskAhead', () => {
  it('asks a worker at once, before anything on the page reads the answer', async () => {
    const engine = recordingEngine('worker');
    render(
      <QueryClientProvider client={new QueryClient()}>
        <Asker engine={engine} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(engine.asked).toEqual([question]));
  });

  it('leaves a dataset held on the page alone: its answer would be computed on the page thread now', async () => {
    const engine = recordingEngine('page');
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <Asker engine={engine} />
      </QueryClientProvider>,
    );
    // The effect has run once the tree is committed; nothing was asked or started.
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(engine.asked).toEqual([]);
  });
});

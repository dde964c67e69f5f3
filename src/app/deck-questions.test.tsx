import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import SAMPLE from '../../data/gia-lam.json?raw';
import { type DatasetEngine, type LoadedDataset, PageEngine } from '../data/dataset-engine.ts';
import { buildDeckPayload, deckQuestions, parseDeckPayload, serializeDeckPayload } from '../data/deck-payload.ts';
import { type Question, questionKey } from '../data/engine-questions.ts';
import type { Selection } from '../domain/dashboard.ts';
import { datasetMeta } from '../domain/dataset-meta.ts';
import type { Lang } from '../domain/format.ts';
import { indexDataset } from '../domain/metrics.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { DeckApp } from './deck-app.tsx';
import { Presentation } from './presentation.tsx';
import { DEFAULT_URL_STATE, type UrlState } from './url-state.ts';

/**
 * A deck answers only the questions deckQuestions lists. Here the site's
 * presentation is shown on the sample with an engine that notes every
 * question asked, slide after slide; a slide that asks something new fails
 * this test until deckQuestions lists it. Then the deck made from the same
 * selection must show the same slides.
 */

function sample(): { loaded: LoadedDataset; asked: Set<string> } {
  const result = parseDatasetText(SAMPLE);
  if (!result.ok) throw new Error('the sample is refused');
  const index = indexDataset(result.dataset);
  const inner = new PageEngine(index);
  const asked = new Set<string>();
  const note = (q: Question) => asked.add(questionKey(q));
  const engine: DatasetEngine = {
    id: inner.id,
    where: 'page',
    peek: (q) => {
      note(q);
      return inner.peek(q);
    },
    ask: (q) => {
      note(q);
      return inner.ask(q);
    },
    dispose: () => undefined,
  };
  const loaded: LoadedDataset = {
    meta: datasetMeta(index),
    warnings: result.warnings,
    warningCount: result.warnings.length,
    engine,
    source: { kind: 'sample', name: 'data/gia-lam.json' },
  };
  return { loaded, asked };
}

function Site({ loaded, selection, lang }: { loaded: LoadedDataset; selection: Selection; lang: Lang }) {
  const [state, setState] = useState<UrlState>({ ...DEFAULT_URL_STATE, lang, view: 'present' });
  return (
    <Presentation
      loaded={loaded}
      view={{ ...selection, targets: selection.targets ?? {}, notes: [] }}
      urlState={state}
      lang={lang}
      navigate={(next) => setState((s) => ({ ...s, ...next }))}
    />
  );
}

/** The heading of every slide, from the first to the last, walked with the keys. */
async function walk(lang: Lang): Promise<string[]> {
  const user = userEvent.setup();
  const region = await screen.findByRole('region', { name: lang === 'vi' ? 'Trình chiếu' : 'Presentation' });
  const counter = () => within(region).getByText(/^\d+ \/ \d+$/, { selector: '.presentation__counter' }).textContent;
  expect(counter()).toMatch(/^1 \/ \d+$/);
  const total = Number(counter()?.split(' / ')[1]);
  const headings: string[] = [];
  for (let n = 1; n <= total; n++) {
    if (n > 1) await user.keyboard('{PageDown}');
    const slide = await within(region).findByRole('region', { name: `${n} / ${total}` });
    headings.push(within(slide).getAllByRole('heading')[0]?.textContent ?? '');
  }
  return headings;
}

function renderWithClient(ui: React.ReactNode) {
  return render(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);
}

describe('the questions of a deck', () => {
  it.each([
    ['vi', { range: { from: '2021-01', to: '2022-04' }, level: 'all', unitId: null, field: null, compare: 'previous' }],
    [
      'en',
      {
        range: { from: '2022-01', to: '2022-03' },
        level: 'commune',
        unitId: 'xa-yen-thuong',
        field: null,
        compare: 'previous',
      },
    ],
  ] as const)(
    'are every question the slides ask (%s, %j), and the deck shows the same slides',
    async (lang, selection) => {
      const { loaded, asked } = sample();
      const site = renderWithClient(<Site loaded={loaded} selection={selection} lang={lang} />);
      const siteHeadings = await walk(lang);
      expect(siteHeadings.length).toBeGreaterThanOrEqual(6);
      expect([...asked].sort()).toEqual(deckQuestions(selection, lang).map(questionKey).sort());
      site.unmount();

      const payload = parseDeckPayload(serializeDeckPayload(await buildDeckPayload(loaded, selection, lang)));
      renderWithClient(<DeckApp payload={payload} />);
      expect(await walk(lang)).toEqual(siteHeadings);
      // A deck has nowhere to leave to and no site to make a deck from.
      expect(screen.queryByRole('button', { name: /Thoát|Leave/ })).toBeNull();
      expect(screen.queryByRole('button', { name: /Tải bản trình chiếu|Download the deck/ })).toBeNull();
    },
    // Every slide of the site and of the deck, charts included, drawn in jsdom on two shared cores.
    120_000,
  );
});

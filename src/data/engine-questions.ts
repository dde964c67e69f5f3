import { type BriefingParagraph, briefing, type SlideKey, slideNotes } from '../domain/briefing.ts';
import {
  type DashboardFigures,
  dashboardFigures,
  type Headline,
  headline,
  type Selection,
} from '../domain/dashboard.ts';
import type { Lang } from '../domain/format.ts';
import type { DatasetIndex } from '../domain/metrics.ts';

/**
 * The questions the page asks of a dataset, and the one function that
 * answers them from an index. The page's own thread (small datasets) and the
 * dataset worker (large ones) both answer through `answer`, so a figure is
 * the same whichever thread computed it.
 */
export type Question =
  | { kind: 'headline'; selection: Selection }
  | { kind: 'figures'; selection: Selection }
  | { kind: 'briefing'; selection: Selection; lang: Lang }
  | { kind: 'notes'; selection: Selection; lang: Lang };

export interface Answers {
  headline: Headline;
  figures: DashboardFigures;
  briefing: BriefingParagraph[];
  notes: Record<SlideKey, string>;
}

export type AnswerOf<Q extends Question> = Answers[Q['kind']];

export function answer<Q extends Question>(index: DatasetIndex, question: Q): AnswerOf<Q> {
  switch (question.kind) {
    case 'headline':
      return headline(index, question.selection) as AnswerOf<Q>;
    case 'figures':
      return dashboardFigures(index, question.selection) as AnswerOf<Q>;
    case 'briefing':
      return briefing(index, question.selection, question.lang) as AnswerOf<Q>;
    case 'notes':
      return slideNotes(index, question.selection, question.lang) as AnswerOf<Q>;
  }
}

/** A stable text key for a question, for caches and query keys. */
export function questionKey(question: Question): string {
  const { selection } = question;
  const lang = 'lang' in question ? question.lang : '';
  return [
    question.kind,
    selection.range.from,
    selection.range.to,
    selection.level,
    selection.unitId ?? '',
    selection.field ?? '',
    lang,
  ].join('|');
}

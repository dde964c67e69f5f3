import type { BriefingParagraph, SlideKey } from '../domain/briefing.ts';
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
 * The questions the page asks of a dataset, and the functions that answer
 * them from an index (answerFigures here, answerText in engine-texts.ts,
 * both behind answer() in engine-answer.ts). The page's own thread (small
 * datasets) and the dataset worker (large ones) answer through the same
 * functions, so a figure is the same whichever thread computed it.
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

/** Questions answered by figures alone: cheap, and needed for the first view. */
export type FigureQuestion = Extract<Question, { kind: 'headline' | 'figures' }>;
/** Questions answered in words (briefing, notes): their code loads only when one is asked. */
export type TextQuestion = Extract<Question, { kind: 'briefing' | 'notes' }>;

export function isFigureQuestion(question: Question): question is FigureQuestion {
  return question.kind === 'headline' || question.kind === 'figures';
}

/** The answer to a question about figures; texts are answered by engine-texts.ts with the same index. */
export function answerFigures<Q extends FigureQuestion>(index: DatasetIndex, question: Q): AnswerOf<Q> {
  return (
    question.kind === 'headline' ? headline(index, question.selection) : dashboardFigures(index, question.selection)
  ) as AnswerOf<Q>;
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
    selection.compare,
    selection.targets?.onTimeRate ?? '',
    selection.targets?.onlineRate ?? '',
    lang,
  ].join('|');
}

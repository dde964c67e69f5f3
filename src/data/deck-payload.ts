import type { DashboardFigures, Selection } from '../domain/dashboard.ts';
import type { DatasetMeta } from '../domain/dataset-meta.ts';
import { LANGS, type Lang } from '../domain/format.ts';
import type { DataWarning } from '../domain/problems.ts';
import type { LoadedDataset } from './dataset-engine.ts';
import { type Question, questionKey } from './engine-questions.ts';
import { packColumns, unpackColumns } from './json-columns.ts';

/**
 * What an offline deck carries: the dataset's description without its
 * records, the first warnings and their count, the selection, and the answers
 * its slides and notes ask for (docs/decisions/0010-offline-deck.md). The
 * button in presentation mode and `tthc deck` both build it here, and put it
 * into the deck template the build writes (dist/deck-template.html).
 */

/**
 * Every question the slides and the presenter notes of a deck ask. The deck
 * answers nothing else: a slide that asks something new adds it here, in this
 * one place (src/app/deck-questions.test.tsx fails until it does).
 */
export function deckQuestions(selection: Selection, lang: Lang): Question[] {
  return [
    { kind: 'figures', selection },
    { kind: 'notes', selection, lang },
  ];
}

export const DECK_PAYLOAD_VERSION = 1;

/** Warnings embedded; the quality slide lists the first few and gives the count of all. */
export const DECK_WARNINGS = 100;

/** DatasetMeta as JSON can hold it: `unitsById` is rebuilt from `units` when the deck opens. */
export type DeckMeta = Omit<DatasetMeta, 'unitsById'>;

export interface DeckPayload {
  version: typeof DECK_PAYLOAD_VERSION;
  lang: Lang;
  selection: Selection;
  meta: DeckMeta;
  warnings: DataWarning[];
  warningCount: number;
  /** [questionKey(question), answer] for every question of deckQuestions. */
  answers: [string, unknown][];
}

/**
 * The figures answer as a deck carries it: what slides and notes read, with
 * the dashboard's own tables emptied (the change by unit, the unit × field
 * table, the late and overdue panel). A deck has none of those panels, and
 * for a province of three thousand communes they would take it over its
 * 3 MB (issue 12 §3). The notes, which do read them, are answered in full
 * when the deck is made. A slide that needs one of them must keep it here.
 */
export function slideFigures(figures: DashboardFigures): DashboardFigures {
  const { change, fieldMatrix } = figures;
  return {
    ...figures,
    change: {
      ...change,
      onTime: { ...change.onTime, rows: [], withoutComparison: [] },
      online: { ...change.online, rows: [], withoutComparison: [] },
    },
    fieldMatrix: { fields: fieldMatrix.fields, rows: [] },
    accountability: [],
  };
}

/** Asks the loaded dataset (on the page, in its worker, or in Node) every question the deck needs. */
export async function buildDeckPayload(
  loaded: Pick<LoadedDataset, 'meta' | 'warnings' | 'warningCount' | 'engine'>,
  selection: Selection,
  lang: Lang,
): Promise<DeckPayload> {
  const questions = deckQuestions(selection, lang);
  const answers = await Promise.all(
    questions.map(async (q): Promise<[string, unknown]> => {
      const answer = await loaded.engine.ask(q);
      return [questionKey(q), q.kind === 'figures' ? slideFigures(answer as DashboardFigures) : answer];
    }),
  );
  const { unitsById: _, ...meta } = loaded.meta;
  return {
    version: DECK_PAYLOAD_VERSION,
    lang,
    selection,
    meta,
    warnings: loaded.warnings.slice(0, DECK_WARNINGS),
    warningCount: loaded.warningCount,
    answers,
  };
}

/** The id of the deck's data block: `<script type="application/json" id="…">`. */
export const DECK_DATA_ID = 'tthc-deck-data';

const DATA_BLOCK = new RegExp(`(<script type="application/json" id="${DECK_DATA_ID}">)([^<]*)(</script>)`, 'g');

/**
 * JSON text that cannot end the script element it sits in: every `<`, `>`
 * and `&` is written as a \u escape (valid JSON, the same string once
 * parsed), so a unit named `</script><script>…` or `<!--` stays a name.
 * U+2028 and U+2029 are escaped too, so the text is also valid JavaScript.
 */
export function escapeJsonForHtml(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function serializeDeckPayload(payload: DeckPayload): string {
  return escapeJsonForHtml(JSON.stringify(packColumns(payload)));
}

export class DeckTemplateError extends Error {}

/** The template with the payload in its data block; the scripts, and so their CSP hashes, are untouched. */
export function fillDeckTemplate(template: string, payload: DeckPayload): string {
  const blocks = template.match(DATA_BLOCK) ?? [];
  if (blocks.length !== 1) {
    throw new DeckTemplateError(`the deck template has ${blocks.length} data blocks (#${DECK_DATA_ID}), not one`);
  }
  if (!/<meta http-equiv="Content-Security-Policy"/.test(template)) {
    throw new DeckTemplateError('the deck template has no Content-Security-Policy');
  }
  const json = serializeDeckPayload(payload);
  // A function, so that `$&` or `$1` in a unit's name is not read as a replacement pattern.
  return template.replace(DATA_BLOCK, (_all, open: string, _old: string, close: string) => `${open}${json}${close}`);
}

export class DeckPayloadError extends Error {}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The payload from the text of the deck's data block; DeckPayloadError says what is wrong with it. */
export function parseDeckPayload(text: string): DeckPayload {
  let raw: unknown;
  try {
    raw = unpackColumns(JSON.parse(text));
  } catch (e) {
    throw new DeckPayloadError(`the deck's data cannot be read: ${(e as Error).message}`);
  }
  if (!isObject(raw)) throw new DeckPayloadError('the deck carries no data');
  if (raw.version !== DECK_PAYLOAD_VERSION) {
    throw new DeckPayloadError(`the deck's data is of version ${String(raw.version)}, not ${DECK_PAYLOAD_VERSION}`);
  }
  const where = (path: string) => new DeckPayloadError(`the deck's data has no valid ${path}`);
  if (!(LANGS as readonly unknown[]).includes(raw.lang)) throw where('lang');
  if (!isObject(raw.selection) || !isObject(raw.selection.range)) throw where('selection');
  if (!isObject(raw.meta) || !Array.isArray(raw.meta.units) || typeof raw.meta.title !== 'string') throw where('meta');
  if (!Array.isArray(raw.warnings) || typeof raw.warningCount !== 'number') throw where('warnings');
  if (!Array.isArray(raw.answers) || !raw.answers.every((a) => Array.isArray(a) && typeof a[0] === 'string')) {
    throw where('answers');
  }
  return raw as unknown as DeckPayload;
}

/** A file name that says what the deck shows: the period, in the deck's language. */
export function deckFileName(payload: Pick<DeckPayload, 'selection' | 'lang'>): string {
  const { from, to } = payload.selection.range;
  return `${payload.lang === 'vi' ? 'trinh-chieu' : 'deck'}-${from}-${to}.html`;
}

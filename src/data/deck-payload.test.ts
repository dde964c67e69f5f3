import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Selection } from '../domain/dashboard.ts';
import { datasetMeta } from '../domain/dataset-meta.ts';
import { indexDataset } from '../domain/metrics.ts';
import type { DataWarning } from '../domain/problems.ts';
import type { Dataset } from '../domain/schema.ts';
import { parseDatasetText } from '../domain/validate.ts';
import { PageEngine } from './dataset-engine.ts';
import {
  buildDeckPayload,
  DECK_DATA_ID,
  DECK_WARNINGS,
  DeckPayloadError,
  DeckTemplateError,
  deckFileName,
  deckQuestions,
  escapeJsonForHtml,
  fillDeckTemplate,
  parseDeckPayload,
  serializeDeckPayload,
} from './deck-payload.ts';
import { questionKey } from './engine-questions.ts';
import { deckDataset, FrozenEngine } from './frozen-engine.ts';

function loadText(text: string) {
  const result = parseDatasetText(text);
  if (!result.ok) throw new Error('the test dataset is refused');
  const index = indexDataset(result.dataset);
  const loaded = {
    meta: datasetMeta(index),
    warnings: result.warnings,
    warningCount: result.warnings.length,
    engine: new PageEngine(index),
  };
  return { index, loaded, dataset: result.dataset };
}

const SAMPLE = readFileSync(new URL('../../data/gia-lam.json', import.meta.url), 'utf8');

/** The data block of a filled template, read back the way the browser reads it: its text as JSON. */
function dataBlock(html: string): string {
  const m = new RegExp(`<script type="application/json" id="${DECK_DATA_ID}">([\\s\\S]*?)</script>`).exec(html);
  if (!m?.[1]) throw new Error('no data block');
  return m[1];
}

const TEMPLATE = [
  '<!doctype html><html><head>',
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'" />`,
  '</head><body>',
  `<script type="application/json" id="${DECK_DATA_ID}">{}</script>`,
  '</body></html>',
].join('\n');

afterEach(() => vi.restoreAllMocks());

describe('the deck payload', () => {
  const { loaded, dataset } = loadText(SAMPLE);
  const selection: Selection = {
    range: { from: '2022-01', to: '2022-04' },
    level: 'all',
    unitId: null,
    field: null,
    compare: 'previous',
  };

  it('carries the answer to every deck question, equal to what the live engine says, after a trip through the page', async () => {
    const payload = await buildDeckPayload(loaded, selection, 'en');
    const back = parseDeckPayload(dataBlock(fillDeckTemplate(TEMPLATE, payload)));
    const frozen = deckDataset(back);
    const questions = deckQuestions(selection, 'en');
    expect(questions.map((q) => q.kind).sort()).toEqual(['figures', 'notes']);
    for (const q of questions) {
      // The live answer is computed again here from the records, not taken from the payload.
      expect(frozen.engine.peek(q)).toEqual(await new PageEngine(indexDataset(dataset)).ask(q));
      await expect(frozen.engine.ask(q)).resolves.toEqual(await loaded.engine.ask(q));
    }
    expect(back.selection).toEqual(selection);
    expect(back.lang).toBe('en');
  });

  it('describes the dataset without its records, and rebuilds the index of units', async () => {
    const payload = await buildDeckPayload(loaded, selection, 'vi');
    const text = serializeDeckPayload(payload);
    const back = deckDataset(parseDeckPayload(text));
    expect(Object.keys(payload.meta)).not.toContain('records');
    expect(Object.keys(payload.meta)).not.toContain('unitsById');
    // The sample holds 2,224 records (23 units × 16 months, split by procedure field); none of them travel.
    expect(loaded.meta.recordCount).toBe(2224);
    expect(text.length).toBeLessThan(SAMPLE.length / 4);
    expect(back.meta.unitsById.size).toBe(dataset.units.length);
    expect(back.meta.unitsById.get('gia-lam')).toEqual(dataset.units.find((u) => u.id === 'gia-lam'));
    expect(back.meta.span).toEqual({ from: '2021-01', to: '2022-04' });
    expect(back.meta.title).toBe(dataset.title);
  });

  it('keeps the first warnings and the count of all', async () => {
    const warnings: DataWarning[] = Array.from({ length: DECK_WARNINGS + 17 }, (_, i) => ({
      code: 'flow_identity',
      path: `records[${i}]`,
      unitId: 'gia-lam',
      month: '2021-01',
      left: i,
      right: i + 1,
    }));
    const payload = await buildDeckPayload({ ...loaded, warnings, warningCount: 5000 }, selection, 'vi');
    const back = parseDeckPayload(serializeDeckPayload(payload));
    expect(back.warnings).toEqual(warnings.slice(0, DECK_WARNINGS));
    expect(back.warningCount).toBe(5000);
  });
});

describe('untrusted text in the deck', () => {
  const HOSTILE = '</script><script>alert(1)</script><!-- & \u2028\u2029 $& $1 "quoted"';

  it('escapes every character that could end the data block, and reads back the very same text', async () => {
    const json = escapeJsonForHtml(JSON.stringify({ name: HOSTILE }));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual({ name: HOSTILE });
  });

  it('keeps a hostile title and unit name as text inside the one data block of the filled template', async () => {
    const hostile = JSON.parse(SAMPLE) as Dataset;
    hostile.title = HOSTILE;
    (hostile.units[1] as { name: string }).name = `Xã ${HOSTILE}`;
    const { loaded } = loadText(JSON.stringify(hostile));
    const selection: Selection = {
      range: { from: '2021-01', to: '2022-04' },
      level: 'commune',
      unitId: null,
      field: null,
      compare: 'previous',
    };
    const html = fillDeckTemplate(TEMPLATE, await buildDeckPayload(loaded, selection, 'vi'));
    // The page still has exactly one script element, the data block, and it ends where it should.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    expect(html.endsWith('</script>\n</body></html>')).toBe(true);
    const back = deckDataset(parseDeckPayload(dataBlock(html)));
    expect(back.meta.title).toBe(HOSTILE);
    expect(back.meta.units[1]?.name).toBe(`Xã ${HOSTILE}`);
    const figures = back.engine.peek({ kind: 'figures', selection });
    expect(figures?.rows.map((r) => r.name)).toContain(`Xã ${HOSTILE}`);
  });
});

describe('filling the template', () => {
  const { loaded } = loadText(SAMPLE);
  const selection: Selection = {
    range: { from: '2021-01', to: '2021-12' },
    level: 'all',
    unitId: null,
    field: null,
    compare: 'previous',
  };

  it('refuses a template without exactly one data block, or without a policy', async () => {
    const payload = await buildDeckPayload(loaded, selection, 'vi');
    const block = `<script type="application/json" id="${DECK_DATA_ID}">{}</script>`;
    expect(() => fillDeckTemplate(TEMPLATE.replace(block, ''), payload)).toThrow(DeckTemplateError);
    expect(() => fillDeckTemplate(TEMPLATE.replace(block, block + block), payload)).toThrow('2 data blocks');
    expect(() => fillDeckTemplate(TEMPLATE.replace(/<meta[^>]*>/, ''), payload)).toThrow('no Content-Security-Policy');
  });

  it('changes nothing outside the data block', async () => {
    const html = fillDeckTemplate(TEMPLATE, await buildDeckPayload(loaded, selection, 'vi'));
    const [before, after] = TEMPLATE.split('{}');
    expect(html.startsWith(`${before}`)).toBe(true);
    expect(html.endsWith(`${after}`)).toBe(true);
  });

  it('names the file after the period, in the deck language', () => {
    expect(deckFileName({ selection, lang: 'vi' })).toBe('trinh-chieu-2021-01-2021-12.html');
    expect(deckFileName({ selection, lang: 'en' })).toBe('deck-2021-01-2021-12.html');
  });
});

describe('reading a payload', () => {
  it('says what is wrong with a damaged or foreign one', async () => {
    const { loaded } = loadText(SAMPLE);
    const selection: Selection = {
      range: { from: '2021-01', to: '2021-12' },
      level: 'all',
      unitId: null,
      field: null,
      compare: 'previous',
    };
    const good = JSON.parse(serializeDeckPayload(await buildDeckPayload(loaded, selection, 'vi'))) as Record<
      string,
      unknown
    >;
    expect(() => parseDeckPayload('{"version":')).toThrow(DeckPayloadError);
    expect(() => parseDeckPayload('{}')).toThrow('version undefined, not 1');
    expect(() => parseDeckPayload(JSON.stringify({ ...good, version: 2 }))).toThrow('version 2');
    expect(() => parseDeckPayload(JSON.stringify({ ...good, lang: 'fr' }))).toThrow('no valid lang');
    expect(() => parseDeckPayload(JSON.stringify({ ...good, answers: {} }))).toThrow('no valid answers');
    expect(parseDeckPayload(JSON.stringify(good)).version).toBe(1);
  });
});

describe('the frozen engine', () => {
  it('refuses, and says so on the console, a question the deck was not made with', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const selection: Selection = {
      range: { from: '2021-01', to: '2021-12' },
      level: 'all',
      unitId: null,
      field: null,
      compare: 'previous',
    };
    const engine = new FrozenEngine([[questionKey({ kind: 'figures', selection }), { rows: [] }]]);
    expect(engine.peek({ kind: 'figures', selection })).toEqual({ rows: [] });
    const other = { kind: 'briefing', selection, lang: 'vi' } as const;
    expect(engine.peek(other)).toBeUndefined();
    await expect(engine.ask(other)).rejects.toThrow(`without the answer to ${questionKey(other)}`);
    expect(error).toHaveBeenCalledTimes(1);
  });
});

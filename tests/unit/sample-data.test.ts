import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../scripts/generate-json-schema.ts';
import { allocate, sampleText } from '../../scripts/generate-sample.ts';
import { indexDataset, levelTotals, summarize } from '../../src/domain/metrics.ts';
import { parseDatasetText } from '../../src/domain/validate.ts';

const text = readFileSync('data/gia-lam.json', 'utf8');

function load() {
  const result = parseDatasetText(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result;
}

describe('the sample dataset data/gia-lam.json', () => {
  it('validates without warnings, is flagged illustrative and points at its schema', () => {
    const { dataset, warnings } = load();
    expect(warnings).toEqual([]);
    expect(dataset.illustrative).toBe(true);
    expect(dataset.$schema).toBe('./schema.json');
    expect(dataset.units).toHaveLength(23);
    expect(dataset.records).toHaveLength(23 * 16);
  });

  it('adds up to the district figures of the report over 2021-01..2022-04', () => {
    const index = indexDataset(load().dataset);
    const d = levelTotals(index, 'district', { from: '2021-01', to: '2022-04' });
    expect(d).toMatchObject({
      carriedOver: 309,
      received: 27_557,
      total: 27_866,
      resolvedLate: 0,
      pendingWithinDeadline: 380,
      pendingOverdue: 0,
      interlinked: 4_568,
      saturdayReceived: 528,
      feesVnd: 545_180_000,
    });
    expect((d?.resolvedEarly ?? 0) + (d?.resolvedOnTime ?? 0)).toBe(27_486);
    expect((d?.receivedOnlineLevel3 ?? 0) + (d?.receivedOnlineLevel4 ?? 0)).toBe(4_037);
  });

  it('adds up to the commune figures of the report, with interlinked and Saturday not reported', () => {
    const index = indexDataset(load().dataset);
    const c = levelTotals(index, 'commune', { from: '2021-01', to: '2022-04' });
    expect(c).toMatchObject({
      carriedOver: 423,
      received: 143_110,
      total: 143_533,
      resolvedLate: 0,
      pendingWithinDeadline: 392,
      feesVnd: 1_386_718_000,
      interlinked: null,
      saturdayReceived: null,
    });
    expect((c?.resolvedEarly ?? 0) + (c?.resolvedOnTime ?? 0)).toBe(143_141);
  });

  it('is plausible: towns largest, online uptake growing', () => {
    const index = indexDataset(load().dataset);
    const s = summarize(index, { from: '2021-01', to: '2022-04' });
    const communes = Object.entries(s.units).filter(([id]) => id !== 'gia-lam');
    const bySize = [...communes].sort((a, b) => b[1].received - a[1].received).map(([id]) => id);
    expect(bySize.slice(0, 2)).toEqual(['tt-trau-quy', 'tt-yen-vien']);
    const early = summarize(index, { from: '2021-01', to: '2021-04' }).levels.commune?.onlineRate ?? 1;
    const late = summarize(index, { from: '2022-01', to: '2022-04' }).levels.commune?.onlineRate ?? 0;
    expect(late).toBeGreaterThan(early * 2);
  });

  it('is exactly what the seeded generator makes, and data/schema.json what the schema makes', () => {
    expect(sampleText()).toBe(text);
    expect(schemaText()).toBe(readFileSync('data/schema.json', 'utf8'));
  });

  it('splits totals exactly in the generator', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0, 2, 5]).reduce((a, b) => a + b, 0)).toBe(7);
  });
});

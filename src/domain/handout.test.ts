import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chartSpecs } from './chart-specs.ts';
import { dashboardFigures } from './dashboard.ts';
import { HANDOUT_UNIT_ROWS, handoutTables } from './handout.ts';
import { indexDataset } from './metrics.ts';
import { parseDatasetText } from './validate.ts';

describe('handoutTables: where the printed handout puts each chart’s numbers', () => {
  const loaded = parseDatasetText(readFileSync(new URL('../../data/gia-lam.json', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the sample must load');
  const index = indexDataset(loaded.dataset);
  const span = { from: '2021-01', to: '2022-04' };
  const specs = chartSpecs(
    dashboardFigures(index, { range: span, level: 'all', unitId: null, field: null, compare: 'previous' }),
    null,
    'vi',
  );
  const places = handoutTables(specs);
  const firstColumn = (id: string) => specs.find((s) => s.id === id)?.table.columns[0]?.key;

  it('places every chart that draws, and only those', () => {
    const ready = specs.filter((s) => s.status === 'ready').map((s) => s.id);
    expect([...places.keys()].sort()).toEqual([...ready].sort());
    // The sample has no overdue dossier: that chart draws nothing and prints no table.
    expect(specs.find((s) => s.id === 'overdue-unit')?.status).toBe('empty');
    expect(places.has('overdue-unit')).toBe(false);
  });

  it('sends tables by month to the appendix and leaves tables by unit to the ranking', () => {
    const byMonth = [...places.keys()].filter((id) => firstColumn(id) === 'month');
    const byUnit = [...places.keys()].filter((id) => firstColumn(id) === 'unit');
    expect(byMonth.length).toBeGreaterThanOrEqual(4);
    expect(byUnit.length).toBeGreaterThanOrEqual(3);
    for (const id of byMonth) expect(places.get(id), id).toBe('appendix');
    for (const id of byUnit) expect(places.get(id), id).toBe('omit');
  });

  it('prints the table the three charts by field share once, under the first of them', () => {
    const fieldCharts = specs.filter((s) => s.id.startsWith('fields-') && s.status === 'ready');
    // In the sample the chart of late dossiers by field draws nothing (none late): two charts remain.
    expect(fieldCharts.length).toBeGreaterThanOrEqual(2);
    expect(fieldCharts.map((s) => places.get(s.id))).toEqual(['below', ...fieldCharts.slice(1).map(() => 'omit')]);
    const printed = specs.filter((s) => places.get(s.id) === 'below' || places.get(s.id) === 'appendix');
    expect(new Set(printed.map((s) => s.table)).size).toBe(printed.length);
  });

  it('draws the best and the weakest units on paper, saying how many of how many', () => {
    const paper = chartSpecs(
      dashboardFigures(index, { range: span, level: 'all', unitId: null, field: null, compare: 'previous' }),
      null,
      'vi',
      { unitRows: HANDOUT_UNIT_ROWS },
    );
    const online = paper.find((s) => s.id === 'online');
    if (online?.chart.kind !== 'units') throw new Error('the online chart by unit must draw units');
    // The sample has 22 communes (the district above them is a reference line, not a row): 6 best, 6 weakest.
    expect(online.chart.rows.length).toBe(12);
    expect(online.truncated).toEqual({ shown: 12, total: 22 });
    // Its table, on screen and in the exports, still has every commune.
    expect(online.table.rows.length).toBe(22);
    // The communes resolved none late (FIGURES.md: resolved late 0 at commune level), so each of the 22 is at
    // 100 % on time: the sentence standing for that chart speaks of all 22, not of the 12 a chart would show,
    // and no "showing 12 of 22" line goes above it.
    const onTime = paper.find((s) => s.id === 'on-time');
    expect(onTime?.chart).toEqual({
      kind: 'statement',
      text: 'Cả 22 đơn vị cấp xã đều giải quyết đúng hạn 100,0\u00a0% hồ sơ.',
    });
    expect(onTime?.truncated).toBeNull();
  });
});

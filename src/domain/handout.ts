import type { ChartSpec } from './chart-specs.ts';

/**
 * Where the printed handout puts a chart's table of numbers:
 * - `below`: under its chart;
 * - `appendix`: with the other tables by month, at the end;
 * - `omit`: not at all, because the handout already prints those numbers elsewhere.
 */
export type HandoutTable = 'below' | 'appendix' | 'omit';

/**
 * At most this many units in a chart by unit on paper: the six best and the six weakest. The ranking, printed
 * whole before the charts, names every unit with the same figures; the charts show the spread at a glance.
 */
export const HANDOUT_UNIT_ROWS = 12;

/**
 * The charts by unit whose every figure per unit is also a column of the ranking table, which the handout
 * prints whole (every unit) before the charts: on-time rate, online uptake, overdue dossiers and fees.
 * Printed under their charts as well, they made the sample's handout two pages longer and said nothing new.
 */
const IN_THE_RANKING: ReadonlySet<string> = new Set(['on-time', 'online', 'overdue-unit', 'fees-unit']);

/**
 * Where each ready chart's table goes on paper (decision 0015). Tables by month go to the appendix; a table
 * shared by several charts (the three charts by procedure field share one) is printed once, under the first.
 */
export function handoutTables(specs: readonly ChartSpec[]): Map<string, HandoutTable> {
  const printed = new Set<ChartSpec['table']>();
  const places = new Map<string, HandoutTable>();
  for (const spec of specs) {
    if (spec.status !== 'ready') continue;
    const monthly = spec.chart.kind === 'monthly-bars' || spec.chart.kind === 'monthly-lines';
    const place: HandoutTable =
      IN_THE_RANKING.has(spec.id) || printed.has(spec.table) ? 'omit' : monthly ? 'appendix' : 'below';
    places.set(spec.id, place);
    printed.add(spec.table);
  }
  return places;
}

import type { DatasetIndex } from './metrics.ts';
import type { Month, MonthRange } from './months.ts';
import type { Dataset, Level, Unit } from './schema.ts';

/**
 * Everything the page needs to know about a dataset except its records:
 * titles, units, targets, facts and the span of months. Small enough to send
 * from the worker that holds a province's records (src/data/dataset-worker.ts)
 * to the page, and the same whichever thread computed it.
 */
export type DatasetMeta = Omit<Dataset, 'records'> & {
  /** First and last month with a record; null when there are no records. */
  span: MonthRange | null;
  /** Every month that has a record, sorted. */
  months: readonly Month[];
  /** The levels the units have, province first. */
  levels: readonly Level[];
  unitsById: ReadonlyMap<string, Unit>;
  recordCount: number;
};

const LEVEL_ORDER: readonly Level[] = ['province', 'district', 'commune'];

export function datasetMeta(index: DatasetIndex): DatasetMeta {
  const { records, ...rest } = index.dataset;
  const present = new Set(index.units.map((u) => u.level));
  return {
    ...rest,
    // The fields to choose from: those some record uses (one no record uses would show nothing).
    ...(index.fields.length > 0 ? { fields: [...index.fields] } : {}),
    span: index.span,
    months: index.months,
    levels: LEVEL_ORDER.filter((l) => present.has(l)),
    unitsById: index.unitsById,
    recordCount: records.length,
  };
}

import { datasetJsonText } from '../dataset-json-text.ts';
import { indexDataset, levelTotals, unitsOfLevel } from '../metrics.ts';
import { type Dataset, LEVELS, type Level } from '../schema.ts';
import type { ConvertResult, SheetError, SheetNote, SheetWarning } from './problems.ts';

/**
 * What the import panel shows of a converted dataset before it is used: its
 * units, months, fields and totals per level (from the metric module, over
 * the whole span), and the dataset's JSON text to view or download. Built
 * where the files were read (a worker), so the page receives no records.
 */

export interface ImportPreview {
  title: string;
  illustrative: boolean;
  unitCount: number;
  recordCount: number;
  /** Per level present: how many units, and the first names. */
  units: { level: Level; count: number; names: string[] }[];
  months: { from: string; to: string; count: number } | null;
  /** The names of the fields the records use, in the dataset's order. */
  fields: string[];
  /** Per level, over every month: new dossiers, of them online, resolved, and the on-time rate. */
  totals: { level: Level; received: number; receivedOnline: number; resolved: number; onTimeRate: number | null }[];
}

export type ImportOutcome =
  | {
      ok: true;
      text: string;
      preview: ImportPreview;
      warnings: SheetWarning[];
      warningCount: number;
      notes: SheetNote[];
    }
  | { ok: false; errors: SheetError[]; errorCount: number; notes: SheetNote[] };

/** Names shown per level before "…". */
const NAMES_SHOWN = 8;
/** Warnings sent to the page; the count says how many there are. */
const WARNINGS_SHOWN = 200;

export function importPreview(dataset: Dataset): ImportPreview {
  const index = indexDataset(dataset);
  const units = LEVELS.flatMap((level) => {
    const list = unitsOfLevel(index, level);
    return list.length === 0
      ? []
      : [{ level, count: list.length, names: list.slice(0, NAMES_SHOWN).map((u) => u.name) }];
  });
  const span = index.span;
  const totals = span
    ? LEVELS.flatMap((level) => {
        const t = levelTotals(index, level, span);
        return t
          ? [
              {
                level,
                received: t.received,
                receivedOnline: t.receivedOnline,
                resolved: t.resolved,
                onTimeRate: t.onTimeRate,
              },
            ]
          : [];
      })
    : [];
  return {
    title: dataset.title,
    illustrative: dataset.illustrative === true,
    unitCount: dataset.units.length,
    recordCount: dataset.records.length,
    units,
    months: span ? { ...span, count: index.months.length } : null,
    fields: index.fields.map((f) => f.name),
    totals,
  };
}

/** A conversion as the page receives it: errors, or the dataset's text with its preview. */
export function importOutcome(result: ConvertResult): ImportOutcome {
  if (!result.ok) return result;
  return {
    ok: true,
    text: datasetJsonText(result.dataset),
    preview: importPreview(result.dataset),
    warnings: result.warnings.slice(0, WARNINGS_SHOWN),
    warningCount: result.warnings.length,
    notes: result.notes,
  };
}

import type { CompareMode } from './comparison-plan.ts';
import { comparedWithShort } from './comparison-words.ts';
import type { ColumnFormat, RawTable } from './csv.ts';
import type { HeadlineGroup, UnitFieldMatrix, UnitRow } from './dashboard.ts';
import type { Lang } from './format.ts';
import { FIGURE_LABEL, LEVEL_LABEL, unitType } from './labels.ts';
import { TOTALS_KEYS, type Totals } from './metrics.ts';

/**
 * The tables the page offers for download besides each chart's own (those are
 * in chart-specs.ts): the totals of the selection, the ranking of units and the
 * unit × field table. Plain figures, with the format of each column, so CSV,
 * JSON and Excel say the same thing.
 */

const TEXT = {
  vi: {
    group: 'Nhóm',
    rank: 'Hạng',
    unitId: 'Mã đơn vị',
    unit: 'Đơn vị',
    type: 'Loại đơn vị',
    onTimeChange: 'Thay đổi tỷ lệ đúng hạn',
    onlineChange: 'Thay đổi tỷ lệ trực tuyến',
    rankOf: 'Hạng trong cấp',
    rate: (field: string) => `${field}: tỷ lệ đúng hạn`,
    overdue: (field: string) => `${field}: đang quá hạn`,
    all: 'Mọi lĩnh vực',
  },
  en: {
    group: 'Group',
    rank: 'Rank',
    unitId: 'Unit id',
    unit: 'Unit',
    type: 'Kind of unit',
    onTimeChange: 'Change in on-time rate',
    onlineChange: 'Change in online uptake',
    rankOf: 'Rank within its level',
    rate: (field: string) => `${field}: on-time rate`,
    overdue: (field: string) => `${field}: overdue`,
    all: 'All fields',
  },
};

const RATE_KEYS: ReadonlySet<keyof Totals> = new Set(['onTimeRate', 'onlineRate', 'completionRate']);

function formatOf(key: keyof Totals): ColumnFormat {
  if (RATE_KEYS.has(key)) return 'percent';
  if (key === 'feesVnd') return 'vnd';
  return 'count';
}

function labelOf(key: keyof Totals, lang: Lang): string {
  return key in FIGURE_LABEL ? FIGURE_LABEL[key as keyof typeof FIGURE_LABEL][lang] : key;
}

/** Every figure of each group of the headline (a level, or the unit looked at). */
export function totalsTable(groups: readonly HeadlineGroup[], lang: Lang): RawTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'group', label: t.group, format: 'text' },
      ...TOTALS_KEYS.map((k) => ({ key: k, label: labelOf(k, lang), format: formatOf(k) })),
    ],
    rows: groups.map((g) => ({
      group: g.kind === 'unit' ? g.label : LEVEL_LABEL[g.kind][lang],
      ...Object.fromEntries(TOTALS_KEYS.map((k) => [k, g.current[k]])),
    })),
  };
}

/**
 * The ranking of units, in its order (each unit ranked within its level), with
 * both rates' change in points where there is a comparison, the column saying
 * what it is compared with.
 */
export function rankingTable(rows: readonly UnitRow[], lang: Lang, compare: CompareMode | null = null): RawTable {
  const t = TEXT[lang];
  const f = (k: keyof typeof FIGURE_LABEL) => FIGURE_LABEL[k][lang];
  const against = compare ? ` ${comparedWithShort(compare, lang)}` : '';
  return {
    columns: [
      { key: 'rank', label: t.rankOf, format: 'count' },
      { key: 'unitId', label: t.unitId, format: 'text' },
      { key: 'unitName', label: t.unit, format: 'text' },
      { key: 'type', label: t.type, format: 'text' },
      { key: 'total', label: f('total'), format: 'count' },
      { key: 'onTimeRate', label: f('onTimeRate'), format: 'percent' },
      { key: 'onlineRate', label: f('onlineRate'), format: 'percent' },
      { key: 'level4Share', label: f('level4Share'), format: 'percent' },
      { key: 'feesVnd', label: f('feesVnd'), format: 'vnd' },
      { key: 'pendingOverdue', label: f('pendingOverdue'), format: 'count' },
      { key: 'onTimeChange', label: `${t.onTimeChange}${against}`, format: 'percent' },
      { key: 'onlineChange', label: `${t.onlineChange}${against}`, format: 'percent' },
    ],
    rows: rows.map((r) => ({
      rank: r.rank,
      unitId: r.unitId,
      unitName: r.name,
      type: unitType(r, lang),
      total: r.totals.total,
      onTimeRate: r.totals.onTimeRate,
      onlineRate: r.totals.onlineRate,
      level4Share: r.level4Share,
      feesVnd: r.totals.feesVnd,
      pendingOverdue: r.totals.pendingOverdue,
      onTimeChange: r.onTimeChange,
      onlineChange: r.onlineChange,
    })),
  };
}

/** The unit × field table: for each unit, its on-time rate and overdue count overall and in each field. */
export function unitFieldTable(matrix: UnitFieldMatrix, lang: Lang): RawTable {
  const t = TEXT[lang];
  return {
    columns: [
      { key: 'unitId', label: t.unitId, format: 'text' },
      { key: 'unitName', label: t.unit, format: 'text' },
      { key: 'all:rate', label: t.rate(t.all), format: 'percent' },
      { key: 'all:overdue', label: t.overdue(t.all), format: 'count' },
      ...matrix.fields.flatMap((field) => [
        { key: `${field.id}:rate`, label: t.rate(field.name), format: 'percent' as const },
        { key: `${field.id}:overdue`, label: t.overdue(field.name), format: 'count' as const },
      ]),
    ],
    rows: matrix.rows.map((r) => ({
      unitId: r.unitId,
      unitName: r.name,
      'all:rate': r.totals.onTimeRate,
      'all:overdue': r.totals.pendingOverdue,
      ...Object.fromEntries(
        r.cells.flatMap((c) => [
          [`${c.fieldId}:rate`, c.onTimeRate],
          [`${c.fieldId}:overdue`, c.overdue],
        ]),
      ),
    })),
  };
}

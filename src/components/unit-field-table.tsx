import { useId, useMemo, useState } from 'react';
import { compareNames } from '../domain/collation.ts';
import type { UnitFieldMatrix, UnitFieldRow } from '../domain/dashboard.ts';
import { formatCount, formatPercent, type Lang, NOT_AVAILABLE } from '../domain/format.ts';
import { usePrinting } from './print-mode.ts';
import './panels.css';

const TEXT = {
  vi: {
    heading: 'Đơn vị và lĩnh vực',
    caption: (target: string) =>
      `Tỷ lệ giải quyết đúng hạn và số hồ sơ đang quá hạn của từng đơn vị trong từng lĩnh vực; ▼ là dưới chỉ tiêu ${target}.`,
    sortHint: 'Bấm vào tiêu đề cột để sắp xếp.',
    scroll: 'Bảng đơn vị và lĩnh vực (cuộn ngang được)',
    unit: 'Đơn vị',
    all: 'Mọi lĩnh vực',
    overdue: (n: string) => `${n} quá hạn`,
    none: 'không có',
    key: 'Màu ô càng đậm, tỷ lệ càng thấp dưới chỉ tiêu; ô không màu là đạt chỉ tiêu.',
  },
  en: {
    heading: 'Units and procedure fields',
    caption: (target: string) =>
      `On-time rate and overdue dossiers of each unit in each field; ▼ is below the ${target} target.`,
    sortHint: 'Select a column heading to sort by it.',
    scroll: 'Units and procedure fields (scrolls sideways)',
    unit: 'Unit',
    all: 'All fields',
    overdue: (n: string) => `${n} overdue`,
    none: 'none',
    key: 'The darker a cell, the further below the target its rate; a cell without colour meets the target.',
  },
};

/** How far below the target a rate is, in four steps, for the shade of its cell (the ▼ says it without colour). */
export function shortfallStep(rate: number | null, target: number): 0 | 1 | 2 | 3 {
  if (rate === null || rate >= target) return 0;
  // In points, rounded to a hundredth, so 95 % − 90 % is 5 points and not 4.999….
  const points = Math.round((target - rate) * 10_000) / 100;
  return points < 5 ? 1 : points < 15 ? 2 : 3;
}

type SortKey = 'name' | 'all' | string;

interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

function rateOf(row: UnitFieldRow, key: SortKey): number | null {
  if (key === 'all') return row.totals.onTimeRate;
  return row.cells.find((c) => c.fieldId === key)?.onTimeRate ?? null;
}

/** Sorted copy: by name, or by a column's on-time rate (units without it last, either way). */
function sorted(rows: readonly UnitFieldRow[], sort: Sort): UnitFieldRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * compareNames(a.name, b.name);
    const va = rateOf(a, sort.key);
    const vb = rateOf(b, sort.key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return sign * (va - vb) || compareNames(a.name, b.name);
  });
}

export interface UnitFieldTableProps {
  matrix: UnitFieldMatrix;
  /** The on-time target, 0..1. */
  target: number;
  lang: Lang;
  onSelectUnit?: (unitId: string) => void;
}

/**
 * Each unit in view against each procedure field: the on-time rate with the
 * overdue count, shaded as a heat map for the eye and marked ▼ below target so
 * it reads without colour; a real table, sortable by any column.
 */
export function UnitFieldTable({ matrix, target, lang, onSelectUnit }: UnitFieldTableProps) {
  const t = TEXT[lang];
  const headingId = useId();
  // Weakest first by default: the question is where it goes wrong.
  const [sort, setSort] = useState<Sort>({ key: 'all', direction: 'ascending' });
  // On paper the headings and names are text: nothing there to press (print-mode.ts).
  const printing = usePrinting();
  const rows = useMemo(() => sorted(matrix.rows, sort), [matrix.rows, sort]);
  if (matrix.rows.length === 0 || matrix.fields.length === 0) return null;
  const sortBy = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, direction: s.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
  const header = (key: SortKey, label: string) => (
    <th
      key={key}
      scope="col"
      aria-sort={sort.key === key ? sort.direction : 'none'}
      className={key === 'name' ? undefined : 'num'}
    >
      {printing ? (
        label
      ) : (
        <button type="button" className="sort-button" onClick={() => sortBy(key)}>
          {label}
          <span aria-hidden="true" className="sort-button__icon">
            {sort.key === key ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      )}
    </th>
  );
  const cell = (rate: number | null, overdue: number | null, key: string) => {
    const step = shortfallStep(rate, target);
    return (
      <td key={key} className={`num heat heat--${step}`}>
        <span className="heat__rate">
          {step > 0 ? '▼ ' : ''}
          {formatPercent(rate, lang)}
        </span>
        <span className={overdue ? 'heat__overdue status--bad' : 'heat__overdue'}>
          {overdue === null ? NOT_AVAILABLE : overdue > 0 ? t.overdue(formatCount(overdue, lang)) : t.none}
        </span>
      </td>
    );
  };
  return (
    <section className="panel unit-fields" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t.heading}
      </h2>
      <p className="panel__subtitle">{t.key}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it. */}
      <section className="table-scroll" aria-label={t.scroll} tabIndex={0}>
        <table className="data-table">
          <caption>
            {t.caption(formatPercent(target, lang))}
            {printing ? null : ` ${t.sortHint}`}
          </caption>
          <thead>
            <tr>
              {header('name', t.unit)}
              {header('all', t.all)}
              {matrix.fields.map((f) => header(f.id, f.name))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId}>
                <th scope="row" className="unit-cell">
                  {onSelectUnit && !printing ? (
                    <button type="button" className="link-button" onClick={() => onSelectUnit(r.unitId)}>
                      {r.name}
                    </button>
                  ) : (
                    r.name
                  )}
                </th>
                {cell(r.totals.onTimeRate, r.totals.pendingOverdue, 'all')}
                {r.cells.map((c) => cell(c.onTimeRate, c.overdue, c.fieldId))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

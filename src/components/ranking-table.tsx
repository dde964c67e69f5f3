import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { UnitRow } from '../domain/dashboard.ts';
import {
  formatCount,
  formatPercent,
  formatPointChange,
  formatVnd,
  type Lang,
  NOT_AVAILABLE,
} from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_SHORT } from '../domain/labels.ts';
import { usePrinting } from './print-mode.ts';
import './panels.css';

const TEXT = {
  vi: {
    heading: 'Xếp hạng đơn vị',
    caption: 'Đơn vị xếp theo tỷ lệ giải quyết đúng hạn. Bấm vào tiêu đề cột để sắp xếp lại.',
    printCaption: 'Đơn vị xếp theo tỷ lệ giải quyết đúng hạn, từ thấp nhất.',
    scroll: 'Bảng xếp hạng đơn vị (cuộn ngang được)',
    rank: 'Hạng',
    unit: 'Đơn vị',
    onTimeChange: 'Thay đổi tỷ lệ đúng hạn so với kỳ trước',
    view: 'Xem',
    code: 'mã',
    selected: 'đang xem',
    belowTarget: 'dưới chỉ tiêu',
    showing: (shown: string, total: string) => `Hiển thị ${shown} / ${total} đơn vị`,
    showMore: 'Hiện thêm',
    empty: 'Không có đơn vị nào có số liệu trong kỳ này.',
  },
  en: {
    heading: 'Ranking of units',
    caption: 'Units ranked by on-time rate. Select a column heading to sort by it.',
    printCaption: 'Units ranked by on-time rate, lowest first.',
    scroll: 'Ranking of units (scrolls sideways)',
    rank: 'Rank',
    unit: 'Unit',
    onTimeChange: 'Change in on-time rate since the previous period',
    view: 'View',
    code: 'code',
    selected: 'selected',
    belowTarget: 'below target',
    showing: (shown: string, total: string) => `Showing ${shown} of ${total} units`,
    showMore: 'Show more',
    empty: 'No unit has figures in this period.',
  },
};

const PAGE_SIZE = 50;

export type RankingColumn =
  | 'rank'
  | 'name'
  | 'total'
  | 'onTimeRate'
  | 'onlineRate'
  | 'level4Share'
  | 'feesVnd'
  | 'pendingOverdue'
  | 'onTimeChange';

type Direction = 'ascending' | 'descending';

interface SortState {
  column: RankingColumn;
  direction: Direction;
}

/** The value each column sorts by; the figures are already computed in the rows. */
const SORT_VALUE: Record<RankingColumn, (row: UnitRow) => number | string | null> = {
  rank: (r) => r.rank,
  name: (r) => r.name,
  total: (r) => r.totals.total,
  onTimeRate: (r) => r.totals.onTimeRate,
  onlineRate: (r) => r.totals.onlineRate,
  level4Share: (r) => r.level4Share,
  feesVnd: (r) => r.totals.feesVnd,
  pendingOverdue: (r) => r.totals.pendingOverdue,
  onTimeChange: (r) => r.onTimeChange,
};

// Rank and name read naturally from the top; for figures the reader usually wants the largest first.
const FIRST_DIRECTION: Record<RankingColumn, Direction> = {
  rank: 'ascending',
  name: 'ascending',
  total: 'descending',
  onTimeRate: 'descending',
  onlineRate: 'descending',
  level4Share: 'descending',
  feesVnd: 'descending',
  pendingOverdue: 'descending',
  onTimeChange: 'descending',
};

const DEFAULT_SORT: SortState = { column: 'rank', direction: 'ascending' };

/** A sorted copy; units without the figure go last in either direction, ties keep the ranking. */
function sortRows(rows: readonly UnitRow[], sort: SortState): UnitRow[] {
  const value = SORT_VALUE[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) {
      if (va === null && vb === null) return a.rank - b.rank;
      return va === null ? 1 : -1;
    }
    const order =
      typeof va === 'string' || typeof vb === 'string'
        ? String(va).localeCompare(String(vb), 'vi')
        : va < vb
          ? -1
          : va > vb
            ? 1
            : 0;
    return order * sign || a.rank - b.rank;
  });
}

/**
 * On paper the council reads who lags first, whatever the screen was sorted by: the ranking from its
 * bottom. A unit that resolved nothing has no rate and ranks last; it stays last, being no laggard.
 */
function laggardsFirst(rows: readonly UnitRow[]): UnitRow[] {
  const unrated = (r: UnitRow) => (r.totals.onTimeRate === null ? 1 : 0);
  return [...rows].sort((a, b) => unrated(a) - unrated(b) || b.rank - a.rank);
}

export interface RankingTableProps {
  rows: UnitRow[];
  lang: Lang;
  onSelectUnit: (unitId: string) => void;
  selectedUnitId: string | null;
  /** Whether a comparable previous period exists; without one the change column is left out. */
  hasPrevious: boolean;
}

/** Units side by side, sortable by any column, each row opening that unit. */
export function RankingTable({ rows, lang, onSelectUnit, selectedUnitId, hasPrevious }: RankingTableProps) {
  const t = TEXT[lang];
  const headingId = useId();
  const [chosenSort, setSort] = useState<SortState>(DEFAULT_SORT);
  // Printed, the table is whole, laggards first, its headings and names plain text (print-mode.ts).
  const printing = usePrinting();
  // The change column disappears without a previous period; do not stay sorted by a column no one can see.
  const sort = !hasPrevious && chosenSort.column === 'onTimeChange' ? DEFAULT_SORT : chosenSort;
  const [shown, setShown] = useState(PAGE_SIZE);
  const [shownFor, setShownFor] = useState(rows);
  const focusRow = useRef<number | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  // A new set of rows (another period or dataset) starts again at the first page.
  if (shownFor !== rows) {
    setShownFor(rows);
    setShown(PAGE_SIZE);
  }

  const sorted = useMemo(() => (printing ? laggardsFirst(rows) : sortRows(rows, sort)), [rows, sort, printing]);
  const visible = printing ? sorted : sorted.slice(0, shown);

  useEffect(() => {
    // After "show more", move keyboard focus to the first newly shown unit rather than losing it.
    if (focusRow.current === null) return;
    const row = bodyRef.current?.rows[focusRow.current];
    focusRow.current = null;
    row?.querySelector('button')?.focus();
  });

  const sortBy = (column: RankingColumn) => {
    setSort(
      sort.column === column
        ? { column, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: FIRST_DIRECTION[column] },
    );
  };

  const showMore = () => {
    focusRow.current = visible.length;
    setShown((n) => n + PAGE_SIZE);
  };

  const columns: { column: RankingColumn; label: string; numeric: boolean }[] = [
    { column: 'rank', label: t.rank, numeric: true },
    { column: 'name', label: t.unit, numeric: false },
    { column: 'total', label: FIGURE_LABEL.total[lang], numeric: true },
    { column: 'onTimeRate', label: FIGURE_LABEL.onTimeRate[lang], numeric: true },
    { column: 'onlineRate', label: FIGURE_LABEL.onlineRate[lang], numeric: true },
    { column: 'level4Share', label: FIGURE_LABEL.level4Share[lang], numeric: true },
    { column: 'feesVnd', label: FIGURE_LABEL.feesVnd[lang], numeric: true },
    { column: 'pendingOverdue', label: FIGURE_LABEL.pendingOverdue[lang], numeric: true },
  ];
  if (hasPrevious) columns.push({ column: 'onTimeChange', label: t.onTimeChange, numeric: true });

  return (
    <section className="panel ranking" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t.heading}
      </h2>
      {rows.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it. */}
          <section className="table-scroll" aria-label={t.scroll} tabIndex={0}>
            <table className="data-table">
              <caption>{printing ? t.printCaption : t.caption}</caption>
              <thead>
                <tr>
                  {columns.map((c) => {
                    const active = sort.column === c.column;
                    return (
                      <th
                        key={c.column}
                        scope="col"
                        aria-sort={active ? sort.direction : 'none'}
                        className={c.numeric ? 'num' : undefined}
                      >
                        {printing ? (
                          c.label
                        ) : (
                          <button type="button" className="sort-button" onClick={() => sortBy(c.column)}>
                            {c.label}
                            <span aria-hidden="true" className="sort-button__icon">
                              {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                            </span>
                          </button>
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody ref={bodyRef}>
                {visible.map((row) => (
                  <Row
                    key={row.unitId}
                    row={row}
                    lang={lang}
                    selected={row.unitId === selectedUnitId}
                    hasPrevious={hasPrevious}
                    onSelectUnit={onSelectUnit}
                    printing={printing}
                  />
                ))}
              </tbody>
            </table>
          </section>
          <div className="ranking__paging">
            <p aria-live="polite">{t.showing(formatCount(visible.length, lang), formatCount(sorted.length, lang))}</p>
            {visible.length < sorted.length ? (
              <button type="button" onClick={showMore}>
                {t.showMore}
              </button>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

interface RowProps {
  row: UnitRow;
  lang: Lang;
  selected: boolean;
  hasPrevious: boolean;
  onSelectUnit: (unitId: string) => void;
  printing: boolean;
}

function Row({ row, lang, selected, hasPrevious, onSelectUnit, printing }: RowProps) {
  const t = TEXT[lang];
  const { totals } = row;
  return (
    <tr aria-current={selected ? 'true' : undefined} className={selected ? 'is-selected' : undefined}>
      <td className="num">{formatCount(row.rank, lang)}</td>
      <th scope="row" className="unit-cell">
        {/* The name stays the visible label; the accessible name adds what the button does. */}
        {printing ? (
          row.name
        ) : (
          <button
            type="button"
            className="link-button"
            aria-label={`${t.view} ${row.name}`}
            onClick={() => onSelectUnit(row.unitId)}
          >
            {row.name}
          </button>
        )}{' '}
        <span className={`level-badge level-badge--${row.level}`}>{LEVEL_SHORT[row.level][lang]}</span>
        {row.code ? (
          <>
            {' '}
            <span className="unit-cell__code">
              {t.code} {row.code}
            </span>
          </>
        ) : null}
        {selected ? (
          <>
            {' '}
            <span className="unit-cell__selected">({t.selected})</span>
          </>
        ) : null}
      </th>
      <td className="num">{formatCount(totals.total, lang)}</td>
      <td className="num">
        {formatPercent(totals.onTimeRate, lang)}
        {row.belowOnTimeTarget ? <BelowTarget text={t.belowTarget} /> : null}
      </td>
      <td className="num">
        {formatPercent(totals.onlineRate, lang)}
        {row.belowOnlineTarget ? <BelowTarget text={t.belowTarget} /> : null}
      </td>
      <td className="num">{formatPercent(row.level4Share, lang)}</td>
      <td className="num">{formatVnd(totals.feesVnd, lang)}</td>
      <td className="num">{formatCount(totals.pendingOverdue, lang)}</td>
      {hasPrevious ? (
        <td className="num">
          {formatPointChange(totals.onTimeRate, row.previous?.onTimeRate ?? null, lang) ?? NOT_AVAILABLE}
        </td>
      ) : null}
    </tr>
  );
}

/** Said in words beside the figure, so the mark does not rely on colour. */
function BelowTarget({ text }: { text: string }) {
  return (
    <span className="below-target">
      <span aria-hidden="true">▼</span> {text}
    </span>
  );
}

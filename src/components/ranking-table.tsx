import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { compareNames } from '../domain/collation.ts';
import { type CompareMode, changeVerdict } from '../domain/comparison-plan.ts';
import { comparedWithShort, VERDICT_LABEL } from '../domain/comparison-words.ts';
import type { UnitRow } from '../domain/dashboard.ts';
import {
  formatCount,
  formatPercent,
  formatPointChange,
  formatVnd,
  type Lang,
  NOT_AVAILABLE,
} from '../domain/format.ts';
import { FIGURE_LABEL, LEVEL_LABEL, unitType } from '../domain/labels.ts';
import { LEVELS, type Level } from '../domain/schema.ts';
import { usePrinting } from './print-mode.ts';
import './panels.css';

const TEXT = {
  vi: {
    heading: 'Xếp hạng đơn vị',
    caption:
      'Đơn vị xếp theo tỷ lệ giải quyết đúng hạn, chỉ so với đơn vị cùng cấp; đơn vị cấp trên là dòng tham chiếu, không xếp hạng. Bấm vào tiêu đề cột để sắp xếp lại.',
    printCaption:
      'Đơn vị xếp theo tỷ lệ giải quyết đúng hạn, chỉ so với đơn vị cùng cấp, từ thấp nhất; đơn vị cấp trên là dòng tham chiếu, không xếp hạng.',
    reference: 'tham chiếu',
    scroll: 'Bảng xếp hạng đơn vị (cuộn ngang được)',
    rank: 'Hạng',
    unit: 'Đơn vị',
    onTimeChange: (against: string) => `Thay đổi tỷ lệ đúng hạn ${against}`,
    onlineChange: (against: string) => `Thay đổi tỷ lệ trực tuyến ${against}`,
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
    caption:
      'Units ranked by on-time rate, each only among units of its own level; the unit above them is a reference row, not ranked. Select a column heading to sort by it.',
    printCaption:
      'Units ranked by on-time rate, each only among units of its own level, lowest first; the unit above them is a reference row, not ranked.',
    reference: 'reference',
    scroll: 'Ranking of units (scrolls sideways)',
    rank: 'Rank',
    unit: 'Unit',
    onTimeChange: (against: string) => `Change in on-time rate ${against}`,
    onlineChange: (against: string) => `Change in online uptake ${against}`,
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
  | 'onTimeChange'
  | 'onlineChange';

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
  onlineChange: (r) => r.onlineChange,
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
  onlineChange: 'descending',
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
        ? compareNames(String(va), String(vb))
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
  /** What the changes are compared with; null: nothing is, and the change columns are left out. */
  compared: CompareMode | null;
}

/**
 * Units of one level are compared with each other; a level with a single unit
 * above a level of several (the district over its communes, the province over
 * its communes) is a reference row, shown first and never ranked among them.
 */
function splitLevels(rows: readonly UnitRow[]): { reference: UnitRow[]; groups: { level: Level; rows: UnitRow[] }[] } {
  const byLevel = LEVELS.map((level) => ({ level, rows: rows.filter((r) => r.level === level) })).filter(
    (g) => g.rows.length > 0,
  );
  const lowestMany = [...byLevel].reverse().find((g) => g.rows.length > 1);
  if (!lowestMany) return { reference: [], groups: byLevel };
  const above = (l: Level) => LEVELS.indexOf(l) < LEVELS.indexOf(lowestMany.level);
  const reference = byLevel.filter((g) => g.rows.length === 1 && above(g.level)).flatMap((g) => g.rows);
  return { reference, groups: byLevel.filter((g) => !reference.includes(g.rows[0] as UnitRow)) };
}

/** Units side by side, sortable by any column, each row opening that unit. */
export function RankingTable({ rows, lang, onSelectUnit, selectedUnitId, compared }: RankingTableProps) {
  const t = TEXT[lang];
  const headingId = useId();
  const [chosenSort, setSort] = useState<SortState>(DEFAULT_SORT);
  // Printed, the table is whole, laggards first, its headings and names plain text (print-mode.ts).
  const printing = usePrinting();
  const hasPrevious = compared !== null;
  // The change columns disappear without a comparison; do not stay sorted by a column no one can see.
  const sort =
    !hasPrevious && (chosenSort.column === 'onTimeChange' || chosenSort.column === 'onlineChange')
      ? DEFAULT_SORT
      : chosenSort;
  const [shown, setShown] = useState(PAGE_SIZE);
  const [shownFor, setShownFor] = useState(rows);
  const focusRow = useRef<number | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  // A new set of rows (another period or dataset) starts again at the first page.
  if (shownFor !== rows) {
    setShownFor(rows);
    setShown(PAGE_SIZE);
  }

  const split = useMemo(() => splitLevels(rows), [rows]);
  // Each level sorted on its own, levels from the top down, so a sort never mixes levels either.
  const sorted = useMemo(
    () => split.groups.flatMap((g) => (printing ? laggardsFirst(g.rows) : sortRows(g.rows, sort))),
    [split, sort, printing],
  );
  const visible = printing ? sorted : sorted.slice(0, shown);
  const headed = split.groups.length > 1;

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
  if (compared) {
    const against = comparedWithShort(compared, lang);
    columns.push(
      { column: 'onTimeChange', label: t.onTimeChange(against), numeric: true },
      { column: 'onlineChange', label: t.onlineChange(against), numeric: true },
    );
  }

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
              {split.reference.length > 0 ? (
                <tbody className="ranking__reference">
                  {split.reference.map((row) => (
                    <Row
                      key={row.unitId}
                      row={row}
                      lang={lang}
                      selected={row.unitId === selectedUnitId}
                      hasPrevious={hasPrevious}
                      onSelectUnit={onSelectUnit}
                      printing={printing}
                      reference
                    />
                  ))}
                </tbody>
              ) : null}
              <tbody ref={bodyRef}>
                {visible.map((row, i) => (
                  <Row
                    key={row.unitId}
                    row={row}
                    lang={lang}
                    selected={row.unitId === selectedUnitId}
                    hasPrevious={hasPrevious}
                    onSelectUnit={onSelectUnit}
                    printing={printing}
                    levelHeading={headed && visible[i - 1]?.level !== row.level ? { span: columns.length } : undefined}
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
  /** On paper: the unit's name as text, nothing to press. */
  printing: boolean;
  /** The unit above the ranked ones: shown for reference, without a rank. */
  reference?: boolean;
  /** The first row of a level, when the table holds several: a heading row naming the level goes before it. */
  levelHeading?: { span: number } | undefined;
}

function Row({ row, lang, selected, hasPrevious, onSelectUnit, printing, reference = false, levelHeading }: RowProps) {
  const t = TEXT[lang];
  const { totals } = row;
  const classes = [selected ? 'is-selected' : '', reference ? 'ranking__reference-row' : ''].filter(Boolean);
  return (
    <>
      {levelHeading ? (
        <tr className="ranking__level">
          <th scope="colgroup" colSpan={levelHeading.span}>
            {LEVEL_LABEL[row.level][lang]}
          </th>
        </tr>
      ) : null}
      <tr aria-current={selected ? 'true' : undefined} className={classes.join(' ') || undefined}>
        <td className="num">
          {reference ? <span className="ranking__reference-label">{t.reference}</span> : formatCount(row.rank, lang)}
        </td>
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
          <span className={`level-badge level-badge--${row.level}`}>{unitType(row, lang)}</span>
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
          <>
            <ChangeCell
              key="onTimeRate"
              figure="onTimeRate"
              now={totals.onTimeRate}
              before={row.previous?.onTimeRate ?? null}
              lang={lang}
            />
            <ChangeCell
              key="onlineRate"
              figure="onlineRate"
              now={totals.onlineRate}
              before={row.previous?.onlineRate ?? null}
              lang={lang}
            />
          </>
        ) : null}
      </tr>
    </>
  );
}

/** A change in points, coloured by what it means and said in words for those who do not see the colour. */
function ChangeCell({
  figure,
  now,
  before,
  lang,
}: {
  figure: 'onTimeRate' | 'onlineRate';
  now: number | null;
  before: number | null;
  lang: Lang;
}) {
  const text = formatPointChange(now, before, lang);
  const verdict = changeVerdict(figure, now, before);
  if (text === null || verdict === null) return <td className="num">{NOT_AVAILABLE}</td>;
  const tone = verdict === 'better' ? ' change--better' : verdict === 'worse' ? ' change--worse' : '';
  return (
    <td className={`num${tone}`}>
      {text}
      {verdict === 'better' || verdict === 'worse' ? (
        <span className="sr-only"> ({VERDICT_LABEL[verdict][lang]})</span>
      ) : null}
    </td>
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

import { type ReactNode, Suspense, useRef, useState } from 'react';
import type { NumbersTable } from '../domain/chart-specs.ts';
import type { Lang } from '../domain/format.ts';
import type { HandoutTable } from '../domain/handout.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { usePrinting } from './print-mode.ts';
import { useNearViewport } from './use-near-viewport.ts';
import { useTurn } from './use-turn.ts';
import './charts/charts.css';

const TEXT = {
  vi: {
    loading: 'Đang tải số liệu của biểu đồ…',
    empty: 'Không có số liệu trong khoảng thời gian đã chọn.',
    error: 'Không tải được số liệu của biểu đồ.',
    retry: 'Thử lại',
    showTable: 'Xem bảng số liệu',
  },
  en: {
    loading: 'Loading the figures for the chart…',
    empty: 'No figures for the chosen period.',
    error: 'The figures for the chart could not be loaded.',
    retry: 'Try again',
    showTable: 'Show the numbers',
  },
};

export type ChartStatus = 'ready' | 'empty' | 'loading' | 'error';

export interface ChartFrameProps {
  /** Unique on the page; the ids of the title, description and table derive from it. */
  id: string;
  title: string;
  /** One sentence saying what the chart shows. */
  description: string;
  /** How to use the chart on screen (what a click does), after the description; not printed. */
  hint?: string | undefined;
  status: ChartStatus;
  /** Replaces the default sentence of the empty, loading or error state. */
  statusText?: string;
  onRetry?: () => void;
  table: NumbersTable;
  /** Height of the chart area in pixels, kept in every state so the page does not jump. */
  height: number;
  lang: Lang;
  actions?: ReactNode;
  /** Across the whole row of the grid: a chart with a row per unit needs the width for names and values. */
  wide?: boolean;
  /** A line about what the chart shows (e.g. only the highest and lowest units), written above it at once. */
  note?: ReactNode;
  /** Where the printed handout puts this chart's numbers (src/domain/handout.ts). */
  printTable?: HandoutTable;
  children: ReactNode;
}

export function ChartFrame({
  id,
  title,
  description,
  status,
  statusText,
  onRetry,
  table,
  height,
  lang,
  actions,
  wide = false,
  note,
  printTable = 'below',
  hint,
  children,
}: ChartFrameProps) {
  const t = TEXT[lang];
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const area = useRef<HTMLDivElement>(null);
  const near = useTurn(useNearViewport(area), area);
  return (
    <section
      id={id}
      className={wide ? 'chart-frame chart-frame--wide' : 'chart-frame'}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      data-print-table={printTable === 'below' ? undefined : printTable}
    >
      <div className="chart-frame__head">
        <h3 id={titleId} className="chart-frame__title">
          {title}
        </h3>
        {actions ? <div className="chart-frame__actions">{actions}</div> : null}
      </div>
      <p className="chart-frame__description">
        <span id={descriptionId}>{description}</span>
        {hint ? <span className="hint"> {hint}</span> : null}
      </p>
      {note}
      <div ref={area} className="chart-frame__area" style={{ minHeight: height }}>
        {status === 'ready' && near ? (
          <ErrorBoundary label={title} lang={lang}>
            <div className="chart-frame__chart" role="img" aria-label={`${title}. ${description}`}>
              {/* The chart module loads on demand; meanwhile the area keeps its height, so nothing moves. */}
              <Suspense fallback={null}>{children}</Suspense>
            </div>
          </ErrorBoundary>
        ) : null}
        {status === 'loading' ? (
          <div className="chart-fallback" role="status" aria-live="polite">
            <span className="chart-fallback__spinner" aria-hidden="true" />
            {statusText ?? t.loading}
          </div>
        ) : null}
        {status === 'empty' ? (
          <div className="chart-fallback">
            <p>{statusText ?? t.empty}</p>
          </div>
        ) : null}
        {status === 'error' ? (
          <div className="chart-fallback chart-fallback--error" role="alert">
            <p>{statusText ?? t.error}</p>
            {onRetry ? (
              <button type="button" onClick={onRetry}>
                {t.retry}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {status === 'ready' && table.rows.length > 0 ? (
        <NumbersTableToggle
          id={`${id}-table`}
          title={title}
          table={table}
          label={t.showTable}
          printed={printTable !== 'omit'}
        />
      ) : null}
    </section>
  );
}

/**
 * Up to this many rows, a collapsed table stays in the page (visually hidden), so a screen reader reads
 * the figures without opening it. A province's tables hold thousands of units: kept in the page they
 * made most of its elements and slowed every layout, so a longer table is built when it is opened.
 */
export const ALWAYS_BUILT_ROWS = 60;

function NumbersTableToggle({
  id,
  title,
  table,
  label,
  printed,
}: {
  id: string;
  title: string;
  table: NumbersTable;
  label: string;
  /** Whether the handout prints this table: then it is built whole when the page is printed. */
  printed: boolean;
}) {
  const [open, setOpen] = useState(false);
  // On paper a long table is printed whole, not only once opened.
  const printing = usePrinting() && printed;
  return (
    <div className="chart-frame__numbers">
      <button
        type="button"
        className="chart-frame__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="chart-frame__chevron" aria-hidden="true" />
        {label}
      </button>
      {/* Collapsed, a short table is only visually hidden: screen-reader users get the figures without opening it. */}
      <div id={id} className={open ? 'chart-frame__table-wrap' : 'sr-only'}>
        {open || printing || table.rows.length <= ALWAYS_BUILT_ROWS ? <Table title={title} table={table} /> : null}
      </div>
    </div>
  );
}

function Table({ title, table }: { title: string; table: NumbersTable }) {
  const [head, ...rest] = table.columns;
  return (
    <table className="chart-frame__table">
      <caption>{title}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            {head ? (
              <th scope="row" className={head.numeric ? 'num' : undefined}>
                {r.cells[head.key] ?? ''}
              </th>
            ) : null}
            {rest.map((c) => (
              <td key={c.key} className={c.numeric ? 'num' : undefined}>
                {r.cells[c.key] ?? ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

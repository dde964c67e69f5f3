import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type ColorToken, chartHeight, PAGE_TEXT_SIZE, type UnitsChart } from '../../domain/chart-specs.ts';
import type { Lang } from '../../domain/format.ts';
import { layoutUnitChart, type RowLayout, type Tone } from '../../domain/unit-chart-layout.ts';
import { PRINT_CHART_WIDTH, usePrinting } from '../print-mode.ts';

export interface UnitChartProps {
  chart: UnitsChart;
  lang: Lang;
  /** A click on a row: its unit, or its procedure field when the rows are fields. */
  onSelectUnit?: (unitId: string) => void;
  selectedUnitId?: string | null;
  /** Font size of the chart's text in px: 12 on the page, larger on slides; everything scales with it. */
  textSize?: number;
  /** Overrides the height (slides give the chart the room they have). */
  height?: number;
}

/** A colour token as the CSS variable of the theme, so both themes and the projector themes apply. */
export function tokenColor(token: ColorToken): string {
  return `var(--tone-${token})`;
}

function toneColor(tone: Tone): string {
  return tokenColor(tone === 'neutral' ? 'main' : tone);
}

/**
 * The width the chart is given, measured before it is first painted and followed as the window changes; 600
 * where there is no layout to measure (tests in jsdom); the paper's when printed (measuring it would come
 * too late for the print).
 */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(600);
  const printing = usePrinting();
  // Measured before the first paint, so the chart is never drawn at 600 and then redrawn at its real width
  // (a reader would see it jump, and an export taken in between would have the wrong size).
  useLayoutEffect(() => {
    const w = ref.current?.getBoundingClientRect().width;
    if (w && w > 0) setWidth(Math.floor(w));
  }, [ref]);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.floor(w));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return printing ? PRINT_CHART_WIDTH : width;
}

function Mark({ row, mark, size }: { row: RowLayout; mark: UnitsChart['mark']; size: number }) {
  const color = toneColor(row.tone);
  if (mark === 'bar' && row.segments.length > 0) {
    const h = size * 2;
    return (
      <g className="unit-chart__bar">
        {row.segments.map((seg) => (
          <rect
            key={`${seg.x0}-${seg.tone}`}
            x={seg.x0}
            y={row.y - h / 2}
            width={Math.max(1, seg.x1 - seg.x0)}
            height={h}
            fill={toneColor(seg.tone)}
            stroke="var(--color-surface)"
            strokeWidth={1}
          />
        ))}
      </g>
    );
  }
  if (mark === 'bar') {
    const h = size * 2;
    return (
      <rect
        className="unit-chart__bar"
        x={Math.min(row.x0, row.x1)}
        y={row.y - h / 2}
        width={Math.max(1, Math.abs(row.x1 - row.x0))}
        height={h}
        fill={color}
      />
    );
  }
  if (mark === 'arrow') {
    const dir = row.x1 >= row.x0 ? 1 : -1;
    const head = size * 1.4;
    return (
      <g className="unit-chart__arrow" stroke={color} fill={color}>
        <line x1={row.x0} y1={row.y} x2={row.x1 - dir * head * 0.6} y2={row.y} strokeWidth={size * 0.45} />
        <circle cx={row.x0} cy={row.y} r={size * 0.55} fill="var(--color-surface)" strokeWidth={size * 0.3} />
        <path d={`M${row.x1},${row.y} l${-dir * head},${-head * 0.6} l0,${head * 1.2} z`} stroke="none" />
      </g>
    );
  }
  // Below target is a downward triangle, so it reads without colour too.
  if (row.tone === 'bad') {
    const r = size * 1.25;
    return (
      <path
        className="unit-chart__dot"
        d={`M${row.x1 - r},${row.y - r * 0.7} h${r * 2} l${-r},${r * 1.6} z`}
        fill={color}
      />
    );
  }
  return <circle className="unit-chart__dot" cx={row.x1} cy={row.y} r={size} fill={color} />;
}

function legendSwatch(shape: UnitsChart['legend'][number]['shape'], color: string, s: number, x: number, y: number) {
  if (shape === 'triangle')
    return <path d={`M${x},${y - s * 0.6} h${s * 1.6} l${-s * 0.8},${s * 1.3} z`} fill={color} />;
  if (shape === 'bar') return <rect x={x} y={y - s * 0.6} width={s * 1.6} height={s * 1.2} fill={color} />;
  if (shape === 'arrow')
    return (
      <g fill={color} stroke={color}>
        <line x1={x} y1={y} x2={x + s * 1.1} y2={y} strokeWidth={s * 0.35} />
        <path d={`M${x + s * 1.8},${y} l${-s * 0.8},${-s * 0.5} l0,${s} z`} stroke="none" />
      </g>
    );
  return <circle cx={x + s * 0.8} cy={y} r={s * 0.6} fill={color} />;
}

/**
 * Every chart with one row per unit, drawn by hand from layoutUnitChart:
 * rates as dots on a scale fitted to them (so a two-point gap shows),
 * counts and amounts as bars from zero, changes as arrows; the target and
 * the unit above as labelled lines, the value beside each mark.
 */
export function UnitChart({
  chart,
  lang,
  onSelectUnit,
  selectedUnitId = null,
  textSize = PAGE_TEXT_SIZE,
  height,
}: UnitChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const layout = layoutUnitChart(chart, width, textSize, lang);
  const scale = textSize / PAGE_TEXT_SIZE;
  const legendH = chart.legend.length > 0 ? 24 * scale : 0;
  const noteH = chart.axisNote ? 20 * scale : 0;
  const total = height ?? (textSize === PAGE_TEXT_SIZE ? chartHeight(chart) : layout.height + legendH + noteH);
  const size = layout.markSize;
  const fs = layout.fontSize;
  let legendX = layout.plotLeft;
  return (
    <div ref={box} className="unit-chart" style={{ height: total }}>
      <svg
        width={width}
        height={total}
        viewBox={`0 0 ${width} ${total}`}
        className="unit-chart__svg"
        fontSize={fs}
        fill="var(--chart-text)"
        aria-hidden="true"
        focusable="false"
      >
        {layout.ticks.map((t) => (
          <g key={`tick-${t.x}`}>
            <line x1={t.x} x2={t.x} y1={layout.rowsTop} y2={layout.rowsBottom} stroke="var(--chart-grid)" />
            <text x={t.x} y={layout.tickY} textAnchor="middle" className="unit-chart__tick">
              {t.text}
            </text>
          </g>
        ))}
        {layout.target ? (
          <g className="unit-chart__target">
            <line
              x1={layout.target.x}
              x2={layout.target.x}
              y1={layout.target.labelY + fs * 0.35}
              y2={layout.rowsBottom}
              stroke="var(--color-fg)"
              strokeDasharray={`${5 * scale} ${4 * scale}`}
              strokeWidth={1.5 * scale}
            />
            <text x={layout.target.labelX} y={layout.target.labelY} textAnchor={layout.target.labelAnchor}>
              {layout.target.label}
            </text>
          </g>
        ) : null}
        {layout.reference ? (
          <g className="unit-chart__reference">
            <line
              x1={layout.reference.x}
              x2={layout.reference.x}
              y1={layout.reference.labelY + fs * 0.35}
              y2={layout.rowsBottom}
              stroke="var(--color-muted)"
              strokeDasharray={`${1.5 * scale} ${3 * scale}`}
              strokeWidth={2 * scale}
            />
            <text x={layout.reference.labelX} y={layout.reference.labelY} textAnchor={layout.reference.labelAnchor}>
              {layout.reference.label}
            </text>
          </g>
        ) : null}
        {layout.rows.map((row) => {
          const strong = row.strong || row.unitId === selectedUnitId;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the ranking table below is the keyboard route to a unit.
            <g
              key={row.unitId}
              className={onSelectUnit ? 'unit-chart__row unit-chart__row--clickable' : 'unit-chart__row'}
              data-unit={row.unitId}
              onClick={onSelectUnit ? () => onSelectUnit(row.unitId) : undefined}
            >
              <title>{`${row.fullName ?? row.name}: ${row.label}`}</title>
              {chart.mark === 'bar' ? null : (
                <line
                  x1={layout.plotLeft}
                  x2={layout.plotRight}
                  y1={row.y}
                  y2={row.y}
                  stroke="var(--chart-grid)"
                  strokeDasharray={`${2 * scale} ${3 * scale}`}
                />
              )}
              <text
                x={layout.nameRight - fs * 0.3}
                y={row.y}
                dy="0.35em"
                textAnchor="end"
                fontWeight={strong ? 700 : 400}
                className="unit-chart__name"
              >
                {row.name}
              </text>
              <Mark row={row} mark={chart.mark} size={size} />
              {strong ? (
                <rect
                  x={layout.plotLeft - 2}
                  y={row.y - layout.rowPitch / 2 + 1}
                  width={layout.plotRight - layout.plotLeft + 4}
                  height={layout.rowPitch - 2}
                  fill="none"
                  stroke="var(--color-fg)"
                  strokeWidth={1.5}
                  className="unit-chart__selected"
                />
              ) : null}
              <text
                x={row.labelX}
                y={row.y}
                dy="0.35em"
                textAnchor={row.labelAnchor}
                fontWeight={row.tone === 'bad' ? 700 : 400}
                className="unit-chart__label"
              >
                {row.label}
              </text>
            </g>
          );
        })}
        {chart.legend.length > 0 ? (
          <g className="unit-chart__legend" transform={`translate(0 ${layout.height + legendH / 2})`}>
            {chart.legend.map((entry) => {
              const x = legendX;
              legendX += fs * 2.4 + entry.label.length * fs * 0.6 + fs;
              return (
                <g key={entry.label}>
                  {legendSwatch(entry.shape, tokenColor(entry.color), fs * 0.7, x, 0)}
                  <text x={x + fs * 1.6} y={0} dy="0.35em">
                    {entry.label}
                  </text>
                </g>
              );
            })}
          </g>
        ) : null}
        {chart.axisNote ? (
          <text x={layout.plotLeft} y={layout.height + legendH + noteH / 2} dy="0.35em" className="unit-chart__note">
            {chart.axisNote}
          </text>
        ) : null}
      </svg>
    </div>
  );
}

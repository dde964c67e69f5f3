import type { SeriesSpec } from '../../domain/chart-specs.ts';
import { textWidth } from '../../domain/unit-chart-layout.ts';
import { seriesDash, seriesTone } from './chart-kit.tsx';

/** How many lines a legend of these series takes at a width and text size (each entry: swatch, name, gap). */
export function legendLines(series: readonly SeriesSpec[], width: number, textSize: number): number {
  let lines = 1;
  let x = textSize * 0.5;
  for (const s of series) {
    const w = textSize * 3.0 + textWidth(s.label, textSize);
    if (x > 0 && x + w > width) {
      lines += 1;
      x = 0;
    }
    x += w;
  }
  return lines;
}

/** Height of one legend line. */
export function legendLineHeight(textSize: number): number {
  return Math.ceil(textSize * 1.8);
}

/**
 * A legend drawn by the page rather than by recharts, so its height is known
 * before the chart is drawn: the chart's plot, and where its labels can go,
 * are then worked out exactly.
 */
export function ChartLegend({
  series,
  kind,
  textSize,
}: {
  series: readonly SeriesSpec[];
  kind: 'bar' | 'line';
  textSize: number;
}) {
  const s = textSize;
  return (
    <ul
      className="chart-legend chart-legend--series"
      style={{ fontSize: textSize, lineHeight: `${legendLineHeight(s)}px` }}
    >
      {series.map((entry, i) => (
        <li key={entry.key}>
          <svg width={s * 1.8} height={s} aria-hidden="true" focusable="false">
            {kind === 'bar' ? (
              <rect x={s * 0.3} width={s} height={s} fill={seriesTone(entry, i)} />
            ) : (
              <line
                x1={0}
                x2={s * 1.8}
                y1={s / 2}
                y2={s / 2}
                stroke={seriesTone(entry, i)}
                strokeWidth={s / 6}
                strokeDasharray={seriesDash(i)}
              />
            )}
          </svg>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

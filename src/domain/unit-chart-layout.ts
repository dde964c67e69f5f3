import { formatTick, truncateName, type ValueFormat } from './chart-layout.ts';
import type { Lang } from './format.ts';

/**
 * Where everything of a chart by unit goes, worked out before anything is
 * drawn: one row per unit, the names in a column on the left (shortened with
 * an ellipsis when they would not fit, never cut by the edge), the marks on a
 * scale, the value written beside each mark, the target and the reference
 * (the parent unit) as labelled vertical lines above the rows, the ticks
 * below. Pure arithmetic on an estimated text width, so the page, the slides
 * and the tests get the same answer and can check that nothing overlaps.
 */

/** Average advance of a character of Be Vietnam Pro, in em: measured on mixed Vietnamese names, rounded up. */
export const CHAR_EM = 0.6;
/** Bold text is wider. */
export const BOLD_CHAR_EM = 0.66;

/** Width of a text at a font size, generous so that an estimate never lets text run into something. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return Array.from(text).length * fontSize * (bold ? BOLD_CHAR_EM : CHAR_EM);
}

export type UnitMarkKind = 'bar' | 'dot' | 'arrow';

/** Good, bad or neither: decides the colour (and, for arrows, the direction's meaning); bad2 is the darker strong colour. */
export type Tone = 'good' | 'bad' | 'bad2' | 'neutral';

export interface UnitMarkInput {
  unitId: string;
  /** As written on the axis (the level noted when above commune). */
  name: string;
  value: number;
  /** Where an arrow starts (the earlier figure). */
  from?: number | null;
  /** A bar made of parts stacked from zero (their sum is `value`), toned by the chart's `partTones`. */
  parts?: number[];
  /** Written beside the mark. */
  label: string;
  tone: Tone;
  /** Drawn in bold: the parent unit, or the unit being looked at. */
  strong?: boolean;
}

export interface ScaleInput {
  min: number;
  max: number;
  ticks: number[];
}

export interface UnitChartInput {
  mark: UnitMarkKind;
  rows: readonly UnitMarkInput[];
  format: ValueFormat;
  scale: ScaleInput;
  target: { value: number; label: string } | null;
  reference: { value: number; label: string } | null;
  /** The tones of the parts of stacked bars, in order. */
  partTones?: Tone[];
}

export interface RowLayout {
  unitId: string;
  /** Centre line of the row. */
  y: number;
  name: string;
  /** The full name when `name` had to be shortened. */
  fullName: string | null;
  strong: boolean;
  tone: Tone;
  /** Where the mark starts (a bar's base, an arrow's tail) and ends (a bar's end, a dot, an arrow's head). */
  x0: number;
  x1: number;
  /** For a bar of parts: each part's extent and tone. */
  segments: { x0: number; x1: number; tone: Tone }[];
  label: string;
  labelX: number;
  labelAnchor: 'start' | 'end';
}

export interface LineLayout {
  x: number;
  label: string;
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
}

export interface UnitChartLayout {
  width: number;
  height: number;
  fontSize: number;
  rowPitch: number;
  /** Right edge of the names column. */
  nameRight: number;
  plotLeft: number;
  plotRight: number;
  /** Top and bottom of the rows. */
  rowsTop: number;
  rowsBottom: number;
  rows: RowLayout[];
  ticks: { x: number; text: string }[];
  tickY: number;
  target: LineLayout | null;
  reference: LineLayout | null;
  markSize: number;
}

/** Rows are this many font sizes apart. */
export const ROW_PITCH_EM = 2.2;
const GAP_EM = 0.6;

function labelLine(x: number, label: string, y: number, fontSize: number, plotLeft: number, width: number): LineLayout {
  const w = textWidth(label, fontSize);
  // Centred over its line when it fits; otherwise held inside the chart, against the nearer side.
  let anchor: LineLayout['labelAnchor'] = 'middle';
  let labelX = x;
  if (x - w / 2 < plotLeft) {
    anchor = 'start';
    labelX = Math.max(x, plotLeft) - fontSize * 0.2;
    if (labelX + w > width) labelX = width - w;
  } else if (x + w / 2 > width) {
    anchor = 'end';
    labelX = Math.min(x, width) + fontSize * 0.2;
    if (labelX > width) labelX = width;
  }
  return { x, label, labelX, labelY: y, labelAnchor: anchor };
}

/** Height of a chart by unit with `rows` rows, for a given font size (12 px on the page). */
export function unitChartHeightFor(
  rows: number,
  fontSize: number,
  lines: { target: boolean; reference: boolean },
): number {
  const header = (Number(lines.target) + Number(lines.reference)) * fontSize * 1.5;
  return Math.ceil(header + fontSize * 0.5 + Math.max(rows, 1) * fontSize * ROW_PITCH_EM + fontSize * 2);
}

/** How many rows fit in a height at a font size: what a slide can show. */
export function rowsThatFit(height: number, fontSize: number, lines: { target: boolean; reference: boolean }): number {
  const fixed = unitChartHeightFor(0, fontSize, lines) - fontSize * ROW_PITCH_EM;
  return Math.max(1, Math.floor((height - fixed) / (fontSize * ROW_PITCH_EM)));
}

export function layoutUnitChart(input: UnitChartInput, width: number, fontSize: number, lang: Lang): UnitChartLayout {
  const pitch = fontSize * ROW_PITCH_EM;
  const gap = fontSize * GAP_EM;
  const lines = { target: input.target !== null, reference: input.reference !== null };
  const headerLines = Number(lines.target) + Number(lines.reference);
  const rowsTop = headerLines * fontSize * 1.5 + fontSize * 0.5;
  const rowsBottom = rowsTop + Math.max(input.rows.length, 1) * pitch;
  const height = unitChartHeightFor(input.rows.length, fontSize, lines);

  // The names column takes what the longest name needs, up to two fifths of the width.
  const widest = Math.max(0, ...input.rows.map((r) => textWidth(r.name, fontSize, r.strong)));
  const nameRight = Math.min(widest, width * 0.4) + gap;
  // Room on the right for the widest value label, so a label at the top of the scale stays inside.
  const labelRoom =
    Math.max(0, ...input.rows.map((r) => textWidth(r.label, fontSize))) +
    gap +
    (input.mark === 'bar' ? 0 : fontSize * 0.6);
  const plotLeft = nameRight + gap;
  const plotRight = Math.max(plotLeft + fontSize * 4, width - labelRoom);
  const { min, max } = input.scale;
  const span = max - min || 1;
  const x = (v: number) => plotLeft + ((Math.min(Math.max(v, min), max) - min) / span) * (plotRight - plotLeft);

  const rows: RowLayout[] = input.rows.map((r, i) => {
    // The widest name sets the column, so it fits exactly; a rounding error must not shorten it by one character.
    const room = (nameRight - gap) / (fontSize * (r.strong ? BOLD_CHAR_EM : CHAR_EM));
    const maxChars = Math.max(4, Math.floor(room + 1e-9));
    const name = truncateName(r.name, maxChars);
    const x1 = x(r.value);
    const x0 = input.mark === 'bar' ? x(Math.max(min, 0)) : input.mark === 'arrow' ? x(r.from ?? r.value) : x1;
    const end = Math.max(x0, x1);
    const start = Math.min(x0, x1);
    const labelW = textWidth(r.label, fontSize);
    // Beside the mark's far end, clear of the mark (a dot or a triangle reaches out from its centre),
    // on the side it points to; inside the plot on the left if it would leave it.
    const pointsLeft = input.mark === 'arrow' && x1 < x0;
    const clear = input.mark === 'bar' ? gap : gap + fontSize * 0.6;
    let labelX = pointsLeft ? start - clear : end + clear;
    let anchor: RowLayout['labelAnchor'] = pointsLeft ? 'end' : 'start';
    if (anchor === 'start' && labelX + labelW > width) {
      labelX = start - clear;
      anchor = 'end';
    }
    if (anchor === 'end' && labelX - labelW < plotLeft) {
      labelX = end + clear;
      anchor = 'start';
    }
    const segments: RowLayout['segments'] = [];
    if (input.mark === 'bar' && r.parts) {
      let sum = 0;
      r.parts.forEach((part, k) => {
        if (part <= 0) return;
        segments.push({ x0: x(sum), x1: x(sum + part), tone: input.partTones?.[k] ?? r.tone });
        sum += part;
      });
    }
    return {
      unitId: r.unitId,
      y: rowsTop + pitch * (i + 0.5),
      name,
      fullName: name === r.name ? null : r.name,
      strong: r.strong === true,
      tone: r.tone,
      x0,
      x1,
      segments,
      label: r.label,
      labelX,
      labelAnchor: anchor,
    };
  });

  const lineY = (k: number) => fontSize * 1.5 * (k + 1) - fontSize * 0.35;
  return {
    width,
    height,
    fontSize,
    rowPitch: pitch,
    nameRight,
    plotLeft,
    plotRight,
    rowsTop,
    rowsBottom,
    rows,
    ticks: input.scale.ticks.map((t) => ({ x: x(t), text: formatTick(t, input.format, lang) })),
    tickY: rowsBottom + fontSize * 1.3,
    target: input.target
      ? labelLine(x(input.target.value), input.target.label, lineY(0), fontSize, plotLeft, width)
      : null,
    reference: input.reference
      ? labelLine(
          x(input.reference.value),
          input.reference.label,
          lineY(lines.target ? 1 : 0),
          fontSize,
          plotLeft,
          width,
        )
      : null,
    markSize: fontSize * 0.45,
  };
}

/**
 * A scale fitted to rates: it starts a little below the lowest value (or the
 * target, or the reference) on a round percentage, and ends at the next round
 * percentage above the highest, at most 100 %. A two-point gap then shows.
 */
export function fittedRateScale(values: readonly (number | null | undefined)[]): ScaleInput {
  const xs = values.filter((v): v is number => typeof v === 'number');
  if (xs.length === 0) return { min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const rough = Math.max(hi - lo, 0.04);
  const step = rough <= 0.12 ? 0.02 : rough <= 0.3 ? 0.05 : rough <= 0.6 ? 0.1 : 0.2;
  // Whole hundredths, so that tick values are exact.
  const stepPct = Math.round(step * 100);
  let minPct = Math.floor((lo * 100 - stepPct / 2) / stepPct) * stepPct;
  let maxPct = Math.ceil((hi * 100 + stepPct / 4) / stepPct) * stepPct;
  minPct = Math.max(0, minPct);
  maxPct = Math.min(100, Math.max(maxPct, minPct + stepPct));
  const ticks: number[] = [];
  for (let p = minPct; p <= maxPct; p += stepPct) ticks.push(p / 100);
  return { min: minPct / 100, max: maxPct / 100, ticks };
}

/** A scale from zero for counts and amounts, on round ticks (1, 2 or 5 × a power of ten). */
export function zeroBasedScale(values: readonly number[]): ScaleInput {
  const hi = Math.max(0, ...values);
  if (hi === 0) return { min: 0, max: 1, ticks: [0, 1] };
  const rough = hi / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(v);
  return { min: 0, max, ticks };
}

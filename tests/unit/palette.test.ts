import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Colours mean the same everywhere (docs/decisions/0011-colours.md), and what
 * the council asks about (late, overdue, below target, worse) must stand out
 * from the normal parts in greyscale too (a photocopied handout, a washed-out
 * projector), and better must stay apart from worse for readers with red-green
 * colour blindness. Checked on every palette the stylesheets define.
 */

const FILES = ['../../src/app/theme.css', '../../src/app/presentation.css'];

type Palette = Record<string, string>;

/** Every block of --tone-* declarations, in the order the stylesheets write them. */
function palettes(): { where: string; tones: Palette }[] {
  const found: { where: string; tones: Palette }[] = [];
  for (const file of FILES) {
    const css = readFileSync(new URL(file, import.meta.url), 'utf8');
    let current: Palette | null = null;
    for (const line of css.split('\n')) {
      const m = /--tone-([a-z0-9]+):\s*(#[0-9a-f]{6});/i.exec(line);
      if (!m) {
        current = null;
        continue;
      }
      if (!current) {
        current = {};
        found.push({ where: `${file.replace('../../', '')} block ${found.length + 1}`, tones: current });
      }
      current[m[1] as string] = (m[2] as string).toLowerCase();
    }
  }
  return found;
}

function channel(hex: string, i: number): number {
  const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance: what is left of a colour in greyscale. */
function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// Viénot, Brettel and Mollon (1999), in linear RGB: how a protanope or a deuteranope sees a colour.
const SIMULATE: Record<'protan' | 'deutan', number[][]> = {
  protan: [
    [0.11238, 0.88762, 0],
    [0.11238, 0.88762, 0],
    [0.00401, -0.00401, 1],
  ],
  deutan: [
    [0.29275, 0.70725, 0],
    [0.29275, 0.70725, 0],
    [-0.02234, 0.02234, 1],
  ],
};

function seenAs(hex: string, kind: 'protan' | 'deutan'): number[] {
  const rgb = [0, 1, 2].map((i) => channel(hex, i));
  return (SIMULATE[kind] as number[][]).map((row) => {
    const v = Math.min(
      1,
      Math.max(
        0,
        row.reduce((sum, m, j) => sum + m * (rgb[j] as number), 0),
      ),
    );
    return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
  });
}

function distance(a: number[], b: number[]): number {
  return Math.hypot(...a.map((x, i) => x - (b[i] as number)));
}

describe('the chart colours', () => {
  const all = palettes();

  it('are defined in the page (light and dark) and on the slides', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const { where, tones } of all) {
      expect(Object.keys(tones).sort(), where).toEqual(
        ['bad', 'bad2', 'good', 'main', 'quiet1', 'quiet2', 'quiet3', 'second', 'third'].sort(),
      );
    }
  });

  it('keep late and overdue apart from every normal part of the outcome chart in greyscale', () => {
    for (const { where, tones } of all) {
      for (const strong of ['bad', 'bad2']) {
        for (const normal of ['quiet1', 'quiet2', 'quiet3', 'third']) {
          const ratio = contrast(tones[strong] as string, tones[normal] as string);
          expect(ratio, `${where}: ${strong} against ${normal}`).toBeGreaterThanOrEqual(1.5);
        }
      }
      expect(contrast(tones.bad as string, tones.bad2 as string), `${where}: bad against bad2`).toBeGreaterThanOrEqual(
        1.4,
      );
    }
  });

  it('keep better apart from worse for red-green colour blindness', () => {
    for (const { where, tones } of all) {
      for (const kind of ['protan', 'deutan'] as const) {
        const apart = distance(seenAs(tones.good as string, kind), seenAs(tones.bad as string, kind));
        expect(apart, `${where}: good against bad, ${kind}`).toBeGreaterThanOrEqual(50);
      }
    }
  });
});

import type { UnitsChart } from './chart-specs.ts';
import { compareNames } from './collation.ts';
import type { FieldRow, ResolvedTargets, UnitRow } from './dashboard.ts';
import { formatCount, formatPercent, type Lang } from './format.ts';

/**
 * How slides are sized and paged, as arithmetic on the screen's size: the
 * same numbers drive the CSS (presentation.css uses the same ratios) and the
 * choice of how many bars or table rows go on a slide, so nothing spills
 * under the footer at 1920×1080, 1366×768, 1280×720 or 1024×768.
 */

/** The base font of a slide: the smaller of a 38th of the height and a 56th of the width. */
export const BASE_PER_HEIGHT = 38;
export const BASE_PER_WIDTH = 56;
/** Heading, footer, controls and padding take this many base font sizes; the body has the rest. */
export const CHROME_EMS = 7.6;
/** A table row on a slide, in base font sizes (text, padding and rule). */
export const TABLE_ROW_EMS = 1.75;

export interface SlideMetrics {
  /** Base font size in px. */
  base: number;
  /** Text size of charts on slides: 0.8 of the base, never under the room's floor. */
  chartText: number;
  /** Height the slide's body has, in px. */
  body: number;
  /** The smallest text any slide may carry: a 60th of the height. */
  floor: number;
}

export function slideMetrics(width: number, height: number): SlideMetrics {
  const base = Math.min(height / BASE_PER_HEIGHT, width / BASE_PER_WIDTH);
  const floor = height / 60;
  return {
    base,
    chartText: Math.max(Math.round(base * 0.8 * 10) / 10, Math.ceil(floor)),
    body: Math.floor(height - CHROME_EMS * base),
    floor,
  };
}

/** Rows of a table that fit in `height` px under its header and a one-line note, at the base font size. */
export function tableRowsThatFit(height: number, base: number): number {
  return Math.max(3, Math.floor((height - 3.2 * base) / (TABLE_ROW_EMS * base)));
}

/**
 * A chart by unit cut down to what a room can read: the first ⌈n/2⌉ and the
 * last ⌊n/2⌋ rows (the highest and the lowest), and how many were left out.
 * The full list goes to the speaker notes and the handout.
 */
export function fitUnitsChart(chart: UnitsChart, maxRows: number): { chart: UnitsChart; hidden: number } {
  if (chart.rows.length <= maxRows) return { chart, hidden: 0 };
  const top = Math.ceil(maxRows / 2);
  const bottom = Math.max(0, maxRows - top);
  const rows = [...chart.rows.slice(0, top), ...chart.rows.slice(chart.rows.length - bottom)];
  return { chart: { ...chart, rows }, hidden: chart.rows.length - rows.length };
}

export type RankingGroup = 'onTime' | 'online' | 'best';

export interface RankingPage {
  group: RankingGroup;
  /** 1-based page within its group, and how many pages the group has. */
  page: number;
  pages: number;
  /** How many units the group has in all. */
  total: number;
  rows: UnitRow[];
}

/** Lowest first; ties by name. */
function ascending<T extends { name: string }>(pick: (r: T) => number | null) {
  return (a: T, b: T) => (pick(a) ?? 0) - (pick(b) ?? 0) || compareNames(a.name, b.name);
}

/**
 * The ranking as the council needs it: first every unit below the on-time
 * target (worst first), then every unit below the online target (worst
 * first), each group over as many pages as it takes, then the best units.
 * Units are those of one level (the caller passes them), never their parent.
 */
export function rankingPages(rows: readonly UnitRow[], perPage: number, best = Math.min(perPage, 5)): RankingPage[] {
  const groups: [RankingGroup, UnitRow[]][] = [
    ['onTime', rows.filter((r) => r.belowOnTimeTarget).sort(ascending((r) => r.totals.onTimeRate))],
    ['online', rows.filter((r) => r.belowOnlineTarget).sort(ascending((r) => r.totals.onlineRate))],
    ['best', [...rows].sort((a, b) => a.rank - b.rank).slice(0, best)],
  ];
  const pages: RankingPage[] = [];
  for (const [group, list] of groups) {
    const n = Math.ceil(list.length / perPage);
    for (let p = 0; p < n; p++) {
      pages.push({
        group,
        page: p + 1,
        pages: n,
        total: list.length,
        rows: list.slice(p * perPage, (p + 1) * perPage),
      });
    }
  }
  return pages;
}

export interface FieldRankingPage {
  page: number;
  pages: number;
  /** How many fields lag in all. */
  total: number;
  rows: FieldRow[];
}

/**
 * The procedure fields below a target, as ranking pages: those below the
 * on-time target first (lowest first), then those below only the online
 * target (lowest first). None when fewer than two fields are in view (one
 * field chosen is the whole selection, not a ranking).
 */
export function fieldRankingPages(fields: readonly FieldRow[], perPage: number): FieldRankingPage[] {
  if (fields.length < 2) return [];
  const lagging = [
    ...fields.filter((f) => f.belowOnTimeTarget).sort(ascending((f) => f.totals.onTimeRate)),
    ...fields.filter((f) => f.belowOnlineTarget && !f.belowOnTimeTarget).sort(ascending((f) => f.totals.onlineRate)),
  ];
  const pages = Math.ceil(lagging.length / perPage);
  return Array.from({ length: pages }, (_, p) => ({
    page: p + 1,
    pages,
    total: lagging.length,
    rows: lagging.slice(p * perPage, (p + 1) * perPage),
  }));
}

/** What a sentence about a unit or a field reads: its name, its totals, and which targets it misses. */
export type SentenceRow = Pick<UnitRow | FieldRow, 'name' | 'totals' | 'belowOnTimeTarget' | 'belowOnlineTarget'>;

const SENTENCE = {
  vi: {
    onTime: (rate: string, target: string, below: boolean) =>
      `tỷ lệ đúng hạn ${rate}${below ? ` (chỉ tiêu ${target})` : ''}`,
    online: (rate: string, target: string, below: boolean) =>
      `tỷ lệ trực tuyến ${rate}${below ? ` (chỉ tiêu ${target})` : ''}`,
    overdue: (n: number, text: string) => (n === 0 ? 'không có hồ sơ quá hạn' : `${text} hồ sơ đang quá hạn`),
  },
  en: {
    onTime: (rate: string, target: string, below: boolean) =>
      `on-time rate ${rate}${below ? ` (target ${target})` : ''}`,
    online: (rate: string, target: string, below: boolean) =>
      `online uptake ${rate}${below ? ` (target ${target})` : ''}`,
    overdue: (n: number, text: string) =>
      n === 0 ? 'no overdue dossiers' : `${text} ${n === 1 ? 'dossier' : 'dossiers'} overdue`,
  },
};

/** One unit's (or field's) figures as a sentence a presenter can read out, the shortfall first. */
export function unitSentence(row: SentenceRow, targets: ResolvedTargets, lang: Lang): string {
  const s = SENTENCE[lang];
  const onTime = s.onTime(
    formatPercent(row.totals.onTimeRate, lang),
    formatPercent(targets.onTimeRate, lang),
    row.belowOnTimeTarget,
  );
  const online = s.online(
    formatPercent(row.totals.onlineRate, lang),
    formatPercent(targets.onlineRate, lang),
    row.belowOnlineTarget,
  );
  const parts = row.belowOnlineTarget && !row.belowOnTimeTarget ? [online, onTime] : [onTime, online];
  const overdue = s.overdue(row.totals.pendingOverdue, formatCount(row.totals.pendingOverdue, lang));
  return `${row.name}: ${[...parts, overdue].join('; ')}.`;
}

import type { ParamNoteView } from '../components/param-notes.tsx';
import { type CompareMode, defaultCompare, isCompareMode } from '../domain/comparison-plan.ts';
import { LEVEL_FILTERS, type LevelFilter, parseTargetPercent, type ReaderTargets } from '../domain/dashboard.ts';
import type { DatasetMeta } from '../domain/dataset-meta.ts';
import type { Lang } from '../domain/format.ts';
import { isMonth, type MonthRange } from '../domain/months.ts';

/**
 * The view lives in the URL query so that a copied link reproduces it and
 * Back/Forward work. Parameters are read in two steps: their form first
 * (here), then against the loaded dataset (resolveView). A parameter that
 * fails either is dropped with a note; the page never goes blank over it.
 */

export interface UrlState {
  from: string | null;
  to: string | null;
  level: LevelFilter;
  unit: string | null;
  /** One procedure field (lĩnh vực) by id; every figure is restricted to it. */
  field: string | null;
  lang: Lang;
  data: string | null;
  /** Presentation mode for the audience, or the presenter's window with notes. */
  view: 'present' | 'presenter' | null;
  /** 1-based slide number in presentation mode. */
  slide: number;
  /** The projector theme: light high-contrast unless dark is asked for. */
  theme: 'dark' | null;
  /** What changes are compared with; null: the default (the same months a year earlier when the data has them). */
  compare: CompareMode | null;
  /** Targets the reader set, as fractions (the address writes percent: `targetOnTime=90`); null: not set. */
  targetOnTime: number | null;
  targetOnline: number | null;
}

export type ParamNote = ParamNoteView;

export const DEFAULT_URL_STATE: UrlState = {
  from: null,
  to: null,
  level: 'all',
  unit: null,
  field: null,
  lang: 'vi',
  data: null,
  view: null,
  slide: 1,
  theme: null,
  compare: null,
  targetOnTime: null,
  targetOnline: null,
};

const KNOWN = new Set([
  'from',
  'to',
  'level',
  'unit',
  'field',
  'lang',
  'data',
  'view',
  'slide',
  'theme',
  'compare',
  'targetOnTime',
  'targetOnline',
]);

/** The address writes a target in percent, as a council member would say it; the page keeps fractions. */
function percentText(fraction: number): string {
  return String(Math.round(fraction * 10000) / 100);
}

export function parseUrlState(search: string, origin: string): { state: UrlState; notes: ParamNote[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_URL_STATE };
  const notes: ParamNote[] = [];
  for (const [param, value] of params) {
    if (!KNOWN.has(param)) notes.push({ param, value, code: 'unknown_param' });
  }
  for (const key of ['from', 'to'] as const) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (isMonth(value)) state[key] = value;
    else notes.push({ param: key, value, code: 'bad_month' });
  }
  const level = params.get('level');
  if (level) {
    if ((LEVEL_FILTERS as readonly string[]).includes(level)) state.level = level as LevelFilter;
    else notes.push({ param: 'level', value: level, code: 'bad_level' });
  }
  const unit = params.get('unit');
  if (unit) state.unit = unit;
  const field = params.get('field');
  if (field) state.field = field;
  const lang = params.get('lang');
  if (lang) {
    if (lang === 'vi' || lang === 'en') state.lang = lang;
    else notes.push({ param: 'lang', value: lang, code: 'bad_lang' });
  }
  const data = params.get('data');
  if (data) {
    if (isSameSite(data, origin)) state.data = data;
    else notes.push({ param: 'data', value: data, code: 'other_host' });
  }
  const view = params.get('view');
  if (view) {
    if (view === 'present' || view === 'presenter') state.view = view;
    else notes.push({ param: 'view', value: view, code: 'bad_view' });
  }
  const slide = params.get('slide');
  if (slide) {
    if (/^[1-9]\d{0,3}$/.test(slide)) state.slide = Number(slide);
    else notes.push({ param: 'slide', value: slide, code: 'bad_slide' });
  }
  const theme = params.get('theme');
  if (theme) {
    if (theme === 'dark') state.theme = 'dark';
    else if (theme !== 'light') notes.push({ param: 'theme', value: theme, code: 'bad_theme' });
  }
  const compare = params.get('compare');
  if (compare) {
    if (isCompareMode(compare)) state.compare = compare;
    else notes.push({ param: 'compare', value: compare, code: 'bad_compare' });
  }
  for (const [param, key] of [
    ['targetOnTime', 'targetOnTime'],
    ['targetOnline', 'targetOnline'],
  ] as const) {
    const value = params.get(param);
    if (value === null || value === '') continue;
    const target = parseTargetPercent(value);
    if (target === null) notes.push({ param, value, code: 'bad_target' });
    else state[key] = target;
  }
  return { state, notes };
}

/** A relative or same-origin address; anything else would leave the site (and CSP blocks it). */
export function isSameSite(address: string, origin: string): boolean {
  try {
    const url = new URL(address, `${origin}/`);
    return url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:');
  } catch {
    return false;
  }
}

/** The query string for a state: defaults are left out so links stay short. */
export function serializeUrlState(state: UrlState, extra: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  if (state.data) params.set('data', state.data);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.level !== 'all') params.set('level', state.level);
  if (state.unit) params.set('unit', state.unit);
  if (state.field) params.set('field', state.field);
  if (state.lang !== 'vi') params.set('lang', state.lang);
  if (state.view) {
    params.set('view', state.view);
    params.set('slide', String(state.slide));
  }
  if (state.theme) params.set('theme', state.theme);
  if (state.compare) params.set('compare', state.compare);
  if (state.targetOnTime !== null) params.set('targetOnTime', percentText(state.targetOnTime));
  if (state.targetOnline !== null) params.set('targetOnline', percentText(state.targetOnline));
  for (const [k, v] of Object.entries(extra)) if (v !== null) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface ResolvedView {
  range: MonthRange;
  level: LevelFilter;
  unitId: string | null;
  field: string | null;
  /** The comparison asked for in the address, else the default for the range chosen. */
  compare: CompareMode;
  /** Targets the reader set in the address (none: the dataset's, else the defaults). */
  targets: ReaderTargets;
  notes: ParamNote[];
}

/** Check the URL's choices against the dataset: months within its span, a unit it has. */
export function resolveView(
  state: UrlState,
  meta: Pick<DatasetMeta, 'span' | 'unitsById' | 'fields' | 'months'>,
): ResolvedView | null {
  const span = meta.span;
  if (!span) return null;
  const notes: ParamNote[] = [];
  let from = state.from ?? span.from;
  let to = state.to ?? span.to;
  if (from < span.from || from > span.to) {
    notes.push({ param: 'from', value: from, code: 'out_of_span' });
    from = span.from;
  }
  if (to < span.from || to > span.to) {
    notes.push({ param: 'to', value: to, code: 'out_of_span' });
    to = span.to;
  }
  if (from > to) {
    notes.push({ param: 'from', value: `${from} > ${to}`, code: 'from_after_to' });
    from = span.from;
    to = span.to;
  }
  let unitId = state.unit;
  if (unitId && !meta.unitsById.has(unitId)) {
    notes.push({ param: 'unit', value: unitId, code: 'unknown_unit' });
    unitId = null;
  }
  let field = state.field;
  if (field && !(meta.fields ?? []).some((f) => f.id === field)) {
    notes.push({ param: 'field', value: field, code: 'unknown_field' });
    field = null;
  }
  let level = state.level;
  if (level !== 'all' && ![...meta.unitsById.values()].some((u) => u.level === level)) {
    notes.push({ param: 'level', value: level, code: 'absent_level' });
    level = 'all';
  }
  const range = { from, to };
  const targets: ReaderTargets = {};
  if (state.targetOnTime !== null) targets.onTimeRate = state.targetOnTime;
  if (state.targetOnline !== null) targets.onlineRate = state.targetOnline;
  return { range, level, unitId, field, compare: state.compare ?? defaultCompare(meta, range), targets, notes };
}

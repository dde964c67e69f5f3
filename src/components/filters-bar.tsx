import { useId, useState } from 'react';
import { COMPARE_MODES, type CompareMode } from '../domain/comparison-plan.ts';
import { COMPARE_MODE_LABEL } from '../domain/comparison-words.ts';
import type { LevelFilter, PeriodPreset } from '../domain/dashboard.ts';
import { formatMonth, type Lang } from '../domain/format.ts';
import { ALL_FIELDS_LABEL, allLevelsLabel, FIELD_LABEL, LEVEL_LABEL } from '../domain/labels.ts';
import { type Month, type MonthRange, monthsBetween } from '../domain/months.ts';
import type { Level } from '../domain/schema.ts';
import { useWhenIdle } from './use-when-idle.ts';
import './filters-bar.css';

const TEXT = {
  vi: {
    heading: 'Chọn số liệu',
    period: 'Kỳ báo cáo',
    custom: 'Tuỳ chọn',
    all: 'Toàn bộ',
    last12: '12 tháng gần nhất',
    year: (y: number) => `Năm ${y}`,
    quarter: (y: number, q: number) => `Quý ${q}/${y}`,
    from: 'Từ tháng',
    to: 'Đến tháng',
    compare: 'So sánh với',
    level: 'Cấp',
    unit: 'Đơn vị',
    allUnits: '— Tất cả đơn vị —',
    back: 'Quay lại toàn bộ',
    search: 'Tìm đơn vị theo tên',
    noMatch: 'Không có đơn vị nào tên như vậy.',
  },
  en: {
    heading: 'Filters',
    period: 'Period',
    custom: 'Custom',
    all: 'All months',
    last12: 'Last 12 months',
    year: (y: number) => `Year ${y}`,
    quarter: (y: number, q: number) => `Q${q} ${y}`,
    from: 'From',
    to: 'To',
    compare: 'Compare with',
    level: 'Level',
    unit: 'Unit',
    allUnits: '— All units —',
    back: 'Back to all units',
    search: 'Find a unit by name',
    noMatch: 'No unit has that name.',
  },
};

export interface FilterChange {
  from?: Month;
  to?: Month;
  level?: LevelFilter;
  unit?: string | null;
  field?: string | null;
  compare?: CompareMode;
}

export interface FiltersBarProps {
  lang: Lang;
  span: MonthRange;
  range: MonthRange;
  presets: readonly PeriodPreset[];
  level: LevelFilter;
  levels: readonly Level[];
  unitId: string | null;
  units: readonly { id: string; name: string; level: Level }[];
  /** The procedure fields the data has (none: no field choice is offered). */
  fields: readonly { id: string; name: string }[];
  field: string | null;
  /** What every change on the page is compared with. */
  compare: CompareMode;
  onChange: (change: FilterChange) => void;
}

export function presetLabel(p: PeriodPreset, lang: Lang): string {
  const t = TEXT[lang];
  if (p.kind === 'all') return t.all;
  if (p.kind === 'last12') return t.last12;
  if (p.kind === 'year') return t.year(p.year ?? 0);
  return t.quarter(p.year ?? 0, p.quarter ?? 0);
}

/**
 * From this many units on, the unit list is filled in once the page is
 * quiet (or the reader reaches for it): a province's 3,468 options cost
 * about half a second of the page's thread before its headline figures.
 */
export const UNITS_LISTED_LATER = 300;

/** Names offered under the search box as the reader types; the box finds any unit by its whole name. */
export const SEARCH_SUGGESTIONS = 30;

/** Period, level and unit: every control is a native form control, so keyboards and screen readers know them. */
export function FiltersBar({
  lang,
  span,
  range,
  presets,
  level,
  levels,
  unitId,
  units,
  fields,
  field,
  compare,
  onChange,
}: FiltersBarProps) {
  const t = TEXT[lang];
  const id = useId();
  const months = monthsBetween(span);
  // Several presets can cover the same months (a year that is also the last 12 months): the one chosen
  // keeps its label; otherwise the whole span, then a year, a quarter, the last 12 months.
  const [chosen, setChosen] = useState<string | null>(null);
  const matching = presets.filter((p) => p.range.from === range.from && p.range.to === range.to);
  const order: PeriodPreset['kind'][] = ['all', 'year', 'quarter', 'last12'];
  const current =
    matching.find((p) => p.id === chosen) ??
    [...matching].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  const [query, setQuery] = useState('');
  const normal = (x: string) => x.normalize('NFC').toLocaleLowerCase('vi').trim();
  const needle = normal(query);
  const found = query ? units.find((u) => normal(u.name) === needle) : undefined;
  const [listed, listNow] = useWhenIdle(units.length >= UNITS_LISTED_LATER);
  const currentUnit = unitId ? units.find((u) => u.id === unitId) : undefined;
  const suggestions = needle ? units.filter((u) => normal(u.name).includes(needle)).slice(0, SEARCH_SUGGESTIONS) : [];
  const levelChoices: LevelFilter[] = levels.length > 1 ? ['all', ...(levels as LevelFilter[])] : [];
  return (
    <section className="filters" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="sr-only">
        {t.heading}
      </h2>
      <div className="filters__field">
        <label htmlFor={`${id}-preset`}>{t.period}</label>
        <select
          id={`${id}-preset`}
          value={current?.id ?? 'custom'}
          onChange={(e) => {
            const p = presets.find((x) => x.id === e.target.value);
            if (p) {
              setChosen(p.id);
              onChange({ from: p.range.from, to: p.range.to });
            }
          }}
        >
          {!current && <option value="custom">{t.custom}</option>}
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {presetLabel(p, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-from`}>{t.from}</label>
        <select id={`${id}-from`} value={range.from} onChange={(e) => onChange({ from: e.target.value })}>
          {months.map((m) => (
            <option key={m} value={m} disabled={m > range.to}>
              {formatMonth(m, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-to`}>{t.to}</label>
        <select id={`${id}-to`} value={range.to} onChange={(e) => onChange({ to: e.target.value })}>
          {months.map((m) => (
            <option key={m} value={m} disabled={m < range.from}>
              {formatMonth(m, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor={`${id}-compare`}>{t.compare}</label>
        <select
          id={`${id}-compare`}
          value={compare}
          onChange={(e) => onChange({ compare: e.target.value as CompareMode })}
        >
          {COMPARE_MODES.map((m) => (
            <option key={m} value={m}>
              {COMPARE_MODE_LABEL[m][lang]}
            </option>
          ))}
        </select>
      </div>
      {levelChoices.length > 0 && (
        <fieldset className="filters__levels">
          <legend>{t.level}</legend>
          {levelChoices.map((l) => (
            <label key={l} className="filters__radio">
              <input
                type="radio"
                name={`${id}-level`}
                value={l}
                checked={level === l}
                onChange={() => onChange({ level: l, unit: null })}
              />
              {l === 'all' ? allLevelsLabel(levels, lang) : LEVEL_LABEL[l][lang]}
            </label>
          ))}
        </fieldset>
      )}
      {fields.length > 0 && (
        <div className="filters__field filters__field--wide">
          <label htmlFor={`${id}-field`}>{FIELD_LABEL[lang]}</label>
          <select id={`${id}-field`} value={field ?? ''} onChange={(e) => onChange({ field: e.target.value || null })}>
            <option value="">{ALL_FIELDS_LABEL[lang]}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="filters__field filters__field--wide">
        <label htmlFor={`${id}-unit`}>{t.unit}</label>
        <select
          id={`${id}-unit`}
          value={unitId ?? ''}
          onChange={(e) => onChange({ unit: e.target.value || null })}
          onFocus={listNow}
          onPointerEnter={listNow}
        >
          <option value="">{t.allUnits}</option>
          {!listed && currentUnit && <option value={currentUnit.id}>{currentUnit.name}</option>}
          {listed &&
            levels.map((l) => (
              <optgroup key={l} label={LEVEL_LABEL[l][lang]}>
                {units
                  .filter((u) => u.level === l)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </optgroup>
            ))}
        </select>
      </div>
      {units.length > 12 && (
        <div className="filters__field filters__field--wide">
          <label htmlFor={`${id}-search`}>{t.search}</label>
          <input
            id={`${id}-search`}
            type="search"
            list={`${id}-names`}
            value={query}
            autoComplete="off"
            aria-describedby={query && !found ? `${id}-nomatch` : undefined}
            onChange={(e) => {
              const value = e.target.value;
              setQuery(value);
              // Picking a suggestion fills the exact name: go to that unit.
              const match = units.find((u) => normal(u.name) === normal(value));
              if (match) {
                setQuery('');
                onChange({ unit: match.id });
              }
            }}
          />
          <datalist id={`${id}-names`}>
            {suggestions.map((u) => (
              <option key={u.id} value={u.name} />
            ))}
          </datalist>
          {query && !found && (
            <span id={`${id}-nomatch`} className="filters__hint" role="status">
              {query.length > 2 && needle !== '' && suggestions.length === 0 ? t.noMatch : ''}
            </span>
          )}
        </div>
      )}
      {unitId && (
        <button type="button" className="filters__back" onClick={() => onChange({ unit: null })}>
          ← {t.back}
        </button>
      )}
    </section>
  );
}

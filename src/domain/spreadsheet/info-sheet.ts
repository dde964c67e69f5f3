import type { Lang } from '../format.ts';
import type { Dataset, Fact } from '../schema.ts';
import { isEmptyCell, type Parsed, parseBoolean, parseDate, parseFraction, parseText, shownValue } from './cells.ts';
import type { Place } from './places.ts';
import type { Findings, SheetCells } from './problems.ts';
import { normalizeLabel } from './text.ts';

/** The "Thông tin" sheet: label–value rows (title, source, targets…), then other figures (facts) below a section row. */

type InfoKind = 'text' | 'boolean' | 'date' | 'fraction';

export type InfoPath = 'title' | 'source' | 'illustrative' | 'updatedAt' | 'targets.onTimeRate' | 'targets.onlineRate';

interface InfoItem {
  path: InfoPath;
  kind: InfoKind;
  label: Record<Lang, string>;
  aliases: readonly string[];
}

export const INFO_ITEMS: readonly InfoItem[] = [
  { path: 'title', kind: 'text', label: { vi: 'Tiêu đề', en: 'Title' }, aliases: ['Tên bộ số liệu'] },
  { path: 'source', kind: 'text', label: { vi: 'Nguồn số liệu', en: 'Source' }, aliases: ['Nguồn'] },
  {
    path: 'illustrative',
    kind: 'boolean',
    label: { vi: 'Số liệu minh hoạ', en: 'Illustrative' },
    aliases: ['Minh hoạ'],
  },
  { path: 'updatedAt', kind: 'date', label: { vi: 'Ngày cập nhật', en: 'Updated' }, aliases: ['Updated at'] },
  {
    path: 'targets.onTimeRate',
    kind: 'fraction',
    label: { vi: 'Chỉ tiêu tỷ lệ đúng hạn', en: 'Target on-time rate' },
    aliases: ['onTimeRate'],
  },
  {
    path: 'targets.onlineRate',
    kind: 'fraction',
    label: { vi: 'Chỉ tiêu tỷ lệ trực tuyến', en: 'Target online rate' },
    aliases: ['onlineRate'],
  },
];

export const INFO_HEADER: Record<Lang, readonly [string, string, string, string]> = {
  vi: ['Mục', 'Giá trị', 'Đơn vị tính', 'Ghi chú'],
  en: ['Item', 'Value', 'Unit', 'Note'],
};
export const FACTS_SECTION: Record<Lang, string> = { vi: 'Số liệu khác', en: 'Other figures' };

const INFO_INDEX = new Map<string, InfoItem>(
  INFO_ITEMS.flatMap((item) =>
    [item.path, item.label.vi, item.label.en, ...item.aliases].map((t) => [normalizeLabel(t), item] as const),
  ),
);
const INFO_HEADER_WORDS = new Set([INFO_HEADER.vi[0], INFO_HEADER.en[0]].map(normalizeLabel));
const FACTS_WORDS = new Set([FACTS_SECTION.vi, FACTS_SECTION.en, 'facts'].map(normalizeLabel));

export interface InfoRead {
  values: Partial<Record<InfoPath, string | number | boolean>>;
  facts: Fact[];
  /** `title`, `targets.onTimeRate`, `facts[2]`, `facts[2].unit`… → where it is on the sheet. */
  places: Map<string, Place>;
}

export function readInfo(sheet: SheetCells, base: Place, findings: Findings): InfoRead {
  const values: InfoRead['values'] = {};
  const facts: Fact[] = [];
  const places = new Map<string, Place>();
  const names = { label: 'A', value: 'B', unit: 'C', note: 'D' };
  const rows = new Map<string, number>();
  let inFacts = false;
  sheet.rows.forEach((cells, r) => {
    const row = r + 1;
    const [label, value, unit, note] = [cells[0], cells[1], cells[2], cells[3]];
    const at = (column: keyof typeof names, index: number): Place => ({
      ...base,
      row,
      column: names[column],
      columnIndex: index,
    });
    if ([label, value, unit, note].every(isEmptyCell)) return;
    const labelText = parseText(label);
    const key = labelText.ok ? normalizeLabel(labelText.value) : '';
    if (INFO_HEADER_WORDS.has(key)) {
      cells.slice(0, 4).forEach((c, i) => {
        const name = parseText(c);
        if (name.ok && name.value) names[(['label', 'value', 'unit', 'note'] as const)[i] ?? 'label'] = name.value;
      });
      return;
    }
    if (FACTS_WORDS.has(key)) {
      inFacts = true;
      return;
    }
    if (!labelText.ok || labelText.value === '') {
      findings.errors.push({ code: 'required', place: at('label', 0) });
      return;
    }
    if (inFacts) {
      const path = `facts[${facts.length}]`;
      places.set(path, at('value', 1));
      places.set(`${path}.label`, at('label', 0));
      places.set(`${path}.unit`, at('unit', 2));
      places.set(`${path}.note`, at('note', 3));
      const fact: Record<string, unknown> = { label: labelText.value };
      if (isEmptyCell(value)) {
        findings.errors.push({ code: 'required', place: at('value', 1) });
        return;
      }
      if (typeof value === 'number' || typeof value === 'string') {
        fact.value = typeof value === 'string' ? value.normalize('NFC').trim() : value;
      } else {
        findings.errors.push({
          code: 'info_value',
          place: at('value', 1),
          value: shownValue(value),
          detail: { expected: 'value' },
        });
        return;
      }
      for (const [name, cell, index] of [
        ['unit', unit, 2],
        ['note', note, 3],
      ] as const) {
        if (isEmptyCell(cell)) continue;
        const text = parseText(cell);
        if (text.ok) fact[name] = text.value;
        else findings.errors.push({ code: 'not_text', place: at(name, index), value: shownValue(cell) });
      }
      facts.push(fact as unknown as Fact);
      return;
    }
    const item = INFO_INDEX.get(key);
    if (!item) {
      findings.errors.push({ code: 'info_unknown', place: at('label', 0), value: labelText.value });
      return;
    }
    const firstRow = rows.get(item.path);
    if (firstRow !== undefined) {
      findings.errors.push({ code: 'info_duplicate', place: at('label', 0), other: { ...base, row: firstRow } });
      return;
    }
    rows.set(item.path, row);
    places.set(item.path, at('value', 1));
    if (isEmptyCell(value)) return;
    const parsed: Parsed<string | number | boolean> =
      item.kind === 'boolean'
        ? parseBoolean(value)
        : item.kind === 'date'
          ? parseDate(value)
          : item.kind === 'fraction'
            ? parseFraction(value)
            : parseText(value);
    if (!parsed.ok) {
      findings.errors.push({
        code: 'info_value',
        place: at('value', 1),
        value: shownValue(value),
        detail: { expected: item.kind },
      });
      return;
    }
    values[item.path] = parsed.value;
  });
  const onTime = places.get('targets.onTimeRate');
  if (onTime) places.set('targets', onTime);
  return { values, facts, places };
}

export type InfoCell = string | number | null;

export interface InfoRow {
  kind: 'header' | 'item' | 'section' | 'fact';
  /** For items: which field the value is. */
  path?: InfoPath;
  cells: InfoCell[];
}

/** The "Thông tin" sheet of a dataset: title, source, targets… then the other figures. */
export function datasetToInfo(dataset: Dataset): InfoRow[] {
  const value: Record<InfoPath, InfoCell> = {
    title: dataset.title,
    source: dataset.source ?? null,
    illustrative: dataset.illustrative === undefined ? null : dataset.illustrative ? 'có' : 'không',
    updatedAt: dataset.updatedAt ?? null,
    'targets.onTimeRate': dataset.targets?.onTimeRate ?? null,
    'targets.onlineRate': dataset.targets?.onlineRate ?? null,
  };
  return [
    { kind: 'header', cells: [...INFO_HEADER.vi] },
    ...INFO_ITEMS.map((item): InfoRow => ({ kind: 'item', path: item.path, cells: [item.label.vi, value[item.path]] })),
    { kind: 'section', cells: [FACTS_SECTION.vi] },
    ...(dataset.facts ?? []).map(
      (f): InfoRow => ({ kind: 'fact', cells: [f.label, f.value, f.unit ?? null, f.note ?? null] }),
    ),
  ];
}

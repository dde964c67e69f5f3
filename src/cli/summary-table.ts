import { formatCount, formatPercent, formatRange, formatVnd, type Lang } from '../domain/format.ts';
import { NOT_REPORTED } from '../domain/labels.ts';
import type { DatasetIndex, Summary, Totals } from '../domain/metrics.ts';

interface Column {
  vi: string;
  en: string;
  cell: (t: Totals, lang: Lang) => string;
}

const COLUMNS: readonly Column[] = [
  { vi: 'Tổng số', en: 'Handled', cell: (t, l) => formatCount(t.total, l) },
  { vi: 'Kỳ trước', en: 'Carried', cell: (t, l) => formatCount(t.carriedOver, l) },
  { vi: 'Mới nhận', en: 'Received', cell: (t, l) => formatCount(t.received, l) },
  { vi: 'Trực tuyến', en: 'Online', cell: (t, l) => formatCount(t.receivedOnline, l) },
  { vi: 'Đã giải quyết', en: 'Resolved', cell: (t, l) => formatCount(t.resolved, l) },
  { vi: 'Đúng hạn', en: 'On time', cell: (t, l) => formatCount(t.resolvedEarly + t.resolvedOnTime, l) },
  { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate', cell: (t, l) => formatPercent(t.onTimeRate, l) },
  { vi: 'Đang giải quyết', en: 'Pending', cell: (t, l) => formatCount(t.pending, l) },
  { vi: 'Quá hạn', en: 'Overdue', cell: (t, l) => formatCount(t.pendingOverdue, l) },
  // Fees a dataset does not report read "không báo cáo", never 0.
  { vi: 'Phí, lệ phí', en: 'Fees', cell: (t, l) => (t.feesVnd === null ? NOT_REPORTED[l] : formatVnd(t.feesVnd, l)) },
];

const LEVEL_NAMES = {
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
  district: { vi: 'Cấp huyện', en: 'District level' },
  commune: { vi: 'Cấp xã (cộng)', en: 'Commune level (sum)' },
} as const;

const BY_FIELD = { vi: 'Theo lĩnh vực', en: 'By field' } as const;

/**
 * The readable form of `summary`: a fixed-width table, Vietnamese number
 * formats by default. Levels, then units, then (when the data reports by
 * field) each level's figures per field.
 */
export function summaryTable(index: DatasetIndex, s: Summary, lang: Lang): string[] {
  const rows: string[][] = [];
  for (const [level, t] of Object.entries(s.levels)) {
    rows.push([LEVEL_NAMES[level as keyof typeof LEVEL_NAMES][lang], ...COLUMNS.map((c) => c.cell(t, lang))]);
  }
  rows.push([]);
  for (const [id, t] of Object.entries(s.units)) {
    rows.push([index.unitsById.get(id)?.name ?? id, ...COLUMNS.map((c) => c.cell(t, lang))]);
  }
  if (s.fields) {
    rows.push([], [`${BY_FIELD[lang]}:`]);
    for (const [level, byField] of Object.entries(s.fields)) {
      const levelName = LEVEL_NAMES[level as keyof typeof LEVEL_NAMES][lang];
      for (const [fieldId, t] of Object.entries(byField)) {
        const name = index.fieldsById.get(fieldId)?.name ?? fieldId;
        rows.push([`${levelName} · ${name}`, ...COLUMNS.map((c) => c.cell(t, lang))]);
      }
    }
  }
  const header = [lang === 'vi' ? 'Đơn vị' : 'Unit', ...COLUMNS.map((c) => c[lang])];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [
    `${index.dataset.title} — ${formatRange(s, lang)}`,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => (r.length === 0 ? '' : r.length === 1 ? (r[0] ?? '') : line(r))),
  ];
}

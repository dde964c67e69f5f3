import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { communeSampleText } from '../../scripts/generate-commune-sample.ts';
import { schemaText } from '../../scripts/generate-json-schema.ts';
import { allocate, allocateCapped, generateBaseSample, sampleText } from '../../scripts/generate-sample.ts';
import { briefing, briefingText } from '../../src/domain/briefing.ts';
import { dashboardFigures, reportingOf } from '../../src/domain/dashboard.ts';
import { indexDataset, levelTotals, summarize, type Totals } from '../../src/domain/metrics.ts';
import { monthsBetween } from '../../src/domain/months.ts';
import { parseDatasetText } from '../../src/domain/validate.ts';

const text = readFileSync('data/gia-lam.json', 'utf8');
const communeText = readFileSync('data/xa-minh-hoa.json', 'utf8');
const SPAN = { from: '2021-01', to: '2022-04' };

function load(file = text) {
  const result = parseDatasetText(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result;
}

/** A figure summed over the fields of a level, as `summary --json` gives them. */
function overFields(byField: Record<string, Totals> | undefined, pick: (t: Totals) => number | null): number {
  return Object.values(byField ?? {}).reduce((a, t) => a + (pick(t) ?? 0), 0);
}

describe('the sample dataset data/gia-lam.json', () => {
  it('validates without warnings, is version 2 by field, flagged illustrative and points at its schema', () => {
    const { dataset, warnings } = load();
    expect(warnings).toEqual([]);
    expect(dataset.schemaVersion).toBe(2);
    expect(dataset.illustrative).toBe(true);
    expect(dataset.$schema).toBe('./schema.json');
    expect(dataset.units).toHaveLength(23);
    expect(dataset.fields?.map((f) => f.name)).toEqual([
      'Đất đai',
      'Xây dựng',
      'Đăng ký kinh doanh',
      'Hộ tịch',
      'Chứng thực',
      'Lao động – Thương binh và Xã hội',
      'Tư pháp khác',
    ]);
    // The district reports 7 fields, each commune 6 (business registration was the district's), 16 months each.
    expect(dataset.records).toHaveLength((7 + 22 * 6) * 16);
    expect(dataset.records.every((r) => r.fieldId !== undefined)).toBe(true);
    // Levels 3 and 4 kept, as the report gives them.
    expect(
      dataset.records.every((r) => r.receivedOnlineLevel3 !== undefined && r.receivedOnlineLevel4 !== undefined),
    ).toBe(true);
  });

  it('adds up to the district figures of the report over 2021-01..2022-04', () => {
    const index = indexDataset(load().dataset);
    const d = levelTotals(index, 'district', SPAN);
    // FIGURES.md, district level: 309 + 27,557 = 27,866 = 27,486 + 380; no late dossiers.
    expect(d).toMatchObject({
      carriedOver: 309,
      received: 27_557,
      total: 27_866,
      resolvedLate: 0,
      pendingWithinDeadline: 380,
      pendingOverdue: 0,
      receivedOnline: 4_037,
      interlinked: 4_568,
      saturdayReceived: 528,
      feesVnd: 545_180_000,
    });
    expect((d?.resolvedEarly ?? 0) + (d?.resolvedOnTime ?? 0)).toBe(27_486);
    expect((d?.receivedOnlineLevel3 ?? 0) + (d?.receivedOnlineLevel4 ?? 0)).toBe(4_037);
  });

  it('adds up to the commune figures of the report, with interlinked and Saturday not reported', () => {
    const index = indexDataset(load().dataset);
    const c = levelTotals(index, 'commune', SPAN);
    // FIGURES.md, commune level: 423 + 143,110 = 143,533 = 143,141 + 392.
    expect(c).toMatchObject({
      carriedOver: 423,
      received: 143_110,
      total: 143_533,
      resolvedLate: 0,
      pendingWithinDeadline: 392,
      feesVnd: 1_386_718_000,
      interlinked: null,
      saturdayReceived: null,
    });
    expect((c?.resolvedEarly ?? 0) + (c?.resolvedOnTime ?? 0)).toBe(143_141);
  });

  it('its fields add up exactly to every figure of the report at both levels', () => {
    const s = summarize(indexDataset(load().dataset), SPAN);
    const report = {
      // FIGURES.md: handled, carried over, received, on time, pending within the deadline, fees.
      district: [27_866, 309, 27_557, 27_486, 380, 545_180_000],
      commune: [143_533, 423, 143_110, 143_141, 392, 1_386_718_000],
    } as const;
    for (const level of ['district', 'commune'] as const) {
      const byField = s.fields?.[level];
      expect(
        [
          overFields(byField, (t) => t.total),
          overFields(byField, (t) => t.carriedOver),
          overFields(byField, (t) => t.received),
          overFields(byField, (t) => t.resolvedEarly + t.resolvedOnTime),
          overFields(byField, (t) => t.pendingWithinDeadline),
          overFields(byField, (t) => t.feesVnd),
        ],
        level,
      ).toEqual([...report[level]]);
      expect(
        overFields(byField, (t) => t.resolvedLate + t.pendingOverdue),
        level,
      ).toBe(0);
    }
    // District only: online 4,037 (levels 3 and 4), interlinked 4,568, Saturday mornings 528.
    expect(overFields(s.fields?.district, (t) => t.receivedOnline)).toBe(4_037);
    expect(overFields(s.fields?.district, (t) => t.receivedOnlineLevel3)).toBe(s.levels.district?.receivedOnlineLevel3);
    expect(overFields(s.fields?.district, (t) => t.interlinked)).toBe(4_568);
    expect(overFields(s.fields?.district, (t) => t.saturdayReceived)).toBe(528);
  });

  it('gives every unit and level the figures it had before the split by field, for the span and for each month', () => {
    const before = indexDataset(generateBaseSample());
    const after = indexDataset(load().dataset);
    for (const range of [
      SPAN,
      { from: '2021-07', to: '2022-02' },
      ...monthsBetween(SPAN).map((m) => ({ from: m, to: m })),
    ]) {
      const { fields, unitFields, ...rest } = summarize(after, range);
      expect(rest, `${range.from}..${range.to}`).toEqual(summarize(before, range));
      expect(Object.keys(unitFields ?? {})).toHaveLength(23);
      expect(Object.keys(fields ?? {})).toEqual(['district', 'commune']);
    }
  });

  it('is plausible: towns largest, online uptake growing, land and business weigh at the district, authentication at the communes', () => {
    const index = indexDataset(load().dataset);
    const s = summarize(index, SPAN);
    const communes = Object.entries(s.units).filter(([id]) => id !== 'gia-lam');
    const bySize = [...communes].sort((a, b) => b[1].received - a[1].received).map(([id]) => id);
    expect(bySize.slice(0, 2)).toEqual(['tt-trau-quy', 'tt-yen-vien']);
    const early = summarize(index, { from: '2021-01', to: '2021-04' }).levels.commune?.onlineRate ?? 1;
    const late = summarize(index, { from: '2022-01', to: '2022-04' }).levels.commune?.onlineRate ?? 0;
    expect(late).toBeGreaterThan(early * 2);
    const largest = (byField: Record<string, Totals> | undefined) =>
      Object.entries(byField ?? {})
        .sort((a, b) => b[1].received - a[1].received)
        .map(([id]) => id);
    expect(largest(s.fields?.district)[0]).toBe('dat-dai');
    expect(largest(s.fields?.commune).slice(0, 2)).toEqual(['chung-thuc', 'ho-tich']);
    expect(s.fields?.commune?.['dang-ky-kinh-doanh']).toBeUndefined();
  });

  it('is exactly what the seeded generators make, and data/schema.json what the schema makes', () => {
    expect(sampleText()).toBe(text);
    expect(communeSampleText()).toBe(communeText);
    expect(schemaText()).toBe(readFileSync('data/schema.json', 'utf8'));
  });

  it('splits totals exactly in the generator, within caps where given', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0, 2, 5]).reduce((a, b) => a + b, 0)).toBe(7);
    // 10 by weights 1:1:2 would be 3, 2, 5 (largest remainder); the third may hold 3 at most,
    // so it gets 3 and the 7 left are shared 1:1 between the others, 4 and 3.
    expect(allocateCapped(10, [1, 1, 2], [9, 9, 3])).toEqual([4, 3, 3]);
    expect(() => allocateCapped(10, [1, 1], [4, 5])).toThrow(/less than 10/);
  });
});

describe('the fictional commune data/xa-minh-hoa.json', () => {
  const { dataset, warnings } = load(communeText);
  const index = indexDataset(dataset);
  const span = index.span ?? SPAN;

  it('is one commune of the two-tier era, by field, online as totals only, illustrative, without warnings', () => {
    expect(warnings).toEqual([]);
    expect(dataset.illustrative).toBe(true);
    expect(dataset.units).toEqual([{ id: 'xa-minh-hoa', name: 'Xã Minh Hoạ (hư cấu)', level: 'commune' }]);
    expect(dataset.title).toContain('hư cấu');
    expect(span.from).toBe('2025-07');
    expect(index.fields).toHaveLength(7);
    expect(dataset.records.every((r) => r.fieldId !== undefined && r.receivedOnline !== undefined)).toBe(true);
    expect(dataset.records.some((r) => r.receivedOnlineLevel3 !== undefined)).toBe(false);
  });

  it('says the online split is not reported and the fees are, though not by every field', () => {
    const selection = { range: span, level: 'all', unitId: null, field: null, compare: 'previous' } as const;
    expect(reportingOf(index, selection)).toEqual({ onlineSplit: false, fees: true });
    // The commune left fees out for labour and social affairs, and for the first two months altogether.
    expect(reportingOf(index, { ...selection, field: 'lao-dong-tbxh' })).toEqual({ onlineSplit: false, fees: false });
    expect(reportingOf(index, { ...selection, range: { from: '2025-07', to: '2025-08' } }).fees).toBe(false);
    const s = summarize(index, span);
    expect(s.levels.commune?.receivedOnlineLevel3).toBeNull();
    expect(s.unitFields?.['xa-minh-hoa']?.['lao-dong-tbxh']?.feesVnd).toBeNull();
    expect(s.unitFields?.['xa-minh-hoa']?.['dat-dai']?.feesVnd).toBeGreaterThan(0);
  });

  it('has late and overdue dossiers where a council would look, land first', () => {
    const f = dashboardFigures(index, { range: span, level: 'all', unitId: null, field: null, compare: 'previous' });
    expect(f.accountability).toHaveLength(1);
    expect(f.accountability[0]?.fields[0]?.fieldId).toBe('dat-dai');
    expect(f.fields.find((r) => r.fieldId === 'dat-dai')?.belowOnTimeTarget).toBe(true);
    expect(f.fieldMatrix.rows).toHaveLength(1);
  });

  it('is briefed without a district anywhere, in either language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const all = briefingText(
        briefing(index, { range: span, level: 'all', unitId: null, field: null, compare: 'previous' }, lang),
      );
      expect(all).not.toMatch(/huyện|district/i);
      expect(all).toContain('Xã Minh Hoạ (hư cấu)');
    }
  });
});

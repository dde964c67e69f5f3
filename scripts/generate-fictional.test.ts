import { describe, expect, it } from 'vitest';
import { parseDatasetText, validateDataset } from '../src/domain/validate.ts';
import { FICTIONAL_SIZES, fictionalText, generateFictional, generateFictionalWithNotes } from './generate-fictional.ts';

const count = <T>(xs: readonly T[], f: (x: T) => boolean) => xs.filter(f).length;

describe('generateFictional', () => {
  it('makes a small dataset the contract accepts, of the stated size', () => {
    const dataset = generateFictional('small');
    const result = validateDataset(dataset);
    expect(result.ok).toBe(true);
    expect(dataset.illustrative).toBe(true);
    expect(dataset.title).toContain('Hư Cấu');
    expect(dataset.source).toMatch(/generate-fictional/);
    const units = dataset.units;
    expect(count(units, (u) => u.level === 'province')).toBe(1);
    expect(count(units, (u) => u.level === 'district')).toBe(1);
    expect(count(units, (u) => u.level === 'commune')).toBe(FICTIONAL_SIZES.small.communes);
    const months = new Set(dataset.records.map((r) => r.month));
    expect(months.size).toBe(FICTIONAL_SIZES.small.months);
    // Every unit, the province and districts included, has its own records.
    expect(new Set(dataset.records.map((r) => r.unitId)).size).toBe(units.length);
    // A few communes may start part-way, so slightly fewer than units × months.
    const full = units.length * FICTIONAL_SIZES.small.months;
    expect(dataset.records.length).toBeLessThanOrEqual(full);
    expect(dataset.records.length).toBeGreaterThan(full * 0.95);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(fictionalText(generateFictional('small', 7))).toBe(fictionalText(generateFictional('small', 7)));
    expect(fictionalText(generateFictional('small', 7))).not.toBe(fictionalText(generateFictional('small', 8)));
  });

  it('plants 3 to 5 warnings of both kinds, and validation finds exactly those', () => {
    for (const seed of [1, 2, 3, 20240601]) {
      const { dataset, deliberate } = generateFictionalWithNotes('small', seed);
      const result = parseDatasetText(fictionalText(dataset));
      if (!result.ok) throw new Error(`seed ${seed}: refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
      expect(deliberate.length).toBeGreaterThanOrEqual(3);
      expect(deliberate.length).toBeLessThanOrEqual(5);
      const found = result.warnings.map((w) => `${w.code} ${w.unitId} ${w.month}`).sort();
      expect(found).toEqual(deliberate.map((w) => `${w.code} ${w.unitId} ${w.month}`).sort());
      expect(new Set(found.map((f) => f.split(' ')[0]))).toEqual(new Set(['month_chain', 'flow_identity']));
    }
  });

  it('has the variety the dashboard must cope with', () => {
    const { records, units } = generateFictional('small');
    expect(records.some((r) => r.resolvedLate > 0)).toBe(true);
    expect(records.some((r) => r.pendingOverdue > 0)).toBe(true);
    expect(records.some((r) => (r.withdrawn ?? 0) > 0)).toBe(true);
    // Optional fields: present for some units, absent (not zero) for others.
    for (const field of ['withdrawn', 'interlinked', 'saturdayReceived', 'apologyLetters'] as const) {
      expect(records.some((r) => r[field] !== undefined)).toBe(true);
      expect(records.some((r) => r[field] === undefined)).toBe(true);
    }
    expect(units.some((u) => u.code !== undefined) && units.some((u) => u.code === undefined)).toBe(true);
    // Online uptake differs clearly between communes over the span.
    const rates = units
      .filter((u) => u.level === 'commune')
      .map((u) => {
        const own = records.filter((r) => r.unitId === u.id);
        const received = own.reduce((a, r) => a + r.received, 0);
        return own.reduce((a, r) => a + (r.receivedOnlineLevel3 ?? 0) + (r.receivedOnlineLevel4 ?? 0), 0) / received;
      });
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.15);
  });

  it('makes a medium dataset of 700 communes in districts of 15 to 30, over 36 months', () => {
    const dataset = generateFictional('medium');
    expect(validateDataset(dataset).ok).toBe(true);
    const communes = dataset.units.filter((u) => u.level === 'commune');
    const districts = dataset.units.filter((u) => u.level === 'district');
    expect(communes).toHaveLength(700);
    const perDistrict = districts.map((d) => count(communes, (c) => c.parentId === d.id));
    expect(Math.min(...perDistrict)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...perDistrict)).toBeLessThanOrEqual(30);
    expect(new Set(dataset.records.map((r) => r.month)).size).toBe(36);
    const full = dataset.units.length * 36;
    expect(dataset.records.length).toBeGreaterThan(full * 0.98);
    expect(dataset.records.length).toBeLessThanOrEqual(full);
  });
});

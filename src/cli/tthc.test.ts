import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TOTALS_KEYS } from '../domain/metrics.ts';
import { EXIT, type Io, run } from './tthc.ts';

const DATASET = {
  schemaVersion: 1,
  title: 'Huyện Thử',
  units: [
    { id: 'd', name: 'Huyện Thử', level: 'district' },
    { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'd' },
  ],
  records: [
    ['d', '2022-01', 5, 1000, 900, 0, 105],
    ['d', '2022-02', 105, 2000, 2000, 5, 100],
    ['c', '2022-01', 0, 10, 8, 1, 1],
    ['c', '2022-02', 1, 20, 19, 0, 2],
  ].map(([unitId, month, carriedOver, received, onTime, late, pending]) => ({
    unitId,
    month,
    carriedOver,
    received,
    receivedOnlineLevel3: 1,
    receivedOnlineLevel4: 1,
    resolvedEarly: 0,
    resolvedOnTime: onTime,
    resolvedLate: late,
    pendingWithinDeadline: pending,
    pendingOverdue: 0,
    feesVnd: 1000,
  })),
};

function capture(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error('no file'), { code: 'ENOENT' });
      return text;
    },
  };
  return { io, out, err };
}

const good = JSON.stringify(DATASET);

describe('tthc validate', () => {
  it('exits 0 for a valid file and says so', () => {
    const c = capture({ 'a.json': good });
    expect(run(['validate', 'a.json'], c.io)).toBe(EXIT.ok);
    expect(c.out.join('\n')).toContain('2 đơn vị, 4 bản ghi, 0 cảnh báo');
  });

  it('prints warnings but still exits 0', () => {
    const d = structuredClone(DATASET);
    (d.records[3] as { carriedOver: number }).carriedOver = 2;
    const c = capture({ 'w.json': JSON.stringify(d) });
    expect(run(['validate', 'w.json', '--lang', 'en'], c.io)).toBe(EXIT.ok);
    expect(c.out.join('\n')).toContain('Warning records[3]');
  });

  it('exits 1 and prints each error with its path to standard error', () => {
    const d = structuredClone(DATASET) as unknown as { records: Record<string, unknown>[] };
    (d.records[1] as Record<string, unknown>).month = '2022-13';
    (d.records[2] as Record<string, unknown>).received = -3;
    const c = capture({ 'b.json': JSON.stringify(d) });
    expect(run(['validate', 'b.json'], c.io)).toBe(EXIT.refused);
    expect(c.out).toEqual([]);
    const text = c.err.join('\n');
    expect(text).toContain('records[1].month');
    expect(text).toContain('records[2].received');
    expect(text).toContain('2 lỗi');
  });

  it('caps the printed list and says how many more', () => {
    const d = structuredClone(DATASET) as unknown as { records: Record<string, unknown>[] };
    for (const r of d.records) r.month = 'x';
    const c = capture({ 'b.json': JSON.stringify(d) });
    expect(run(['validate', 'b.json', '--max-errors', '1', '--lang', 'en'], c.io)).toBe(EXIT.refused);
    expect(c.err.join('\n')).toContain('… and 3 more errors.');
  });

  it('exits 2 for a missing file, a missing argument and an unknown command', () => {
    expect(run(['validate', 'nope.json'], capture({}).io)).toBe(EXIT.usage);
    expect(run(['validate'], capture({}).io)).toBe(EXIT.usage);
    expect(run(['frobnicate'], capture({}).io)).toBe(EXIT.usage);
    expect(run(['validate', 'a.json', '--colour'], capture({ 'a.json': good }).io)).toBe(EXIT.usage);
  });
});

describe('tthc summary', () => {
  it('prints exactly one JSON object with levels and units and every Totals key', () => {
    const c = capture({ 'a.json': good });
    expect(run(['summary', 'a.json', '--json'], c.io)).toBe(EXIT.ok);
    const parsed = JSON.parse(c.out.join('\n'));
    expect(Object.keys(parsed)).toEqual(['from', 'to', 'levels', 'units']);
    expect(parsed.from).toBe('2022-01');
    expect(parsed.to).toBe('2022-02');
    expect(Object.keys(parsed.levels.district)).toEqual([...TOTALS_KEYS]);
    expect(parsed.levels.district).toMatchObject({
      carriedOver: 5,
      received: 3000,
      resolvedOnTime: 2900,
      resolvedLate: 5,
      pendingWithinDeadline: 100,
      total: 3005,
      resolved: 2905,
      interlinked: null,
    });
    expect(parsed.levels.district.onTimeRate).toBe(2900 / 2905);
    expect(parsed.units.c.carriedOver).toBe(0);
    expect(parsed.units.c.pendingWithinDeadline).toBe(2);
  });

  it('limits the figures to --from and --to', () => {
    const c = capture({ 'a.json': good });
    expect(run(['summary', 'a.json', '--json', '--from', '2022-02', '--to', '2022-02'], c.io)).toBe(EXIT.ok);
    const parsed = JSON.parse(c.out.join('\n'));
    expect(parsed.levels.district).toMatchObject({ carriedOver: 105, received: 2000, pendingWithinDeadline: 100 });
  });

  it('prints a readable table with Vietnamese number formats', () => {
    const c = capture({ 'a.json': good });
    expect(run(['summary', 'a.json'], c.io)).toBe(EXIT.ok);
    const text = c.out.join('\n');
    expect(text).toContain('Huyện Thử — tháng 1/2022 – tháng 2/2022');
    expect(text).toContain('3.005');
    expect(text).toContain('99,8\u00a0%');
  });

  it('refuses a range outside the data or backwards', () => {
    const c = capture({ 'a.json': good });
    expect(run(['summary', 'a.json', '--from', '2021-12'], c.io)).toBe(EXIT.usage);
    expect(c.err[0]).toContain('nằm ngoài dữ liệu (2022-01..2022-02)');
    const d = capture({ 'a.json': good });
    expect(run(['summary', 'a.json', '--from', '2022-02', '--to', '2022-01', '--lang', 'en'], d.io)).toBe(EXIT.usage);
    expect(d.err[0]).toContain('is after --to');
    expect(run(['summary', 'a.json', '--from', '2022-2'], capture({ 'a.json': good }).io)).toBe(EXIT.usage);
  });

  it('exits 1 on a refused file', () => {
    expect(run(['summary', 'a.json'], capture({ 'a.json': '{' }).io)).toBe(EXIT.refused);
  });
});

/** A province not by field and a commune by two fields, online totals only at the commune (contract version 2). */
const DATASET_V2 = {
  schemaVersion: 2,
  title: 'Tỉnh Thử',
  fields: [
    { id: 'dat-dai', name: 'Đất đai' },
    { id: 'ho-tich', name: 'Hộ tịch' },
  ],
  units: [
    { id: 'p', name: 'Tỉnh Thử', level: 'province' },
    { id: 'c', name: 'Xã Một', level: 'commune', parentId: 'p' },
  ],
  records: [
    {
      unitId: 'c',
      month: '2025-07',
      fieldId: 'dat-dai',
      carriedOver: 2,
      received: 10,
      receivedOnline: 4,
      resolvedEarly: 0,
      resolvedOnTime: 9,
      resolvedLate: 1,
      pendingWithinDeadline: 2,
      pendingOverdue: 0,
      feesVnd: 1000,
    },
    {
      unitId: 'c',
      month: '2025-08',
      fieldId: 'dat-dai',
      carriedOver: 2,
      received: 8,
      receivedOnline: 2,
      resolvedEarly: 0,
      resolvedOnTime: 8,
      resolvedLate: 0,
      pendingWithinDeadline: 2,
      pendingOverdue: 0,
    },
    {
      unitId: 'c',
      month: '2025-07',
      fieldId: 'ho-tich',
      carriedOver: 0,
      received: 20,
      receivedOnline: 15,
      resolvedEarly: 0,
      resolvedOnTime: 20,
      resolvedLate: 0,
      pendingWithinDeadline: 0,
      pendingOverdue: 0,
    },
    {
      unitId: 'c',
      month: '2025-08',
      fieldId: 'ho-tich',
      carriedOver: 0,
      received: 10,
      receivedOnline: 5,
      resolvedEarly: 0,
      resolvedOnTime: 9,
      resolvedLate: 0,
      pendingWithinDeadline: 0,
      pendingOverdue: 1,
    },
    {
      unitId: 'p',
      month: '2025-07',
      carriedOver: 0,
      received: 100,
      receivedOnlineLevel3: 30,
      receivedOnlineLevel4: 10,
      resolvedEarly: 0,
      resolvedOnTime: 100,
      resolvedLate: 0,
      pendingWithinDeadline: 0,
      pendingOverdue: 0,
      feesVnd: 5000,
    },
    {
      unitId: 'p',
      month: '2025-08',
      carriedOver: 0,
      received: 100,
      receivedOnlineLevel3: 20,
      receivedOnlineLevel4: 20,
      resolvedEarly: 0,
      resolvedOnTime: 100,
      resolvedLate: 0,
      pendingWithinDeadline: 0,
      pendingOverdue: 0,
      feesVnd: 5000,
    },
  ],
};
const goodV2 = JSON.stringify(DATASET_V2);

describe('tthc summary of a version-2 file', () => {
  it('adds fields and unitFields, each a Totals with every key, exact for the span', () => {
    const c = capture({ 'v2.json': goodV2 });
    expect(run(['summary', 'v2.json', '--json'], c.io)).toBe(EXIT.ok);
    const parsed = JSON.parse(c.out.join('\n'));
    expect(Object.keys(parsed)).toEqual(['from', 'to', 'levels', 'units', 'fields', 'unitFields']);
    // The province reports no field; the commune reports two.
    expect(Object.keys(parsed.fields)).toEqual(['commune']);
    expect(Object.keys(parsed.fields.commune)).toEqual(['dat-dai', 'ho-tich']);
    expect(Object.keys(parsed.unitFields)).toEqual(['c']);
    expect(Object.keys(parsed.fields.commune['dat-dai'])).toEqual([...TOTALS_KEYS]);
    // Land: 2 carried into July, 10 + 8 received, 4 + 2 online, 2 pending at the end of August, fees only in July.
    expect(parsed.fields.commune['dat-dai']).toMatchObject({
      carriedOver: 2,
      received: 18,
      receivedOnline: 6,
      receivedOnlineLevel3: null,
      resolvedOnTime: 17,
      resolvedLate: 1,
      pendingWithinDeadline: 2,
      feesVnd: 1000,
      total: 20,
      resolved: 18,
      onlineRate: 6 / 18,
    });
    expect(parsed.unitFields.c['ho-tich']).toMatchObject({
      received: 30,
      receivedOnline: 20,
      pendingOverdue: 1,
      feesVnd: null,
    });
    // The commune is the sum of its fields; the province keeps its split.
    expect(parsed.levels.commune).toMatchObject({
      carriedOver: 2,
      received: 48,
      receivedOnline: 26,
      pending: 3,
      feesVnd: 1000,
    });
    expect(parsed.levels.commune.receivedOnlineLevel3).toBeNull();
    expect(parsed.levels.province).toMatchObject({
      receivedOnline: 80,
      receivedOnlineLevel3: 50,
      receivedOnlineLevel4: 30,
    });
  });

  it('is exact for any range: August alone', () => {
    const c = capture({ 'v2.json': goodV2 });
    expect(run(['summary', 'v2.json', '--json', '--from', '2025-08'], c.io)).toBe(EXIT.ok);
    const parsed = JSON.parse(c.out.join('\n'));
    expect(parsed.fields.commune['dat-dai']).toMatchObject({
      carriedOver: 2,
      received: 8,
      receivedOnline: 2,
      feesVnd: null,
    });
    expect(parsed.levels.commune).toMatchObject({ carriedOver: 2, received: 18, feesVnd: null });
  });

  it('prints no field keys for a version-1 file, and the online total as level 3 + level 4', () => {
    const c = capture({ 'a.json': good });
    expect(run(['summary', 'a.json', '--json'], c.io)).toBe(EXIT.ok);
    const parsed = JSON.parse(c.out.join('\n'));
    expect(parsed.fields).toBeUndefined();
    // Two records of the district, each 1 + 1 online.
    expect(parsed.levels.district.receivedOnline).toBe(4);
  });

  it('adds a section by field to the readable table, fees not reported said so', () => {
    const c = capture({ 'v2.json': goodV2 });
    expect(run(['summary', 'v2.json'], c.io)).toBe(EXIT.ok);
    const text = c.out.join('\n');
    expect(text).toContain('Theo lĩnh vực:');
    const civil = c.out.find((l) => l.startsWith('Cấp xã (cộng) · Hộ tịch')) ?? '';
    expect(civil).toMatch(/\b30\b/);
    expect(civil).toContain('không báo cáo');
    const e = capture({ 'v2.json': goodV2 });
    run(['summary', 'v2.json', '--lang', 'en'], e.io);
    expect(e.out.join('\n')).toContain('Commune level (sum) · Đất đai');
  });

  it('briefs one field with report --field, and refuses a field the data does not have', () => {
    const c = capture({ 'v2.json': goodV2 });
    expect(run(['report', 'v2.json', '--field', 'ho-tich'], c.io)).toBe(EXIT.ok);
    expect(c.out[0]).toContain('riêng lĩnh vực Hộ tịch');
    const bad = capture({ 'v2.json': goodV2 });
    expect(run(['report', 'v2.json', '--field', 'xay-dung', '--lang', 'en'], bad.io)).toBe(EXIT.usage);
    expect(bad.err[0]).toBe('--field: the data has no field "xay-dung" (it has: dat-dai, ho-tich).');
    expect(run(['summary', 'v2.json', '--field', 'ho-tich'], capture({ 'v2.json': goodV2 }).io)).toBe(EXIT.usage);
    expect(run(['validate', 'v2.json', '--field', 'ho-tich'], capture({ 'v2.json': goodV2 }).io)).toBe(EXIT.usage);
  });
});

describe('the real command', () => {
  it('runs through npm run tthc with the exit codes of the contract', () => {
    const ok = spawnSync('npm', ['run', '--silent', 'tthc', '--', 'validate', 'data/schema.json'], {
      encoding: 'utf8',
    });
    // The JSON Schema is JSON but not a dataset: refused with exit 1.
    expect(ok.status).toBe(EXIT.refused);
    expect(ok.stderr).toContain('schemaVersion');
    const missing = spawnSync('npm', ['run', '--silent', 'tthc', '--', 'validate', 'no/such.json'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(EXIT.usage);
  }, 30_000);
});

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

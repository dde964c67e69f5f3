/**
 * The fixture corpus: tests/fixtures/datasets/*.json, each listed in
 * manifest.json with the outcome it must have. Every file is checked twice,
 * through parseDatasetText (the one entry point) and through the command line
 * (`tthc validate`), so the browser and the CLI cannot drift apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Io, run } from '../../src/cli/tthc.ts';
import { errorText, moreErrors } from '../../src/domain/messages.ts';
import type { ErrorCode } from '../../src/domain/problems.ts';
import { RECORD_FIELDS_KEY, readRecordRows } from '../../src/domain/record-rows.ts';
import { ERROR_LIST_CAP, parseDatasetText } from '../../src/domain/validate.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = fileURLToPath(new URL('../fixtures/datasets/', import.meta.url));
const NOT_FIXTURES = new Set(['manifest.json', 'make-large.ts']);
/** How many errors `tthc validate` prints before "… and N more errors" (its --max-errors default). */
const CLI_SHOWN = 100;

interface Entry {
  file: string;
  about: string;
  outcome: 'loads' | 'refused';
  /** Error paths that must appear (refused). */
  paths?: string[];
  /** Error codes that must appear (refused). */
  codes?: string[];
  /** The warning codes, exactly (loads). */
  warnings?: string[];
  /** The exact number of errors (refused). */
  errorCount?: number;
  /** For an error path, detail entries that error must carry: a line, a suggestion, a cycle… */
  detail?: Record<string, Record<string, string | number>>;
  /** Why an expectation is held back (a known validator bug). */
  note?: string;
}

const ENTRY_KEYS = new Set(['file', 'about', 'outcome', 'paths', 'codes', 'warnings', 'errorCount', 'detail', 'note']);
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Entry[];

const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const stripBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** A parsed file as the dataset it stands for: records written as rows become the records they stand for. */
function asWritten(parsed: Record<string, unknown>): Record<string, unknown> {
  if (!Object.hasOwn(parsed, RECORD_FIELDS_KEY)) return parsed;
  const read = readRecordRows(parsed, 2, ERROR_LIST_CAP);
  if (!read.ok) throw new Error('the rows of a file that loads must read');
  return read.input;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l), readFile: (p) => readFileSync(p, 'utf8') };
  return { io, out, err };
}

describe('the fixture manifest', () => {
  it('has at least 40 entries, each well formed and naming an existing file once', () => {
    expect(manifest.length).toBeGreaterThanOrEqual(40);
    const seen = new Set<string>();
    for (const e of manifest) {
      expect(
        Object.keys(e).filter((k) => !ENTRY_KEYS.has(k)),
        e.file,
      ).toEqual([]);
      expect(typeof e.file, JSON.stringify(e)).toBe('string');
      expect(seen.has(e.file), `${e.file} listed twice`).toBe(false);
      seen.add(e.file);
      expect(statSync(join(DIR, e.file)).isFile(), e.file).toBe(true);
      expect(e.about.trim().length, `${e.file}: about`).toBeGreaterThan(10);
      expect(e.about, `${e.file}: about is one line`).not.toMatch(/\n/);
      expect(['loads', 'refused']).toContain(e.outcome);
      if (e.outcome === 'loads') {
        expect(
          e.paths ?? e.codes ?? e.errorCount ?? e.detail,
          `${e.file}: error expectations on a file that loads`,
        ).toBe(undefined);
      } else {
        expect(e.warnings, `${e.file}: warnings on a refused file`).toBe(undefined);
        expect(e.paths?.length ?? 0, `${e.file}: a refused case names at least one path`).toBeGreaterThan(0);
      }
      // A misspelt code in the manifest would make a check pass vacuously: every code must have a message.
      for (const code of e.codes ?? []) {
        expect(() => errorText({ path: '', code: code as ErrorCode }, 'en'), `${e.file}: code ${code}`).not.toThrow();
      }
    }
  });

  it('lists every file in the folder', () => {
    const listed = new Set(manifest.map((e) => e.file));
    const files = readdirSync(DIR).filter((f) => !NOT_FIXTURES.has(f));
    expect(files.filter((f) => !listed.has(f))).toEqual([]);
    expect(files.length).toBe(manifest.length);
  });

  it('covers both outcomes and both warnings', () => {
    expect(manifest.filter((e) => e.outcome === 'loads').length).toBeGreaterThanOrEqual(10);
    expect(manifest.filter((e) => e.outcome === 'refused').length).toBeGreaterThanOrEqual(30);
    const warnings = new Set(manifest.flatMap((e) => e.warnings ?? []));
    expect([...warnings].sort()).toEqual(['flow_identity', 'month_chain']);
  });
});

describe('parseDatasetText on each fixture', () => {
  for (const entry of manifest)
    it(`${entry.file}: ${entry.outcome} — ${entry.about}`, () => {
      const text = read(entry.file);
      const result = parseDatasetText(text);
      if (entry.outcome === 'loads') {
        expect(result.ok, JSON.stringify(result.ok ? null : result.errors.slice(0, 5))).toBe(true);
        if (!result.ok) return;
        // What loads is what the file says: no value dropped, renamed, trimmed or normalised (records written as
        // rows are what they stand for: record-rows.ts).
        expect(result.dataset).toEqual(asWritten(JSON.parse(stripBom(text))));
        if (entry.warnings) {
          const codes = result.warnings.map((w) => w.code);
          for (const code of entry.warnings) expect(codes).toContain(code);
          expect([...new Set(codes)].sort()).toEqual([...entry.warnings].sort());
        }
        return;
      }
      expect(result.ok, `${entry.file} should be refused`).toBe(false);
      if (result.ok) return;
      const paths = result.errors.map((e) => e.path);
      const codes = result.errors.map((e) => e.code);
      for (const path of entry.paths ?? []) expect(paths, `path ${JSON.stringify(path)}`).toContain(path);
      for (const code of entry.codes ?? []) expect(codes, `code ${code}`).toContain(code);
      if (entry.errorCount !== undefined) expect(result.errorCount).toBe(entry.errorCount);
      expect(result.errors.length).toBeGreaterThan(0);
      expect(result.errors.length).toBe(Math.min(result.errorCount, ERROR_LIST_CAP));
      for (const [path, wanted] of Object.entries(entry.detail ?? {})) {
        const atPath = result.errors.filter((e) => e.path === path);
        expect(
          atPath.some((e) => Object.entries(wanted).every(([k, v]) => e.detail?.[k] === v)),
          `${JSON.stringify(path)} should carry ${JSON.stringify(wanted)}; got ${JSON.stringify(atPath.map((e) => e.detail))}`,
        ).toBe(true);
      }
    });
});

describe('tthc validate on each fixture (in process)', () => {
  for (const entry of manifest)
    it(`${entry.file}: exits ${entry.outcome === 'loads' ? 0 : 1} (${entry.outcome})`, () => {
      const c = capture();
      const file = join(DIR, entry.file);
      const code = run(['validate', file], c.io);
      const result = parseDatasetText(read(entry.file));
      if (entry.outcome === 'loads') {
        expect(code, c.err.join('\n')).toBe(0);
        expect(c.err).toEqual([]);
        expect(c.out[0]).toContain(`${file}: hợp lệ`);
        const warnings = result.ok ? result.warnings : [];
        expect(c.out[0]).toContain(`${warnings.length} cảnh báo`);
        for (const w of warnings) expect(c.out.join('\n')).toContain(`Cảnh báo ${w.path}:`);
        return;
      }
      expect(code, c.out.join('\n')).toBe(1);
      expect(c.out).toEqual([]);
      const stderr = c.err.join('\n');
      expect(c.err[0]).toContain(`${file}: bị từ chối`);
      for (const path of entry.paths ?? []) {
        // The file-wide errors have no path; the CLI calls them "tệp" (file).
        expect(stderr).toContain(path === '' ? '  tệp: ' : `  ${path}: `);
      }
      if (!result.ok) {
        expect(c.err[0]).toContain(`${result.errorCount} lỗi`);
        const shown = Math.min(result.errors.length, CLI_SHOWN);
        if (result.errorCount > shown) expect(c.err.at(-1)).toBe(`  ${moreErrors(result.errorCount - shown, 'vi')}`);
        else expect(c.err.length).toBe(1 + result.errorCount);
      }
    });

  it('exits 2 when the file does not exist', () => {
    const c = capture();
    const missing = join(tmpdir(), `tthc-no-such-file-${process.pid}.json`);
    expect(run(['validate', missing], c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(missing);
    expect(c.out).toEqual([]);
  });
});

describe('odd cases, more closely', () => {
  it('the 10,000-error file is refused with its count but a capped list', () => {
    expect(statSync(join(DIR, 'large-10000-errors.json')).size).toBeLessThan(2 * 1024 * 1024);
    const result = parseDatasetText(read('large-10000-errors.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errorCount).toBeGreaterThanOrEqual(10000);
    expect(result.errors.length).toBeLessThanOrEqual(200);
    expect(result.errors.length).toBe(ERROR_LIST_CAP);
  });

  it('__proto__ keys are refused and pollute no prototype', () => {
    for (const file of ['proto-top-level.json', 'proto-in-record.json']) {
      const result = parseDatasetText(read(file));
      expect(result.ok, file).toBe(false);
      expect(run(['validate', join(DIR, file)], capture().io)).toBe(1);
    }
    expect(({} as Record<string, unknown>).polluted).toBe(undefined);
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(Object.hasOwn(Object.prototype, 'received')).toBe(false);
  });

  it('a unit whose id is "__proto__" loads as a plain unit', () => {
    const result = parseDatasetText(read('unit-id-proto.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.units.map((u) => u.id)).toContain('__proto__');
    expect(result.dataset.records.filter((r) => r.unitId === '__proto__').length).toBe(3);
    expect(({} as Record<string, unknown>).id).toBe(undefined);
  });

  it('Vietnamese names come through byte for byte, precomposed and decomposed', () => {
    const result = parseDatasetText(read('vietnamese-diacritics.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const names = result.dataset.units.map((u) => u.name);
    expect(names[1]).toContain('ắ ằ ẳ ẵ ặ');
    expect(names[1]).toContain('ự');
    expect(names[1]).toContain('ỵ đ');
    expect(names[0]).toContain('Ỵ Đ');
    expect(names[2]).not.toBe(names[2]?.normalize('NFC'));
  });

  it('5,000-character names load whole', () => {
    const result = parseDatasetText(read('long-unit-names.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const u of result.dataset.units) expect(u.name.length).toBe(5000);
  });

  it('records: [] loads with no records', () => {
    const result = parseDatasetText(read('records-empty.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.records).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});

describe('the real command line', () => {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const cli = (file: string) =>
    spawnSync(tsx, ['src/cli/tthc.ts', 'validate', join(DIR, file)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('exits 1 for a refused file and names the path on stderr', () => {
    const r = cli('negative-count.json');
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain('records[2].resolvedLate');
    expect(r.stdout).toBe('');
  }, 90_000);

  it('exits 0 for a file with a byte-order mark', () => {
    const r = cli('bom.json');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('hợp lệ');
    expect(r.stderr).toBe('');
  }, 90_000);
});

describe('a 50 MB dataset', () => {
  it('loads through parseDatasetText in under 20 s', () => {
    const base = JSON.parse(read('base-valid.json')) as { units: unknown[]; records: Record<string, unknown>[] };
    const communes = 3000;
    const months = 60;
    const units: unknown[] = [{ id: 'd1', name: 'Huyện Lớn', level: 'district' }];
    const records: Record<string, unknown>[] = [];
    for (let u = 0; u < communes; u++) {
      const id = `c${u}`;
      units.push({ id, name: `Xã Thử Số ${u}`, level: 'commune', parentId: 'd1', code: String(10000 + u) });
      let carried = u % 7;
      for (let m = 0; m < months; m++) {
        const month = `${2018 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        const received = 20 + ((u * 31 + m * 17) % 400);
        const early = Math.floor(received / 5);
        const onTime = Math.floor(received / 2);
        const late = Math.floor(received / 20);
        const left = carried + received - early - onTime - late;
        const overdue = Math.floor(left / 5);
        records.push({
          unitId: id,
          month,
          carriedOver: carried,
          received,
          receivedOnlineLevel3: Math.floor(received / 4),
          receivedOnlineLevel4: Math.floor(received / 3),
          resolvedEarly: early,
          resolvedOnTime: onTime,
          resolvedLate: late,
          pendingWithinDeadline: left - overdue,
          pendingOverdue: overdue,
          feesVnd: received * 35000,
          interlinked: Math.floor(received / 10),
          saturdayReceived: Math.floor(received / 25),
          apologyLetters: late > 3 ? 1 : 0,
        });
        carried = left;
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'tthc-50mb-'));
    try {
      const file = join(dir, 'large.json');
      writeFileSync(file, JSON.stringify({ ...base, units, records }));
      expect(statSync(file).size).toBeGreaterThanOrEqual(50 * 1024 * 1024);
      const text = readFileSync(file, 'utf8');
      const started = performance.now();
      const result = parseDatasetText(text);
      const seconds = (performance.now() - started) / 1000;
      expect(result.ok, result.ok ? '' : JSON.stringify(result.errors.slice(0, 3))).toBe(true);
      if (!result.ok) return;
      expect(result.dataset.records.length).toBe(communes * months);
      expect(result.warnings).toEqual([]);
      expect(seconds).toBeLessThan(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

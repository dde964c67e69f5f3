import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DECK_DATA_ID, parseDeckPayload } from '../data/deck-payload.ts';
import { deckDataset } from '../data/frozen-engine.ts';
import { DECK_USAGE, deckCommand, parseDeckArgs } from './deck-command.ts';
import { EXIT, type Io, run } from './tthc.ts';

const dir = mkdtempSync(join(tmpdir(), 'tthc-deck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = readFileSync(new URL('../../data/gia-lam.json', import.meta.url), 'utf8');

/** A template with what fillDeckTemplate needs; the real one is checked by scripts/deck-template.test.ts and the browser suite. */
const TEMPLATE = `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<script type="application/json" id="${DECK_DATA_ID}">{}</script>`;
const source = { template: () => Promise.resolve(TEMPLATE) };

function capture(files: Record<string, string> = { 'gia-lam.json': SAMPLE }) {
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

function payloadIn(file: string) {
  const html = readFileSync(file, 'utf8');
  const block = new RegExp(`id="${DECK_DATA_ID}">([^<]*)</script>`).exec(html)?.[1];
  return parseDeckPayload(block ?? '');
}

describe('tthc deck', () => {
  it('writes one HTML file with the selection asked for and the answers of its slides', async () => {
    const c = capture();
    const out = join(dir, 'xa.html');
    const argv = ['deck', 'gia-lam.json', '--from', '2022-01', '--to', '2022-03', '--level', 'commune'];
    const code = await deckCommand(c.io, [...argv, '--unit', 'xa-yen-thuong', '--lang', 'en', '-o', out], source);
    expect(c.err).toEqual([]);
    expect(code).toBe(EXIT.ok);
    const payload = payloadIn(out);
    expect(payload.selection).toEqual({
      range: { from: '2022-01', to: '2022-03' },
      level: 'commune',
      unitId: 'xa-yen-thuong',
      field: null,
      // The data has January to March 2021, so the deck compares with the same months a year earlier.
      compare: 'year',
    });
    expect(payload.lang).toBe('en');
    const figures = deckDataset(payload).engine.peek({ kind: 'figures', selection: payload.selection });
    expect(figures?.headline.groups.map((g) => g.label)).toEqual(['Xã Yên Thường']);
    // The payload alone, in this small template: a few tens of kilobytes for a district.
    expect(c.out).toEqual([expect.stringMatching(/: 0\.0\d MB — /)]);
    expect(c.out[0]?.startsWith(`${out}: `)).toBe(true);
    expect(c.out[0]?.endsWith(` MB — ${payload.meta.title}, Jan 2022 – Mar 2022 — Xã Yên Thường`)).toBe(true);
  });

  it('takes the whole span, every level and Vietnamese when nothing is said', async () => {
    const c = capture();
    const out = join(dir, 'all.html');
    expect(await deckCommand(c.io, ['deck', 'gia-lam.json', '-o', out], source)).toBe(EXIT.ok);
    const payload = payloadIn(out);
    expect(payload.selection).toEqual({
      range: { from: '2021-01', to: '2022-04' },
      level: 'all',
      unitId: null,
      field: null,
      // Sixteen months have no same months a year earlier apart from themselves.
      compare: 'previous',
    });
    expect(payload.lang).toBe('vi');
    expect(c.out[0]).toContain('tháng 1/2021 – tháng 4/2022');
  });

  it('restricts the deck to one procedure field, and refuses a field the file does not have', async () => {
    const c = capture();
    const out = join(dir, 'land.html');
    expect(await deckCommand(c.io, ['deck', 'gia-lam.json', '--field', 'dat-dai', '-o', out], source)).toBe(EXIT.ok);
    const payload = payloadIn(out);
    expect(payload.selection.field).toBe('dat-dai');
    const bad = capture();
    const code = await deckCommand(bad.io, ['deck', 'gia-lam.json', '--field', 'khong-co', '-o', out], source);
    expect(code).toBe(EXIT.usage);
    expect(bad.err.join('\n')).toContain('--field: tệp không có lĩnh vực mã "khong-co".');
  });

  it('is a command of the tool, listed in its help', async () => {
    const c = capture();
    expect(await run(['deck', 'gia-lam.json'], c.io)).toBe(EXIT.usage);
    expect(c.err[0]).toBe('deck: cần -o <tệp.html> để ghi bản trình chiếu.');
    expect(await run(['--help'], c.io)).toBe(EXIT.ok);
    expect(c.out.join('\n')).toContain(DECK_USAGE);
  });

  it('exits 1 on refused data, printing every error with its path', async () => {
    const c = capture({ 'bad.json': '{"schemaVersion":1,"title":"x","units":[],"records":[]}' });
    expect(await deckCommand(c.io, ['deck', 'bad.json', '-o', join(dir, 'bad.html')], source)).toBe(EXIT.refused);
    expect(c.err[0]).toBe('bad.json: bị từ chối, 1 lỗi.');
    expect(c.err[1]).toContain('units');
  });

  it.each([
    [['deck', 'none.json', '-o', 'x.html'], 'none.json: không có tệp này'],
    [['deck', 'gia-lam.json'], 'deck: cần -o <tệp.html> để ghi bản trình chiếu.'],
    [
      ['deck', 'gia-lam.json', '-o', 'x.html', '--level', 'town'],
      '--level: phải là all, province, district, commune (town)',
    ],
    [['deck', 'gia-lam.json', '-o', 'x.html', '--unit', 'nowhere'], '--unit: tệp không có đơn vị mã "nowhere".'],
    [['deck', 'gia-lam.json', '-o', 'x.html', '--from', '2020-01'], 'nằm ngoài dữ liệu'],
    [['deck', 'gia-lam.json', '-o', 'x.html', '--from', '2022-3'], '--from: tháng phải có dạng YYYY-MM'],
    [['deck', 'gia-lam.json', '-o', 'x.html', '--lang', 'fr'], '--lang phải là vi hoặc en'],
    // Selection has no procedure field yet (data contract v2).
    [['deck', 'gia-lam.json', '-o', 'x.html', '--field', 'khong-co'], '--field: tệp không có lĩnh vực mã "khong-co".'],
    [['deck', 'gia-lam.json', 'other.json', '-o', 'x.html'], 'unexpected argument: other.json'],
    [['deck', 'gia-lam.json', '-o'], '-o cần một giá trị'],
  ])('exits 2 on a usage mistake or a missing file: %j', async (argv, message) => {
    const c = capture();
    expect(await deckCommand(c.io, argv, source)).toBe(EXIT.usage);
    expect(c.err[0]).toContain(message);
    expect(c.err.join('\n')).toContain(DECK_USAGE);
  });

  it('exits 2 when the output cannot be written', async () => {
    const c = capture();
    expect(await deckCommand(c.io, ['deck', 'gia-lam.json', '-o', join(dir, 'no-such-folder', 'x.html')], source)).toBe(
      EXIT.usage,
    );
    expect(c.err[0]).toContain('ENOENT');
  });

  it('reads its own flags and leaves the others to the usage message', () => {
    expect(parseDeckArgs(['deck', 'a.json', '--unit', 'u', '--level', 'district', '-o', 'd.html'])).toEqual({
      positional: ['deck', 'a.json'],
      flags: new Map([
        ['--unit', 'u'],
        ['--level', 'district'],
        ['-o', 'd.html'],
      ]),
    });
  });
});

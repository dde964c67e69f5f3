import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT, type Io, parseArgs } from './cli-kit.ts';
import { reportCommand } from './report-command.ts';

const ROOT = new URL('../../', import.meta.url);

/** Reads real files relative to the project root; a missing one fails as the file system would. */
function capture(extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readFile: (p) => extra[p] ?? readFileSync(new URL(p, ROOT), 'utf8'),
  };
  return { io, out, err };
}

function report(args: string[], extra?: Record<string, string>) {
  const c = capture(extra);
  const code = reportCommand(c.io, parseArgs(['report', ...args]));
  return { code, text: c.out.join('\n'), out: c.out, err: c.err.join('\n') };
}

const SAMPLE = 'data/gia-lam.json';

describe('tthc report', () => {
  it('prints the Vietnamese briefing for the whole span by default', () => {
    const r = report([SAMPLE]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toBe('');
    expect(r.text).toContain('tháng 1/2021 – tháng 4/2022');
    for (const figure of ['27.866', '27.557', '143.533', '545.180.000\u00a0₫', '1.386.718.000\u00a0₫']) {
      expect(r.text).toContain(figure);
    }
  });

  it('separates paragraphs with one blank line', () => {
    const r = report([SAMPLE]);
    const paragraphs = r.text.split('\n\n');
    expect(paragraphs.length).toBeGreaterThanOrEqual(8);
    for (const p of paragraphs) expect(p.trim()).not.toBe('');
    expect(r.out.at(-1)).not.toBe('');
    expect(r.text).not.toContain('\n\n\n');
  });

  it('prints the English briefing with --lang en', () => {
    const r = report([SAMPLE, '--lang', 'en']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.text).toContain('Jan 2021 – Apr 2022');
    expect(r.text).toContain('At district level, 27,866 dossiers were handled');
    expect(r.text).toContain('₫545,180,000');
  });

  it('limits the briefing to --from and --to, and compares with the same months a year earlier when the data has them', () => {
    const r = report([SAMPLE, '--from', '2022-01', '--to', '2022-04']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.text).toContain('tháng 1/2022 – tháng 4/2022');
    expect(r.text).toContain('So với cùng kỳ năm trước (tháng 1/2021 – tháng 4/2021)');
    expect(r.text).not.toContain('27.866');
  });

  it('compares with the previous period with --compare previous, and refuses another mode', () => {
    const r = report([SAMPLE, '--from', '2022-01', '--to', '2022-04', '--compare', 'previous']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.text).toContain('So với kỳ trước (tháng 9/2021 – tháng 12/2021)');
    const en = report([SAMPLE, '--from', '2022-01', '--to', '2022-04', '--compare', 'year', '--lang', 'en']);
    expect(en.text).toContain('Compared with the same months a year earlier (Jan 2021 – Apr 2021)');
    const bad = report([SAMPLE, '--compare', 'last-year']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.err).toContain('--compare: phải là previous, year (last-year)');
  });

  it('says why the whole span is compared with nothing', () => {
    // Sixteen months: the previous sixteen are not in the data; a year earlier would overlap them.
    expect(report([SAMPLE]).text).toContain(
      'Dữ liệu không có đủ số liệu kỳ trước cùng độ dài (tháng 9/2019 – tháng 12/2020), nên chưa so sánh được.',
    );
    expect(report([SAMPLE, '--compare', 'year', '--lang', 'en']).text).toContain(
      'The period chosen is longer than twelve months, so it cannot be compared with the same months a year earlier',
    );
  });

  it('exits 2 for a range that is malformed, reversed or outside the data', () => {
    for (const args of [
      ['--from', '2022-13'],
      ['--from', '2022-04', '--to', '2022-01'],
      ['--to', '2023-01'],
    ]) {
      const r = report([SAMPLE, ...args]);
      expect(r.code).toBe(EXIT.usage);
      expect(r.text).toBe('');
      expect(r.err).toContain('report <file.json>');
    }
    expect(report([SAMPLE, '--from', '2020-01', '--lang', 'en']).err).toContain('is outside the data');
  });

  it('exits 2 for a missing file, a missing argument, a bad language or a flag it does not take', () => {
    expect(report(['nope.json']).code).toBe(EXIT.usage);
    expect(report([]).code).toBe(EXIT.usage);
    expect(report([SAMPLE, '--lang', 'fr']).code).toBe(EXIT.usage);
    expect(report([SAMPLE, '--json']).code).toBe(EXIT.usage);
    expect(report([SAMPLE, 'extra.json']).code).toBe(EXIT.usage);
  });

  it('exits 1 for a file that is refused, with the errors on standard error', () => {
    const r = report(['bad.json'], { 'bad.json': '{"schemaVersion": 1, "title": "x", "units": [], "records": []}' });
    expect(r.code).toBe(EXIT.refused);
    expect(r.text).toBe('');
    expect(r.err).toContain('bad.json: bị từ chối');
  });
});

import { readFileSync } from 'node:fs';
import {
  COMPARE_MODES,
  type CompareMode,
  defaultCompare,
  isCompareMode,
  type MonthsOfData,
} from '../domain/comparison-plan.ts';
import { LANGS, type Lang } from '../domain/format.ts';
import { describeError, moreErrors } from '../domain/messages.ts';
import { isMonth, type MonthRange } from '../domain/months.ts';
import { parseDatasetText } from '../domain/validate.ts';

/** What every command of the tthc tool shares: arguments, reading and checking a file, a range. */

/** Exit codes: 0 loaded, 1 refused data, 2 a usage mistake or an unreadable file. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  readFile: (path: string) => string;
}

export const USAGE = `Dùng / usage:
  npm run --silent tthc -- validate <file.json> [--lang vi|en] [--max-errors N]
  npm run --silent tthc -- summary <file.json> [--from YYYY-MM] [--to YYYY-MM] [--json] [--lang vi|en]`;

export class UsageError extends Error {}

export interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

export const VALUE_FLAGS = new Set([
  '--from',
  '--to',
  '--lang',
  '--max-errors',
  '--field',
  '--compare',
  '-o',
  '--out',
  '--units',
]);
export const BOOLEAN_FLAGS = new Set(['--json', '--help', '-h']);

export function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (VALUE_FLAGS.has(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} cần một giá trị / needs a value`);
      flags.set(arg, value);
    } else if (BOOLEAN_FLAGS.has(arg)) flags.set(arg, true);
    else if (arg.startsWith('-')) throw new UsageError(`Không rõ tuỳ chọn / unknown option: ${arg}`);
    else positional.push(arg);
  }
  return { positional, flags };
}

export function langOf(p: Parsed): Lang {
  const lang = p.flags.get('--lang') ?? 'vi';
  if (typeof lang !== 'string' || !(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError('--lang phải là vi hoặc en / must be vi or en');
  }
  return lang as Lang;
}

export function readInput(io: Io, path: string | undefined, lang: Lang): string {
  if (!path) throw new UsageError(lang === 'vi' ? 'Thiếu tên tệp.' : 'A file name is needed.');
  try {
    return io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? (lang === 'vi' ? 'không có tệp này' : 'no such file') : String(code ?? e);
    throw new UsageError(`${path}: ${why}`);
  }
}

export function load(io: Io, p: Parsed, lang: Lang) {
  const text = readInput(io, p.positional[1], lang);
  const result = parseDatasetText(text);
  if (!result.ok) {
    const file = p.positional[1];
    io.err(
      lang === 'vi'
        ? `${file}: bị từ chối, ${result.errorCount} lỗi.`
        : `${file}: refused, ${result.errorCount} error(s).`,
    );
    const max = Number(p.flags.get('--max-errors') ?? 100);
    const shown = result.errors.slice(0, Number.isFinite(max) && max > 0 ? max : 100);
    for (const e of shown) io.err(`  ${describeError(e, lang)}`);
    if (result.errorCount > shown.length) io.err(`  ${moreErrors(result.errorCount - shown.length, lang)}`);
  }
  return result;
}

export function rangeOf(p: Parsed, span: MonthRange, lang: Lang): MonthRange {
  const from = p.flags.get('--from') ?? span.from;
  const to = p.flags.get('--to') ?? span.to;
  for (const [flag, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (typeof value !== 'string' || !isMonth(value)) {
      throw new UsageError(
        `${flag}: ${lang === 'vi' ? 'tháng phải có dạng YYYY-MM' : 'a month must be YYYY-MM'} (${String(value)})`,
      );
    }
  }
  const range = { from: from as string, to: to as string };
  if (range.from > range.to) {
    throw new UsageError(
      lang === 'vi'
        ? `--from (${range.from}) ở sau --to (${range.to}).`
        : `--from (${range.from}) is after --to (${range.to}).`,
    );
  }
  if (range.from < span.from || range.to > span.to) {
    throw new UsageError(
      lang === 'vi'
        ? `Khoảng ${range.from}..${range.to} nằm ngoài dữ liệu (${span.from}..${span.to}).`
        : `The range ${range.from}..${range.to} is outside the data (${span.from}..${span.to}).`,
    );
  }
  return range;
}

export const nodeIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (path) => readFileSync(path, 'utf8'),
};

/** `--compare previous|year`, or the comparison the page opens with (the same months a year earlier when the data has them). */
export function compareOf(p: Parsed, data: MonthsOfData, range: MonthRange, lang: Lang): CompareMode {
  const value = p.flags.get('--compare');
  if (value === undefined) return defaultCompare(data, range);
  if (typeof value === 'string' && isCompareMode(value)) return value;
  throw new UsageError(
    `--compare: ${lang === 'vi' ? 'phải là' : 'must be'} ${COMPARE_MODES.join(', ')} (${String(value)})`,
  );
}

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PageEngine } from '../data/dataset-engine.ts';
import { buildDeckPayload, fillDeckTemplate } from '../data/deck-payload.ts';
import { LEVEL_FILTERS, type LevelFilter, type Selection } from '../domain/dashboard.ts';
import { datasetMeta } from '../domain/dataset-meta.ts';
import { formatRange, type Lang } from '../domain/format.ts';
import { indexDataset } from '../domain/metrics.ts';
import { compareOf, EXIT, type Io, langOf, load, type Parsed, rangeOf, UsageError } from './cli-kit.ts';

/** The usage line of this command, for the tool's help text. */
export const DECK_USAGE =
  '  npm run --silent tthc -- deck <file.json> [--from YYYY-MM] [--to YYYY-MM] [--level all|province|district|commune] [--unit <id>] [--field <id>] [--compare previous|year] [--lang vi|en] -o <deck.html>';

/** The limit for a deck (issue 12): it must fit any USB stick and open quickly on an old laptop. */
export const DECK_MAX_BYTES = 3 * 1024 * 1024;

const VALUE_FLAGS = new Set([
  '--from',
  '--to',
  '--level',
  '--unit',
  '--field',
  '--lang',
  '--max-errors',
  '-o',
  '--out',
]);

/** Its own flags (--level, --unit, --field); the same shape as the other commands' arguments. */
export function parseDeckArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (VALUE_FLAGS.has(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} cần một giá trị / needs a value`);
      flags.set(arg, value);
    } else if (arg === '--help' || arg === '-h') flags.set(arg, true);
    else if (arg.startsWith('-')) throw new UsageError(`deck: không rõ tuỳ chọn / unknown option: ${arg}`);
    else positional.push(arg);
  }
  return { positional, flags };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The build's folder; TTHC_DIST_DIR points at another one, as for the browser tests. */
const distDir = () => process.env.TTHC_DIST_DIR ?? join(ROOT, 'dist');
/** What the template is built from: newer than the template means it is out of date. */
const SOURCES = ['src', 'deck.html', 'scripts/deck-template.ts', 'package-lock.json'];

async function newestChange(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(entries.map((e) => newestChange(join(path, e.name))));
  return Math.max(info.mtimeMs, ...times);
}

export interface DeckTemplateSource {
  template: () => Promise<string>;
}

/**
 * dist/deck-template.html, the file the site's button uses, when `npm run build`
 * wrote it after the last change to the sources; otherwise (a fresh clone,
 * or sources changed since) the template is built in memory with Vite, and
 * nothing is written to dist/.
 */
export function builtOrFreshTemplate(io: Pick<Io, 'err'>, lang: Lang): DeckTemplateSource {
  return {
    template: async () => {
      const file = join(distDir(), 'deck-template.html');
      const built = (() => {
        try {
          return statSync(file).mtimeMs;
        } catch {
          return null;
        }
      })();
      const sources = Math.max(...(await Promise.all(SOURCES.map((s) => newestChange(join(ROOT, s))))));
      if (built !== null && built >= sources) return readFileSync(file, 'utf8');
      io.err(
        lang === 'vi'
          ? `${file} ${built === null ? 'chưa có' : 'cũ hơn mã nguồn'}: đang dựng mẫu bản trình chiếu (npm run build để bỏ qua bước này)…`
          : `${file} is ${built === null ? 'missing' : 'older than the sources'}: building the deck template (npm run build skips this)…`,
      );
      const { buildDeckTemplate } = await import('../../scripts/deck-template.ts');
      return buildDeckTemplate(ROOT);
    },
  };
}

function selectionOf(
  p: Parsed,
  meta: ReturnType<typeof datasetMeta>,
  lang: Lang,
): Omit<Selection, 'range' | 'compare'> {
  const level = p.flags.get('--level') ?? 'all';
  if (typeof level !== 'string' || !(LEVEL_FILTERS as readonly string[]).includes(level)) {
    throw new UsageError(`--level: ${lang === 'vi' ? 'phải là' : 'must be'} ${LEVEL_FILTERS.join(', ')} (${level})`);
  }
  const unit = p.flags.get('--unit');
  if (typeof unit === 'string' && !meta.unitsById.has(unit)) {
    throw new UsageError(
      lang === 'vi' ? `--unit: tệp không có đơn vị mã "${unit}".` : `--unit: the file has no unit with id "${unit}".`,
    );
  }
  const field = p.flags.get('--field');
  if (typeof field === 'string' && !(meta.fields ?? []).some((f) => f.id === field)) {
    throw new UsageError(
      lang === 'vi'
        ? `--field: tệp không có lĩnh vực mã "${field}".`
        : `--field: the file has no field with id "${field}".`,
    );
  }
  return {
    level: level as LevelFilter,
    unitId: typeof unit === 'string' ? unit : null,
    field: typeof field === 'string' ? field : null,
  };
}

function check(p: Parsed, lang: Lang): string {
  if (p.positional.length > 2) throw new UsageError(`deck: thừa tham số / unexpected argument: ${p.positional[2]}`);
  const out = p.flags.get('-o') ?? p.flags.get('--out');
  if (typeof out !== 'string' || out === '') {
    throw new UsageError(
      lang === 'vi'
        ? 'deck: cần -o <tệp.html> để ghi bản trình chiếu.'
        : 'deck: -o <file.html> is needed for the deck.',
    );
  }
  return out;
}

async function deck(io: Io, p: Parsed, source: DeckTemplateSource): Promise<number> {
  const lang = langOf(p);
  const output = check(p, lang);
  const result = load(io, p, lang);
  if (!result.ok) return EXIT.refused;
  const index = indexDataset(result.dataset);
  if (!index.span) throw new UsageError(lang === 'vi' ? 'Tệp không có bản ghi nào.' : 'The file has no records.');
  const meta = datasetMeta(index);
  const range = rangeOf(p, index.span, lang);
  const selection: Selection = { range, ...selectionOf(p, meta, lang), compare: compareOf(p, index, range, lang) };
  const payload = await buildDeckPayload(
    { meta, warnings: result.warnings, warningCount: result.warnings.length, engine: new PageEngine(index) },
    selection,
    lang,
  );
  const html = fillDeckTemplate(await source.template(), payload);
  try {
    writeFileSync(output, html);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${output}: ${String(code ?? e)}`);
  }
  const bytes = Buffer.byteLength(html);
  const mb = (bytes / 1024 / 1024).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
  const unit = selection.unitId ? ` — ${meta.unitsById.get(selection.unitId)?.name}` : '';
  io.out(`${output}: ${mb} MB — ${meta.title}, ${formatRange(selection.range, lang)}${unit}`);
  if (bytes > DECK_MAX_BYTES) {
    io.err(
      lang === 'vi'
        ? `Cảnh báo: bản trình chiếu lớn hơn 3 MB (${mb} MB).`
        : `Warning: the deck is larger than 3 MB (${mb} MB).`,
    );
  }
  return EXIT.ok;
}

/**
 * `deck <file> [--from] [--to] [--level] [--unit] [--field] [--lang] -o <deck.html>`: the
 * presentation of a selection as one HTML file that runs from a folder or a
 * USB stick with no server and no network. Exit codes as `validate`.
 */
export async function deckCommand(io: Io, argv: readonly string[], source?: DeckTemplateSource): Promise<number> {
  try {
    const p = parseDeckArgs(argv);
    if (p.flags.has('--help') || p.flags.has('-h')) {
      io.out(`Dùng / usage:\n${DECK_USAGE}`);
      return EXIT.ok;
    }
    return await deck(io, p, source ?? builtOrFreshTemplate(io, langOf(p)));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(`Dùng / usage:\n${DECK_USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}

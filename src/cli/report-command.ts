import { briefing } from '../domain/briefing.ts';
import { indexDataset } from '../domain/metrics.ts';
import { compareOf, EXIT, type Io, langOf, load, type Parsed, rangeOf, UsageError } from './cli-kit.ts';

/** The usage line of this command, for the tool's help text. */
export const REPORT_USAGE =
  '  npm run --silent tthc -- report <file.json> [--from YYYY-MM] [--to YYYY-MM] [--field <fieldId>] [--compare previous|year] [--lang vi|en]';

/** Flags that mean nothing to a briefing; accepting them silently would hide a typo in a script. */
const REFUSED_FLAGS = ['--json', '-o', '--out'];

function check(p: Parsed): void {
  for (const flag of REFUSED_FLAGS) {
    if (p.flags.has(flag)) throw new UsageError(`report: ${flag} không dùng được / cannot be used here`);
  }
  if (p.positional.length > 2) {
    throw new UsageError(`report: thừa tham số / unexpected argument: ${p.positional[2]}`);
  }
}

function report(io: Io, p: Parsed): number {
  check(p);
  const lang = langOf(p);
  const result = load(io, p, lang);
  if (!result.ok) return EXIT.refused;
  const index = indexDataset(result.dataset);
  if (!index.span) throw new UsageError(lang === 'vi' ? 'Tệp không có bản ghi nào.' : 'The file has no records.');
  const range = rangeOf(p, index.span, lang);
  const field = p.flags.get('--field');
  if (typeof field === 'string' && !index.fieldsById.has(field)) {
    const known = index.fields.map((f) => f.id).join(', ');
    throw new UsageError(
      lang === 'vi'
        ? `--field: không có lĩnh vực "${field}" trong số liệu${known ? ` (có: ${known})` : ''}.`
        : `--field: the data has no field "${field}"${known ? ` (it has: ${known})` : ''}.`,
    );
  }
  // Every level of the data, as the briefing panel shows it before any filter is chosen; every change is
  // compared as --compare says, or as the page opens (the same months a year earlier when the data has them).
  const selection = {
    range,
    level: 'all',
    unitId: null,
    field: typeof field === 'string' ? field : null,
    compare: compareOf(p, index, range, lang),
  } as const;
  const paragraphs = briefing(index, selection, lang);
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) io.out('');
    io.out(paragraph.text);
  });
  return EXIT.ok;
}

/**
 * `report <file> [--from] [--to] [--lang]`: the briefing as plain text.
 * Usage mistakes are answered here with exit code 2, so the command behaves
 * the same whether it is called from the tool's dispatcher or on its own.
 */
export function reportCommand(io: Io, p: Parsed): number {
  try {
    return report(io, p);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(`Dùng / usage:\n${REPORT_USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}

import { pathToFileURL } from 'node:url';
import { describeWarning } from '../domain/messages.ts';
import { indexDataset, summarize, TOTALS_KEYS, type Totals } from '../domain/metrics.ts';
import { EXIT, type Io, langOf, load, nodeIo, type Parsed, parseArgs, rangeOf, USAGE, UsageError } from './cli-kit.ts';
import { DECK_USAGE, deckCommand } from './deck-command.ts';
import { REPORT_USAGE, reportCommand } from './report-command.ts';
import { summaryTable } from './summary-table.ts';

export { EXIT, type Io } from './cli-kit.ts';

const SPREADSHEET_USAGE = `  npm run --silent tthc -- convert <in.xlsx|in.csv …> -o <out.json> [--units <units.csv|xlsx>] [--lang vi|en]
  npm run --silent tthc -- template -o <file.xlsx|file.csv> [--lang vi|en]`;

/** A flag that only `report` reads; accepting it silently elsewhere would hide a mistake in a script. */
function refuseField(p: Parsed, command: string): void {
  if (p.flags.has('--field')) throw new UsageError(`${command}: --field không dùng được / cannot be used here`);
}

function validate(io: Io, p: Parsed): number {
  refuseField(p, 'validate');
  const lang = langOf(p);
  const result = load(io, p, lang);
  if (!result.ok) return EXIT.refused;
  const { dataset, warnings } = result;
  const names = new Map(dataset.units.map((u) => [u.id, u.name]));
  const fieldNames = new Map((dataset.fields ?? []).map((f) => [f.id, f.name]));
  io.out(
    lang === 'vi'
      ? `${p.positional[1]}: hợp lệ — ${dataset.units.length} đơn vị, ${dataset.records.length} bản ghi, ${warnings.length} cảnh báo.`
      : `${p.positional[1]}: valid — ${dataset.units.length} units, ${dataset.records.length} records, ${warnings.length} warning(s).`,
  );
  for (const w of warnings)
    io.out(
      `  ${lang === 'vi' ? 'Cảnh báo' : 'Warning'} ${w.path}: ${describeWarning(w, lang, names.get(w.unitId), w.fieldId === undefined ? undefined : fieldNames.get(w.fieldId))}`,
    );
  return EXIT.ok;
}

function summary(io: Io, p: Parsed): number {
  refuseField(p, 'summary');
  const lang = langOf(p);
  const result = load(io, p, lang);
  if (!result.ok) return EXIT.refused;
  const index = indexDataset(result.dataset);
  if (!index.span) throw new UsageError(lang === 'vi' ? 'Tệp không có bản ghi nào.' : 'The file has no records.');
  const range = rangeOf(p, index.span, lang);
  const s = summarize(index, range);
  if (p.flags.get('--json')) {
    // Keys in the documented order, so the output reads the same every time.
    const ordered = (t: Record<string, unknown>) => Object.fromEntries(TOTALS_KEYS.map((k) => [k, t[k]]));
    const each = (m: Record<string, Totals>) =>
      Object.fromEntries(Object.entries(m).map(([k, t]) => [k, ordered({ ...t })]));
    const out: Record<string, unknown> = { from: s.from, to: s.to, levels: each(s.levels), units: each(s.units) };
    // Present only when the dataset reports by field, so a version-1 file prints what it always did.
    if (s.fields) out.fields = Object.fromEntries(Object.entries(s.fields).map(([k, m]) => [k, each(m)]));
    if (s.unitFields) out.unitFields = Object.fromEntries(Object.entries(s.unitFields).map(([k, m]) => [k, each(m)]));
    io.out(JSON.stringify(out, null, 2));
    return EXIT.ok;
  }
  for (const line of summaryTable(index, s, lang)) io.out(line);
  return EXIT.ok;
}

/** Runs one command; returns the exit code. */
export function run(argv: readonly string[], io: Io): number | Promise<number> {
  // The deck has flags of its own (--level, --unit) and parses its arguments itself.
  if (argv[0] === 'deck') return deckCommand(io, argv);
  try {
    const p = parseArgs(argv);
    const command = p.positional[0];
    if (p.flags.has('--help') || p.flags.has('-h')) {
      io.out(`${USAGE}\n${REPORT_USAGE}\n${SPREADSHEET_USAGE}\n${DECK_USAGE}`);
      return EXIT.ok;
    }
    // Only convert reads a units file; accepting it silently elsewhere would hide a mistake in a script.
    if (p.flags.has('--units') && command !== 'convert') {
      throw new UsageError(`${command ?? ''}: --units không dùng được / cannot be used here`);
    }
    switch (command) {
      case 'validate':
        return validate(io, p);
      case 'summary':
        return summary(io, p);
      case 'report':
        return reportCommand(io, p);
      // The spreadsheet libraries load only for the commands that need them.
      case 'convert':
        return import('./convert-command.ts').then((m) => m.convertCommand(io, p));
      case 'template':
        return import('./template-command.ts').then((m) => m.templateCommand(io, p));
      default:
        throw new UsageError(command ? `Không rõ lệnh / unknown command: ${command}` : 'Thiếu lệnh / no command');
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(USAGE);
      return EXIT.usage;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void Promise.resolve(run(process.argv.slice(2), nodeIo)).then((code) => {
    process.exitCode = code;
  });
}

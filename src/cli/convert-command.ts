import { readFileSync, writeFileSync } from 'node:fs';
import {
  datasetJsonText,
  describeTableError,
  describeTableNote,
  describeTableWarning,
  readSpreadsheet,
} from '../data/spreadsheet.ts';
import type { Lang } from '../domain/format.ts';
import { moreErrors } from '../domain/messages.ts';
import { EXIT, type Io, langOf, type Parsed, UsageError } from './cli-kit.ts';

/** The usage line of this command, for the tool's help text. */
export const CONVERT_USAGE =
  '  npm run --silent tthc -- convert <file.xlsx|file.csv> -o <file.json> [--lang vi|en] [--max-errors N]';

/** Reading and writing whole files as bytes: spreadsheets are binary, which Io.readFile (text) cannot carry. */
export interface FileIo {
  readBytes: (path: string) => Uint8Array;
  writeFile: (path: string, data: string | Uint8Array) => void;
}

export const nodeFileIo: FileIo = {
  readBytes: (path) => readFileSync(path),
  writeFile: (path, data) => writeFileSync(path, data),
};

/** The output file named by -o/--out; refused when missing. */
export function outputPath(p: Parsed, command: string, lang: Lang): string {
  const out = p.flags.get('-o') ?? p.flags.get('--out');
  if (typeof out !== 'string' || out === '') {
    throw new UsageError(
      lang === 'vi' ? `${command}: cần -o <tệp> để ghi kết quả.` : `${command}: -o <file> is needed for the output.`,
    );
  }
  return out;
}

export function fileError(path: string, e: unknown, lang: Lang): UsageError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? lang === 'vi'
        ? 'không có tệp hoặc thư mục này'
        : 'no such file or folder'
      : code === 'EISDIR'
        ? lang === 'vi'
          ? 'là một thư mục'
          : 'is a folder'
        : String(code ?? e);
  return new UsageError(`${path}: ${why}`);
}

function check(p: Parsed, lang: Lang): { input: string; output: string } {
  if (p.flags.has('--json')) throw new UsageError('convert: --json không dùng được / cannot be used here');
  const input = p.positional[1];
  if (!input)
    throw new UsageError(
      lang === 'vi' ? 'convert: thiếu tên tệp bảng tính.' : 'convert: a spreadsheet file is needed.',
    );
  if (p.positional.length > 2) throw new UsageError(`convert: thừa tham số / unexpected argument: ${p.positional[2]}`);
  if (/\.json$/i.test(input)) {
    throw new UsageError(
      lang === 'vi'
        ? `convert: ${input} đã là JSON; hãy dùng lệnh validate.`
        : `convert: ${input} is JSON already; use the validate command.`,
    );
  }
  const output = outputPath(p, 'convert', lang);
  if (!/\.json$/i.test(output)) {
    throw new UsageError(
      lang === 'vi' ? 'convert: tệp kết quả phải có đuôi .json.' : 'convert: the output must be a .json file.',
    );
  }
  return { input, output };
}

async function convert(io: Io, p: Parsed, files: FileIo): Promise<number> {
  const lang = langOf(p);
  const { input, output } = check(p, lang);
  let bytes: Uint8Array;
  try {
    bytes = files.readBytes(input);
  } catch (e) {
    throw fileError(input, e, lang);
  }
  const result = await readSpreadsheet(bytes, input.replace(/^.*[\\/]/, ''));
  const notes = result.notes.map((n) => `  ${lang === 'vi' ? 'Lưu ý' : 'Note'}: ${describeTableNote(n, lang)}`);
  if (!result.ok) {
    io.err(
      lang === 'vi'
        ? `${input}: bị từ chối, ${result.errorCount} lỗi; chưa ghi ${output}.`
        : `${input}: refused, ${result.errorCount} error(s); ${output} not written.`,
    );
    const max = Number(p.flags.get('--max-errors') ?? result.errors.length);
    const shown = result.errors.slice(0, Number.isFinite(max) && max > 0 ? max : result.errors.length);
    for (const e of shown) io.err(`  ${describeTableError(e, lang)}`);
    if (result.errorCount > shown.length) io.err(`  ${moreErrors(result.errorCount - shown.length, lang)}`);
    for (const line of notes) io.err(line);
    return EXIT.refused;
  }
  try {
    files.writeFile(output, datasetJsonText(result.dataset));
  } catch (e) {
    throw fileError(output, e, lang);
  }
  const { dataset, warnings } = result;
  io.out(
    lang === 'vi'
      ? `${input} → ${output}: ${dataset.units.length} đơn vị, ${dataset.records.length} bản ghi, ${warnings.length} cảnh báo.`
      : `${input} → ${output}: ${dataset.units.length} units, ${dataset.records.length} records, ${warnings.length} warning(s).`,
  );
  for (const w of warnings) io.out(`  ${lang === 'vi' ? 'Cảnh báo' : 'Warning'}: ${describeTableWarning(w, lang)}`);
  for (const line of notes) io.out(line);
  return EXIT.ok;
}

/**
 * `convert <in.xlsx|in.csv> -o <out.json> [--lang] [--max-errors]`: a spreadsheet
 * to a dataset file, checked exactly as `validate` checks JSON. Exit 0 written
 * (warnings printed), 1 refused with every error placed by sheet, row and
 * column, 2 a usage mistake or a file that cannot be read or written. Usage
 * mistakes are answered here, so the promise never rejects for them.
 */
export async function convertCommand(io: Io, p: Parsed, files: FileIo = nodeFileIo): Promise<number> {
  try {
    return await convert(io, p, files);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(`Dùng / usage:\n${CONVERT_USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}

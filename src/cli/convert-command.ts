import { readFileSync, writeFileSync } from 'node:fs';
import { convertSpreadsheets, type SpreadsheetFile } from '../data/spreadsheet.ts';
import { datasetJsonText } from '../domain/dataset-json-text.ts';
import type { Lang } from '../domain/format.ts';
import { moreErrors } from '../domain/messages.ts';
import { describeSheetError, describeSheetNote, describeSheetWarning } from '../domain/spreadsheet/messages.ts';
import { EXIT, type Io, langOf, type Parsed, UsageError } from './cli-kit.ts';

/** The usage line of this command, for the tool's help text. */
export const CONVERT_USAGE =
  '  npm run --silent tthc -- convert <file.xlsx|file.csv …> -o <file.json> [--units <units.csv|xlsx>] [--lang vi|en] [--max-errors N]';

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

function check(p: Parsed, lang: Lang): { inputs: string[]; output: string; units?: string } {
  if (p.flags.has('--json')) throw new UsageError('convert: --json không dùng được / cannot be used here');
  const inputs = p.positional.slice(1);
  if (inputs.length === 0)
    throw new UsageError(
      lang === 'vi' ? 'convert: thiếu tên tệp bảng tính.' : 'convert: a spreadsheet file is needed.',
    );
  const json = inputs.find((i) => /\.json$/i.test(i));
  if (json) {
    throw new UsageError(
      lang === 'vi'
        ? `convert: ${json} đã là JSON; hãy dùng lệnh validate.`
        : `convert: ${json} is JSON already; use the validate command.`,
    );
  }
  const output = outputPath(p, 'convert', lang);
  if (!/\.json$/i.test(output)) {
    throw new UsageError(
      lang === 'vi' ? 'convert: tệp kết quả phải có đuôi .json.' : 'convert: the output must be a .json file.',
    );
  }
  const units = p.flags.get('--units');
  return { inputs, output, ...(typeof units === 'string' ? { units } : {}) };
}

const baseName = (path: string) => path.replace(/^.*[\\/]/, '');

/** Files are named by their base name in messages, or by their path where two share a name. */
function namesOf(paths: readonly string[]): string[] {
  const bases = paths.map(baseName);
  return paths.map((path, i) => (bases.filter((b) => b === bases[i]).length > 1 ? path : (bases[i] as string)));
}

async function convert(io: Io, p: Parsed, files: FileIo): Promise<number> {
  const lang = langOf(p);
  const { inputs, output, units } = check(p, lang);
  const read = (path: string, name: string): SpreadsheetFile => {
    try {
      return { name, bytes: files.readBytes(path) };
    } catch (e) {
      throw fileError(path, e, lang);
    }
  };
  const names = namesOf(units === undefined ? inputs : [...inputs, units]);
  const sources = inputs.map((path, i) => read(path, names[i] as string));
  const unitsFile = units === undefined ? undefined : read(units, names[inputs.length] as string);
  const result = await convertSpreadsheets(sources, unitsFile ? { units: unitsFile } : {});
  const label =
    inputs.length === 1 ? (inputs[0] as string) : lang === 'vi' ? `${inputs.length} tệp` : `${inputs.length} files`;
  const notes = result.notes.map((n) => `  ${lang === 'vi' ? 'Lưu ý' : 'Note'}: ${describeSheetNote(n, lang)}`);
  if (!result.ok) {
    io.err(
      lang === 'vi'
        ? `${label}: bị từ chối, ${result.errorCount} lỗi; chưa ghi ${output}.`
        : `${label}: refused, ${result.errorCount} error(s); ${output} not written.`,
    );
    const max = Number(p.flags.get('--max-errors') ?? result.errors.length);
    const shown = result.errors.slice(0, Number.isFinite(max) && max > 0 ? max : result.errors.length);
    for (const e of shown) io.err(`  ${describeSheetError(e, lang)}`);
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
  const fields = dataset.fields?.length ?? 0;
  io.out(
    lang === 'vi'
      ? `${label} → ${output}: ${dataset.units.length} đơn vị, ${fields > 0 ? `${fields} lĩnh vực, ` : ''}${dataset.records.length} bản ghi, ${warnings.length} cảnh báo.`
      : `${label} → ${output}: ${dataset.units.length} units, ${fields > 0 ? `${fields} fields, ` : ''}${dataset.records.length} records, ${warnings.length} warning(s).`,
  );
  for (const w of warnings) io.out(`  ${lang === 'vi' ? 'Cảnh báo' : 'Warning'}: ${describeSheetWarning(w, lang)}`);
  for (const line of notes) io.out(line);
  return EXIT.ok;
}

/**
 * `convert <file…> -o <out.json> [--units <file>] [--lang] [--max-errors]`:
 * spreadsheets (the official monthly reports of units, the project's table)
 * into one dataset file, checked exactly as `validate` checks JSON. Exit 0
 * written (warnings printed), 1 refused with every error placed by file,
 * sheet, row and column, 2 a usage mistake or a file that cannot be read or
 * written. Usage mistakes are answered here, so the promise never rejects for them.
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

import { type SpreadsheetKind, writeTemplate } from '../data/spreadsheet.ts';
import { EXIT, type Io, langOf, type Parsed, UsageError } from './cli-kit.ts';
import { type FileIo, fileError, nodeFileIo, outputPath } from './convert-command.ts';

/** The usage line of this command, for the tool's help text. */
export const TEMPLATE_USAGE = '  npm run --silent tthc -- template -o <file.xlsx|file.csv> [--lang vi|en]';

async function template(io: Io, p: Parsed, files: FileIo): Promise<number> {
  const lang = langOf(p);
  if (p.positional.length > 1) throw new UsageError(`template: thừa tham số / unexpected argument: ${p.positional[1]}`);
  const output = outputPath(p, 'template', lang);
  const kind = /\.(xlsx|csv)$/i.exec(output)?.[1]?.toLowerCase() as SpreadsheetKind | undefined;
  if (!kind) {
    throw new UsageError(
      lang === 'vi'
        ? 'template: tệp mẫu phải có đuôi .xlsx hoặc .csv.'
        : 'template: the file must end in .xlsx or .csv.',
    );
  }
  const bytes = await writeTemplate(kind);
  try {
    files.writeFile(output, bytes);
  } catch (e) {
    throw fileError(output, e, lang);
  }
  io.out(
    lang === 'vi'
      ? `Đã ghi mẫu bảng tính ${output}. Điền số liệu, xoá dòng ví dụ, rồi chạy: convert ${output} -o <tệp.json>`
      : `Template written to ${output}. Fill in the figures, delete the example row, then run: convert ${output} -o <file.json>`,
  );
  return EXIT.ok;
}

/**
 * `template -o <file.xlsx|file.csv>`: the blank table with Vietnamese headers,
 * a row of meanings and rules, an example row and (xlsx) the "Thông tin"
 * sheet. Exit 0 written, 2 a usage mistake or a file that cannot be written.
 */
export async function templateCommand(io: Io, p: Parsed, files: FileIo = nodeFileIo): Promise<number> {
  try {
    return await template(io, p, files);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(`Dùng / usage:\n${TEMPLATE_USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}

/**
 * CSV text as Excel writes and reads it: fields separated by `;` where the
 * decimal mark is a comma (Vietnamese Windows), by `,` elsewhere; quoted
 * fields may hold separators, quotes and line breaks.
 */

const SEPARATORS = [';', ',', '\t'] as const;

/** Which of `;`, `,` and tab separates the fields: the one found most often outside quotes in the first lines. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 5; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') lines++;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [sep, n] of counts) {
    if (n > most) [best, most] = [sep, n];
  }
  return best;
}

/**
 * RFC 4180 fields: quoted fields may hold separators, line breaks and doubled
 * quotes; CRLF, LF or CR end a row. Every line is a row, empty ones included,
 * so row numbers are those a spreadsheet shows. A leading apostrophe that
 * defuses a formula (`'=…`, written by rowsToCsv) is taken off again.
 */
export function parseCsv(input: string, separator?: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(/^'[=+\-@]/.test(field) ? field.slice(1) : field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === sep) endField();
    else if (ch === '\r') {
      if (text[i + 1] === '\n') i++;
      endRow();
    } else if (ch === '\n') endRow();
    else field += ch;
  }
  if (field !== '' || row.length > 0 || wasQuoted) endRow();
  return rows;
}

function csvField(value: string | number | null, sep: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Defuse text a spreadsheet would run as a formula; parseCsv takes the apostrophe off.
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return text.includes(sep) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV: `;` between fields (Excel on Vietnamese Windows), CRLF, with a byte-order mark. */
export function rowsToCsv(rows: readonly (readonly (string | number | null)[])[], sep = ';'): string {
  return `\ufeff${rows.map((r) => r.map((c) => csvField(c, sep)).join(sep)).join('\r\n')}\r\n`;
}

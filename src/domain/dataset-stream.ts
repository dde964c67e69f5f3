import { RECORD_FIELDS_KEY, recordFieldsErrors } from './record-rows.ts';
import type { SchemaVersion } from './schema.ts';
import {
  type LoadResult,
  parseDatasetText,
  type RowRead,
  recordCrossCheck,
  recordPasses,
  rowReader,
  validateDataset,
} from './validate.ts';

/**
 * Reads a dataset's text as it arrives, so that most of the parsing is done by the time the last byte is in
 * (decision 0017). A province's file is mostly its records: while the rest of the file is still on its way,
 * every run of complete records is parsed and checked, and at the end only the short remainder is parsed
 * and the file validated as a whole.
 *
 * The result always equals `parseDatasetText` of the whole text. Whenever the text is anything but a plain
 * JSON object whose `records` is a list (not JSON, an HTML page, a syntax error anywhere, a key given twice,
 * a list with an empty item), the reader gives up its shortcuts and hands the whole text to
 * `parseDatasetText`, so errors keep their exact wording and position.
 */
export interface DatasetTextReader {
  /** The next piece of the text, in order. */
  push(text: string): void;
  /** The text is complete: the dataset, validated, or its errors. */
  finish(): LoadResult;
}

/** Records are parsed in runs of about this many characters: small enough to parse between two network reads. */
export const RECORD_RUN_CHARS = 1 << 18;

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * The last comma of a piece with "}" or "]" before it and "{" or "[" after it (records as objects or as rows),
 * blanks allowed between, all within the piece; −1 if none.
 */
function lastCut(piece: string): number {
  let comma = piece.lastIndexOf(',');
  while (comma > 0) {
    let before = comma - 1;
    while (before >= 0 && isBlank(piece.charCodeAt(before))) before--;
    let after = comma + 1;
    while (after < piece.length && isBlank(piece.charCodeAt(after))) after++;
    const closing = before >= 0 ? piece.charCodeAt(before) : 0;
    const opening = after < piece.length ? piece.charCodeAt(after) : 0;
    if (
      (closing === CLOSE_BRACE || closing === CLOSE_BRACKET) &&
      (opening === OPEN_BRACE || opening === OPEN_BRACKET)
    ) {
      return comma;
    }
    comma = piece.lastIndexOf(',', comma - 1);
  }
  return -1;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function createDatasetReader(runChars: number = RECORD_RUN_CHARS): DatasetTextReader {
  const whole: string[] = [];
  /** Something is not as expected: the whole text goes through `parseDatasetText` at the end. */
  let fallback = false;
  let started = false;
  /** No character has come yet: a byte-order mark here opens the text. */
  let atStart = true;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let phase: 'head' | 'records' | 'tail' = 'head';
  const head: string[] = [];
  const tail: string[] = [];
  // Keys of the top-level object, read as they pass.
  let expectKey = false;
  let keyParts: string[] | null = null;
  let lastKey: string | null = null;
  let awaitingRecords = false;
  let sawRecords = false;
  // The values of a top-level schemaVersion, recordFields, units and fields met before the records: the
  // records can then be read and checked as they come. One value is read at a time: `valueKey` says whose
  // text `valueParts` holds.
  let valueParts: string[] | null = null;
  let valueKey: 'schemaVersion' | 'recordFields' | 'units' | 'fields' | null = null;
  let unitsText: string | null = null;
  let fieldListText: string | null = null;
  /**
   * Units or fields given after the records: the records' cross-checks are left to the end. (Given twice
   * before them, the last is the one read, as JSON.parse keeps the last.)
   */
  let crossLater = false;
  let version: SchemaVersion | null = null;
  let sawVersion = false;
  let fieldsText: string | null = null;
  let sawFields = false;
  /** Reads each row into its record when the records are rows (record-rows.ts), fixed as the records start. */
  let readRow: ((row: unknown) => RowRead | null) | null = null;
  // The records: text not yet parsed, and what was parsed.
  let work = '';
  /** Inside the records, the pieces received since the last run was parsed. */
  let pieces: string[] = [];
  let piecesLength = 0;
  /** How many of `pieces` have been searched for a place to cut and had none. */
  let searchedPieces = 0;
  let itemHasContent = false;
  let sawComma = false;
  const records: unknown[] = [];
  let recordsPass = true;
  /** The record cross-checks of validateDataset, run as the records come (when units came before them). */
  let crossCheck: ((record: unknown, index: number) => boolean) | null = null;
  let crossPass = false;

  const crossCheckFrom = (from: number): void => {
    if (!crossPass || !crossCheck) return;
    for (let k = from; k < records.length; k++) {
      if (!crossCheck(records[k], k)) {
        crossPass = false;
        return;
      }
    }
  };

  const parseRun = (text: string): void => parseJoinedRun(`[${text}]`);

  /** Parses a run of records given with its brackets, and checks them. */
  const parseJoinedRun = (bracketed: string): void => {
    if (fallback) return;
    let run: unknown;
    try {
      run = JSON.parse(bracketed);
    } catch {
      fallback = true;
      return;
    }
    const items = run as unknown[];
    const from = records.length;
    if (readRow) {
      // Rows: each read into its record and checked in one walk (rowReader).
      for (let k = 0; k < items.length; k++) {
        const read = readRow(items[k]);
        // A row that cannot be read: parseDatasetText names it.
        if (!read) {
          fallback = true;
          return;
        }
        records.push(read.record);
        if (!read.passes) recordsPass = false;
      }
      crossCheckFrom(from);
      return;
    }
    for (let k = 0; k < items.length; k++) records.push(items[k]);
    crossCheckFrom(from);
    if (recordsPass) {
      if (version === null) recordsPass = false;
      else {
        for (let k = 0; k < items.length; k++) {
          if (!recordPasses(items[k], version)) {
            recordsPass = false;
            break;
          }
        }
      }
    }
  };

  const endKey = (): void => {
    if (!keyParts) return;
    const raw = keyParts.join('');
    keyParts = null;
    try {
      lastKey = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    } catch {
      fallback = true;
    }
  };

  const endValue = (): void => {
    if (valueParts === null) return;
    const text = valueParts.join('').trim();
    if (valueKey === 'schemaVersion') {
      version = text === '1' ? 1 : text === '2' ? 2 : null;
    } else if (valueKey === 'recordFields') fieldsText = text;
    else if (valueKey === 'units') unitsText = text;
    else fieldListText = text;
    valueParts = null;
    valueKey = null;
  };

  /**
   * As the records start: rows when recordFields came before them and can be used, else records as objects;
   * and the cross-checks, when the units came before them (and the fields, if the file has any by then).
   */
  const startRecords = (): void => {
    if (unitsText !== null && version !== null && !crossLater) {
      try {
        const units: unknown = JSON.parse(unitsText);
        const fields: unknown = fieldListText === null ? undefined : JSON.parse(fieldListText);
        crossCheck = recordCrossCheck(units, fields, version);
        crossPass = true;
      } catch {
        // Not JSON: the whole text goes to parseDatasetText at the end anyway.
      }
    }
    if (fieldsText === null) return;
    let names: unknown;
    try {
      names = JSON.parse(fieldsText);
    } catch {
      fallback = true;
      return;
    }
    if (version === null || recordFieldsErrors(names, version).length > 0) fallback = true;
    else {
      readRow = rowReader(names as string[], version);
    }
  };

  /**
   * Inside the records, the text is not read character by character: each new piece is searched from its
   * end for a "}" "," "{" (blanks allowed between them) within it, and the text before that comma parsed as
   * one run. A cut that falls inside a string or inside a record leaves a run that is not JSON, so a run that
   * parses was cut between records; one that does not sends the whole text to parseDatasetText. The last
   * run, the end of the list and what follows are read character by character in finish(). Pieces are kept
   * apart and joined once per run, brackets included, so each character is copied once before parsing.
   */
  const takeRecords = (chunk: string): void => {
    if (work) {
      pieces.push(work);
      piecesLength += work.length;
      work = '';
    }
    pieces.push(chunk);
    piecesLength += chunk.length;
    if (piecesLength < runChars) return;
    // Only pieces not searched before: a list with no place to cut costs no more than it grows.
    for (let k = pieces.length - 1; k >= searchedPieces; k--) {
      const piece = pieces[k] as string;
      const comma = lastCut(piece);
      if (comma < 0) continue;
      const run = ['[', ...pieces.slice(0, k), piece.slice(0, comma), ']'];
      const rest = [piece.slice(comma + 1), ...pieces.slice(k + 1)];
      pieces = rest;
      piecesLength = rest.reduce((n, p) => n + p.length, 0);
      searchedPieces = rest.length;
      sawComma = true;
      parseJoinedRun(run.join(''));
      return;
    }
    searchedPieces = pieces.length;
  };

  /** Reads text character by character: the start of the file up to its records, and the end in finish(). */
  const scan = (chunk: string): void => {
    let i = 0;
    // Where the part of this chunk that belongs to the current phase (head, records or tail) begins.
    let from = 0;
    if (!started) {
      // A byte-order mark opens the text only; parseDatasetText drops it too.
      if (atStart && chunk.charCodeAt(0) === 0xfeff) i = 1;
      if (chunk.length > 0) atStart = false;
      while (i < chunk.length && isBlank(chunk.charCodeAt(i))) i++;
      if (i === chunk.length) return;
      if (chunk.charCodeAt(i) !== OPEN_BRACE) {
        fallback = true;
        return;
      }
      started = true;
      from = i;
    }
    const n = chunk.length;
    let keyFrom = -1;
    let valueFrom = -1;
    if (keyParts) keyFrom = 0;
    if (valueParts) valueFrom = 0;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (keyFrom >= 0 && keyParts) {
            keyParts.push(chunk.slice(keyFrom, i));
            keyFrom = -1;
            endKey();
            if (fallback) return;
          }
        }
        continue;
      }
      if (isBlank(c)) continue;
      if (phase === 'records' && depth >= 2 && !(depth === 2 && (c === COMMA || c === CLOSE_BRACKET))) {
        itemHasContent = true;
      }
      if (awaitingRecords && c !== OPEN_BRACKET) {
        // records is not a list: the validator says so, from the whole text.
        fallback = true;
        return;
      }
      switch (c) {
        case QUOTE:
          inString = true;
          if (depth === 1 && expectKey) {
            keyParts = [];
            keyFrom = i + 1;
          }
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          depth++;
          if (depth === 1) expectKey = true;
          if (awaitingRecords) {
            awaitingRecords = false;
            phase = 'records';
            head.push(chunk.slice(from, i + 1));
            from = i + 1;
            startRecords();
            if (fallback) return;
          }
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (depth === 1 && valueParts) {
            if (valueFrom >= 0) valueParts.push(chunk.slice(valueFrom, i));
            valueFrom = -1;
            endValue();
          }
          depth--;
          if (depth < 0) {
            fallback = true;
            return;
          }
          if (phase === 'records' && depth === 1) {
            const rest = work + chunk.slice(from, i);
            work = '';
            if (sawComma && !itemHasContent) {
              fallback = true;
              return;
            }
            if (itemHasContent) parseRun(rest);
            if (fallback) return;
            phase = 'tail';
            from = i;
          }
          break;
        case COMMA:
          if (depth === 1) {
            if (valueParts) {
              if (valueFrom >= 0) valueParts.push(chunk.slice(valueFrom, i));
              valueFrom = -1;
              endValue();
            }
            expectKey = true;
          } else if (phase === 'records' && depth === 2) {
            if (!itemHasContent) {
              fallback = true;
              return;
            }
            sawComma = true;
            itemHasContent = false;
            if (work.length + (i - from) >= runChars) {
              parseRun(work + chunk.slice(from, i));
              if (fallback) return;
              work = '';
              from = i + 1;
            }
          }
          break;
        case COLON:
          if (depth === 1) {
            expectKey = false;
            if (lastKey === 'records') {
              if (sawRecords) {
                fallback = true;
                return;
              }
              sawRecords = true;
              awaitingRecords = true;
            } else if (lastKey === 'units' || lastKey === 'fields') {
              const isUnits = lastKey === 'units';
              // After the records, which were checked against what came before: checked at the end.
              if (phase !== 'head') {
                crossLater = true;
                crossPass = false;
              } else {
                valueParts = [];
                valueKey = isUnits ? 'units' : 'fields';
                valueFrom = i + 1;
              }
            } else if (lastKey === 'schemaVersion' || lastKey === RECORD_FIELDS_KEY) {
              const isVersion = lastKey === 'schemaVersion';
              // Given twice, or recordFields after the records were read as objects: parseDatasetText decides.
              if ((isVersion ? sawVersion : sawFields) || (!isVersion && phase !== 'head')) {
                fallback = true;
                return;
              }
              if (isVersion) sawVersion = true;
              else sawFields = true;
              if (phase === 'head') {
                valueParts = [];
                valueKey = isVersion ? 'schemaVersion' : 'recordFields';
                valueFrom = i + 1;
              }
            }
            lastKey = null;
          }
          break;
      }
    }
    if (keyFrom >= 0 && keyParts) keyParts.push(chunk.slice(keyFrom));
    if (valueFrom >= 0 && valueParts) valueParts.push(chunk.slice(valueFrom));
    if (phase === 'head') head.push(chunk.slice(from));
    else if (phase === 'records') work += chunk.slice(from);
    else tail.push(chunk.slice(from));
  };

  const push = (chunk: string): void => {
    whole.push(chunk);
    if (fallback) return;
    if (phase === 'records') takeRecords(chunk);
    else scan(chunk);
  };

  const finish = (): LoadResult => {
    if (!fallback && phase === 'records') {
      // What is left of the records starts between two records: read it, the end of the list and the rest.
      const rest = pieces.join('') + work;
      pieces = [];
      work = '';
      depth = 2;
      inString = false;
      escaped = false;
      itemHasContent = false;
      scan(rest);
    }
    if (fallback || phase !== 'tail' || depth !== 0 || inString) return parseDatasetText(whole.join(''));
    // The file without its records: short, and parsed in one go. The tail starts with the records' "]".
    let rest: unknown;
    try {
      rest = JSON.parse(head.join('') + tail.join(''));
    } catch {
      return parseDatasetText(whole.join(''));
    }
    const input = rest as Record<string, unknown>;
    // Read as rows with the one recordFields and schemaVersion the file gives (twice sends it to
    // parseDatasetText), so they are the parsed file's: what is left is a dataset of records.
    if (readRow) delete input[RECORD_FIELDS_KEY];
    input.records = records;
    const sameVersion = version !== null && input.schemaVersion === version;
    return validateDataset(input, {
      recordsPassFor: recordsPass && sameVersion ? version : null,
      recordsCrossCheckedFor: crossPass && !crossLater && sameVersion ? version : null,
    });
  };

  return { push, finish };
}

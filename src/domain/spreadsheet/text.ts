/**
 * Text as a spreadsheet reader compares it: headers, labels, unit and field
 * names typed by hand in any case, with stray spaces, line breaks inside a
 * cell, and either spelling of the tone marks.
 */

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';
const OLD_STYLE_TONE = new RegExp(`([o])([${TONE_MARKS}])([ae])|([u])([${TONE_MARKS}])(y)`, 'g');

/**
 * A label as compared: Unicode NFC, lower case, one space between words, no
 * spaces around punctuation, and the tone mark of `oa`, `oe`, `uy` on the
 * second vowel, so the old and new spellings (hòa/hoà, thủy/thuỷ) match.
 */
export function normalizeLabel(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(OLD_STYLE_TONE, (_m, o, t1, a, u, t2, y) => (o ? `${o}${a}${t1}` : `${u}${y}${t2}`))
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s*([/,;:()–-])\s*/g, '$1')
    .replace(/[*:]+$/, '');
}

/** A normalised label without a note in brackets at its end: `đúng hạn(bao gồm …)` → `đúng hạn`. */
export function withoutTrailingNote(normalized: string): string {
  return normalized.replace(/\([^()]*\)$/, '').trim();
}

/** A normalised label without any note in brackets, wherever it stands. */
export function withoutNotes(normalized: string): string {
  return normalized
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text as shown in a message: spaces and line breaks collapsed, as Excel shows a wrapped cell on one line. */
export function oneLine(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/**
 * An ASCII slug: `Xã An Phú` → `xa-an-phu`, `Lao động – Thương binh và Xã hội`
 * → `lao-dong-thuong-binh-va-xa-hoi`. Tone and vowel marks are dropped, đ is d.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function upperFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** True when the text has letters and none of them is lower case (`UBND XÃ AN PHÚ`). */
export function isAllUpper(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase();
}

/** Every word with a capital first letter, the rest lower case: `AN PHÚ` → `An Phú`. */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(' ')
    .map((w) => w.replace(/^\p{L}/u, (c) => c.toUpperCase()))
    .join(' ');
}

/** A field name as written in normal case: `ĐẤT ĐAI` → `Đất đai`; text in mixed case is kept as typed. */
export function sentenceCase(text: string): string {
  const t = oneLine(text);
  return upperFirst(isAllUpper(t) ? t.toLowerCase() : t);
}

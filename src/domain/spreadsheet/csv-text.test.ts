import { describe, expect, it } from 'vitest';
import { detectSeparator, parseCsv, rowsToCsv } from './csv-text.ts';

describe('CSV text', () => {
  it('detects `;`, `,` and tab, ignoring separators inside quotes', () => {
    expect(detectSeparator('a;b;"c,d,e"\r\n1;2;3')).toBe(';');
    expect(detectSeparator('"Phí; lệ phí",b,c\n1,2,3')).toBe(',');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(detectSeparator('Phí, lệ phí;Tháng;Mã đơn vị')).toBe(';');
  });

  it('reads quoted fields with separators, quotes and line breaks, with or without a byte-order mark', () => {
    const text = 'a;"b;c";"say ""hi""";"two\nlines"\r\nx;;z;\n';
    const expected = [
      ['a', 'b;c', 'say "hi"', 'two\nlines'],
      ['x', '', 'z', ''],
    ];
    expect(parseCsv(text)).toEqual(expected);
    expect(parseCsv(`\ufeff${text}`)).toEqual(expected);
    expect(parseCsv('a,b\r\r\nc,d')).toEqual([['a', 'b'], [''], ['c', 'd']]);
  });

  it('writes rows that read back as written, formulas defused', () => {
    const csv = rowsToCsv([['a;b', 'say "hi"', null, 5, ' padded', '=HYPERLINK("x")']]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain(`;"'=HYPERLINK(""x"")"`);
    expect(parseCsv(csv)).toEqual([['a;b', 'say "hi"', '', '5', ' padded', '=HYPERLINK("x")']]);
  });
});

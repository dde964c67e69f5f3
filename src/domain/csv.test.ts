import { describe, expect, it } from 'vitest';
import { toCsv, toJson } from './csv.ts';

const table = {
  columns: [
    { key: 'name', label: 'Đơn vị' },
    { key: 'fees', label: 'Phí, lệ phí' },
    { key: 'rate', label: 'Tỷ lệ' },
  ],
  rows: [
    { name: 'Xã "Một"', fees: 545180000, rate: 0.986 },
    { name: '=HYPERLINK("x")', fees: 0, rate: null },
  ],
};

describe('CSV export', () => {
  it('starts with a byte-order mark, has a header row and plain numbers', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Đơn vị,"Phí, lệ phí",Tỷ lệ');
    expect(lines[1]).toBe('"Xã ""Một""",545180000,0.986');
  });

  it('leaves undefined figures empty and defuses formulas', () => {
    const lines = toCsv(table).slice(1).trimEnd().split('\r\n');
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",0,`);
  });

  it('writes the same rows as JSON', () => {
    const parsed = JSON.parse(toJson(table, { period: '2021-01..2022-04' }));
    expect(parsed.period).toBe('2021-01..2022-04');
    expect(parsed.rows[0].fees).toBe(545180000);
  });
});

import { describe, expect, it } from 'vitest';
import type { RawTable } from '../csv.ts';
import { columnFormat, exportSheet } from './table-export.ts';

const TABLE: RawTable = {
  columns: [
    { key: 'unit', label: 'Đơn vị' },
    { key: 'total', label: 'Hồ sơ' },
    { key: 'rate', label: 'Tỷ lệ đúng hạn', format: 'percent' },
    { key: 'fees', label: 'Phí, lệ phí', format: 'vnd' },
  ],
  rows: [
    { unit: 'Xã Một', total: 27_866, rate: 0.986, fees: 545_180_000 },
    { unit: 'Xã Hai', total: 0, rate: null, fees: Number.NaN },
  ],
};

describe('a table laid out for Excel', () => {
  it('puts the title, the period and filters, and the note above the header row', () => {
    const sheet = exportSheet(TABLE, {
      title: 'Huyện Thử',
      period: 'Tháng 1/2022 – Tháng 4/2022',
      filters: ['Cấp xã', 'Lĩnh vực: Đất đai'],
      note: 'Số liệu minh hoạ',
    });
    expect(sheet.rows.map((r) => r[0]?.value ?? null)).toEqual([
      'Huyện Thử',
      'Tháng 1/2022 – Tháng 4/2022 · Cấp xã · Lĩnh vực: Đất đai',
      'Số liệu minh hoạ',
      null,
      'Đơn vị',
      'Xã Một',
      'Xã Hai',
    ]);
    expect(sheet.headerRow).toBe(4);
    expect(sheet.rows[0]?.[0]?.role).toBe('title');
    expect(sheet.rows[2]?.[0]?.role).toBe('note');
  });

  it('keeps numbers as numbers with their column format; an undefined rate or amount stays empty', () => {
    const sheet = exportSheet(TABLE, { title: 'T', period: 'P' });
    const [, ...body] = sheet.rows.slice(sheet.headerRow);
    expect(body[0]).toEqual([
      { value: 'Xã Một', format: 'text', role: 'body' },
      { value: 27_866, format: 'count', role: 'body' },
      { value: 0.986, format: 'percent', role: 'body' },
      { value: 545_180_000, format: 'vnd', role: 'body' },
    ]);
    expect(body[1]?.slice(1)).toEqual([{ value: 0, format: 'count', role: 'body' }, null, null]);
    // Without a note, nothing stands between the period and the blank row above the header.
    expect(sheet.headerRow).toBe(3);
  });

  it('takes numbers as counts and text as text when no format is given; sizes columns to their content', () => {
    expect(columnFormat(TABLE, 'total')).toBe('count');
    expect(columnFormat(TABLE, 'unit')).toBe('text');
    expect(columnFormat(TABLE, 'rate')).toBe('percent');
    const sheet = exportSheet(TABLE, { title: 'T', period: 'P' });
    // At least 8 characters; "Tỷ lệ đúng hạn" is 14 and "545.180.000 ₫" 13; each plus a margin of 2.
    expect(sheet.widths).toEqual([10, 10, 16, 15]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatMonth,
  formatPercent,
  formatPointChange,
  formatRange,
  formatRelativeChange,
  formatVnd,
  formatVndShort,
} from './format.ts';

const NBSP = '\u00a0';

describe('formatting', () => {
  it('writes counts with Vietnamese and English separators', () => {
    expect(formatCount(27866, 'vi')).toBe('27.866');
    expect(formatCount(27866, 'en')).toBe('27,866');
    expect(formatCount(null, 'vi')).toBe('—');
  });

  it('writes rates with one decimal and a non-breaking space before % in Vietnamese', () => {
    expect(formatPercent(0.986, 'vi')).toBe(`98,6${NBSP}%`);
    expect(formatPercent(0.986, 'en')).toBe('98.6%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('writes đồng in full and short', () => {
    expect(formatVnd(545180000, 'vi')).toBe(`545.180.000${NBSP}₫`);
    expect(formatVndShort(545180000, 'vi')).toBe('545,18\u00a0triệu\u00a0đ');
    expect(formatVndShort(1386718000, 'vi')).toBe('1,39\u00a0tỷ\u00a0đ');
    expect(formatVndShort(1386718000, 'en')).toBe('₫1.39\u00a0billion');
    expect(formatVndShort(500, 'vi')).toBe(`500${NBSP}₫`);
  });

  it('writes changes with a sign', () => {
    expect(formatRelativeChange(110, 100, 'vi')).toBe(`+10,0${NBSP}%`);
    expect(formatRelativeChange(90, 100, 'en')).toBe('-10.0%');
    expect(formatRelativeChange(5, 0, 'en')).toBeNull();
    expect(formatPointChange(0.95, 0.9, 'vi')).toBe('+5,0 điểm %');
    expect(formatPointChange(0.9, 0.95, 'en')).toBe('-5.0 percentage points');
  });

  it('writes months, ranges and dates', () => {
    expect(formatMonth('2022-04', 'vi')).toBe('tháng 4/2022');
    expect(formatMonth('2022-04', 'en')).toBe('Apr 2022');
    expect(formatRange({ from: '2021-01', to: '2022-04' }, 'vi')).toBe('tháng 1/2021 – tháng 4/2022');
    expect(formatDate('2022-05-27', 'vi')).toBe('27/05/2022');
    expect(formatDate('2022-05-27', 'en')).toBe('27 May 2022');
  });
});

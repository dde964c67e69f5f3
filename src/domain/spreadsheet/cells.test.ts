import { describe, expect, it } from 'vitest';
import { parseCount, parseDate, parseFraction, parseLevel, parseMonth } from './cells.ts';

describe('counts', () => {
  it('reads counts from number cells and from text with thousands grouped by dots, commas or spaces', () => {
    expect(parseCount(27_866)).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('27866')).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('27.866')).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('27,866')).toEqual({ ok: true, value: 27_866 });
    expect(parseCount('1.386.718')).toEqual({ ok: true, value: 1_386_718 });
    // Decided: spaces (and the non-breaking ones Excel pastes) group thousands too.
    expect(parseCount(' 1 234 ')).toEqual({ ok: true, value: 1_234 });
    expect(parseCount('1\u00a0234\u00a0567')).toEqual({ ok: true, value: 1_234_567 });
    expect(parseCount('0')).toEqual({ ok: true, value: 0 });
    expect(parseCount('12.500.000 đ', { currency: true })).toEqual({ ok: true, value: 12_500_000 });
  });

  it('refuses decimals, negatives, bad grouping, text and booleans', () => {
    for (const bad of ['12,5', '12.5', '1.2345', '27.86', '-3', '1 23', 'abc', '', '#DIV/0!', '12.500.000 đ']) {
      expect(parseCount(bad), bad).toEqual({ ok: false });
    }
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60, true, null, new Date()]) {
      expect(parseCount(bad), String(bad)).toEqual({ ok: false });
    }
  });
});

describe('months', () => {
  it.each([
    '2022-04',
    '2022-4',
    '2022/04',
    '04/2022',
    '4/2022',
    'T4/2022',
    't04/2022',
    'T.4/2022',
    'Tháng 4/2022',
    'tháng 04 / 2022',
    'THÁNG 4-2022',
    'Tháng 4 năm 2022',
    '2022-04-15',
    ' 4/2022 ',
  ])('reads %j as 2022-04', (text) => {
    expect(parseMonth(text)).toEqual({ ok: true, value: '2022-04' });
  });

  it('reads date cells and Excel date serial numbers', () => {
    expect(parseMonth(new Date(Date.UTC(2022, 3, 1)))).toEqual({ ok: true, value: '2022-04' });
    expect(parseMonth(new Date(Date.UTC(2022, 3, 30)))).toEqual({ ok: true, value: '2022-04' });
    // A date made at local midnight east of UTC (UTC+7) is the day before in UTC.
    expect(parseMonth(new Date(Date.UTC(2022, 2, 31, 17)))).toEqual({ ok: true, value: '2022-04' });
    expect(parseMonth(44_652)).toEqual({ ok: true, value: '2022-04' }); // 1 April 2022
    expect(parseMonth(44_681)).toEqual({ ok: true, value: '2022-04' }); // 30 April 2022
    expect(parseMonth(44_562.75)).toEqual({ ok: true, value: '2022-01' }); // 1 January 2022, 18:00
  });

  it('refuses what is not a month', () => {
    for (const bad of ['2022-13', '13/2022', '0/2022', 'April 2022', '2022', '4/22', '', true, null, -5]) {
      expect(parseMonth(bad), String(bad)).toEqual({ ok: false });
    }
  });
});

describe('levels, dates and rates', () => {
  it('reads levels in English or Vietnamese, in any case', () => {
    const cases: [string, string][] = [
      ['district', 'district'],
      ['Huyện', 'district'],
      ['HUYỆN', 'district'],
      ['Cấp huyện', 'district'],
      ['quận', 'district'],
      ['xã', 'commune'],
      ['XÃ', 'commune'],
      ['Commune', 'commune'],
      ['phường', 'commune'],
      ['Thị trấn', 'commune'],
      ['đặc khu', 'commune'],
      ['tỉnh', 'province'],
      ['PROVINCE', 'province'],
    ];
    for (const [text, level] of cases) expect(parseLevel(text), text).toEqual({ ok: true, value: level });
    expect(parseLevel('town')).toEqual({ ok: false });
  });

  it('reads dates in ISO or Vietnamese order and rates as fractions or percentages', () => {
    expect(parseDate('27/05/2022')).toEqual({ ok: true, value: '2022-05-27' });
    expect(parseDate('2022-05-27')).toEqual({ ok: true, value: '2022-05-27' });
    expect(parseDate(new Date(Date.UTC(2022, 4, 27)))).toEqual({ ok: true, value: '2022-05-27' });
    expect(parseDate('May 27')).toEqual({ ok: false });
    expect(parseFraction('95%')).toEqual({ ok: true, value: 0.95 });
    expect(parseFraction('0,95')).toEqual({ ok: true, value: 0.95 });
    expect(parseFraction(0.5)).toEqual({ ok: true, value: 0.5 });
    expect(parseFraction('cao')).toEqual({ ok: false });
  });
});

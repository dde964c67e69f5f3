import { describe, expect, it } from 'vitest';
import {
  COMPARE_MODE_LABEL,
  comparedWith,
  comparedWithShort,
  comparedWithStart,
  incompleteText,
  noComparisonText,
  targetLabel,
  targetName,
  targetsNote,
} from './comparison-words.ts';
import { resolveTargets } from './dashboard.ts';

const NBSP = '\u00a0';

describe('what a change is compared with, in words', () => {
  it('names the mode and its months, in both languages', () => {
    const year = { mode: 'year', range: { from: '2021-01', to: '2021-04' } } as const;
    expect(comparedWith(year, 'vi')).toBe('so với cùng kỳ năm trước (tháng 1/2021 – tháng 4/2021)');
    expect(comparedWith(year, 'en')).toBe('compared with the same months a year earlier (Jan 2021 – Apr 2021)');
    const previous = { mode: 'previous', range: { from: '2021-09', to: '2021-12' } } as const;
    expect(comparedWithStart(previous, 'vi')).toBe('So với kỳ trước (tháng 9/2021 – tháng 12/2021)');
    expect(comparedWithStart(previous, 'en')).toBe('Compared with the previous period (Sep 2021 – Dec 2021)');
    expect(comparedWithShort('year', 'vi')).toBe('so với cùng kỳ năm trước');
    expect(COMPARE_MODE_LABEL.year.en).toBe('Same months a year earlier');
  });

  it('says why there is no comparison, with the months that are missing', () => {
    expect(
      noComparisonText({ mode: 'year', range: { from: '2021-01', to: '2021-04' }, reason: null }, 'vi'),
    ).toBeNull();
    expect(
      noComparisonText({ mode: 'year', range: { from: '2020-01', to: '2020-04' }, reason: 'not-in-data' }, 'vi'),
    ).toBe('Dữ liệu không có đủ số liệu cùng kỳ năm trước (tháng 1/2020 – tháng 4/2020), nên chưa so sánh được.');
    expect(
      noComparisonText({ mode: 'previous', range: { from: '2020-09', to: '2020-12' }, reason: 'not-in-data' }, 'en'),
    ).toBe(
      'The data does not have every month of the previous period of the same length (Sep 2020 – Dec 2020), so no comparison is made.',
    );
    expect(noComparisonText({ mode: 'year', range: null, reason: 'overlaps' }, 'en')).toContain(
      'longer than twelve months',
    );
  });

  it('says which units keep a group from being compared', () => {
    expect(incompleteText(null, 'vi')).toBeNull();
    expect(incompleteText({ units: 3, incomplete: 0, incompleteNames: [] }, 'vi')).toBeNull();
    expect(incompleteText({ units: 23, incomplete: 1, incompleteNames: ['Xã B'] }, 'vi')).toBe(
      'chưa so sánh được vì 1/23 đơn vị không có số liệu đủ mọi tháng của cả hai kỳ (Xã B)',
    );
    expect(incompleteText({ units: 23, incomplete: 5, incompleteNames: ['A', 'B', 'C'] }, 'en')).toBe(
      'not compared, as 5 of 23 units lack a month of one of the two periods (A, B, C and 2 more)',
    );
  });
});

describe('targets, in words', () => {
  const defaults = resolveTargets(undefined);
  const dataset = resolveTargets({ onTimeRate: 0.95, onlineRate: 0.5 });
  const reader = resolveTargets({ onTimeRate: 0.95 }, { onTimeRate: 0.9 });

  it('label a default as a default, a reader’s as the reader’s, and the dataset’s plainly', () => {
    expect(targetLabel(defaults, 'onTimeRate', 'vi', 0)).toBe(`chỉ tiêu mặc định 95${NBSP}%`);
    expect(targetLabel(defaults, 'onlineRate', 'en', 0)).toBe('default target 50%');
    expect(targetLabel(dataset, 'onTimeRate', 'vi')).toBe(`chỉ tiêu 95,0${NBSP}%`);
    expect(targetLabel(reader, 'onTimeRate', 'en')).toBe('target set by the reader 90.0%');
    expect(targetName(defaults, 'onTimeRate', 'vi')).toBe('chỉ tiêu đúng hạn mặc định');
    expect(targetName(reader, 'onTimeRate', 'en')).toBe('the reader’s on-time target');
    expect(targetName(reader, 'onlineRate', 'en')).toBe('the default online target');
  });

  it('say in a sentence that a default is no official target, and whose a reader’s target replaces', () => {
    expect(targetsNote(dataset, 'vi')).toBeNull();
    expect(targetsNote(defaults, 'vi')).toBe(
      `Bộ dữ liệu không đặt chỉ tiêu tỷ lệ đúng hạn và tỷ lệ trực tuyến; 95,0${NBSP}% và 50,0${NBSP}% là chỉ tiêu mặc định của bảng số liệu, không phải chỉ tiêu chính thức.`,
    );
    expect(targetsNote(reader, 'en')).toBe(
      'The dataset sets no target for online uptake; 50.0% is the dashboard’s default, not an official target. The target for the on-time rate, 90.0%, was set by the reader (the dataset’s target: 95.0%).',
    );
  });
});

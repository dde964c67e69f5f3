import { describe, expect, it } from 'vitest';
import { normalizeLabel, sentenceCase, slugify, titleCase, withoutNotes } from './text.ts';

describe('text as compared', () => {
  it('ignores case, spaces, line breaks, NFD and the old placement of tone marks', () => {
    expect(normalizeLabel('  MỚI   TIẾP NHẬN ')).toBe('mới tiếp nhận');
    expect(normalizeLabel('Giải quyết\nđúng\u00a0hạn')).toBe('giải quyết đúng hạn');
    expect(normalizeLabel('Tháng'.normalize('NFD'))).toBe('tháng');
    expect(normalizeLabel('Hòa Bình')).toBe(normalizeLabel('Hoà Bình'));
    expect(normalizeLabel('Thủy')).toBe(normalizeLabel('Thuỷ'));
    expect(normalizeLabel('Đơn vị báo cáo :')).toBe('đơn vị báo cáo');
    expect(withoutNotes(normalizeLabel('Đúng hạn (Bao gồm cả hồ sơ trả lại/xin rút)'))).toBe('đúng hạn');
  });

  it('makes ASCII slugs of Vietnamese names', () => {
    expect(slugify('Xã An Phú')).toBe('xa-an-phu');
    expect(slugify('Đất đai')).toBe('dat-dai');
    expect(slugify('Lao động – Thương binh và Xã hội')).toBe('lao-dong-thuong-binh-va-xa-hoi');
    expect(slugify('Thị trấn Trâu Quỳ')).toBe('thi-tran-trau-quy');
    expect(slugify('  Hộ tịch (cấp xã) ')).toBe('ho-tich-cap-xa');
  });

  it('writes names typed in capitals in normal case', () => {
    expect(titleCase('AN PHÚ')).toBe('An Phú');
    expect(sentenceCase('ĐẤT ĐAI')).toBe('Đất đai');
    expect(sentenceCase('đăng ký kinh doanh')).toBe('Đăng ký kinh doanh');
    expect(sentenceCase('Lao động – Thương binh và Xã hội')).toBe('Lao động – Thương binh và Xã hội');
  });
});

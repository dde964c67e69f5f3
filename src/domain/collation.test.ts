import { describe, expect, it } from 'vitest';
import { compareNames } from './collation.ts';

describe('compareNames', () => {
  it('sorts in Vietnamese order, not by code point', () => {
    // By code point Đ (U+0110) and Ă (U+0102) come after Z; in Vietnamese Ă follows A and Đ follows D.
    const names = ['Xã Đông Dư', 'Xã Zê', 'Xã Ăn', 'Xã Bát Tràng', 'Xã An'];
    expect([...names].sort(compareNames)).toEqual(['Xã An', 'Xã Ăn', 'Xã Bát Tràng', 'Xã Đông Dư', 'Xã Zê']);
  });

  it('agrees with localeCompare in Vietnamese', () => {
    const pairs: [string, string][] = [
      ['Phường Ô Chợ Dừa', 'Phường Ơn'],
      ['thị trấn Yên Viên', 'Thị trấn Yên Viên'],
      ['Xã Dương Xá', 'Xã Đa Tốn'],
    ];
    for (const [a, b] of pairs) expect(Math.sign(compareNames(a, b))).toBe(Math.sign(a.localeCompare(b, 'vi')));
  });
});

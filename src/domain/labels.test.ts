import { describe, expect, it } from 'vitest';
import { allLevelsLabel, unitType } from './labels.ts';

describe('unitType', () => {
  it('reads the kind of unit from its name', () => {
    expect(unitType({ name: 'Thị trấn Trâu Quỳ', level: 'commune' }, 'vi')).toBe('Thị trấn');
    expect(unitType({ name: 'Thị trấn Trâu Quỳ', level: 'commune' }, 'en')).toBe('Town');
    expect(unitType({ name: 'Phường Bến Nghé', level: 'commune' }, 'en')).toBe('Ward');
    expect(unitType({ name: 'Đặc khu Phú Quốc', level: 'commune' }, 'vi')).toBe('Đặc khu');
    expect(unitType({ name: 'Xã Bát Tràng', level: 'commune' }, 'en')).toBe('Commune');
    expect(unitType({ name: 'Thị xã Sơn Tây', level: 'district' }, 'vi')).toBe('Thị xã');
    expect(unitType({ name: 'Huyện Gia Lâm', level: 'district' }, 'en')).toBe('District');
    expect(unitType({ name: 'Thành phố Cần Thơ', level: 'province' }, 'en')).toBe('City');
  });

  it('falls back to the level when the name does not say, and is not fooled by a word inside a name', () => {
    expect(unitType({ name: 'Văn phòng HĐND-UBND', level: 'district' }, 'vi')).toBe('Huyện');
    // "Xã" alone starts "Xã Đàn" but "Xãhội" would not; a district named "Xã …" is not a commune.
    expect(unitType({ name: 'Xã Đàn', level: 'district' }, 'en')).toBe('District');
  });
});

describe('allLevelsLabel', () => {
  it('names the levels the data has, never a district it does not have', () => {
    expect(allLevelsLabel(['province', 'commune'], 'vi')).toBe('Cả tỉnh và xã');
    expect(allLevelsLabel(['district', 'commune'], 'en')).toBe('All levels (district and commune)');
  });
});

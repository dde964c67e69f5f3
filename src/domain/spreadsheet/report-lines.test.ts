import { describe, expect, it } from 'vitest';
import { findReportPeriod, findReportUnit, headingLines, unitFromName } from './report-lines.ts';

const lines = (...rows: unknown[][]) => headingLines({ name: 'T', rows }, rows.length);

describe("a report's unit", () => {
  it.each([
    ['UBND XÃ AN PHÚ', 'Xã An Phú', 'commune'],
    ['Ủy ban nhân dân huyện Gia Lâm', 'Huyện Gia Lâm', 'district'],
    ['UỶ BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM', 'Phường Hoàn Kiếm', 'commune'],
    ['UBND THỊ TRẤN TRÂU QUỲ', 'Thị trấn Trâu Quỳ', 'commune'],
    ['UBND ĐẶC KHU CÔN ĐẢO', 'Đặc khu Côn Đảo', 'commune'],
    ['UBND thị xã Sơn Tây', 'Thị xã Sơn Tây', 'district'],
    ['UBND QUẬN BA ĐÌNH', 'Quận Ba Đình', 'district'],
    ['Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh', 'Tỉnh Bắc Ninh', 'province'],
    ['UBND THÀNH PHỐ HÀ NỘI', 'Thành phố Hà Nội', 'province'],
    ['UBND TP. Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'province'],
    ['UBND thành phố Bắc Ninh', 'Thành phố Bắc Ninh', 'district'],
  ])('%s is %s (%s)', (text, name, level) => {
    expect(unitFromName(text)).toMatchObject({ name, level });
  });

  it('keeps a name without a level word, its level unknown', () => {
    expect(unitFromName('BAN QUẢN LÝ KHU CÔNG NGHIỆP')).toEqual({
      name: 'Ban Quản Lý Khu Công Nghiệp',
      bare: 'Ban Quản Lý Khu Công Nghiệp',
    });
    expect(unitFromName('UBND')).toBeUndefined();
  });

  it('reads "Đơn vị báo cáo:" with the name after it, in the next cell or in the cell below', () => {
    expect(
      findReportUnit(lines(['Đơn vị báo cáo: UBND xã Ninh Hiệp', null, 'Đơn vị nhận báo cáo: UBND huyện'])),
    ).toMatchObject({ name: 'Xã Ninh Hiệp', level: 'commune', row: 1 });
    expect(findReportUnit(lines(['UBND TỈNH X'], ['Đơn vị:', 'Xã Đông Dư']))).toMatchObject({
      name: 'Xã Đông Dư',
      row: 2,
      column: 1,
    });
    expect(findReportUnit(lines(['Đơn vị báo cáo:'], ['UBND PHƯỜNG MỘT']))).toMatchObject({
      name: 'Phường Một',
      row: 2,
    });
  });

  it('else takes the last authority line at the top left, never the receiving unit or the unit of measure', () => {
    const found = findReportUnit(
      lines(
        ['UBND HUYỆN GIA LÂM', null, null, null, 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['UBND XÃ NINH HIỆP'],
        [null, null, null, 'Đơn vị nhận báo cáo: UBND huyện Gia Lâm'],
        [null, null, null, 'Đơn vị tính: hồ sơ'],
      ),
    );
    expect(found).toMatchObject({ name: 'Xã Ninh Hiệp', level: 'commune', row: 2 });
    expect(findReportUnit(lines(['UBND HUYỆN GIA LÂM\nUBND XÃ YÊN VIÊN']))).toMatchObject({ name: 'Xã Yên Viên' });
    expect(findReportUnit(lines(['BÁO CÁO'], [null, null, null, 'Đơn vị nhận báo cáo: UBND tỉnh']))).toBeUndefined();
  });
});

describe("a report's period", () => {
  const cases: [string[][], string][] = [
    [[['Kỳ báo cáo: Tháng 4 năm 2022 (từ ngày 15/03/2022 đến ngày 14/04/2022)']], '2022-04'],
    [[['Từ ngày 01/04/2022 đến ngày 30/04/2022']], '2022-04'],
    [[['Kỳ báo cáo: Tháng 04/2022']], '2022-04'],
    [[['BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC THÁNG 4/2022']], '2022-04'],
    // On two lines, and cut on the 15th across the new year: the month in which the period ends.
    [[['Kỳ báo cáo: Tháng 1 năm 2022'], ['(Từ ngày 15/12/2021 đến ngày 14/01/2022)']], '2022-01'],
    [[['Số liệu từ 15/02/2022 đến hết ngày 14/03/2022']], '2022-03'],
    // The date the report was signed is not its period.
    [[['Hà Nội, ngày 05 tháng 05 năm 2022'], ['Kỳ báo cáo: Tháng 4 năm 2022']], '2022-04'],
  ];
  it.each(cases)('%j is %s', (rows, month) => {
    expect(findReportPeriod(lines(...rows))).toMatchObject({ kind: 'month', month });
  });

  it('reads dates typed as date cells', () => {
    const rows = [['Từ ngày', new Date(Date.UTC(2022, 2, 15)), 'đến ngày', new Date(Date.UTC(2022, 3, 14))]];
    expect(findReportPeriod(lines(...rows))).toEqual({ kind: 'month', month: '2022-04', row: 1 });
  });

  it('refuses a quarter, a half-year and a period longer than a month, naming the line', () => {
    expect(findReportPeriod(lines(['BÁO CÁO'], ['Kỳ báo cáo: Quý I năm 2022']))).toMatchObject({
      kind: 'not_monthly',
      row: 2,
    });
    expect(findReportPeriod(lines(['BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2022']))).toMatchObject({ kind: 'not_monthly' });
    expect(findReportPeriod(lines(['Từ ngày 01/01/2022 đến ngày 31/03/2022']))).toEqual({
      kind: 'too_long',
      from: '01/01/2022',
      to: '31/03/2022',
      days: 90,
      row: 1,
    });
  });

  it('refuses a month that disagrees with its dates, dates in the wrong order, and finds none without either', () => {
    expect(findReportPeriod(lines(['Kỳ báo cáo: Tháng 3 năm 2022 (từ ngày 15/03/2022 đến ngày 14/04/2022)']))).toEqual({
      kind: 'disagrees',
      stated: '2022-03',
      from: '15/03/2022',
      to: '14/04/2022',
      row: 1,
    });
    expect(findReportPeriod(lines(['Từ ngày 14/04/2022 đến ngày 15/03/2022']))).toMatchObject({ kind: 'order' });
    expect(findReportPeriod(lines(['BÁO CÁO'], ['Hà Nội, ngày 5 tháng 5 năm 2022']))).toEqual({ kind: 'none' });
  });
});

import type { Dataset, DatasetRecord } from '../../src/domain/schema.ts';
import { type FieldFigures, type ReportForm, systemA, systemB } from './report-forms.ts';

/**
 * One district and two of its communes, April and May 2022, reported on two
 * systems' forms: what a district office would hand the converter. The
 * figures are made up; each field row adds up (carried over + online +
 * direct = resolved + withdrawn + pending) and May's carried over is April's
 * pending, field by field, so the dataset has no warning.
 */

const f = (
  field: string,
  [carried, online, direct, early, onTime, late, withdrawn, within, overdue]: number[],
): FieldFigures => ({
  field,
  carried: carried ?? 0,
  online: online ?? 0,
  direct: direct ?? 0,
  early: early ?? 0,
  onTime: onTime ?? 0,
  late: late ?? 0,
  withdrawn: withdrawn ?? 0,
  within: within ?? 0,
  overdue: overdue ?? 0,
});

//                          carried online direct early onTime late wdrawn within overdue
export const GIA_LAM_T4 = [
  f('Đất đai', [120, 40, 260, 50, 200, 30, 0, 130, 10]),
  f('Xây dựng', [10, 5, 45, 5, 40, 2, 0, 12, 1]),
];
export const GIA_LAM_T5 = [
  f('Đất đai', [140, 60, 240, 70, 210, 20, 0, 135, 5]),
  f('Xây dựng', [13, 10, 40, 6, 44, 0, 0, 12, 1]),
];
export const NINH_HIEP_T4 = [
  f('Hộ tịch', [3, 1200, 300, 1000, 480, 0, 0, 23, 0]),
  f('Chứng thực', [0, 10, 990, 0, 1000, 0, 0, 0, 0]),
];
export const NINH_HIEP_T5 = [
  f('Hộ tịch', [23, 1300, 250, 1100, 450, 3, 0, 20, 0]),
  f('Chứng thực', [0, 20, 880, 0, 900, 0, 0, 0, 0]),
];
export const DONG_DU_T4 = [
  f('Hộ tịch', [5, 80, 40, 60, 55, 1, 2, 7, 0]),
  f('Đất đai', [20, 3, 27, 0, 20, 5, 1, 20, 4]),
];
export const DONG_DU_T5 = [
  f('Hộ tịch', [7, 90, 30, 0, 118, 0, 1, 8, 0]),
  f('Đất đai', [24, 6, 24, 0, 30, 6, 0, 15, 3]),
];

/** The district's workbook (system A): a sheet per month, the unit named on "Đơn vị báo cáo". */
export function giaLamForms(): ReportForm[] {
  return [
    systemA({
      sheet: 'T4',
      authority: 'UBND HUYỆN GIA LÂM',
      unitLine: 'UBND huyện Gia Lâm',
      month: 'Tháng 4 năm 2022',
      from: '15/03/2022',
      to: '14/04/2022',
      fields: GIA_LAM_T4,
    }),
    systemA({
      sheet: 'T5',
      authority: 'UBND HUYỆN GIA LÂM',
      unitLine: 'UBND huyện Gia Lâm',
      month: 'Tháng 5 năm 2022',
      from: '15/04/2022',
      to: '14/05/2022',
      fields: GIA_LAM_T5,
    }),
  ];
}

/** A commune on system A: only the authority lines name it, only dates give the period, counts as text. */
export function ninhHiepForms(): ReportForm[] {
  return [
    systemA({
      sheet: 'T4',
      authority: 'UBND HUYỆN GIA LÂM\nUBND XÃ NINH HIỆP',
      from: '15/03/2022',
      to: '14/04/2022',
      fields: NINH_HIEP_T4,
      textNumbers: true,
    }),
    systemA({
      sheet: 'T5',
      authority: 'UBND HUYỆN GIA LÂM\nUBND XÃ NINH HIỆP',
      from: '15/04/2022',
      to: '14/05/2022',
      fields: NINH_HIEP_T5,
      textNumbers: true,
    }),
  ];
}

/** A commune on system B: one file per month; April with dates, May with the month alone. */
export function dongDuForm(month: 4 | 5): ReportForm {
  return month === 4
    ? systemB({
        sheet: 'Báo cáo',
        authority: 'UBND XÃ ĐÔNG DƯ',
        unitLine: 'Xã Đông Dư',
        month: '04/2022',
        from: '15/03/2022',
        to: '14/04/2022',
        fields: DONG_DU_T4,
      })
    : systemB({
        sheet: 'Báo cáo',
        authority: 'UBND XÃ ĐÔNG DƯ',
        unitLine: 'Xã Đông Dư',
        month: '05/2022',
        fields: DONG_DU_T5,
      });
}

/** The files, in the order they are given. */
export const REPORT_FILES = ['gia-lam-2022.xlsx', 'ninh-hiep-2022.xlsx', 'dong-du-t4.xlsx', 'dong-du-t5.xlsx'] as const;

function record(
  unitId: string,
  month: string,
  fieldId: string,
  [
    carriedOver,
    received,
    receivedOnline,
    resolvedEarly,
    resolvedOnTime,
    resolvedLate,
    withdrawn,
    pendingWithinDeadline,
    pendingOverdue,
  ]: (number | undefined)[],
): DatasetRecord {
  return {
    unitId,
    month,
    fieldId,
    carriedOver: carriedOver as number,
    received: received as number,
    receivedOnline: receivedOnline as number,
    resolvedEarly: resolvedEarly as number,
    resolvedOnTime: resolvedOnTime as number,
    resolvedLate: resolvedLate as number,
    ...(withdrawn !== undefined ? { withdrawn } : {}),
    pendingWithinDeadline: pendingWithinDeadline as number,
    pendingOverdue: pendingOverdue as number,
  };
}

/**
 * The dataset the four files make, worked out by hand from the figures above:
 * received = online + direct; system A has no "Trả lại/Rút" column, so its
 * records have no `withdrawn`; system B has no "Trước hạn" column, so its
 * early dossiers are in on time (Đông Dư April Hộ tịch: 60 + 55 = 115).
 */
export const EXPECTED_REPORTS: Pick<Dataset, 'schemaVersion' | 'fields' | 'units' | 'records'> = {
  schemaVersion: 2,
  fields: [
    { id: 'dat-dai', name: 'Đất đai' },
    { id: 'xay-dung', name: 'Xây dựng' },
    { id: 'ho-tich', name: 'Hộ tịch' },
    { id: 'chung-thuc', name: 'Chứng thực' },
  ],
  units: [
    { id: 'huyen-gia-lam', name: 'Huyện Gia Lâm', level: 'district' },
    { id: 'xa-ninh-hiep', name: 'Xã Ninh Hiệp', level: 'commune', parentId: 'huyen-gia-lam' },
    { id: 'xa-dong-du', name: 'Xã Đông Dư', level: 'commune', parentId: 'huyen-gia-lam' },
  ],
  //                                                    carried received online early onTime late wdrawn within overdue
  records: [
    record('huyen-gia-lam', '2022-04', 'dat-dai', [120, 300, 40, 50, 200, 30, undefined, 130, 10]),
    record('huyen-gia-lam', '2022-04', 'xay-dung', [10, 50, 5, 5, 40, 2, undefined, 12, 1]),
    record('huyen-gia-lam', '2022-05', 'dat-dai', [140, 300, 60, 70, 210, 20, undefined, 135, 5]),
    record('huyen-gia-lam', '2022-05', 'xay-dung', [13, 50, 10, 6, 44, 0, undefined, 12, 1]),
    record('xa-ninh-hiep', '2022-04', 'ho-tich', [3, 1500, 1200, 1000, 480, 0, undefined, 23, 0]),
    record('xa-ninh-hiep', '2022-04', 'chung-thuc', [0, 1000, 10, 0, 1000, 0, undefined, 0, 0]),
    record('xa-ninh-hiep', '2022-05', 'ho-tich', [23, 1550, 1300, 1100, 450, 3, undefined, 20, 0]),
    record('xa-ninh-hiep', '2022-05', 'chung-thuc', [0, 900, 20, 0, 900, 0, undefined, 0, 0]),
    record('xa-dong-du', '2022-04', 'ho-tich', [5, 120, 80, 0, 115, 1, 2, 7, 0]),
    record('xa-dong-du', '2022-04', 'dat-dai', [20, 30, 3, 0, 20, 5, 1, 20, 4]),
    record('xa-dong-du', '2022-05', 'ho-tich', [7, 120, 90, 0, 118, 0, 1, 8, 0]),
    record('xa-dong-du', '2022-05', 'dat-dai', [24, 30, 6, 0, 30, 6, 0, 15, 3]),
  ],
};

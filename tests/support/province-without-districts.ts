import { mulberry32 } from '../../scripts/generate-sample.ts';
import type { Dataset } from '../../src/domain/schema.ts';

/**
 * A province as they have been since 1 July 2025: the province and its
 * communes and wards, no district, reporting by procedure field with online
 * totals only and no fees (data contract v2). Every name and figure is
 * invented from a seed; the title and `illustrative: true` say so.
 *
 * The figures differ from commune to commune so that some lag the on-time
 * target, more lag the online target, and some fields lag too; one ward has
 * the kind of long name a merger leaves behind. Each record satisfies the
 * flow identity, and each month's carried-over dossiers are the previous
 * month's pending ones, so the dataset loads with no warning.
 */

type DatasetRecord = Dataset['records'][number];

const FIELDS = [
  { id: 'dat-dai', name: 'Đất đai' },
  { id: 'ho-tich', name: 'Hộ tịch' },
  { id: 'chung-thuc', name: 'Chứng thực' },
  { id: 'kinh-doanh', name: 'Đăng ký kinh doanh' },
  { id: 'xay-dung', name: 'Xây dựng' },
] as const;

const FIRST = ['An', 'Bình', 'Cát', 'Đông', 'Hòa', 'Lạc', 'Minh', 'Phú', 'Quang', 'Sơn', 'Tân', 'Vĩnh'];
const SECOND = ['Lộc', 'Thịnh', 'Hưng', 'Điền', 'Thạnh', 'Xuân', 'Hải', 'Phong', 'Trung', 'Tiến'];

/** The name a ward keeps after a merger: long, with the names of those it joined. */
export const LONG_WARD_NAME = 'Phường Bến Thuyền Đông (sáp nhập Bến Thuyền, Đông An, Phú Lợi)';

const MONTHS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'];

export function provinceWithoutDistricts(communes = 40, seed = 20251201): Dataset {
  const rand = mulberry32(seed);
  const units: Dataset['units'] = [{ id: 'tinh', name: 'Tỉnh Sông Mẫu (hư cấu)', level: 'province' }];
  for (let i = 0; i < communes; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const second = SECOND[Math.floor(i / FIRST.length) % SECOND.length] as string;
    const kind = i % 4 === 1 ? 'Phường' : 'Xã';
    const name =
      i === 7 ? LONG_WARD_NAME : `${kind} ${first} ${second}${i >= FIRST.length * SECOND.length ? ` ${i}` : ''}`;
    units.push({ id: `x${String(i + 1).padStart(3, '0')}`, name, level: 'commune', parentId: 'tinh' });
  }
  const records: DatasetRecord[] = [];
  for (const unit of units) {
    const big = unit.level === 'province' ? 6 : 1;
    // What this office is like: its online uptake and how often it is late differ widely between offices.
    // The merged ward lags most online, so that the charts by unit and the ranking show its long name.
    const online = unit.name === LONG_WARD_NAME ? 0.12 : 0.25 + 0.7 * rand();
    const late = rand() < 0.35 ? 0.04 + 0.12 * rand() : 0.01 * rand();
    for (const field of FIELDS) {
      // A commune does not handle every field (business registration is often the province's).
      if (unit.level === 'commune' && rand() < 0.15) continue;
      const fieldLate = field.id === 'dat-dai' ? late * 2.5 : late;
      let carried = Math.round(big * (5 + 20 * rand()));
      for (const month of MONTHS) {
        const received = Math.round(big * (20 + 180 * rand()));
        const receivedOnline = Math.min(received, Math.round(received * Math.min(1, online + 0.1 * (rand() - 0.5))));
        const total = carried + received;
        const pending = Math.round(total * (0.05 + 0.1 * rand()));
        const pendingOverdue = Math.round(pending * fieldLate * 2);
        const resolved = total - pending;
        const resolvedLate = Math.min(resolved, Math.round(resolved * fieldLate));
        const resolvedEarly = Math.round((resolved - resolvedLate) * 0.3 * rand());
        records.push({
          unitId: unit.id,
          month,
          fieldId: field.id,
          carriedOver: carried,
          received,
          receivedOnline,
          resolvedEarly,
          resolvedOnTime: resolved - resolvedLate - resolvedEarly,
          resolvedLate,
          pendingWithinDeadline: pending - pendingOverdue,
          pendingOverdue,
        });
        carried = pending;
      }
    }
  }
  return {
    schemaVersion: 2,
    title: 'Tỉnh Sông Mẫu (hư cấu) – kết quả giải quyết thủ tục hành chính',
    source: 'Số liệu hư cấu, sinh cho kiểm thử; không phản ánh địa phương nào.',
    illustrative: true,
    updatedAt: '2026-01-05',
    targets: { onTimeRate: 0.95, onlineRate: 0.8 },
    fields: FIELDS.map((f) => ({ ...f })),
    units,
    records,
  };
}

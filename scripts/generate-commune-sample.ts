import { pathToFileURL } from 'node:url';
import type { Dataset, Field } from '../src/domain/schema.ts';
import { validateDataset } from '../src/domain/validate.ts';
import { mulberry32, writeOrCheck } from './generate-sample.ts';

/**
 * Builds data/xa-minh-hoa.json: a fictional commune of the two-tier era
 * (after 1 July 2025, when the district level was abolished), reported the
 * way one-stop systems report today (see ../shared/context/reports-today.md):
 * one unit, every record by procedure field, online dossiers as one total (no
 * split into levels 3 and 4), fees left out where the commune did not report
 * them, apology letters reported from the third month on.
 *
 * The commune, its name and every figure are invented from a fixed seed; the
 * name says "hư cấu" (fictional) and the file `illustrative: true`, so no one
 * takes it for a real place. It has late and overdue dossiers (mostly in land
 * and construction) so that the fields that lag and the accountability rows
 * have something to show, and it raises no data-quality warning.
 *
 *   tsx scripts/generate-commune-sample.ts           write data/xa-minh-hoa.json
 *   tsx scripts/generate-commune-sample.ts --check   exit 1 if the file is stale
 * (npm run generate:sample writes and checks it with data/gia-lam.json.)
 */

type DatasetRecord = Dataset['records'][number];

export const COMMUNE_SAMPLE_PATH = 'data/xa-minh-hoa.json';
const SEED = 20250701;
const UNIT_ID = 'xa-minh-hoa';
const FIRST_MONTH = '2025-07';
const MONTH_COUNT = 16;
/** Apology letters are reported from this month on (the commune's system began to count them then). */
const LETTERS_FROM = 3;
/** Fees are not reported in the first months (the new one-stop system did not yet export them). */
const FEES_FROM = 2;

export const COMMUNE_FIELDS: readonly Field[] = [
  { id: 'dat-dai', name: 'Đất đai' },
  { id: 'xay-dung', name: 'Xây dựng' },
  { id: 'dang-ky-kinh-doanh', name: 'Đăng ký kinh doanh' },
  { id: 'ho-tich', name: 'Hộ tịch' },
  { id: 'chung-thuc', name: 'Chứng thực' },
  { id: 'lao-dong-tbxh', name: 'Lao động – Thương binh và Xã hội' },
  { id: 'tu-phap-khac', name: 'Tư pháp khác' },
];

/** How each field behaves in this commune; shares and rates are invented. */
interface Profile {
  /** Part of the commune's intake. */
  share: number;
  /** Online share of intake at the first and the last month. */
  onlineStart: number;
  onlineEnd: number;
  /** Part of a month's workload still pending at its end, and how much of that is overdue. */
  pending: number;
  overdue: number;
  /** Parts of resolved dossiers resolved late, and early. */
  late: number;
  early: number;
  withdrawn: number;
  /** Fees per dossier in thousands of đồng; null: the commune does not report fees for this field. */
  fee: number | null;
}

const PROFILES: Readonly<Record<string, Profile>> = {
  'dat-dai': {
    share: 0.16,
    onlineStart: 0.25,
    onlineEnd: 0.45,
    pending: 0.35,
    overdue: 0.12,
    late: 0.07,
    early: 0.15,
    withdrawn: 0.01,
    fee: 180,
  },
  'xay-dung': {
    share: 0.05,
    onlineStart: 0.35,
    onlineEnd: 0.6,
    pending: 0.3,
    overdue: 0.06,
    late: 0.04,
    early: 0.2,
    withdrawn: 0.01,
    fee: 75,
  },
  'dang-ky-kinh-doanh': {
    share: 0.07,
    onlineStart: 0.7,
    onlineEnd: 0.88,
    pending: 0.08,
    overdue: 0,
    late: 0,
    early: 0.5,
    withdrawn: 0.005,
    fee: 100,
  },
  'ho-tich': {
    share: 0.18,
    onlineStart: 0.6,
    onlineEnd: 0.85,
    pending: 0.05,
    overdue: 0,
    late: 0.002,
    early: 0.6,
    withdrawn: 0.003,
    fee: 8,
  },
  'chung-thuc': {
    share: 0.38,
    onlineStart: 0.12,
    onlineEnd: 0.3,
    pending: 0.01,
    overdue: 0,
    late: 0,
    early: 0.3,
    withdrawn: 0,
    fee: 12,
  },
  'lao-dong-tbxh': {
    share: 0.09,
    onlineStart: 0.4,
    onlineEnd: 0.7,
    pending: 0.15,
    overdue: 0.03,
    late: 0.01,
    early: 0.35,
    withdrawn: 0.005,
    fee: null,
  },
  'tu-phap-khac': {
    share: 0.07,
    onlineStart: 0.35,
    onlineEnd: 0.6,
    pending: 0.1,
    overdue: 0,
    late: 0.005,
    early: 0.3,
    withdrawn: 0.005,
    fee: null,
  },
};

/** Relative intake by calendar month: a dip at Tết (Feb), busier before the year closes. */
const SEASON = [1.04, 0.7, 0.97, 1.0, 1.03, 1.09, 1.1, 1.01, 0.96, 1.0, 1.04, 1.14];

function months(): string[] {
  const start = Number(FIRST_MONTH.slice(0, 4)) * 12 + Number(FIRST_MONTH.slice(5, 7)) - 1;
  return Array.from({ length: MONTH_COUNT }, (_, i) => {
    const n = start + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

export function generateCommuneSample(): Dataset {
  const rand = mulberry32(SEED);
  const jitter = (spread: number) => 1 - spread + 2 * spread * rand();
  const list = months();
  const last = list.length - 1;
  const records: DatasetRecord[] = [];
  // Pending at the end of the month before, per field: the next month's carried over.
  const pendingBefore = new Map<string, number>();
  list.forEach((month, m) => {
    const season = SEASON[Number(month.slice(5, 7)) - 1] ?? 1;
    // A merged commune of the two-tier era: about 1,400 new dossiers a month, a little more each month.
    const intake = 1400 * season * (1 + 0.1 * (m / last));
    for (const field of COMMUNE_FIELDS) {
      const p = PROFILES[field.id] as Profile;
      const received = Math.round(intake * p.share * jitter(0.12));
      const carriedOver = pendingBefore.get(field.id) ?? Math.round(received * p.pending * 0.8);
      const workload = carriedOver + received;
      const withdrawn = Math.round(workload * p.withdrawn * jitter(0.5));
      const open = workload - withdrawn;
      const pending = Math.min(open, Math.round(open * p.pending * jitter(0.25)));
      const overdue = Math.min(pending, Math.round(pending * p.overdue * jitter(0.5)));
      const resolved = open - pending;
      const late = Math.min(resolved, Math.round(resolved * p.late * jitter(0.5)));
      const early = Math.round((resolved - late) * p.early * jitter(0.2));
      const onlineShare = (p.onlineStart + (p.onlineEnd - p.onlineStart) * (m / last)) * jitter(0.08);
      const record: DatasetRecord = {
        unitId: UNIT_ID,
        month,
        fieldId: field.id,
        carriedOver,
        received,
        receivedOnline: Math.min(received, Math.round(received * onlineShare)),
        resolvedEarly: early,
        resolvedOnTime: resolved - late - early,
        resolvedLate: late,
        withdrawn,
        pendingWithinDeadline: pending - overdue,
        pendingOverdue: overdue,
      };
      if (p.fee !== null && m >= FEES_FROM) record.feesVnd = Math.round(received * p.fee * jitter(0.15)) * 1000;
      // Fewer letters than late dossiers: what the Gia Lâm council found, here invented.
      if (m >= LETTERS_FROM) record.apologyLetters = Math.round(late * (0.4 + 0.4 * rand()));
      records.push(record);
      pendingBefore.set(field.id, pending);
    }
  });
  const dataset: Dataset = {
    $schema: './schema.json',
    schemaVersion: 2,
    title: 'Xã Minh Hoạ (đơn vị hư cấu) – kết quả giải quyết thủ tục hành chính',
    source:
      'Dữ liệu hư cấu, sinh tự động bởi scripts/generate-commune-sample.ts để minh hoạ báo cáo của một xã từ khi bỏ cấp huyện (1/7/2025): số liệu theo lĩnh vực, hồ sơ trực tuyến chỉ có tổng số, có tháng và lĩnh vực không báo cáo phí, lệ phí. Xã Minh Hoạ không có thật; mọi con số đều là số dựng.',
    illustrative: true,
    updatedAt: '2026-11-05',
    targets: { onTimeRate: 0.95, onlineRate: 0.5 },
    fields: [...COMMUNE_FIELDS],
    units: [{ id: UNIT_ID, name: 'Xã Minh Hoạ (hư cấu)', level: 'commune' }],
    records,
  };
  checkCommuneSample(dataset);
  return dataset;
}

/** Throws, naming the first rule broken, unless the commune is what it sets out to show and loads without a warning. */
export function checkCommuneSample(dataset: Dataset): void {
  const fail = (message: string): never => {
    throw new Error(`generate-commune-sample: ${message}`);
  };
  if (dataset.units.length !== 1) fail('one unit, the commune itself');
  if (dataset.units.some((u) => u.level !== 'commune')) fail('the unit is a commune');
  if (dataset.records.length !== MONTH_COUNT * COMMUNE_FIELDS.length) fail('one record per month and field');
  for (const r of dataset.records) {
    const where = `${r.month} ${r.fieldId}`;
    if (r.month < '2025-07') fail(`${where}: the two-tier era starts in July 2025`);
    if (r.fieldId === undefined) fail(`${where}: every record is by field`);
    if (
      r.receivedOnline === undefined ||
      r.receivedOnlineLevel3 !== undefined ||
      r.receivedOnlineLevel4 !== undefined
    ) {
      fail(`${where}: online is given as one total, without levels 3 and 4`);
    }
  }
  if (!dataset.records.some((r) => r.feesVnd === undefined) || !dataset.records.some((r) => r.feesVnd !== undefined)) {
    fail('fees are reported in some records and not in others');
  }
  if (!dataset.records.some((r) => r.resolvedLate > 0) || !dataset.records.some((r) => r.pendingOverdue > 0)) {
    fail('some fields have late and overdue dossiers');
  }
  const loaded = validateDataset(JSON.parse(JSON.stringify(dataset)));
  if (!loaded.ok) fail(`the dataset is refused: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  else if (loaded.warnings.length > 0)
    fail(`the dataset raises warnings: ${JSON.stringify(loaded.warnings.slice(0, 3))}`);
}

/** The file's exact text: 2-space indented JSON with a trailing newline. */
export function communeSampleText(): string {
  return `${JSON.stringify(generateCommuneSample(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!writeOrCheck(COMMUNE_SAMPLE_PATH, communeSampleText(), process.argv.includes('--check'))) process.exit(1);
}

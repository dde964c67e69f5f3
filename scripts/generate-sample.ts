import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Dataset, Field } from '../src/domain/schema.ts';
import { validateDataset } from '../src/domain/validate.ts';
import { COMMUNE_SAMPLE_PATH, communeSampleText } from './generate-commune-sample.ts';

/**
 * Builds data/gia-lam.json, the bundled sample (data contract version 2, by
 * procedure field), and with it data/xa-minh-hoa.json (the fictional commune,
 * scripts/generate-commune-sample.ts).
 *
 * The totals per level are the figures Gia Lâm district reported for
 * 2021-01..2022-04 (see ../shared/seed/FIGURES.md). The report gives no
 * breakdown by month, by commune or by field, so that split is invented here
 * from fixed seeds, and the dataset says so (`illustrative: true`). It is made
 * in two steps: first one record per unit and month (the figures the sample
 * has always had, so every figure per unit and per level stays what it was),
 * then each of those split over the unit's fields so that the fields add up
 * to it exactly and each field's months follow on from one another. The
 * script refuses to produce a file that does not add up to the report, breaks
 * a per-record rule or raises a data-quality warning.
 *
 *   tsx scripts/generate-sample.ts           write both sample files
 *   tsx scripts/generate-sample.ts --check   exit 1 if either file is stale
 */

type DatasetRecord = Dataset['records'][number];
type Unit = Dataset['units'][number];

export const SAMPLE_PATH = 'data/gia-lam.json';
const SEED = 20220527;
/** A second seed for the split by field, so the split leaves the figures per unit and month as they were. */
const FIELD_SEED = 20220528;
const FIRST_MONTH = '2021-01';
const LAST_MONTH = '2022-04';
const DISTRICT_ID = 'gia-lam';

/** The report's figures, which the sample must add up to exactly. */
export const REPORT = {
  district: {
    carriedOver: 309,
    received: 27_557,
    onTime: 27_486,
    pending: 380,
    online: 4_037,
    interlinked: 4_568,
    saturday: 528,
    feesVnd: 545_180_000,
  },
  commune: {
    carriedOver: 423,
    received: 143_110,
    onTime: 143_141,
    pending: 392,
    feesVnd: 1_386_718_000,
  },
} as const;

/** The 22 commune-level units of 2021-2022, in the order of FIGURES.md: [id, name, statistics code]. */
const COMMUNES: readonly (readonly [string, string, string])[] = [
  ['tt-trau-quy', 'Thị trấn Trâu Quỳ', '00565'],
  ['tt-yen-vien', 'Thị trấn Yên Viên', '00526'],
  ['xa-yen-thuong', 'Xã Yên Thường', '00529'],
  ['xa-yen-vien', 'Xã Yên Viên', '00532'],
  ['xa-ninh-hiep', 'Xã Ninh Hiệp', '00535'],
  ['xa-dinh-xuyen', 'Xã Đình Xuyên', '00538'],
  ['xa-duong-ha', 'Xã Dương Hà', '00541'],
  ['xa-phu-dong', 'Xã Phù Đổng', '00544'],
  ['xa-trung-mau', 'Xã Trung Mầu', '00547'],
  ['xa-le-chi', 'Xã Lệ Chi', '00550'],
  ['xa-co-bi', 'Xã Cổ Bi', '00553'],
  ['xa-dang-xa', 'Xã Đặng Xá', '00556'],
  ['xa-phu-thi', 'Xã Phú Thị', '00559'],
  ['xa-kim-son', 'Xã Kim Sơn', '00562'],
  ['xa-duong-quang', 'Xã Dương Quang', '00568'],
  ['xa-duong-xa', 'Xã Dương Xá', '00571'],
  ['xa-dong-du', 'Xã Đông Dư', '00574'],
  ['xa-da-ton', 'Xã Đa Tốn', '00577'],
  ['xa-kieu-ky', 'Xã Kiêu Kỵ', '00580'],
  ['xa-bat-trang', 'Xã Bát Tràng', '00583'],
  ['xa-kim-lan', 'Xã Kim Lan', '00586'],
  ['xa-van-duc', 'Xã Văn Đức', '00589'],
];

/** Relative size of each commune's intake; the towns are the largest, Trâu Quỳ (the district seat) most of all. */
const TOWN_SIZE: Readonly<Record<string, number>> = { 'tt-trau-quy': 2.4, 'tt-yen-vien': 1.8 };

/** Relative intake by calendar month: a dip at Tết (Feb), busier mid-year and before the year closes in Dec. */
const SEASON = [1.04, 0.7, 0.97, 1.0, 1.03, 1.09, 1.1, 1.01, 0.96, 1.0, 1.04, 1.14];

/** Deterministic PRNG (mulberry32): the same seed always yields the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits a whole number in proportion to weights, exactly (largest-remainder
 * method; ties go to the earlier index). Zero weights everywhere split evenly.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(total) || total < 0)
    throw new Error(`allocate: total must be a whole number ≥ 0, got ${total}`);
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new Error('allocate: no weights to split a non-zero total over');
  }
  if (weights.some((w) => !(w >= 0) || !Number.isFinite(w)))
    throw new Error('allocate: weights must be finite and ≥ 0');
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? weights : weights.map(() => 1);
  const shareSum = sum > 0 ? sum : weights.length;
  const raw = shares.map((w) => (total * w) / shareSum);
  const out = raw.map((r) => Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ rest: r - Math.floor(r), i })).sort((x, y) => y.rest - x.rest || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

/**
 * Splits a whole number in proportion to weights, no part above its cap
 * (largest remainder within each round; a part that would pass its cap gets
 * the cap and the rest is shared again among the others). The caps must
 * leave room for the total.
 */
export function allocateCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const room = caps.reduce((a, b) => a + b, 0);
  if (room < total) throw new Error(`allocateCapped: caps add up to ${room}, less than ${total}`);
  const out = weights.map(() => 0);
  let open = weights.map((_, i) => i).filter((i) => (caps[i] ?? 0) > 0);
  let left = total;
  while (left > 0) {
    const share = allocate(
      left,
      open.map((i) => weights[i] ?? 0),
    );
    const full = open.filter((i, k) => (share[k] ?? 0) >= (caps[i] ?? 0) - (out[i] ?? 0));
    if (full.length === 0) {
      open.forEach((i, k) => {
        out[i] = (out[i] ?? 0) + (share[k] ?? 0);
      });
      break;
    }
    // Fill the parts that reach their cap, then share what is left among the others.
    for (const i of full) {
      left -= (caps[i] ?? 0) - (out[i] ?? 0);
      out[i] = caps[i] ?? 0;
    }
    open = open.filter((i) => !full.includes(i));
  }
  return out;
}

/** The months from `from` to `to`, both included, as `YYYY-MM`. */
function monthRange(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from); i <= index(to); i++) {
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

const MONTHS = monthRange(FIRST_MONTH, LAST_MONTH);
const LAST = MONTHS.length - 1;

const seasonOf = (month: string) => SEASON[Number(month.slice(5, 7)) - 1] ?? 1;
/** 0 at the first month, 1 at the last. */
const progress = (m: number) => m / LAST;
/** A linear path from `start` at the first month to `end` at the last. */
const ramp = (start: number, end: number, m: number) => start + (end - start) * progress(m);
/** A factor in [1 − spread, 1 + spread]. */
const jitter = (rand: () => number, spread: number) => 1 - spread + 2 * spread * rand();

const at = (xs: readonly number[], i: number): number => {
  const x = xs[i];
  if (x === undefined) throw new Error(`internal: no value at index ${i}`);
  return x;
};

/**
 * Dossiers still pending at each month end. The first carried-over figure and
 * the last pending figure are the report's; the months between follow the same
 * share of the month's intake, drifting from the opening share to the closing
 * one, with noise. (So a district, whose procedures take weeks, keeps a larger
 * backlog than a commune, whose procedures mostly take a day or two.)
 */
function pendingPath(received: readonly number[], carriedOver: number, lastPending: number, rand: () => number) {
  const startShare = carriedOver / Math.max(1, at(received, 0));
  const endShare = lastPending / Math.max(1, at(received, LAST));
  return received.map((r, m) =>
    m === LAST ? lastPending : Math.round(r * ramp(startShare, endShare, m) * jitter(rand, 0.2)),
  );
}

interface Extra {
  interlinked: number;
  saturdayReceived: number;
}

function makeRecord(
  unitId: string,
  month: string,
  carriedOver: number,
  received: number,
  online: number,
  level4Share: number,
  pending: number,
  feesThousands: number,
  extra?: Extra,
): DatasetRecord {
  const level4 = Math.round(online * level4Share);
  const record: DatasetRecord = {
    unitId,
    month,
    carriedOver,
    received,
    receivedOnlineLevel3: online - level4,
    receivedOnlineLevel4: level4,
    // The report gives one "resolved on time" count (đúng hạn, early included); there is no basis to split it.
    resolvedEarly: 0,
    resolvedOnTime: carriedOver + received - pending,
    resolvedLate: 0,
    withdrawn: 0,
    pendingWithinDeadline: pending,
    pendingOverdue: 0,
    feesVnd: feesThousands * 1000,
  };
  if (extra) {
    record.interlinked = extra.interlinked;
    record.saturdayReceived = extra.saturdayReceived;
  }
  return record;
}

function districtRecords(rand: () => number): DatasetRecord[] {
  const d = REPORT.district;
  const received = allocate(
    d.received,
    MONTHS.map((month, m) => seasonOf(month) * ramp(0.96, 1.04, m) * jitter(rand, 0.08)),
  );
  const pending = pendingPath(received, d.carriedOver, d.pending, rand);
  // Online uptake from about 8 % to 22 % of intake; level 4's share of it from 20 % to 45 %.
  const online = allocate(
    d.online,
    received.map((r, m) => r * ramp(0.08, 0.22, m) * jitter(rand, 0.1)),
  );
  const interlinked = allocate(
    d.interlinked,
    received.map((r) => r * (0.15 + 0.03 * rand())),
  );
  const saturday = allocate(
    d.saturday,
    received.map((r) => r * jitter(rand, 0.25)),
  );
  const fees = allocate(
    d.feesVnd / 1000,
    received.map((r) => r * jitter(rand, 0.15)),
  );
  return MONTHS.map((month, m) =>
    makeRecord(
      DISTRICT_ID,
      month,
      m === 0 ? d.carriedOver : at(pending, m - 1),
      at(received, m),
      at(online, m),
      ramp(0.2, 0.45, m) * jitter(rand, 0.08),
      at(pending, m),
      at(fees, m),
      { interlinked: at(interlinked, m), saturdayReceived: at(saturday, m) },
    ),
  );
}

function communeRecords(rand: () => number): DatasetRecord[] {
  const c = REPORT.commune;
  const size = COMMUNES.map(([id]) => TOWN_SIZE[id] ?? 0.55 + 0.75 * rand());
  // How readily each commune takes to online services: some keep up, some clearly lag.
  const uptake = COMMUNES.map(() => 0.35 + 1.05 * rand());
  // Fees per dossier differ a little by commune (mix of procedures).
  const feeLevel = COMMUNES.map(() => jitter(rand, 0.2));
  const cells = COMMUNES.flatMap((_, u) =>
    MONTHS.map((month, m) => at(size, u) * seasonOf(month) * ramp(0.97, 1.03, m) * jitter(rand, 0.1)),
  );
  const received = allocate(c.received, cells);
  const fees = allocate(
    c.feesVnd / 1000,
    received.map((r, i) => r * at(feeLevel, Math.floor(i / MONTHS.length)) * jitter(rand, 0.15)),
  );
  const firstCarried = allocate(
    c.carriedOver,
    size.map((s) => s * jitter(rand, 0.3)),
  );
  const lastPending = allocate(
    c.pending,
    size.map((s) => s * jitter(rand, 0.3)),
  );
  return COMMUNES.flatMap(([id], u) => {
    const base = u * MONTHS.length;
    const rec = received.slice(base, base + MONTHS.length);
    const pending = pendingPath(rec, at(firstCarried, u), at(lastPending, u), rand);
    return MONTHS.map((month, m) => {
      const r = at(rec, m);
      // From about 3 % to 20 % of intake on average, scaled by the commune's own uptake.
      const rate = Math.min(0.5, ramp(0.03, 0.2, m) * at(uptake, u) * jitter(rand, 0.15));
      return makeRecord(
        id,
        month,
        m === 0 ? at(firstCarried, u) : at(pending, m - 1),
        r,
        Math.round(r * rate),
        ramp(0.15, 0.35, m) * jitter(rand, 0.1),
        at(pending, m),
        at(fees, base + m),
      );
    });
  });
}

/**
 * The procedure fields (lĩnh vực) of the sample, in the order of the report's
 * rows, with how each behaves at each level. `share` is the field's part of a
 * unit's intake; `pending` how long its dossiers take (more of them still
 * pending at a month's end); `online` how readily it goes online, `level4`
 * how much of that is end-to-end; `fees` fees per dossier; `interlinked` how
 * often a dossier needs another agency. All relative weights, invented.
 */
interface FieldProfile {
  share: number;
  pending: number;
  online: number;
  level4: number;
  fees: number;
  interlinked: number;
}

export const SAMPLE_FIELDS: readonly Field[] = [
  { id: 'dat-dai', name: 'Đất đai' },
  { id: 'xay-dung', name: 'Xây dựng' },
  { id: 'dang-ky-kinh-doanh', name: 'Đăng ký kinh doanh' },
  { id: 'ho-tich', name: 'Hộ tịch' },
  { id: 'chung-thuc', name: 'Chứng thực' },
  { id: 'lao-dong-tbxh', name: 'Lao động – Thương binh và Xã hội' },
  { id: 'tu-phap-khac', name: 'Tư pháp khác' },
];

/** District level: land and business registration weigh most; every field is handled. */
const DISTRICT_FIELDS: Readonly<Record<string, FieldProfile>> = {
  'dat-dai': { share: 0.3, pending: 2.5, online: 0.6, level4: 0.5, fees: 3, interlinked: 2 },
  'xay-dung': { share: 0.07, pending: 2, online: 0.8, level4: 0.8, fees: 2, interlinked: 1 },
  'dang-ky-kinh-doanh': { share: 0.16, pending: 0.8, online: 2, level4: 1.5, fees: 1.2, interlinked: 0.5 },
  'ho-tich': { share: 0.06, pending: 0.8, online: 1.2, level4: 1, fees: 0.3, interlinked: 1 },
  'chung-thuc': { share: 0.22, pending: 0.2, online: 0.3, level4: 0.5, fees: 0.5, interlinked: 0.1 },
  'lao-dong-tbxh': { share: 0.13, pending: 1, online: 0.9, level4: 1, fees: 0.05, interlinked: 2 },
  'tu-phap-khac': { share: 0.06, pending: 1, online: 0.7, level4: 1, fees: 0.4, interlinked: 0.3 },
};

/** Commune level (2021–2022): authentication and civil status weigh most; business registration was the district's. */
const COMMUNE_FIELDS: Readonly<Record<string, FieldProfile>> = {
  'dat-dai': { share: 0.06, pending: 3, online: 0.8, level4: 0.6, fees: 1.5, interlinked: 1 },
  'xay-dung': { share: 0.02, pending: 3, online: 1, level4: 0.8, fees: 1, interlinked: 1 },
  'ho-tich': { share: 0.25, pending: 1, online: 1.8, level4: 1.2, fees: 0.4, interlinked: 1 },
  'chung-thuc': { share: 0.5, pending: 0.3, online: 0.6, level4: 0.6, fees: 1, interlinked: 1 },
  'lao-dong-tbxh': { share: 0.12, pending: 1.5, online: 1, level4: 1, fees: 0.05, interlinked: 1 },
  'tu-phap-khac': { share: 0.05, pending: 1, online: 0.8, level4: 1, fees: 0.3, interlinked: 1 },
};

/**
 * One unit's records split over its fields: each month's figures shared out
 * exactly, no field with more online, interlinked or pending dossiers than it
 * can hold, and each field's carried-over figure the pending figure of its
 * month before (so the month chain holds per field as it did per unit).
 * Returns the records ordered by month, then field.
 */
function splitByField(
  base: readonly DatasetRecord[],
  profiles: Readonly<Record<string, FieldProfile>>,
  rand: () => number,
): DatasetRecord[] {
  const fields = SAMPLE_FIELDS.filter((f) => profiles[f.id] !== undefined);
  const prof = fields.map((f) => profiles[f.id] as FieldProfile);
  // This unit's own mix of procedures, a little different from its neighbours'.
  const mix = prof.map((p) => p.share * jitter(rand, 0.2));
  const out: DatasetRecord[] = [];
  let carried: number[] = [];
  base.forEach((b, m) => {
    const received = allocate(
      b.received,
      mix.map((w) => w * jitter(rand, 0.1)),
    );
    if (m === 0) {
      carried = allocate(
        b.carriedOver,
        prof.map((p, k) => p.pending * (at(mix, k) + 0.01)),
      );
    }
    const cap = received.map((r, k) => r + at(carried, k));
    const pending = allocateCapped(
      b.pendingWithinDeadline,
      prof.map((p, k) => p.pending * (at(received, k) + 1) * jitter(rand, 0.2)),
      cap,
    );
    const online = allocateCapped(
      (b.receivedOnlineLevel3 ?? 0) + (b.receivedOnlineLevel4 ?? 0),
      prof.map((p, k) => p.online * at(received, k) * jitter(rand, 0.1)),
      received,
    );
    const level4 = allocateCapped(
      b.receivedOnlineLevel4 ?? 0,
      prof.map((p, k) => p.level4 * at(online, k)),
      online,
    );
    const fees = allocate(
      (b.feesVnd ?? 0) / 1000,
      prof.map((p, k) => p.fees * (at(received, k) + 1) * jitter(rand, 0.15)),
    );
    const interlinked =
      b.interlinked === undefined
        ? null
        : allocateCapped(
            b.interlinked,
            prof.map((p, k) => p.interlinked * at(received, k)),
            received,
          );
    const saturday =
      b.saturdayReceived === undefined
        ? null
        : allocateCapped(
            b.saturdayReceived,
            received.map((r) => r * jitter(rand, 0.25)),
            received,
          );
    fields.forEach((f, k) => {
      const record: DatasetRecord = {
        unitId: b.unitId,
        month: b.month,
        fieldId: f.id,
        carriedOver: at(carried, k),
        received: at(received, k),
        receivedOnlineLevel3: at(online, k) - at(level4, k),
        receivedOnlineLevel4: at(level4, k),
        resolvedEarly: 0,
        resolvedOnTime: at(cap, k) - at(pending, k),
        resolvedLate: 0,
        withdrawn: 0,
        pendingWithinDeadline: at(pending, k),
        pendingOverdue: 0,
        feesVnd: at(fees, k) * 1000,
      };
      if (interlinked) record.interlinked = at(interlinked, k);
      if (saturday) record.saturdayReceived = at(saturday, k);
      out.push(record);
    });
    carried = pending;
  });
  return out;
}

const SOURCE =
  'Báo cáo tại phiên giải trình của Thường trực HĐND huyện Gia Lâm về cải cách hành chính ngày 27/5/2022: số liệu năm 2021 và 4 tháng đầu năm 2022. Tổng số từng cấp lấy theo báo cáo; số liệu chia theo tháng, theo từng xã và theo lĩnh vực là giả định, chỉ để minh hoạ.';

/**
 * The sample as it was before fields: one record per unit and month, in
 * contract version 1. The sample by field adds up to it for every unit and
 * month; tests compare the two.
 */
export function generateBaseSample(): Dataset {
  const rand = mulberry32(SEED);
  const units: Unit[] = [
    { id: DISTRICT_ID, name: 'Huyện Gia Lâm', level: 'district' },
    ...COMMUNES.map(([id, name, code]): Unit => ({ id, name, level: 'commune', parentId: DISTRICT_ID, code })),
  ];
  const dataset: Dataset = {
    $schema: './schema.json',
    schemaVersion: 1,
    title: 'Huyện Gia Lâm – kết quả giải quyết thủ tục hành chính',
    source:
      'Báo cáo tại phiên giải trình của Thường trực HĐND huyện Gia Lâm về cải cách hành chính ngày 27/5/2022: số liệu năm 2021 và 4 tháng đầu năm 2022. Tổng số từng cấp lấy theo báo cáo; số liệu chia theo tháng và theo từng xã là giả định, chỉ để minh hoạ.',
    illustrative: true,
    updatedAt: '2022-05-27',
    facts: [
      {
        label: 'Thủ tục hành chính đang áp dụng trên địa bàn huyện',
        value: 434,
        unit: 'thủ tục',
        note: '280 thủ tục cấp huyện, 154 thủ tục cấp xã',
      },
      {
        label: 'Thủ tục được đơn giản hoá ở cấp huyện',
        value: 58,
        unit: 'thủ tục',
        note: 'chủ yếu rút ngắn thời gian giải quyết',
      },
      { label: 'Thủ tục được đơn giản hoá ở cấp xã', value: 20, unit: 'thủ tục', note: 'bình quân mỗi xã' },
      { label: 'Kiểm tra công tác cải cách hành chính', value: 20, unit: 'cuộc' },
      { label: 'Kiểm tra công vụ', value: 8, unit: 'cuộc' },
    ],
    units,
    records: [...districtRecords(rand), ...communeRecords(rand)],
  };
  return dataset;
}

/** The sample: version 2, every unit's records by field, adding up to the base sample unit by unit and month by month. */
export function generateSample(): Dataset {
  const base = generateBaseSample();
  const rand = mulberry32(FIELD_SEED);
  const records = base.units.flatMap((u) =>
    splitByField(
      base.records.filter((r) => r.unitId === u.id),
      u.level === 'district' ? DISTRICT_FIELDS : COMMUNE_FIELDS,
      rand,
    ),
  );
  const dataset: Dataset = {
    $schema: base.$schema,
    schemaVersion: 2,
    title: base.title,
    source: SOURCE,
    illustrative: true,
    updatedAt: base.updatedAt,
    facts: base.facts,
    fields: [...SAMPLE_FIELDS],
    units: base.units,
    records,
  };
  checkSample(dataset);
  return dataset;
}

/**
 * Throws, naming the first rule broken, unless the sample adds up to the
 * report, every record is sound, and the file loads without a warning.
 */
export function checkSample(dataset: Dataset): void {
  const fail = (message: string): never => {
    throw new Error(`generate-sample: ${message}`);
  };
  const expectEqual = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted) fail(`${what} is ${actual}, the report says ${wanted}`);
  };

  // Units, fields and the shape of the record list: by unit, then month, then field.
  const unitIds = dataset.units.map((u) => u.id);
  expectEqual('number of units', unitIds.length, 1 + COMMUNES.length);
  if (new Set(unitIds).size !== unitIds.length) fail('unit ids are not unique');
  const fieldsOf = (unitId: string) =>
    SAMPLE_FIELDS.filter((f) => (unitId === DISTRICT_ID ? DISTRICT_FIELDS : COMMUNE_FIELDS)[f.id] !== undefined);
  const expected = unitIds.flatMap((unitId) =>
    MONTHS.flatMap((month) => fieldsOf(unitId).map((f) => `${unitId} ${month} ${f.id}`)),
  );
  expectEqual('number of records', dataset.records.length, expected.length);
  dataset.records.forEach((r, i) => {
    const key = `${r.unitId} ${r.month} ${r.fieldId}`;
    if (key !== expected[i]) fail(`record ${i} is ${key}, expected ${expected[i]} (by unit, then month, then field)`);
  });

  // Rules every record must satisfy.
  const before = new Map<string, DatasetRecord>();
  for (const r of dataset.records) {
    const where = `${r.unitId} ${r.month} ${r.fieldId}`;
    const isDistrict = r.unitId === DISTRICT_ID;
    for (const [key, value] of Object.entries(r)) {
      if (key === 'unitId' || key === 'month' || key === 'fieldId') continue;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        fail(`${where}: ${key} = ${String(value)} is not a whole number ≥ 0`);
      }
    }
    if (r.receivedOnline !== undefined) fail(`${where}: the sample gives levels 3 and 4, not the online total`);
    if (r.receivedOnlineLevel3 === undefined || r.receivedOnlineLevel4 === undefined || r.feesVnd === undefined) {
      fail(`${where}: the report era gives levels 3 and 4 and fees in every record`);
    }
    if (r.apologyLetters !== undefined) fail(`${where}: apologyLetters must be absent`);
    if (isDistrict && (r.interlinked === undefined || r.saturdayReceived === undefined)) {
      fail(`${where}: the district reports interlinked and saturdayReceived`);
    }
    if (!isDistrict && (r.interlinked !== undefined || r.saturdayReceived !== undefined)) {
      fail(`${where}: communes do not report interlinked or saturdayReceived (leave them out)`);
    }
    const withdrawn = r.withdrawn ?? 0;
    const inflow = r.carriedOver + r.received;
    const outflow =
      r.resolvedEarly + r.resolvedOnTime + r.resolvedLate + withdrawn + r.pendingWithinDeadline + r.pendingOverdue;
    if (inflow !== outflow) fail(`${where}: carried over + received = ${inflow} but resolved + pending = ${outflow}`);
    if ((r.receivedOnlineLevel3 ?? 0) + (r.receivedOnlineLevel4 ?? 0) > r.received) {
      fail(`${where}: online intake exceeds received`);
    }
    if ((r.interlinked ?? 0) > r.received) fail(`${where}: interlinked exceeds received`);
    if ((r.saturdayReceived ?? 0) > r.received) fail(`${where}: Saturday intake exceeds received`);
    if (r.resolvedEarly !== 0) fail(`${where}: resolvedEarly must be 0 (the report does not split early from on time)`);
    if (r.resolvedLate !== 0 || withdrawn !== 0 || r.pendingOverdue !== 0) {
      fail(`${where}: the report has no late, withdrawn or overdue dossiers`);
    }
    if ((r.feesVnd ?? 0) % 1000 !== 0) fail(`${where}: fees are not in whole thousands of VND`);
    const series = `${r.unitId} ${r.fieldId}`;
    const previous = before.get(series);
    if (previous) {
      const left = previous.pendingWithinDeadline + previous.pendingOverdue;
      if (r.carriedOver !== left) {
        fail(`${where}: carried over ${r.carriedOver} but ${left} were pending a month before`);
      }
    }
    before.set(series, r);
  }

  // The report's totals.
  const sum = (rs: readonly DatasetRecord[], f: (r: DatasetRecord) => number) => rs.reduce((a, r) => a + f(r), 0);
  const district = dataset.records.filter((r) => r.unitId === DISTRICT_ID);
  const communes = dataset.records.filter((r) => r.unitId !== DISTRICT_ID);
  const first = (rs: readonly DatasetRecord[]) => rs.filter((r) => r.month === FIRST_MONTH);
  const last = (rs: readonly DatasetRecord[]) => rs.filter((r) => r.month === LAST_MONTH);
  const levels = [
    ['district', district, REPORT.district],
    ['communes', communes, REPORT.commune],
  ] as const;
  for (const [name, rs, want] of levels) {
    expectEqual(
      `${name}: carried over into ${FIRST_MONTH}`,
      sum(first(rs), (r) => r.carriedOver),
      want.carriedOver,
    );
    expectEqual(
      `${name}: received`,
      sum(rs, (r) => r.received),
      want.received,
    );
    expectEqual(
      `${name}: resolved on time (early included)`,
      sum(rs, (r) => r.resolvedEarly + r.resolvedOnTime),
      want.onTime,
    );
    expectEqual(
      `${name}: resolvedOnTime`,
      sum(rs, (r) => r.resolvedOnTime),
      want.onTime,
    );
    expectEqual(
      `${name}: pending within the deadline at the end of ${LAST_MONTH}`,
      sum(last(rs), (r) => r.pendingWithinDeadline),
      want.pending,
    );
    expectEqual(
      `${name}: fees (VND)`,
      sum(rs, (r) => r.feesVnd ?? 0),
      want.feesVnd,
    );
  }
  expectEqual(
    'district: online intake, levels 3 and 4',
    sum(district, (r) => (r.receivedOnlineLevel3 ?? 0) + (r.receivedOnlineLevel4 ?? 0)),
    REPORT.district.online,
  );
  expectEqual(
    'district: interlinked',
    sum(district, (r) => r.interlinked ?? 0),
    REPORT.district.interlinked,
  );
  expectEqual(
    'district: received on Saturday',
    sum(district, (r) => r.saturdayReceived ?? 0),
    REPORT.district.saturday,
  );

  // The dashboard reads it as it is: no error, no warning.
  const loaded = validateDataset(JSON.parse(JSON.stringify(dataset)));
  if (!loaded.ok) fail(`the dataset is refused: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  else if (loaded.warnings.length > 0)
    fail(`the dataset raises warnings: ${JSON.stringify(loaded.warnings.slice(0, 3))}`);
}

/** The file's exact text: 2-space indented JSON with a trailing newline. */
export function sampleText(): string {
  return `${JSON.stringify(generateSample(), null, 2)}\n`;
}

/** Writes a generated file, or with `check` says whether the file on disk is what the generator makes. */
export function writeOrCheck(path: string, text: string, check: boolean): boolean {
  if (!check) {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
    return true;
  }
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    console.error(
      current === undefined
        ? `${path} is missing: run npm run generate:sample`
        : `${path} differs from what its generator makes: run npm run generate:sample`,
    );
    return false;
  }
  console.log(`${path} is up to date`);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const check = process.argv.includes('--check');
  const results = [
    writeOrCheck(SAMPLE_PATH, sampleText(), check),
    writeOrCheck(COMMUNE_SAMPLE_PATH, communeSampleText(), check),
  ];
  if (results.includes(false)) process.exit(1);
}

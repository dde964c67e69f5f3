import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Dataset } from '../src/domain/schema.ts';

/**
 * Builds data/gia-lam.json, the bundled sample.
 *
 * The totals per level are the figures Gia Lâm district reported for
 * 2021-01..2022-04 (see ../shared/seed/FIGURES.md). The report gives no
 * breakdown by month or by commune, so that split is invented here from a
 * fixed seed, and the dataset says so (`illustrative: true`). The script uses
 * nothing but Node built-ins, and refuses to produce a file that does not add
 * up to the report or breaks a per-record rule.
 *
 *   tsx scripts/generate-sample.ts           write data/gia-lam.json
 *   tsx scripts/generate-sample.ts --check   exit 1 if the file is stale
 */

type DatasetRecord = Dataset['records'][number];
type Unit = Dataset['units'][number];

export const SAMPLE_PATH = 'data/gia-lam.json';
const SEED = 20220527;
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

export function generateSample(): Dataset {
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
  checkSample(dataset);
  return dataset;
}

/** Throws, naming the first rule broken, unless the sample adds up to the report and every record is sound. */
export function checkSample(dataset: Dataset): void {
  const fail = (message: string): never => {
    throw new Error(`generate-sample: ${message}`);
  };
  const expectEqual = (what: string, actual: number, wanted: number) => {
    if (actual !== wanted) fail(`${what} is ${actual}, the report says ${wanted}`);
  };

  // Units and the shape of the record list.
  const unitIds = dataset.units.map((u) => u.id);
  expectEqual('number of units', unitIds.length, 1 + COMMUNES.length);
  if (new Set(unitIds).size !== unitIds.length) fail('unit ids are not unique');
  expectEqual('number of records', dataset.records.length, unitIds.length * MONTHS.length);
  dataset.records.forEach((r, i) => {
    const u = Math.floor(i / MONTHS.length);
    const m = i % MONTHS.length;
    if (r.unitId !== unitIds[u] || r.month !== MONTHS[m]) {
      fail(`record ${i} is ${r.unitId} ${r.month}, expected ${unitIds[u]} ${MONTHS[m]} (sorted by unit, then month)`);
    }
  });

  // Rules every record must satisfy.
  let previous: DatasetRecord | undefined;
  for (const r of dataset.records) {
    const where = `${r.unitId} ${r.month}`;
    const isDistrict = r.unitId === DISTRICT_ID;
    for (const [key, value] of Object.entries(r)) {
      if (key === 'unitId' || key === 'month') continue;
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        fail(`${where}: ${key} = ${String(value)} is not a whole number ≥ 0`);
      }
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
    if (r.receivedOnlineLevel3 + r.receivedOnlineLevel4 > r.received) fail(`${where}: online intake exceeds received`);
    if ((r.interlinked ?? 0) > r.received) fail(`${where}: interlinked exceeds received`);
    if ((r.saturdayReceived ?? 0) > r.received) fail(`${where}: Saturday intake exceeds received`);
    if (r.resolvedEarly !== 0) fail(`${where}: resolvedEarly must be 0 (the report does not split early from on time)`);
    if (r.resolvedLate !== 0 || withdrawn !== 0 || r.pendingOverdue !== 0) {
      fail(`${where}: the report has no late, withdrawn or overdue dossiers`);
    }
    if (r.feesVnd % 1000 !== 0) fail(`${where}: fees are not in whole thousands of VND`);
    if (previous && previous.unitId === r.unitId) {
      const left = previous.pendingWithinDeadline + previous.pendingOverdue;
      if (r.carriedOver !== left)
        fail(`${where}: carried over ${r.carriedOver} but ${left} were pending a month before`);
    }
    previous = r;
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
      sum(rs, (r) => r.feesVnd),
      want.feesVnd,
    );
  }
  expectEqual(
    'district: online intake, levels 3 and 4',
    sum(district, (r) => r.receivedOnlineLevel3 + r.receivedOnlineLevel4),
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
}

/** The file's exact text: 2-space indented JSON with a trailing newline. */
export function sampleText(): string {
  return `${JSON.stringify(generateSample(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = sampleText();
  if (process.argv.includes('--check')) {
    let current: string | undefined;
    try {
      current = readFileSync(SAMPLE_PATH, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== text) {
      console.error(
        current === undefined
          ? `${SAMPLE_PATH} is missing: run npm run generate:sample`
          : `${SAMPLE_PATH} differs from what scripts/generate-sample.ts makes: run npm run generate:sample`,
      );
      process.exit(1);
    }
    console.log(`${SAMPLE_PATH} is up to date`);
  } else {
    writeFileSync(SAMPLE_PATH, text);
    console.log(`wrote ${SAMPLE_PATH}`);
  }
}

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { monthsBetween } from '../src/domain/months.ts';
import type { Dataset, DatasetRecord, Unit } from '../src/domain/schema.ts';
import { findWarnings, validateDataset } from '../src/domain/validate.ts';

/**
 * Builds data/gia-lam.json. The totals per level are those Gia Lâm district
 * reported for 2021-01..2022-04 (see ../shared/seed/FIGURES.md); how they
 * split by month and by commune is not in the report, so it is invented here
 * with a fixed seed, and the dataset is flagged `illustrative`.
 */

export const SAMPLE_PATH = 'data/gia-lam.json';
const SEED = 20220527;
const MONTHS = monthsBetween({ from: '2021-01', to: '2022-04' });

/** The report's figures that the sample must add up to exactly. */
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
  commune: { carriedOver: 423, received: 143_110, onTime: 143_141, pending: 392, feesVnd: 1_386_718_000 },
} as const;

const COMMUNES: readonly [string, string, string][] = [
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

/** Relative intake by calendar month: a dip at Tết (Feb), busier mid-year and before the year closes. */
const SEASON = [1.05, 0.72, 0.98, 1.0, 1.02, 1.08, 1.1, 1.0, 0.95, 1.0, 1.03, 1.12];

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

/** Split a whole number in proportion to weights, exactly (largest remainder). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left--;
  }
  return out;
}

const seasonOf = (month: string) => SEASON[Number(month.slice(5, 7)) - 1] ?? 1;
/** 0 at the first month, 1 at the last. */
const progress = (m: number) => m / (MONTHS.length - 1);

function blank(unitId: string, month: string): DatasetRecord {
  return {
    unitId,
    month,
    carriedOver: 0,
    received: 0,
    receivedOnlineLevel3: 0,
    receivedOnlineLevel4: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    withdrawn: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    feesVnd: 0,
  };
}

/** Pending at each month end: a small share of the month's intake, with the report's figure at the end. */
function pendingChain(received: readonly number[], last: number, rand: () => number): number[] {
  return received.map((r, m) => (m === received.length - 1 ? last : Math.round(r * (0.01 + 0.02 * rand()))));
}

function districtRecords(rand: () => number): DatasetRecord[] {
  const d = REPORT.district;
  const received = allocate(
    d.received,
    MONTHS.map((m) => seasonOf(m) * (0.9 + 0.2 * rand())),
  );
  const pending = pendingChain(received, d.pending, rand);
  const online = allocate(
    d.online,
    received.map((r, m) => r * (0.08 + 0.14 * progress(m)) * (0.9 + 0.2 * rand())),
  );
  const interlinked = allocate(
    d.interlinked,
    received.map((r) => r * (0.15 + 0.03 * rand())),
  );
  const saturday = allocate(
    d.saturday,
    received.map((r) => r * (0.015 + 0.01 * rand())),
  );
  const feesThousands = allocate(
    d.feesVnd / 1000,
    received.map((r) => r * (0.9 + 0.2 * rand())),
  );
  return MONTHS.map((month, m) => {
    const carriedOver = m === 0 ? d.carriedOver : (pending[m - 1] ?? 0);
    const r = received[m] ?? 0;
    const level4 = Math.round((online[m] ?? 0) * (0.2 + 0.25 * progress(m)));
    return {
      ...blank('gia-lam', month),
      carriedOver,
      received: r,
      receivedOnlineLevel3: (online[m] ?? 0) - level4,
      receivedOnlineLevel4: level4,
      resolvedOnTime: carriedOver + r - (pending[m] ?? 0),
      pendingWithinDeadline: pending[m] ?? 0,
      feesVnd: (feesThousands[m] ?? 0) * 1000,
      interlinked: interlinked[m] ?? 0,
      saturdayReceived: saturday[m] ?? 0,
    };
  });
}

function communeRecords(rand: () => number): DatasetRecord[] {
  const c = REPORT.commune;
  // The two towns are the largest; Trâu Quỳ, the district seat, most of all.
  const size = COMMUNES.map(([id]) => (id === 'tt-trau-quy' ? 2.4 : id === 'tt-yen-vien' ? 1.9 : 0.55 + 0.8 * rand()));
  // Some communes take to online services readily, some clearly lag.
  const onlineBent = COMMUNES.map(() => 0.35 + 1.1 * rand());
  const cells = COMMUNES.flatMap((_, u) =>
    MONTHS.map((month) => (size[u] ?? 1) * seasonOf(month) * (0.88 + 0.24 * rand())),
  );
  const received = allocate(c.received, cells);
  const fees = allocate(
    c.feesVnd / 1000,
    received.map((r) => r * (0.8 + 0.4 * rand())),
  );
  const firstCarried = allocate(c.carriedOver, size);
  const lastPending = allocate(c.pending, size);
  const out: DatasetRecord[] = [];
  COMMUNES.forEach(([id], u) => {
    const rec = received.slice(u * MONTHS.length, (u + 1) * MONTHS.length);
    const pending = pendingChain(rec, lastPending[u] ?? 0, rand);
    MONTHS.forEach((month, m) => {
      const carriedOver = m === 0 ? (firstCarried[u] ?? 0) : (pending[m - 1] ?? 0);
      const r = rec[m] ?? 0;
      const rate = Math.min(0.6, (0.03 + 0.17 * progress(m)) * (onlineBent[u] ?? 1) * (0.85 + 0.3 * rand()));
      const online = Math.round(r * rate);
      const level4 = Math.round(online * (0.15 + 0.25 * progress(m)));
      out.push({
        ...blank(id, month),
        carriedOver,
        received: r,
        receivedOnlineLevel3: online - level4,
        receivedOnlineLevel4: level4,
        resolvedOnTime: carriedOver + r - (pending[m] ?? 0),
        pendingWithinDeadline: pending[m] ?? 0,
        feesVnd: (fees[u * MONTHS.length + m] ?? 0) * 1000,
      });
    });
  });
  return out;
}

export function generateSample(): Dataset {
  const rand = mulberry32(SEED);
  const units: Unit[] = [
    { id: 'gia-lam', name: 'Huyện Gia Lâm', level: 'district' },
    ...COMMUNES.map(([id, name, code]): Unit => ({ id, name, level: 'commune', parentId: 'gia-lam', code })),
  ];
  const dataset: Dataset = {
    $schema: './schema.json',
    schemaVersion: 1,
    title: 'Huyện Gia Lâm – kết quả giải quyết thủ tục hành chính',
    source:
      'Số liệu tổng hợp của huyện Gia Lâm (Hà Nội) năm 2021 và 4 tháng đầu năm 2022, báo cáo tại phiên giải trình về cải cách hành chính của Thường trực HĐND huyện ngày 27/5/2022. Tổng số theo từng cấp là số liệu của báo cáo; cách chia theo tháng và theo xã là số liệu dựng để minh hoạ.',
    illustrative: true,
    updatedAt: '2022-05-27',
    facts: [
      { label: 'Thủ tục hành chính đang áp dụng trên địa bàn huyện', value: 434, unit: 'thủ tục' },
      { label: 'Thủ tục thuộc thẩm quyền cấp huyện', value: 280, unit: 'thủ tục' },
      { label: 'Thủ tục thuộc thẩm quyền cấp xã', value: 154, unit: 'thủ tục' },
      {
        label: 'Thủ tục được đơn giản hoá ở cấp huyện',
        value: 58,
        unit: 'thủ tục',
        note: 'chủ yếu rút ngắn thời gian giải quyết',
      },
      { label: 'Thủ tục được đơn giản hoá ở mỗi xã', value: 20, unit: 'thủ tục', note: 'bình quân mỗi xã, khoảng' },
      { label: 'Cuộc kiểm tra công tác cải cách hành chính', value: 20, unit: 'cuộc' },
      { label: 'Cuộc kiểm tra công vụ', value: 8, unit: 'cuộc' },
    ],
    units,
    records: [...districtRecords(rand), ...communeRecords(rand)],
  };
  check(dataset);
  return dataset;
}

/** Refuse to write a sample that does not add up to the report or breaks a rule of the contract. */
function check(dataset: Dataset): void {
  const result = validateDataset(dataset);
  if (!result.ok) throw new Error(`sample is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
  const warnings = findWarnings(dataset.records);
  if (warnings.length > 0) throw new Error(`sample has warnings: ${JSON.stringify(warnings.slice(0, 3))}`);
  const sum = (rs: DatasetRecord[], f: (r: DatasetRecord) => number) => rs.reduce((a, r) => a + f(r), 0);
  const district = dataset.records.filter((r) => r.unitId === 'gia-lam');
  const communes = dataset.records.filter((r) => r.unitId !== 'gia-lam');
  const first = (rs: DatasetRecord[]) => rs.filter((r) => r.month === MONTHS[0]);
  const last = (rs: DatasetRecord[]) => rs.filter((r) => r.month === MONTHS[MONTHS.length - 1]);
  const expect = (name: string, actual: number, wanted: number) => {
    if (actual !== wanted) throw new Error(`sample ${name}: ${actual} instead of ${wanted}`);
  };
  for (const [name, rs, want] of [
    ['district', district, REPORT.district],
    ['commune', communes, REPORT.commune],
  ] as const) {
    expect(
      `${name} carriedOver`,
      sum(first(rs), (r) => r.carriedOver),
      want.carriedOver,
    );
    expect(
      `${name} received`,
      sum(rs, (r) => r.received),
      want.received,
    );
    expect(
      `${name} on time`,
      sum(rs, (r) => r.resolvedEarly + r.resolvedOnTime),
      want.onTime,
    );
    expect(
      `${name} late`,
      sum(rs, (r) => r.resolvedLate + (r.withdrawn ?? 0) + r.pendingOverdue),
      0,
    );
    expect(
      `${name} pending`,
      sum(last(rs), (r) => r.pendingWithinDeadline),
      want.pending,
    );
    expect(
      `${name} fees`,
      sum(rs, (r) => r.feesVnd),
      want.feesVnd,
    );
  }
  expect(
    'district online',
    sum(district, (r) => r.receivedOnlineLevel3 + r.receivedOnlineLevel4),
    REPORT.district.online,
  );
  expect(
    'district interlinked',
    sum(district, (r) => r.interlinked ?? 0),
    REPORT.district.interlinked,
  );
  expect(
    'district saturday',
    sum(district, (r) => r.saturdayReceived ?? 0),
    REPORT.district.saturday,
  );
}

export function sampleText(): string {
  return `${JSON.stringify(generateSample(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = sampleText();
  if (process.argv.includes('--check')) {
    if (readFileSync(SAMPLE_PATH, 'utf8') !== text) {
      console.error(`${SAMPLE_PATH} differs from what scripts/generate-sample.ts makes: run npm run generate:sample`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(SAMPLE_PATH, text);
    console.log(`wrote ${SAMPLE_PATH}`);
  }
}

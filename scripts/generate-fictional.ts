import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { datasetJsonText } from '../src/domain/dataset-json-text.ts';
import type { Dataset } from '../src/domain/schema.ts';
import { mulberry32 } from './generate-sample.ts';

/**
 * Fictional datasets of three sizes, for measuring the dashboard
 * (scripts/bench.ts) rather than for showing anyone. Every unit, name, code
 * and figure is invented from a seed; the title and `illustrative: true` say
 * so, and no name or code could be mistaken for a real commune's.
 *
 * The data aims to look like a province's real returns where it matters to
 * the code paths: a province, districts and communes with their own records;
 * late resolutions, overdue backlogs, withdrawals; online uptake that differs
 * widely from unit to unit; optional fields some units report and others
 * leave out; a few communes that start reporting part-way through; and a
 * handful of deliberate warnings (month-chain and flow-identity mismatches),
 * so the data-quality panel has something to list. It never breaks a rule the
 * contract enforces: validateDataset accepts every file this makes.
 *
 *   tsx scripts/generate-fictional.ts <small|medium|large> -o <file> [--seed N] [--compact | --rows]
 *
 * --rows writes the file as `tthc convert` does (records as rows, one a line: decision 0019).
 */

type DatasetRecord = Dataset['records'][number];
type Unit = Dataset['units'][number];

export type FictionalSize = 'small' | 'medium' | 'large';

export interface SizeSpec {
  communes: number;
  months: number;
  firstMonth: string;
}

/** The three sizes: a district's own data, a mid-sized province, and the whole country's count of communes. */
export const FICTIONAL_SIZES: Readonly<Record<FictionalSize, SizeSpec>> = {
  small: { communes: 22, months: 16, firstMonth: '2023-01' },
  medium: { communes: 700, months: 36, firstMonth: '2022-01' },
  large: { communes: 3321, months: 60, firstMonth: '2020-01' },
};

export const DEFAULT_SEED = 20240601;

/** Relative intake by calendar month: a dip at Tết (Feb), busier before the year closes. */
const SEASON = [1.04, 0.7, 0.97, 1.0, 1.03, 1.09, 1.1, 1.01, 0.96, 1.0, 1.04, 1.14];

function monthList(first: string, count: number): string[] {
  const start = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** What one unit is like; drawn once, so its months look like the same office from one month to the next. */
interface Profile {
  /** Mean new dossiers a month. */
  intake: number;
  /** Online share of intake at the first and last month (uptake differs a lot between units). */
  onlineStart: number;
  onlineEnd: number;
  /** Level 4's share of online intake. */
  level4: number;
  /** Share of the month's workload still pending at month end, and how much of that is overdue. */
  pendingShare: number;
  overdueShare: number;
  /** Shares of resolved dossiers that were late, and early. */
  lateShare: number;
  earlyShare: number;
  /** Share withdrawn; null: the unit does not report withdrawals (field absent). */
  withdrawnShare: number | null;
  /** Fees per dossier, in thousands of VND. */
  feePerDossier: number;
  /** Optional fields this unit reports. */
  interlinked: number | null;
  saturday: number | null;
  apologies: boolean;
  /** Index of the first month with a record (a commune set up part-way through). */
  startMonth: number;
}

function makeProfile(rand: () => number, level: Unit['level'], months: number): Profile {
  const struggling = rand() < 0.12;
  const district = level !== 'commune';
  const reportsExtras = district || rand() < 0.4;
  return {
    intake: level === 'province' ? 2200 + 800 * rand() : district ? 900 + 1400 * rand() : 120 + 520 * rand() ** 1.6 * 2,
    onlineStart: 0.02 + 0.12 * rand(),
    onlineEnd: rand() < 0.2 ? 0.05 + 0.15 * rand() : 0.25 + 0.55 * rand(),
    level4: 0.15 + 0.5 * rand(),
    pendingShare: district ? 0.08 + 0.12 * rand() : 0.01 + 0.05 * rand(),
    overdueShare: struggling ? 0.2 + 0.4 * rand() : 0.03 * rand(),
    lateShare: struggling ? 0.04 + 0.12 * rand() : 0.015 * rand(),
    earlyShare: 0.1 + 0.5 * rand(),
    withdrawnShare: rand() < 0.6 ? 0.002 + 0.02 * rand() : null,
    feePerDossier: (district ? 25 : 8) * (0.6 + 0.8 * rand()),
    interlinked: reportsExtras ? 0.05 + 0.2 * rand() : null,
    saturday: reportsExtras && rand() < 0.8 ? 0.01 + 0.04 * rand() : null,
    apologies: rand() < 0.3,
    startMonth: level === 'commune' && rand() < 0.015 ? 1 + Math.floor(rand() * Math.min(12, months - 2)) : 0,
  };
}

/** A unit's months, each carrying over what the month before left pending. */
function unitRecords(unitId: string, profile: Profile, months: readonly string[], rand: () => number): DatasetRecord[] {
  const out: DatasetRecord[] = [];
  const last = Math.max(1, months.length - 1);
  // Pending at the end of the month before: the next month's carriedOver (the month chain).
  let pendingBefore = Math.round(profile.intake * profile.pendingShare * (0.5 + rand()));
  for (let m = profile.startMonth; m < months.length; m++) {
    const month = months[m] as string;
    const season = SEASON[Number(month.slice(5, 7)) - 1] ?? 1;
    const progress = m / last;
    const received = Math.max(0, Math.round(profile.intake * season * (0.9 + 0.25 * progress) * (0.85 + 0.3 * rand())));
    const onlineShare = Math.min(
      0.95,
      (profile.onlineStart + (profile.onlineEnd - profile.onlineStart) * progress) * (0.85 + 0.3 * rand()),
    );
    const online = Math.min(received, Math.round(received * onlineShare));
    const level4 = Math.round(online * Math.min(1, profile.level4 * (0.9 + 0.2 * rand())));
    // A unit newly set up starts with nothing carried over.
    const carriedOver = m === profile.startMonth && m > 0 ? 0 : pendingBefore;
    const workload = carriedOver + received;
    const withdrawn =
      profile.withdrawnShare === null ? null : Math.round(workload * profile.withdrawnShare * (0.5 + rand()));
    const open = workload - (withdrawn ?? 0);
    const pendingNow = Math.min(open, Math.round(open * profile.pendingShare * (0.7 + 0.6 * rand())));
    const overdueNow = Math.min(pendingNow, Math.round(pendingNow * profile.overdueShare * (0.6 + 0.8 * rand())));
    const resolved = open - pendingNow;
    const late = Math.min(resolved, Math.round(resolved * profile.lateShare * (0.5 + rand())));
    const early = Math.round((resolved - late) * profile.earlyShare * (0.8 + 0.4 * rand()));
    const record: DatasetRecord = {
      unitId,
      month,
      carriedOver,
      received,
      receivedOnlineLevel3: online - level4,
      receivedOnlineLevel4: level4,
      resolvedEarly: early,
      resolvedOnTime: resolved - late - early,
      resolvedLate: late,
      pendingWithinDeadline: pendingNow - overdueNow,
      pendingOverdue: overdueNow,
      feesVnd: Math.round(received * profile.feePerDossier * (0.85 + 0.3 * rand())) * 1000,
    };
    if (withdrawn !== null) record.withdrawn = withdrawn;
    if (profile.interlinked !== null) {
      record.interlinked = Math.min(received, Math.round(received * profile.interlinked * (0.8 + 0.4 * rand())));
    }
    if (profile.saturday !== null) {
      record.saturdayReceived = Math.min(received, Math.round(received * profile.saturday * (0.5 + rand())));
    }
    // Apology letters go out for late dossiers; a unit that reports them sends one for most.
    if (profile.apologies) record.apologyLetters = Math.round(late * (0.5 + 0.5 * rand()));
    out.push(record);
    pendingBefore = pendingNow;
  }
  return out;
}

export interface DeliberateWarning {
  code: 'month_chain' | 'flow_identity';
  unitId: string;
  month: string;
}

/**
 * Breaks 3 to 5 commune records on purpose, at least one of each kind. A
 * month-chain break moves carriedOver and resolvedOnTime by the same amount,
 * so that record's flow still balances; a flow break moves resolvedOnTime
 * alone. Either way every count stays a whole number ≥ 0, so the file stays
 * valid and each break yields exactly one warning.
 */
function breakSome(records: DatasetRecord[], communeIds: ReadonlySet<string>, rand: () => number): DeliberateWarning[] {
  const wanted = 3 + Math.floor(rand() * 3);
  const made: DeliberateWarning[] = [];
  const touched = new Set<number>();
  let guard = 0;
  while (made.length < wanted && guard++ < 10_000) {
    const i = Math.floor(rand() * records.length);
    const r = records[i];
    const prev = records[i - 1];
    if (!r || touched.has(i) || !communeIds.has(r.unitId)) continue;
    const code: DeliberateWarning['code'] = made.length % 2 === 0 ? 'month_chain' : 'flow_identity';
    const shift = 3 + Math.floor(rand() * 20);
    if (code === 'month_chain') {
      // Needs the unit's previous month in the file, or there is no chain to break.
      if (!prev || prev.unitId !== r.unitId) continue;
      r.carriedOver += shift;
      r.resolvedOnTime += shift;
    } else {
      r.resolvedOnTime += shift;
    }
    touched.add(i);
    made.push({ code, unitId: r.unitId, month: r.month });
  }
  return made;
}

/** Districts of 15 to 30 communes, drawn until every commune has one. */
function districtSizes(communes: number, rand: () => number): number[] {
  const sizes: number[] = [];
  let left = communes;
  while (left > 0) {
    // What is left fits one district; otherwise leave at least 15 for the next.
    if (left <= 30) {
      sizes.push(left);
      break;
    }
    const size = Math.min(15 + Math.floor(rand() * 16), left - 15);
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

const DISTRICT_KINDS = ['Huyện', 'Huyện', 'Huyện', 'Thị xã', 'Quận'] as const;
const COMMUNE_KINDS = ['Xã', 'Xã', 'Xã', 'Xã', 'Phường', 'Thị trấn'] as const;

export interface FictionalResult {
  dataset: Dataset;
  /** The records broken on purpose, to check that validation finds exactly these. */
  deliberate: DeliberateWarning[];
}

/** A fictional dataset and the warnings planted in it. */
export function generateFictionalWithNotes(size: FictionalSize, seed = DEFAULT_SEED): FictionalResult {
  const spec = FICTIONAL_SIZES[size];
  const rand = mulberry32(seed);
  const months = monthList(spec.firstMonth, spec.months);
  const lastMonth = months[months.length - 1] as string;
  const units: Unit[] = [{ id: 'tinh', name: 'Tỉnh Hư Cấu', level: 'province', code: 'HC' }];
  const sizes = districtSizes(spec.communes, rand);
  let communeNo = 0;
  sizes.forEach((count, d) => {
    const districtId = `h${pad(d + 1, 3)}`;
    const kind = DISTRICT_KINDS[Math.floor(rand() * DISTRICT_KINDS.length)] ?? 'Huyện';
    const district: Unit = {
      id: districtId,
      name: `${kind} Hư Cấu ${pad(d + 1, 3)}`,
      level: 'district',
      parentId: 'tinh',
    };
    if (rand() < 0.8) district.code = `HC-${pad(d + 1, 3)}`;
    units.push(district);
    for (let c = 0; c < count; c++) {
      communeNo++;
      const commKind = COMMUNE_KINDS[Math.floor(rand() * COMMUNE_KINDS.length)] ?? 'Xã';
      const commune: Unit = {
        id: `x${pad(communeNo, 4)}`,
        name: `${commKind} Hư Cấu ${pad(communeNo, 4)}`,
        level: 'commune',
        parentId: districtId,
      };
      if (rand() < 0.7) commune.code = `HC-${pad(d + 1, 3)}-${pad(communeNo, 4)}`;
      units.push(commune);
    }
  });
  const records: DatasetRecord[] = [];
  for (const unit of units)
    records.push(...unitRecords(unit.id, makeProfile(rand, unit.level, months.length), months, rand));
  const communeIds = new Set(units.filter((u) => u.level === 'commune').map((u) => u.id));
  const deliberate = breakSome(records, communeIds, rand);
  const dataset: Dataset = {
    schemaVersion: 2,
    title: `Tỉnh Hư Cấu — dữ liệu giả lập để đo hiệu năng (${size})`,
    source: `Sinh tự động bởi scripts/generate-fictional.ts (cỡ ${size}, hạt giống ${seed}). Tỉnh, huyện, xã và mọi số liệu đều hư cấu; chỉ dùng để đo hiệu năng, không dùng để báo cáo.`,
    illustrative: true,
    updatedAt: `${lastMonth}-28`,
    targets: { onTimeRate: 0.95, onlineRate: 0.5 },
    facts: [
      { label: 'Số đơn vị cấp xã (hư cấu)', value: spec.communes, unit: 'xã' },
      { label: 'Số đơn vị cấp huyện (hư cấu)', value: sizes.length, unit: 'huyện' },
      { label: 'Ghi chú', value: 'Dữ liệu giả lập', note: 'Không phản ánh địa phương nào.' },
    ],
    units,
    records,
  };
  return { dataset, deliberate };
}

/** A fictional dataset of the given size; the same seed always gives the same dataset. */
export function generateFictional(size: FictionalSize, seed = DEFAULT_SEED): Dataset {
  return generateFictionalWithNotes(size, seed).dataset;
}

/** The file's text: 2-space indented like the sample (what a hand-kept file looks like), or compact. */
export function fictionalText(dataset: Dataset, compact = false): string {
  return `${compact ? JSON.stringify(dataset) : JSON.stringify(dataset, null, 2)}\n`;
}

export function isFictionalSize(x: string | undefined): x is FictionalSize {
  return x === 'small' || x === 'medium' || x === 'large';
}

function main(argv: readonly string[]): number {
  const size = argv[0];
  const outAt = argv.indexOf('-o');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : DEFAULT_SEED;
  if (!isFictionalSize(size) || !out || !Number.isSafeInteger(seed)) {
    console.error(
      'usage: tsx scripts/generate-fictional.ts <small|medium|large> -o <file> [--seed N] [--compact | --rows]',
    );
    return 2;
  }
  const dataset = generateFictional(size, seed);
  writeFileSync(
    out,
    argv.includes('--rows') ? datasetJsonText(dataset) : fictionalText(dataset, argv.includes('--compact')),
  );
  console.log(`wrote ${out}: ${dataset.units.length} units, ${dataset.records.length} records`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BriefingParagraph, briefing, briefingText, SLIDE_KEYS, slideNotes } from './briefing.ts';
import { fieldRows, headline, type Selection, unitRows } from './dashboard.ts';
import {
  formatCount,
  formatPercent,
  formatPointChange,
  formatRange,
  formatRelativeChange,
  formatVnd,
  formatVndShort,
  type Lang,
} from './format.ts';
import { type DatasetIndex, indexDataset, onlineCount, onTimeCount, TOTALS_KEYS, type Totals } from './metrics.ts';
import type { Dataset, DatasetRecord } from './schema.ts';
import { findWarnings, parseDatasetText } from './validate.ts';

/** A record that balances (carried over + received = resolved + pending); tests override what they need. */
function rec(unitId: string, month: string, over: Partial<DatasetRecord> = {}): DatasetRecord {
  return {
    unitId,
    month,
    carriedOver: 0,
    received: 100,
    receivedOnlineLevel3: 20,
    receivedOnlineLevel4: 10,
    resolvedEarly: 10,
    resolvedOnTime: 80,
    resolvedLate: 0,
    pendingWithinDeadline: 10,
    pendingOverdue: 0,
    feesVnd: 1_000_000,
    ...over,
  };
}

function dataset(records: DatasetRecord[], extra: Partial<Dataset> = {}): DatasetIndex {
  return indexDataset({
    schemaVersion: 1,
    title: 'Huyện Thử',
    units: [
      { id: 'd', name: 'Huyện Thử', level: 'district' },
      { id: 'a', name: 'Xã An', level: 'commune', parentId: 'd' },
      { id: 'b', name: 'Xã Bình', level: 'commune', parentId: 'd' },
      { id: 'c', name: 'Xã Châu', level: 'commune', parentId: 'd' },
    ],
    records,
    ...extra,
  });
}

const ALL: Selection = {
  range: { from: '2022-01', to: '2022-01' },
  level: 'all',
  unitId: null,
  field: null,
  compare: 'previous',
};

function text(index: DatasetIndex, selection: Selection, lang: Lang): string {
  return briefingText(briefing(index, selection, lang));
}

function para(paragraphs: BriefingParagraph[], id: string): string {
  const p = paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id} among ${paragraphs.map((x) => x.id).join(', ')}`);
  return p.text;
}

describe('briefing: levels', () => {
  const index = dataset([
    rec('d', '2022-01', {
      carriedOver: 5,
      received: 2000,
      resolvedEarly: 1000,
      resolvedOnTime: 900,
      resolvedLate: 5,
      pendingWithinDeadline: 97,
      pendingOverdue: 3,
      interlinked: 1234,
      saturdayReceived: 56,
      apologyLetters: 4,
    }),
    rec('a', '2022-01'),
    rec('b', '2022-01'),
  ]);

  it('writes one paragraph per level in reading order, with the flow of dossiers (vi)', () => {
    const ps = briefing(index, ALL, 'vi');
    expect(ps.map((p) => p.id)).toEqual([
      'intro',
      'district',
      'commune',
      'online',
      'fees',
      'ranking',
      'accountability',
      'change',
      'targets',
      'quality',
    ]);
    const d = para(ps, 'district');
    expect(d).toContain('Cấp huyện tiếp nhận và xử lý tổng cộng 2.005 hồ sơ');
    expect(d).toContain('5 hồ sơ từ kỳ trước chuyển sang, 2.000 hồ sơ mới tiếp nhận');
    expect(d).toContain('Đã giải quyết xong 1.905 hồ sơ, trong đó 1.900 hồ sơ đúng hạn');
    expect(d).toContain(formatPercent(1900 / 1905, 'vi'));
    expect(d).toContain('Có 5 hồ sơ giải quyết quá hạn; đã gửi 4 thư xin lỗi.');
    expect(d).toContain('Cuối kỳ còn 100 hồ sơ đang giải quyết, trong đó 3 hồ sơ đã quá hạn.');
    expect(para(ps, 'commune')).toContain('Cấp xã (cộng chung 2 đơn vị) tiếp nhận và xử lý tổng cộng 200 hồ sơ');
  });

  it('writes the same in English', () => {
    const ps = briefing(index, ALL, 'en');
    const d = para(ps, 'district');
    expect(d).toContain('At district level, 2,005 dossiers were handled: 5 carried over');
    expect(d).toContain('2,000 newly received');
    expect(d).toContain('Of these, 1,905 were resolved, 1,900 on time');
    expect(d).toContain('Of those resolved, 5 were late; 4 apology letters were sent.');
    expect(d).toContain('100 were still in progress, 3 of them overdue.');
    expect(para(ps, 'commune')).toContain('At commune level (2 units together), 200 dossiers were handled');
  });

  it('says that none are overdue or late when there are none', () => {
    const ps = briefing(index, ALL, 'vi');
    const c = para(ps, 'commune');
    expect(c).toContain('Không có hồ sơ nào giải quyết quá hạn.');
    expect(c).toContain('Cuối kỳ còn 20 hồ sơ đang giải quyết, tất cả còn trong hạn, không có hồ sơ nào quá hạn.');
    const en = para(briefing(index, ALL, 'en'), 'commune');
    expect(en).toContain('None was resolved late.');
    expect(en).toContain('all within the deadline, none overdue.');
  });

  it('mentions interlinked and Saturday dossiers where reported', () => {
    const ps = briefing(index, ALL, 'vi');
    expect(para(ps, 'district')).toContain(
      'Ngoài ra có 1.234 hồ sơ liên thông và 56 hồ sơ tiếp nhận vào sáng thứ Bảy.',
    );
    expect(para(briefing(index, ALL, 'en'), 'district')).toContain(
      'There were also 1,234 interlinked dossiers and 56 dossiers received on Saturday mornings.',
    );
  });

  it('leaves figures the data does not report out of the text entirely', () => {
    const bare = dataset([rec('d', '2022-01'), rec('a', '2022-01')]);
    const vi = text(bare, ALL, 'vi');
    const en = text(bare, ALL, 'en');
    for (const word of ['liên thông', 'thứ Bảy', 'thư xin lỗi', 'không báo cáo', '—']) expect(vi).not.toContain(word);
    for (const word of ['interlinked', 'Saturday', 'apology', 'not reported', '—']) expect(en).not.toContain(word);
  });

  it('mentions only the figure that is reported when one of the two is', () => {
    const one = dataset([rec('d', '2022-01', { saturdayReceived: 7 })]);
    const d = para(briefing(one, ALL, 'vi'), 'district');
    expect(d).toContain('Ngoài ra có 7 hồ sơ tiếp nhận vào sáng thứ Bảy.');
    expect(d).not.toContain('liên thông');
  });

  it('mentions withdrawn dossiers when there are any', () => {
    const w = dataset([rec('d', '2022-01', { withdrawn: 2, pendingWithinDeadline: 8 })]);
    expect(para(briefing(w, ALL, 'vi'), 'district')).toContain('Có 2 hồ sơ được trả lại hoặc rút.');
    expect(para(briefing(w, ALL, 'en'), 'district')).toContain('In addition, 2 were withdrawn or returned.');
  });

  it('says so when nothing has been resolved, without writing an undefined rate', () => {
    const none = dataset([rec('d', '2022-01', { resolvedEarly: 0, resolvedOnTime: 0, pendingWithinDeadline: 100 })]);
    const vi = text(none, ALL, 'vi');
    expect(para(briefing(none, ALL, 'vi'), 'district')).toContain('chưa có hồ sơ nào được giải quyết xong');
    expect(vi).toContain('chưa tính được tỷ lệ đúng hạn');
    expect(vi).not.toContain('—');
    expect(text(none, ALL, 'en')).toContain('No dossier was resolved in the period.');
  });
});

describe('briefing: intro, one unit, one level', () => {
  const records = [rec('d', '2022-01'), rec('a', '2022-01'), rec('b', '2022-01')];

  it('names the dataset and the period, and says when figures are illustrative', () => {
    const plain = para(briefing(dataset(records), ALL, 'vi'), 'intro');
    expect(plain).toContain('“Huyện Thử”');
    expect(plain).toContain(formatRange(ALL.range, 'vi'));
    expect(plain).not.toContain('minh hoạ');
    const illustrative = dataset(records, { illustrative: true });
    expect(para(briefing(illustrative, ALL, 'vi'), 'intro')).toContain('được dựng để minh hoạ');
    expect(para(briefing(illustrative, ALL, 'en'), 'intro')).toContain('made up for illustration');
  });

  it('writes about the unit alone when one is chosen', () => {
    const ps = briefing(dataset(records), { ...ALL, unitId: 'a' }, 'vi');
    expect(ps.map((p) => p.id)).toContain('unit');
    expect(ps.map((p) => p.id)).not.toContain('district');
    expect(para(ps, 'intro')).toContain('riêng Xã An');
    expect(para(ps, 'unit')).toMatch(/^Xã An tiếp nhận và xử lý tổng cộng 100 hồ sơ/);
    expect(para(briefing(dataset(records), { ...ALL, unitId: 'a' }, 'en'), 'unit')).toMatch(
      /^At Xã An, 100 dossiers were handled/,
    );
  });

  it('writes about the district level only when the filter says so, without comparing communes', () => {
    const ps = briefing(dataset(records), { ...ALL, level: 'district' }, 'vi');
    expect(ps.map((p) => p.id)).not.toContain('commune');
    expect(ps.map((p) => p.id)).not.toContain('ranking');
    expect(para(ps, 'intro')).toContain('chỉ xét cấp huyện');
  });

  it('says there are no figures for a period without records', () => {
    const gap = dataset([rec('d', '2022-01'), rec('d', '2022-03')]);
    const ps = briefing(gap, { ...ALL, range: { from: '2022-02', to: '2022-02' } }, 'en');
    expect(ps.map((p) => p.id)).toEqual(['intro', 'empty']);
  });
});

describe('briefing: online and fees', () => {
  const index = dataset([rec('d', '2022-01', { feesVnd: 545_180_000 }), rec('a', '2022-01', { feesVnd: 500 })]);

  it('gives online dossiers by level with the uptake rate', () => {
    const online = para(briefing(index, ALL, 'vi'), 'online');
    expect(online).toContain(
      'Cấp huyện tiếp nhận 30 hồ sơ qua dịch vụ công trực tuyến (20 hồ sơ mức độ 3, 10 hồ sơ mức độ 4)',
    );
    expect(online).toContain(`bằng ${formatPercent(0.3, 'vi')} số hồ sơ mới tiếp nhận`);
    expect(para(briefing(index, ALL, 'en'), 'online')).toContain(
      '(20 at level 3, 10 at level 4), 30.0% of the newly received',
    );
  });

  it('gives fees in full with the short form beside, as the headline card does', () => {
    const fees = para(briefing(index, ALL, 'vi'), 'fees');
    expect(fees).toContain(`cấp huyện ${formatVnd(545_180_000, 'vi')} (${formatVndShort(545_180_000, 'vi')})`);
    expect(fees).toContain('545.180.000\u00a0₫');
    // Below a thousand đồng the short form is the full one, so it is not repeated.
    expect(fees).toContain(`cấp xã ${formatVnd(500, 'vi')}.`);
    expect(para(briefing(index, ALL, 'en'), 'fees')).toContain('district level ₫545,180,000 (₫545.18\u00a0million)');
  });
});

describe('briefing: ranking of communes', () => {
  // On time: a, b, c and g share 100 %, e 90 %, f 80 %. Online: b best alone, c and f share the lowest.
  const units = ['a', 'b', 'c', 'e', 'f'].map((id) => ({
    id,
    name: `Xã ${id.toUpperCase()}`,
    level: 'commune' as const,
  }));
  const index = indexDataset({
    schemaVersion: 1,
    title: 'Thử',
    units: [{ id: 'd', name: 'Huyện Thử', level: 'district' }, ...units, { id: 'g', name: 'Xã G', level: 'commune' }],
    records: [
      rec('d', '2022-01'),
      rec('a', '2022-01', { receivedOnlineLevel3: 30, receivedOnlineLevel4: 0 }),
      rec('b', '2022-01', { receivedOnlineLevel3: 50, receivedOnlineLevel4: 0 }),
      rec('c', '2022-01', { receivedOnlineLevel3: 10, receivedOnlineLevel4: 0 }),
      rec('e', '2022-01', { resolvedOnTime: 71, resolvedLate: 9, receivedOnlineLevel3: 20, receivedOnlineLevel4: 0 }),
      rec('f', '2022-01', { resolvedOnTime: 62, resolvedLate: 18, receivedOnlineLevel3: 10, receivedOnlineLevel4: 0 }),
      rec('g', '2022-01', { receivedOnlineLevel3: 30, receivedOnlineLevel4: 0 }),
    ],
  });

  it('names the best and weakest units, several when they share the value, up to three', () => {
    const r = para(briefing(index, ALL, 'vi'), 'ranking');
    expect(r).toContain('Trong kỳ có số liệu của 6 đơn vị cấp xã.');
    expect(r).toContain(
      `Tỷ lệ đúng hạn cao nhất là ${formatPercent(1, 'vi')}, thuộc về Xã A, Xã B, Xã C và 1 đơn vị khác; thấp nhất là ${formatPercent(72 / 90, 'vi')}, ở Xã F.`,
    );
    expect(r).toContain(
      `Tỷ lệ trực tuyến cao nhất là ${formatPercent(0.5, 'vi')}, thuộc về Xã B; thấp nhất là ${formatPercent(0.1, 'vi')}, ở Xã C và Xã F.`,
    );
  });

  it('reads the same in English', () => {
    const r = para(briefing(index, ALL, 'en'), 'ranking');
    expect(r).toContain('The highest on-time rate, 100.0%, is shared by Xã A, Xã B, Xã C and 1 other unit;');
    expect(r).toContain('the lowest, 80.0%, is at Xã F.');
    expect(r).toContain('The highest online uptake, 50.0%, is at Xã B; the lowest, 10.0%, is shared by Xã C and Xã F.');
  });

  it('says when all units share one rate', () => {
    const same = dataset([rec('a', '2022-01'), rec('b', '2022-01'), rec('c', '2022-01')]);
    expect(para(briefing(same, ALL, 'vi'), 'ranking')).toContain(
      `Tỷ lệ đúng hạn như nhau ở cả 3 đơn vị, cùng là ${formatPercent(0.9 / 0.9, 'vi')}.`,
    );
  });

  it('is left out when fewer than two communes have figures', () => {
    const one = dataset([rec('d', '2022-01'), rec('a', '2022-01')]);
    expect(briefing(one, ALL, 'vi').map((p) => p.id)).not.toContain('ranking');
  });
});

describe('briefing: change and targets', () => {
  const records = [
    rec('d', '2022-01', { received: 100, feesVnd: 1_000_000 }),
    rec('d', '2022-02', { received: 125, resolvedOnTime: 105, feesVnd: 1_500_000 }),
  ];
  const index = dataset(records);
  const feb: Selection = { ...ALL, range: { from: '2022-02', to: '2022-02' } };

  it('gives the change against the previous period when the data covers it', () => {
    const h = headline(index, feb);
    const g = h.groups[0];
    if (!g?.previous) throw new Error('expected a previous period');
    const change = para(briefing(index, feb, 'vi'), 'change');
    expect(change).toContain(`So với kỳ trước (${formatRange({ from: '2022-01', to: '2022-01' }, 'vi')})`);
    expect(change).toContain(`tổng số hồ sơ ${formatRelativeChange(g.current.total, g.previous.total, 'vi')}`);
    expect(change).toContain(`tỷ lệ đúng hạn ${formatPointChange(g.current.onTimeRate, g.previous.onTimeRate, 'vi')}`);
    expect(change).toContain('phí, lệ phí +50,0\u00a0%');
    expect(para(briefing(index, feb, 'en'), 'change')).toContain('fees and charges +50.0%');
  });

  it('says no comparison is made when there is no previous period, and which months are missing', () => {
    expect(para(briefing(index, ALL, 'vi'), 'change')).toBe(
      'Dữ liệu không có đủ số liệu kỳ trước cùng độ dài (tháng 12/2021), nên chưa so sánh được.',
    );
    expect(para(briefing(index, ALL, 'en'), 'change')).toBe(
      'The data does not have every month of the previous period of the same length (Dec 2021), so no comparison is made.',
    );
    expect(para(briefing(index, { ...ALL, compare: 'year' }, 'vi'), 'change')).toBe(
      'Dữ liệu không có đủ số liệu cùng kỳ năm trước (tháng 1/2021), nên chưa so sánh được.',
    );
  });

  it('labels default targets as defaults everywhere it names them, never as official ones', () => {
    // The dataset sets no targets. On time 90/90 = 100 % ≥ 95 %; online 30 % < 50 %.
    const vi = para(briefing(index, ALL, 'vi'), 'targets');
    expect(vi).toBe(
      'Đối chiếu với chỉ tiêu đúng hạn mặc định 95,0\u00a0% và chỉ tiêu trực tuyến mặc định 50,0\u00a0%: cấp huyện đạt chỉ tiêu đúng hạn mặc định (100,0\u00a0%) nhưng chưa đạt chỉ tiêu trực tuyến mặc định (30,0\u00a0%). Bộ dữ liệu không đặt chỉ tiêu tỷ lệ đúng hạn và tỷ lệ trực tuyến; 95,0\u00a0% và 50,0\u00a0% là chỉ tiêu mặc định của bảng số liệu, không phải chỉ tiêu chính thức.',
    );
    expect(para(briefing(index, ALL, 'en'), 'targets')).toBe(
      'Against the default on-time target of 95.0% and the default online target of 50.0%: district level met the default on-time target (100.0%) but missed the default online target (30.0%). The dataset sets no target for the on-time rate and online uptake; 95.0% and 50.0% are the dashboard’s defaults, not official targets.',
    );
  });

  it('names a target the reader set as the reader’s, with the dataset’s own', () => {
    const own = dataset(records, { targets: { onTimeRate: 0.95, onlineRate: 0.25 } });
    const p = para(briefing(own, { ...ALL, targets: { onTimeRate: 1 } }, 'vi'), 'targets');
    // 100 % on time meets the reader's 100 %; online 30 % meets the dataset's 25 %.
    expect(p).toContain(
      'cấp huyện đạt chỉ tiêu đúng hạn do người xem đặt (100,0\u00a0%) và đạt chỉ tiêu trực tuyến (30,0\u00a0%)',
    );
    expect(p).toContain(
      'Chỉ tiêu tỷ lệ đúng hạn 100,0\u00a0% do người xem đặt (chỉ tiêu của bộ dữ liệu: 95,0\u00a0%).',
    );
    expect(p).not.toContain('mặc định');
  });

  it('says whether each target is met, with the rates', () => {
    const met = dataset(records, { targets: { onTimeRate: 0.9, onlineRate: 0.25 } });
    // The dataset's own targets read plainly, with no note.
    expect(para(briefing(met, ALL, 'vi'), 'targets')).toBe(
      'Đối chiếu với chỉ tiêu (tỷ lệ đúng hạn 90,0\u00a0%, tỷ lệ trực tuyến 25,0\u00a0%): cấp huyện đạt chỉ tiêu đúng hạn (100,0\u00a0%) và đạt chỉ tiêu trực tuyến (30,0\u00a0%).',
    );
    expect(para(briefing(met, ALL, 'en'), 'targets')).toContain(
      'district level met the on-time target (100.0%) and met the online target (30.0%)',
    );
    const late = dataset([rec('d', '2022-01', { resolvedOnTime: 70, resolvedLate: 10 })], {
      targets: { onTimeRate: 0.95, onlineRate: 0.9 },
    });
    expect(para(briefing(late, ALL, 'en'), 'targets')).toContain(
      'missed the on-time target (88.9%) and missed the online target (30.0%)',
    );
  });
});

/**
 * Fourteen months, January 2021 to February 2022. The district and communes An
 * and Bình report every month; Châu starts in July 2021. Every record is rec()'s
 * (100 received, 30 online, 90 resolved, all on time), except in January and
 * February 2022: An's 70 on time and 10 late of 90 resolved (88.9 %), and
 * Bình's 40 online (20 at level 4).
 */
describe('briefing: compared with the same months a year earlier', () => {
  const records: DatasetRecord[] = [];
  for (let m = 1; m <= 14; m++) {
    const month = m <= 12 ? `2021-${String(m).padStart(2, '0')}` : `2022-0${m - 12}`;
    records.push(rec('d', month), rec('b', month, m > 12 ? { receivedOnlineLevel4: 20 } : {}));
    records.push(rec('a', month, m > 12 ? { resolvedEarly: 10, resolvedOnTime: 70, resolvedLate: 10 } : {}));
    if (m >= 7) records.push(rec('c', month));
  }
  const index = dataset(records);
  const winter: Selection = { ...ALL, range: { from: '2022-01', to: '2022-02' }, compare: 'year' };

  it('leads with the mode and its months, and says which level is not compared and why', () => {
    const vi = para(briefing(index, winter, 'vi'), 'change');
    expect(vi).toMatch(/^So với cùng kỳ năm trước \(tháng 1\/2021 – tháng 2\/2021\), các chỉ số thay đổi như sau\. /);
    // The district reported the same both winters: its figures did not change.
    expect(vi).toContain('Cấp huyện: tổng số hồ sơ 0,0\u00a0%; tỷ lệ đúng hạn 0,0 điểm %;');
    expect(vi).toContain(
      'Cấp xã chưa so sánh được vì 1/3 đơn vị không có số liệu đủ mọi tháng của cả hai kỳ (Xã Châu).',
    );
    const en = para(briefing(index, winter, 'en'), 'change');
    expect(en).toMatch(/^Compared with the same months a year earlier \(Jan 2021 – Feb 2021\), /);
    expect(en).toContain(
      'Commune level: not compared, as 1 of 3 units lacks a month of one of the two periods (Xã Châu).',
    );
  });

  it('says how the communes moved on both rates, the largest fall named, who has no comparison counted', () => {
    // On time: An 90/90 = 100 % → 80/90 = 88.9 % (−11.1 points), Bình 100 % → 100 %; Châu started in July.
    // Online: An 30 % both winters; Bình 30 % → 40 % (+10 points).
    const fall = formatPointChange(80 / 90, 1, 'vi');
    expect(fall).toBe('-11,1 điểm %');
    const vi = para(briefing(index, winter, 'vi'), 'change');
    expect(vi).toContain(
      `Tỷ lệ đúng hạn (2 đơn vị cấp xã so sánh được): giảm ở 1, không đổi ở 1; giảm nhiều nhất ở Xã An (${fall}); 1 đơn vị chưa so sánh được.`,
    );
    expect(vi).toContain(
      'Tỷ lệ trực tuyến (2 đơn vị cấp xã so sánh được): tăng ở 1, không đổi ở 1; tăng nhiều nhất ở Xã Bình (+10,0 điểm %); 1 đơn vị chưa so sánh được.',
    );
    expect(para(briefing(index, winter, 'en'), 'change')).toContain(
      `On-time rate (2 commune-level units compared): down at 1, unchanged at 1; the largest fall at Xã An (${formatPointChange(80 / 90, 1, 'en')}); 1 without a comparison.`,
    );
  });

  it('compares with the previous period when asked, and then Châu is compared too', () => {
    // November and December 2021: every unit reported, all at 100 % on time and 30 % online.
    const vi = para(briefing(index, { ...winter, compare: 'previous' }, 'vi'), 'change');
    expect(vi).toMatch(/^So với kỳ trước \(tháng 11\/2021 – tháng 12\/2021\), /);
    expect(vi).toContain('Cấp xã: tổng số hồ sơ 0,0\u00a0%;');
    expect(vi).toContain('Tỷ lệ đúng hạn (3 đơn vị cấp xã so sánh được): giảm ở 1, không đổi ở 2;');
  });
});

describe('briefing: data quality', () => {
  it('says the figures agree, or how many places do not', () => {
    const good = dataset([rec('d', '2022-01')]);
    expect(para(briefing(good, ALL, 'vi'), 'quality')).toContain('các con số tự khớp');
    const bad = dataset([rec('d', '2022-01', { received: 101 }), rec('d', '2022-02', { carriedOver: 3 })]);
    expect(findWarnings(bad.dataset.records)).toHaveLength(3);
    expect(para(briefing(bad, ALL, 'vi'), 'quality')).toContain('toàn bộ dữ liệu có 3 chỗ chưa khớp');
    expect(para(briefing(bad, ALL, 'en'), 'quality')).toContain(
      'the dataset has 3 places where the figures do not agree',
    );
  });
});

describe('briefingText and slideNotes', () => {
  const index = dataset([rec('d', '2022-01'), rec('a', '2022-01'), rec('b', '2022-01')]);

  it('joins paragraphs with a blank line', () => {
    expect(
      briefingText([
        { id: 'a', text: 'One.' },
        { id: 'b', text: 'Two.' },
      ]),
    ).toBe('One.\n\nTwo.');
  });

  it('gives every slide its notes, taken word for word from the briefing', () => {
    const ps = briefing(index, ALL, 'vi');
    const notes = slideNotes(index, ALL, 'vi');
    expect(Object.keys(notes)).toEqual([...SLIDE_KEYS]);
    expect(notes.title).toBe(para(ps, 'intro'));
    expect(notes['fees-month']).toBe(para(ps, 'fees'));
    expect(notes.headline).toBe(`${para(ps, 'district')}\n\n${para(ps, 'commune')}`);
    expect(notes.summary).toBe(`${para(ps, 'change')}\n\n${para(ps, 'targets')}`);
    // Without fields the field slides have nothing to say.
    expect(notes['field-matrix']).toBe('');
    const texts = new Set(ps.map((p) => p.text));
    for (const note of Object.values(notes)) {
      if (note === '') continue;
      for (const piece of note.split('\n\n')) expect(texts.has(piece)).toBe(true);
    }
  });
});

/** Digit groups as the text writes them, ending on a digit so sentence punctuation is not included. */
const NUMBER = /\d[\d.,]*\d|\d/g;

function tokens(text: string): string[] {
  return text.match(NUMBER) ?? [];
}

/**
 * Every string format.ts produces for the figures of a selection: what the
 * dashboard can show for it. Built independently of briefing.ts.
 */
function allowedNumbers(index: DatasetIndex, selection: Selection, lang: Lang): Set<string> {
  const shown: string[] = [];
  const h = headline(index, selection);
  const counts = (t: Totals) => [
    ...TOTALS_KEYS.filter((k) => !k.endsWith('Rate')).map((k) => t[k] as number | null),
    onTimeCount(t),
    onlineCount(t),
  ];
  for (const g of h.groups) {
    const t = g.current;
    shown.push(...counts(t).map((n) => formatCount(n, lang)));
    shown.push(formatVnd(t.feesVnd, lang), formatVndShort(t.feesVnd, lang));
    shown.push(formatPercent(t.onTimeRate, lang), formatPercent(t.onlineRate, lang));
    const p = g.previous;
    if (p) {
      const before = counts(p);
      counts(t).forEach((n, i) => {
        shown.push(formatRelativeChange(n, before[i] ?? null, lang) ?? '');
      });
      shown.push(formatPointChange(t.onTimeRate, p.onTimeRate, lang) ?? '');
      shown.push(formatPointChange(t.onlineRate, p.onlineRate, lang) ?? '');
    }
  }
  shown.push(formatPercent(h.targets.onTimeRate, lang), formatPercent(h.targets.onlineRate, lang));
  for (const r of unitRows(index, selection)) {
    shown.push(formatPercent(r.totals.onTimeRate, lang), formatPercent(r.totals.onlineRate, lang));
  }
  // The rows by field (the charts by field show their rates and counts).
  for (const r of fieldRows(index, selection)) {
    shown.push(formatPercent(r.totals.onTimeRate, lang), formatPercent(r.totals.onlineRate, lang));
    shown.push(...counts(r.totals).map((n) => formatCount(n, lang)));
  }
  // Counts of units (how many share a rate, how many communes) and of data-quality warnings.
  for (let n = 0; n <= index.units.length; n++) shown.push(formatCount(n, lang));
  shown.push(formatCount(findWarnings(index.dataset.records).length, lang));
  shown.push(formatRange(selection.range, lang));
  // The months compared with, also when the data lacks them (the page says which are missing).
  if (h.comparison.range) shown.push(formatRange(h.comparison.range, lang));
  // The ranking's change of both rates per unit.
  for (const r of unitRows(index, selection)) {
    shown.push(formatPointChange(r.totals.onTimeRate, r.previous?.onTimeRate ?? null, lang) ?? '');
    shown.push(formatPointChange(r.totals.onlineRate, r.previous?.onlineRate ?? null, lang) ?? '');
  }
  // Names may carry digits of their own ("Phường 3"); they are words, not figures.
  shown.push(index.dataset.title, ...index.units.map((u) => u.name));
  return new Set(shown.flatMap(tokens));
}

/** Digits that are part of a term, not a figure: the service levels. */
function withoutTerms(text: string): string {
  return text.replace(/mức độ [34]/g, 'mức độ').replace(/level [34]/g, 'level');
}

describe('briefing on the Gia Lâm sample', () => {
  const loaded = parseDatasetText(readFileSync(new URL('../../data/gia-lam.json', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error('the sample must load');
  const index = indexDataset(loaded.dataset);
  if (!index.span) throw new Error('the sample has records');
  const whole: Selection = { range: index.span, level: 'all', unitId: null, field: null, compare: 'previous' };

  it('carries the report’s figures for the whole span, written as the dashboard writes them', () => {
    const vi = text(index, whole, 'vi');
    for (const figure of [
      '27.866',
      '309',
      '27.557',
      '27.486',
      '380',
      '4.037',
      '4.568',
      '528',
      '545.180.000\u00a0₫',
      '143.533',
      '143.141',
      '1.386.718.000\u00a0₫',
    ]) {
      expect(vi).toContain(figure);
    }
    expect(vi).toContain('tháng 1/2021 – tháng 4/2022');
    expect(vi).toContain('một phần các con số được dựng để minh hoạ');
    const en = text(index, whole, 'en');
    for (const figure of ['27,866', '27,557', '143,533', '₫545,180,000', '₫1,386,718,000'])
      expect(en).toContain(figure);
  });

  it('leaves out the commune figures the report does not give', () => {
    const commune = para(briefing(index, whole, 'vi'), 'commune');
    expect(commune).not.toContain('liên thông');
    expect(commune).not.toContain('thứ Bảy');
  });

  const selections: [string, Selection][] = [
    ['whole span', whole],
    [
      'the first four months of 2022, with the previous period',
      { ...whole, range: { from: '2022-01', to: '2022-04' } },
    ],
    [
      'the first four months of 2022, with the same months a year earlier',
      { ...whole, range: { from: '2022-01', to: '2022-04' }, compare: 'year' },
    ],
    [
      'one commune in 2022',
      { range: { from: '2022-01', to: '2022-04' }, level: 'all', unitId: 'xa-bat-trang', field: null, compare: 'year' },
    ],
    [
      'the district level in one month',
      { range: { from: '2021-06', to: '2021-06' }, level: 'district', unitId: null, field: null, compare: 'previous' },
    ],
  ];

  for (const [name, selection] of selections) {
    for (const lang of ['vi', 'en'] as const) {
      it(`writes only numbers the dashboard shows (${name}, ${lang})`, () => {
        const allowed = allowedNumbers(index, selection, lang);
        const found = tokens(withoutTerms(text(index, selection, lang)));
        expect(found.length).toBeGreaterThan(20);
        expect(found.filter((t) => !allowed.has(t))).toEqual([]);
      });
    }
  }
});

/**
 * A province with two communes and no district, by field, online totals only,
 * fees reported by the province alone (contract version 2). Selection
 * 2025-09..10; the figures quoted below are worked out by hand.
 */
function fr(unitId: string, month: string, fieldId: string, o: Partial<DatasetRecord>): DatasetRecord {
  return {
    unitId,
    month,
    fieldId,
    carriedOver: 0,
    received: 0,
    receivedOnline: 0,
    resolvedEarly: 0,
    resolvedOnTime: 0,
    resolvedLate: 0,
    pendingWithinDeadline: 0,
    pendingOverdue: 0,
    ...o,
  };
}

const provinceIndex = indexDataset({
  schemaVersion: 2,
  title: 'Tỉnh Thử',
  targets: { onTimeRate: 0.9, onlineRate: 0.5 },
  fields: [
    { id: 'dat-dai', name: 'Đất đai' },
    { id: 'ho-tich', name: 'Hộ tịch' },
  ],
  units: [
    { id: 'p', name: 'Tỉnh Thử', level: 'province' },
    { id: 'x', name: 'Xã X', level: 'commune', parentId: 'p' },
    { id: 'y', name: 'Xã Y', level: 'commune', parentId: 'p' },
  ],
  records: [
    fr('x', '2025-07', 'dat-dai', { received: 10, receivedOnline: 1, resolvedOnTime: 10 }),
    fr('x', '2025-08', 'dat-dai', { received: 10, receivedOnline: 1, resolvedOnTime: 10 }),
    fr('x', '2025-09', 'dat-dai', { received: 10, receivedOnline: 2, resolvedOnTime: 8, resolvedLate: 2 }),
    fr('x', '2025-10', 'dat-dai', {
      received: 10,
      receivedOnline: 3,
      resolvedOnTime: 9,
      pendingOverdue: 1,
      apologyLetters: 1,
    }),
    fr('x', '2025-09', 'ho-tich', { received: 20, receivedOnline: 16, resolvedOnTime: 20 }),
    fr('x', '2025-10', 'ho-tich', { received: 20, receivedOnline: 14, resolvedOnTime: 20 }),
    fr('y', '2025-09', 'dat-dai', { received: 10, receivedOnline: 6, resolvedEarly: 5, resolvedOnTime: 5 }),
    fr('y', '2025-10', 'dat-dai', { received: 10, receivedOnline: 6, resolvedOnTime: 10 }),
    fr('y', '2025-09', 'ho-tich', { received: 10, receivedOnline: 2, resolvedOnTime: 10 }),
    fr('y', '2025-10', 'ho-tich', { received: 10, receivedOnline: 2, resolvedOnTime: 9, resolvedLate: 1 }),
    fr('p', '2025-09', 'dat-dai', { received: 50, receivedOnline: 30, resolvedOnTime: 50, feesVnd: 5000 }),
    fr('p', '2025-10', 'dat-dai', { received: 50, receivedOnline: 30, resolvedOnTime: 50, feesVnd: 5000 }),
  ],
});
const PROVINCE_ALL: Selection = {
  range: { from: '2025-09', to: '2025-10' },
  level: 'all',
  unitId: null,
  field: null,
  compare: 'previous',
};
const COMMUNES: Selection = { ...PROVINCE_ALL, level: 'commune' };

describe('briefing by field (contract version 2)', () => {
  it('names the lagging fields with their figures, weakest on-time rate first', () => {
    // Land: 37 on time of 39 (94.9 %, above 90 %), online 17 of 40 (42.5 %, below 50 %), 2 late with
    // 1 apology letter, 1 overdue. Civil status: 59 of 60 (98.3 %), online 34 of 60 (56.7 %), 1 late,
    // apology letters not reported.
    expect(para(briefing(provinceIndex, COMMUNES, 'vi'), 'fields')).toBe(
      'Theo lĩnh vực (2 lĩnh vực có số liệu), chưa đạt chỉ tiêu đúng hạn 90,0\u00a0% hoặc chỉ tiêu trực tuyến 50,0\u00a0%, hay còn hồ sơ quá hạn: Đất đai (tỷ lệ trực tuyến 42,5\u00a0%; 2 hồ sơ giải quyết quá hạn, đã gửi 1 thư xin lỗi; 1 hồ sơ đang giải quyết đã quá hạn); Hộ tịch (1 hồ sơ giải quyết quá hạn).',
    );
    expect(para(briefing(provinceIndex, COMMUNES, 'en'), 'fields')).toBe(
      'By field (2 fields have figures), below the on-time target of 90.0% or the online target of 50.0%, or with overdue dossiers: Đất đai (online uptake 42.5%; 2 resolved late, 1 apology letter sent; 1 overdue and still in progress); Hộ tịch (1 resolved late).',
    );
  });

  it('says so when no field lags', () => {
    // The province alone: land only, all on time, 60 % online.
    const p = para(briefing(provinceIndex, { ...PROVINCE_ALL, level: 'province' }, 'vi'), 'fields');
    expect(p).toBe(
      'Theo lĩnh vực: lĩnh vực có số liệu đạt chỉ tiêu đúng hạn (90,0\u00a0%) và chỉ tiêu trực tuyến (50,0\u00a0%), không có hồ sơ quá hạn.',
    );
  });

  it('labels default targets in the fields paragraph', () => {
    const { targets: _, ...rest } = provinceIndex.dataset;
    const noTargets = indexDataset(rest);
    expect(para(briefing(noTargets, COMMUNES, 'vi'), 'fields')).toContain(
      'chưa đạt chỉ tiêu đúng hạn mặc định 95,0\u00a0% hoặc chỉ tiêu trực tuyến mặc định 50,0\u00a0%',
    );
    expect(para(briefing(noTargets, COMMUNES, 'en'), 'fields')).toContain(
      'below the default on-time target of 95.0% or the default online target of 50.0%',
    );
  });

  it('writes online as the one total it is, with no levels, when the split is not reported', () => {
    const vi = para(briefing(provinceIndex, COMMUNES, 'vi'), 'online');
    // Communes: 51 online of 100 received.
    expect(vi).toBe('Cấp xã tiếp nhận 51 hồ sơ qua dịch vụ công trực tuyến, bằng 51,0\u00a0% số hồ sơ mới tiếp nhận.');
    expect(para(briefing(provinceIndex, COMMUNES, 'en'), 'online')).not.toMatch(/level [34]/);
  });

  it('says fees are not reported, never 0', () => {
    expect(para(briefing(provinceIndex, COMMUNES, 'vi'), 'fees')).toBe('Phí, lệ phí: số liệu không báo cáo.');
    expect(para(briefing(provinceIndex, COMMUNES, 'en'), 'fees')).toBe('Fees and charges: not reported in the data.');
    expect(para(briefing(provinceIndex, PROVINCE_ALL, 'vi'), 'fees')).toBe(
      'Phí, lệ phí thu được trong kỳ: cấp tỉnh 10.000\u00a0₫ (10\u00a0nghìn\u00a0đ); cấp xã không báo cáo.',
    );
    expect(para(briefing(provinceIndex, PROVINCE_ALL, 'en'), 'fees')).toBe(
      'Fees and charges collected in the period: province level ₫10,000 (₫10\u00a0thousand); commune level not reported.',
    );
  });

  it('names the units with late or overdue dossiers, their fields and apology letters where reported', () => {
    expect(para(briefing(provinceIndex, PROVINCE_ALL, 'vi'), 'accountability')).toBe(
      'Có 2 đơn vị có hồ sơ trễ hạn (giải quyết quá hạn hoặc đang quá hạn): Xã X (2 hồ sơ giải quyết quá hạn; 1 hồ sơ đang quá hạn; đã gửi 1 thư xin lỗi; chủ yếu ở lĩnh vực Đất đai); Xã Y (1 hồ sơ giải quyết quá hạn; chủ yếu ở lĩnh vực Hộ tịch).',
    );
    expect(para(briefing(provinceIndex, PROVINCE_ALL, 'en'), 'accountability')).toBe(
      '2 units have late dossiers (resolved late or overdue in progress): Xã X (2 resolved late; 1 overdue in progress; 1 apology letter sent; mostly in Đất đai); Xã Y (1 resolved late; mostly in Hộ tịch).',
    );
  });

  it('restricts every figure to the selected field and says so', () => {
    const ps = briefing(provinceIndex, { ...COMMUNES, field: 'ho-tich' }, 'vi');
    expect(para(ps, 'intro')).toContain('chỉ xét cấp xã, riêng lĩnh vực Hộ tịch');
    // Civil status at the communes: 60 handled, 59 on time, 1 late.
    expect(para(ps, 'commune')).toContain('tổng cộng 60 hồ sơ');
    expect(para(ps, 'commune')).toContain('Có 1 hồ sơ giải quyết quá hạn.');
    expect(para(ps, 'fields')).not.toContain('Đất đai');
    expect(para(briefing(provinceIndex, { ...COMMUNES, field: 'ho-tich' }, 'en'), 'intro')).toContain(
      'commune level only, the field Hộ tịch only',
    );
  });

  it('never says district or huyện for a province with communes, whatever the selection, in either language', () => {
    const selections: Selection[] = [
      PROVINCE_ALL,
      COMMUNES,
      { ...PROVINCE_ALL, level: 'province' },
      { ...PROVINCE_ALL, unitId: 'x' },
      { ...PROVINCE_ALL, field: 'dat-dai' },
      { ...PROVINCE_ALL, range: { from: '2025-07', to: '2025-10' } },
    ];
    for (const selection of selections) {
      for (const lang of ['vi', 'en'] as const) {
        const all = [
          text(provinceIndex, selection, lang),
          ...Object.values(slideNotes(provinceIndex, selection, lang)),
        ].join('\n');
        expect(all, `${JSON.stringify(selection)} ${lang}`).not.toMatch(/huyện|district/i);
      }
    }
  });

  it('gives the field slides their notes from the briefing', () => {
    const ps = briefing(provinceIndex, PROVINCE_ALL, 'vi');
    const notes = slideNotes(provinceIndex, PROVINCE_ALL, 'vi');
    expect(notes['fields-on-time']).toBe(`${para(ps, 'fields')}\n\n${para(ps, 'targets')}`);
    expect(notes['fields-online']).toBe(`${para(ps, 'fields')}\n\n${para(ps, 'online')}`);
    expect(notes['field-matrix']).toBe(para(ps, 'fields'));
    expect(notes.accountability).toBe(`${para(ps, 'fields')}\n\n${para(ps, 'accountability')}`);
  });

  it('names a commune’s own dataset by the commune, not by its level', () => {
    const one = indexDataset({
      schemaVersion: 2,
      title: 'Xã Thử',
      fields: [{ id: 'ho-tich', name: 'Hộ tịch' }],
      units: [{ id: 'x', name: 'Xã Thử', level: 'commune' }],
      records: [fr('x', '2025-09', 'ho-tich', { received: 20, receivedOnline: 16, resolvedOnTime: 20 })],
    });
    const ps = briefing(one, { ...PROVINCE_ALL, range: { from: '2025-09', to: '2025-09' } }, 'vi');
    expect(ps.map((p) => p.id)).toContain('unit');
    expect(para(ps, 'unit')).toMatch(/^Xã Thử tiếp nhận và xử lý tổng cộng 20 hồ sơ/);
    expect(text(one, { ...PROVINCE_ALL, range: { from: '2025-09', to: '2025-09' } }, 'en')).not.toMatch(
      /commune level/i,
    );
  });
});

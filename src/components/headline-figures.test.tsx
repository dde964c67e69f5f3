import { getDefaultNormalizer, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Headline, HeadlineGroup } from '../domain/dashboard.ts';
import { type Counts, withRates } from '../domain/metrics.ts';
import { HeadlineFigures } from './headline-figures.tsx';

// Testing Library collapses U+00A0 into a plain space by default; these checks must see the real character.
const exact = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };

const base: Counts = {
  carriedOver: 0,
  received: 0,
  receivedOnlineLevel3: 0,
  receivedOnlineLevel4: 0,
  receivedOnline: 0,
  resolvedEarly: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  withdrawn: 0,
  pendingWithinDeadline: 0,
  pendingOverdue: 0,
  feesVnd: 0,
  interlinked: null,
  saturdayReceived: null,
  apologyLetters: null,
};

// The Gia Lâm district figures (309 + 27,557 = 27,866 = 27,486 + 380), with 386 of the resolved
// dossiers late so that the on-time rate is 27,100 / 27,486 = 98.6 %.
const district = withRates({
  ...base,
  carriedOver: 309,
  received: 27_557,
  receivedOnlineLevel3: 3_000,
  receivedOnlineLevel4: 1_037,
  receivedOnline: 3_000 + 1_037,
  resolvedEarly: 20_000,
  resolvedOnTime: 7_100,
  resolvedLate: 386,
  pendingWithinDeadline: 380,
  pendingOverdue: 0,
  feesVnd: 545_180_000,
  interlinked: 4_568,
  saturdayReceived: 528,
});

// Total 24,810: the district's total is 12.3 % higher. On-time 24,000 / 24,500 = 98.0 %.
const districtBefore = withRates({
  ...base,
  carriedOver: 250,
  received: 24_560,
  receivedOnlineLevel3: 2_000,
  receivedOnlineLevel4: 500,
  receivedOnline: 2_000 + 500,
  resolvedEarly: 20_000,
  resolvedOnTime: 4_000,
  resolvedLate: 500,
  pendingWithinDeadline: 310,
  feesVnd: 500_000_000,
  interlinked: 4_000,
  saturdayReceived: 500,
});

// On-time 900 / 1,000 = 90.0 %, below the 95 % target; 12 dossiers overdue; interlinked not reported.
const commune = withRates({
  ...base,
  carriedOver: 20,
  received: 1_000,
  receivedOnlineLevel3: 300,
  receivedOnlineLevel4: 300,
  receivedOnline: 300 + 300,
  resolvedEarly: 400,
  resolvedOnTime: 500,
  resolvedLate: 100,
  pendingWithinDeadline: 8,
  pendingOverdue: 12,
  feesVnd: 1_386_718_000,
  interlinked: null,
  saturdayReceived: 0,
});

const targets: Headline['targets'] = {
  onTimeRate: 0.95,
  onlineRate: 0.5,
  source: { onTimeRate: 'dataset', onlineRate: 'dataset' },
  dataset: { onTimeRate: 0.95, onlineRate: 0.5 },
};

function makeHeadline(groups: Omit<HeadlineGroup, 'coverage'>[], withPrevious: boolean): Headline {
  const previous = { from: '2019-09', to: '2020-12' };
  return {
    range: { from: '2021-01', to: '2022-04' },
    comparison: { mode: 'previous', range: previous, reason: withPrevious ? null : 'not-in-data' },
    compare: withPrevious ? { mode: 'previous', range: previous } : null,
    previousRange: withPrevious ? previous : null,
    targets,
    groups: groups.map((g) => ({ ...g, coverage: null })),
  };
}

const both = (withPrevious: boolean) =>
  makeHeadline(
    [
      { kind: 'district', label: 'district', current: district, previous: withPrevious ? districtBefore : null },
      { kind: 'commune', label: 'commune', current: commune, previous: null },
    ],
    withPrevious,
  );

function figure(level: string, label: string) {
  return within(screen.getByRole('region', { name: level })).getByRole('group', { name: label });
}

describe('HeadlineFigures', () => {
  it('titles the panel and each level, and states the period and what it is compared with', () => {
    render(<HeadlineFigures headline={both(true)} lang="vi" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Số liệu chính' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Cấp huyện' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Cấp xã' })).toBeInTheDocument();
    expect(
      screen.getByText('Kỳ báo cáo: tháng 1/2021 – tháng 4/2022, so với kỳ trước (tháng 9/2019 – tháng 12/2020)'),
    ).toBeInTheDocument();
  });

  it('leads the on-time and online cards with the rate, the count beneath', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    const onTime = figure('Cấp huyện', 'Giải quyết đúng hạn');
    // The first line under the label is the rate: 27,100 / 27,486 = 98.6 %.
    expect(onTime.querySelector('.figure__value')).toHaveTextContent('98,6 %');
    expect(within(onTime).getByText('98,6\u00a0%', exact)).toBeInTheDocument();
    expect(within(onTime).getByText('27.100 / 27.486 hồ sơ đã giải quyết (gồm cả trước hạn)')).toBeInTheDocument();

    // 4,037 of 27,557 received online = 14.6 %; the split into levels 3 and 4 is reported, so it is named.
    const online = figure('Cấp huyện', 'Hồ sơ trực tuyến mức độ 3, 4');
    expect(online.querySelector('.figure__value')).toHaveTextContent('14,6 %');
    expect(within(online).getByText('4.037 / 27.557 hồ sơ mới tiếp nhận')).toBeInTheDocument();
    expect(within(online).getByText('mức độ 3: 3.000 · mức độ 4: 1.037')).toBeInTheDocument();

    const total = figure('Cấp huyện', 'Hồ sơ tiếp nhận và xử lý');
    expect(within(total).getByText('27.866')).toBeInTheDocument();
    expect(within(total).getByText('kỳ trước chuyển sang 309, mới tiếp nhận 27.557')).toBeInTheDocument();
  });

  it('names online dossiers without levels 3 and 4 when the split is not reported', () => {
    const noSplit = withRates({ ...commune, receivedOnlineLevel3: null, receivedOnlineLevel4: null });
    render(
      <HeadlineFigures
        headline={makeHeadline([{ kind: 'commune', label: 'commune', current: noSplit, previous: null }], false)}
        lang="vi"
      />,
    );
    const online = figure('Cấp xã', 'Hồ sơ trực tuyến');
    expect(within(online).getByText('600 / 1.000 hồ sơ mới tiếp nhận')).toBeInTheDocument();
    expect(within(online).queryByText(/mức độ/)).not.toBeInTheDocument();
  });

  it('formats the English figures with English separators, money one way', () => {
    render(<HeadlineFigures headline={both(true)} lang="en" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Headline figures' })).toBeInTheDocument();
    expect(
      screen.getByText('Period: Jan 2021 – Apr 2022, compared with the previous period (Sep 2019 – Dec 2020)'),
    ).toBeInTheDocument();
    const total = figure('District level', 'Dossiers handled');
    expect(within(total).getByText('27,866')).toBeInTheDocument();
    expect(within(total).getByText('carried over 309, newly received 27,557')).toBeInTheDocument();
    expect(within(figure('District level', 'Resolved on time')).getByText('98.6%')).toBeInTheDocument();
    const fees = figure('District level', 'Fees and charges');
    expect(within(fees).getByText('₫545,180,000')).toBeInTheDocument();
    expect(within(fees).getByText('₫545.18\u00a0million', exact)).toBeInTheDocument();
  });

  it('shows one change per card, coloured and worded by what it means', () => {
    render(<HeadlineFigures headline={both(true)} lang="vi" />);
    // 27,866 against 24,810: +12.3 %, a volume, so neither better nor worse.
    const total = figure('Cấp huyện', 'Hồ sơ tiếp nhận và xử lý');
    const totalChange = within(total).getByText('+12,3\u00a0%', exact).parentElement;
    expect(totalChange).toHaveTextContent('▲ +12,3 % so với kỳ trước');
    expect(totalChange).toHaveClass('figure__change--neutral');

    // 98.6 % against 98.0 %: a rate changes in points, and up is better.
    const onTime = figure('Cấp huyện', 'Giải quyết đúng hạn');
    const onTimeChange = within(onTime).getByText('+0,6 điểm %').parentElement;
    expect(onTimeChange).toHaveTextContent('▲ +0,6 điểm % (tốt hơn) so với kỳ trước');
    expect(onTimeChange).toHaveClass('figure__change--better');
    expect(within(onTime).getAllByText(/so với kỳ trước/)).toHaveLength(1);

    // Online 14.6 % against 2,500 / 24,560 = 10.2 %: +4.5 points, better.
    const online = figure('Cấp huyện', 'Hồ sơ trực tuyến mức độ 3, 4');
    expect(within(online).getByText('+4,5 điểm %').parentElement).toHaveClass('figure__change--better');

    // Fees went up from 500 to 545.18 million: +9.0 %.
    expect(within(figure('Cấp huyện', 'Phí, lệ phí')).getByText('+9,0\u00a0%', exact)).toBeInTheDocument();

    // The communes have no previous figures, so no change is claimed for them.
    const communes = screen.getByRole('region', { name: 'Cấp xã' });
    expect(within(communes).queryByText(/so với kỳ trước/)).not.toBeInTheDocument();
  });

  it('colours a rise in overdue dossiers as worse and a fall in a rate as worse', () => {
    const before = withRates({ ...commune, pendingOverdue: 4, pendingWithinDeadline: 16 });
    const headline = makeHeadline(
      [
        { kind: 'commune', label: 'commune', current: commune, previous: before },
        { kind: 'district', label: 'district', current: districtBefore, previous: district },
      ],
      true,
    );
    render(<HeadlineFigures headline={headline} lang="en" />);
    // 12 overdue against 4: +200.0 %, and more overdue is worse.
    const overdue = figure('Commune level', 'Overdue dossiers');
    const up = within(overdue).getByText('+200.0%').parentElement;
    expect(up).toHaveTextContent('▲ +200.0% (worse) compared with the previous period');
    expect(up).toHaveClass('figure__change--worse');
    // 98.0 % against 98.6 %: -0.6 points, worse.
    const down = within(figure('District level', 'Resolved on time')).getByText('-0.6 percentage points').parentElement;
    expect(down).toHaveTextContent('▼ -0.6 percentage points (worse) compared with the previous period');
    expect(down).toHaveClass('figure__change--worse');
  });

  it('says why nothing is compared, and claims no change', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    expect(screen.queryByText(/so với kỳ trước/)).not.toBeInTheDocument();
    expect(screen.queryByText(/▲|▼/)).not.toBeInTheDocument();
    expect(screen.getByText('Kỳ báo cáo: tháng 1/2021 – tháng 4/2022')).toBeInTheDocument();
    expect(
      screen.getByText(/Dữ liệu không có đủ số liệu kỳ trước cùng độ dài \(tháng 9\/2019 – tháng 12\/2020\)/),
    ).toBeInTheDocument();
  });

  it('says in words whether each rate meets its target, and whose target it is', () => {
    const mixed: Headline = {
      ...both(false),
      targets: {
        onTimeRate: 0.95,
        onlineRate: 0.5,
        source: { onTimeRate: 'dataset', onlineRate: 'default' },
        dataset: { onTimeRate: 0.95, onlineRate: null },
      },
    };
    render(<HeadlineFigures headline={mixed} lang="vi" />);
    const districtOnTime = figure('Cấp huyện', 'Giải quyết đúng hạn');
    expect(within(districtOnTime).getByText(/^Chỉ tiêu 95,0.%/)).toHaveTextContent('Chỉ tiêu 95,0 % · ✓ Đạt');

    const communeOnTime = figure('Cấp xã', 'Giải quyết đúng hạn');
    expect(within(communeOnTime).getByText('90,0\u00a0%', exact)).toBeInTheDocument();
    expect(within(communeOnTime).getByText(/^Chỉ tiêu 95,0.%/)).toHaveTextContent('✗ Chưa đạt');

    // Online uptake 14.6 % against the dashboard's default 50 %: labelled as a default, never as official.
    const districtOnline = figure('Cấp huyện', 'Hồ sơ trực tuyến mức độ 3, 4');
    expect(within(districtOnline).getByText(/^Chỉ tiêu mặc định 50,0.%/)).toHaveTextContent('✗ Chưa đạt');
    expect(
      screen.getByText(/50,0.% là chỉ tiêu mặc định của bảng số liệu, không phải chỉ tiêu chính thức/),
    ).toBeInTheDocument();
  });

  it('says target met and not met in English', () => {
    render(<HeadlineFigures headline={both(false)} lang="en" />);
    expect(within(figure('District level', 'Resolved on time')).getByText(/^Target 95.0%/)).toHaveTextContent(
      'Target 95.0% · ✓ Met',
    );
    expect(within(figure('Commune level', 'Resolved on time')).getByText(/^Target 95.0%/)).toHaveTextContent(
      '✗ Not met',
    );
  });

  it('gives overdue dossiers a card of their own', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    const district = figure('Cấp huyện', 'Hồ sơ quá hạn');
    expect(district.querySelector('.figure__value')).toHaveTextContent('0');
    // 380 in progress at the end, none of them overdue.
    expect(within(district).getByText('đã quá hạn, trong 380 hồ sơ đang giải quyết ở cuối kỳ')).toBeInTheDocument();
    expect(within(district).getByText('đã giải quyết quá hạn trong kỳ: 386')).toBeInTheDocument();
    const communes = figure('Cấp xã', 'Hồ sơ quá hạn');
    expect(communes.querySelector('.figure__value')).toHaveTextContent('12');
    expect(within(communes).getByText('đã giải quyết quá hạn trong kỳ: 100')).toBeInTheDocument();
  });

  it('says "not reported" quietly for a figure no record reports, but shows a reported 0 as 0', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    expect(within(figure('Cấp huyện', 'Hồ sơ liên thông')).getByText('4.568')).toBeInTheDocument();
    expect(within(figure('Cấp huyện', 'Tiếp nhận sáng thứ 7')).getByText('528')).toBeInTheDocument();

    const interlinked = figure('Cấp xã', 'Hồ sơ liên thông');
    expect(within(interlinked).getByText('không báo cáo')).toHaveClass('quiet');
    expect(interlinked.querySelector('.figure__value')).toBeNull();
    expect(within(interlinked).queryByText('0')).not.toBeInTheDocument();

    const saturday = figure('Cấp xã', 'Tiếp nhận sáng thứ 7');
    expect(within(saturday).getByText('0')).toBeInTheDocument();
    expect(within(saturday).queryByText('không báo cáo')).not.toBeInTheDocument();
  });

  it('shows fees in full and in short, the short amount kept on one line', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    const fees = figure('Cấp huyện', 'Phí, lệ phí');
    expect(within(fees).getByText('545.180.000\u00a0₫', exact)).toBeInTheDocument();
    expect(within(fees).getByText('545,18\u00a0triệu\u00a0đ', exact)).toHaveClass('figure__value');
    const communeFees = figure('Cấp xã', 'Phí, lệ phí');
    expect(within(communeFees).getByText('1.386.718.000\u00a0₫', exact)).toBeInTheDocument();
    expect(within(communeFees).getByText('1,39\u00a0tỷ\u00a0đ', exact)).toBeInTheDocument();
  });

  it('titles a drilled-into unit by its name', () => {
    const headline = makeHeadline(
      [{ kind: 'unit', label: 'Thị trấn Trâu Quỳ', current: commune, previous: null }],
      false,
    );
    render(<HeadlineFigures headline={headline} lang="vi" />);
    expect(screen.getByRole('heading', { level: 3, name: 'Thị trấn Trâu Quỳ' })).toBeInTheDocument();
    expect(within(figure('Thị trấn Trâu Quỳ', 'Hồ sơ tiếp nhận và xử lý')).getByText('1.020')).toBeInTheDocument();
  });
});

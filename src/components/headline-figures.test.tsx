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
  it('titles the panel and each level, and states the period and the one compared with', () => {
    render(<HeadlineFigures headline={both(true)} lang="vi" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Số liệu chính' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Cấp huyện' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Cấp xã' })).toBeInTheDocument();
    expect(
      screen.getByText('Kỳ báo cáo: tháng 1/2021 – tháng 4/2022, so với tháng 9/2019 – tháng 12/2020'),
    ).toBeInTheDocument();
  });

  it('formats the Vietnamese figures with Vietnamese separators', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    const total = figure('Cấp huyện', 'Hồ sơ tiếp nhận và xử lý');
    expect(within(total).getByText('27.866')).toBeInTheDocument();
    expect(within(total).getByText('kỳ trước chuyển sang 309, mới tiếp nhận 27.557')).toBeInTheDocument();

    const onTime = figure('Cấp huyện', 'Giải quyết đúng hạn');
    expect(within(onTime).getByText('27.100')).toBeInTheDocument();
    expect(within(onTime).getByText('98,6\u00a0%', exact)).toBeInTheDocument();
    expect(within(onTime).getByText(/trên 27\.486 hồ sơ đã giải quyết/)).toBeInTheDocument();

    const online = figure('Cấp huyện', 'Hồ sơ trực tuyến mức độ 3, 4');
    expect(within(online).getByText('4.037')).toBeInTheDocument();
    expect(within(online).getByText('mức độ 3: 3.000 · mức độ 4: 1.037')).toBeInTheDocument();
    expect(within(online).getByText('14,6\u00a0%', exact)).toBeInTheDocument();
  });

  it('formats the English figures with English separators', () => {
    render(<HeadlineFigures headline={both(true)} lang="en" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Headline figures' })).toBeInTheDocument();
    expect(screen.getByText('Period: Jan 2021 – Apr 2022, compared with Sep 2019 – Dec 2020')).toBeInTheDocument();
    const total = figure('District level', 'Dossiers handled');
    expect(within(total).getByText('27,866')).toBeInTheDocument();
    expect(within(total).getByText('carried over 309, newly received 27,557')).toBeInTheDocument();
    expect(within(figure('District level', 'Resolved on time')).getByText('98.6%')).toBeInTheDocument();
    const fees = figure('District level', 'Fees and charges');
    expect(within(fees).getByText('₫545,180,000')).toBeInTheDocument();
    expect(within(fees).getByText('545.18 million ₫')).toBeInTheDocument();
  });

  it('shows the change against the previous period when there is one', () => {
    render(<HeadlineFigures headline={both(true)} lang="vi" />);
    const total = figure('Cấp huyện', 'Hồ sơ tiếp nhận và xử lý');
    const change = within(total).getByText('+12,3\u00a0%', exact);
    expect(change.parentElement).toHaveTextContent('▲ +12,3 % so với kỳ trước');

    // 98.6 % against 98.0 %: a rate changes in points.
    const onTime = figure('Cấp huyện', 'Giải quyết đúng hạn');
    expect(within(onTime).getByText('+0,6 điểm %')).toBeInTheDocument();

    // Fees went up from 500 to 545.18 million: +9.0 %.
    expect(within(figure('Cấp huyện', 'Phí, lệ phí')).getByText('+9,0\u00a0%', exact)).toBeInTheDocument();

    // The communes have no previous figures, so no change is claimed for them.
    const communes = screen.getByRole('region', { name: 'Cấp xã' });
    expect(within(communes).queryByText(/so với kỳ trước/)).not.toBeInTheDocument();
  });

  it('shows a fall with a down arrow', () => {
    const headline = makeHeadline(
      [{ kind: 'district', label: 'district', current: districtBefore, previous: district }],
      true,
    );
    render(<HeadlineFigures headline={headline} lang="en" />);
    const total = figure('District level', 'Dossiers handled');
    expect(within(total).getByText('-11.0%').parentElement).toHaveTextContent(
      '▼ -11.0% compared with the previous period',
    );
  });

  it('claims no change and no comparison period without a previous period', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    expect(screen.queryByText(/so với kỳ trước/)).not.toBeInTheDocument();
    expect(screen.queryByText(/▲|▼/)).not.toBeInTheDocument();
    expect(screen.getByText('Kỳ báo cáo: tháng 1/2021 – tháng 4/2022')).toBeInTheDocument();
  });

  it('says in words whether each rate meets its target', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    const districtOnTime = figure('Cấp huyện', 'Giải quyết đúng hạn');
    expect(within(districtOnTime).getByText(/Chỉ tiêu 95,0.%/)).toBeInTheDocument();
    expect(within(districtOnTime).getByText('Đạt chỉ tiêu')).toHaveTextContent('✓ Đạt chỉ tiêu');
    expect(within(districtOnTime).queryByText('Chưa đạt chỉ tiêu')).not.toBeInTheDocument();

    const communeOnTime = figure('Cấp xã', 'Giải quyết đúng hạn');
    expect(within(communeOnTime).getByText('90,0\u00a0%', exact)).toBeInTheDocument();
    expect(within(communeOnTime).getByText('Chưa đạt chỉ tiêu')).toHaveTextContent('✗ Chưa đạt chỉ tiêu');

    // Online uptake 14.6 % against a 50 % target.
    const districtOnline = figure('Cấp huyện', 'Hồ sơ trực tuyến mức độ 3, 4');
    expect(within(districtOnline).getByText(/Chỉ tiêu 50,0.%/)).toBeInTheDocument();
    expect(within(districtOnline).getByText('Chưa đạt chỉ tiêu')).toBeInTheDocument();
  });

  it('says target met and not met in English', () => {
    render(<HeadlineFigures headline={both(false)} lang="en" />);
    expect(within(figure('District level', 'Resolved on time')).getByText('Target met')).toBeInTheDocument();
    expect(within(figure('Commune level', 'Resolved on time')).getByText('Target not met')).toBeInTheDocument();
  });

  it('calls out overdue dossiers, and says when there are none', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    const districtPending = figure('Cấp huyện', 'Đang giải quyết');
    expect(within(districtPending).getByText('380')).toBeInTheDocument();
    expect(within(districtPending).getByText('không có hồ sơ quá hạn')).toBeInTheDocument();
    expect(within(districtPending).queryByText(/quá hạn:/)).not.toBeInTheDocument();

    const communePending = figure('Cấp xã', 'Đang giải quyết');
    expect(within(communePending).getByText('20')).toBeInTheDocument();
    const overdue = within(communePending).getByText(/trong đó quá hạn: 12/);
    expect(overdue).toHaveTextContent('⚠ trong đó quá hạn: 12');
    expect(overdue).toHaveClass('status--bad');
    expect(within(communePending).queryByText('không có hồ sơ quá hạn')).not.toBeInTheDocument();
  });

  it('says "not reported" for a figure no record reports, but shows a reported 0 as 0', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    expect(within(figure('Cấp huyện', 'Hồ sơ liên thông')).getByText('4.568')).toBeInTheDocument();
    expect(within(figure('Cấp huyện', 'Tiếp nhận sáng thứ 7')).getByText('528')).toBeInTheDocument();

    const interlinked = figure('Cấp xã', 'Hồ sơ liên thông');
    expect(within(interlinked).getByText('không báo cáo')).toBeInTheDocument();
    expect(within(interlinked).queryByText('0')).not.toBeInTheDocument();

    const saturday = figure('Cấp xã', 'Tiếp nhận sáng thứ 7');
    expect(within(saturday).getByText('0')).toBeInTheDocument();
    expect(within(saturday).queryByText('không báo cáo')).not.toBeInTheDocument();
  });

  it('shows fees in full and in short', () => {
    render(<HeadlineFigures headline={both(false)} lang="vi" />);
    const fees = figure('Cấp huyện', 'Phí, lệ phí');
    expect(within(fees).getByText('545.180.000\u00a0₫', exact)).toBeInTheDocument();
    expect(within(fees).getByText('545,18 triệu đ')).toBeInTheDocument();
    const communeFees = figure('Cấp xã', 'Phí, lệ phí');
    expect(within(communeFees).getByText('1.386.718.000\u00a0₫', exact)).toBeInTheDocument();
    expect(within(communeFees).getByText('1,39 tỷ đ')).toBeInTheDocument();
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

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { headline } from '../../src/domain/dashboard.ts';
import { formatPointChange } from '../../src/domain/format.ts';
import { indexDataset } from '../../src/domain/metrics.ts';
import { parseDatasetText } from '../../src/domain/validate.ts';
import { type ChromiumSession, test } from './fixture.ts';
import { scrollThrough } from './scroll.ts';

/**
 * The council's question from one screen and one address (issue 14): "worst
 * this year, and better or worse than the same months last year". The page
 * compares with the same months a year earlier by default, says so, keeps the
 * choice in the address; ranks communes among communes with the district as a
 * reference; and never passes the dashboard's default targets off as official.
 */

const sample = (() => {
  const result = parseDatasetText(readFileSync(new URL('../../data/gia-lam.json', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('the sample must load');
  return indexDataset(result.dataset);
})();

async function open(chromium: ChromiumSession, url: string): Promise<Page> {
  const page = await chromium.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('region', { name: 'Số liệu chính' }).waitFor();
  return page;
}

const folded = (x: string) => x.replace(/\s+/g, ' ');

async function headlineText(page: Page): Promise<string> {
  return folded(await page.getByRole('region', { name: 'Số liệu chính' }).innerText());
}

describe('compared with what', () => {
  test('compares January–April 2022 with the same months of 2021 by default, and with the previous period when asked', async ({
    chromium,
    baseUrl,
  }) => {
    const range = { from: '2022-01', to: '2022-04' };
    const base = { range, level: 'all' as const, unitId: null, field: null };
    const byYear = headline(sample, { ...base, compare: 'year' }).groups.find((g) => g.kind === 'district');
    const byPrevious = headline(sample, { ...base, compare: 'previous' }).groups.find((g) => g.kind === 'district');
    if (!byYear?.previous || !byPrevious?.previous) throw new Error('the sample has both earlier periods in full');
    const page = await open(chromium, `${baseUrl}?from=2022-01&to=2022-04`);
    const compare = page.getByRole('combobox', { name: 'So sánh với' });
    expect(await compare.inputValue()).toBe('year');
    expect(await headlineText(page)).toContain('so với cùng kỳ năm trước (tháng 1/2021 – tháng 4/2021)');
    // The district's online change against January–April 2021, as the metric module computes it.
    const online = page
      .getByRole('region', { name: 'Cấp huyện', exact: true })
      .getByRole('group', { name: 'Hồ sơ trực tuyến mức độ 3, 4' });
    const yearChange = formatPointChange(byYear.current.onlineRate, byYear.previous.onlineRate, 'vi');
    expect(folded(await online.innerText())).toContain(`${yearChange}`);

    await compare.selectOption('previous');
    await expect.poll(() => page.evaluate(() => window.location.search)).toContain('compare=previous');
    await expect.poll(() => headlineText(page)).toContain('so với kỳ trước (tháng 9/2021 – tháng 12/2021)');
    const previousChange = formatPointChange(byPrevious.current.onlineRate, byPrevious.previous.onlineRate, 'vi');
    await expect.poll(async () => folded(await online.innerText())).toContain(`${previousChange} (`);
    // The address alone reproduces it.
    const again = await open(chromium, `${baseUrl}?from=2022-01&to=2022-04&compare=previous`);
    expect(await again.getByRole('combobox', { name: 'So sánh với' }).inputValue()).toBe('previous');
  });

  test('says why nothing is compared when the data has no earlier months', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, `${baseUrl}?from=2021-01&to=2021-04&compare=year`);
    expect(await headlineText(page)).toContain(
      'Dữ liệu không có đủ số liệu cùng kỳ năm trước (tháng 1/2020 – tháng 4/2020), nên chưa so sánh được.',
    );
    expect(await headlineText(page)).not.toMatch(/[▲▼]/);
  });

  test('draws how each commune changed and ranks communes among communes, the district as a reference row', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await open(chromium, `${baseUrl}?from=2022-01&to=2022-04`);
    await scrollThrough(page);
    const change = page.locator('#chart-online-change');
    expect(await change.locator('.chart-frame__title').innerText()).toBe(
      'Tỷ lệ trực tuyến thay đổi thế nào, theo đơn vị',
    );
    expect(folded(await change.innerText())).toContain('so với cùng kỳ năm trước (tháng 1/2021 – tháng 4/2021)');
    const ranking = page.getByRole('table', { name: /xếp theo tỷ lệ giải quyết đúng hạn/ });
    const district = ranking.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Huyện Gia Lâm/ }) });
    expect(await district.getByRole('cell').first().innerText()).toBe('tham chiếu');
    // The 22 communes ranked 1 to 22 among themselves: no rank is skipped for the district.
    const ranks = await ranking.locator('tbody:not(.ranking__reference) tr td:first-child').allInnerTexts();
    expect(ranks).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    // The briefing is written when asked for, and says what it compares with too.
    await page.getByText('Bản tóm tắt bằng lời để đưa vào báo cáo').click();
    const briefing = page.getByRole('region', { name: 'Bản tóm tắt để báo cáo' });
    await briefing.waitFor();
    expect(folded(await briefing.innerText())).toContain('So với cùng kỳ năm trước (tháng 1/2021 – tháng 4/2021)');
    // Both rates' change, saying what it is compared with.
    expect(await ranking.getByRole('columnheader').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Thay đổi tỷ lệ đúng hạn so với cùng kỳ năm trước'),
        expect.stringContaining('Thay đổi tỷ lệ trực tuyến so với cùng kỳ năm trước'),
      ]),
    );
  });
});

describe('honest targets', () => {
  test('labels the dashboard’s defaults as defaults, and a target set in the address as the reader’s', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await open(chromium, baseUrl);
    const text = await headlineText(page);
    expect(text).toContain('Chỉ tiêu mặc định 95,0 %');
    expect(text).toContain('Chỉ tiêu mặc định 50,0 %');
    expect(text).toContain('không phải chỉ tiêu chính thức');
    expect(text).not.toMatch(/(^|[^n] )Chỉ tiêu 95/);

    const set = await open(chromium, `${baseUrl}?targetOnTime=99,5`);
    const setText = await headlineText(set);
    expect(setText).toContain('Chỉ tiêu do người xem đặt 99,5 %');
    expect(setText).toContain('Chỉ tiêu mặc định 50,0 %');
  });
});

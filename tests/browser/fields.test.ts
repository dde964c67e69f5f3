import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { headline } from '../../src/domain/dashboard.ts';
import { formatCount, formatPercent } from '../../src/domain/format.ts';
import { indexDataset } from '../../src/domain/metrics.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { parseDatasetText } from '../../src/domain/validate.ts';
import { type ChromiumSession, test } from './fixture.ts';
import { scrollThrough } from './scroll.ts';

/**
 * Procedure fields and councils without districts, as a reader meets them
 * (issue 10): the page filtered by a field shows that field's figures
 * everywhere; a single commune's dataset leads with its fields; a province
 * with its communes never says "district" or "huyện".
 */

function load(path: string): Dataset {
  const result = parseDatasetText(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${path} must load`);
  return result.dataset;
}

async function open(chromium: ChromiumSession, url: string): Promise<Page> {
  const page = await chromium.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function text(page: Page, name: string): Promise<string> {
  return (await page.getByRole('region', { name, exact: true }).innerText()).replace(/\s+/g, ' ');
}

/** The titles of the chart frames, in the order of the page. */
async function chartTitles(page: Page): Promise<string[]> {
  return page.locator('.chart-frame__title').allInnerTexts();
}

describe('a procedure field chosen', () => {
  test('restricts the headline figures to that field, in the address and in the selector', async ({
    chromium,
    baseUrl,
  }) => {
    const sample = load('data/gia-lam.json');
    const index = indexDataset(sample);
    const span = index.span ?? { from: '', to: '' };
    const land = headline(index, { range: span, level: 'all', unitId: null, field: 'dat-dai', compare: 'previous' });
    const district = land.groups.find((g) => g.kind === 'district');
    if (!district) throw new Error('the sample has a district level');
    const page = await open(chromium, `${baseUrl}?field=dat-dai`);
    expect(await page.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).inputValue()).toBe('dat-dai');
    // The district's dossiers handled and on-time rate for land alone, as the metric module computes them.
    const block = await text(page, 'Cấp huyện');
    // innerText's spaces are folded like the page's (U+00A0 before % included).
    const folded = (x: string) => x.replace(/\s+/g, ' ');
    expect(block).toContain(folded(formatCount(district.current.total, 'vi')));
    expect(block).toContain(folded(formatPercent(district.current.onTimeRate, 'vi')));
    // One field in view: no chart compares fields.
    expect(await chartTitles(page)).not.toContain('Tỷ lệ giải quyết đúng hạn theo lĩnh vực');
    // Back to every field from the selector: the address follows.
    await page.getByRole('combobox', { name: 'Lĩnh vực', exact: true }).selectOption('');
    await expect.poll(() => page.evaluate(() => window.location.search)).toBe('');
    await expect.poll(() => chartTitles(page)).toContain('Tỷ lệ giải quyết đúng hạn theo lĩnh vực');
  });
});

describe('a single commune of today', () => {
  test('leads with its fields and draws no chart that compares units, in both languages', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await open(chromium, `${baseUrl}?data=data/xa-minh-hoa.json`);
    await scrollThrough(page);
    const titles = await chartTitles(page);
    expect(titles[0]).toBe('Tỷ lệ giải quyết đúng hạn theo lĩnh vực');
    expect(titles.filter((t) => t.endsWith('theo đơn vị'))).toEqual([]);
    // Online totals only: the channel chart says the split is not reported.
    expect(await page.locator('#chart-channel .chart-frame__description').innerText()).toContain(
      'không báo cáo tách mức độ 3, 4',
    );
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => chartTitles(page)).toContain('On-time rate by procedure field');
    expect((await chartTitles(page)).filter((t) => t.endsWith('by unit'))).toEqual([]);
  });
});

/** A province and two communes, no district: how a council's data looks since July 2025. */
const PROVINCE = {
  schemaVersion: 2,
  title: 'Tỉnh Thử Nghiệm – kết quả giải quyết TTHC',
  fields: [
    { id: 'dat-dai', name: 'Đất đai' },
    { id: 'ho-tich', name: 'Hộ tịch' },
  ],
  units: [
    { id: 'tinh', name: 'Tỉnh Thử Nghiệm', level: 'province' },
    { id: 'x1', name: 'Xã Bình An', level: 'commune', parentId: 'tinh' },
    { id: 'p2', name: 'Phường Hoà Bình', level: 'commune', parentId: 'tinh' },
  ],
  records: ['tinh', 'x1', 'p2'].flatMap((unitId, u) =>
    ['2025-07', '2025-08'].flatMap((month, m) =>
      ['dat-dai', 'ho-tich'].map((fieldId, f) => ({
        unitId,
        fieldId,
        month,
        // Each month adds up (carried over + received = resolved + pending) and chains to the next.
        carriedOver: m === 0 ? 0 : 10,
        received: 100 + u * 10 + f * 5,
        receivedOnline: 30 + u,
        resolvedEarly: 10,
        resolvedOnTime: 80 + u * 10 + f * 5 - (f === 0 ? 3 : 0),
        resolvedLate: f === 0 ? 3 : 0,
        pendingWithinDeadline: m === 0 ? 10 : 20,
        pendingOverdue: 0,
        feesVnd: 10_000,
      })),
    ),
  ),
};

describe('a province with its communes and no district', () => {
  test('never says "huyện" or "district" anywhere on the page, in Vietnamese or English', async ({
    chromium,
    server,
  }) => {
    server.serve('/net/province.json', PROVINCE);
    const page = await open(chromium, `${server.url}?data=/net/province.json`);
    await scrollThrough(page);
    const vi = await page.locator('body').innerText();
    expect(vi).toContain('Cả tỉnh và xã');
    expect(vi).not.toMatch(/huyện/i);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('All levels (province and commune)').waitFor();
    await scrollThrough(page);
    const en = await page.locator('body').innerText();
    expect(en).not.toMatch(/district/i);
  });
});

import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { type ChromiumSession, test } from './fixture.ts';

const NBSP = '\u00a0';

/** A page in a fresh context at `url`, once the dataset's title shows. */
async function open(chromium: ChromiumSession, url: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await chromium.newPage({ viewport });
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The text of one level's block of headline figures. */
async function headlineText(page: Page, level: string): Promise<string> {
  const block = page.getByRole('region', { name: level, exact: true });
  return (await block.innerText()).replace(/\s+/g, ' ');
}

const small = {
  schemaVersion: 1,
  title: 'Xã Thử nghiệm – số liệu kiểm thử',
  units: [{ id: 'x', name: 'Xã Thử nghiệm', level: 'commune' }],
  records: [
    {
      unitId: 'x',
      month: '2023-01',
      carriedOver: 0,
      received: 1234,
      receivedOnlineLevel3: 10,
      receivedOnlineLevel4: 20,
      resolvedEarly: 0,
      resolvedOnTime: 1200,
      resolvedLate: 4,
      pendingWithinDeadline: 30,
      pendingOverdue: 0,
      feesVnd: 5000,
    },
  ],
};

describe('the dashboard on the sample data (production build)', () => {
  test('shows the report figures for the whole span at both levels, in Vietnamese', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, baseUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Gia Lâm');
    const district = await headlineText(page, 'Cấp huyện');
    expect(district).toContain('27.866');
    expect(district).toContain('27.486');
    expect(district).toContain(`545.180.000${NBSP}₫`.replace(/\s+/g, ' '));
    const communes = await headlineText(page, 'Cấp xã');
    expect(communes).toContain('143.533');
    expect(communes).toContain('143.141');
    expect(communes).toContain(`1.386.718.000${NBSP}₫`.replace(/\s+/g, ' '));
    await expect.poll(() => page.getByRole('note').first().innerText()).toContain('Số liệu minh hoạ');
  });

  test('shows the same figures for a quarter chosen in the page and given in the address, and Back returns', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await open(chromium, baseUrl);
    const before = await headlineText(page, 'Cấp huyện');
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý 1/2022' });
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2022-01&to=2022-03');
    const chosen = await headlineText(page, 'Cấp huyện');
    expect(chosen).not.toBe(before);
    const page2 = await page.context().newPage();
    await page2.goto(`${baseUrl}?from=2022-01&to=2022-03`);
    await page2.getByRole('heading', { level: 1 }).waitFor();
    expect(await headlineText(page2, 'Cấp huyện')).toBe(chosen);
    await page.goBack();
    await expect.poll(() => headlineText(page, 'Cấp huyện')).toBe(before);
    await page.goForward();
    await expect.poll(() => headlineText(page, 'Cấp huyện')).toBe(chosen);
  });

  test('drills down to one commune from the ranking table and back', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, baseUrl);
    await page.getByRole('button', { name: 'Xem Thị trấn Trâu Quỳ' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe('tt-trau-quy');
    await page.getByRole('region', { name: 'Thị trấn Trâu Quỳ', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Thị trấn Trâu Quỳ: tỷ lệ theo tháng' }).waitFor();
    await page.getByRole('button', { name: /Quay lại toàn bộ/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBeNull();
    await page.getByRole('region', { name: 'Cấp xã', exact: true }).waitFor();
  });

  test('writes numbers the English way with lang=en', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, `${baseUrl}?lang=en`);
    expect(await headlineText(page, 'District level')).toContain('27,866');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  test('notes an invalid parameter and still shows the figures', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, `${baseUrl}?from=2021-13&level=town`);
    await expect.poll(() => page.getByText('Một số tham số trong địa chỉ đã bị bỏ qua').count()).toBe(1);
    expect(await headlineText(page, 'Cấp huyện')).toContain('27.866');
  });

  test('loads another dataset from a data= address and names where it came from', async ({ chromium, baseUrl }) => {
    const page = await chromium.newPage();
    await page.route('**/test-data/small.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(small) }),
    );
    await page.goto(`${baseUrl}?data=test-data/small.json`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(small.title);
    expect(await page.getByText('test-data/small.json').count()).toBeGreaterThan(0);
    expect(await headlineText(page, 'Cấp xã')).toContain('1.234');
  });

  test('loads a file chosen or dropped on the page without sending it anywhere', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, baseUrl);
    // The page has all its code once the panels below the charts are there (the import panel comes last);
    // from then on nothing at all is asked of the server.
    await page.getByRole('region', { name: 'Nhập số liệu từ bảng tính' }).waitFor();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page
      .getByRole('navigation', { name: 'Công cụ' })
      .locator('input[type=file]')
      .setInputFiles({
        name: 'xa-thu.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(small)),
      });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(small.title);
    // A real drop, with a DataTransfer built in the page.
    const dropped = { ...small, title: 'Tệp được thả vào trang' };
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'tha.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
    }, JSON.stringify(dropped));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(dropped.title);
    expect(requests).toEqual([]);
  });

  test('refuses a broken dropped file with an alert naming the path', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, baseUrl);
    const broken = { ...small, records: [{ ...small.records[0], month: '2023-13' }] };
    await page
      .getByRole('navigation', { name: 'Công cụ' })
      .locator('input[type=file]')
      .setInputFiles({
        name: 'hong.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken)),
      });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('records[0].month');
    // The sample's figures stay; nothing from the refused file is shown.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Gia Lâm');
  });

  test('fits a phone and a laptop without horizontal scrolling; screenshots for the README', async ({
    chromium,
    baseUrl,
  }) => {
    mkdirSync('docs/screenshots', { recursive: true });
    for (const [name, viewport] of [
      ['dashboard-1366x768', { width: 1366, height: 768 }],
      ['dashboard-390x844', { width: 390, height: 844 }],
    ] as const) {
      const page = await open(chromium, baseUrl, viewport);
      await page.getByRole('heading', { name: 'Tỷ lệ giải quyết đúng hạn theo đơn vị' }).waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `docs/screenshots/${name}.png` });
      await page.context().close();
    }
  });
});

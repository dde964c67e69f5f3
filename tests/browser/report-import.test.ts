import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDatasetText } from '../../src/domain/validate.ts';
import {
  dongDuForm,
  EXPECTED_REPORTS,
  giaLamForms,
  NINH_HIEP_T4,
  ninhHiepForms,
  REPORT_FILES,
} from '../support/report-fixtures.ts';
import { systemA } from '../support/report-forms.ts';
import { reportWorkbook } from '../support/report-xlsx.ts';
import { launchChromium } from './chromium.ts';

/**
 * The official monthly reports, as two one-stop systems export them, imported in the browser: several
 * files at once, read in a worker, previewed, shown on the dashboard and downloaded as a dataset; a
 * report that does not add up refused with its file, sheet, row and column. Any console error or page
 * error fails the test.
 */

const baseUrl = inject('baseUrl');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let browser: Browser;
let context: BrowserContext | undefined;
let problems: string[] = [];
let requests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(problems).toEqual([]);
  // Nothing left the browser: every request went to this site (fflate unzips in blob: workers of the page).
  expect(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith(`blob:${baseUrl}`))).toEqual([]);
});

async function open(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  problems = [];
  requests = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(baseUrl);
  await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
  return page;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Nhập số liệu từ bảng tính' });

async function reportFiles(): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const [giaLam, ninhHiep, dongDu4, dongDu5] = REPORT_FILES;
  const books: [string, Uint8Array][] = [
    [giaLam, await reportWorkbook(giaLamForms())],
    [ninhHiep, await reportWorkbook(ninhHiepForms())],
    [dongDu4, await reportWorkbook([dongDuForm(4)])],
    [dongDu5, await reportWorkbook([dongDuForm(5)])],
  ];
  return books.map(([name, bytes]) => ({ name, mimeType: XLSX, buffer: Buffer.from(bytes) }));
}

describe('monthly reports imported in the browser', () => {
  it('reads four files of two systems at once, previews them, downloads the dataset and shows it on the dashboard', async () => {
    const page = await open();
    await panel(page)
      .locator('input[type=file]')
      .setInputFiles(await reportFiles());
    const view = panel(page).getByRole('button', { name: 'Xem trên bảng số liệu' });
    await view.waitFor({ timeout: 30_000 });
    await expect.poll(() => panel(page).getByRole('alert').count()).toBe(0);

    const figures = await panel(page)
      .locator('dl')
      .evaluate((dl) =>
        Object.fromEntries(
          [...dl.querySelectorAll('div')].map((d) => [
            d.querySelector('dt')?.textContent,
            [...d.querySelectorAll('dd')].map((dd) => dd.textContent),
          ]),
        ),
      );
    expect(figures).toEqual({
      'Đơn vị': ['3', 'Cấp huyện (1): Huyện Gia Lâm; Cấp xã (2): Xã Ninh Hiệp, Xã Đông Dư'],
      'Các tháng': ['tháng 4/2022 – tháng 5/2022', '2 tháng'],
      'Lĩnh vực': ['4', 'Đất đai, Xây dựng, Hộ tịch, Chứng thực'],
      'Số bản ghi': ['12'],
    });
    // Per level over April and May, worked out by hand from tests/support/report-fixtures.ts (see
    // src/domain/spreadsheet/preview.test.ts): the district 700 received, 115 online, 677 resolved, 625 of
    // them early or on time (92,3 %); the communes 5.250, 2.709, 5.228 and 5.213 (99,7 %).
    const rows = await panel(page)
      .getByRole('table', { name: 'Tổng số trong các tháng đã đọc' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual([
      ['Cấp huyện', '700', '115', '677', '92,3\u00a0%'],
      ['Cấp xã', '5.250', '2.709', '5.228', '99,7\u00a0%'],
    ]);

    // The preview itself is accessible (WCAG 2.1 AA rules of axe, the import panel only).
    const axe = await new AxeBuilder({ page })
      .options({ resultTypes: ['violations'] })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .include('.import-panel')
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'Tải tệp JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('so-lieu-tthc.json');
    const saved = parseDatasetText(readFileSync(await download.path(), 'utf8'));
    if (!saved.ok) throw new Error('the downloaded dataset does not load');
    expect(saved.dataset).toMatchObject(EXPECTED_REPORTS);
    expect(saved.dataset.records).toEqual(EXPECTED_REPORTS.records);

    await view.click();
    await page
      .getByRole('heading', { level: 1, name: 'Huyện Gia Lâm – kết quả giải quyết thủ tục hành chính' })
      .waitFor();
    // The dashboard's district figures are those of the reports: 120 + 10 carried over into April, 700
    // received over the two months, 625 of 677 resolved in time, 135 + 5 + 12 + 1 pending at the end of May.
    const district = page.getByRole('region', { name: 'Cấp huyện', exact: true });
    await expect.poll(() => district.innerText()).toContain('kỳ trước chuyển sang 130, mới tiếp nhận 700');
    const text = await district.innerText();
    expect(text).toMatch(/Giải quyết đúng hạn\s+92,3/);
    expect(text).toContain('trong 153 hồ sơ đang giải quyết ở cuối kỳ');
  });

  it('refuses dropped files that do not add up or cover a quarter, naming file, sheet, row and column', async () => {
    const page = await open();
    const broken = systemA({
      sheet: 'Tháng 11',
      authority: 'UBND XÃ AN PHÚ',
      month: 'Tháng 11 năm 2022',
      fields: NINH_HIEP_T4,
      textNumbers: true,
      edit: [[0, 'C', '1.506']],
    });
    const quarter = systemA({
      sheet: 'Quý IV',
      authority: 'UBND XÃ AN PHÚ',
      month: 'Quý IV năm 2022',
      fields: NINH_HIEP_T4,
    });
    const files = [
      { name: 'bao-cao-t11.xlsx', bytes: [...(await reportWorkbook([broken]))] },
      { name: 'bao-cao-quy-4.xlsx', bytes: [...(await reportWorkbook([quarter]))] },
    ];
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, files);
    await panel(page).getByRole('group', { name: 'Thả tệp vào đây' }).dispatchEvent('drop', { dataTransfer });

    const alert = panel(page).getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toContain('Không nhập được 2 tệp: 2 lỗi.');
    expect(await alert.getByRole('listitem').allInnerTexts()).toEqual([
      'Tệp bao-cao-t11.xlsx, sheet Tháng 11, dòng 13, cột Tổng số (Số hồ sơ nhận giải quyết): tổng số (1.506) khác trực tuyến + trực tiếp + kỳ trước (1.503)',
      "Tệp bao-cao-quy-4.xlsx, sheet Quý IV, dòng 5: báo cáo này không phải báo cáo tháng; hãy xuất từ hệ thống một báo cáo cho mỗi tháng rồi chọn tất cả các tệp, đang là 'Kỳ báo cáo: Quý IV năm 2022'",
    ]);
    expect(await panel(page).getByRole('button', { name: 'Xem trên bảng số liệu' }).count()).toBe(0);
  });
});

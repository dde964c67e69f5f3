import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { writeDatasetTable } from '../../src/data/spreadsheet.ts';
import { parseDatasetText } from '../../src/domain/validate.ts';
import { type ChromiumSession, test } from './fixture.ts';

async function open(chromium: ChromiumSession, baseUrl: string): Promise<Page> {
  const page = await chromium.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(baseUrl);
  await page.getByRole('heading', { level: 1, name: /Gia Lâm/ }).waitFor();
  return page;
}

const importInput = (page: Page) =>
  page.getByRole('region', { name: 'Nhập số liệu từ bảng tính' }).locator('input[type=file]');

describe('importing a spreadsheet in the browser', () => {
  test('reads the sample written as a workbook and shows it on the dashboard with the same figures', async ({
    chromium,
    baseUrl,
  }) => {
    const sample = parseDatasetText(readFileSync('data/gia-lam.json', 'utf8'));
    if (!sample.ok) throw new Error('the sample does not load');
    const bytes = await writeDatasetTable(sample.dataset, 'xlsx');
    const page = await open(chromium, baseUrl);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await importInput(page).setInputFiles({
      name: 'gia-lam.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bytes),
    });
    const view = page.getByRole('button', { name: 'Xem trên bảng số liệu' });
    await view.waitFor({ timeout: 30_000 });
    await view.click();
    await expect.poll(() => page.getByText('gia-lam.json').count()).toBeGreaterThan(0);
    const district = page.getByRole('region', { name: 'Cấp huyện', exact: true });
    await expect.poll(() => district.innerText()).toContain('27.866');
    expect(await district.innerText()).toContain('27.486');
    // The spreadsheet code came from this site; the file itself went nowhere. A workbook this size (the
    // sample by field) is unzipped by fflate in workers made from blob: addresses of this page.
    expect(requests.filter((u) => !u.startsWith(baseUrl) && !u.startsWith(`blob:${baseUrl}`))).toEqual([]);
    expect(requests.some((u) => /gia-lam\.xlsx/.test(u))).toBe(false);
  });

  test('names the sheet, row and column of a mistake in a CSV saved by Excel', async ({ chromium, baseUrl }) => {
    const good = readFileSync('tests/fixtures/spreadsheets/huyen-thu-2022.csv', 'utf8');
    // Break one count the way a typist would.
    const lines = good.split(/\r?\n/);
    const row = lines.findIndex((l, i) => i > 1 && l.includes('2022'));
    const cells = (lines[row] ?? '').split(';');
    const at = cells.findIndex((c, i) => i > 5 && /^\d/.test(c));
    cells[at] = '12,5';
    lines[row] = cells.join(';');
    const page = await open(chromium, baseUrl);
    await importInput(page).setInputFiles({
      name: 'hong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\r\n')),
    });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 30_000 }).toContain(`dòng ${row + 1}`);
    expect(await alert.innerText()).toContain('12,5');
  });
});

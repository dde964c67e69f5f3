import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { CHART_SVG } from '../../src/data/chart-export.ts';
import { type ChromiumSession, test } from './fixture.ts';

async function open(chromium: ChromiumSession, url: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await chromium.newPage({ viewport, acceptDownloads: true });
  await page.goto(url);
  return page;
}

const counter = (page: Page) => page.locator('.presentation__counter').innerText();

describe('presentation mode', () => {
  test('opens from the button, walks every slide with PageDown, and Esc returns to the same selection', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await open(chromium, `${baseUrl}?from=2021-01&to=2021-12`);
    await page.getByRole('button', { name: /Trình chiếu/ }).click();
    await expect.poll(() => counter(page)).toMatch(/^1 \/ \d+$/);
    const total = Number((await counter(page)).split(' / ')[1]);
    expect(total).toBeGreaterThanOrEqual(9);
    expect(new URL(page.url()).searchParams.get('view')).toBe('present');
    await expect.poll(() => page.locator('.slide-title h1').innerText()).toContain('Gia Lâm');
    for (let n = 2; n <= total; n++) {
      await page.keyboard.press('PageDown');
      await expect.poll(() => counter(page)).toBe(`${n} / ${total}`);
      expect(new URL(page.url()).searchParams.get('slide')).toBe(String(n));
      // Every slide names the period and says the figures are illustrative.
      const footer = await page.locator('.presentation__footer').innerText();
      expect(footer).toContain('tháng 1/2021 – tháng 12/2021');
      expect(footer).toContain('Số liệu minh hoạ');
    }
    await expect.poll(() => page.locator('.slide__heading').innerText()).toBe('Tóm tắt');
    await page.keyboard.press('PageDown');
    await expect.poll(() => counter(page)).toBe(`${total} / ${total}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).search).toBe('?from=2021-01&to=2021-12');
    await page.getByRole('region', { name: 'Cấp huyện', exact: true }).waitFor();
  });

  test('honours the URL and every navigation key', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, `${baseUrl}?view=present&slide=3&from=2022-01&to=2022-03`);
    await expect.poll(() => counter(page)).toMatch(/^3 \/ \d+$/);
    const total = Number((await counter(page)).split(' / ')[1]);
    expect(await page.locator('.presentation__period').innerText()).toBe('tháng 1/2022 – tháng 3/2022');
    const steps: [string, number][] = [
      ['ArrowRight', 4],
      ['Space', 5],
      ['ArrowLeft', 4],
      ['PageUp', 3],
      ['End', total],
      ['Home', 1],
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      await expect.poll(() => counter(page)).toBe(`${expected} / ${total}`);
    }
    // A reload lands on the same slide.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter(page)).toBe(`2 / ${total}`);
    await page.reload();
    await expect.poll(() => counter(page)).toBe(`2 / ${total}`);
  });

  test('moves on a swipe on a touch screen', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, `${baseUrl}?view=present&slide=2`);
    await expect.poll(() => counter(page)).toMatch(/^2 \//);
    const box = await page.locator('.presentation').boundingBox();
    if (!box) throw new Error('no presentation box');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.8, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => counter(page)).toMatch(/^3 \//);
  });

  test('is sized for a hall at 1920×1080: text at least 24 px, chart labels at least 18 px, value labels on bars', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await open(chromium, `${baseUrl}?view=present&slide=3`);
    // The chart's drawing, whichever module drew it (recharts, or the hand-drawn charts by unit and by field).
    await page.locator('.slide__chart').locator(CHART_SVG).first().waitFor();
    const sizes = await page.evaluate(() => {
      const px = (el: Element | null) => (el ? Number.parseFloat(getComputedStyle(el).fontSize) : 0);
      const texts = [...document.querySelectorAll('.slide__chart svg text')].map(px);
      return {
        body: px(document.querySelector('.slide__description')),
        minChart: Math.min(...texts),
        count: texts.length,
      };
    });
    expect(sizes.body).toBeGreaterThanOrEqual(24);
    expect(sizes.count).toBeGreaterThan(20);
    expect(sizes.minChart).toBeGreaterThanOrEqual(18);
    expect(await page.locator('.slide__chart').innerText()).toContain('100,0');
  });

  test('stays readable at 1024×768 and has a dark projector theme', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, `${baseUrl}?view=present&slide=2&theme=dark`, { width: 1024, height: 768 });
    await expect.poll(() => counter(page)).toMatch(/^2 \//);
    const look = await page.evaluate(() => {
      const el = document.querySelector('.presentation') as Element;
      return {
        background: getComputedStyle(el).backgroundColor,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    expect(look.background).toBe('rgb(0, 0, 0)');
    expect(look.overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Nền sáng' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBeNull();
  });

  test('opens a presenter window with the notes, which moves the audience slides', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, `${baseUrl}?view=present&slide=2`);
    await expect.poll(() => counter(page)).toMatch(/^2 \//);
    const [presenter] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Mở cửa sổ người trình bày' }).click(),
    ]);
    await presenter.waitForLoadState();
    const notes = presenter.getByRole('region', { name: 'Ghi chú cho người trình bày' });
    await expect.poll(() => notes.innerText()).toContain('27.866');
    await presenter.getByRole('button', { name: /Trang sau/ }).click();
    await expect.poll(() => counter(page)).toMatch(/^3 \//);
  });
});

describe('printing and exports', () => {
  test('prints an A4 handout with a header naming the period, filters and the date printed', async ({
    chromium,
    baseUrl,
  }) => {
    const page = await open(chromium, `${baseUrl}?from=2022-01&to=2022-03`, { width: 1366, height: 768 });
    await page.getByRole('region', { name: 'Cấp huyện', exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const header = page.locator('.print-header');
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    await expect.poll(() => header.innerText()).toContain(`In ngày ${today}`);
    expect(await header.innerText()).toContain('tháng 1/2022 – tháng 3/2022');
    expect(await page.locator('.filters').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  test('downloads the ranking as CSV with the figures of the screen', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, baseUrl, { width: 1366, height: 768 });
    await page.getByRole('region', { name: 'Cấp huyện', exact: true }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải CSV — bảng xếp hạng đơn vị' }).click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split('\r\n');
    const header = (lines[0] ?? '').split(',');
    const district = (lines.find((l) => l.includes(',gia-lam,')) ?? '').split(',');
    const col = (name: string) => district[header.indexOf(name)];
    expect(col('Hồ sơ tiếp nhận và xử lý')).toBe('27866');
    expect(text).toContain(',545180000,');
    expect(lines).toHaveLength(1 + 23);
  });

  test('exports a chart as a PNG at twice its size, with title and legend', async ({ chromium, baseUrl }) => {
    const page = await open(chromium, baseUrl, { width: 1366, height: 768 });
    // A chart by unit drawn by hand, and a monthly chart drawn by recharts: each module's drawing is exported.
    for (const { id, title, legend } of [
      { id: '#chart-online', title: 'Tỷ lệ hồ sơ trực tuyến theo đơn vị', legend: ['Đạt chỉ tiêu', 'Dưới chỉ tiêu'] },
      {
        id: '#chart-channel',
        title: 'Hồ sơ mới tiếp nhận theo hình thức nộp',
        legend: ['Trực tuyến mức độ 4 (toàn trình)', 'Trực tuyến mức độ 3 (một phần)'],
      },
    ]) {
      const frame = page.locator(id);
      await frame.scrollIntoViewIfNeeded();
      // The drawing the export takes: the first chart SVG of the frame (legend swatches come after it).
      const surface = frame.locator(CHART_SVG).first();
      await surface.waitFor();
      const width = await surface.evaluate((el) => Math.round(el.getBoundingClientRect().width));
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Tải PNG — ${title}` }).click(),
      ]);
      const png = readFileSync(await download.path());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe((width + 32) * 2);
      const [svgDownload] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Tải SVG — ${title}` }).click(),
      ]);
      const svg = readFileSync(await svgDownload.path(), 'utf8');
      expect(svg).toContain(title);
      for (const entry of legend) expect(svg).toContain(entry);
      expect(svg).toContain('Số liệu minh hoạ');
      expect(svg).not.toContain('var(--');
    }
  });
});

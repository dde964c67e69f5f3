import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './chromium.ts';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the production build in Chromium', () => {
  it('loads the bundled sample through the data layer and shows its title', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1, name: /Huyện Gia Lâm/ }).waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    await context.close();
  });
});

import { describe, expect } from 'vitest';
import { test } from './fixture.ts';

describe('the production build in Chromium', () => {
  // The fixture fails the test on any console error or uncaught error on the way.
  test('loads the bundled sample through the data layer and shows its title', async ({ chromium, baseUrl }) => {
    const page = await chromium.newPage();
    await page.goto(baseUrl);
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    expect(await title.innerText()).toMatch(/Huyện Gia Lâm/);
  });
});

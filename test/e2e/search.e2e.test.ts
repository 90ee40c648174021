import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, Journey, launch, newPerson, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { visible } from './support/store.js';

/**
 * Search's ways on, in both languages at phone size, browsing at 127.0.0.1 (not localhost):
 * a Chinese typo corrected with a "did you mean" link, a query finding nothing offering a close
 * query and best sellers, pinyin typed in the header box suggesting Chinese words on a Chinese page
 * and English names on an English one.
 */
/** The header search box's suggestions, as the page's script filled them in. */
const suggestions = async (page: Page): Promise<string[]> =>
  Promise.all((await page.locator('#site-search-suggestions option').all()).map(async (o) => (await o.getAttribute('value')) ?? ''));

describe('search: corrections, empty results and suggestions [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const journey = new Journey('search');
  const at = (path: string) => `${baseUrl().replace('//localhost', '//127.0.0.1')}${path}`;
  const q = (text: string) => encodeURIComponent(text);

  beforeAll(async () => {
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'zh-CN' }));
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[search] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('a Chinese typo (耳鸡) shows earphones under a "did you mean 耳机" link', async () => {
    await page.goto(at(`/search?q=${q('耳鸡')}`));
    const notice = await visible(page.locator('.notice', { hasText: '您是不是要找' }));
    await expect(notice.locator('a.did-you-mean').textContent()).resolves.toBe('耳机');
    expect(await page.locator('.results .grid li').count()).toBeGreaterThan(0);
    await expect(page.locator('.results .grid li').first().textContent()).resolves.toContain('耳机');
    await journey.shoot(page, 'typo-corrected-zh', { fullPage: false });
  });

  it('a query finding nothing offers a close query and best sellers (zh)', async () => {
    await page.goto(at('/search?q=erjj'));
    await visible(page.getByText('没有找到与“erjj”相关的商品。'));
    const link = await visible(page.locator('a.did-you-mean'));
    await expect(link.textContent()).resolves.toBe('耳机');
    await visible(page.getByRole('heading', { name: '热销好物' }));
    expect(await page.locator('.search-popular .grid li').count()).toBe(4);
    await journey.shoot(page, 'nothing-found-zh');
    await journey.axe(page, 'zh-CN/search-nothing-found');
    await link.click();
    await page.waitForURL(/q=%E8%80%B3%E6%9C%BA/);
    expect(await page.locator('.results .grid li').count()).toBeGreaterThan(0);
  });

  it('pinyin typed on a Chinese page suggests Chinese words', async () => {
    await page.goto(at('/'));
    const box = page.locator('input[data-suggest]').first();
    await box.fill('erji');
    await expect.poll(() => suggestions(page), { timeout: 10_000 }).toContain('耳机');
  });

  it('gibberish on an English page: no invented correction, best sellers in English', async () => {
    await page.goto(at('/en/search?q=qwzxv'));
    await visible(page.getByText('Nothing found for “qwzxv”.'));
    expect(await page.locator('a.did-you-mean').count()).toBe(0);
    await visible(page.getByRole('heading', { name: 'Best sellers' }));
    const names = await page.locator('.search-popular .grid li').allTextContents();
    expect(names).toHaveLength(4);
    for (const name of names) expect(name).not.toMatch(/\p{Script=Han}/u);
    await journey.shoot(page, 'nothing-found-en');
    await journey.axe(page, 'en/search-nothing-found');
  });

  it('an English page offers "did you mean", and suggests English names', async () => {
    await page.goto(at('/en/search?q=erjj'));
    await visible(page.locator('.notice', { hasText: 'Did you mean' }));
    await journey.shoot(page, 'did-you-mean-en', { fullPage: false });
    const box = page.locator('input[data-suggest]').first();
    await box.fill('hua');
    await expect.poll(async () => (await suggestions(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
    for (const option of await suggestions(page)) expect(option).not.toMatch(/\p{Script=Han}/u);
  });

  it('accessibility: no serious or critical axe violations', () => {
    journey.expectAccessible();
  });
});

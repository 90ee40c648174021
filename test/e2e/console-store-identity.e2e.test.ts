import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, SIZES, baseUrl, launch, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, antdText, signInToConsole, visible } from './support/store.js';

/** The console's words this journey acts on (zh-CN). */
const L = {
  saved: '已保存',
  nameZh: '店铺名称（中文）', nameEn: '店铺名称（英文）', store: '基本设置', banner: '首页横幅',
  heading: '标题', subtitle: '副标题', link: '链接', upload: '上传图片', en: '英文', save: '保存',
};

interface Settings {
  name: Record<'zh-CN' | 'en', string>;
  homeBanner: Record<'zh-CN' | 'en', { title: string; subtitle: string; link: string | null; image: { id: string } | null }>;
}


/** A wide banner picture on the merchant's disk. */
async function bannerOnDisk(): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-banner-')), 'banner.png');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400"><defs><linearGradient id="g"><stop offset="0" stop-color="#7a1f5c"/><stop offset="1" stop-color="#e0603a"/></linearGradient></defs><rect width="1200" height="400" fill="url(#g)"/><circle cx="1020" cy="120" r="160" fill="#fff" opacity=".15"/></svg>`;
  writeFileSync(file, await sharp(Buffer.from(svg)).png().toBuffer());
  return file;
}

/**
 * The merchant's walk 4 (WALKS.md), browsing at 127.0.0.1: rename the store and change the home
 * banner (picture, title, line, link, in both languages) in 店铺设置, then see both on the
 * storefront — header, <title>, og:site_name and the banner — as a shopper on a phone would.
 * The store's own name and banner are put back afterwards: the other journeys share this store.
 */
describe('console: the store’s name and home banner reach the storefront [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let before: Settings;
  const journey = new Journey('console-store-identity');
  const origin = baseUrl().replace('localhost', '127.0.0.1');
  const stamp = Date.now().toString(36).slice(-4).toUpperCase();
  const name = { 'zh-CN': `小满杂货铺 ${stamp}`, en: `Xiaoman Goods ${stamp}` };
  const banner = { zh: { title: '双十二 狂欢价', subtitle: '全场满 199 减 30，顺丰包邮' }, en: { title: 'Double 12 deals', subtitle: '¥30 off every ¥199, free SF Express' } };

  beforeAll(async () => {
    before = await adminApi<Settings>('/api/admin/settings');
    browser = await launch();
    context = await browser.newContext({ baseURL: origin, viewport: SIZES.desktop, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(45_000);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[console-store-identity] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
    if (before) {
      const banner = (l: 'zh-CN' | 'en') => {
        const { image, ...rest } = before.homeBanner[l];
        return { ...rest, imageId: image?.id ?? null };
      };
      await adminApi('/api/admin/settings', { method: 'PATCH', body: { name: before.name, homeBanner: { 'zh-CN': banner('zh-CN'), en: banner('en') } } });
    }
  });

  it('signs in and renames the store', async () => {
    await signInToConsole(page);
    await page.goto('/admin/settings');
    await page.getByLabel(L.nameZh).fill(name['zh-CN']);
    await page.getByLabel(L.nameEn).fill(name.en);
    const storeCard = page.locator('.ant-card').filter({ has: page.getByLabel(L.nameZh) });
    await storeCard.getByRole('button', { name: antdText(L.save) }).click();
    await visible(page.getByText(L.saved).first());
    // The console's own header follows at once.
    await visible(page.getByText(name['zh-CN']).first());
  });

  it('gives the home banner a picture, a title, a line and a link, in Chinese and in English', async () => {
    const card = page.locator('.ant-card').filter({ hasText: L.banner });
    // Both languages' fields stay in the form; the one shown is the language chosen above them.
    const shown = card.locator('form > div:not([hidden])');
    const chooser = page.waitForEvent('filechooser');
    await shown.getByRole('button', { name: L.upload }).click();
    await (await chooser).setFiles(await bannerOnDisk());
    await visible(shown.getByRole('img').first(), 20_000);
    await shown.getByLabel(L.heading, { exact: true }).fill(banner.zh.title);
    await shown.getByLabel(L.subtitle, { exact: true }).fill(banner.zh.subtitle);
    await shown.getByLabel(L.link, { exact: true }).fill('/c/food');
    await card.getByText(L.en, { exact: true }).click();
    await shown.getByLabel(L.heading, { exact: true }).fill(banner.en.title);
    await shown.getByLabel(L.subtitle, { exact: true }).fill(banner.en.subtitle);
    await card.getByRole('button', { name: antdText(L.save) }).click();
    await visible(page.getByText(L.saved).first());
    await journey.shoot(page, 'settings-saved');
    const saved = await adminApi<Settings>('/api/admin/settings');
    expect(saved.name).toEqual(name);
    expect(saved.homeBanner['zh-CN']).toMatchObject({ ...banner.zh, link: '/c/food' });
    expect(saved.homeBanner['zh-CN'].image).not.toBeNull();
    expect(saved.homeBanner.en).toMatchObject(banner.en);
  });

  it('the storefront on a phone shows the new name and banner, and the banner leads to its link', async () => {
    const phone = await browser.newContext({ baseURL: origin, viewport: SIZES.phone, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
    const shopper = await phone.newPage();
    const shopperErrors = watchErrors(shopper);
    await shopper.goto('/');
    expect(await shopper.title()).toContain(name['zh-CN']);
    expect(await shopper.locator('meta[property="og:site_name"]').getAttribute('content')).toBe(name['zh-CN']);
    await visible(shopper.getByRole('banner').getByText(name['zh-CN']));
    await visible(shopper.getByRole('heading', { level: 1, name: banner.zh.title }));
    await visible(shopper.getByText(banner.zh.subtitle));
    expect(await shopper.locator('.hero img').getAttribute('src')).toMatch(/^\/media\//);
    await journey.shoot(shopper, 'storefront-home-zh', { fullPage: false });
    await shopper.locator('.hero-link').click();
    await shopper.waitForURL(/\/c\/food$/);

    await shopper.goto('/en/');
    expect(await shopper.title()).toContain(name.en);
    await visible(shopper.getByRole('banner').getByText(name.en));
    await visible(shopper.getByRole('heading', { level: 1, name: banner.en.title }));
    await visible(shopper.getByText(banner.en.subtitle));
    await journey.shoot(shopper, 'storefront-home-en', { fullPage: false });
    expect(shopperErrors).toEqual([]);
    await phone.close();
  });
});

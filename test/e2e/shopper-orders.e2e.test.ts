import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, Journey, launch, newPerson, settled, SIZES, watchErrors } from './support/browser.js';
import { DEMO_SHOPPER, path, signIn, uniqueEmail, visible } from './support/store.js';
import { stopAfterFirstFailure } from './support/journey.js';

// Journey (f): a shopper on a phone, at 127.0.0.1, in both languages: the header fits, forms say
// what is wrong next to the field in the page's language, and every order is under a tab with a count.
const TABS = { 'zh-CN': ['全部', '待付款', '待发货', '待收货', '已完成', '退款/售后', '已取消'], en: ['All', 'To pay', 'To ship', 'To receive', 'Completed', 'Refunds', 'Cancelled'] } as const;

/** How many rows the header's bar lays its parts (store name, actions, search) out in, and its height. */
const HEADER_ROWS = `(() => {
  const bar = document.querySelector('.site-header .bar');
  const tops = new Set();
  for (const el of bar.children) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && getComputedStyle(el).position !== 'absolute') tops.add(Math.round(r.top));
  }
  // Actions that wrapped onto two lines count as one more row.
  const actionRows = new Set([...bar.querySelectorAll('.actions .action')].map((a) => Math.round(a.getBoundingClientRect().top))).size;
  return { rows: tops.size + Math.max(0, actionRows - 1), height: Math.round(bar.getBoundingClientRect().height) };
})()`;
const headerRows = (page: Page) => page.evaluate<{ rows: number; height: number }>(HEADER_ROWS);

/** The tabs of the order list: label, the count on it and where it leads, in page order. */
async function tabs(page: Page): Promise<Array<{ label: string; count: number; href: string }>> {
  const out = [];
  for (const chip of await page.locator('.tabs .chip').all()) {
    const count = Number(await chip.locator('.tab-count').textContent());
    const text = (await chip.textContent()) ?? '';
    out.push({ label: text.slice(0, text.length - String(count).length).trim(), count, href: (await chip.getAttribute('href')) ?? '' });
  }
  return out;
}

describe('shopper on a phone: header, form messages and order tabs, in both languages [chromium]', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const journey = new Journey('f-shopper-orders');
  const local = () => baseUrl().replace('localhost', '127.0.0.1');

  stopAfterFirstFailure();
  beforeAll(async () => {
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'en-US', baseURL: local() }));
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[f-shopper-orders] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('the header takes at most two rows on a phone, in English and in Chinese', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.goto(path(locale, '/'));
      const { rows, height } = await headerRows(page);
      expect(rows, `${locale} header rows`).toBeLessThanOrEqual(2);
      // Two rows of 44 px targets and their padding, not three.
      expect(height, `${locale} header height`).toBeLessThan(120);
      await journey.shoot(page, `home-${locale}`, { fullPage: false });
    }
  });

  it('an empty sign-up form says what is missing next to each field, in English, without the browser bubble', async () => {
    await page.goto(path('en', '/account/register'));
    await visible(page.getByRole('heading', { level: 1 }));
    expect(await page.locator('form.panel').getAttribute('novalidate')).not.toBeNull();
    await page.getByLabel('New password (8 characters or more)').fill('short');
    await page.getByRole('button', { name: 'Create one', exact: true }).click();
    const identifierError = page.locator('[data-field-error="identifier"]');
    await visible(identifierError);
    expect(await identifierError.textContent()).toBe('Enter your email or mobile number');
    expect(await page.locator('[data-field-error="password"]').textContent()).toBe('Use at least 8 characters');
    // The field is tied to its message, and has the focus.
    expect(await page.locator('#identifier').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate<string>('document.activeElement && document.activeElement.id')).toBe('identifier');
    // Nothing was sent: still on the sign-up page.
    expect(new URL(page.url()).pathname).toBe('/en/account/register');
    await journey.shoot(page, 'register-errors-en');

    await page.getByLabel('Email or mobile number').fill('1380013');
    await page.getByRole('button', { name: 'Create one', exact: true }).click();
    await visible(page.getByText('Enter a valid email address or an 11-digit mobile number'));
    await page.getByLabel('Email or mobile number').fill(uniqueEmail('f'));
    await page.getByLabel('New password (8 characters or more)').fill('long-enough-1');
    await page.getByRole('button', { name: 'Create one', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/en/account');
  });

  it('the address form says what is wrong next to the field, in Chinese and in English', async () => {
    await page.goto(path('zh-CN', '/account/addresses'));
    await page.getByLabel('手机号').fill('1234');
    await page.getByRole('button', { name: '保存地址' }).click();
    await visible(page.locator('[data-field-error="mobile"]'));
    expect(await page.locator('[data-field-error="mobile"]').textContent()).toBe('请输入 11 位手机号');
    expect(await page.locator('[data-field-error="recipient"]').textContent()).toBe('请输入收货人姓名');
    await journey.shoot(page, 'address-errors-zh');

    await page.goto(path('en', '/account/addresses'));
    await page.getByLabel('Mobile number').fill('1234');
    await page.getByRole('button', { name: 'Save address' }).click();
    await visible(page.locator('[data-field-error="mobile"]'));
    expect(await page.locator('[data-field-error="mobile"]').textContent()).toBe('Enter an 11-digit mobile number');
    await journey.shoot(page, 'address-errors-en');
    await journey.axe(page, 'en/addresses-errors');
  });

  it('the demo shopper’s orders: every tab has a count, and each count agrees with its list', async () => {
    await page.context().clearCookies();
    await page.goto(path('en', '/account/login'));
    await signIn(page, 'en', DEMO_SHOPPER.email, DEMO_SHOPPER.password);
    await page.waitForURL((u) => u.pathname === '/en/account');
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.goto(path(locale, '/orders'));
      const found = await tabs(page);
      expect(found.map((f) => f.label)).toEqual([...TABS[locale]]);
      const [all, ...rest] = found;
      expect(all.count).toBeGreaterThan(0);
      // Every order is under a tab besides 全部 (an order with a refunded line may be under two).
      expect(rest.reduce((n, f) => n + f.count, 0)).toBeGreaterThanOrEqual(all.count);
      await journey.shoot(page, `orders-${locale}`, { fullPage: false });
      await journey.axe(page, `${locale}/orders`);
      for (const tab of found.slice(1)) {
        await page.goto(tab.href);
        const cards = await page.locator('.order-card').count();
        const more = await page.locator('a[href*="cursor="]').count();
        // A page holds 10; a longer tab offers more.
        expect(cards, `${locale} ${tab.label}`).toBe(Math.min(tab.count, 10));
        expect(more > 0, `${locale} ${tab.label} more`).toBe(tab.count > 10);
      }
    }
    await page.goto(path('en', '/orders?tab=toReceive'));
    await settled(page);
    await journey.shoot(page, 'orders-to-receive-en');
  });

  it('the header stays tidy at desktop size too', async () => {
    await page.setViewportSize(SIZES.desktop);
    for (const locale of ['en', 'zh-CN'] as const) {
      await page.goto(path(locale, '/orders'));
      const { rows } = await headerRows(page);
      expect(rows, `${locale} desktop header rows`).toBe(1);
    }
    await page.setViewportSize(SIZES.phone);
  });

  it('accessibility: no serious or critical axe violations on the storefront pages visited', () => {
    journey.expectAccessible();
  });
});

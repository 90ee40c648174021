import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, baseUrl, launch, newPerson, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, chooseVariant, path, pickProduct, STORE, visible, yuan, type ProductPick } from './support/store.js';

/**
 * Issue 12, a shopper's view of a 满减 (browsing at 127.0.0.1, on a phone): the operator creates
 * one for a product; the cart says how much more reaches it (凑单), and once reached the summary
 * shows it by name with the saving. In Chinese, then in English. The promotion is paused afterwards.
 */
/** How the promotion texts write money (¥300, ¥29.9), as shops in China do. */
const plainYuan = (fen: number) => `¥${String(fen / 100)}`;

describe('the cart tells the shopper about a 满减 and applies it [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let pick: ProductPick;
  let promotion: { id: string };
  let threshold: number;
  let amount: number;
  const journey = new Journey('cart-offers');

  beforeAll(async () => {
    pick = await pickProduct('茶', ['earbuds']);
    threshold = pick.variant.price * 2;
    amount = Math.max(100, Math.round(pick.variant.price / 1000) * 100);
    promotion = await adminApi<{ id: string }>('/api/admin/promotions', {
      method: 'POST',
      body: { name: { 'zh-CN': '买二件立减', en: 'Two-piece saver' }, action: { kind: 'amountOff', threshold, amount }, scope: { productIds: [pick.productId] } },
    });
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'zh-CN', baseURL: baseUrl().replace('localhost', '127.0.0.1') }));
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (promotion) await adminApi(`/api/admin/promotions/${promotion.id}/pause`, { method: 'POST' }).catch(() => {});
    if (errors?.length) console.warn(`[cart-offers] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  const addOne = async (locale: 'zh-CN' | 'en') => {
    await page.goto(path(locale, `/p/${pick.slug}`));
    await chooseVariant(page, locale, pick);
    await page.getByRole('button', { name: STORE[locale].addToCart, exact: true }).click();
    await visible(page.getByText(STORE[locale].added));
  };

  it('one unit in the cart: the cart says how much more reaches the 满减', async () => {
    await addOne('zh-CN');
    await page.goto(path('zh-CN', '/cart'));
    const hint = page.getByText(`再买${plainYuan(threshold - pick.variant.price)}可减${plainYuan(amount)}（「买二件立减」）`);
    await visible(hint);
    await journey.shoot(page, 'cart-addon-hint-zh');
  });

  it('a second unit: the summary shows the promotion by name and the total is lower by its amount', async () => {
    await addOne('zh-CN');
    await page.goto(path('zh-CN', '/cart'));
    const summary = page.locator('dl.summary');
    await visible(summary.getByText('买二件立减'));
    const text = await summary.innerText();
    expect(text).toContain(`−${yuan(amount)}`);
    expect(text).toContain(yuan(threshold - amount));
    await expect(page.getByText('再买').count()).resolves.toBe(0);
    await journey.shoot(page, 'cart-promotion-applied-zh');
  });

  it('in English the same cart reads in English', async () => {
    await page.goto(path('en', '/cart'));
    await visible(page.locator('dl.summary').getByText('Two-piece saver'));
    await journey.shoot(page, 'cart-promotion-applied-en');
  });
});

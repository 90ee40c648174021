import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, launch, newPerson, watchErrors } from './support/browser.js';
import { buyWithSavedAddress, chooseVariant, DEMO_SHOPPER, emptyCart, path, pickProduct, signIn, stockShown, STORE, visible, type ProductPick } from './support/store.js';
import { stopAfterFirstFailure } from './support/journey.js';

// Journey (d): an unpaid order is cancelled by the shopper and its stock comes back (English store, desktop).
const locale = 'en';
const L = STORE[locale];

describe('en shopper: cancelling an unpaid order releases its stock [chromium]', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const journey = new Journey('d-cancel-unpaid');
  let product: ProductPick;
  let before = 0;
  let orderNumber = '';

  stopAfterFirstFailure();
  beforeAll(async () => {
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'desktop', locale: 'en-US' }));
    errors = watchErrors(page);
    product = await pickProduct('headphones');
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[d-cancel-unpaid] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('a guest finds the password reset page, then signs in', async () => {
    await page.goto(path(locale, '/account/login'));
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await visible(page.getByRole('heading', { level: 1, name: L.resetHeading }));
    await journey.shoot(page, 'reset');
    await journey.axe(page, 'en/reset');
    await page.goto(path(locale, '/account/login'));
    await signIn(page, locale, DEMO_SHOPPER.email, DEMO_SHOPPER.password);
    await page.waitForURL((u) => u.pathname === '/en/account');
    await emptyCart(page, locale);
  });

  it('orders two units and leaves the order unpaid: the product page shows two fewer in stock', async () => {
    await page.goto(path(locale, `/p/${product.slug}`));
    await chooseVariant(page, locale, product);
    before = await stockShown(page, locale, product);
    await journey.shoot(page, 'product-before');
    const order = await buyWithSavedAddress(page, locale, journey, product, 2);
    orderNumber = order.number;
    await journey.shoot(page, 'pay-unpaid');
    await page.goto(path(locale, `/p/${product.slug}?variant=${product.variant.id}`));
    expect(await stockShown(page, locale, product)).toBe(before - 2);
    await journey.shoot(page, 'product-reserved');
  });

  it('cancels the unpaid order from its page', async () => {
    await page.goto(path(locale, `/orders/${orderNumber}`));
    await visible(page.getByText(L.status.pending_payment, { exact: true }));
    await visible(page.getByRole('link', { name: L.payNow }));
    await journey.shoot(page, 'order-unpaid');
    await journey.axe(page, 'en/order-unpaid');
    page.once('dialog', (d) => {
      expect(d.message()).toBe('Cancel this order?');
      void d.accept();
    });
    await page.getByRole('button', { name: L.cancelOrder }).click();
    await visible(page.getByText(L.status.cancelled, { exact: true }));
    await visible(page.getByRole('region', { name: 'Order history' }).getByText('Order cancelled', { exact: true }));
    expect(await page.getByRole('link', { name: L.payNow }).count()).toBe(0);
    await journey.shoot(page, 'order-cancelled');
  });

  it('the stock is back on the product page, and the order is listed as cancelled', async () => {
    await page.goto(path(locale, `/p/${product.slug}?variant=${product.variant.id}`));
    expect(await stockShown(page, locale, product)).toBe(before);
    await journey.shoot(page, 'product-released');
    await page.goto(path(locale, '/orders?tab=cancelled'));
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(orderNumber) }) });
    await visible(card.getByText(L.status.cancelled, { exact: true }));
    await journey.shoot(page, 'orders-cancelled');
    await journey.axe(page, 'en/orders-cancelled');
  });

  it('accessibility: no serious or critical axe violations on the storefront pages visited', () => {
    journey.expectAccessible();
  });
});

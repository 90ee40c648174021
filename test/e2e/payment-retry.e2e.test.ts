import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, launch, newPerson, watchErrors } from './support/browser.js';
import { buyWithSavedAddress, chooseVariant, DEMO_SHOPPER, emptyCart, path, payOnSandbox, pickProduct, signIn, STORE, visible, yuan, type ProductPick } from './support/store.js';
import { stopAfterFirstFailure } from './support/journey.js';

// Journey (c): a payment fails on the sandbox page; the shopper tries again with another method and it goes through.
const locale = 'zh-CN';
const L = STORE[locale];

describe('zh-CN shopper: a failed sandbox payment is retried successfully [chromium]', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const journey = new Journey('c-payment-retry');
  let product: ProductPick;
  let order = { number: '', total: 0 };

  stopAfterFirstFailure();
  beforeAll(async () => {
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'zh-CN' }));
    errors = watchErrors(page);
    product = await pickProduct('蓝牙音箱');
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[c-payment-retry] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('a demo shopper signs in and places an order with a saved address', async () => {
    await page.goto(path(locale, '/account/login'));
    await signIn(page, locale, DEMO_SHOPPER.email, DEMO_SHOPPER.password);
    await page.waitForURL((u) => u.pathname === '/account');
    await emptyCart(page, locale);
    await page.goto(path(locale, `/p/${product.slug}`));
    await chooseVariant(page, locale, product);
    order = await buyWithSavedAddress(page, locale, journey, product, 1);
    await visible(page.getByText(yuan(order.total)));
  });

  it('the payment fails on the sandbox page; the order says so and stays unpaid', async () => {
    await payOnSandbox(page, locale, journey, order.total, 'failed');
    await visible(page.getByText(L.paymentFailed), 20_000);
    await visible(page.getByText(L.status.pending_payment, { exact: true }));
    // The failure reaches the order's history once the provider's callback lands (asynchronously):
    // wait for it through the shopper's own session, then look at the page again.
    await expect
      .poll(async () => ((await (await page.request.get(`/api/store/orders/${order.number}`)).json()) as { timeline: Array<{ type: string }> }).timeline.map((e) => e.type), { timeout: 20_000, interval: 250 })
      .toContain('payment_failed');
    await page.reload();
    await visible(page.getByRole('region', { name: '订单动态' }).getByText(L.timelinePaymentFailed, { exact: true }), 20_000);
    await visible(page.getByRole('link', { name: L.payAgain }));
    await journey.shoot(page, 'order-payment-failed');
    await journey.axe(page, 'zh-CN/order-payment-failed');
  });

  it('pays again with WeChat Pay and the order is paid', async () => {
    await page.getByRole('link', { name: L.payAgain }).click();
    await visible(page.getByRole('heading', { level: 1, name: L.payHeading }));
    await journey.shoot(page, 'pay-again');
    await payOnSandbox(page, locale, journey, order.total, 'succeeded', 'wechat');
    await visible(page.getByText(L.status.paid, { exact: true }), 20_000);
    await visible(page.getByText(L.paymentDone));
    await page.reload();
    await visible(page.getByText(L.status.paid, { exact: true }));
    expect(await page.getByText(L.paymentFailed).count()).toBe(0);
    await journey.shoot(page, 'order-paid-after-retry');
  });

  it('accessibility: no serious or critical axe violations on the storefront pages visited', () => {
    journey.expectAccessible();
  });
});

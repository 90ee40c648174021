import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Journey, launch, newPerson, watchErrors } from './browser.js';
import { CONSOLE, STORE, yuan, type StoreLocale } from './labels.js';
import { ADMIN } from './env.js';
import { antdText, chooseShipping, chooseVariant, path, pickProduct, stockShown, summaryFigures, textMatching, uniqueEmail, visible, payOnSandbox, type ProductPick } from './store.js';

/**
 * Journeys (a) and (b): a guest searches, opens a product, picks a variant, adds it to the cart,
 * registers, checks out with a new address (province → city → district) and a shipping method,
 * pays on the sandbox page and sees the order paid; staff sign in to the console, find the order
 * and ship it; the shopper sees the parcel on the order page.
 */
export function purchaseJourney(opts: {
  locale: StoreLocale;
  journey: string;
  query: string;
  /** The shopper acts at phone size in one language and at desktop size in the other. */
  size: 'phone' | 'desktop';
  shipping: 'express' | 'standard';
  region: { province: string; city: string; district: string };
}) {
  const { locale } = opts;
  const L = STORE[locale];
  const C = CONSOLE[locale];
  const key = (page: string) => `${locale}/${page}`;

  describe(`${locale} shopper: search → variant → cart → register → checkout → pay; staff ship [chromium]`, () => {
    let browser: Browser;
    let shopper: { context: BrowserContext; page: Page };
    let staff: { context: BrowserContext; page: Page };
    let errors: string[];
    const journey = new Journey(opts.journey);
    let product: ProductPick;
    const email = uniqueEmail(locale === 'en' ? 'en' : 'zh');
    let orderNumber = '';
    let total = 0;
    const trackingNumber = `SBX${Date.now().toString().slice(-9)}${locale === 'en' ? 'E' : 'Z'}`;

    beforeAll(async () => {
      browser = await launch();
      shopper = await newPerson(browser, { size: opts.size, locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      errors = watchErrors(shopper.page);
      product = await pickProduct(opts.query);
    });
    // Each step needs the one before it: after a failure, fail at once instead of timing out.
    let failed: string | null = null;
    beforeEach((ctx) => {
      if (failed && !ctx.task.name.startsWith('accessibility')) throw new Error(`not run: an earlier step failed (${failed})`);
      ctx.onTestFailed(() => {
        failed ??= ctx.task.name;
      });
    });
    afterAll(async () => {
      if (errors?.length) console.warn(`[${opts.journey}] browser errors:\n  ${errors.join('\n  ')}`);
      await browser?.close();
    });

    it('a guest browses the home page and a category', async () => {
      const { page } = shopper;
      await page.goto(path(locale, '/'));
      await visible(page.getByRole('heading', { level: 1, name: L.homeHeading }));
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      await journey.shoot(page, 'home');
      await journey.axe(page, key('home'));

      // The first department tile of "shop by category".
      const tiles = page.getByRole('region', { name: locale === 'en' ? 'Shop by category' : '逛分类' }).getByRole('link');
      const tile = tiles.first();
      const department = (await tile.locator('strong').textContent())!.trim();
      await tile.click();
      await page.waitForURL(/\/c\//);
      await visible(page.getByRole('heading', { level: 1, name: department }));
      const count = Number(L.results.exec(await textMatching(page.getByRole('status'), L.results))![1]);
      expect(count).toBeGreaterThan(0);
      await journey.shoot(page, 'category');
      await journey.axe(page, key('category'));
    });

    it('searches, with suggestions as they type', async () => {
      const { page } = shopper;
      // An <input type=search list=…> is a combobox to assistive technology.
      const box = page.getByRole('combobox', { name: L.searchBox });
      const suggested = page.waitForResponse((r) => r.url().includes('/api/store/search/suggest') && r.ok());
      await box.pressSequentially(opts.query, { delay: 30 });
      const suggestions = (await (await suggested).json()) as { items: string[] };
      expect(suggestions.items.length).toBeGreaterThan(0);
      // The suggestions land in the search box's <datalist>.
      await page.waitForFunction("document.getElementById('site-search')?.list?.options.length > 0");
      await box.press('Enter');
      await page.waitForURL((u) => u.pathname.endsWith('/search') && u.searchParams.get('q') === opts.query);
      await visible(page.getByRole('heading', { level: 1, name: L.searchHeading(opts.query) }));
      const count = Number(L.results.exec(await textMatching(page.getByRole('status'), L.results))![1]);
      expect(count).toBeGreaterThan(0);
      await visible(page.getByRole('link', { name: product.title[locale] }));
      await journey.shoot(page, 'search');
      await journey.axe(page, key('search'));
    });

    it('opens a product and picks a variant; the price and stock are shown', async () => {
      const { page } = shopper;
      await page.getByRole('link', { name: product.title[locale] }).first().click();
      await visible(page.getByRole('heading', { level: 1, name: product.title[locale] }));
      await chooseVariant(page, locale, product);
      await visible(page.locator('.price').getByText(yuan(product.variant.price), { exact: true }));
      expect(await stockShown(page, locale, product)).toBe(product.variant.available);
      await journey.shoot(page, 'product');
      await journey.axe(page, key('product'));
    });

    it('adds it to the cart', async () => {
      const { page } = shopper;
      await page.getByRole('button', { name: L.addToCart }).click();
      await visible(page.getByText(L.added));
      // The page right after the first add already counts it in the header.
      await visible(page.getByRole('link', { name: L.cartWithCount(1) }));
      await page.getByRole('link', { name: L.viewCart }).click();
      await visible(page.getByRole('heading', { level: 1, name: L.cartHeading }));
      await visible(page.getByRole('link', { name: L.cartWithCount(1) }));
      await visible(page.getByRole('link', { name: product.title[locale] }));
      await visible(page.getByText(yuan(product.variant.price)));
      await journey.shoot(page, 'cart');
      await journey.axe(page, key('cart'));
    });

    it('is asked to sign in at checkout, and registers', async () => {
      const { page } = shopper;
      await page.getByRole('link', { name: L.loginToCheckout }).click();
      await page.waitForURL(/\/account\/login\?next=/);
      await visible(page.getByRole('heading', { level: 1, name: L.loginHeading }));
      await visible(page.getByText(L.loginRequired));
      await journey.shoot(page, 'login');
      await journey.axe(page, key('login'));

      await page.getByRole('link', { name: L.registerLink, exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: L.registerHeading }));
      await page.getByLabel(L.identifier).fill(email);
      await page.getByLabel(L.newPassword).fill('e2e-password-123');
      await page.getByLabel(L.nickname).fill(locale === 'en' ? 'Emma E2E' : '小测');
      await journey.shoot(page, 'register');
      await journey.axe(page, key('register'));
      await page.getByRole('button', { name: L.register, exact: true }).click();
      await page.waitForURL((u) => u.pathname.endsWith('/checkout'));
      await visible(page.getByRole('heading', { level: 1, name: L.checkoutHeading }));
    });

    it('checks out with a new address and a shipping method', async () => {
      const { page } = shopper;
      // The guest's cart came along: the product is in the checkout's item list.
      await visible(page.getByText(`${product.title[locale]} × 1`));
      // Every choice re-prices the order through the page's loader; the URL records the choice once it is done.
      const settledOn = (param: string) => page.waitForURL((u) => !!u.searchParams.get(param));
      await chooseShipping(page, opts.shipping === 'express' ? L.express : L.standard);
      // A province reloads the city list, a city the district list (selectOption waits for the options).
      await page.getByLabel(L.province).selectOption({ label: opts.region.province });
      await settledOn('province');
      await page.getByLabel(L.city).selectOption({ label: opts.region.city });
      await settledOn('city');
      await page.getByLabel(L.district).selectOption({ label: opts.region.district });
      await page.getByLabel(L.recipient).fill(locale === 'en' ? 'Emma Li' : '李小测');
      await page.getByLabel(L.mobile).fill('13800138000');
      await page.getByLabel(L.detail).fill(locale === 'en' ? '1 Keji Road, Building 2' : '科技园路 1 号 2 栋');
      expect(await page.getByLabel(L.province).inputValue()).not.toBe('');
      expect(await page.getByLabel(L.district).inputValue()).not.toBe('');

      const summary = page.getByRole('complementary');
      const figures = await summaryFigures(summary);
      const values = Object.values(figures);
      total = values[values.length - 1];
      // Goods + shipping (− discounts) = total to pay; the goods are the variant's price.
      expect(values).toContain(product.variant.price);
      expect(values.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(total);
      const fee = figures[L.shippingFee];
      // SF Express costs a fee by weight; standard delivery is free over ¥99.
      if (opts.shipping === 'express') expect(fee).toBeGreaterThan(0);
      else expect(fee).toBe(0);
      await visible(summary.getByText(L.total));
      await journey.shoot(page, 'checkout');
      await journey.axe(page, key('checkout'));

      await page.getByRole('button', { name: L.placeOrder }).click();
      await page.waitForURL(/\/orders\/\d+\/pay$/);
      orderNumber = /\/orders\/(\d+)\/pay/.exec(page.url())![1];
    });

    it('sees the pay page with the amount and a countdown, and pays on the sandbox page', async () => {
      const { page } = shopper;
      await visible(page.getByRole('heading', { level: 1, name: L.payHeading }));
      await visible(page.getByText(orderNumber));
      await visible(page.locator('dd').getByText(yuan(total), { exact: true }));
      const left = await page.locator('time.countdown').textContent();
      expect(left).toMatch(/^(\d+:)?\d{2}:\d{2}$/);
      await journey.shoot(page, 'pay');
      await journey.axe(page, key('pay'));

      await payOnSandbox(page, locale, journey, total, 'succeeded');
      await visible(page.getByRole('heading', { level: 1, name: L.orderHeading }));
      // The callback lands a moment later; the page looks again until the order is paid.
      await visible(page.getByText(L.status.paid, { exact: true }), 20_000);
      await visible(page.getByText(L.paymentDone));
      await journey.shoot(page, 'order-paid');
      await journey.axe(page, key('order'));
    });

    it('finds the order in the account pages', async () => {
      const { page } = shopper;
      await page.getByRole('link', { name: L.accountLink, exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name: L.accountHello }));
      await journey.shoot(page, 'account');
      await journey.axe(page, key('account'));

      await page.getByRole('link', { name: L.ordersHeading }).click();
      await visible(page.getByRole('heading', { level: 1, name: L.ordersHeading }));
      const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(orderNumber) }) });
      await visible(card.getByText(L.status.paid, { exact: true }));
      await visible(card.getByText(yuan(total)));
      await journey.shoot(page, 'orders');
      await journey.axe(page, key('orders'));

      await page.goto(path(locale, '/account/addresses'));
      await visible(page.getByRole('heading', { level: 1, name: L.addressesHeading }));
      // "Save to my address book" was ticked at checkout.
      await visible(page.getByText(opts.region.district, { exact: false }));
      await journey.shoot(page, 'addresses');
      await journey.axe(page, key('addresses'));
    });

    it('staff sign in to the console, find the order and ship it', async () => {
      staff = await newPerson(browser, { size: 'desktop', locale: locale === 'en' ? 'en-US' : 'zh-CN' });
      const page = staff.page;
      await page.goto('/admin/');
      await page.waitForURL(/\/admin\/sign-in/);
      await page.getByLabel(C.email).fill(ADMIN.email);
      await page.getByLabel(C.password).fill(ADMIN.password);
      await journey.shoot(page, 'console-sign-in');
      await page.getByRole('button', { name: antdText(C.signIn) }).click();
      await visible(page.getByText(C.gmv30), 30_000);
      await page.locator('canvas').first().waitFor({ state: 'visible', timeout: 20_000 });
      await journey.shoot(page, 'console-home');
      await journey.axe(page, `${locale}/console-home`);

      await page.getByRole('menuitem', { name: C.ordersMenu, exact: true }).click();
      await page.waitForURL(/\/admin\/orders$/);
      const search = page.getByPlaceholder(C.search);
      await search.fill(orderNumber);
      await search.press('Enter');
      const row = page.getByRole('row').filter({ hasText: orderNumber });
      await visible(row);
      await visible(row.getByText(C.statusPaid, { exact: true }));
      await visible(row.getByText(yuan(total)));
      await journey.shoot(page, 'console-orders');
      await journey.axe(page, `${locale}/console-orders`);

      await row.getByRole('link').first().click();
      await page.waitForURL(new RegExp(`/admin/orders/${orderNumber}$`));
      await visible(page.getByText(orderNumber));
      await journey.shoot(page, 'console-order');
      await journey.axe(page, `${locale}/console-order`);

      await page.getByRole('button', { name: antdText(C.ship) }).click();
      const dialog = page.getByRole('dialog');
      await visible(dialog);
      // The carrier picker is a searchable select: type part of the name, take the match.
      const carrier = dialog.getByLabel(C.carrier);
      await carrier.click();
      await carrier.pressSequentially(L.sandboxCarrier.slice(0, locale === 'en' ? 7 : 2));
      await visible(page.locator('.ant-select-item-option-active').filter({ hasText: L.sandboxCarrier }));
      await carrier.press('Enter');
      await visible(dialog.getByTitle(L.sandboxCarrier));
      await dialog.getByLabel(C.trackingNumber).fill(trackingNumber);
      await journey.shoot(page, 'console-ship', { fullPage: false });
      await dialog.getByRole('button', { name: antdText(C.ship) }).click();
      await dialog.waitFor({ state: 'hidden' });
      await visible(page.getByText(trackingNumber));
      await visible(page.getByText(C.shipped, { exact: true }));
      await journey.shoot(page, 'console-order-shipped');
    });

    it('the shopper sees the parcel on the order page', async () => {
      const { page } = shopper;
      await page.goto(path(locale, `/orders/${orderNumber}`));
      await visible(page.getByText(L.status.shipped, { exact: true }));
      const tracking = page.getByRole('region', { name: L.tracking });
      await visible(tracking.getByText(trackingNumber));
      await visible(tracking.getByText(L.sandboxCarrier));
      await visible(page.getByRole('region', { name: locale === 'en' ? 'Order history' : '订单动态' }).getByText(L.timelineShipped, { exact: true }));
      await journey.shoot(page, 'order-tracking');
      await journey.axe(page, key('order-shipped'));
    });

    it('accessibility: no serious or critical axe violations on the storefront pages visited', () => {
      journey.expectAccessible();
    });
  });
}

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, baseUrl, launch, newPerson, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, chooseVariant, path, payOnSandbox, pickProduct, signIn, STORE, summaryFigures, uniqueEmail, visible, type ProductPick } from './support/store.js';

/**
 * Issue 12's shopper journey, on a phone at 127.0.0.1: claims a coupon in the claim centre, puts two
 * units in the cart that reach a 满减, ticks the coupon and pays part with points at checkout (the
 * summary names each saving), pays, sees the order's points pending in the member centre, and — once
 * the parcel is received — credited.
 */
describe('a shopper claims a coupon, gets a 满减 and the coupon, pays part with points, and earns points [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let pick: ProductPick;
  let promotion: { id: string };
  let template: { id: string };
  let shopper: { token: string; id: string };
  let orderNumber: string;
  const email = uniqueEmail('points');
  const password = 'coupons and points 1';
  const suffix = Math.random().toString(36).slice(2, 6);
  const couponName = `结算立减5元-${suffix}`;
  const promotionName = `两件立减-${suffix}`;
  const journey = new Journey('coupon-points-checkout');
  const L = STORE['zh-CN'];
  const asShopper = async <T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${baseUrl()}${url}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${shopper.token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    pick = await pickProduct('茶', ['earbuds']);
    promotion = await adminApi<{ id: string }>('/api/admin/promotions', {
      method: 'POST',
      body: { name: { 'zh-CN': promotionName, en: `Two-piece saver ${suffix}` }, action: { kind: 'amountOff', threshold: pick.variant.price * 2, amount: 1000 }, scope: { productIds: [pick.productId] } },
    });
    template = await adminApi<{ id: string }>('/api/admin/coupon-templates', {
      method: 'POST',
      body: { name: { 'zh-CN': couponName, en: `¥5 off ${suffix}` }, action: { kind: 'amountOff', amount: 500 }, validDays: 7, totalQuantity: 100, perCustomerLimit: 1 },
    });
    const res = await fetch(`${baseUrl()}/api/store/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, name: '积分买家' }) });
    const body = (await res.json()) as { token: string; customer: { id: string } };
    shopper = { token: body.token, id: body.customer.id };
    await asShopper('/api/store/me/addresses', {
      method: 'POST',
      body: { recipientName: '王积分', mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 1 号', isDefault: true },
    });
    await adminApi(`/api/admin/customers/${shopper.id}/points/adjustments`, { method: 'POST', body: { points: 1000, reason: '新会员礼' } });
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'zh-CN', baseURL: baseUrl().replace('localhost', '127.0.0.1') }));
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (promotion) await adminApi(`/api/admin/promotions/${promotion.id}/pause`, { method: 'POST' }).catch(() => {});
    if (template) await adminApi(`/api/admin/coupon-templates/${template.id}/pause`, { method: 'POST' }).catch(() => {});
    if (errors?.length) console.warn(`[coupon-points-checkout] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('claims the coupon in the claim centre', async () => {
    await page.goto(path('zh-CN', '/account/login'));
    await signIn(page, 'zh-CN', email, password);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(path('zh-CN', '/coupons'));
    await visible(page.getByRole('heading', { name: '领券中心' }));
    await page.getByRole('button', { name: `领取 ${couponName}` }).click();
    await visible(page.getByText(/领取成功，券码 [2-9A-Z]{12}/));
    // One per customer: the card now says it is claimed, and offers no second claim.
    await visible(page.locator('li', { hasText: couponName }).getByRole('button', { name: '已领取' }));
    await journey.shoot(page, 'coupon-claimed');
  });

  it('ticks the coupon and points at checkout: the summary names the 满减, the coupon and the points', async () => {
    await page.goto(path('zh-CN', `/p/${pick.slug}`));
    await chooseVariant(page, 'zh-CN', pick);
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: L.addToCart, exact: true }).click();
      await visible(page.getByText(L.added));
    }
    await page.goto(path('zh-CN', '/checkout'));
    await visible(page.getByRole('heading', { level: 1, name: L.checkoutHeading }));
    await page.getByRole('checkbox', { name: new RegExp(couponName) }).check();
    await page.waitForURL((u) => !!u.searchParams.get('coupons'));
    await page.getByRole('checkbox', { name: /使用积分/ }).check();
    await page.waitForURL((u) => u.searchParams.get('points') === 'all');
    const summary = page.getByRole('complementary');
    await visible(summary.getByText(promotionName));
    await visible(summary.getByText(couponName));
    await visible(summary.getByText(/积分/));
    const figures = await summaryFigures(summary);
    const values = Object.values(figures);
    const total = values[values.length - 1]!;
    // Goods less ¥10 (满减), ¥5 (coupon) and ¥10 (1,000 points), plus shipping.
    expect(values.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(total);
    expect(values).toContain(-1000);
    expect(values).toContain(-500);
    await journey.shoot(page, 'checkout-coupon-points');
    await page.getByRole('button', { name: L.placeOrder }).click();
    await page.waitForURL(/\/orders\/\d+\/pay$/);
    orderNumber = /\/orders\/(\d+)\/pay/.exec(page.url())![1]!;
    await payOnSandbox(page, 'zh-CN', journey, total, 'succeeded');
    await visible(page.getByText(L.status.paid, { exact: true }), 20_000);
  });

  it('sees the order’s points pending, then credited once the parcel is received', async () => {
    await page.goto(path('zh-CN', '/account/member'));
    const points = page.locator('section', { has: page.getByRole('heading', { name: '我的积分' }) });
    // The points that paid are gone; the order's own points wait for the parcel.
    await expect.poll(async () => points.locator('dd.big').innerText(), { timeout: 15_000 }).toBe('0');
    await visible(points.getByText('订单积分（待确认收货）'));
    await visible(points.getByText('下单抵扣'));
    await journey.shoot(page, 'points-pending');
    const order = await asShopper<{ id: string }>(`/api/store/orders/${orderNumber}`);
    await adminApi(`/api/admin/orders/${order.id}/ship`, { method: 'POST', body: { carrier: 'sf', trackingNumber: `SF${Date.now()}` } });
    await asShopper(`/api/store/orders/${order.id}/confirm-receipt`, { method: 'POST' });
    await expect
      .poll(async () => {
        await page.reload();
        return Number(await points.locator('dd.big').innerText());
      }, { timeout: 15_000 })
      .toBeGreaterThan(0);
    await visible(points.getByText('订单积分入账'));
    await journey.shoot(page, 'points-credited');
  });
});

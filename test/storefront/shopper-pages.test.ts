import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { placeOrder, seedProduct, testAddress, type SeededProduct } from '../support/commerce.js';
import { placePaidOrder } from '../support/paid-orders.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { loginStaff } from '../support/staff.js';
import { ensureStorefrontBuild } from './build.js';
import { cookieJar, form, FORM } from './browser.js';

const MOBILE = '13912345678';
const TABS = ['all', 'unpaid', 'toShip', 'toReceive', 'completed', 'afterSale', 'cancelled'] as const;

/** The tabs of an order-list page: name → the count printed on it. */
function tabCounts(html: string): Record<string, number> {
  return Object.fromEntries([...html.matchAll(/data-tab="(\w+)"[^>]*>[^<]*<span class="tab-count">(\d+)<\/span>/g)].map((m) => [m[1], Number(m[2])]));
}
const cards = (html: string) => [...html.matchAll(/class="panel order-card"/g)].length;
/** The message shown under a field, by the field's name. */
const fieldError = (html: string, name: string) => new RegExp(`data-field-error="${name}">([^<]*)<`).exec(html)?.[1];

describeEachBackend('storefront: the shopper’s orders, account and forms', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let delivered: { id: string; number: string };
  const page = async (url: string, cookie = shopper.cookie) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend);
    p = await seedProduct(t, { slug: 'sf-orders', prices: [3000, 4000], stock: 50 });
    shopper = await registerShopper(t, { mobile: MOBILE });
    const warehouse = await loginStaff(t, 'warehouse');
    const as = shopper.auth;
    // One order of one unit (unpaid), one of two units (delivered, not confirmed), one cancelled.
    await placeOrder(t, as, p.variantIds[0], 1);
    delivered = await placePaidOrder(t, as, [{ variantId: p.variantIds[0], quantity: 1 }, { variantId: p.variantIds[1], quantity: 1 }]);
    const ship = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${delivered.id}/ship`, headers: warehouse.auth, payload: { carrier: 'sf', trackingNumber: 'SF5000000000001' } });
    expect(ship.statusCode, ship.body).toBe(201);
    await t.k.db.transaction(() => t.services.orders.markDelivered(delivered.id, { actor: 'carrier' }));
    const cancelled = (await placeOrder(t, as, p.variantIds[1], 3)).body;
    await t.app.inject({ method: 'POST', url: `/api/store/orders/${cancelled.id}/cancel`, headers: as, payload: {} });
    const addr = await t.app.inject({
      method: 'POST',
      url: '/api/store/me/addresses',
      headers: as,
      payload: { recipientName: '李四', mobile: '13700001234', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 2 号' },
    });
    expect(addr.statusCode, addr.body).toBe(201);
  });
  afterAll(() => t?.close());

  it('shows every tab with a count that agrees with the list under it, in both languages', async () => {
    const want = { all: 3, unpaid: 1, toShip: 0, toReceive: 1, completed: 0, afterSale: 0, cancelled: 1 };
    for (const prefix of ['', '/en']) {
      const all = await page(`${prefix}/orders`);
      expect(tabCounts(all)).toEqual(want);
      for (const tab of TABS) {
        const html = await page(`${prefix}/orders${tab === 'all' ? '' : `?tab=${tab}`}`);
        expect(cards(html), `${prefix} ${tab}`).toBe(want[tab]);
        expect(html).toMatch(new RegExp(`aria-current="page"[^>]*data-tab="${tab}"`));
      }
    }
    // The delivered order is under 待收货 (not only under 全部), named by its own status.
    const toReceive = await page('/orders?tab=toReceive');
    expect(toReceive).toContain(delivered.number);
    expect(toReceive).toContain('待收货');
    expect(toReceive).toContain('已送达');
  });

  it('counts items with the right plural in English and prints dates in the page’s language', async () => {
    const en = await page('/en/orders');
    expect(en).toMatch(/>1 item(<!-- -->)? ·/);
    expect(en).toMatch(/>2 items(<!-- -->)? ·/);
    expect(en).toMatch(/>3 items(<!-- -->)? ·/);
    expect(en).not.toMatch(/\b1 items\b/);
    expect(en).toMatch(/\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2}/);
    expect(en).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    const zh = await page('/orders');
    expect(zh).toContain('共 1 件');
    expect(zh).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(zh).not.toMatch(/\d{4}\/\d{2}\/\d{2}/);
    const detail = await page(`/en/orders/${delivered.number}`);
    expect(detail).toMatch(/\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2}/);
  });

  it('masks the shopper’s mobile number wherever it is shown back', async () => {
    const account = await page('/account');
    expect(account).toContain('139****5678');
    expect(account).not.toContain(MOBILE);
    const addresses = await page('/en/account/addresses');
    expect(addresses).toContain('137****1234');
    expect(addresses).not.toContain('13700001234');
    const order = await page(`/orders/${delivered.number}`);
    expect(order).toContain(`${testAddress.mobile.slice(0, 3)}****${testAddress.mobile.slice(-4)}`);
    expect(order).not.toContain(testAddress.mobile);
    // Checkout's choice of saved addresses (the cart has something in it).
    const browser = cookieJar();
    browser.take({ headers: { 'set-cookie': shopper.cookie } });
    const add = await t.app.inject({ method: 'POST', url: '/p/sf-orders', headers: { ...FORM, cookie: browser.header }, payload: form({ variantId: p.variantIds[0], quantity: '1' }) });
    browser.take(add);
    const checkout = await page('/checkout', browser.header);
    expect(checkout).toContain('137****1234');
    expect(checkout).not.toContain('13700001234');
  });

  it('answers a bad form posted without JavaScript with messages next to the fields, in the page’s language', async () => {
    const post = (url: string, fields: Record<string, string>, cookie = '') => t.app.inject({ method: 'POST', url, headers: { ...FORM, cookie }, payload: form(fields) });

    const zh = await post('/account/register', { identifier: '', password: 'short', name: '' });
    expect(zh.statusCode).toBe(422);
    expect(fieldError(zh.body, 'identifier')).toBe('请输入邮箱或手机号');
    expect(fieldError(zh.body, 'password')).toBe('密码至少 8 位');
    expect(zh.body).toMatch(/<form[^>]*novalidate/i);
    expect(zh.body).toMatch(/aria-invalid="true"[^>]*aria-describedby="identifier-error"|aria-describedby="identifier-error"[^>]*aria-invalid="true"/);
    const en = await post('/en/account/register', { identifier: '1380013', password: 'long-enough-1' });
    expect(fieldError(en.body, 'identifier')).toBe('Enter a valid email address or an 11-digit mobile number');
    expect(fieldError(en.body, 'password')).toBeUndefined();

    // What only the API refuses comes back next to the field too (the API's own words are English and technical).
    const api = await post('/en/account/register', { identifier: 'someone@example.c', password: 'long-enough-1' });
    expect(api.statusCode).toBe(400);
    expect(fieldError(api.body, 'identifier')).toBe('Enter a valid email address or an 11-digit mobile number');

    const login = await post('/en/account/login', { identifier: '', password: '' });
    expect(fieldError(login.body, 'identifier')).toBe('Enter your email or mobile number');
    expect(fieldError(login.body, 'password')).toBe('Enter your password');

    const address = { intent: 'save', recipient: '', mobile: '1234', province: '44', city: '4403', district: '', detail: '' };
    const zhAddress = await post('/account/addresses', address, shopper.cookie);
    expect(zhAddress.statusCode).toBe(422);
    expect(fieldError(zhAddress.body, 'mobile')).toBe('请输入 11 位手机号');
    expect(fieldError(zhAddress.body, 'recipient')).toBe('请输入收货人姓名');
    expect(fieldError(zhAddress.body, 'district')).toBe('请选择区县');
    const enAddress = await post('/en/account/addresses', address, shopper.cookie);
    expect(fieldError(enAddress.body, 'mobile')).toBe('Enter an 11-digit mobile number');
    expect(fieldError(enAddress.body, 'detail')).toBe('Enter the street and house number');
    // What was typed stays in the form.
    expect(enAddress.body).toContain('value="1234"');

    const reset = await post('/en/account/reset', { intent: 'confirm', identifier: 'a@example.com', code: '12', newPassword: 'x' });
    expect(fieldError(reset.body, 'code')).toBe('Enter the 6-digit code');
    expect(fieldError(reset.body, 'newPassword')).toBe('Use at least 8 characters');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { ensureStorefrontBuild } from './build.js';
import { cookieJar, form, FORM } from './browser.js';
import { decodeUtm } from '../../src/platform/attribution.js';

const setCookies = (res: { headers: Record<string, unknown> }) => {
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : raw ? [String(raw)] : []).map(String);
};
const utmCookieOf = (res: { headers: Record<string, unknown> }) => setCookies(res).find((c) => c.startsWith('sk_utm='));

/**
 * Shopper walk 1 (WALKS.md): a shopper arrives from a campaign link with UTM parameters, signs up
 * and orders; the store remembers the link (last touch, 30 days) and staff see it on the order and
 * the customer — without giving up the page cache for campaign traffic.
 */
describeEachBackend('storefront: the campaign link a shopper arrived by', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let admin: StaffLogin;
  const slug = 'utm-kettle';
  const landing = `/p/${slug}?utm_source=douyin&utm_medium=short_video&utm_campaign=${encodeURIComponent('双十二')}`;

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL: 'https://shop.example.com' });
    p = await seedProduct(t, { slug, stock: 10, prices: [5900] });
    admin = await loginStaff(t, 'admin');
    await t.settle();
  });
  afterAll(() => t?.close());

  it('remembers a landing with utm_source in a Secure, HttpOnly cookie for 30 days, from the page cache too', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      await t.settle();
      const res = await t.app.inject({ url: landing });
      expect(res.statusCode).toBe(200);
      seen.add(String(res.headers['x-page-cache'] ?? 'none'));
      const cookie = utmCookieOf(res)!;
      expect(cookie).toMatch(/; Max-Age=2592000/i);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(decodeUtm(cookie.slice('sk_utm='.length, cookie.indexOf(';')))).toEqual({ source: 'douyin', medium: 'short_video', campaign: '双十二' });
      // A page that sets a cookie is not for shared caches.
      expect(String(res.headers['cache-control'])).toMatch(/^private/);
    }
    expect(seen.has('hit')).toBe(true);
    // No utm_source, or a client-side navigation's data request: nothing remembered.
    expect(utmCookieOf(await t.app.inject({ url: `/p/${slug}?utm_campaign=x` }))).toBeUndefined();
    expect(utmCookieOf(await t.app.inject({ url: `/p/${slug}.data?utm_source=x` }))).toBeUndefined();
    const plain = await t.app.inject({ url: `/p/${slug}` });
    expect(utmCookieOf(plain)).toBeUndefined();
  });

  it('the sign-up and the order carry the campaign; staff see it on the customer and the order', async () => {
    const browser = cookieJar();
    browser.take(await t.app.inject({ url: landing }));
    expect(browser.has('sk_utm')).toBe(true);
    const buy = `/checkout?variantId=${p.variantIds[0]}&quantity=1`;
    const email = `utm-${Date.now()}@example.com`;
    const reg = await t.app.inject({
      method: 'POST', url: `/account/register?next=${encodeURIComponent(buy)}`, headers: { ...FORM, cookie: browser.header },
      payload: form({ identifier: email, password: 'correct-horse-1', name: '小抖' }),
    });
    expect(reg.statusCode).toBe(302);
    browser.take(reg);
    const customers = (await t.app.inject({ url: `/api/admin/customers?q=${encodeURIComponent(email)}`, headers: admin.auth })).json();
    expect(customers.items[0]).toMatchObject({ acquisitionChannel: 'douyin' });

    const page = await t.app.inject({ url: buy, headers: { cookie: browser.header } });
    expect(page.statusCode).toBe(200);
    const shipping = /name="shipping" value="([^"]+)"/.exec(page.body)![1];
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1];
    const placed = await t.app.inject({
      method: 'POST', url: '/checkout', headers: { ...FORM, cookie: browser.header },
      payload: form({
        intent: 'place', address: 'new', shipping, recipient: '李四', mobile: '13800138000', province: '44', city: '4403', district: '440305',
        detail: '科技园路 2 号', idempotencyKey: key, variantId: p.variantIds[0], quantity: '1',
      }),
    });
    expect(placed.statusCode).toBe(302);
    const number = /\/orders\/(\d+)\/pay/.exec(String(placed.headers.location))![1];
    const order = (await t.app.inject({ url: `/api/admin/orders/${number}`, headers: admin.auth })).json();
    expect(order).toMatchObject({ utm: { source: 'douyin', medium: 'short_video', campaign: '双十二' }, channel: 'douyin' });
  });

  it('a forged sk_utm cookie is ignored: the order goes through without a campaign', async () => {
    const browser = cookieJar();
    const reg = await t.app.inject({
      method: 'POST', url: '/account/register', headers: { ...FORM, cookie: 'sk_utm=%00%00not-json' },
      payload: form({ identifier: `forged-${Date.now()}@example.com`, password: 'correct-horse-1', name: '小伪' }),
    });
    expect(reg.statusCode).toBe(302);
    browser.take(reg);
    const buy = `/checkout?variantId=${p.variantIds[0]}&quantity=1`;
    const cookie = `${browser.header}; sk_utm=${Buffer.from('{"source":"x","evil":1}').toString('base64url')}`;
    const page = await t.app.inject({ url: buy, headers: { cookie } });
    const shipping = /name="shipping" value="([^"]+)"/.exec(page.body)![1];
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1];
    const placed = await t.app.inject({
      method: 'POST', url: '/checkout', headers: { ...FORM, cookie },
      payload: form({
        intent: 'place', address: 'new', shipping, recipient: '王五', mobile: '13800138001', province: '44', city: '4403', district: '440305',
        detail: '科技园路 3 号', idempotencyKey: key, variantId: p.variantIds[0], quantity: '1',
      }),
    });
    expect(placed.statusCode).toBe(302);
    const number = /\/orders\/(\d+)\/pay/.exec(String(placed.headers.location))![1];
    expect((await t.app.inject({ url: `/api/admin/orders/${number}`, headers: admin.auth })).json()).toMatchObject({ utm: null, channel: null });
  });
});

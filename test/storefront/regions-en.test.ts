import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { ensureStorefrontBuild } from './build.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const option = (code: string, name: string) => new RegExp(`<option value="${code}"[^>]*>${name}</option>`);
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<!-- -->/g, '');

describeEachBackend('storefront: region names on English pages', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let cookie = '';
  const take = (res: { headers: Record<string, unknown> }) => {
    const raw = res.headers['set-cookie'];
    const jar = new Map(cookie ? cookie.split('; ').map((c) => c.split('=') as [string, string]) : []);
    for (const line of Array.isArray(raw) ? raw : raw ? [String(raw)] : []) {
      const [pair] = String(line).split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value && !/max-age=0/i.test(line)) jar.set(name, value);
      else jar.delete(name);
    }
    cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  };

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend);
    p = await seedProduct(t, { slug: 'sf-regions', prices: [19900], stock: 5 });
    take(await t.app.inject({ method: 'POST', url: '/en/p/sf-regions', headers: FORM, payload: form({ variantId: p.variantIds[0], quantity: '1' }) }));
    take(
      await t.app.inject({
        method: 'POST',
        url: '/en/account/register?next=%2Fen%2Fcheckout',
        headers: { ...FORM, cookie },
        payload: form({ identifier: `sf-regions-${Date.now()}@example.com`, password: 'correct-horse-1', name: 'Li Lei' }),
      }),
    );
  });
  afterAll(() => t?.close());

  it('lists provinces, cities and districts in English', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/en/checkout?address=new&province=31&city=3101', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(option('31', 'Shanghai'));
    expect(page.body).toMatch(option('44', 'Guangdong'));
    expect(page.body).toMatch(option('310115', 'Pudong New Area'));
    expect(text(page.body)).not.toContain('浦东新区'); // the hydration data carries both names
    const zh = await t.app.inject({ method: 'GET', url: '/checkout?address=new&province=31&city=3101', headers: { cookie } });
    expect(zh.body).toMatch(option('310115', '浦东新区'));
  });

  it('keeps the Chinese region in the order and shows it in English on the English order page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/en/checkout?address=new&province=31&city=3101', headers: { cookie } });
    const shipping = /name="shipping" value="([^"]+)"/.exec(page.body)![1];
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1];
    const place = await t.app.inject({
      method: 'POST',
      url: '/en/checkout',
      headers: { ...FORM, cookie },
      payload: form({ intent: 'place', address: 'new', shipping, recipient: 'Li Lei', mobile: '13800138000', province: '31', city: '3101', district: '310115', detail: 'Century Avenue 8', idempotencyKey: key }),
    });
    expect(place.statusCode).toBe(302);
    const orderPath = String(place.headers.location).replace(/\/pay$/, '');
    const number = orderPath.split('/').pop();
    const order = await t.app.inject({ method: 'GET', url: `/api/store/orders/${number}`, headers: { cookie } });
    expect(order.json().shippingAddress.regionText).toBe('上海市浦东新区');
    const en = await t.app.inject({ method: 'GET', url: orderPath, headers: { cookie } });
    expect(text(en.body)).toContain('Century Avenue 8, Pudong New Area, Shanghai');
    const zh = await t.app.inject({ method: 'GET', url: orderPath.replace(/^\/en/, ''), headers: { cookie } });
    expect(text(zh.body)).toContain('上海市浦东新区 Century Avenue 8');
  });

  it('shows saved addresses with English region names', async () => {
    const csrf = decodeURIComponent(/sk_csrf=([^;]+)/.exec(cookie)?.[1] ?? '');
    const saved = await t.app.inject({
      method: 'POST',
      url: '/en/account/addresses',
      headers: { ...FORM, cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      payload: form({ intent: 'save', recipient: 'Li Lei', mobile: '13800138000', province: '11', city: '1101', district: '110105', detail: 'Jianguo Road 88' }),
    });
    expect(saved.statusCode).toBeLessThan(400);
    const list = await t.app.inject({ method: 'GET', url: '/en/account/addresses', headers: { cookie } });
    expect(text(list.body)).toContain('Jianguo Road 88, Chaoyang District, Beijing');
  });
});

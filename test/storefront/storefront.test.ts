import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { loginStaff } from '../support/staff.js';
import { storefront, STOREFRONT_DIST } from '../../src/web/storefront/index.js';
import { ensureStorefrontBuild } from './build.js';
import { cookieJar, form, FORM } from './browser.js';
import { hydrationByPattern, openPlainPage, ServerOnly } from '../../web/storefront/app/lib/plain-page.js';

const PUBLIC_URL = 'https://shop.example.com';

function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describeEachBackend('storefront (server-rendered pages through the API)', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  const slug = 'sf-earbuds';

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL });
    p = await seedProduct(t, { slug, prices: [19900, 29900], stock: 5 });
  });
  afterAll(() => t?.close());

  it('renders a product page with its title, hreflang, canonical and Product + BreadcrumbList JSON-LD', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/p/${slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<html lang="zh-CN"');
    expect(html).toMatch(/<title>无线蓝牙耳机 - 掌柜商城<\/title>/);
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/p/${slug}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="zh-CN" href="${PUBLIC_URL}/p/${slug}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="en" href="${PUBLIC_URL}/en/p/${slug}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="x-default" href="${PUBLIC_URL}/p/${slug}"/>`);
    expect(html).toMatch(/<meta property="og:title" content="无线蓝牙耳机"\/>/);
    const ld = jsonLd(html);
    const product = ld.find((d) => d['@type'] === 'Product');
    expect(product.name).toBe('无线蓝牙耳机');
    expect(product.offers).toHaveLength(2);
    // 5 in stock: few enough to say so.
    expect(product.offers[0]).toMatchObject({ '@type': 'Offer', price: '199.00', priceCurrency: 'CNY', availability: 'https://schema.org/LimitedAvailability' });
    expect(product.offers[0]).not.toHaveProperty('sku');
    expect(product.offers[1].price).toBe('299.00');
    const crumbs = ld.find((d) => d['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.map((c: { name: string }) => c.name)).toEqual(['首页', '数码', '无线蓝牙耳机']);
    // Browsing pages ship no framework JavaScript: only the inline suggestions script.
    expect(html).not.toMatch(/modulepreload|<script[^>]+src=/);
  });

  it('keeps a plain page’s data out of the document’s hydration payload, and gives it to pages that hydrate and to client navigations (.data)', async () => {
    // What React Router's encoder sees of a plain page's data: no enumerable fields.
    const box = new ServerOnly({ product: { slug } });
    expect(Object.entries(box)).toEqual([]);
    expect(openPlainPage<{ product: { slug: string } }>(box).product.slug).toBe(slug);
    // Which pages hydrate, by the route pattern React Router hands each loader.
    const build = await import(pathToFileURL(join(STOREFRONT_DIST, 'server', 'index.js')).href);
    const hydration = hydrationByPattern(build.routes);
    for (const plain of ['/', 'en', 'c/:slug', 'en/c/:slug', 'search', 'p/:slug', 'en/p/:slug', '*', 'en/*']) expect(hydration.get(plain), plain).toBe(false);
    for (const hydrated of ['cart', 'en/cart', 'checkout', 'orders', 'orders/:number', 'orders/:number/pay', 'account', 'account/login', 'en/account/addresses']) {
      expect(hydration.get(hydrated), hydrated).toBe(true);
    }
    // A page that hydrates carries the layout's data (the header's categories) for the browser.
    const cart = await t.app.inject({ method: 'GET', url: '/cart' });
    expect(cart.body).toMatch(/streamController\.enqueue\(.*categories.*数码/s);
    // A hydrated page navigating to a product in the browser fetches /p/<slug>.data: the data itself.
    const res = await t.app.inject({ method: 'GET', url: `/p/${slug}.data` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('无线蓝牙耳机');
    expect(res.body).toContain(slug);
    expect(res.body).not.toContain('SingleFetchClassInstance');
  });

  it('answers an unknown product with a 404 page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/p/no-such-product' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>页面未找到 - 掌柜商城</title>');
    expect(res.body).toContain('商品不存在或已下架');
    expect((await t.app.inject({ method: 'GET', url: '/en/nowhere/at/all' })).statusCode).toBe(404);
    // The API keeps its own problem+json 404s.
    const api = await t.app.inject({ method: 'GET', url: '/api/store/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('lists every active product and category in both languages in /sitemap.xml, and robots.txt points to it', async () => {
    const other = await seedProduct(t, { slug: 'sf-second' });
    await t.settle();
    const res = await t.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    for (const s of [slug, 'sf-second']) {
      expect(res.body).toContain(`<loc>${PUBLIC_URL}/p/${s}</loc>`);
      expect(res.body).toContain(`<loc>${PUBLIC_URL}/en/p/${s}</loc>`);
    }
    expect(res.body).toContain(`<loc>${PUBLIC_URL}/c/c-${slug}</loc>`);
    const products = (await t.app.inject({ method: 'GET', url: '/api/store/products?limit=100' })).json().items as unknown[];
    expect(res.body.match(/<loc>[^<]*\/p\/[^<]*<\/loc>/g)).toHaveLength(products.length * 2);
    expect(other.productId).toBeTruthy();

    const robots = await t.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(robots.body).toContain('Disallow: /cart');
    expect(robots.body).toContain('Disallow: /checkout');
    expect(robots.body).toContain('Disallow: /account');
    expect(robots.body).toContain(`Sitemap: ${PUBLIC_URL}/sitemap.xml`);
  });

  it('serves anonymous product pages from the page cache and drops them when the product is edited', async () => {
    const first = await t.app.inject({ method: 'GET', url: `/p/${slug}` });
    const second = await t.app.inject({ method: 'GET', url: `/p/${slug}` });
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    const etag = String(second.headers.etag);
    expect((await t.app.inject({ method: 'GET', url: `/p/${slug}`, headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const admin = await loginStaff(t, 'admin');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/products/${p.productId}`,
      headers: admin.auth,
      payload: { title: { 'zh-CN': '降噪蓝牙耳机', en: 'Noise-cancelling earbuds' } },
    });
    expect(edit.statusCode).toBe(200);
    await t.settle();
    const after = await t.app.inject({ method: 'GET', url: `/p/${slug}` });
    expect(after.headers['x-page-cache']).toBe('miss');
    expect(after.body).toContain('<title>降噪蓝牙耳机 - 掌柜商城</title>');
    expect(after.body).not.toContain('无线蓝牙耳机</h1>');

    // A shopper with a session or a cart is never served (or stored as) the shared page.
    const personal = await t.app.inject({ method: 'GET', url: `/p/${slug}`, headers: { cookie: 'sk_cart=abc' } });
    expect(personal.headers['x-page-cache']).toBeUndefined();
    expect(personal.headers['cache-control']).toContain('no-store');
  });

  it('renders a shopper’s page with what the API says now: a price change shows at once, though the bridge keeps public reads', async () => {
    const shopper = { cookie: 'sk_cart_id=00000000-0000-7000-8000-000000000000' };
    const before = await t.app.inject({ method: 'GET', url: `/p/${slug}`, headers: shopper });
    expect(before.body).toContain('¥199.00');
    const admin = await loginStaff(t, 'admin');
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/admin/variants/${p.variantIds[0]}`, headers: admin.auth, payload: { price: 18800 } });
    expect(edit.statusCode).toBe(200);
    await t.settle();
    const after = await t.app.inject({ method: 'GET', url: `/p/${slug}`, headers: shopper });
    expect(after.body).toContain('¥188.00');
    expect(after.body).not.toContain('¥199.00');
    await t.app.inject({ method: 'PATCH', url: `/api/admin/variants/${p.variantIds[0]}`, headers: admin.auth, payload: { price: 19900 } });
    await t.settle();
  });

  it('renders every anonymous request when PAGE_CACHE is off', async () => {
    const uncached = await startTestApp(backend, { PUBLIC_URL, PAGE_CACHE: 'off' });
    try {
      await seedProduct(uncached, { slug: 'sf-uncached', prices: [9900], stock: 3 });
      for (let i = 0; i < 2; i++) {
        const res = await uncached.app.inject({ method: 'GET', url: '/p/sf-uncached' });
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-page-cache']).toBeUndefined();
        expect(res.body).toContain('¥99.00');
      }
    } finally {
      await uncached.close();
    }
  });

  it('adds to the cart with a plain form POST (no JavaScript) and shows it on the cart page', async () => {
    const browser = cookieJar();
    const add = await t.app.inject({ method: 'POST', url: `/p/${slug}`, headers: FORM, payload: form({ variantId: p.variantIds[1], quantity: '2' }) });
    // Post/redirect/get: back to the product page, which now shows the cart count.
    expect(add.statusCode).toBe(302);
    expect(add.headers.location).toBe(`/p/${slug}?variant=${p.variantIds[1]}&added=1#added`);
    browser.take(add);
    expect(browser.has('sk_cart')).toBe(true);
    expect(browser.has('sk_cart_id')).toBe(true);
    const back = await t.app.inject({ method: 'GET', url: String(add.headers.location), headers: { cookie: browser.header } });
    expect(back.body).toContain('已加入购物车');
    expect(back.body).toContain('aria-label="购物车（2 件）"');

    const cart = await t.app.inject({ method: 'GET', url: '/cart', headers: { cookie: browser.header } });
    expect(cart.statusCode).toBe(200);
    expect(cart.body).toContain('降噪蓝牙耳机');
    expect(cart.body).toMatch(/name="quantity"[^>]*value="2"/);
    expect(cart.body).toContain('¥598.00');
    // Cart pages hydrate: React Router's scripts are there.
    expect(cart.body).toContain('modulepreload');

    // React Router's action origin check (CSRF) holds: a post from another site is refused; a
    // same-origin post whose Origin is `null` (helmet's no-referrer policy) is let through.
    const foreign = await t.app.inject({ method: 'POST', url: `/p/${slug}`, headers: { ...FORM, origin: 'https://evil.example', cookie: browser.header }, payload: form({ variantId: p.variantIds[1], quantity: '1' }) });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    const sameOrigin = await t.app.inject({
      method: 'POST',
      url: `/p/${slug}`,
      headers: { ...FORM, origin: 'null', 'sec-fetch-site': 'same-origin' },
      payload: form({ variantId: p.variantIds[0], quantity: '1' }),
    });
    expect(sameOrigin.statusCode).toBe(302);

    // Remove it again, still without JavaScript.
    const itemId = /name="itemId" value="([^"]+)"/.exec(cart.body)![1];
    const removed = await t.app.inject({ method: 'POST', url: '/cart', headers: { ...FORM, cookie: browser.header }, payload: form({ itemId, intent: 'remove' }) });
    expect(removed.statusCode).toBe(200);
    expect(removed.body).toContain('购物车是空的');
  });

  it('serves English pages in English under /en', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/en/p/${slug}` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('<title>Noise-cancelling earbuds - Shopkeeper Store</title>');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/en/p/${slug}"/>`);
    expect(html).toContain('Add to cart');
    expect(html).toContain('>Cart<');
    expect(html).toContain('hrefLang="zh-CN"');
    // No Chinese UI text leaks into the English page (the language switch names 中文, and the brand mark, on purpose).
    const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/中文|掌柜|掌/g, '');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    const home = await t.app.inject({ method: 'GET', url: '/en' });
    expect(home.body).toContain('<title>Shopkeeper Store — electronics, apparel and home goods</title>');
  });

  it('takes a signed-in shopper from register to checkout to the sandbox pay page, without JavaScript', async () => {
    const browser = cookieJar();
    const add = await t.app.inject({ method: 'POST', url: `/p/${slug}`, headers: FORM, payload: form({ variantId: p.variantIds[0], quantity: '1' }) });
    browser.take(add);
    const reg = await t.app.inject({
      method: 'POST',
      url: '/account/register?next=%2Fcheckout',
      headers: { ...FORM, cookie: browser.header },
      payload: form({ identifier: `sf-${Date.now()}@example.com`, password: 'correct-horse-1', name: '小王' }),
    });
    expect(reg.statusCode).toBe(302);
    expect(reg.headers.location).toBe('/checkout');
    browser.take(reg);
    expect(browser.has('sk_session')).toBe(true);

    const page = await t.app.inject({ method: 'GET', url: '/checkout', headers: { cookie: browser.header } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('降噪蓝牙耳机');
    expect(page.body).toContain('¥199.00');
    const shipping = /name="shipping" value="([^"]+)"/.exec(page.body)![1];
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1];
    const place = await t.app.inject({
      method: 'POST',
      url: '/checkout',
      headers: { ...FORM, cookie: browser.header },
      payload: form({
        intent: 'place',
        address: 'new',
        shipping,
        recipient: '张三',
        mobile: '13800138000',
        province: '44',
        city: '4403',
        district: '440305',
        detail: '科技园路 1 号',
        saveAddress: '1',
        idempotencyKey: key,
      }),
    });
    expect(place.statusCode).toBe(302);
    const payPath = String(place.headers.location);
    expect(payPath).toMatch(/^\/orders\/\d+\/pay$/);
    browser.take(place);

    const pay = await t.app.inject({ method: 'GET', url: payPath, headers: { cookie: browser.header } });
    expect(pay.statusCode).toBe(200);
    expect(pay.body).toContain('¥');
    const go = await t.app.inject({ method: 'POST', url: payPath, headers: { ...FORM, cookie: browser.header }, payload: form({ method: 'alipay' }) });
    expect(go.statusCode).toBe(302);
    expect(String(go.headers.location)).toMatch(new RegExp(`^${PUBLIC_URL}/pay/sandbox/[0-9a-f-]+\\?lang=zh-CN$`));

    const orderPath = payPath.replace(/\/pay$/, '');
    const failed = await t.app.inject({ method: 'GET', url: `${orderPath}?payment=failed`, headers: { cookie: browser.header } });
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toContain('支付失败，请重新支付');
    expect(failed.body).toContain('待付款');

    // Personal pages are never cached, and guests are sent to sign in.
    expect(failed.headers['x-page-cache']).toBeUndefined();
    const guest = await t.app.inject({ method: 'GET', url: orderPath });
    expect(guest.statusCode).toBe(302);
    expect(guest.headers.location).toBe(`/account/login?next=${encodeURIComponent(orderPath)}`);
  });
});

it('answers 503 problem+json telling to build when dist/storefront is missing', async () => {
  const app = Fastify();
  const fakeKernel = { config: { publicUrl: 'http://x' }, cache: null } as never;
  await app.register(storefront(fakeKernel, app, { dist: '/nonexistent/storefront' }));
  const res = await app.inject({ method: 'GET', url: '/' });
  expect(res.statusCode).toBe(503);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json().detail).toContain('npm run build:web');
  await app.close();
});

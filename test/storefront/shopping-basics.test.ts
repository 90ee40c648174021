import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { ensureStorefrontBuild } from './build.js';
import { cookieJar, form, FORM } from './browser.js';

/**
 * Issue 9's shopping basics on the server-rendered pages: stock wording instead of stock figures
 * and SKU codes, the buy bar and 立即购买 (which leaves the cart alone), delivery estimates, the
 * picture gallery, and listing filters with readable brand slugs.
 */
const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The page's text without tags and scripts (what a shopper reads). */
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describeEachBackend('storefront shopping basics (issue 9)', (backend) => {
  let t: TestApp;
  const ids = { product: '', other: '', brand: '', otherBrand: '', low: '', plenty: '', out: '', otherVariant: '' };

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend);
    // 10:00 on Wednesday 2 December 2026 in Shanghai.
    t.clock.set(new Date('2026-12-02T02:00:00Z'));
    await t.k.db.transaction(async () => {
      const c = t.services.catalog;
      const cat = await c.createCategory({ slug: 'basics-audio', name: zhEn('耳机', 'Headphones'), parentId: null, position: 0 });
      const brand = await c.createBrand({ slug: 'sound-peak', name: zhEn('声峰', 'Sound Peak') });
      const otherBrand = await c.createBrand({ slug: 'quiet-co', name: zhEn('静音', 'Quiet Co') });
      const img = (n: number) => ({ url: `/img/basics-${n}.jpg`, width: 800, height: 800, alt: zhEn(`图 ${n}`, `Picture ${n}`) });
      const base = { categoryId: cat.id, status: 'active' as const, privateLabel: false, exclusive: false, tags: [], attributes: [] };
      const p = await c.createProduct({
        ...base,
        slug: 'basics-buds',
        title: zhEn('降噪耳机', 'ANC buds'),
        brandId: brand.id,
        options: [{ code: 'color', name: zhEn('颜色', 'Colour'), values: [{ code: 'black', name: zhEn('黑色', 'Black') }, { code: 'white', name: zhEn('白色', 'White') }, { code: 'red', name: zhEn('红色', 'Red') }] }],
        images: [img(1), img(2), img(3)],
        variants: [
          { sku: 'SECRET-BLK-77', optionValues: { color: 'black' }, price: 19900, weightGrams: 300, active: true },
          { sku: 'SECRET-WHT-78', optionValues: { color: 'white' }, price: 19900, weightGrams: 300, active: true },
          { sku: 'SECRET-RED-79', optionValues: { color: 'red' }, price: 19900, weightGrams: 300, active: true },
        ],
      });
      const o = await c.createProduct({
        ...base,
        slug: 'basics-quiet',
        title: zhEn('静音耳塞', 'Quiet plugs'),
        brandId: otherBrand.id,
        options: [],
        images: [],
        variants: [{ sku: 'SECRET-PLUG-1', optionValues: {}, price: 2900, weightGrams: 50, active: true }],
      });
      const warehouseId = await t.services.inventory.ensureDefaultWarehouse();
      const [low, plenty, out] = p.variants.map((v) => v.id);
      await t.services.inventory.adjust({ variantId: low, warehouseId, delta: 4, reason: 'receipt' });
      await t.services.inventory.adjust({ variantId: plenty, warehouseId, delta: 437, reason: 'receipt' });
      await t.services.inventory.adjust({ variantId: o.variants[0].id, warehouseId, delta: 100, reason: 'receipt' });
      Object.assign(ids, { product: p.id, other: o.id, brand: brand.id, otherBrand: otherBrand.id, low, plenty, out, otherVariant: o.variants[0].id });
    });
    await t.settle();
  });
  afterAll(() => t?.close());

  it('tells 有货 / 仅剩 N 件 / 缺货, never the stock figure or a SKU code', async () => {
    const plenty = await t.app.inject({ url: `/p/basics-buds?variant=${ids.plenty}` });
    expect(plenty.statusCode).toBe(200);
    expect(plenty.body).toMatch(/role="status"[^>]*>有货</);
    expect(textOf(plenty.body)).not.toContain('437');
    expect(plenty.body).not.toContain('SECRET-');
    expect(plenty.body).not.toContain('货号');

    const low = await t.app.inject({ url: `/p/basics-buds?variant=${ids.low}` });
    expect(low.body).toMatch(/role="status"[^>]*>仅剩 4 件</);
    expect(/<input[^>]*name="quantity"[^>]*>/.exec(low.body)![0]).toContain('max="4"');
    const out = await t.app.inject({ url: `/p/basics-buds?variant=${ids.out}` });
    expect(out.body).toMatch(/role="status"[^>]*>缺货</);

    const en = await t.app.inject({ url: `/en/p/basics-buds?variant=${ids.low}` });
    expect(en.body).toMatch(/role="status"[^>]*>Only 4 left</);
    expect(en.body).not.toContain('SECRET-');
    const enPlenty = await t.app.inject({ url: `/en/p/basics-buds?variant=${ids.plenty}` });
    expect(enPlenty.body).toMatch(/role="status"[^>]*>In stock</);
    expect(textOf(enPlenty.body)).not.toContain('437');
  });

  it('has a buy bar with the price, the chosen option, 加入购物车 and 立即购买, and the delivery estimate', async () => {
    const res = await t.app.inject({ url: `/p/basics-buds?variant=${ids.plenty}` });
    const bar = /<div class="buy-bar">([\s\S]*?)<\/div>/.exec(res.body)![1];
    expect(textOf(bar)).toContain('¥199.00');
    expect(textOf(bar)).toContain('白色');
    expect(textOf(bar)).toContain('加入购物车');
    const buyNow = /<button[^>]*>立即购买<\/button>/.exec(bar)![0];
    expect(buyNow).toContain('formAction="/checkout"');
    expect(buyNow).toContain('formMethod="get"');
    expect(textOf(bar)).toContain('立即购买');
    // Standard delivery takes 3 days, 顺丰 2, counted from the store's clock.
    expect(textOf(res.body)).toContain('标准快递 · 预计 12月5日（周六）送达');
    expect(textOf(res.body)).toContain('顺丰速运 · 预计 12月4日（周五）送达');
    const en = await t.app.inject({ url: `/en/p/basics-buds?variant=${ids.plenty}` });
    expect(textOf(en.body)).toContain('SF Express · arrives by Fri, Dec 4');
    expect(textOf(en.body)).toContain('Buy now');
  });

  it('moves the delivery estimate with the store’s clock, even for a cached page', async () => {
    const first = await t.app.inject({ url: '/p/basics-buds' });
    expect(textOf(first.body)).toContain('顺丰速运 · 预计 12月4日（周五）送达');
    t.clock.set(new Date('2026-12-02T17:00:00Z')); // 01:00 on the 3rd in Shanghai
    const next = await t.app.inject({ url: '/p/basics-buds' });
    expect(textOf(next.body)).toContain('顺丰速运 · 预计 12月5日（周六）送达');
    t.clock.set(new Date('2026-12-02T02:00:00Z'));
  });

  it('shows every picture in a swipeable track, each opening a full-screen view', async () => {
    const res = await t.app.inject({ url: '/p/basics-buds' });
    for (const n of [1, 2, 3]) {
      expect(res.body).toContain(`href="#zoom-${n}"`);
      expect(res.body).toContain(`id="zoom-${n}"`);
      expect(res.body).toContain(`/img/basics-${n}.jpg`);
    }
    expect(res.body).toContain('class="gallery-track"');
    // Still a plain page: no framework JavaScript.
    expect(res.body).not.toMatch(/modulepreload|<script[^>]+src=/);
  });

  it('立即购买 as a guest: sign in first, then checkout shows that one item and the cart stays as it was', async () => {
    const browser = cookieJar();
    // The guest has something else in the cart already.
    const add = await t.app.inject({ method: 'POST', url: '/p/basics-quiet', headers: FORM, payload: form({ variantId: ids.otherVariant, quantity: '1' }) });
    expect(add.statusCode).toBe(302);
    browser.take(add);

    const buy = `/checkout?variantId=${ids.plenty}&quantity=2`;
    const guest = await t.app.inject({ url: buy, headers: { cookie: browser.header } });
    expect(guest.statusCode).toBe(302);
    expect(guest.headers.location).toBe(`/account/login?next=${encodeURIComponent(buy)}`);

    const reg = await t.app.inject({
      method: 'POST',
      url: `/account/register?next=${encodeURIComponent(buy)}`,
      headers: { ...FORM, cookie: browser.header },
      payload: form({ identifier: `basics-${Date.now()}@example.com`, password: 'correct-horse-1', name: '小李' }),
    });
    expect(reg.statusCode).toBe(302);
    expect(reg.headers.location).toBe(buy);
    browser.take(reg);

    const page = await t.app.inject({ url: buy, headers: { cookie: browser.header } });
    expect(page.statusCode).toBe(200);
    const aside = textOf(/<aside[\s\S]*?<\/aside>/.exec(page.body)![0]);
    expect(aside).toContain('降噪耳机 × 2');
    expect(aside).not.toContain('静音耳塞');
    expect(aside).toContain('¥398.00');
    expect(page.body).toContain(`name="variantId" value="${ids.plenty}"`);

    const shipping = /name="shipping" value="([^"]+)"/.exec(page.body)![1];
    const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)![1];
    const place = await t.app.inject({
      method: 'POST',
      url: '/checkout',
      headers: { ...FORM, cookie: browser.header },
      payload: form({
        intent: 'place', address: 'new', shipping, recipient: '李四', mobile: '13800138000', province: '44', city: '4403', district: '440305',
        detail: '科技园路 2 号', idempotencyKey: key, variantId: ids.plenty, quantity: '2',
      }),
    });
    expect(place.statusCode).toBe(302);
    expect(String(place.headers.location)).toMatch(/^\/orders\/\d+\/pay$/);
    browser.take(place);
    const number = /\/orders\/(\d+)\/pay/.exec(String(place.headers.location))![1];
    const order = await t.app.inject({ url: `/api/store/orders/${number}`, headers: { cookie: browser.header } });
    expect(order.json().lines).toMatchObject([{ variantId: ids.plenty, quantity: 2 }]);

    // The cart still holds what was in it.
    const cart = await t.app.inject({ url: '/cart', headers: { cookie: browser.header } });
    expect(textOf(cart.body)).toContain('静音耳塞');
    expect(textOf(cart.body)).not.toContain('降噪耳机');
  });

  it('ignores a malformed buy-now choice and checks out the cart instead', async () => {
    const browser = cookieJar();
    const add = await t.app.inject({ method: 'POST', url: '/p/basics-quiet', headers: FORM, payload: form({ variantId: ids.otherVariant, quantity: '1' }) });
    browser.take(add);
    const reg = await t.app.inject({
      method: 'POST',
      url: '/account/register?next=%2Fcheckout',
      headers: { ...FORM, cookie: browser.header },
      payload: form({ identifier: `basics-bad-${Date.now()}@example.com`, password: 'correct-horse-1', name: '小赵' }),
    });
    browser.take(reg);
    for (const q of [`variantId=%00&quantity=2`, `variantId=${'x'.repeat(5000)}`, `variantId=${ids.plenty}&quantity=%00`]) {
      const res = await t.app.inject({ url: `/checkout?${q}`, headers: { cookie: browser.header } });
      expect(res.statusCode, q).toBeLessThan(500);
    }
    const junkQty = await t.app.inject({ url: `/checkout?variantId=${ids.plenty}&quantity=${'9'.repeat(5000)}`, headers: { cookie: browser.header } });
    expect(junkQty.statusCode).toBe(200);
    expect(textOf(/<aside[\s\S]*?<\/aside>/.exec(junkQty.body)![0])).toContain('降噪耳机 × 1');
  });

  it('filters a category by brand slug, still accepts the brand’s id, and sorts by links', async () => {
    const all = await t.app.inject({ url: '/c/basics-audio' });
    expect(all.statusCode).toBe(200);
    expect(textOf(all.body)).toContain('降噪耳机');
    expect(textOf(all.body)).toContain('静音耳塞');
    // Brand checkboxes carry slugs; sorts are links (no select, no apply button needed).
    expect(all.body).toMatch(/name="brand" value="sound-peak"/);
    expect(all.body).not.toContain('<select');
    expect(all.body).toMatch(/href="\/c\/basics-audio\?sort=price_asc"/);
    expect(all.body).toContain('href="#filters"');

    const bySlug = await t.app.inject({ url: '/c/basics-audio?brand=sound-peak' });
    expect(textOf(bySlug.body)).toContain('降噪耳机');
    expect(textOf(bySlug.body)).not.toContain('静音耳塞');
    const box = /<input[^>]*name="brand"[^>]*value="sound-peak"[^>]*>/.exec(bySlug.body)![0];
    expect(box).toContain('checked=""');
    // Sorting keeps the filter.
    expect(bySlug.body).toContain('href="/c/basics-audio?brand=sound-peak&amp;sort=sales"');

    const byId = await t.app.inject({ url: `/c/basics-audio?brand=${ids.brand}` });
    expect(byId.statusCode).toBe(200);
    expect(textOf(byId.body)).toContain('降噪耳机');
    expect(textOf(byId.body)).not.toContain('静音耳塞');

    const en = await t.app.inject({ url: '/en/c/basics-audio?brand=quiet-co&sort=price_asc' });
    expect(textOf(en.body)).toContain('Quiet plugs');
    expect(textOf(en.body)).not.toContain('ANC buds');
    // Price is one toggle: on low-to-high it leads to high-to-low, and says so.
    expect(en.body).toMatch(/href="[^"]*sort=price_desc"[^>]*aria-current="true"[^>]*aria-label="Price: low to high \(tap again for high to low\)"/);
    const desc = await t.app.inject({ url: '/c/basics-audio?sort=price_desc' });
    expect(desc.body).toMatch(/href="\/c\/basics-audio\?sort=price_asc"[^>]*aria-current="true"[^>]*aria-label="价格从高到低（再点一次从低到高）"/);
    expect(textOf(desc.body)).toMatch(/价格\s*↓/);
  });

  it('ignores hostile filter values (NUL, 5,000 characters, emoji) instead of failing', async () => {
    for (const q of [`brand=${'a'.repeat(5000)}`, 'brand=%F0%9F%98%80', `sort=${'x'.repeat(5000)}`, 'min=abc&max=1e999', 'brand=sound-peak-x']) {
      const res = await t.app.inject({ url: `/c/basics-audio?${q}` });
      expect(res.statusCode, q).toBe(200);
      expect(textOf(res.body), q).toContain('静音耳塞');
    }
    // A NUL (or an unpaired surrogate) is refused before any route, pages included: a 400, never a 500.
    for (const q of ['brand=%00', 'page=%00', 'min=%00', 'brand=sound-peak%00']) {
      const res = await t.app.inject({ url: `/c/basics-audio?${q}` });
      expect(res.statusCode, q).toBe(400);
    }
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { registerShopper } from '../support/customers.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { ensureStorefrontBuild } from './build.js';

const badges = (html: string) => [...html.matchAll(/<span class="promo-badge">([^<]*)<\/span>/g)].map((m) => m[1]);

describeEachBackend('promotion badges on listings and product pages, the coupon block, the claim centre’s code box', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let p: SeededProduct;
  let categorySlug: string;
  let categoryId: string;
  const slug = 'sf-badge-speaker';

  const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const admin = (method: 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: operator.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend);
    operator = await loginStaff(t, 'operator');
    p = await seedProduct(t, { slug, prices: [25900], stock: 20 });
    const product = await t.services.catalog.getProduct(p.productId);
    categoryId = product.categoryId;
    categorySlug = (await t.services.catalog.requireCategory(categoryId)).slug;
    await t.settle();
  });
  afterAll(() => t?.close());

  it('a running 满减 badges the product on its category listing and its page; pausing it takes the badge off a cached page', async () => {
    const before = await page(`/p/${slug}`);
    expect(before.statusCode).toBe(200);
    expect(badges(before.body)).toEqual([]);
    const promo = await admin('POST', '/promotions', {
      name: { 'zh-CN': '音响满减', en: 'Speaker deal' }, action: { kind: 'amountOff', threshold: 30000, amount: 4000 }, scope: { categoryIds: [categoryId] },
    });
    expect(promo.statusCode, promo.body).toBe(201);
    // A promotion for gold members only is not badged for everyone.
    const gold = await admin('POST', '/promotions', { name: { 'zh-CN': '金卡专享', en: 'Gold only' }, action: { kind: 'percentOff', percentOff: 10 }, conditions: { tiers: ['gold'] } });
    expect(gold.statusCode).toBe(201);
    await t.settle();

    const product = await page(`/p/${slug}`);
    expect(badges(product.body)).toEqual(['满¥300减¥40']);
    const en = await page(`/en/p/${slug}`);
    expect(badges(en.body)).toEqual(['¥40 off orders of ¥300']);
    const listing = await page(`/c/${categorySlug}`);
    expect(listing.statusCode).toBe(200);
    expect(badges(listing.body)).toContain('满¥300减¥40');
    expect(badges(listing.body).join()).not.toContain('9折');

    // Kept in the page cache, then dropped by the pause.
    for (let i = 0; i < 5 && (await page(`/p/${slug}`)).headers['x-page-cache'] !== 'hit'; i++) await t.settle();
    expect((await page(`/p/${slug}`)).headers['x-page-cache']).toBe('hit');
    expect((await admin('POST', `/promotions/${promo.json().id}/pause`)).statusCode).toBe(200);
    await t.settle();
    expect(badges((await page(`/p/${slug}`)).body)).toEqual([]);
  });

  it('a 直降 for everyone shows the lower price on the card and the page, with the old one struck through', async () => {
    const cut = await admin('POST', '/promotions', { name: { 'zh-CN': '限时直降', en: 'Price cut' }, action: { kind: 'unitDiscount', percentOff: 10 }, scope: { productIds: [p.productId] } });
    expect(cut.statusCode, cut.body).toBe(201);
    await t.settle();
    const listing = (await page(`/c/${categorySlug}`)).body;
    expect(listing).toContain('¥233.10'); // 10% off ¥259.00, as the engine takes it off each unit
    expect(listing).toMatch(/<s class="muted card-was">.*¥259\.00<\/s>/);
    const product = (await page(`/p/${slug}`)).body;
    expect(product).toContain('<strong>¥233.10</strong>');
    expect(product).toContain('"price":"233.10"');
    expect((await admin('POST', `/promotions/${cut.json().id}/pause`)).statusCode).toBe(200);
    await t.settle();
    expect((await page(`/p/${slug}`)).body).toContain('<strong>¥259.00</strong>');
  });

  it('the coupon block lists coupons for this product; a guest claiming is sent to sign in, a shopper claims and is told', async () => {
    const tpl = await admin('POST', '/coupon-templates', {
      name: { 'zh-CN': '音响券', en: 'Speaker coupon' }, action: { kind: 'amountOff', threshold: 20000, amount: 1500 }, scope: { categoryIds: [categoryId] }, validDays: 7, perCustomerLimit: 1,
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    const other = await admin('POST', '/coupon-templates', { name: { 'zh-CN': '别处券', en: 'Elsewhere' }, action: { kind: 'freeShipping' }, scope: { productIds: [crypto.randomUUID()] }, validDays: 7 });
    expect(other.statusCode).toBe(201);
    await t.settle();
    const html = (await page(`/p/${slug}`)).body;
    expect(html).toContain('id="coupons"');
    expect(html).toContain('满¥200减¥15');
    expect(html).not.toContain('别处券');

    const form = { intent: 'claimCoupon', templateId: tpl.json().id };
    const guest = await t.app.inject({ method: 'POST', url: `/p/${slug}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
    expect(guest.statusCode).toBe(302);
    expect(guest.headers.location).toBe(`/account/login?next=${encodeURIComponent(`/p/${slug}`)}`);

    const shopper = await registerShopper(t);
    const claim = await t.app.inject({ method: 'POST', url: `/p/${slug}`, headers: { cookie: shopper.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
    expect(claim.statusCode, claim.body.slice(0, 300)).toBe(302);
    expect(claim.headers.location).toBe(`/p/${slug}?claimed=1#coupons`);
    const mine = (await t.app.inject({ url: '/api/store/me/coupons', headers: shopper.auth })).json().items as Array<{ templateId: string }>;
    expect(mine.filter((c) => c.templateId === tpl.json().id)).toHaveLength(1);
    const told = await page(`/p/${slug}?claimed=1`, { cookie: shopper.cookie });
    expect(told.body).toContain('领取成功');
    // Anyone else opening that address is not told they claimed anything.
    expect((await page(`/p/${slug}?claimed=1`)).body).not.toContain('领取成功');
  });

  it('a members-first launch says for whom and until when, in both languages', async () => {
    const merchandiser = await loginStaff(t, 'merchandiser');
    const publicAt = new Date(t.clock.now().getTime() + 3 * 86_400_000);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/products/${p.productId}`, headers: merchandiser.auth, payload: { earlyAccess: { tiers: ['gold', 'platinum'], publicAt: publicAt.toISOString() } } });
    expect(res.statusCode, res.body).toBe(200);
    await t.settle();
    const zh = (await page(`/p/${slug}`)).body;
    expect(zh).toContain('会员抢先购');
    expect(zh).toContain('黄金会员、铂金会员可抢先购买');
    const en = (await page(`/en/p/${slug}`)).body;
    expect(en).toContain('Gold, Platinum members may buy it now');
    await t.app.inject({ method: 'PATCH', url: `/api/admin/products/${p.productId}`, headers: merchandiser.auth, payload: { earlyAccess: null } });
    await t.settle();
    expect((await page(`/p/${slug}`)).body).not.toContain('会员抢先购');
  });

  it('the claim centre redeems a typed code, and is in the sitemap', async () => {
    const tpl = await admin('POST', '/coupon-templates', { name: { 'zh-CN': '直播券', en: 'Live coupon' }, action: { kind: 'amountOff', amount: 500 }, validDays: 3, publicCode: 'LIVE888', listed: false });
    expect(tpl.statusCode, tpl.body).toBe(201);
    expect((await page('/coupons')).body).not.toContain('直播券');
    const shopper = await registerShopper(t);
    const res = await t.app.inject({
      method: 'POST', url: '/coupons', headers: { cookie: shopper.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ intent: 'redeem', code: 'live888' }).toString(),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.body).toContain('兑换成功');
    const mine = (await t.app.inject({ url: '/api/store/me/coupons', headers: shopper.auth })).json().items as Array<{ templateId: string }>;
    expect(mine.filter((c) => c.templateId === tpl.json().id)).toHaveLength(1);
    const sitemap = (await page('/sitemap.xml')).body;
    expect(sitemap).toContain('/coupons</loc>');
    expect(sitemap).toContain('/en/coupons</loc>');
  });
});

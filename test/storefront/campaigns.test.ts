import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { registerShopper } from '../support/customers.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { ensureStorefrontBuild } from './build.js';
import { form, FORM } from './browser.js';

const PUBLIC_URL = 'https://shop.example.com';
const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A campaign's landing page (routes/campaign.tsx) rendered on the server from its blocks, and the sitemap. */
describeEachBackend('storefront: campaign landing pages', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let operator: StaffLogin;
  let templateId: string;
  const slug = `sf-spring-${randomUUID().slice(0, 6)}`;
  let campaignId: string;
  const admin = (method: 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url: `/api/admin${url}`, headers: operator.auth, ...(payload ? { payload } : {}) });
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL });
    operator = await loginStaff(t, 'operator');
    p = await seedProduct(t, { slug: 'sf-campaign-earbuds', prices: [6000], stock: 50 });
    const tpl = await admin('POST', '/coupon-templates', { name: zhEn('春日立减券', 'Spring coupon'), action: { kind: 'amountOff', amount: 1000 }, validDays: 7 });
    templateId = tpl.json().id;
    const now = t.clock.now().getTime();
    const created = await admin('POST', '/campaigns', {
      slug,
      kind: 'holiday',
      name: zhEn('春日焕新节', 'Spring Refresh Festival'),
      summary: zhEn('精选好物限时直降', 'Selected goods, limited-time prices'),
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 3 * 86_400_000 + 3_600_000).toISOString(),
      blocks: [
        { kind: 'banner', title: zhEn('春日焕新节', 'Spring Refresh Festival'), subtitle: zhEn('全场低至 8 折', 'Up to 20% off'), imageId: null },
        { kind: 'countdown', title: zhEn('距活动结束', 'Time left') },
        { kind: 'text', body: zhEn('第一行说明\n第二行说明', 'First line\nSecond line') },
        { kind: 'products', title: zhEn('爆款推荐', 'Best sellers'), productIds: [p.productId] },
        { kind: 'coupons', title: zhEn('先领券', 'Claim first'), templateIds: [templateId] },
      ],
      channels: ['kol', 'shortVideo'],
    });
    expect(created.statusCode, created.body).toBe(201);
    campaignId = created.json().id;
  });
  afterAll(() => t?.close());

  it('is a 404 page while it is a draft, and for a slug nobody has', async () => {
    for (const url of [`/campaigns/${slug}`, `/en/campaigns/${slug}`, '/campaigns/no-such-campaign', '/campaigns/NOT%20A%20SLUG']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
    }
  });

  it('renders the published page on the server: banner, countdown, text, product cards, coupon claim buttons, SEO tags — in both languages', async () => {
    expect((await admin('POST', `/campaigns/${campaignId}/publish`)).statusCode).toBe(200);
    const zh = await get(`/campaigns/${slug}`);
    expect(zh.statusCode, zh.body.slice(0, 300)).toBe(200);
    const html = zh.body;
    expect(html).toMatch(/<title>春日焕新节 - 掌柜商城<\/title>/);
    expect(html).toContain('<meta name="description" content="精选好物限时直降"/>');
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC_URL}/campaigns/${slug}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="en" href="${PUBLIC_URL}/en/campaigns/${slug}"/>`);
    expect(html).toContain(`<link rel="alternate" hrefLang="x-default" href="${PUBLIC_URL}/campaigns/${slug}"/>`);
    expect(html).toMatch(/<h1>春日焕新节<\/h1>/);
    expect(html).toContain('全场低至 8 折');
    expect(html).toContain('火热进行中');
    // The countdown is rendered with the time left (3 days and just under an hour), to the end.
    expect(html).toMatch(/<h2>距活动结束<\/h2><p><time class="countdown" dateTime="[^"]+" aria-live="off">3 天 0:5\d:\d\d<\/time>/);
    expect(html).toMatch(/第一行说明(<!-- -->)?<\/span><span><br\/>(<!-- -->)?第二行说明/);
    expect(html).toContain('爆款推荐');
    expect(html).toContain('href="/p/sf-campaign-earbuds"');
    expect(html).toContain('无线蓝牙耳机');
    expect(html).toContain('先领券');
    expect(html).toContain(`name="templateId" value="${templateId}"`);
    expect(html).not.toMatch(/style="/); // the CSP forbids inline styles

    const en = await get(`/en/campaigns/${slug}`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toMatch(/<title>Spring Refresh Festival - /);
    expect(en.body).toContain(`<link rel="canonical" href="${PUBLIC_URL}/en/campaigns/${slug}"/>`);
    expect(en.body).toContain('Best sellers');
    expect(en.body).toContain('href="/en/p/sf-campaign-earbuds"');
    expect(en.body).toMatch(/<h2>Time left<\/h2><p><time[^>]*>3 days 0:5\d:\d\d<\/time>/);
  });

  it('remembers a tagged landing (sk_utm) and sends a guest who claims a coupon to sign in and back; a shopper claims it', async () => {
    const tagged = await get(`/campaigns/${slug}?utm_source=kol&utm_medium=influencer&utm_campaign=${slug}`);
    expect(tagged.statusCode).toBe(200);
    expect(String(tagged.headers['set-cookie'])).toMatch(/sk_utm=/);
    const guest = await t.app.inject({ method: 'POST', url: `/campaigns/${slug}`, headers: FORM, payload: form({ templateId }) });
    expect(guest.statusCode).toBe(302);
    expect(guest.headers.location).toBe(`/account/login?next=${encodeURIComponent(`/campaigns/${slug}`)}`);
    const shopper = await registerShopper(t);
    const claimed = await t.app.inject({ method: 'POST', url: `/campaigns/${slug}`, headers: { ...FORM, cookie: shopper.cookie }, payload: form({ templateId }) });
    expect(claimed.statusCode, claimed.body.slice(0, 300)).toBe(200);
    expect(claimed.body).toMatch(/已领取|领取成功/);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/store/me/coupons', headers: shopper.auth })).json().items;
    expect(mine.map((c: { templateId: string }) => c.templateId)).toEqual([templateId]);
  });

  it('is in the sitemap in both languages while published, and leaves it (and turns 404) when paused', async () => {
    const sitemap = async () => (await get('/sitemap.xml')).body;
    const before = await sitemap();
    expect(before).toContain(`<loc>${PUBLIC_URL}/campaigns/${slug}</loc>`);
    expect(before).toContain(`<loc>${PUBLIC_URL}/en/campaigns/${slug}</loc>`);
    expect(before).toContain(`hreflang="en" href="${PUBLIC_URL}/en/campaigns/${slug}"`);
    expect((await admin('POST', `/campaigns/${campaignId}/pause`)).statusCode).toBe(200);
    await t.settle();
    expect(await sitemap()).not.toContain(`/campaigns/${slug}`);
    expect((await get(`/campaigns/${slug}`)).statusCode).toBe(404);
  });
});

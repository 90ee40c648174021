import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, baseUrl, launch, newPerson, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, chooseVariant, payOnSandbox, pickProduct, signIn, staffAuth, STORE, summaryFigures, uniqueEmail, visible, type ProductPick } from './support/store.js';

const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

interface Report {
  totals: { orders: number; gmv: number; discount: number };
  byChannel: Array<{ channel: string; orders: number; gmv: number; discount: number; newCustomers: number }>;
}

/**
 * Issue 12's campaign journey, at 127.0.0.1 on a phone: a short-video link (utm_source=shortVideo)
 * opens a published campaign's landing page — banner with a picture, countdown, product grid and a
 * coupon block; the guest's claim sends them to sign in and back, they claim the coupon, buy a
 * product from the grid with it and pay; the campaign's report counts the order under shortVideo.
 */
describe('a short-video link leads to a campaign landing page, a coupon and an order attributed to the channel [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let pick: ProductPick;
  let template: { id: string };
  let campaign: { id: string; slug: string };
  let paidTotal = 0;
  const suffix = Math.random().toString(36).slice(2, 6);
  const slug = `spring-video-${suffix}`;
  const couponName = `活动立减5元-${suffix}`;
  const email = uniqueEmail('campaign');
  const password = 'campaign landing 1';
  const journey = new Journey('campaign-landing');
  const L = STORE['zh-CN'];
  const landing = `/campaigns/${slug}?utm_source=shortVideo&utm_medium=video&utm_campaign=${slug}`;

  beforeAll(async () => {
    pick = await pickProduct('毛巾', ['earbuds']).catch(() => pickProduct('保温杯', ['earbuds']));
    // A banner picture: an abstract spring gradient, uploaded to the media library like any image.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f7c5d0"/><stop offset="0.55" stop-color="#e9707f"/><stop offset="1" stop-color="#7fb77e"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/><circle cx="1250" cy="260" r="180" fill="#fff3" /><circle cx="1380" cy="520" r="110" fill="#fff5"/><circle cx="1120" cy="600" r="70" fill="#fff4"/></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const upload = await fetch(`${baseUrl()}/api/admin/media`, { method: 'POST', headers: { authorization: `Bearer ${await staffAuth()}`, 'content-type': 'image/png' }, body: png });
    expect(upload.status, await upload.clone().text()).toBeLessThan(300);
    const image = (await upload.json()) as { id: string };
    template = await adminApi<{ id: string }>('/api/admin/coupon-templates', {
      method: 'POST',
      body: { name: { 'zh-CN': couponName, en: `¥5 campaign coupon ${suffix}` }, action: { kind: 'amountOff', amount: 500 }, validDays: 7, totalQuantity: 100, perCustomerLimit: 1 },
    });
    const now = Date.now();
    campaign = await adminApi<{ id: string; slug: string }>('/api/admin/campaigns', {
      method: 'POST',
      body: {
        slug,
        kind: 'holiday',
        name: { 'zh-CN': '春日焕新节', en: 'Spring Refresh Festival' },
        summary: { 'zh-CN': '春日好物限时直降，先领券再下单', en: 'Spring finds at limited-time prices: claim a coupon, then shop' },
        startsAt: new Date(now - 86_400_000).toISOString(),
        endsAt: new Date(now + 5 * 86_400_000).toISOString(),
        blocks: [
          { kind: 'banner', title: { 'zh-CN': '春日焕新节', en: 'Spring Refresh Festival' }, subtitle: { 'zh-CN': '精选好物 · 领券立减', en: 'Selected goods · coupons inside' }, imageId: image.id },
          { kind: 'countdown', title: { 'zh-CN': '距活动结束', en: 'Time left' } },
          { kind: 'coupons', title: { 'zh-CN': '先领券', en: 'Claim first' }, templateIds: [template.id] },
          { kind: 'products', title: { 'zh-CN': '活动好物', en: 'On offer' }, productIds: [pick.productId] },
          { kind: 'text', body: { 'zh-CN': '活动期间每人限领一张优惠券。\n优惠券领取后 7 天内有效。', en: 'One coupon per shopper.\nValid for 7 days after claiming.' } },
        ],
        couponTemplateIds: [template.id],
        channels: ['shortVideo', 'kol'],
        budget: 20000,
      },
    });
    await adminApi(`/api/admin/campaigns/${campaign.id}/publish`, { method: 'POST' });
    const res = await fetch(`${baseUrl()}/api/store/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, name: '短视频买家' }) });
    const body = (await res.json()) as { token: string };
    const address = await fetch(`${baseUrl()}/api/store/me/addresses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ recipientName: '林视频', mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 8 号', isDefault: true }),
    });
    expect(address.status).toBe(201);
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'zh-CN', baseURL: baseUrl().replace('localhost', '127.0.0.1') }));
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (campaign) await adminApi(`/api/admin/campaigns/${campaign.id}/pause`, { method: 'POST' }).catch(() => {});
    if (template) await adminApi(`/api/admin/coupon-templates/${template.id}/pause`, { method: 'POST' }).catch(() => {});
    if (errors?.length) console.warn(`[campaign-landing] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('opens the landing page from the short-video link: banner with its picture, countdown, coupon and product grid', async () => {
    await page.goto(landing);
    await visible(page.getByRole('heading', { level: 1, name: '春日焕新节' }));
    expect(await page.locator('.campaign-banner img').getAttribute('src')).toMatch(/^\/media\//);
    await visible(page.getByText('火热进行中'));
    await visible(page.locator('time.countdown'));
    // The countdown ticks in the browser.
    const first = await page.locator('time.countdown').innerText();
    await expect.poll(() => page.locator('time.countdown').innerText(), { timeout: 5_000 }).not.toBe(first);
    await visible(page.getByRole('link', { name: pick.title['zh-CN'] }));
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'sk_utm')).toBeTruthy();
    await journey.axe(page, 'zh-CN/campaign');
  });

  it('a guest who claims is sent to sign in and comes back; then claims the coupon', async () => {
    await page.getByRole('button', { name: `领取 ${couponName}` }).click();
    await page.waitForURL(/\/account\/login\?next=/);
    await signIn(page, 'zh-CN', email, password);
    await page.waitForURL((u) => u.pathname === `/campaigns/${slug}`);
    await visible(page.getByRole('heading', { level: 1, name: '春日焕新节' }));
    await journey.shoot(page, 'landing');
    await page.getByRole('button', { name: `领取 ${couponName}` }).click();
    await visible(page.getByText(/领取成功，券码 [2-9A-Z]{12}/));
    await journey.shoot(page, 'coupon-claimed');
  });

  it('buys the product from the grid with the coupon and pays', async () => {
    await page.getByRole('link', { name: pick.title['zh-CN'] }).first().click();
    await page.waitForURL((u) => u.pathname === `/p/${pick.slug}`);
    await chooseVariant(page, 'zh-CN', pick);
    await page.getByRole('button', { name: L.addToCart, exact: true }).click();
    await visible(page.getByText(L.added));
    await page.goto('/checkout');
    await visible(page.getByRole('heading', { level: 1, name: L.checkoutHeading }));
    await page.getByRole('checkbox', { name: new RegExp(couponName) }).check();
    await page.waitForURL((u) => !!u.searchParams.get('coupons'));
    const summary = page.getByRole('complementary');
    await visible(summary.getByText(couponName));
    const figures = await summaryFigures(summary);
    const values = Object.values(figures);
    paidTotal = values[values.length - 1]!;
    expect(values).toContain(-500);
    await page.getByRole('button', { name: L.placeOrder }).click();
    await page.waitForURL(/\/orders\/\d+\/pay$/);
    await payOnSandbox(page, 'zh-CN', journey, paidTotal, 'succeeded');
    await visible(page.getByText(L.status.paid, { exact: true }), 20_000);
  });

  it('the campaign report counts the order under shortVideo, with the coupon as its discount', async () => {
    await expect
      .poll(async () => (await adminApi<Report>(`/api/admin/campaigns/${campaign.id}/report`)).byChannel.find((c) => c.channel === 'shortVideo'), { timeout: 20_000 })
      .toEqual({ channel: 'shortVideo', orders: 1, gmv: paidTotal, discount: 500, refunded: 0, newCustomers: 1 });
    const report = await adminApi<Report>(`/api/admin/campaigns/${campaign.id}/report`);
    expect(report.totals).toMatchObject({ orders: 1, gmv: paidTotal, discount: 500 });
  });

  it('keeps the landing page screenshots for the docs', () => {
    mkdirSync(DOCS, { recursive: true });
    for (const size of ['desktop', 'phone']) copyFileSync(join(journey.dir, `01-landing-${size}.png`), join(DOCS, `store-campaign-landing-${size}.png`));
  });

  it('accessibility: no serious or critical axe findings on the landing page', () => {
    journey.expectAccessible();
  });
});

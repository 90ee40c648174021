import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, SIZES, baseUrl, launch, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, antdText, pickProduct, signInToConsole, uniqueEmail, visible, type ProductPick } from './support/store.js';

interface CampaignView {
  id: string;
  slug: string;
  name: { 'zh-CN': string; en: string };
  startsAt: string;
  endsAt: string;
  status: string;
  blocks: Array<{ kind: string }>;
  links: Array<{ channel: string; url: string }>;
}
interface Report {
  totals: { orders: number; gmv: number; newCustomers: number };
  byChannel: Array<{ channel: string; orders: number; gmv: number }>;
}

/** YYYY-MM-DD of an instant in Beijing time (the e2e store's zone). */
const beijingDay = (at: string | number) => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A shopper who arrived through the campaign's KOL link buys one unit and pays, through the store
 * API (the storefront carries utm_* from the landing to the order the same way: docs/decisions/0033).
 */
async function paidOrderFrom(slug: string, product: ProductPick, source: string, medium: string): Promise<{ total: number }> {
  const call = async <T>(path: string, init: { method?: string; body?: unknown; token?: string; form?: string } = {}): Promise<T> => {
    const res = await fetch(`${baseUrl()}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' } : {}),
      },
      body: init.form ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const { token } = await call<{ token: string }>('/api/store/auth/register', { method: 'POST', body: { email: uniqueEmail('campaign'), password: 'campaign shopper 1', name: '活动买家' } });
  const { items: methods } = await call<{ items: Array<{ id: string; code: string }> }>('/api/store/shipping-methods');
  const order = await call<{ id: string; total: number }>('/api/store/orders', {
    method: 'POST', token,
    body: {
      items: [{ variantId: product.variant.id, quantity: 1 }],
      shippingMethodId: methods.find((m) => m.code === 'standard')!.id,
      address: { recipient: '王活动', mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 1 号' },
      utm: { source, medium, campaign: slug },
    },
  });
  const payment = await call<{ id: string }>(`/api/store/orders/${order.id}/payments`, { method: 'POST', token, body: { method: 'alipay' } });
  await call(`/pay/sandbox/${payment.id}/complete`, { method: 'POST', token, form: 'outcome=succeeded' });
  return order;
}

/**
 * Issue 12, the operator's campaign calendar at 127.0.0.1: create a campaign with a banner and a
 * product grid in 营销 → 活动, find it on the calendar next to a monthly member day, rename it and
 * move its window, publish it and copy its KOL link, then read its report once a paid order came
 * through that link; the same screens in English on a phone.
 */
describe('console: campaigns are planned on a calendar, edited, published and measured [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let product: ProductPick;
  let campaign: CampaignView;
  let memberDay: CampaignView;
  const journey = new Journey('console-campaigns');
  const stamp = Date.now().toString(36).slice(-5);
  const slug = `e2e-winter-${stamp}`;
  const nameZh = `冬季上新 ${stamp}`;
  const renamedZh = `暖冬节 ${stamp}`;
  const renamedEn = `Warm winter ${stamp}`;
  // The edited window: from three days ago to three days on (Beijing time), so it is live and the
  // report's days run from its start to today.
  const today = beijingDay(Date.now());
  const days = [-3, -2, -1, 0, 1, 2, 3].map((n) => plusDays(today, n));
  const month = days[0]!.slice(0, 7);
  const moved = { start: `${days[0]} 10:00`, end: `${days[6]} 22:00` };
  const main = () => page.getByRole('main');
  const block = (n: number) => page.locator('.ant-card').filter({ has: page.getByText(new RegExp(`^模块 ${n} · `)) });
  const dayCell = (p: Page, day: string) => p.locator(`td[title="${day}"]`);

  beforeAll(async () => {
    product = await pickProduct('毛巾');
    // A monthly member day on the 18th of every month from this month to two months on.
    const start = `${new Date().toISOString().slice(0, 7)}-01T00:00:00+08:00`;
    memberDay = await adminApi<CampaignView>('/api/admin/campaigns', {
      method: 'POST',
      body: {
        slug: `e2e-member-day-${stamp}`, kind: 'memberDay', name: { 'zh-CN': `会员日 ${stamp}`, en: `Member day ${stamp}` },
        startsAt: start, endsAt: new Date(Date.parse(start) + 92 * 86_400_000).toISOString(), recurrence: { monthDay: 18 }, channels: ['sms'],
      },
    });
    browser = await launch();
    context = await browser.newContext({ baseURL: baseUrl().replace('localhost', '127.0.0.1'), viewport: SIZES.desktop, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(45_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl().replace('localhost', '127.0.0.1') });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    // Nothing this journey made stays online in the shared store.
    for (const c of [campaign, memberDay]) if (c) await adminApi(`/api/admin/campaigns/${c.id}/pause`, { method: 'POST' }).catch(() => {});
    if (errors?.length) console.warn(`[console-campaigns] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('creates a campaign with a banner and a product grid from 营销 → 活动', async () => {
    await signInToConsole(page);
    // The side menu opens every group at first; a click on 营销 would close it then.
    const item = page.getByRole('menuitem', { name: '活动', exact: true });
    if (!(await item.isVisible())) await page.getByRole('menuitem', { name: '营销' }).click();
    await item.click();
    await visible(page.getByRole('heading', { level: 1, name: '活动' }));
    await page.getByRole('button', { name: /新建活动/ }).click();
    await visible(page.getByRole('heading', { level: 1, name: '新建活动' }));
    await page.getByLabel('链接标识（slug）', { exact: true }).fill(slug);
    await page.getByLabel('名称（中文）', { exact: true }).fill(nameZh);
    await page.getByLabel('名称（英文）', { exact: true }).fill(`Winter launch ${stamp}`);
    await page.getByLabel('一句话简介（中文）', { exact: true }).fill('新品保温杯首发，满额有礼');

    await page.getByRole('button', { name: '横幅' }).click();
    await block(1).getByLabel('标题（中文）', { exact: true }).fill('冬季新品 限时首发');
    await block(1).getByLabel('标题（英文）', { exact: true }).fill('New for winter');
    await page.getByRole('button', { name: '商品' }).click();
    const picker = block(2).getByLabel('商品', { exact: true });
    await picker.click();
    await picker.pressSequentially(product.title['zh-CN'].slice(0, 6), { delay: 40 });
    await page.locator('.ant-select-item-option').filter({ hasText: product.title['zh-CN'] }).first().click();
    await page.keyboard.press('Escape');
    await visible(block(2).locator('.ant-select-selection-item').filter({ hasText: product.title['zh-CN'] }));

    await page.getByLabel('预算（优惠以外的投放费用）', { exact: true }).fill('5000');
    await page.getByLabel('GMV 目标', { exact: true }).fill('20000');
    await page.getByLabel('订单目标', { exact: true }).fill('100');
    await page.getByRole('checkbox', { name: 'KOL', exact: true }).check();
    await page.getByRole('checkbox', { name: '短视频' }).check();
    await journey.shoot(page, 'campaign-form');
    await main().getByRole('button', { name: antdText('保存') }).first().click();
    await page.waitForURL(/\/admin\/marketing\/campaigns\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('heading', { level: 1, name: nameZh }));
    await visible(page.getByText('草稿', { exact: true }));
    campaign = await adminApi<CampaignView>(`/api/admin/campaigns/${page.url().split('/').pop()}`);
    expect(campaign).toMatchObject({ slug, status: 'draft', name: { 'zh-CN': nameZh } });
    expect(campaign.blocks.map((b) => b.kind)).toEqual(['banner', 'products']);
    expect(campaign.links.map((l) => l.channel).sort()).toEqual(['kol', 'shortVideo']);
    await visible(page.getByLabel('KOL', { exact: true }));
  });

  it('sees it on the calendar on every day it runs, beside the member day on the 18th', async () => {
    await page.getByRole('button', { name: '返回活动' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '活动' }));
    const startMonth = beijingDay(campaign.startsAt).slice(0, 7);
    await page.goto(`/admin/marketing/campaigns?month=${startMonth}`);
    const first = beijingDay(campaign.startsAt);
    await visible(dayCell(page, first).getByRole('link', { name: nameZh }));
    // Seven days from tomorrow: on the start day and the day before its end, not on the end day.
    await visible(dayCell(page, beijingDay(Date.parse(campaign.endsAt) - 1)).getByRole('link', { name: nameZh }));
    expect(await dayCell(page, beijingDay(campaign.endsAt)).getByRole('link', { name: nameZh }).count()).toBe(0);
    const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    await page.goto(`/admin/marketing/campaigns?month=${thisMonth}`);
    await visible(dayCell(page, `${thisMonth}-18`).getByRole('link', { name: `会员日 ${stamp}` }));
    expect(await dayCell(page, `${thisMonth}-17`).getByRole('link', { name: `会员日 ${stamp}` }).count()).toBe(0);
    await visible(page.getByText('每月 18 日').first());
    await journey.shoot(page, 'campaigns-calendar');
    await journey.axe(page, 'zh-CN/console-campaigns-calendar');
    await page.getByRole('tab', { name: '列表' }).click();
    const row = page.getByRole('row').filter({ hasText: nameZh });
    await visible(row.getByText('草稿', { exact: true }));
    await visible(row.getByText('节日', { exact: true }));
  });

  it('edits it: renames it and moves its window to start three days ago', async () => {
    await page.goto(`/admin/marketing/campaigns/${campaign.id}`);
    await visible(page.getByRole('heading', { level: 1, name: nameZh }));
    await page.getByLabel('名称（中文）', { exact: true }).fill(renamedZh);
    await page.getByLabel('名称（英文）', { exact: true }).fill(renamedEn);
    // The range picker as a person types in it: the start, 确定, then the end, 确定.
    const start = page.getByLabel('活动时间', { exact: true });
    const ok = page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: antdText('确定') });
    await start.click();
    await start.fill(moved.start);
    await expect.poll(() => start.inputValue()).toBe(moved.start);
    await ok.click();
    const end = page.getByPlaceholder('结束日期');
    await end.click();
    await end.fill(moved.end);
    // Typed values are taken on the picker's next render: wait for them (a loaded machine is slow).
    await expect.poll(() => end.inputValue()).toBe(moved.end);
    await ok.click();
    await expect.poll(async () => [await start.inputValue(), await end.inputValue()], { timeout: 10_000 }).toEqual([moved.start, moved.end]);
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    await main().getByRole('button', { name: antdText('保存') }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: renamedZh }));
    await visible(page.getByText('进行中', { exact: true }));
    campaign = await adminApi<CampaignView>(`/api/admin/campaigns/${campaign.id}`);
    expect(campaign.name).toEqual({ 'zh-CN': renamedZh, en: renamedEn });
    expect(campaign.startsAt).toBe(new Date(`${days[0]}T10:00:00+08:00`).toISOString());
    expect(campaign.endsAt).toBe(new Date(`${days[6]}T22:00:00+08:00`).toISOString());
    expect(campaign.blocks.map((b) => b.kind)).toEqual(['banner', 'products']);

    // Each day in its own month's view (the week may cross into the next month).
    let shown = '';
    const show = async (day: string) => {
      if (day.slice(0, 7) === shown) return;
      shown = day.slice(0, 7);
      await page.goto(`/admin/marketing/campaigns?month=${shown}`);
      await visible(page.getByRole('heading', { level: 1, name: '活动' }));
    };
    for (const d of days) {
      await show(d);
      await visible(dayCell(page, d).getByRole('link', { name: renamedZh }));
    }
    for (const d of [plusDays(days[0]!, -1), plusDays(days[6]!, 1)]) {
      await show(d);
      await visible(dayCell(page, d));
      expect(await dayCell(page, d).getByRole('link', { name: renamedZh }).count()).toBe(0);
    }
    await show(today);
    expect(await page.getByRole('link', { name: nameZh }).count()).toBe(0);
    // A name on the calendar opens the campaign.
    await dayCell(page, today).getByRole('link', { name: renamedZh }).click();
    await page.waitForURL(new RegExp(`/marketing/campaigns/${campaign.id}$`));
    await visible(page.getByRole('heading', { level: 1, name: renamedZh }));
  });

  it('publishes it and copies the KOL link', async () => {
    await page.getByRole('button', { name: /发\s?布/ }).click();
    await visible(page.getByText('已发布：落地页已上线'));
    await visible(page.getByText('已发布', { exact: true }).first());
    expect((await adminApi<CampaignView>(`/api/admin/campaigns/${campaign.id}`)).status).toBe('published');
    const landing = await fetch(`${baseUrl()}/api/store/campaigns/${slug}`);
    expect(landing.status).toBe(200);

    await page.getByRole('button', { name: '复制KOL链接' }).click();
    await visible(page.getByText('已复制KOL链接'));
    const copied = String(await page.evaluate('navigator.clipboard.readText()'));
    // Without PUBLIC_URL the API gives a path; the console copies it whole, on the host it is served at.
    expect(copied.startsWith(`${baseUrl().replace('localhost', '127.0.0.1')}/campaigns/${slug}?`)).toBe(true);
    const utm = new URL(copied).searchParams;
    expect([utm.get('utm_source'), utm.get('utm_medium'), utm.get('utm_campaign')]).toEqual(['kol', 'influencer', slug]);
    await journey.shoot(page, 'campaign-published');
    await journey.axe(page, 'zh-CN/console-campaign-form');
  });

  it('reads the report once orders paid through the KOL and short-video links', async () => {
    const order = await paidOrderFrom(slug, product, 'kol', 'influencer');
    const other = await paidOrderFrom(slug, product, 'shortVideo', 'video');
    await expect
      .poll(async () => (await adminApi<Report>(`/api/admin/campaigns/${campaign.id}/report`)).totals.orders, { timeout: 30_000, interval: 500 })
      .toBe(2);
    const report = await adminApi<Report>(`/api/admin/campaigns/${campaign.id}/report`);
    expect(report.totals).toMatchObject({ orders: 2, gmv: order.total + other.total, newCustomers: 2 });
    expect(report.byChannel).toEqual(expect.arrayContaining([
      expect.objectContaining({ channel: 'kol', orders: 1, gmv: order.total }),
      expect.objectContaining({ channel: 'shortVideo', orders: 1, gmv: other.total }),
    ]));

    await page.getByRole('button', { name: '效果' }).click();
    await visible(page.getByRole('heading', { level: 1, name: `${renamedZh} · 效果` }));
    const yuan = `¥${(order.total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    const row = page.getByRole('row').filter({ hasText: 'KOL' });
    await visible(row.getByText(yuan));
    await visible(page.getByRole('img', { name: '按渠道' }).locator('canvas'));
    await visible(page.getByRole('img', { name: '按天' }).locator('canvas'));
    await visible(page.getByRole('row').filter({ hasText: '短视频' }));
    const both = `¥${((order.total + other.total) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    await visible(page.getByText(`${both} / 目标 ¥20,000.00`));
    await visible(page.getByText('2 / 目标 100'));
    await page.mouse.move(0, 0); // not hovering the button that replaced 效果 under the pointer
    await journey.shoot(page, 'campaign-report');
    await journey.axe(page, 'zh-CN/console-campaign-report');
  });

  it('reads in English on a phone', async () => {
    const en = await browser.newContext({ baseURL: baseUrl().replace('localhost', '127.0.0.1'), viewport: SIZES.phone, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    en.setDefaultTimeout(45_000);
    const p = await en.newPage();
    await signInToConsole(p, 'en');
    await p.goto(`/admin/marketing/campaigns?month=${month}`);
    await visible(p.getByRole('heading', { level: 1, name: 'Campaigns' }));
    await visible(p.getByRole('link', { name: renamedEn }));
    await visible(p.getByText('Monthly on day 18').first());
    // On a phone the days carry dots; the names are in the list below the calendar.
    expect(await dayCell(p, days[0]!).locator('.sk-cal-dot').count()).toBeGreaterThan(0);
    const fits = async () => expect(await p.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(SIZES.phone.width);
    await fits();
    await journey.shoot(p, 'campaigns-en-phone');
    await journey.axe(p, 'en/console-campaigns-phone');
    await p.getByRole('link', { name: renamedEn }).click();
    await visible(p.getByRole('heading', { level: 1, name: renamedEn }));
    await visible(p.getByRole('button', { name: 'Copy the KOL link' }));
    await fits();
    await journey.shoot(p, 'campaign-form-en-phone');
    await journey.axe(p, 'en/console-campaign-form-phone');
    await p.getByRole('button', { name: 'Report' }).click();
    await visible(p.getByRole('heading', { level: 1, name: `${renamedEn} · report` }));
    await visible(p.getByRole('img', { name: 'By channel' }).locator('canvas'));
    await fits();
    await journey.shoot(p, 'campaign-report-en-phone');
    await journey.axe(p, 'en/console-campaign-report-phone');
    await en.close();
  });

  it('accessibility: no serious or critical axe violations on the campaign screens', () => {
    journey.expectAccessible();
  });
});

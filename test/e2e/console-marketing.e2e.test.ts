import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, SIZES, baseUrl, launch, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, antdText, signInToConsole, visible } from './support/store.js';

/**
 * Issue 12, the operator's side at 127.0.0.1: create a 满减 in 营销 → 促销活动 (for platinum members
 * only, so the other journeys sharing this store are not discounted), edit its amount, pause it;
 * create a coupon in 营销 → 优惠券 and see it claimable; then the screens in English.
 */
describe('console: promotions and coupons are created, edited and paused [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  const journey = new Journey('console-marketing');
  const stamp = Date.now().toString(36).slice(-4).toUpperCase();
  const promoZh = `铂金满减 ${stamp}`;
  const couponZh = `满100减20 ${stamp}`;
  const memberPriceZh = `会员价 ${stamp}`;
  const dialog = () => page.getByRole('dialog');

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ baseURL: baseUrl().replace('localhost', '127.0.0.1'), viewport: SIZES.desktop, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(45_000);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    // Nothing this journey made may keep applying to the shared store.
    const { items } = await adminApi<{ items: Array<{ id: string; name: { 'zh-CN': string }; status: string }> }>('/api/admin/promotions').catch(() => ({ items: [] }));
    for (const p of items.filter((x) => [promoZh, memberPriceZh].includes(x.name['zh-CN']) && x.status !== 'paused')) await adminApi(`/api/admin/promotions/${p.id}/pause`, { method: 'POST' }).catch(() => {});
    const templates = await adminApi<{ items: Array<{ id: string; name: { 'zh-CN': string } }> }>('/api/admin/coupon-templates').catch(() => ({ items: [] }));
    for (const c of templates.items.filter((x) => x.name['zh-CN'] === couponZh)) await adminApi(`/api/admin/coupon-templates/${c.id}/pause`, { method: 'POST' }).catch(() => {});
    if (errors?.length) console.warn(`[console-marketing] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('creates a 满减 for platinum members from 营销 → 促销活动', async () => {
    await signInToConsole(page);
    // The menu's groups start open: 营销 is pressed only when its items are hidden (pressing it would close it).
    const item = page.getByRole('menuitem', { name: '促销活动' });
    if (!(await item.isVisible())) await page.getByRole('menuitem', { name: '营销' }).click();
    await item.click();
    await visible(page.getByRole('heading', { level: 1, name: '促销活动' }));
    await page.getByRole('button', { name: /新建促销/ }).click();
    await dialog().getByLabel('中文名称').fill(promoZh);
    await dialog().getByLabel('英文名称').fill(`Platinum saver ${stamp}`);
    await dialog().getByLabel('门槛金额（留空为无门槛）').fill('300');
    await dialog().getByLabel('减免金额').fill('40');
    await dialog().getByLabel('会员等级').click();
    await page.getByTitle('铂金会员').click();
    await journey.shoot(page, 'promotion-form');
    await dialog().getByRole('button', { name: antdText('保存') }).click();
    const row = page.getByRole('row').filter({ hasText: promoZh });
    await visible(row.getByText('满¥300减¥40'));
    await visible(row.getByText('进行中'));
  });

  it('edits its amount and pauses it', async () => {
    const row = page.getByRole('row').filter({ hasText: promoZh });
    await row.getByRole('button', { name: /编\s?辑/ }).click();
    await expect(dialog().getByLabel('减免金额').inputValue()).resolves.toBe('40.00');
    await dialog().getByLabel('减免金额').fill('50');
    await dialog().getByRole('button', { name: antdText('保存') }).click();
    await visible(row.getByText('满¥300减¥50'));
    await row.getByRole('button', { name: antdText('暂停') }).click();
    await visible(row.getByText('已暂停'));
    await journey.shoot(page, 'promotions-list');
  });

  it('creates a 会员价 (percent off per tier) and edits it; it is paused at once so other journeys are not discounted', async () => {
    await page.getByRole('button', { name: /新建促销/ }).click();
    await dialog().getByLabel('中文名称').fill(memberPriceZh);
    await dialog().getByLabel('英文名称').fill(`Member price ${stamp}`);
    await dialog().getByLabel('类型').click();
    await page.getByTitle('会员价').click();
    await dialog().getByLabel('铂金会员 %').fill('12');
    await dialog().getByRole('button', { name: antdText('保存') }).click();
    const row = page.getByRole('row').filter({ hasText: memberPriceZh });
    await visible(row.getByText('会员价'));
    await row.getByRole('button', { name: antdText('暂停') }).click();
    await visible(row.getByText('已暂停'));
    await row.getByRole('button', { name: /编\s?辑/ }).click();
    await expect(dialog().getByLabel('铂金会员 %').inputValue()).resolves.toBe('12');
    await dialog().getByLabel('黄金会员 %').fill('5');
    await dialog().getByRole('button', { name: antdText('保存') }).click();
    await expect
      .poll(async () => {
        const { items } = await adminApi<{ items: Array<{ name: { 'zh-CN': string }; action: { tiers?: Array<{ tier: string; percentOff?: number }> } }> }>('/api/admin/promotions');
        return [...(items.find((x) => x.name['zh-CN'] === memberPriceZh)?.action.tiers ?? [])].sort((a, b) => a.tier.localeCompare(b.tier));
      })
      .toEqual([{ tier: 'gold', percentOff: 5 }, { tier: 'platinum', percentOff: 12 }]);
  });

  it('creates a coupon in 营销 → 优惠券 and shoppers can claim it', async () => {
    await page.getByRole('menuitem', { name: '优惠券' }).click();
    await visible(page.getByRole('heading', { level: 1, name: '优惠券' }));
    await page.getByRole('button', { name: /新建优惠券/ }).click();
    await dialog().getByLabel('中文名称').fill(couponZh);
    await dialog().getByLabel('英文名称').fill(`¥20 off ¥100 ${stamp}`);
    await dialog().getByLabel('面额').fill('20');
    await dialog().getByLabel('使用门槛（留空为无门槛）').fill('100');
    await dialog().getByLabel('发放总量').fill('50');
    await dialog().getByRole('button', { name: antdText('保存') }).click();
    const row = page.getByRole('row').filter({ hasText: couponZh });
    await visible(row.getByText('0 / 50'));
    await visible(row.getByText('发放中'));
    await journey.shoot(page, 'coupons-list');
    const claimable = await fetch(`${baseUrl()}/api/store/coupons/claimable`).then((r) => r.json() as Promise<{ items: Array<{ name: { 'zh-CN': string }; left: number }> }>);
    expect(claimable.items.find((c) => c.name['zh-CN'] === couponZh)).toMatchObject({ left: 50 });
  });

  it('edits the coupon (a larger total, a public code), makes redeem codes and downloads them, issues one to a shopper by email', async () => {
    const row = page.getByRole('row').filter({ hasText: couponZh });
    await row.getByRole('button', { name: antdText('编辑') }).click();
    await visible(dialog().getByText('券已发出后', { exact: false }));
    await dialog().getByLabel('发放总量').fill('80');
    await dialog().getByLabel('公开券码（可选）').fill(`vip${stamp}`);
    await dialog().getByRole('button', { name: antdText('保存') }).click();
    await visible(row.getByText('0 / 80'));
    await visible(row.getByText(`VIP${stamp}`));

    // 兑换码: a batch of 20, downloaded as CSV.
    await row.getByRole('button', { name: `更多 ${couponZh}` }).click();
    await page.getByRole('menuitem', { name: '兑换码' }).click();
    await dialog().getByLabel('本批数量').fill('20');
    await dialog().getByRole('button', { name: antdText('生成一批') }).click();
    const batchRow = dialog().getByRole('row').filter({ hasText: '20' }).first();
    await visible(batchRow);
    await journey.shoot(page, 'coupon-redeem-codes');
    const [download] = await Promise.all([page.waitForEvent('download'), batchRow.getByRole('button', { name: /下载 CSV/ }).click()]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', reject);
      }, reject);
    });
    const codes = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((r) => r.split(',')[0]);
    expect(codes).toHaveLength(20);
    await page.keyboard.press('Escape');

    // 定向发券 to a shopper named by email: they hold one.
    const email = `e2e-issue-${stamp.toLowerCase()}@example.com`;
    const reg = await fetch(`${baseUrl()}/api/store/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'issue a coupon 1' }) });
    const { token } = (await reg.json()) as { token: string };
    await row.getByRole('button', { name: antdText('定向发券') }).click();
    await dialog().getByLabel('手机号或邮箱，每行一个（最多 20,000 个）').fill(`${email}\nnobody-${stamp}@example.com`);
    await journey.shoot(page, 'coupon-issue');
    await dialog().getByRole('button', { name: antdText('定向发券') }).click();
    await visible(page.getByText('已发放 1 张；1 个未找到', { exact: false }));
    const mine = await fetch(`${baseUrl()}/api/store/me/coupons`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ items: Array<{ name: { 'zh-CN': string } }> }>);
    expect(mine.items.filter((c) => c.name['zh-CN'] === couponZh)).toHaveLength(1);
    await visible(row.getByText('1 / 80'));
  });

  it('a customer’s page shows their tier and points; staff add points with a reason', async () => {
    const email = `e2e-loyalty-${stamp.toLowerCase()}@example.com`;
    const res = await fetch(`${baseUrl()}/api/store/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'loyalty card 1', name: `积分客户${stamp}` }) });
    const { customer } = (await res.json()) as { customer: { id: string } };
    await page.goto(`/admin/customers/${customer.id}`);
    const card = page.locator('.ant-card').filter({ has: page.getByText('会员与积分', { exact: true }) });
    await visible(card.getByText('普通会员'));
    await card.getByRole('button', { name: antdText('调整积分') }).click();
    await dialog().getByLabel('积分', { exact: true }).fill('200');
    await dialog().getByLabel('原因（写入积分明细和操作日志）').fill('补偿物流延误');
    await dialog().getByRole('button', { name: antdText('保存') }).click();
    await visible(card.getByText('人工调整 · 补偿物流延误'));
    const points = await adminApi<{ balance: number }>(`/api/admin/customers/${customer.id}/points`);
    expect(points.balance).toBe(200);
    await journey.shoot(page, 'customer-loyalty');
  });

  it('changes the daily check-in points in 营销 → 会员与积分', async () => {
    const before = await adminApi<Record<string, unknown>>('/api/admin/points/policy');
    try {
      await page.getByRole('menuitem', { name: '会员与积分' }).click();
      await visible(page.getByRole('heading', { level: 1, name: '会员与积分' }));
      await visible(page.getByText('等级 4'));
      const pointsCard = page.locator('.ant-card').filter({ has: page.getByText('积分规则', { exact: true }) });
      await pointsCard.getByLabel('每日签到积分').fill('6');
      await pointsCard.getByRole('button', { name: antdText('保存') }).click();
      await expect.poll(async () => (await adminApi<{ checkIn: number }>('/api/admin/points/policy')).checkIn).toBe(6);
      await journey.shoot(page, 'loyalty-settings');
    } finally {
      await adminApi('/api/admin/points/policy', { method: 'PUT', body: before });
    }
  });

  it('reads in English on a phone', async () => {
    const en = await browser.newContext({ baseURL: baseUrl().replace('localhost', '127.0.0.1'), viewport: SIZES.phone, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
    en.setDefaultTimeout(45_000);
    const p = await en.newPage();
    await signInToConsole(p, 'en');
    await p.goto('/admin/marketing/promotions');
    await visible(p.getByRole('heading', { level: 1, name: 'Promotions' }));
    const row = p.getByRole('row').filter({ hasText: `Platinum saver ${stamp}` });
    await visible(row.getByText('Paused'));
    await journey.shoot(p, 'promotions-en');
    await p.goto('/admin/marketing/coupons');
    await visible(p.getByRole('heading', { level: 1, name: 'Coupons' }));
    await visible(p.getByRole('row').filter({ hasText: `¥20 off ¥100 ${stamp}` }).getByText('Claimable'));
    await journey.shoot(p, 'coupons-en');
    await en.close();
  });
});

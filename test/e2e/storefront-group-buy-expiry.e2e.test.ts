import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/harness.js';
import { payOrder } from '../support/paid-orders.js';
import { loginStaff } from '../support/staff.js';
import { EXPIRE_GROUP_BUY_TEAMS_JOB } from '../../src/modules/marketing/index.js';
import { productImageUrl } from '../../src/demo/images.js';
import { Journey, SCREENSHOTS, launch, newPerson, settled, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { uniqueEmail, visible, yuan } from './support/store.js';

const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const DOC_SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;
const MINUTE = 60_000;

interface Shopper {
  email: string;
  password: string;
  auth: Record<string, string>;
  addressId: string;
}

/**
 * Issue 13's shopper side of a team that does not fill, on a store whose clock the test holds (the
 * full app with the built storefront on an empty PGlite database — the shared demo store's clock is
 * the machine's, and a team's time limit is an hour at least): a 3-person offer is found from the
 * product page, a listing card, the home page and the sitemap; leader A and member B pay (through the
 * API); B finds the team under 我的拼团 (forming, 还差 1 人, the countdown, paid) and leaves it (退团,
 * asked first), refunded in full; A, the leader, may not leave; an hour passes, the expiry job
 * (`marketing.group-buys.expire`) fails the team and refunds A, and A sees it on the team page
 * (拼团失败，已退款), under 我的拼团 and on the order (已退款, with its link to the team).
 */
describe('a group buy team that expires unfilled: found, left (退团) and refunded, as the shopper sees it [chromium]', () => {
  stopAfterFirstFailure();
  let t: TestApp;
  let base = '';
  let browser: Browser;
  let a: { context: BrowserContext; page: Page };
  let b: { context: BrowserContext; page: Page };
  let errors: string[];
  let activityId = '';
  let teamId = '';
  let slug = '';
  let categorySlug = '';
  let leaderOrder = { id: '', total: 0 };
  let memberOrder = { id: '', total: 0 };
  const PRICE = 12900;
  const GROUP_PRICE = 8900;
  const LEADER_DISCOUNT = 500;
  const journey = new Journey('storefront-group-buy-expiry');
  const leader: Shopper = { email: uniqueEmail('gb-leader'), password: 'group buy leader 1', auth: {}, addressId: '' };
  const member: Shopper = { email: uniqueEmail('gb-member'), password: 'group buy member 1', auth: {}, addressId: '' };

  /** docs/screenshots/storefront-group-buy-<name>-<phone|desktop>.png (and a copy beside the journey's own shots). */
  async function docs(p: Page, name: string): Promise<void> {
    const original = p.viewportSize()!;
    for (const dir of [DOCS, join(SCREENSHOTS, journey.name)]) mkdirSync(dir, { recursive: true });
    for (const [size, viewport] of Object.entries(DOC_SIZES)) {
      await p.setViewportSize(viewport);
      await settled(p);
      const file = `storefront-group-buy-${name}-${size}.png`;
      const shot = await p.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
      for (const dir of [DOCS, join(SCREENSHOTS, journey.name)]) writeFileSync(join(dir, file), shot);
    }
    await p.setViewportSize(original);
    await settled(p);
  }

  async function register(s: Shopper, name: string, mobile: string, n: number): Promise<void> {
    const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', remoteAddress: `10.6.0.${n}`, payload: { email: s.email, password: s.password, name } });
    expect(res.statusCode, res.body).toBe(201);
    s.auth = { authorization: `Bearer ${res.json().token}` };
    const saved = await t.app.inject({
      method: 'POST', url: '/api/store/me/addresses', headers: s.auth,
      payload: { recipientName: name, mobile, provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 8 号', isDefault: true },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    s.addressId = saved.json().id;
  }

  /** A seat taken through the store API and paid on the sandbox (the browser journey of paying is storefront-group-buy's). */
  async function paidSeat(s: Shopper, url: string, variantId: string) {
    const res = await t.app.inject({ method: 'POST', url: `/api/store${url}`, headers: s.auth, payload: { variantId, quantity: 1, addressId: s.addressId } });
    expect(res.statusCode, res.body).toBe(201);
    const order = { id: res.json().orderId as string, total: res.json().total as number };
    await payOrder(t, s.auth, order);
    await t.settle();
    return { ...order, teamId: res.json().teamId as string };
  }

  async function signInAs(p: Page, s: Shopper, next: string): Promise<void> {
    await p.goto(`/account/login?next=${encodeURIComponent(next)}`);
    await p.getByLabel('邮箱或手机号').fill(s.email);
    await p.getByLabel('密码', { exact: true }).fill(s.password);
    await p.getByRole('button', { name: '登录', exact: true }).click();
    await p.waitForURL((u) => u.pathname === next);
  }

  beforeAll(async () => {
    t = await startTestApp({ name: 'pglite' });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // A product with a picture (the demo's kind: an inline SVG), so the shots look like a shop.
    const product = await t.k.db.transaction(async () => {
      const c = t.services.catalog;
      const cat = await c.createCategory({ slug: 'drinkware', name: { 'zh-CN': '水杯水壶', en: 'Drinkware' }, parentId: null, position: 0 });
      categorySlug = cat.slug;
      const image = { url: productImageUrl(18, 0.4, '杯', 'THERMOS'), width: 800, height: 800, alt: { 'zh-CN': '真空保温杯', en: 'Vacuum flask' } };
      const p = await c.createProduct({
        slug: 'vacuum-flask-500', title: { 'zh-CN': '真空保温杯 500ml', en: 'Vacuum flask 500 ml' }, categoryId: cat.id, brandId: null, status: 'active',
        privateLabel: false, exclusive: false, tags: [], attributes: [], options: [], images: [image],
        variants: [{ sku: 'FLASK-500', optionValues: {}, price: PRICE, weightGrams: 400, active: true }],
      });
      const warehouseId = await t.services.inventory.ensureDefaultWarehouse();
      await t.services.inventory.adjust({ variantId: p.variants[0].id, warehouseId, delta: 30, reason: 'receipt' });
      return p;
    });
    slug = product.slug;
    const operator = await loginStaff(t, 'operator');
    const created = await t.app.inject({
      method: 'POST', url: '/api/admin/group-buys', headers: operator.auth,
      payload: { name: { 'zh-CN': '保温杯三人团', en: 'Flask team of three' }, productId: product.id, variants: [{ variantId: product.variants[0].id, groupPrice: GROUP_PRICE }], teamSize: 3, timeLimitMinutes: 60, leaderDiscount: LEADER_DISCOUNT },
    });
    expect(created.statusCode, created.body).toBe(201);
    activityId = created.json().id;
    await t.k.recurring.sync();
    await register(leader, '林开团', '13800138031', 1);
    await register(member, '赵参团', '13800138032', 2);
    const opened = await paidSeat(leader, `/group-buys/${activityId}/teams`, product.variants[0].id);
    teamId = opened.teamId;
    leaderOrder = opened;
    memberOrder = await paidSeat(member, `/group-buys/teams/${teamId}/join`, product.variants[0].id);
    expect(leaderOrder.total).toBe(GROUP_PRICE - LEADER_DISCOUNT + 1000); // the leader's price, plus ¥10 shipping (free from ¥99)
    expect(memberOrder.total).toBe(GROUP_PRICE + 1000);
    browser = await launch();
    a = await newPerson(browser, { size: 'phone', locale: 'zh-CN', baseURL: base });
    b = await newPerson(browser, { size: 'desktop', locale: 'zh-CN', baseURL: base });
    errors = [...watchErrors(a.page), ...watchErrors(b.page)];
  }, 120_000);
  afterAll(async () => {
    if (errors?.length) console.warn(`[storefront-group-buy-expiry] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
    await t?.close();
  });

  it('the offer is found from the product page, a category card, the home page and the sitemap', async () => {
    const { page } = a;
    await page.goto(`/p/${slug}`);
    const line = page.locator('a.group-offer');
    await visible(line);
    expect((await line.innerText()).replace(/\s+/g, '')).toBe(`拼团${yuan(GROUP_PRICE)}3人团去拼团`);
    await journey.axe(page, 'zh-CN/product-group-buy');
    await docs(page, 'product-badge');
    await line.click();
    await page.waitForURL((u) => u.pathname === `/group-buys/${activityId}`);
    await visible(page.getByRole('heading', { level: 1, name: '真空保温杯 500ml' }));
    // The offer's page is for search engines too: its canonical address, no noindex.
    expect(new URL((await page.locator('link[rel=canonical]').getAttribute('href'))!).pathname).toBe(`/group-buys/${activityId}`);
    expect(await page.locator('meta[name=robots]').count()).toBe(0);

    await page.goto(`/c/${categorySlug}`);
    const card = page.locator('li.card').filter({ hasText: '真空保温杯 500ml' });
    expect(await card.locator('a.group-badge').getAttribute('href')).toBe(`/group-buys/${activityId}`);

    await page.goto('/');
    const block = page.getByRole('region', { name: '拼团' });
    await visible(block);
    await visible(block.getByText('真空保温杯 500ml'));
    await visible(block.getByText(yuan(GROUP_PRICE), { exact: true }));
    await visible(block.locator('s', { hasText: yuan(PRICE) }));
    await journey.axe(page, 'zh-CN/home-group-buy');
    await docs(page, 'home');

    const sitemap = await (await page.request.get('/sitemap.xml')).text();
    // Absolute addresses from PUBLIC_URL (this store's default, not the address browsed at).
    expect(sitemap).toMatch(new RegExp(`<loc>https?://[^<]+/group-buys/${activityId}</loc>`));
    expect(sitemap).toMatch(new RegExp(`<loc>https?://[^<]+/en/group-buys/${activityId}</loc>`));
  });

  it('B finds the team under 我的拼团 from the account page: forming, 还差 1 人, the countdown, paid — and leaves it (退团), asked first, refunded in full', async () => {
    const { page } = b;
    await signInAs(page, member, '/account');
    await page.getByRole('link', { name: '我的拼团' }).click();
    await page.waitForURL((u) => u.pathname === '/account/group-buys');
    await visible(page.getByRole('heading', { level: 1, name: '我的拼团' }));
    const row = page.locator('li.my-team').first();
    await visible(row.getByText('拼团中', { exact: true }));
    await visible(row.getByText('还差 1 人'));
    await visible(row.getByText(`已付款 ${yuan(memberOrder.total)}`));
    const clock = row.locator('time.countdown');
    const first = await clock.innerText();
    expect(first).toMatch(/^00:5\d:\d{2}$/);
    await expect.poll(() => clock.innerText(), { timeout: 5_000 }).not.toBe(first);
    expect(await row.getByRole('link', { name: '查看团详情' }).getAttribute('href')).toBe(`/group-buys/teams/${teamId}`);
    await journey.axe(page, 'zh-CN/my-group-buys');
    await docs(page, 'my-teams');

    await row.getByRole('link', { name: '退团', exact: true }).click();
    await visible(row.getByText(`退团后，已付的 ${yuan(memberOrder.total)} 将全额原路退回，你的名额会让给其他人。确定退团吗？`));
    // Not yet: 再想想 leaves everything as it was.
    await row.getByRole('link', { name: '再想想' }).click();
    await expect.poll(() => row.getByRole('button', { name: '确认退团' }).count()).toBe(0);

    // The team page knows B is in (from 我的拼团, not from this browser) and offers 退团 too, asked on 我的拼团.
    await row.getByRole('link', { name: '查看团详情' }).click();
    await page.waitForURL((u) => u.pathname === `/group-buys/teams/${teamId}`);
    await visible(page.getByText('你已在团中，把链接发给好友，凑满就成团。'));
    expect(await page.getByRole('button', { name: '参团', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: '退团', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/account/group-buys' && u.searchParams.get('leave') === teamId);
    await visible(row.getByRole('button', { name: '确认退团' }));
    await journey.axe(page, 'zh-CN/my-group-buys-leave');
    await docs(page, 'leave-confirm');
    await row.getByRole('button', { name: '确认退团' }).click();
    // Told at once; the provider's answer may still be on its way (the outbox sends it).
    await visible(page.getByText(new RegExp(`^已退团，${yuan(memberOrder.total).replace(/[.$]/g, '\\$&')} (已全额退款|退款已发起)，将原路退回。$`)));
    await visible(row.getByText('已退出', { exact: true }));
    expect(await row.getByRole('link', { name: '退团', exact: true }).count()).toBe(0);
    expect(await row.locator('time.countdown').count()).toBe(0);
    await docs(page, 'left');
    // The provider's answer lands: the seat reads refunded, the order too.
    await t.settle();
    await page.reload();
    await visible(row.getByText(`已退款 ${yuan(memberOrder.total)}`));
    const order = (await t.app.inject({ url: `/api/store/orders/${memberOrder.id}`, headers: member.auth })).json();
    expect(order.refundedAmount).toBe(memberOrder.total);
    // Out of the team: its page offers B a seat again.
    await page.goto(`/group-buys/teams/${teamId}`);
    await visible(page.getByRole('button', { name: '参团', exact: true }));
  });

  it('A, the leader, sees the team with 团长 and two seats to fill, and no 退团', async () => {
    const { page } = a;
    await signInAs(page, leader, '/account/group-buys');
    const row = page.locator('li.my-team').first();
    await visible(row.getByText('团长', { exact: true }));
    await visible(row.getByText('还差 2 人'));
    await visible(row.getByText('团长不能退团；到时未成团将自动全额退款。'));
    expect(await row.getByRole('link', { name: '退团', exact: true }).count()).toBe(0);
  });

  it('an hour passes: the expiry job fails the team and refunds A — the team page, 我的拼团 and the order say so', async () => {
    const { page } = a;
    t.clock.advance(61 * MINUTE);
    expect(await t.k.recurring.runOne(EXPIRE_GROUP_BUY_TEAMS_JOB)).toBe(true);
    await t.settle();
    await page.goto('/account/group-buys');
    const row = page.locator('li.my-team').first();
    await visible(row.getByText('拼团失败', { exact: true }));
    await visible(row.getByText(`已退款 ${yuan(leaderOrder.total)}`));
    await visible(row.getByText(/^截止于 /));
    await row.getByRole('link', { name: '查看团详情' }).click();
    await page.waitForURL((u) => u.pathname === `/group-buys/teams/${teamId}`);
    await visible(page.getByText('拼团失败，已退款。款项将原路退回。'));
    expect(await page.getByRole('button', { name: '参团', exact: true }).count()).toBe(0);
    await visible(page.getByRole('link', { name: '我也开一个团' }));
    await journey.axe(page, 'zh-CN/group-team-failed');
    await docs(page, 'team-failed');

    await page.goto('/account/group-buys');
    await page.locator('li.my-team').first().getByRole('link', { name: '查看订单' }).click();
    await page.waitForURL((u) => u.pathname === `/orders/${leaderOrder.id}`);
    await visible(page.getByRole('heading', { level: 1, name: '订单详情' }));
    await visible(page.locator('.order-status .status', { hasText: '已退款' }));
    await visible(page.getByText('拼团订单: 拼团失败'));
    const refunded = page.locator('dl.summary > div').filter({ hasText: '已退款' });
    expect((await refunded.locator('dd').innerText()).trim()).toBe(yuan(leaderOrder.total));
    await journey.axe(page, 'zh-CN/order-group-refunded');
    await docs(page, 'order-refunded');
    await page.getByRole('link', { name: '查看拼团' }).click();
    await page.waitForURL((u) => u.pathname === `/group-buys/teams/${teamId}`);
  });

  it('reads the same in English', async () => {
    const { page } = a;
    await page.goto('/en/account/group-buys');
    await visible(page.getByRole('heading', { level: 1, name: 'My group buys' }));
    const row = page.locator('li.my-team').first();
    await visible(row.getByText('Team did not fill', { exact: true }));
    await visible(row.getByText(`Refunded ${yuan(leaderOrder.total)}`));
    await journey.axe(page, 'en/my-group-buys');
    await page.goto(`/en/orders/${leaderOrder.id}`);
    await visible(page.getByText('Group buy order: Team did not fill'));
    await visible(page.getByRole('link', { name: 'See the team' }));
    await page.goto(`/en/p/${slug}`);
    expect((await page.locator('a.group-offer').innerText()).replace(/\s+/g, '')).toBe(`Groupbuy${yuan(GROUP_PRICE)}Teamof3Teamup`);
    await journey.axe(page, 'en/product-group-buy');
  });

  it('accessibility: the pages visited have no serious or critical axe violations', () => {
    journey.expectAccessible();
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, SCREENSHOTS, baseUrl, launch, newPerson, settled, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, payOnSandbox, pickProduct, receiveStock, signIn, STORE, uniqueEmail, visible, yuan, type ProductPick } from './support/store.js';

const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const DOC_SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;
const LOOPBACK = () => baseUrl().replace('localhost', '127.0.0.1');

interface Activity { id: string }
interface TeamView { id: string; state: string; seatsLeft: number; sharePath: string }

/** A shopper with a default address, registered through the store API. */
async function shopper(email: string, password: string, name: string, mobile: string): Promise<void> {
  const res = await fetch(`${baseUrl()}/api/store/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, name }) });
  expect(res.status).toBe(201);
  const { token } = (await res.json()) as { token: string };
  const address = await fetch(`${baseUrl()}/api/store/me/addresses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ recipientName: name, mobile, provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 8 号', isDefault: true }),
  });
  expect(address.status).toBe(201);
}

/**
 * Issue 13's group buy journey at 127.0.0.1: staff create a 2-person group buy for a demo SKU;
 * shopper A (phone) opens the activity page, signs in, opens a team (开团) and pays it on the sandbox;
 * A finds the team on the activity page and its share link; shopper B (desktop) opens that link, sees
 * one seat left with the countdown, signs in, joins (参团) and pays; the team page says 拼团成功.
 */
describe('a 2-person group buy: open, share, join, filled [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let a: Page;
  let b: Page;
  let errors: string[][];
  let pick: ProductPick;
  let activity: Activity;
  let groupPrice = 0;
  let shareLink = '';
  const stamp = Date.now().toString(36).slice(-5);
  const names = { 'zh-CN': `双人拼团 ${stamp}`, en: `Team of two ${stamp}` };
  const password = 'group buy journey 1';
  const emailA = uniqueEmail('group-a');
  const emailB = uniqueEmail('group-b');
  const journey = new Journey('storefront-group-buy');
  const L = STORE['zh-CN'];

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

  async function payHere(p: Page, price: number): Promise<void> {
    await p.waitForURL(/\/orders\/\d+\/pay$/, { timeout: 30_000 });
    await visible(p.getByRole('heading', { level: 1, name: L.payHeading }));
    const line = p.locator('dl.summary > div').filter({ hasText: `${pick.title['zh-CN']} × 1` });
    expect((await line.locator('dd').innerText()).trim()).toBe(yuan(price));
    const total = Math.round(Number((await p.locator('dl.summary .total dd').innerText()).replace(/[¥,]/g, '')) * 100);
    await payOnSandbox(p, 'zh-CN', journey, total, 'succeeded');
    await visible(p.getByText(L.status.paid, { exact: true }), 20_000);
  }

  beforeAll(async () => {
    pick = await pickProduct('电热水壶').catch(() => pickProduct('空气炸锅'));
    await receiveStock(pick.productId, pick.variant.id, 10);
    await shopper(emailA, password, '林开团', '13800138021');
    await shopper(emailB, password, '赵参团', '13800138022');
    groupPrice = Math.max(1, Math.floor(pick.variant.price / 200) * 100 - 1);
    activity = await adminApi<Activity>('/api/admin/group-buys', {
      method: 'POST',
      body: { name: names, productId: pick.productId, variants: [{ variantId: pick.variant.id, groupPrice }], teamSize: 2, timeLimitMinutes: 60 },
    });
    browser = await launch();
    ({ page: a } = await newPerson(browser, { size: 'phone', locale: 'zh-CN', baseURL: LOOPBACK() }));
    ({ page: b } = await newPerson(browser, { size: 'desktop', locale: 'zh-CN', baseURL: LOOPBACK() }));
    errors = [watchErrors(a), watchErrors(b)];
  });
  afterAll(async () => {
    const seen = errors?.flat() ?? [];
    if (seen.length) console.warn(`[storefront-group-buy] browser errors:\n  ${seen.join('\n  ')}`);
    await browser?.close();
  });

  it('shopper A sees the group buy: group price against the struck price, 2人团, and signs in to open a team', async () => {
    await a.goto(`/group-buys/${activity.id}`);
    await visible(a.getByRole('heading', { level: 1, name: pick.title['zh-CN'] }));
    await visible(a.getByText('2人团', { exact: true }));
    await visible(a.getByText(yuan(groupPrice), { exact: true }));
    await visible(a.locator('s', { hasText: yuan(pick.variant.price) }));
    await visible(a.getByText('暂时没有可参与的团，开一个团邀请好友吧。'));
    await journey.axe(a, 'zh-CN/group-buy-guest');
    await a.getByRole('link', { name: '登录后开团' }).click();
    await a.waitForURL(/\/account\/login\?next=/);
    await signIn(a, 'zh-CN', emailA, password);
    await a.waitForURL((u) => u.pathname === `/group-buys/${activity.id}`);
    await visible(a.getByText(/林开团 138\*{4}8021/));
    await journey.shoot(a, 'group-buy');
    await docs(a, 'activity');
  });

  it('A opens a team (开团) and pays it', async () => {
    await a.getByRole('button', { name: '开团', exact: true }).click();
    await payHere(a, groupPrice);
  });

  it('A finds the team on the group buy page, with the share link and its QR code', async () => {
    // The team opens to others once the leader's payment is recorded (the order.paid event).
    await expect
      .poll(async () => (await adminApi<{ items: TeamView[] }>(`/api/admin/group-buys/${activity.id}/teams`)).items[0]?.seatsLeft, { timeout: 15_000 })
      .toBe(1);
    await a.goto(`/group-buys/${activity.id}`);
    await visible(a.getByText(/还差 1 人 ·/));
    await a.getByRole('link', { name: '去参团' }).click();
    await a.waitForURL(/\/group-buys\/teams\/[0-9a-f-]{36}$/);
    await visible(a.getByRole('heading', { level: 1, name: '拼团详情' }));
    await visible(a.getByText('团长', { exact: true }));
    await visible(a.getByText('还差 1 人成团'));
    await visible(a.getByRole('img', { name: '拼团链接二维码' }));
    // The leader is told they are in, not offered a seat in their own team.
    await visible(a.getByText('你已在团中，把链接发给好友，凑满就成团。'));
    expect(await a.getByRole('button', { name: '参团', exact: true }).count()).toBe(0);
    shareLink = await a.getByLabel('拼团链接', { exact: true }).inputValue();
    expect(shareLink).toBe(`${LOOPBACK()}${new URL(a.url()).pathname}`);
    const teams = await adminApi<{ items: TeamView[] }>(`/api/admin/group-buys/${activity.id}/teams`);
    expect(teams.items).toHaveLength(1);
    expect(shareLink.endsWith(teams.items[0].sharePath)).toBe(true);
    await journey.axe(a, 'zh-CN/group-team');
    await journey.shoot(a, 'group-team-share');
    await docs(a, 'team-share');
  });

  it('shopper B opens the shared link: 1 seat left, the countdown ticking, and joins (参团) after signing in', async () => {
    await b.goto(shareLink);
    await visible(b.getByText('还差 1 人成团'));
    const clock = b.locator('time.countdown');
    const first = await clock.innerText();
    expect(first).toMatch(/^00:5\d:\d{2}$/);
    await expect.poll(() => clock.innerText(), { timeout: 5_000 }).not.toBe(first);
    await visible(b.getByText(yuan(groupPrice), { exact: true }));
    await b.getByRole('link', { name: '登录后参团' }).click();
    await b.waitForURL(/\/account\/login\?next=/);
    await signIn(b, 'zh-CN', emailB, password);
    await b.waitForURL((u) => u.href === shareLink);
    await docs(b, 'team-join');
    await b.getByRole('button', { name: '参团', exact: true }).click();
    await payHere(b, groupPrice);
  });

  it('the team page says 拼团成功, for B and for A', async () => {
    await expect
      .poll(async () => (await adminApi<{ items: TeamView[] }>(`/api/admin/group-buys/${activity.id}/teams`)).items[0].state, { timeout: 15_000 })
      .toBe('filled');
    await b.goto(shareLink);
    await visible(b.getByText(/拼团成功/));
    await visible(b.getByRole('link', { name: '我的订单' }));
    expect(await b.getByRole('button', { name: '参团', exact: true }).count()).toBe(0);
    await journey.axe(b, 'zh-CN/group-team-filled');
    await journey.shoot(b, 'group-team-filled');
    await docs(b, 'team-filled');
    await a.reload();
    await visible(a.getByText(/拼团成功/));
  });

  it('the English team page says the same', async () => {
    await b.goto(`/en${new URL(shareLink).pathname}`);
    await visible(b.getByText(/The team is complete/));
    await journey.axe(b, 'en/group-team-filled');
  });

  it('accessibility: the pages visited have no serious or critical axe violations', () => {
    journey.expectAccessible();
  });
});

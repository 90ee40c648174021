import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, baseUrl, launch, newPerson, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, path, signIn, uniqueEmail, visible } from './support/store.js';

/**
 * Issue 12, the member centre (会员中心) as a new shopper sees it, on a phone at 127.0.0.1: their
 * tier and the way to the next, points the store gave them with the ledger, the daily check-in (once),
 * their birthday (once); then the same page in English.
 */
describe('the member centre shows tier, points and coupons, and checks in once a day [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const email = uniqueEmail('member');
  const password = 'member centre 1';
  const journey = new Journey('member-centre');

  beforeAll(async () => {
    const res = await fetch(`${baseUrl()}/api/store/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, name: '小会员' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { customer } = (await res.json()) as { customer: { id: string } };
    await adminApi(`/api/admin/customers/${customer.id}/points/adjustments`, { method: 'POST', body: { points: 800, reason: '新会员礼' } });
    browser = await launch();
    ({ page } = await newPerson(browser, { size: 'phone', locale: 'zh-CN', baseURL: baseUrl().replace('localhost', '127.0.0.1') }));
    errors = watchErrors(page);
  });
  afterAll(async () => {
    if (errors?.length) console.warn(`[member-centre] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  it('signs in and opens the member centre from the account page', async () => {
    await page.goto(path('zh-CN', '/account/login'));
    await signIn(page, 'zh-CN', email, password);
    await page.waitForURL((u) => !u.pathname.endsWith('/login'));
    await page.goto(path('zh-CN', '/account'));
    await page.getByRole('link', { name: '会员中心' }).click();
    await visible(page.getByRole('heading', { name: '会员中心' }));
    await visible(page.getByRole('heading', { name: '普通会员' }));
    await visible(page.getByText('再获得 500 成长值升级为白银会员'));
    const points = page.locator('section', { has: page.getByRole('heading', { name: '我的积分' }) });
    expect(await points.locator('dd.big').innerText()).toBe('800');
    await visible(points.getByText('客服调整'));
    await journey.shoot(page, 'member-centre-zh');
  });

  it('checks in once: the points go up and the button says it is done', async () => {
    await page.getByRole('button', { name: /签到领 \d+ 积分/ }).click();
    await visible(page.getByText(/签到成功，获得 \d+ 积分/));
    await visible(page.getByRole('button', { name: '今日已签到' }));
    const points = page.locator('section', { has: page.getByRole('heading', { name: '我的积分' }) });
    expect(Number(await points.locator('dd.big').innerText())).toBeGreaterThan(800);
    await expect(page.getByRole('button', { name: '今日已签到' }).isDisabled()).resolves.toBe(true);
    await visible(points.getByText('每日签到'));
    await journey.shoot(page, 'member-checked-in-zh');
  });

  it('gives the birthday once; the form goes away', async () => {
    await page.getByLabel('生日').fill('1992-05-20');
    await page.getByRole('button', { name: '保存生日' }).click();
    await visible(page.getByText('生日已保存。'));
    // The page reloads its data after the save: the form goes once the birthday is known.
    await page.getByLabel('生日').waitFor({ state: 'detached' });
  });

  it('reads in English', async () => {
    await page.goto(path('en', '/account/member'));
    await visible(page.getByRole('heading', { name: 'Member centre' }));
    await visible(page.getByText('500 more growth to reach Silver'));
    await visible(page.getByRole('button', { name: 'Checked in today' }));
    await journey.shoot(page, 'member-centre-en');
  });
});

import { networkInterfaces } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journey, baseUrl, launch, newPerson, watchErrors } from './support/browser.js';
import { stopAfterFirstFailure } from './support/journey.js';
import { adminApi, antdText, path, signIn, uniqueEmail, visible, STORE } from './support/store.js';
import { CONSOLE } from './support/labels.js';

/**
 * The machine's own LAN address: the owner and the attacker browse there, so their guesses are
 * counted under an address no other journey (all at 127.0.0.1 or localhost) shares.
 */
function lanOrigin(): string {
  const port = new URL(baseUrl()).port;
  const v4 = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!v4) throw new Error('this journey needs a non-loopback IPv4 address on the machine');
  return `http://${v4.address}:${port}`;
}

/** What the console and the storefront say when sign-in is slowed (SIGN_IN_THROTTLED), per language. */
const THROTTLED = { 'zh-CN': /尝试失败次数过多。为保护账号安全，请 \d+ (秒|分钟)后再试。/, en: /Too many failed attempts\. To protect the account, please wait \d+ (seconds?|minutes?) and try again\./ };

/**
 * Issue 10's walk of sign-in limits, as the people involved see them, at the machine's LAN address:
 * someone guesses a staff member's and a shopper's password until the store slows them down, and
 * reads why in their language; the owner, on the browser they signed in with before, signs in at
 * once from the same address — guessing cannot lock anyone out (decision 0025). Every page is
 * checked for CSP violations like every journey (support/csp-check.ts).
 */
describe('sign-in limits, as the owner and the guesser see them [chromium]', () => {
  stopAfterFirstFailure();
  let browser: Browser;
  const errors: string[] = [];
  const journey = new Journey('sign-in-limits');
  const origin = lanOrigin();
  const staff = { email: uniqueEmail('cs'), password: 'service-desk-pass-1', name: '客服 小周' };
  const shopper = { email: uniqueEmail('owner'), password: 'my-own-pass-77' };
  /** The owners' own browsers, kept between the steps (their known-device cookies live there). */
  const owner: { console?: Page; store?: Page } = {};

  beforeAll(async () => {
    browser = await launch();
    await adminApi('/api/admin/staff', { method: 'POST', body: { email: staff.email, name: staff.name, role: 'cs', password: staff.password } });
  });
  afterAll(async () => {
    if (errors.length) console.warn(`[sign-in-limits] browser errors:\n  ${errors.join('\n  ')}`);
    await browser?.close();
  });

  const person = async (size: 'phone' | 'desktop', locale: 'zh-CN' | 'en-US') => {
    const p = await newPerson(browser, { size, locale, baseURL: origin });
    errors.push(...watchErrors(p.page));
    return p;
  };

  const consoleSignIn = async (page: Page, password: string) => {
    const C = CONSOLE['zh-CN'];
    await page.getByLabel(C.email).fill(staff.email);
    await page.getByLabel(C.password).fill(password);
    await page.getByRole('button', { name: antdText(C.signIn) }).click();
  };

  /**
   * Wrong guesses until the page says to wait (at most 12); returns how many the store checked
   * first. `guess` submits one and returns whether the store answered "wait" (429); the page must
   * then say so, and otherwise say the password was wrong — each waited for, not sampled, so a
   * slow machine cannot make a guess look unanswered.
   */
  const guessUntilSlowed = async (page: Page, guess: (n: number) => Promise<boolean>, slowed: RegExp, refused: RegExp): Promise<number> => {
    for (let n = 1; n <= 12; n++) {
      if (await guess(n)) {
        await visible(page.getByText(slowed));
        return n - 1;
      }
      await visible(page.getByText(refused));
    }
    throw new Error('twelve wrong guesses and the store never slowed them down');
  };

  const consoleGuess = async (page: Page, n: number) => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/admin/auth/login'));
    await consoleSignIn(page, `guess-${n}-wrong`);
    const res = await answered;
    await page.waitForLoadState('networkidle');
    return res.status() === 429;
  };

  it('the staff member signs in to the console on their own browser (it becomes a known device) and signs out', async () => {
    const { page } = await person('desktop', 'zh-CN');
    owner.console = page;
    await page.goto('/admin/');
    await page.waitForURL(/\/admin\/sign-in/);
    await consoleSignIn(page, staff.password);
    await visible(page.getByRole('heading', { level: 1, name: CONSOLE['zh-CN'].homeTitle, exact: true }), 30_000);
    // The demo store runs the payment sandbox: the console says so on every screen.
    await visible(page.getByText('沙箱支付').first());
    await journey.shoot(page, 'console-owner-signed-in');
    await page.getByRole('button', { name: new RegExp(staff.name) }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL(/\/admin\/sign-in/);
  });

  it('someone else guessing the password is slowed down and told why, in Chinese', async () => {
    const { page } = await person('desktop', 'zh-CN');
    await page.goto('/admin/sign-in');
    const checked = await guessUntilSlowed(page, (n) => consoleGuess(page, n), THROTTLED['zh-CN'], /^邮箱或密码不正确$/);
    // Five free attempts per account from one address, then waits that double from one second
    // (decision 0025): a guess that comes after its wait is checked, so a slow typist gets one or two more.
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(7);
    await journey.shoot(page, 'console-guesser-slowed');
    // The guesser is still on the sign-in page: nothing was opened to them.
    expect(new URL(page.url()).pathname).toBe('/admin/sign-in');
  });

  it('the owner, on the browser that signed in before, signs in at once from the same address', async () => {
    const page = owner.console!;
    await consoleSignIn(page, staff.password);
    await visible(page.getByRole('heading', { level: 1, name: CONSOLE['zh-CN'].homeTitle, exact: true }), 30_000);
    await expect(page.getByText(THROTTLED['zh-CN']).count()).resolves.toBe(0);
  });

  it('a shopper on a phone signs in with their own browser and signs out (English)', async () => {
    const { page } = await person('phone', 'en-US');
    owner.store = page;
    const L = STORE.en;
    await page.goto(path('en', '/account/register'));
    await page.getByLabel(L.identifier).fill(shopper.email);
    await page.getByLabel(L.newPassword).fill(shopper.password);
    await page.getByRole('button', { name: L.register, exact: true }).click();
    await page.waitForURL(/\/en\/account/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForLoadState('networkidle');
  });

  it('a guesser on another phone is slowed down and told why, in English', async () => {
    const { page } = await person('phone', 'en-US');
    await page.goto(path('en', '/account/login'));
    const checked = await guessUntilSlowed(page, async (n) => {
      // The status of the answer to this guess (the page comes back 429 or 401) says which it was; the
      // page is then waited for to say the same (never sampled: the last guess's words may still show).
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/account/login'));
      await signIn(page, 'en', shopper.email, `guess-${n}-wrong`);
      const status = (await answered).status();
      await page.waitForLoadState('networkidle');
      return status === 429;
    }, THROTTLED.en, /wrong|incorrect/i);
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(7);
    await journey.shoot(page, 'store-guesser-slowed-en');
  });

  it('the shopper signs in at once on their own phone', async () => {
    const page = owner.store!;
    await page.goto(path('en', '/account/login'));
    await signIn(page, 'en', shopper.email, shopper.password);
    await page.waitForURL(/\/en\/account/);
    await expect(page.getByText(THROTTLED.en).count()).resolves.toBe(0);
    await journey.shoot(page, 'store-owner-signed-in-en');
  });
});

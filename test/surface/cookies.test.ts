import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { loginStaff } from '../support/staff.js';
import { ensureStorefrontBuild } from '../storefront/build.js';
import { cookieJar, form, FORM } from '../storefront/browser.js';

const SLUG = 'cookie-cup';

const linesOf = (res: { headers: Record<string, unknown> }): string[] => {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? raw.map(String) : raw ? [String(raw)] : [];
};

/**
 * Every cookie the store sets, through the API and through the storefront's own forms: a shopper
 * session, a guest cart token, the storefront's cart id, the console session, and their clearing.
 */
async function everyCookie(t: TestApp, slug: string, p: SeededProduct): Promise<string[]> {
  const seen: string[] = [];
  const keep = <R extends { headers: Record<string, unknown> }>(res: R) => (seen.push(...linesOf(res)), res);

  keep(await t.app.inject({ method: 'POST', url: '/api/store/carts' }));
  const reg = keep(await t.app.inject({ method: 'POST', url: '/api/store/auth/register', payload: { email: `c-${Date.now()}@example.com`, password: 'correct horse battery' } }));
  const { csrfToken } = reg.json() as { csrfToken: string };
  const session = linesOf(reg).find((l) => l.startsWith('sk_session='))!.split(';')[0];
  keep(await t.app.inject({ method: 'POST', url: '/api/store/auth/logout', headers: { cookie: session, 'x-csrf-token': csrfToken } }));

  const staff = await loginStaff(t, 'admin');
  const login = keep(await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: staff.email, password: staff.password } }));
  const admin = linesOf(login).find((l) => l.startsWith('sk_admin='))!.split(';')[0];
  keep(await t.app.inject({ method: 'POST', url: '/api/admin/auth/logout', headers: { cookie: admin, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken } }));

  // The storefront: add to cart as a guest (sk_cart + sk_cart_id), sign up, sign out (clears sk_cart_id).
  const browser = cookieJar();
  const add = keep(await t.app.inject({ method: 'POST', url: `/p/${slug}`, headers: FORM, payload: form({ variantId: p.variantIds[0], quantity: '1' }) }));
  browser.take(add);
  const signup = keep(
    await t.app.inject({
      method: 'POST',
      url: '/account/register',
      headers: { ...FORM, cookie: browser.header },
      payload: form({ identifier: `sf-${Date.now()}@example.com`, password: 'correct-horse-1', name: '小王' }),
    }),
  );
  browser.take(signup);
  keep(await t.app.inject({ method: 'POST', url: '/account/logout', headers: { ...FORM, cookie: browser.header }, payload: '' }));
  return seen;
}

describeEachBackend('cookies follow one helper: Secure when PUBLIC_URL is https', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL: 'https://shop.example.com' });
    p = await seedProduct(t, { slug: SLUG });
  });
  afterAll(() => t?.close());

  it('marks every Set-Cookie Secure, HttpOnly and SameSite, set and cleared alike', async () => {
    const lines = await everyCookie(t, SLUG, p);
    const names = new Set(lines.map((l) => l.slice(0, l.indexOf('='))));
    // The known-device cookies (sign-in limits, platform/sign-in/known-device.ts) are set like the sessions'.
    expect([...names].sort()).toEqual(['sk_admin', 'sk_admin_device', 'sk_cart', 'sk_cart_id', 'sk_device', 'sk_session']);
    // Clearing lines are there too (logout), not only the setting ones.
    expect(lines.some((l) => /^sk_session=;/.test(l) || /^sk_session=.*Expires=Thu, 01 Jan 1970/i.test(l))).toBe(true);
    for (const line of lines) {
      expect(line, line).toMatch(/;\s*Secure(;|$)/i);
      expect(line, line).toMatch(/;\s*HttpOnly(;|$)/i);
      expect(line, line).toMatch(/;\s*SameSite=(Lax|Strict)(;|$)/i);
    }
    expect(lines.find((l) => l.startsWith('sk_admin='))).toMatch(/Path=\/api\/admin.*SameSite=Strict|SameSite=Strict.*Path=\/api\/admin/);
  });
});

describeEachBackend('cookies on a plain-http store', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend, { PUBLIC_URL: 'http://192.168.1.20:3000' });
    p = await seedProduct(t, { slug: SLUG });
  });
  afterAll(() => t?.close());

  // A browser drops a Secure cookie set over http: the store would sign no one in.
  it('does not mark them Secure', async () => {
    const lines = await everyCookie(t, SLUG, p);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line, line).not.toMatch(/Secure/i);
  });
});

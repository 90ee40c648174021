import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, sessionCookie, uniqueEmail } from '../../../test/support/customers.js';
import { DAY } from '../../platform/clock.js';

describeEachBackend('customers: accounts and sessions', (backend) => {
  let t: TestApp;
  const signIns: Array<{ customerId: string; inTx: boolean; hasReq: boolean }> = [];
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/store${url}`, payload, headers });
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url: `/api/store${url}`, headers });
  const events = async (type: string) => {
    const res = await t.k.db.q.execute(sql`select payload from outbox_events where type = ${type}`);
    return (res as unknown as { rows: Array<{ payload: Record<string, unknown> }> }).rows.map((r) => r.payload);
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.services.customers.onSignIn(({ customerId, req }) => {
      signIns.push({ customerId, inTx: t.k.db.inTransaction, hasReq: typeof req.headers === 'object' });
    });
  });
  afterAll(() => t.close());

  it('registers by email, sets a safe cookie, and accepts bearer and cookie alike', async () => {
    const email = uniqueEmail('Reg').toUpperCase();
    const res = await post('/auth/register', { email, password: 'password-1', name: '小明', channel: 'livestream' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.customer).toMatchObject({ email: email.toLowerCase(), mobile: null, name: '小明', acquisitionChannel: 'livestream', locale: 'zh-CN' });
    expect(body.token).toMatch(/^skc_/);
    const setCookie = String([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('sk_session=')));
    expect(setCookie).toMatch(/^sk_session=skc_/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const byBearer = await get('/me', { authorization: `Bearer ${body.token}` });
    expect(byBearer.json().id).toBe(body.customer.id);
    const byCookie = await get('/me', { cookie: sessionCookie(res.headers['set-cookie']) });
    expect(byCookie.json().id).toBe(body.customer.id);
    expect((await get('/me')).statusCode).toBe(401);
    expect((await get('/me', { authorization: 'Bearer skc_forged' })).statusCode).toBe(401);

    const again = await post('/auth/login', { email: email.toLowerCase(), password: 'password-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().token).not.toBe(body.token);
    const viaIdentifier = await post('/auth/login', { identifier: email, password: 'password-1' });
    expect(viaIdentifier.statusCode).toBe(200);

    expect(signIns.filter((s) => s.customerId === body.customer.id)).toEqual(
      Array(3).fill({ customerId: body.customer.id, inTx: true, hasReq: true }),
    );
    expect(await events('customer.registered')).toContainEqual({ customerId: body.customer.id, channel: 'livestream' });
    expect((await events('customer.signedIn')).filter((p) => p.customerId === body.customer.id)).toHaveLength(3);
  });

  it('registers and signs in by mobile number, in the chosen language, with utm_source as channel', async () => {
    const mobile = `139${String(Date.now()).slice(-8)}`;
    const res = await post('/auth/register', { mobile, password: 'password-2', locale: 'en', utm_source: 'Baidu' });
    expect(res.statusCode).toBe(201);
    expect(res.json().customer).toMatchObject({ mobile, email: null, locale: 'en', acquisitionChannel: 'baidu' });
    for (const payload of [{ mobile }, { identifier: mobile }, { identifier: `+86 ${mobile}` }]) {
      const login = await post('/auth/login', { ...payload, password: 'password-2' });
      expect(login.statusCode, JSON.stringify(payload)).toBe(200);
      expect(login.json().customer.id).toBe(res.json().customer.id);
    }
    const dup = await post('/auth/register', { mobile, password: 'password-3' }, { 'accept-language': 'en' });
    expect(dup.statusCode).toBe(409);
    expect(dup.headers['content-type']).toContain('application/problem+json');
    expect(dup.json()).toMatchObject({ code: 'MOBILE_TAKEN', status: 409 });
  });

  it('refuses a taken email with 409 and wrong credentials with one generic 401', async () => {
    const s = await registerShopper(t);
    const dup = await post('/auth/register', { email: s.email.toUpperCase(), password: 'password-9' });
    expect(dup.json()).toMatchObject({ code: 'EMAIL_TAKEN', status: 409 });
    const wrong = await post('/auth/login', { email: s.email, password: 'not-the-password' });
    const unknown = await post('/auth/login', { email: uniqueEmail('nobody'), password: 'not-the-password' });
    const garbage = await post('/auth/login', { identifier: 'neither', password: 'not-the-password' });
    for (const res of [wrong, unknown, garbage]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('requires the CSRF token for cookie writes, not for bearer ones, and serves it at /auth/csrf', async () => {
    const s = await registerShopper(t);
    const patch = (headers: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url: '/api/store/me', payload: { name: 'Lin' }, headers });
    const missing = await patch({ cookie: s.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF_INVALID' });
    expect((await patch({ cookie: s.cookie, 'x-csrf-token': 'nope' })).statusCode).toBe(403);
    const other = await registerShopper(t);
    expect((await patch({ cookie: s.cookie, 'x-csrf-token': other.csrfToken })).statusCode).toBe(403);
    expect((await patch({ cookie: s.cookie, 'x-csrf-token': s.csrfToken })).statusCode).toBe(200);
    expect((await patch(s.auth)).statusCode).toBe(200);
    expect((await get('/auth/csrf', { cookie: s.cookie })).json()).toEqual({ csrfToken: s.csrfToken });
    expect((await get('/auth/csrf')).statusCode).toBe(401);
    // Reads and credential routes need no token; the anonymous are exempt.
    expect((await get('/me', { cookie: s.cookie })).json().name).toBe('Lin');
    expect((await post('/auth/login', { email: s.email, password: s.password }, { cookie: s.cookie })).statusCode).toBe(200);
  });

  it('logs out by cookie (with CSRF) and by bearer; the session stops working at once', async () => {
    const s = await registerShopper(t);
    expect((await post('/auth/logout', {}, { cookie: s.cookie })).statusCode).toBe(403);
    const out = await post('/auth/logout', {}, { cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/sk_session=;/);
    expect((await get('/me', { cookie: s.cookie })).statusCode).toBe(401);
    expect((await get('/me', s.auth)).statusCode).toBe(401); // same session, either carrier

    const login = await post('/auth/login', { email: s.email, password: s.password });
    const auth = { authorization: `Bearer ${login.json().token}` };
    expect((await get('/me', auth)).statusCode).toBe(200); // warms the lookup cache
    expect((await post('/auth/logout', {}, auth)).statusCode).toBe(204);
    expect((await get('/me', auth)).statusCode).toBe(401);
  });

  it('changes the password with the current one and signs out the other sessions', async () => {
    const s = await registerShopper(t);
    const second = (await post('/auth/login', { email: s.email, password: s.password })).json();
    const secondAuth = { authorization: `Bearer ${second.token}` };
    expect((await get('/me', secondAuth)).statusCode).toBe(200);
    const wrong = await post('/me/password', { currentPassword: 'wrong-one', newPassword: 'new-password-1' }, s.auth);
    expect(wrong.json()).toMatchObject({ code: 'WRONG_PASSWORD' });
    const ok = await post('/me/password', { currentPassword: s.password, newPassword: 'new-password-1' }, s.auth);
    expect(ok.statusCode).toBe(204);
    expect((await get('/me', s.auth)).statusCode).toBe(200);
    expect((await get('/me', secondAuth)).statusCode).toBe(401);
    expect((await post('/auth/login', { email: s.email, password: s.password })).statusCode).toBe(401);
    expect((await post('/auth/login', { email: s.email, password: 'new-password-1' })).statusCode).toBe(200);
    expect((await post('/me/password', { currentPassword: 'x', newPassword: 'new-password-2' })).statusCode).toBe(401);
  });

  it('exposes reads for other modules: getCustomer, listCustomers, countNewCustomers, bulk insert', async () => {
    const c = t.services.customers;
    const s = await registerShopper(t, { name: '张三丰' });
    expect((await c.getCustomer(s.customerId))?.name).toBe('张三丰');
    expect(await c.getCustomer('00000000-0000-7000-8000-000000000000')).toBeNull();
    const from = new Date(t.clock.now().getTime() + 1000);
    const rows = Array.from({ length: 1203 }, (_, i) => ({ email: `bulk${i}@demo.test`, createdAt: new Date(from.getTime() + i) }));
    await t.k.db.transaction(() => c.insertCustomersBulk(rows));
    expect(await c.countNewCustomers(from, new Date(from.getTime() + 1203))).toBe(1203);
    expect(await c.countNewCustomers(from, new Date(from.getTime() + 10))).toBe(10);
    const first = await c.listCustomers({ q: 'bulk12', limit: 5 });
    expect(first.items).toHaveLength(5);
    const next = await c.listCustomers({ q: 'bulk12', limit: 5, cursor: first.nextCursor! });
    expect(next.items.map((x) => x.id)).not.toContain(first.items[0].id);
    expect((await c.listCustomers({ q: '张三丰' })).items.map((x) => x.id)).toEqual([s.customerId]);
  });

  it('expires sessions after 30 days', async () => {
    const s = await registerShopper(t);
    t.clock.advance(29 * DAY);
    expect((await get('/me', s.auth)).statusCode).toBe(200);
    t.clock.advance(2 * DAY);
    expect((await get('/me', s.auth)).statusCode).toBe(401);
  });
});

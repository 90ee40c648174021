import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff } from '../../../test/support/staff.js';
import { ensureFirstAdmin, ROLE_PERMISSIONS } from './index.js';

const ADMIN = { email: 'owner@example.com', password: 'correct horse battery' };
const login = (t: TestApp, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email, password }, headers: { 'accept-language': 'en' } });
const newStaff = (n: number) => ({ email: `csrf-${n}@example.com`, name: `Staff ${n}`, role: 'cs' });

describeEachBackend('staff sign-in, sessions and CSRF', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  });
  afterAll(() => t.close());

  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD once, without echoing the password', async () => {
    expect(await ensureFirstAdmin(t.k, t.services.staff)).toEqual({ email: ADMIN.email, password: null, created: true });
    expect(await ensureFirstAdmin(t.k, t.services.staff)).toEqual({ email: null, password: null, created: false });
    expect(await t.services.staff.count()).toBe(1);
  });

  it('signs in with a cookie and a bearer token, and /me tells the role’s permissions', async () => {
    const res = await login(t, ' Owner@Example.com ', ADMIN.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.staff).toMatchObject({ email: ADMIN.email, role: 'admin', active: true });
    expect(body.staff.passwordHash).toBeUndefined();
    const cookie = res.cookies.find((c) => c.name === 'sk_admin')!;
    expect(cookie).toMatchObject({ value: body.token, httpOnly: true, sameSite: 'Strict', path: '/api/admin' });

    const viaBearer = await t.app.inject({ url: '/api/admin/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(viaBearer.statusCode).toBe(200);
    expect(viaBearer.json().permissions).toEqual([...ROLE_PERMISSIONS.admin]);
    const viaCookie = await t.app.inject({ url: '/api/admin/me', cookies: { sk_admin: body.token } });
    expect(viaCookie.json()).toMatchObject({ staff: { email: ADMIN.email }, csrfToken: body.csrfToken });

    const cs = await loginStaff(t, 'cs');
    const me = await t.app.inject({ url: '/api/admin/me', headers: cs.auth });
    expect(me.json().permissions).toEqual([...ROLE_PERMISSIONS.cs]);
    expect((await t.app.inject({ url: '/api/admin/me' })).statusCode).toBe(401);
  });

  it('refuses a wrong password or unknown email with the same 401 problem', async () => {
    for (const [email, password] of [[ADMIN.email, 'wrong password'], ['nobody@example.com', ADMIN.password]]) {
      const res = await login(t, email, password);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', detail: 'The account or password is incorrect.' });
    }
  });

  it('needs X-CSRF-Token on unsafe cookie requests, not on bearer ones or on reads', async () => {
    const { token, csrfToken } = (await login(t, ADMIN.email, ADMIN.password)).json();
    const post = (n: number, headers: Record<string, string>, cookies: Record<string, string> = { sk_admin: token }) =>
      t.app.inject({ method: 'POST', url: '/api/admin/staff', payload: newStaff(n), headers, cookies });
    for (const headers of [{}, { 'x-csrf-token': 'forged' }, { 'x-csrf-token': csrfToken.slice(0, -1) + (csrfToken.endsWith('A') ? 'B' : 'A') }] as Array<Record<string, string>>) {
      const res = await post(1, headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('CSRF_INVALID');
    }
    expect((await t.app.inject({ url: '/api/admin/staff?email=x', cookies: { sk_admin: token } })).statusCode).toBe(200);
    expect((await post(1, { 'x-csrf-token': csrfToken })).statusCode).toBe(201);
    expect((await post(2, { authorization: `Bearer ${token}` }, {})).statusCode).toBe(201);
    // Nothing refused was written: only the two accepted creations are in the list.
    const list = await t.app.inject({ url: '/api/admin/staff?role=cs&limit=100', headers: { authorization: `Bearer ${token}` } });
    expect(list.json().items.filter((s: { email: string }) => s.email.startsWith('csrf-'))).toHaveLength(2);
  });

  it('signs out: the token stops working and the cookie is cleared', async () => {
    const { token, csrfToken } = (await login(t, ADMIN.email, ADMIN.password)).json();
    const refused = await t.app.inject({ method: 'POST', url: '/api/admin/auth/logout', cookies: { sk_admin: token } });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/auth/logout', cookies: { sk_admin: token }, headers: { 'x-csrf-token': csrfToken } });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'sk_admin')?.value).toBe('');
    expect((await t.app.inject({ url: '/api/admin/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    const bearer = (await login(t, ADMIN.email, ADMIN.password)).json().token;
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/auth/logout', headers: { authorization: `Bearer ${bearer}` } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/admin/me', headers: { authorization: `Bearer ${bearer}` } })).statusCode).toBe(401);
  });

  it('ends the sessions of a deactivated account and a reset password', async () => {
    const admin = { authorization: `Bearer ${(await login(t, ADMIN.email, ADMIN.password)).json().token}` };
    const m = await loginStaff(t, 'merchandiser');
    const off = await t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${m.staffId}`, headers: admin, payload: { active: false } });
    expect(off.json()).toMatchObject({ active: false });
    expect((await t.app.inject({ url: '/api/admin/me', headers: m.auth })).statusCode).toBe(401);
    expect((await login(t, m.email, m.password)).statusCode).toBe(401);

    const w = await loginStaff(t, 'warehouse');
    const fresh = await t.k.db.transaction(() => t.services.staff.resetPassword(w.email.toUpperCase()));
    expect((await t.app.inject({ url: '/api/admin/me', headers: w.auth })).statusCode).toBe(401);
    expect((await login(t, w.email, w.password)).statusCode).toBe(401);
    expect((await login(t, w.email, fresh)).statusCode).toBe(200);
  });

  it('expires sessions after 12 hours; a malformed sign-in is a 400', async () => {
    const { token } = (await login(t, ADMIN.email, ADMIN.password)).json();
    const headers = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ url: '/api/admin/me', headers })).statusCode).toBe(200);
    t.clock.advance(12 * 3_600_000 + 1000);
    expect((await t.app.inject({ url: '/api/admin/me', headers })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: ADMIN.email } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});

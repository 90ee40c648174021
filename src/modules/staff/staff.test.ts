import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { DEMO_ADMIN_EMAIL, ensureFirstAdmin, PERMISSIONS, ROLES } from './index.js';

describeEachBackend('staff management', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email, password } });

  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('creates a demo admin with a random password when the store has no staff and no ADMIN_EMAIL', async () => {
    const first = await ensureFirstAdmin(t.k, t.services.staff);
    expect(first).toMatchObject({ email: DEMO_ADMIN_EMAIL, created: true });
    expect(first.password).toMatch(/^[\w-]{16}$/);
    expect((await login(DEMO_ADMIN_EMAIL, first.password!)).statusCode).toBe(200);
    admin = await loginStaff(t, 'admin');
  });

  it('creates staff with a generated password shown once, and refuses a taken email', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: admin.auth, payload: { email: 'Li.Lei@Example.com', name: '李雷', role: 'cs' } });
    expect(res.statusCode).toBe(201);
    const { staff, initialPassword } = res.json();
    expect(staff).toMatchObject({ email: 'li.lei@example.com', name: '李雷', role: 'cs', active: true, lastLoginAt: null });
    expect((await login('li.lei@example.com', initialPassword)).statusCode).toBe(200);

    const again = await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: { ...admin.auth, 'accept-language': 'zh-CN' }, payload: { email: 'li.lei@example.com', name: 'x', role: 'cs', password: 'long enough' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'STAFF_EMAIL_TAKEN' });
    expect(again.json().detail).toContain('已被其他员工使用');
    for (const payload of [{ email: 'not-an-email', name: 'x', role: 'cs' }, { email: 'a@b.co', name: 'x', role: 'janitor' }, { email: 'a@b.co', name: 'x', role: 'cs', password: 'short' }]) {
      const bad = await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: admin.auth, payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('lists staff by email with role and active filters and a cursor', async () => {
    for (const role of ['finance', 'finance', 'finance']) await loginStaff(t, role as 'finance');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/admin/staff?role=finance&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const body: { items: Array<{ email: string; role: string }>; nextCursor: string | null } = (await t.app.inject({ url, headers: admin.auth })).json();
      expect(body.items.every((s) => s.role === 'finance')).toBe(true);
      seen.push(...body.items.map((s) => s.email));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect([...seen].sort()).toEqual(seen);
    const inactive = (await t.app.inject({ url: '/api/admin/staff?active=false', headers: admin.auth })).json();
    expect(inactive.items).toEqual([]);
  });

  it('applies a role change to the running session at once', async () => {
    const m = await loginStaff(t, 'merchandiser');
    const brand = { slug: 'role-change', name: { 'zh-CN': '品牌', en: 'Brand' } };
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/brands', headers: m.auth, payload: brand })).statusCode).toBe(201);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${m.staffId}`, headers: admin.auth, payload: { role: 'operator', name: 'Now an operator' } });
    expect(res.json()).toMatchObject({ role: 'operator', name: 'Now an operator' });
    const refused = await t.app.inject({ method: 'POST', url: '/api/admin/brands', headers: m.auth, payload: { ...brand, slug: 'role-change-2' } });
    expect(refused.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/admin/brands', headers: m.auth })).statusCode).toBe(200);
  });

  it('keeps at least one active admin', async () => {
    const list = (await t.app.inject({ url: '/api/admin/staff?role=admin', headers: admin.auth })).json().items;
    const demo = list.find((s: { email: string }) => s.email === DEMO_ADMIN_EMAIL);
    const off = await t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${demo.id}`, headers: admin.auth, payload: { active: false } });
    expect(off.statusCode).toBe(200);
    for (const payload of [{ role: 'cs' }, { active: false }]) {
      const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${admin.staffId}`, headers: admin.auth, payload });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('LAST_ADMIN');
    }
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/admin/staff/0190d1a0-0000-7000-8000-000000000000', headers: admin.auth, payload: { name: 'x' } });
    expect(missing.statusCode).toBe(404);
  });

  it('audits staff writes without the password or its hash', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/admin/staff', headers: admin.auth, payload: { email: 'han.meimei@example.com', name: '韩梅梅', role: 'risk', password: 'first password' } })).json().staff;
    await t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${created.id}`, headers: admin.auth, payload: { password: 'second password', role: 'analyst' } });
    const log = (await t.app.inject({ url: `/api/admin/audit-log?entityType=staff&entityId=${created.id}`, headers: admin.auth })).json().items;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['staff.update', 'staff.create']);
    expect(log[0]).toMatchObject({ staffId: admin.staffId, staffEmail: admin.email, before: { role: 'risk', passwordChanged: false }, after: { role: 'analyst', passwordChanged: true } });
    expect(JSON.stringify(log)).not.toMatch(/password"|scrypt|first password|second password/);
    expect((await login('han.meimei@example.com', 'second password')).statusCode).toBe(200);
  });

  it('serves the role matrix', async () => {
    const res = (await t.app.inject({ url: '/api/admin/roles', headers: admin.auth })).json();
    expect(res.permissions).toEqual([...PERMISSIONS]);
    expect(res.roles.map((r: { role: string }) => r.role)).toEqual([...ROLES]);
    expect(res.roles.find((r: { role: string }) => r.role === 'merchandiser').permissions).toEqual(['catalog.read', 'catalog.write', 'stock.read']);
  });
});

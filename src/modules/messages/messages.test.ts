import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { registerShopper } from '../../../test/support/customers.js';

describeEachBackend('messages: the sandbox outbox for staff', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  const list = (query: string, who: StaffLogin | null = admin) =>
    t.app.inject({ url: `/api/admin/messages${query}`, headers: who?.auth ?? {} });

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(new Date('2026-04-01T02:00:00Z'));
    admin = await loginStaff(t, 'admin');
  });
  afterAll(() => t.close());

  it('shows a password-reset message to settings.manage only', async () => {
    const s = await registerShopper(t, { locale: 'en' });
    expect((await t.app.inject({ method: 'POST', url: '/api/store/auth/password-reset', payload: { email: s.email } })).statusCode).toBe(202);

    const res = await list(`?to=${encodeURIComponent(s.email.toUpperCase())}&channel=email`);
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ channel: 'email', to: s.email, locale: 'en' });
    expect(items[0].subject).toContain('password reset');
    expect(items[0].body).toMatch(/\d{6}/);
    expect(items[0].createdAt).toBe('2026-04-01T02:00:00.000Z');
    expect((await list(`?to=${encodeURIComponent(s.email)}&channel=sms`)).json().items).toEqual([]);

    // Reset codes take over accounts: cs agents (customers.read) may not read them.
    for (const role of ['cs', 'operator', 'merchandiser'] as const) {
      const refused = await list('', await loginStaff(t, role));
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    expect((await list('', null)).statusCode).toBe(401);
  });

  it('pages newest first with a cursor and refuses a bad one', async () => {
    const emails: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(1000);
      const s = await registerShopper(t);
      emails.push(s.email);
      await t.app.inject({ method: 'POST', url: '/api/store/auth/password-reset', payload: { email: s.email } });
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res = await list(`?channel=email&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body: { items: Array<{ to: string }>; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((m) => m.to));
      cursor = body.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.slice(0, 5)).toEqual([...emails].reverse());
    expect(seen).toHaveLength(6);

    for (const bad of ['not-a-cursor', Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url'), Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'x'])).toString('base64url')]) {
      const res = await list(`?cursor=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('INVALID_CURSOR');
    }
    expect((await list('?limit=0')).statusCode).toBe(400);
    expect((await list('?channel=pigeon')).statusCode).toBe(400);
  });
});

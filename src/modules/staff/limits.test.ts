import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff } from '../../../test/support/staff.js';
import { SIGN_IN_RULES } from '../../platform/sign-in/index.js';

/** Staff sign-in limits: the same rules as shoppers', with their own counts and cookie (docs/decisions/0025). */
describeEachBackend('staff: sign-in limits', (backend) => {
  let t: TestApp;
  let ipSeq = 0;
  const newIp = () => `172.16.${++ipSeq % 250}.${Math.floor(Math.random() * 250) + 1}`;
  const login = (email: string, password: string, ip: string, device?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/auth/login',
      payload: { email, password },
      remoteAddress: ip,
      cookies: device ? { sk_admin_device: device } : {},
    });
  const deviceOf = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'sk_admin_device')?.value;

  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(new Date()));

  it('counts 40 guesses sent at once before checking any: at most 5 are checked, and the right password among them is refused', async () => {
    const a = await loginStaff(t, 'analyst');
    const ip = newIp();
    const answers = await Promise.all([...Array.from({ length: 39 }, (_, i) => `nope-${i}`), a.password].map((p) => login(a.email, p, ip)));
    expect(answers.filter((r) => r.statusCode === 401 || r.statusCode === 200)).toHaveLength(SIGN_IN_RULES.accountFromAddress.free);
    expect(answers.at(-1)!.statusCode).toBe(429);
    expect(answers.at(-1)!.json()).toMatchObject({ code: 'SIGN_IN_THROTTLED', retryAfter: 1 });
    expect(answers.at(-1)!.headers['retry-after']).toBe('1');
  });

  it('slows guesses down with doubling waits instead of locking the account', async () => {
    const a = await loginStaff(t, 'cs');
    const ip = newIp();
    for (let i = 0; i < 5; i++) expect((await login(a.email, 'nope', ip)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await login(a.email, 'nope', ip);
      waits.push(Number(r.headers['retry-after']));
      t.clock.advance(waits[i] * 1000);
      expect((await login(a.email, 'nope', ip)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    t.clock.advance(16_000);
    expect((await login(a.email, a.password, ip)).statusCode).toBe(200);
  });

  it("never lets someone else's guesses keep a staff member out of a browser they signed in from before", async () => {
    const m = await loginStaff(t, 'merchandiser');
    const office = newIp();
    const first = await login(m.email, m.password, office);
    const device = deviceOf(first);
    const set = String([first.headers['set-cookie']].flat().find((c) => String(c).startsWith('sk_admin_device=')));
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\/api\/admin/);

    await Promise.all(Array.from({ length: 30 }, (_, i) => login(m.email, `guess-${i}`, newIp())));
    expect((await login(m.email, m.password, newIp())).statusCode).toBe(429);
    expect((await login(m.email, m.password, office)).statusCode).toBe(429);
    expect((await login(m.email, m.password, office, device)).statusCode).toBe(200);
    // A shopper's device cookie for the same e-mail is no staff device: the scopes sign differently.
    const shopper = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', payload: { email: m.email, password: 'shopper-password' }, remoteAddress: newIp() });
    const shopperDevice = shopper.cookies.find((c) => c.name === 'sk_device')!.value;
    expect((await login(m.email, m.password, office, shopperDevice)).statusCode).toBe(429);
  });

  it('ends the slowing when an admin sets a new password', async () => {
    const w = await loginStaff(t, 'warehouse');
    for (let i = 0; i < 12; i++) await login(w.email, `guess-${i}`, newIp());
    expect((await login(w.email, w.password, newIp())).statusCode).toBe(429);
    const fresh = await t.k.db.transaction(() => t.services.staff.resetPassword(w.email));
    expect((await login(w.email, fresh, newIp())).statusCode).toBe(200);
  });
});

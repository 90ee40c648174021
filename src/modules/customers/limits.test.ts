import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, uniqueEmail } from '../../../test/support/customers.js';
import { MINUTE } from '../../platform/clock.js';
import { SIGN_IN_RULES } from '../../platform/sign-in/index.js';

/** Every shopper sign-in limit, counted before the password is checked (docs/decisions/0025). */
describeEachBackend('customers: sign-in limits', (backend) => {
  let t: TestApp;
  const prefix = `sktest-${randomBytes(4).toString('hex')}`;
  let ipSeq = 0;
  const newIp = () => `10.${Math.floor(Math.random() * 200)}.${++ipSeq % 250}.${Math.floor(Math.random() * 250) + 1}`;
  const login = (payload: object, ip: string, opts: { app?: TestApp; device?: string; lang?: string } = {}) =>
    (opts.app ?? t).app.inject({
      method: 'POST',
      url: '/api/store/auth/login',
      payload,
      remoteAddress: ip,
      cookies: opts.device ? { sk_device: opts.device } : {},
      headers: opts.lang ? { 'accept-language': opts.lang } : {},
    });
  const register = (payload: object, ip: string) => t.app.inject({ method: 'POST', url: '/api/store/auth/register', payload, remoteAddress: ip });
  const deviceCookie = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'sk_device')?.value;
  const checked = (statuses: number[]) => statuses.filter((s) => s === 401 || s === 200).length;

  beforeAll(async () => {
    t = await startTestApp(backend, { REDIS_PREFIX: prefix });
  });
  afterAll(() => t.close());
  // Time stands still unless a test moves it: a burst is one instant, waits are exact.
  beforeEach(() => t.clock.set(new Date()));

  it('counts 40 guesses sent at once before checking any: at most 5 are checked, and the right password among them is refused', async () => {
    const s = await registerShopper(t);
    const ip = newIp();
    const guesses = [...Array.from({ length: 39 }, (_, i) => `wrong-${i}`), s.password];
    const answers = await Promise.all(guesses.map((password) => login({ email: s.email, password }, ip)));
    const statuses = answers.map((r) => r.statusCode);
    expect(checked(statuses)).toBe(SIGN_IN_RULES.accountFromAddress.free);
    expect(statuses.at(-1)).toBe(429);
    const refused = answers.filter((r) => r.statusCode === 429);
    expect(refused).toHaveLength(40 - SIGN_IN_RULES.accountFromAddress.free);
    for (const r of refused) {
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json()).toMatchObject({ code: 'SIGN_IN_THROTTLED', status: 429, retryAfter: 1 });
      expect(r.headers['retry-after']).toBe('1');
    }
  });

  it('counts 40 guesses at once from 40 addresses against the account: at most 10 are checked', async () => {
    const s = await registerShopper(t);
    const guesses = [...Array.from({ length: 39 }, (_, i) => `wrong-${i}`), s.password];
    const answers = await Promise.all(guesses.map((password) => login({ email: s.email, password }, newIp())));
    expect(checked(answers.map((r) => r.statusCode))).toBe(SIGN_IN_RULES.account.free);
    expect(answers.at(-1)!.statusCode).toBe(429);
  });

  it('slows one guesser down with doubling waits, says when to try again in both languages, and lets the owner in after the wait', async () => {
    const s = await registerShopper(t);
    const ip = newIp();
    for (let i = 0; i < 5; i++) expect((await login({ email: s.email, password: `wrong-${i}` }, ip)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const refused = await login({ email: s.email, password: 'wrong-again' }, ip);
      expect(refused.statusCode).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
      t.clock.advance(waits[i] * 1000 - 1);
      expect((await login({ email: s.email, password: 'wrong-again' }, ip)).statusCode).toBe(429); // not a moment early
      t.clock.advance(1);
      expect((await login({ email: s.email, password: 'wrong-again' }, ip)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32]);
    const zh = await login({ email: s.email, password: s.password }, ip);
    expect(zh.json().detail).toBe('尝试失败次数过多。为保护账号安全，请 2 分钟后再试。'); // 64 s
    expect((await login({ email: s.email, password: s.password }, ip, { lang: 'en' })).json().detail).toBe(
      'Too many failed attempts. To protect the account, please wait 2 minutes and try again.',
    );
    t.clock.advance(64_000);
    expect((await login({ email: s.email, password: s.password }, ip)).statusCode).toBe(200);
    // The waits stop at 15 minutes: slower and slower, never a lockout.
    for (let i = 0; i < 5; i++) await login({ email: s.email, password: 'wrong' }, ip);
    let last = 0;
    for (let i = 0; i < 40; i++) {
      const r = await login({ email: s.email, password: 'wrong' }, ip);
      if (r.statusCode === 429) t.clock.advance((last = Number(r.headers['retry-after'])) * 1000);
    }
    expect(last).toBe(15 * 60);
  });

  it('counts an account across addresses and however it is spelled, and an address across accounts', async () => {
    const s = await registerShopper(t);
    for (let i = 0; i < SIGN_IN_RULES.account.free; i++) {
      expect((await login({ identifier: i % 2 ? s.email.toUpperCase() : s.email, password: `wrong-${i}` }, newIp())).statusCode).toBe(401);
    }
    expect((await login({ email: s.email, password: s.password }, newIp())).statusCode).toBe(429);
    t.clock.advance(1000);
    expect((await login({ email: s.email, password: s.password }, newIp())).statusCode).toBe(200);

    const ip = newIp();
    for (let i = 0; i < SIGN_IN_RULES.address.free; i++) {
      expect((await login({ email: uniqueEmail('spray'), password: 'guess-123' }, ip)).statusCode).toBe(401);
    }
    const other = await registerShopper(t);
    expect((await login({ email: other.email, password: other.password }, ip)).statusCode).toBe(429);
    expect((await login({ email: other.email, password: other.password }, newIp())).statusCode).toBe(200);
  });

  it('takes a successful attempt back: a shopper who mistypes and then signs in starts again from nothing', async () => {
    const s = await registerShopper(t);
    const ip = newIp();
    for (let i = 0; i < 4; i++) expect((await login({ email: s.email, password: 'wrong-pass' }, ip)).statusCode).toBe(401);
    expect((await login({ email: s.email, password: s.password }, ip)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login({ email: s.email, password: 'wrong-pass' }, ip)).statusCode).toBe(401);
  });

  it("never lets someone else's guesses keep the owner out of a browser they signed in from before", async () => {
    const s = await registerShopper(t);
    const home = newIp();
    const first = await login({ email: s.email, password: s.password }, home);
    const device = deviceCookie(first);
    expect(device).toBeTruthy();
    const set = String([first.headers['set-cookie']].flat().find((c) => String(c).startsWith('sk_device=')));
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    expect(set).toMatch(/Path=\//);
    expect(set).toMatch(/Max-Age=15552000/);

    // An attacker on one address, then many: the account is slowed everywhere …
    const attacker = newIp();
    await Promise.all(Array.from({ length: 40 }, (_, i) => login({ email: s.email, password: `guess-${i}` }, attacker)));
    for (let i = 0; i < 10; i++) await login({ email: s.email, password: `spray-${i}` }, newIp());
    expect((await login({ email: s.email, password: s.password }, newIp())).statusCode).toBe(429);
    // … except for the owner's own browser, from any address, the attacker's included.
    expect((await login({ email: s.email, password: s.password }, newIp(), { device })).statusCode).toBe(200);
    expect((await login({ email: s.email, password: s.password }, attacker, { device })).statusCode).toBe(200);

    // The cookie is for this account only, and cannot be forged or altered.
    const other = await registerShopper(t);
    expect((await login({ email: s.email, password: s.password }, newIp(), { device: deviceCookie(await login({ email: other.email, password: other.password }, newIp())) })).statusCode).toBe(429);
    const [id, tag, issued, sig] = device!.split('.');
    for (const forged of [`${id}x.${tag}.${issued}.${sig}`, `${id}.${tag}.${Number(issued) + 1}.${sig}`, 'garbage', `${id}.${tag}.${issued}.`]) {
      expect((await login({ email: s.email, password: s.password }, newIp(), { device: forged })).statusCode).toBe(429);
    }
    // Guesses made with the cookie are counted against that browser alone.
    for (let i = 0; i < SIGN_IN_RULES.knownDevice.free; i++) expect((await login({ email: s.email, password: 'oops' }, home, { device })).statusCode).toBe(401);
    expect((await login({ email: s.email, password: s.password }, home, { device })).statusCode).toBe(429);
  });

  it('knows the browser that registered the account', async () => {
    const email = uniqueEmail('reg-device');
    const reg = await register({ email, password: 'correct horse battery' }, newIp());
    expect(reg.statusCode).toBe(201);
    const device = deviceCookie(reg);
    for (let i = 0; i < 12; i++) await login({ email, password: `guess-${i}` }, newIp());
    expect((await login({ email, password: 'correct horse battery' }, newIp())).statusCode).toBe(429);
    expect((await login({ email, password: 'correct horse battery' }, newIp(), { device })).statusCode).toBe(200);
  });

  it('answers a taken email with 409 but counts registration per address like sign-in, before looking anything up', async () => {
    const s = await registerShopper(t);
    const taken = await register({ email: s.email, password: 'some-password' }, newIp());
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'EMAIL_TAKEN' });

    // Accounts actually created give their attempt back: a family or an office behind one address can sign up.
    const office = newIp();
    for (let i = 0; i < SIGN_IN_RULES.address.free + 5; i++) expect((await register({ email: uniqueEmail('office'), password: 'long-enough-1' }, office)).statusCode).toBe(201);

    // Probing many identifiers at once from one address: at most the address allowance is answered.
    const prober = newIp();
    const probes = await Promise.all(Array.from({ length: 45 }, () => register({ email: s.email, password: 'some-password' }, prober)));
    expect(probes.filter((r) => r.statusCode === 409)).toHaveLength(SIGN_IN_RULES.address.free);
    expect(probes.filter((r) => r.statusCode === 429)).toHaveLength(45 - SIGN_IN_RULES.address.free);
    // Over the limit a free email is refused the same way, so the 429 tells nothing; so is a sign-in.
    const free = await register({ email: uniqueEmail('free'), password: 'long-enough-1' }, prober);
    expect(free.statusCode).toBe(429);
    expect(Number(free.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login({ email: s.email, password: s.password }, prober)).statusCode).toBe(429);
  });

  it('limits wrong current passwords on password change the same way', async () => {
    const s = await registerShopper(t);
    const change = (currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/store/me/password', headers: s.auth, payload: { currentPassword, newPassword: 'new-password-1' } });
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`wrong-${i}`)));
    expect(burst.filter((r) => r.json().code === 'WRONG_PASSWORD')).toHaveLength(SIGN_IN_RULES.account.free);
    const blocked = await change(s.password);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBe(1);
    t.clock.advance(1000);
    expect((await change(s.password)).statusCode).toBe(204);
  });

  it('ends the slowing of an account when its owner resets the password, and sends at most 5 codes however fast they are asked for', async () => {
    const s = await registerShopper(t);
    for (let i = 0; i < 15; i++) await login({ email: s.email, password: `guess-${i}` }, newIp());
    expect((await login({ email: s.email, password: s.password }, newIp())).statusCode).toBe(429);
    const asks = await Promise.all(
      Array.from({ length: 12 }, () => t.app.inject({ method: 'POST', url: '/api/store/auth/password-reset', payload: { email: s.email }, remoteAddress: newIp() })),
    );
    expect(asks.every((r) => r.statusCode === 202)).toBe(true);
    const sent = await t.services.messages.list({ to: s.email });
    expect(sent).toHaveLength(5);
    // Concurrent requests may leave more than one code standing: the newest one works.
    let reset = 0;
    for (const m of sent) {
      const code = m.body.match(/\d{6}/)![0];
      reset = (await t.app.inject({ method: 'POST', url: '/api/store/auth/password-reset/confirm', payload: { email: s.email, code, newPassword: 'a-new-password' } })).statusCode;
      if (reset === 204) break;
    }
    expect(reset).toBe(204);
    expect((await login({ email: s.email, password: 'a-new-password' }, newIp())).statusCode).toBe(200);
  });

  it('forgets an account after a day of quiet, and an address after an hour', async () => {
    const s = await registerShopper(t);
    const ip = newIp();
    for (let i = 0; i < 12; i++) await login({ email: s.email, password: `guess-${i}` }, ip);
    expect((await login({ email: s.email, password: s.password }, ip)).statusCode).toBe(429);
    t.clock.advance(24 * 60 * MINUTE);
    for (let i = 0; i < 5; i++) expect((await login({ email: s.email, password: `again-${i}` }, ip)).statusCode).toBe(401);

    const sprayer = newIp();
    for (let i = 0; i < SIGN_IN_RULES.address.free; i++) await login({ email: uniqueEmail('spray'), password: 'guess-123' }, sprayer);
    expect((await login({ email: uniqueEmail('spray'), password: 'guess-123' }, sprayer)).statusCode).toBe(429);
    t.clock.advance(60 * MINUTE);
    expect((await login({ email: uniqueEmail('spray'), password: 'guess-123' }, sprayer)).statusCode).toBe(401);
  });

  if (backend.redisUrl) {
    it('counts in one place for every API process (Redis): 40 guesses split over two processes, at most 5 checked', async () => {
      const other = await startTestApp(backend, { REDIS_PREFIX: prefix });
      try {
        other.clock.set(t.clock.now());
        const s = await registerShopper(t);
        const ip = newIp();
        const onFirst = Array.from({ length: 20 }, (_, i) => login({ email: s.email, password: `a-${i}` }, ip));
        const onOther = [...Array.from({ length: 19 }, (_, i) => `b-${i}`), s.password].map((password) => login({ email: s.email, password }, ip, { app: other }));
        const answers = await Promise.all([...onFirst, ...onOther]);
        expect(checked(answers.map((r) => r.statusCode))).toBe(SIGN_IN_RULES.accountFromAddress.free);
        expect(answers.at(-1)!.statusCode).toBe(429);
      } finally {
        await other.close();
      }
    });
  }
});

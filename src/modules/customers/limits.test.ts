import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, uniqueEmail } from '../../../test/support/customers.js';
import { MINUTE } from '../../platform/clock.js';

describeEachBackend('customers: sign-in rate limits', (backend) => {
  let t: TestApp;
  const prefix = `sktest-${randomBytes(4).toString('hex')}`;
  let ipSeq = 0;
  const newIp = () => `10.${Math.floor(Math.random() * 200)}.${++ipSeq}.${Math.floor(Math.random() * 250) + 1}`;
  const login = (app: TestApp, payload: object, ip: string) =>
    app.app.inject({ method: 'POST', url: '/api/store/auth/login', payload, remoteAddress: ip });

  beforeAll(async () => {
    t = await startTestApp(backend, { REDIS_PREFIX: prefix });
  });
  afterAll(() => t.close());

  it('allows 10 failed sign-ins per account in 15 minutes, then answers 429 with Retry-After', async () => {
    const s = await registerShopper(t);
    const ip = newIp();
    for (let i = 0; i < 10; i++) {
      expect((await login(t, { email: s.email, password: `wrong-${i}` }, ip)).statusCode).toBe(401);
    }
    // Even the right password waits: the limit is on attempts, not on failures still to come.
    const blocked = await login(t, { email: s.email, password: s.password }, newIp());
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['content-type']).toContain('application/problem+json');
    expect(blocked.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Spelling the account differently does not dodge the count.
    expect((await login(t, { identifier: s.email.toUpperCase(), password: s.password }, newIp())).statusCode).toBe(429);
    t.clock.advance(15 * MINUTE + 1000);
    expect((await login(t, { email: s.email, password: s.password }, newIp())).statusCode).toBe(200);
  });

  it('allows 30 failed sign-ins per IP in 15 minutes across accounts', async () => {
    const ip = newIp();
    for (let i = 0; i < 30; i++) {
      expect((await login(t, { email: uniqueEmail('spray'), password: 'guess-123' }, ip)).statusCode).toBe(401);
    }
    const s = await registerShopper(t);
    const blocked = await login(t, { email: s.email, password: s.password }, ip);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(t, { email: s.email, password: s.password }, newIp())).statusCode).toBe(200);
  });

  it('clears the account count after a successful sign-in', async () => {
    const s = await registerShopper(t);
    const ip = newIp();
    for (let i = 0; i < 9; i++) await login(t, { email: s.email, password: 'wrong-pass' }, ip);
    expect((await login(t, { email: s.email, password: s.password }, ip)).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) expect((await login(t, { email: s.email, password: 'wrong-pass' }, ip)).statusCode).toBe(401);
  });

  it('limits wrong current passwords on password change the same way', async () => {
    const s = await registerShopper(t);
    const change = (currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/store/me/password', headers: s.auth, payload: { currentPassword, newPassword: 'new-password-1' } });
    for (let i = 0; i < 10; i++) expect((await change(`wrong-${i}`)).json().code).toBe('WRONG_PASSWORD');
    const blocked = await change(s.password);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  if (backend.redisUrl) {
    it('shares the counts between API processes through Redis', async () => {
      const other = await startTestApp(backend, { REDIS_PREFIX: prefix });
      try {
        const email = uniqueEmail('shared');
        for (let i = 0; i < 10; i++) await login(t, { email, password: 'guess-123' }, newIp());
        expect((await login(other, { email, password: 'guess-123' }, newIp())).statusCode).toBe(429);
      } finally {
        await other.close();
      }
    });
  }
});

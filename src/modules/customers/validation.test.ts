import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';

describeEachBackend('customers: bad input', (backend) => {
  let t: TestApp;
  const customerCount = async () => (await t.services.customers.listCustomers({ limit: 100 })).items.length;

  beforeAll(async () => {
    t = await startTestApp(backend, { PUBLIC_URL: 'https://shop.example.com' });
  });
  afterAll(() => t.close());

  it('answers malformed registrations with 400 problem+json and creates no account', async () => {
    const bad: Array<[string, unknown]> = [
      ['no body fields', {}],
      ['neither email nor mobile', { password: 'long-enough-1' }],
      ['missing password', { email: 'a@example.com' }],
      ['short password', { email: 'a@example.com', password: 'short' }],
      ['bad email', { email: 'not-an-email', password: 'long-enough-1' }],
      ['bad mobile', { mobile: '12800138000', password: 'long-enough-1' }],
      ['mobile too short', { mobile: '1380013800', password: 'long-enough-1' }],
      ['mobile as number', { mobile: 13800138000, password: 'long-enough-1' }],
      ['password as number', { email: 'a@example.com', password: 12345678 }],
      ['unknown locale', { email: 'a@example.com', password: 'long-enough-1', locale: 'fr' }],
      ['array body', [1, 2]],
    ];
    for (const [what, payload] of bad) {
      const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', payload: payload as object });
      expect(res.statusCode, what).toBe(400);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      expect(res.json().code, what).toBe('VALIDATION_FAILED');
    }
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/store/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(await customerCount()).toBe(0);
  });

  it('answers malformed sign-ins with 400 and messages in the caller language', async () => {
    for (const payload of [{}, { password: 'x' }, { email: 'a@example.com' }, { email: 'a@example.com', mobile: '13800138000', password: 'x' }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const en = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', payload: {}, headers: { 'accept-language': 'en' } });
    expect(en.json().detail).toMatch(/not valid/);
    const zh = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', payload: {} });
    expect(zh.json().detail).toMatch(/请求参数有误/);
    expect(await customerCount()).toBe(0);
  });

  it('marks the session and known-device cookies Secure when the store is served over https', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', payload: { email: 'secure@example.com', password: 'long-enough-1' } });
    expect(res.statusCode).toBe(201);
    const cookies = [res.headers['set-cookie']].flat().map(String);
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(['sk_device', 'sk_session']);
    for (const c of cookies) expect(c).toMatch(/; Secure/);
  });
});

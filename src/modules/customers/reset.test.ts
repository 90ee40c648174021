import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, uniqueEmail } from '../../../test/support/customers.js';
import { MINUTE } from '../../platform/clock.js';

describeEachBackend('customers: password reset', (backend) => {
  let t: TestApp;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/store${url}`, payload, headers });
  const latestCode = async (to: string) => {
    const [m] = await t.services.messages.list({ to });
    return { message: m, code: m?.body.match(/\d{6}/)?.[0] ?? '' };
  };
  const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());

  it('sends a code by email in the shopper language and sets the new password with it, once', async () => {
    const s = await registerShopper(t, { locale: 'en' });
    const res = await post('/auth/password-reset', { email: s.email });
    expect(res.statusCode).toBe(202);
    const { message, code } = await latestCode(s.email);
    expect(message).toMatchObject({ channel: 'email', to: s.email, locale: 'en' });
    expect(message.subject).toContain('password reset');
    expect(message.body).toContain('15 minutes');
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await post('/auth/password-reset/confirm', { email: s.email, code: otherThan(code), newPassword: 'brand-new-pass' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'RESET_CODE_INVALID' });
    const ok = await post('/auth/password-reset/confirm', { identifier: s.email, code, newPassword: 'brand-new-pass' });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/store/me', headers: s.auth })).statusCode).toBe(401);
    expect((await post('/auth/login', { email: s.email, password: s.password })).statusCode).toBe(401);
    expect((await post('/auth/login', { email: s.email, password: 'brand-new-pass' })).statusCode).toBe(200);
    const reused = await post('/auth/password-reset/confirm', { email: s.email, code, newPassword: 'another-pass-1' });
    expect(reused.json()).toMatchObject({ code: 'RESET_CODE_INVALID' });
  });

  it('sends an SMS in Chinese to a mobile account', async () => {
    const mobile = `137${String(Date.now()).slice(-8)}`;
    expect((await post('/auth/register', { mobile, password: 'password-1', locale: 'zh-CN' })).statusCode).toBe(201);
    expect((await post('/auth/password-reset', { identifier: mobile })).statusCode).toBe(202);
    const { message, code } = await latestCode(mobile);
    expect(message).toMatchObject({ channel: 'sms', to: mobile, locale: 'zh-CN' });
    expect(message.body).toContain('验证码');
    expect((await post('/auth/password-reset/confirm', { mobile, code, newPassword: 'password-2' })).statusCode).toBe(204);
    expect((await post('/auth/login', { mobile, password: 'password-2' })).statusCode).toBe(200);
  });

  it('answers 202 for unknown accounts and sends nothing', async () => {
    const email = uniqueEmail('ghost');
    expect((await post('/auth/password-reset', { email })).statusCode).toBe(202);
    expect((await post('/auth/password-reset', { identifier: 'not-an-account' })).statusCode).toBe(202);
    expect(await t.services.messages.list({ to: email })).toEqual([]);
    const confirm = await post('/auth/password-reset/confirm', { email, code: '123456', newPassword: 'whatever-1' });
    expect(confirm.json()).toMatchObject({ code: 'RESET_CODE_INVALID' });
  });

  it('voids a code after 5 wrong attempts, and a newer code replaces an older one', async () => {
    const s = await registerShopper(t);
    await post('/auth/password-reset', { email: s.email });
    const first = (await latestCode(s.email)).code;
    await post('/auth/password-reset', { email: s.email });
    const second = (await latestCode(s.email)).code;
    if (first !== second) {
      const old = await post('/auth/password-reset/confirm', { email: s.email, code: first, newPassword: 'new-pass-123' });
      expect(old.statusCode).toBe(400);
    }
    await post('/auth/password-reset', { email: s.email });
    const third = (await latestCode(s.email)).code;
    for (let i = 0; i < 5; i++) {
      const res = await post('/auth/password-reset/confirm', { email: s.email, code: otherThan(third), newPassword: 'new-pass-123' });
      expect(res.statusCode).toBe(400);
    }
    const tooLate = await post('/auth/password-reset/confirm', { email: s.email, code: third, newPassword: 'new-pass-123' });
    expect(tooLate.statusCode).toBe(400);
    expect((await post('/auth/login', { email: s.email, password: s.password })).statusCode).toBe(200);
  });

  it('expires codes after 15 minutes and limits how many are sent', async () => {
    const s = await registerShopper(t);
    await post('/auth/password-reset', { email: s.email });
    const { code } = await latestCode(s.email);
    t.clock.advance(15 * MINUTE + 1000);
    const expired = await post('/auth/password-reset/confirm', { email: s.email, code, newPassword: 'new-pass-123' });
    expect(expired.json()).toMatchObject({ code: 'RESET_CODE_INVALID' });
    // Five codes at once, then each waits longer (a minute, doubling); still 202, so nothing is revealed.
    for (let i = 0; i < 7; i++) expect((await post('/auth/password-reset', { email: s.email })).statusCode).toBe(202);
    expect(await t.services.messages.list({ to: s.email })).toHaveLength(5);
    t.clock.advance(MINUTE);
    expect((await post('/auth/password-reset', { email: s.email })).statusCode).toBe(202);
    expect(await t.services.messages.list({ to: s.email })).toHaveLength(6);
    expect((await post('/auth/password-reset', { email: s.email })).statusCode).toBe(202);
    expect(await t.services.messages.list({ to: s.email })).toHaveLength(6);
  });

  it('rejects a malformed reset request with 400', async () => {
    for (const payload of [{}, { email: 'x@example.com', mobile: '13800000000' }, { email: 'not-an-email' }]) {
      const res = await post('/auth/password-reset', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const badCode = await post('/auth/password-reset/confirm', { email: 'x@example.com', code: '12ab56', newPassword: 'long-enough' });
    expect(badCode.statusCode).toBe(400);
    const short = await post('/auth/password-reset/confirm', { email: 'x@example.com', code: '123456', newPassword: 'short' });
    expect(short.statusCode).toBe(400);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { registerShopper } from '../support/customers.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';

describe('platform: TRUST_PROXY', () => {
  it('is off by default and accepts addresses, CIDR blocks, proxy-addr names or a hop count', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, ::1 ,fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it.each(['true', 'on', '*', '10.0.0.0/33', 'proxy.internal', '1.2.3', '11', '127.0.0.1,,nope'])('refuses %j, naming TRUST_PROXY', (value) => {
    let problems: string[] = [];
    try {
      loadConfig({ TRUST_PROXY: value });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems;
    }
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TRUST_PROXY: /);
  });
});

/**
 * The address a sign-in is counted under and an admin write is audited with: the socket's, unless
 * the socket is a proxy named in TRUST_PROXY.
 */
describeEachBackend('X-Forwarded-For and TRUST_PROXY', (backend) => {
  const fromProxy = (ip: string, forwardedFor: string) => ({ remoteAddress: ip, headers: { 'x-forwarded-for': forwardedFor } });

  /** Six wrong guesses at one account, each claiming a new address: the sixth is refused only if the claims are ignored. */
  async function sixthGuess(t: TestApp): Promise<number> {
    const s = await registerShopper(t);
    let status = 0;
    for (let i = 0; i < 6; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/store/auth/login',
        payload: { email: s.email, password: `wrong-${i}` },
        ...fromProxy('127.0.0.1', `198.51.100.${i + 1}`),
      });
      status = res.statusCode;
    }
    return status;
  }

  /** An audited admin write sent from `remoteAddress` claiming `forwardedFor`; returns the audited address. */
  async function auditedAddress(t: TestApp, admin: StaffLogin, remoteAddress: string, forwardedFor: string): Promise<string> {
    const slug = `c-${Math.random().toString(36).slice(2, 10)}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/admin/categories',
      payload: { slug, name: { 'zh-CN': '测试', en: 'Test' } },
      remoteAddress,
      headers: { ...admin.auth, 'x-forwarded-for': forwardedFor },
    });
    expect(res.statusCode, res.body).toBe(201);
    const log = await t.app.inject({ url: `/api/admin/audit-log?entityType=category&entityId=${res.json().id}`, headers: admin.auth });
    return log.json().items[0].ip;
  }

  describe('without TRUST_PROXY', () => {
    let t: TestApp;
    let admin: StaffLogin;
    beforeAll(async () => {
      t = await startTestApp(backend);
      admin = await loginStaff(t, 'admin');
    });
    afterAll(() => t.close());

    it('counts sign-ins under the socket address whatever X-Forwarded-For claims', async () => {
      expect(await sixthGuess(t)).toBe(429);
    });

    it('audits admin writes with the socket address', async () => {
      expect(await auditedAddress(t, admin, '127.0.0.1', '203.0.113.7')).toBe('127.0.0.1');
      const staffSession = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email: admin.email, password: admin.password }, ...fromProxy('192.0.2.10', '203.0.113.8') });
      expect(staffSession.statusCode).toBe(200);
      const sessions = await t.k.db.q.execute(sql`select ip from staff_sessions where ip in ('192.0.2.10', '203.0.113.8')`);
      expect((sessions as unknown as { rows: Array<{ ip: string }> }).rows.map((r) => r.ip)).toEqual(['192.0.2.10']);
    });
  });

  describe('with TRUST_PROXY=127.0.0.1', () => {
    let t: TestApp;
    let admin: StaffLogin;
    beforeAll(async () => {
      t = await startTestApp(backend, { TRUST_PROXY: '127.0.0.1' });
      admin = await loginStaff(t, 'admin');
    });
    afterAll(() => t.close());

    it('counts sign-ins under the address the proxy forwarded', async () => {
      expect(await sixthGuess(t)).toBe(401);
    });

    it('audits the forwarded address from the proxy, and ignores the header from anyone else', async () => {
      expect(await auditedAddress(t, admin, '127.0.0.1', '203.0.113.7')).toBe('203.0.113.7');
      // A client that claims a chain is known by the last address the trusted proxy saw.
      expect(await auditedAddress(t, admin, '127.0.0.1', '10.9.9.9, 203.0.113.9')).toBe('203.0.113.9');
      expect(await auditedAddress(t, admin, '192.0.2.44', '203.0.113.7')).toBe('192.0.2.44');
    });
  });

  describe('with TRUST_PROXY=1 (one proxy in front)', () => {
    let t: TestApp;
    let admin: StaffLogin;
    beforeAll(async () => {
      t = await startTestApp(backend, { TRUST_PROXY: '1' });
      admin = await loginStaff(t, 'admin');
    });
    afterAll(() => t.close());

    it('believes the one entry the proxy added, not those the client sent before it', async () => {
      expect(await auditedAddress(t, admin, '10.0.0.2', '203.0.113.5')).toBe('203.0.113.5');
      expect(await auditedAddress(t, admin, '10.0.0.2', '198.51.100.1, 203.0.113.5')).toBe('203.0.113.5');
    });
  });
});

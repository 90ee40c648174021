import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

const TOKEN = 'scrape-me-please-0123456789';
const metrics = (t: TestApp, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url: '/metrics', remoteAddress, headers: { 'accept-language': 'en', ...headers } });

describeEachBackend('/metrics by default: loopback only', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t?.close());

  it('answers a scraper on this machine (IPv4, IPv6 and IPv4-mapped loopback)', async () => {
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await metrics(t, ip);
      expect(res.statusCode, ip).toBe(200);
      expect(res.body).toContain('# TYPE http_request_duration_seconds histogram');
    }
  });

  it('refuses any other address with 403 problem+json, in both languages, without the figures', async () => {
    for (const ip of ['203.0.113.9', '10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1']) {
      const res = await metrics(t, ip);
      expect(res.statusCode, ip).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'METRICS_FORBIDDEN', status: 403 });
      expect(res.body).not.toContain('http_request_duration_seconds');
    }
    const zh = await metrics(t, '203.0.113.9', { 'accept-language': 'zh-CN' });
    expect(zh.json().detail).toContain('监控指标');
  });

  it('is not fooled by a forwarded-for header naming loopback (no proxy is trusted by default)', async () => {
    const spoofs: Array<Record<string, string>> = [{ 'x-forwarded-for': '127.0.0.1' }, { 'x-forwarded-for': '::1, 127.0.0.1' }, { 'x-real-ip': '127.0.0.1' }, { forwarded: 'for=127.0.0.1' }];
    for (const headers of spoofs) {
      const res = await metrics(t, '203.0.113.9', headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.body).not.toContain('http_request_duration_seconds');
    }
  });
});

describeEachBackend('/metrics behind a trusted proxy', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { TRUST_PROXY: '10.0.0.1' });
  });
  afterAll(() => t?.close());

  it('judges the client the proxy names, and only a proxy it trusts may name one', async () => {
    // Through the trusted proxy: the client it names is outside, so refused — the proxy's own address does not count.
    expect((await metrics(t, '10.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(403);
    // Through it, for a scraper on the proxy's machine: answered.
    expect((await metrics(t, '10.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(200);
    // Anyone else claiming loopback: refused.
    expect((await metrics(t, '203.0.113.9', { 'x-forwarded-for': '127.0.0.1' })).statusCode).toBe(403);
  });
});

describeEachBackend('/metrics with METRICS_ALLOW and METRICS_TOKEN', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { METRICS_ALLOW: '10.0.0.0/8, 2001:db8::/32', METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t?.close());

  it('answers the configured networks without a token', async () => {
    expect((await metrics(t, '10.20.30.40')).statusCode).toBe(200);
    expect((await metrics(t, '2001:db8::7')).statusCode).toBe(200);
  });

  it('answers anywhere with the bearer token, as Prometheus sends it', async () => {
    const res = await metrics(t, '203.0.113.9', { authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('http_request_duration_seconds');
  });

  it('asks for the token (401, WWW-Authenticate) without it or with a wrong one; loopback is no longer in the list', async () => {
    for (const [ip, headers] of [
      ['203.0.113.9', {}],
      ['203.0.113.9', { authorization: `Bearer ${TOKEN}x` }],
      ['203.0.113.9', { authorization: TOKEN }],
      ['127.0.0.1', {}],
    ] as const) {
      const res = await metrics(t, ip, headers);
      expect(res.statusCode, `${ip} ${JSON.stringify(headers)}`).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.json()).toMatchObject({ code: 'METRICS_TOKEN_REQUIRED' });
    }
  });
});

describe('METRICS_ALLOW and METRICS_TOKEN settings', () => {
  it('defaults to loopback and no token; `none` leaves the token only', () => {
    expect(loadConfig({}).metricsAllow).toEqual(['127.0.0.0/8', '::1/128']);
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_ALLOW: 'none', METRICS_TOKEN: TOKEN }).metricsAllow).toEqual([]);
  });

  it('stops the start on a bad block or a short token, naming the variable', () => {
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0.0/8/1', '::1/129', '10.0.0.0/x']) {
      expect(() => loadConfig({ METRICS_ALLOW: bad }), bad).toThrow(/METRICS_ALLOW/);
    }
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });
});

import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';

const LIMIT = 4096;

describeEachBackend('platform: HTTP surface', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { BODY_LIMIT_BYTES: String(LIMIT) });
  });
  afterAll(() => t.close());

  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code, title: code, type: `about:blank#${code}`, detail: expect.any(String) });
  };

  it('answers health, readiness with the database kind, and Prometheus metrics', async () => {
    const health = await t.app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: backend.name });
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('# TYPE http_request_duration_seconds histogram');
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
  });

  it('sends the security headers on every answer, errors included', async () => {
    for (const url of ['/healthz', '/api/store/products', '/no/such/thing']) {
      const res = await t.app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security'], url).toContain('max-age=');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
  });

  it('refuses a body larger than BODY_LIMIT_BYTES with 413 BODY_TOO_LARGE', async () => {
    const payload = JSON.stringify({ email: 'big@example.com', password: 'x'.repeat(LIMIT) });
    const res = await t.app.inject({
      method: 'POST', url: '/api/store/auth/register', headers: { 'content-type': 'application/json', 'accept-language': 'en' }, payload,
    });
    expectProblem(res, 413, 'BODY_TOO_LARGE');
    expect(res.json().detail).toBe(`The request body is larger than ${LIMIT} bytes.`);
    const zh = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', headers: { 'content-type': 'application/json' }, payload });
    expect(zh.json().detail).toBe(`请求体超过 ${LIMIT} 字节上限。`);
  });

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    for (const payload of ['{"email": "a@example.com",', '{not json}', '']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', headers: { 'content-type': 'application/json' }, payload });
      expectProblem(res, 400, 'INVALID_JSON');
    }
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND naming it', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/store/nothing-here?x=1', headers: { 'accept-language': 'en' } });
    expectProblem(res, 404, 'ROUTE_NOT_FOUND');
    expect(res.json().detail).toBe('No such endpoint: DELETE /api/store/nothing-here');
  });

  it('answers a request the HTTP parser refuses (raw UTF-8 in the URL) with 400 problem+json', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(Buffer.from('GET /api/store/search?q=耳机 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'));
      });
      let data = '';
      socket.on('data', (d) => (data += d.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1.1 400/);
    expect(head).toContain('application/problem+json');
    expect(JSON.parse(body!)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', detail: expect.stringContaining('percent-encode') });
  });
});

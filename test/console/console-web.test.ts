import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBackend, startTestApp, type TestApp } from '../support/harness.js';
import { consoleWebRoutes } from '../../src/web/console/index.js';
import { ensureConsoleBuild } from './build.js';

/** The operations console is served by the API process at /admin (src/web/console). */
describeOnBackend('pglite', 'console: served at /admin', (backend) => {
  let t: TestApp;
  let builtIndex: string;

  beforeAll(async () => {
    const dir = await ensureConsoleBuild();
    builtIndex = readFileSync(join(dir, 'index.html'), 'utf8');
    t = await startTestApp(backend);
  }, 180_000);
  afterAll(() => t?.close());

  const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="(\/admin\/assets\/[^"]+)"/g)].map((m) => m[1]);

  it('serves the built index at /admin and /admin/, never cached, with a content security policy', async () => {
    for (const url of ['/admin', '/admin/']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toBe(builtIndex);
      expect(res.body).toContain('<div id="root"></div>');
    }
  });

  it('answers client routes such as /admin/orders/xyz with the same index, so the app can route', async () => {
    for (const url of ['/admin/orders/xyz', '/admin/products/new', '/admin/sign-in?next=%2Forders']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(builtIndex);
    }
  });

  it('serves every asset the index refers to under its hashed name, immutable, gzipped when asked', async () => {
    const assets = assetsOf(builtIndex);
    expect(assets.length).toBeGreaterThan(0);
    for (const url of assets) {
      expect(url).toMatch(/-[A-Za-z0-9_-]{8}\.(js|css)$/);
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toMatch(/^text\/(javascript|css)/);
    }
    const zipped = await t.app.inject({ url: assets[0], headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toContain('immutable');
  });

  it('answers a missing asset with 404 rather than the index (a stale tab must not run HTML as script)', async () => {
    const res = await t.app.inject({ url: '/admin/assets/index-00000000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<div id="root">');
    expect((await t.app.inject({ url: '/admin/assets/..%2F..%2Fpackage.json' })).statusCode).toBe(404);
  });

  it('leaves /api as it was', async () => {
    const me = await t.app.inject({ url: '/api/admin/me' });
    expect(me.statusCode).toBe(401);
    expect(me.headers['content-type']).toContain('application/problem+json');
    const docs = await t.app.inject({ url: '/api/openapi.json' });
    expect(docs.statusCode).toBe(200);
    expect(docs.json().openapi).toBe('3.1.0');
    const products = await t.app.inject({ url: '/api/store/products' });
    expect(products.statusCode).toBe(200);
    const unknown = await t.app.inject({ url: '/api/admin/no-such-thing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain('<div id="root">');
  });
});

describe('console: without a build', () => {
  const app = Fastify();
  beforeAll(async () => {
    await app.register(consoleWebRoutes({ root: '/nonexistent/dist/console' }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers /admin and its client routes with 503 problem+json saying how to build it', async () => {
    for (const url of ['/admin', '/admin/orders/xyz', '/admin/assets/index-abc12345.js']) {
      const res = await app.inject({ url, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 503, code: 'CONSOLE_NOT_BUILT' });
      expect(res.json().detail).toContain('npm run build:web');
    }
  });

  it('says it in Chinese by default', async () => {
    const res = await app.inject({ url: '/admin' });
    expect(res.json().detail).toContain('运营后台尚未构建');
  });
});

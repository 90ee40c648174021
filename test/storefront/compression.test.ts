import { afterAll, beforeAll, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { seedProduct, type SeededProduct } from '../support/commerce.js';
import { loginStaff } from '../support/staff.js';
import { STOREFRONT_DIST } from '../../src/web/storefront/index.js';
import { ensureStorefrontBuild } from './build.js';

type Reply = { headers: Record<string, unknown>; rawPayload: Buffer; statusCode: number };

function decoded(res: Reply): Buffer {
  const coding = res.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(res.rawPayload);
  if (coding === 'gzip') return gunzipSync(res.rawPayload);
  expect(coding).toBeUndefined();
  return res.rawPayload;
}

describeEachBackend('HTTP compression (cached pages, cached reads, fresh answers, static assets)', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  const slug = 'zip-earbuds';

  beforeAll(async () => {
    ensureStorefrontBuild();
    t = await startTestApp(backend);
    p = await seedProduct(t, { slug, stock: 5 });
    for (let i = 0; i < 3; i++) await seedProduct(t, { slug: `zip-more-${i}` });
  });
  afterAll(() => t?.close());

  /** http_compressions_total from /metrics: what this process compressed so far. */
  async function compressions(level: 'fresh' | 'cached', coding: 'br' | 'gzip'): Promise<number> {
    const text = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const m = text.match(new RegExp(`^http_compressions_total\\{level="${level}",coding="${coding}"\\} (\\d+)`, 'm'));
    return Number(m?.[1] ?? NaN);
  }
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers }) as Promise<Reply & { body: string }>;

  it('sends a cached page as br, gzip or identity by Accept-Encoding, the same bytes once decoded, compressed once per entry', async () => {
    const url = `/p/${slug}`;
    const identity = await get(url);
    expect(identity.headers['x-page-cache']).toBe('miss');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(String(identity.headers.vary)).toMatch(/accept-encoding/i);
    expect(identity.rawPayload.length).toBeGreaterThan(1024);

    const brBefore = await compressions('cached', 'br');
    const gzBefore = await compressions('cached', 'gzip');
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['x-page-cache']).toBe('hit');
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(identity.rawPayload.length / 2);
    expect(decoded(br).equals(identity.rawPayload)).toBe(true);

    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(identity.rawPayload)).toBe(true);

    // Each coding is its own representation: its own ETag, all three different.
    expect(new Set([identity.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);

    // Nine more requests: the compressed bytes kept with the entry are sent again, never recompressed.
    for (let i = 0; i < 3; i++) {
      const again = await get(url, { 'accept-encoding': 'br' });
      expect(again.rawPayload.equals(br.rawPayload)).toBe(true);
      await get(url, { 'accept-encoding': 'gzip' });
      await get(url);
    }
    expect((await compressions('cached', 'br')) - brBefore).toBe(1);
    expect((await compressions('cached', 'gzip')) - gzBefore).toBe(1);

    // q=0 refuses a coding; nothing acceptable is identity.
    expect((await get(url, { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    const refused = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.rawPayload.equals(identity.rawPayload)).toBe(true);

    // Revalidation: the tag of any coding matches, and the 304 carries the tag of the coding asked for.
    const notModified = await get(url, { 'accept-encoding': 'br', 'if-none-match': String(identity.headers.etag) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    expect(notModified.headers.etag).toBe(br.headers.etag);
    expect((await get(url, { 'if-none-match': String(gz.headers.etag) })).statusCode).toBe(304);

    // A HEAD for a page nobody asked for yet gets GET's headers, and leaves the whole page in the cache.
    const other = `/en/p/${slug}`;
    const headFirst = (await t.app.inject({ method: 'HEAD', url: other })) as unknown as Reply;
    expect(headFirst.statusCode).toBe(200);
    expect(headFirst.rawPayload.length).toBe(0);
    const afterHead = await get(other);
    expect(afterHead.body).toContain('<html lang="en"');
    expect(Number(headFirst.headers['content-length'])).toBe(afterHead.rawPayload.length);

    // HEAD: the headers a GET would have, no body.
    const head = (await t.app.inject({ method: 'HEAD', url, headers: { 'accept-encoding': 'br' } })) as unknown as Reply;
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers.etag).toBe(br.headers.etag);
    expect(head.rawPayload.length).toBe(0);

    // An edit drops the page and its compressed bodies with it: the next br request compresses the new page.
    const admin = await loginStaff(t, 'admin');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/products/${p.productId}`,
      headers: admin.auth,
      payload: { title: { 'zh-CN': '压缩测试耳机', en: 'Compressed earbuds' } },
    });
    expect(edit.statusCode).toBe(200);
    await t.settle();
    const before = await compressions('cached', 'br');
    const fresh = await get(url, { 'accept-encoding': 'br' });
    expect(fresh.headers['x-page-cache']).toBe('miss');
    expect(decoded(fresh).toString('utf8')).toContain('压缩测试耳机');
    expect((await compressions('cached', 'br')) - before).toBe(1);
  });

  it('sends cached API reads compressed once per entry, and the bridge still reads them in the clear', async () => {
    const url = `/api/store/products?limit=20`;
    const identity = await get(url);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.rawPayload.length).toBeGreaterThan(1024);
    const before = await compressions('cached', 'gzip');
    const first = await get(url, { 'accept-encoding': 'gzip' });
    const second = await get(url, { 'accept-encoding': 'gzip' });
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(String(first.headers.vary)).toMatch(/accept-encoding/i);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(JSON.parse(decoded(first).toString('utf8'))).toEqual(JSON.parse(identity.body));
    expect((await compressions('cached', 'gzip')) - before).toBe(1);
    expect((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);

    // A page whose loaders read the API in-process renders the same with a browser's Accept-Encoding.
    const page = await get('/en/', { 'accept-encoding': 'br' });
    expect(page.statusCode).toBe(200);
    expect(decoded(page).toString('utf8')).toContain('<html lang="en"');
  });

  it('compresses fresh answers on the fly (every time), leaves tiny bodies alone, and answers identity without Accept-Encoding', async () => {
    // A shopper with a cart gets a freshly rendered page.
    const cookie = 'sk_cart_id=00000000-0000-7000-8000-000000000000';
    const plain = await get(`/p/${slug}`, { cookie });
    expect(plain.headers['x-page-cache']).toBeUndefined();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const before = await compressions('fresh', 'br');
    const br1 = await get(`/p/${slug}`, { cookie, 'accept-encoding': 'br, gzip' });
    const br2 = await get(`/p/${slug}`, { cookie, 'accept-encoding': 'br, gzip' });
    expect(br1.headers['content-encoding']).toBe('br');
    expect(String(br1.headers.vary)).toMatch(/accept-encoding/i);
    expect(decoded(br2).toString('utf8')).toBe(plain.body);
    expect((await compressions('fresh', 'br')) - before).toBe(2);
    const gz = await get(`/p/${slug}`, { cookie, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).toString('utf8')).toBe(plain.body);

    // problem+json is text too, but a small one is not worth compressing.
    const missing = await get('/api/store/products/no-such-product', { 'accept-encoding': 'br' });
    expect(missing.statusCode).toBe(404);
    expect(missing.rawPayload.length).toBeLessThan(1024);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });

  it('serves the storefront’s built JS and CSS from the .br/.gz files written at build time', async () => {
    const assets = join(STOREFRONT_DIST, 'client', 'assets');
    const name = readdirSync(assets).find((f) => f.endsWith('.css') && readdirSync(assets).includes(`${f}.br`))!;
    expect(name).toBeTruthy();
    const original = readFileSync(join(assets, name));
    const before = await compressions('fresh', 'br');
    const br = await get(`/assets/${name}`, { 'accept-encoding': 'br, gzip' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers['content-type'])).toContain('text/css');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.rawPayload.equals(readFileSync(join(assets, `${name}.br`)))).toBe(true);
    expect(decoded(br).equals(original)).toBe(true);
    expect((await compressions('fresh', 'br')) - before).toBe(0);
    const gz = await get(`/assets/${name}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(original)).toBe(true);
    const plain = await get(`/assets/${name}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });
});

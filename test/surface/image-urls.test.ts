import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { isImageUrl } from '../../src/platform/image-url.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const MEDIA = '/media/0b3c6a4e-6f7d-4a63-9a55-1f2e3d4c5b6a';
const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  '//evil.example/x.png',
  '/admin/logout',
  '/media/../api/admin/staff',
  '/media/not-an-id',
  'https://user:pw@evil.example/x.png',
  'ftp://files.example/x.png',
  'x.png',
];
const FINE = ['https://cdn.example.com/a.jpg', 'http://img.example.com/a.png?w=800', MEDIA, `${MEDIA}/640.webp`];

describe('isImageUrl', () => {
  it('accepts http(s) and the store’s own media, nothing else', () => {
    for (const u of FINE) expect(isImageUrl(u), u).toBe(true);
    for (const u of HOSTILE) expect(isImageUrl(u), u).toBe(false);
  });
});

describeEachBackend('image URLs are refused unless http(s) or /media', (backend) => {
  let t: TestApp;
  let m: StaffLogin;
  let categoryId: string;
  const api = (method: 'POST' | 'PATCH' | 'PUT' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { ...m.auth, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
  const image = (url: string) => ({ url, width: 800, height: 800, alt: zhEn('图', 'Picture') });
  const product = (slug: string, url: string) => ({
    slug, title: zhEn(`杯子 ${slug}`, `Cup ${slug}`), categoryId, images: [image(url)],
    variants: [{ sku: `${slug}-1`.toUpperCase(), price: 1000 }],
  });

  beforeAll(async () => {
    t = await startTestApp(backend);
    m = await loginStaff(t, 'merchandiser');
    categoryId = (await api('POST', '/categories', { slug: 'cups', name: zhEn('杯子', 'Cups') })).json().id;
  });
  afterAll(() => t?.close());

  const expectRefused = (res: { statusCode: number; headers: Record<string, unknown>; json(): any }, what: string) => {
    expect(res.statusCode, what).toBe(400);
    expect(res.headers['content-type'], what).toContain('application/problem+json');
    expect(res.json().code, what).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().errors ?? res.json().detail), what).toMatch(/images/);
  };

  it('creates products with http(s) and media pictures', async () => {
    for (const [i, url] of FINE.entries()) {
      const res = await api('POST', '/products', product(`ok-${i}`, url));
      expect(res.statusCode, url).toBe(201);
      expect(res.json().images[0].url).toBe(url);
    }
  });

  it('refuses a hostile picture on create, patch and the editor’s save, and changes nothing', async () => {
    const base = (await api('POST', '/products', product('base', FINE[0]))).json();
    for (const [i, url] of HOSTILE.entries()) {
      expectRefused(await api('POST', '/products', product(`bad-${i}`, url)), `create ${url}`);
      expectRefused(await api('PATCH', `/products/${base.id}`, { images: [image(url)] }), `patch ${url}`);
      const saved = { ...product('base', url), variants: [{ id: base.variants[0].id, sku: 'BASE-1', price: 1000 }] };
      expectRefused(await api('PUT', `/products/${base.id}`, saved), `save ${url}`);
    }
    const after = (await api('GET', `/products/${base.id}`)).json();
    expect(after.images).toEqual(base.images);
    const slugs = (await api('GET', '/products?limit=100')).json().items.map((p: { slug: string }) => p.slug);
    expect(slugs.filter((s: string) => s.startsWith('bad-'))).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const colour = { code: 'color', name: zhEn('颜色', 'Colour'), values: [{ code: 'black', name: zhEn('黑', 'Black') }, { code: 'white', name: zhEn('白', 'White') }] };

describeEachBackend('catalog admin API', (backend) => {
  let t: TestApp;
  let m: StaffLogin;
  let audio: string;
  let electronics: string;
  let brand: string;
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { ...m.auth, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
  const product = (slug: string, extra: object = {}) => ({
    slug, title: zhEn(`耳机 ${slug}`, `Earbuds ${slug}`), categoryId: audio, brandId: brand, options: [colour],
    variants: [{ sku: `${slug}-BLK`, optionValues: { color: 'black' }, price: 19900 }], ...extra,
  });
  const auditCount = async () => (await t.services.audit.list({ limit: 100 })).items.length;

  beforeAll(async () => {
    t = await startTestApp(backend);
    m = await loginStaff(t, 'merchandiser');
    electronics = (await api('POST', '/categories', { slug: 'electronics', name: zhEn('数码', 'Electronics') })).json().id;
    audio = (await api('POST', '/categories', { slug: 'audio', name: zhEn('音频', 'Audio'), parentId: electronics })).json().id;
    brand = (await api('POST', '/brands', { slug: 'huawei', name: zhEn('华为', 'Huawei') })).json().id;
  });
  afterAll(() => t.close());

  it('maintains categories and brands', async () => {
    const tree = (await api('GET', '/categories')).json().items;
    expect(tree).toEqual([expect.objectContaining({ slug: 'electronics', children: [expect.objectContaining({ slug: 'audio' })] })]);
    const moved = await api('PATCH', `/categories/${audio}`, { name: zhEn('影音', 'Audio & video') });
    expect(moved.json()).toMatchObject({ slug: 'audio', parentId: electronics, position: 0, name: { en: 'Audio & video' } });
    expect((await api('PATCH', `/categories/${electronics}`, { parentId: audio })).json().code).toBe('CATEGORY_CYCLE');
    expect((await api('PATCH', `/brands/${brand}`, { name: zhEn('华为', 'HUAWEI') })).json().name.en).toBe('HUAWEI');
    expect((await api('GET', '/brands')).json().items.map((b: { slug: string }) => b.slug)).toEqual(['huawei']);
    expect((await api('POST', '/brands', { slug: 'huawei', name: zhEn('x', 'x') })).statusCode).toBe(409);
  });

  it('creates a draft, changes only the fields sent, publishes and archives it', async () => {
    const created = await api('POST', '/products', product('pods', { tags: ['anc'] }));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', priceMin: 19900 });
    expect((await t.app.inject({ url: '/api/store/products/pods' })).statusCode).toBe(404);

    const patched = await api('PATCH', `/products/${id}`, { title: zhEn('降噪耳机', 'ANC earbuds') });
    expect(patched.json()).toMatchObject({ title: { en: 'ANC earbuds' }, status: 'draft', tags: ['anc'], options: [colour], brandId: brand });

    const published = await api('POST', `/products/${id}/publish`);
    expect(published.json().status).toBe('active');
    await t.settle();
    expect((await t.app.inject({ url: '/api/store/products/pods' })).statusCode).toBe(200);
    expect((await api('POST', `/products/${id}/archive`)).json().status).toBe('archived');
    await t.settle();
    expect((await t.app.inject({ url: '/api/store/products/pods' })).statusCode).toBe(404);
    expect((await api('GET', '/products/pods')).json().status).toBe('archived');
  });

  it('adds and changes variants, keeping the price range', async () => {
    const id = (await api('POST', '/products', product('buds'))).json().id;
    const added = await api('POST', `/products/${id}/variants`, { sku: 'buds-WHT', optionValues: { color: 'white' }, price: 25900, cost: 9000 });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ priceMin: 19900, priceMax: 25900 });
    const white = added.json().variants.find((v: { sku: string }) => v.sku === 'buds-WHT');
    const changed = await api('PATCH', `/variants/${white.id}`, { price: 15900 });
    expect(changed.json()).toMatchObject({ price: 15900, cost: 9000, active: true, optionValues: { color: 'white' }, productId: id });
    expect((await api('GET', `/products/${id}`)).json()).toMatchObject({ priceMin: 15900, priceMax: 19900 });
    expect((await api('POST', `/products/${id}/variants`, { sku: 'buds-RED', optionValues: { color: 'red' }, price: 1 })).json().code).toBe('VARIANT_OPTIONS_INVALID');
    expect((await api('POST', `/products/${id}/variants`, { sku: 'pods-BLK', optionValues: { color: 'black' }, price: 1 })).statusCode).toBe(409);
    const off = await api('PATCH', `/variants/${white.id}`, { active: false });
    expect(off.json().active).toBe(false);
  });

  it('lists products of any status with status, category, brand and text filters', async () => {
    await api('POST', '/products', product('speaker', { status: 'active', brandId: null, title: zhEn('蓝牙音箱', 'Bluetooth speaker') }));
    const slugs = async (q: string) => (await api('GET', `/products?limit=100${q}`)).json().items.map((p: { slug: string }) => p.slug).sort();
    expect(await slugs('')).toEqual(['buds', 'pods', 'speaker']);
    expect(await slugs('&status=draft')).toEqual(['buds']);
    expect(await slugs(`&brand=${brand}`)).toEqual(['buds', 'pods']);
    expect(await slugs(`&category=${electronics}`)).toEqual(['buds', 'pods', 'speaker']);
    expect(await slugs(`&q=${encodeURIComponent('音箱')}`)).toEqual(['speaker']);
    expect(await slugs('&q=buds-wht')).toEqual(['buds']);
    expect((await api('GET', '/products?status=sold')).statusCode).toBe(400);
  });

  it('answers bad products with problem+json and writes nothing', async () => {
    const before = { audit: await auditCount(), products: (await api('GET', '/products?limit=100')).json().items.length };
    const cases: Array<[object, number, string]> = [
      [{ ...product('bad-1'), variants: [] }, 400, 'VALIDATION_FAILED'],
      [{ ...product('bad-2'), slug: 'Not A Slug' }, 400, 'VALIDATION_FAILED'],
      [{ ...product('bad-3'), variants: [{ sku: 'x', price: -1 }] }, 400, 'VALIDATION_FAILED'],
      [product('pods'), 409, 'SLUG_TAKEN'],
      // The product row is inserted before the clashing second variant: all of it must roll back.
      [{ ...product('bad-4'), variants: [{ sku: 'bad-4-BLK', optionValues: { color: 'black' }, price: 1 }, { sku: 'pods-BLK', optionValues: { color: 'white' }, price: 1 }] }, 409, 'SKU_TAKEN'],
      [{ ...product('bad-5'), variants: [{ sku: 'bad-5-X', optionValues: { size: 'm' }, price: 1 }] }, 422, 'VARIANT_OPTIONS_INVALID'],
      [{ ...product('bad-6'), status: 'active', variants: [{ sku: 'bad-6-X', optionValues: { color: 'black' }, price: 1, active: false }] }, 422, 'PRODUCT_NOT_PUBLISHABLE'],
      [{ ...product('bad-7'), categoryId: '0190d1a0-0000-7000-8000-000000000000' }, 404, 'CATEGORY_NOT_FOUND'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await api('POST', '/products', payload);
      expect(res.statusCode, code).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code, status });
    }
    expect((await api('POST', '/products', { ...product('bad-1'), variants: [] })).json().errors[0]).toMatchObject({ in: 'body', path: 'variants' });
    expect((await api('GET', '/products/bad-4')).statusCode).toBe(404);
    expect((await api('GET', '/products/pods-BLK')).statusCode).toBe(404);
    expect((await api('GET', '/products?limit=100')).json().items).toHaveLength(before.products);
    expect(await auditCount()).toBe(before.audit);
    const pods = (await api('GET', '/products/pods')).json().id;
    expect((await api('PATCH', `/products/${pods}`, { slug: 'buds' })).json().code).toBe('SLUG_TAKEN');
    // Status changes go through publish/archive, so a PATCH naming it is refused rather than ignored.
    expect((await api('PATCH', `/products/${pods}`, { status: 'active' })).statusCode).toBe(400);
    expect((await api('GET', '/products/pods')).json().status).toBe('archived');
    expect(await auditCount()).toBe(before.audit);
  });
});

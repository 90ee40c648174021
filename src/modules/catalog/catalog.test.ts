import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describeEachBackend('catalog store API', (backend) => {
  let t: TestApp;
  let phones: string;
  let audio: string;
  let brand: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const c = t.services.catalog;
    await t.k.db.transaction(async () => {
      const electronics = await c.createCategory({ slug: 'electronics', name: zhEn('数码', 'Electronics'), parentId: null, position: 0 });
      phones = (await c.createCategory({ slug: 'phones', name: zhEn('手机', 'Phones'), parentId: electronics.id, position: 0 })).id;
      audio = (await c.createCategory({ slug: 'audio', name: zhEn('音频', 'Audio'), parentId: electronics.id, position: 1 })).id;
      brand = (await c.createBrand({ slug: 'huawei', name: zhEn('华为', 'Huawei') })).id;
    });
    for (let i = 0; i < 25; i++) {
      t.clock.advance(1000);
      await t.k.db.transaction(() =>
        c.createProduct({
          slug: `earbuds-${i}`,
          title: zhEn(`无线蓝牙耳机 ${i}`, `Wireless Earbuds ${i}`),
          categoryId: i % 2 ? audio : phones,
          brandId: i % 5 === 0 ? brand : null,
          status: i === 24 ? 'draft' : 'active',
          privateLabel: false,
          exclusive: false,
          tags: [],
          attributes: [],
          options: [{ code: 'color', name: zhEn('颜色', 'Colour'), values: [{ code: 'black', name: zhEn('黑色', 'Black') }, { code: 'white', name: zhEn('白色', 'White') }] }],
          images: [],
          variants: [
            { sku: `EB-${i}-BLK`, optionValues: { color: 'black' }, price: 19900 + i, weightGrams: 120, active: true },
            { sku: `EB-${i}-WHT`, optionValues: { color: 'white' }, price: 20900 + i, weightGrams: 120, active: true },
          ],
        }),
      );
    }
    await t.settle();
  });
  afterAll(() => t.close());

  it('pages through active products newest first with a cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): any } = await t.app.inject({ url: `/api/store/products?limit=10${cursor ? `&cursor=${cursor}` : ''}` });
      expect(res.statusCode).toBe(200);
      const body: { items: Array<{ slug: string }>; nextCursor: string | null } = res.json();
      seen.push(...body.items.map((p: { slug: string }) => p.slug));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(24); // the draft is not listed
    expect(new Set(seen).size).toBe(24);
    expect(seen[0]).toBe('earbuds-23');
    expect(seen.at(-1)).toBe('earbuds-0');
  });

  it('filters by category including subcategories, and by brand', async () => {
    const root = (await t.app.inject({ url: '/api/store/categories' })).json().items[0];
    expect(root.children.map((c: { slug: string }) => c.slug)).toEqual(['phones', 'audio']);
    const all = (await t.app.inject({ url: `/api/store/products?limit=100&category=${root.id}` })).json();
    expect(all.items).toHaveLength(24);
    const onlyAudio = (await t.app.inject({ url: `/api/store/products?limit=100&category=${audio}` })).json();
    expect(onlyAudio.items).toHaveLength(12);
    expect(onlyAudio.items.every((p: { categoryId: string }) => p.categoryId === audio)).toBe(true);
    const byBrand = (await t.app.inject({ url: `/api/store/products?limit=100&brand=${brand}` })).json();
    expect(byBrand.items.map((p: { slug: string }) => p.slug).sort()).toEqual(['earbuds-0', 'earbuds-10', 'earbuds-15', 'earbuds-20', 'earbuds-5']);
  });

  it('returns a product by slug with variants, price range and both languages', async () => {
    const res = await t.app.inject({ url: '/api/store/products/earbuds-3' });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.title).toEqual({ 'zh-CN': '无线蓝牙耳机 3', en: 'Wireless Earbuds 3' });
    expect(p.priceMin).toBe(19903);
    expect(p.priceMax).toBe(20903);
    expect(p.variants.map((v: { optionValues: Record<string, string> }) => v.optionValues)).toHaveLength(2);
    // Shoppers get a stock level, not the store's SKU codes, barcodes or exact stock.
    for (const v of p.variants) {
      expect(Object.keys(v)).not.toEqual(expect.arrayContaining(['sku']));
      expect(v).not.toHaveProperty('barcode');
      expect(v).not.toHaveProperty('available');
      expect(['inStock', 'low', 'out']).toContain(v.stock);
    }
    expect(res.body).not.toContain('EB-3-BLK');
    const byId = await t.app.inject({ url: `/api/store/products/${p.id}` });
    expect(byId.json().slug).toBe('earbuds-3');
  });

  it('answers 304 to a matching ETag and drops the cache when the product changes', async () => {
    const first = await t.app.inject({ url: '/api/store/products/earbuds-4' });
    const etag = first.headers.etag as string;
    // The tags it is kept under go out as Surrogate-Key (the product, its variants' stock, the catalog).
    const keys = String(first.headers['surrogate-key']).split(' ');
    expect(keys).toEqual(expect.arrayContaining(['catalog', `product:${first.json().id}`]));
    expect(keys.filter((k) => k.startsWith('stock:'))).toHaveLength(first.json().variants.length);
    const again = await t.app.inject({ url: '/api/store/products/earbuds-4', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    const id = first.json().id;
    await t.k.db.transaction(() => t.services.catalog.updateProduct(id, { title: { 'zh-CN': '降噪耳机', en: 'ANC Earbuds' } }));
    await t.settle();
    const after = await t.app.inject({ url: '/api/store/products/earbuds-4', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.json().title.en).toBe('ANC Earbuds');
  });

  it('hides drafts and answers unknown products and bad input with problem+json', async () => {
    const draft = await t.app.inject({ url: '/api/store/products/earbuds-24', headers: { 'accept-language': 'en' } });
    expect(draft.statusCode).toBe(404);
    expect(draft.headers['content-type']).toContain('application/problem+json');
    expect(draft.json()).toMatchObject({ code: 'PRODUCT_NOT_FOUND', status: 404 });
    const zh = await t.app.inject({ url: '/api/store/products/nope' });
    expect(zh.json().detail).toContain('不存在');
    for (const url of ['/api/store/products?limit=0', '/api/store/products?limit=abc', '/api/store/products?category=not-a-uuid']) {
      const res: { statusCode: number; json(): any } = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.app.inject({ url: '/api/store/products?cursor=%%%' })).json()).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
  });
});

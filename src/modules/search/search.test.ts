import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describeEachBackend('search API', (backend) => {
  let t: TestApp;
  let audio: string;
  let apparel: string;
  let huawei: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const c = t.services.catalog;
    const wh = await t.k.db.transaction(() => t.services.inventory.ensureDefaultWarehouse());
    await t.k.db.transaction(async () => {
      audio = (await c.createCategory({ slug: 'audio', name: zhEn('耳机音响', 'Audio'), parentId: null, position: 0 })).id;
      apparel = (await c.createCategory({ slug: 'apparel', name: zhEn('服饰', 'Apparel'), parentId: null, position: 1 })).id;
      huawei = (await c.createBrand({ slug: 'huawei', name: zhEn('华为', 'Huawei') })).id;
    });
    const items = [
      ['freebuds', '华为无线蓝牙耳机', 'Huawei Wireless Bluetooth Earbuds', audio, huawei, 59900, 10],
      ['speaker', '蓝牙音箱', 'Bluetooth Speaker', audio, null, 19900, 0],
      ['tee', '纯棉T恤男款', "Men's Cotton T-shirt", apparel, null, 7900, 5],
      ['hoodie', '加绒连帽卫衣', 'Fleece Hoodie', apparel, null, 15900, 5],
    ] as const;
    for (const [slug, zh, en, categoryId, brandId, price, stock] of items) {
      await t.k.db.transaction(async () => {
        const p = await c.createProduct({
          slug, title: zhEn(zh, en), categoryId, brandId, status: 'active', privateLabel: false, exclusive: false,
          tags: [], attributes: [], options: [], images: [],
          variants: [{ sku: slug.toUpperCase(), optionValues: {}, price, weightGrams: 100, active: true }],
        });
        if (stock) await t.services.inventory.adjust({ variantId: p.variants[0].id, warehouseId: wh, delta: stock, reason: 'receipt' });
      });
    }
    await t.settle();
  });
  afterAll(() => t.close());

  const search = async (qs: string) => {
    const res = await t.app.inject({ url: `/api/store/search?${qs}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('finds Chinese partial words, English words and typos', async () => {
    expect((await search(`q=${encodeURIComponent('耳机')}`)).items[0].slug).toBe('freebuds');
    expect((await search('q=bluetooth')).items.map((p: { slug: string }) => p.slug).sort()).toEqual(['freebuds', 'speaker']);
    const typo = await search('q=blutooth%20earbds');
    expect(typo.items[0].slug).toBe('freebuds');
    expect(typo.corrected).toBeTruthy();
    expect((await search(`q=${encodeURIComponent('纯棉')}`)).items[0].slug).toBe('tee');
    expect((await search('q=wirel')).items[0].slug).toBe('freebuds');
  });

  it('reads pinyin and its initials, and corrects Chinese homophone typos', async () => {
    const slugs = async (q: string) => (await search(`q=${encodeURIComponent(q)}`)).items.map((p: { slug: string }) => p.slug);
    for (const q of ['erji', 'ej', 'hw', 'lan ya er ji', 'lanyaerji', '华为 erji']) expect((await slugs(q))[0], q).toBe('freebuds');
    expect((await slugs('lanya')).sort()).toEqual(['freebuds', 'speaker']);
    const typo = await search(`q=${encodeURIComponent('耳鸡')}`);
    expect(typo.corrected).toBe('耳机');
    expect(typo.items[0].slug).toBe('freebuds'); // the speaker follows: its category is 耳机音响
    expect(await search(`q=${encodeURIComponent('华维')}`)).toMatchObject({ total: 1, corrected: '华为', items: [{ slug: 'freebuds' }] });
    const right = await search(`q=${encodeURIComponent('耳机')}`);
    expect(right.corrected).toBeUndefined();
    expect(right.didYouMean).toBeUndefined();
  });

  it('offers did-you-mean queries under an empty result, and nothing for gibberish', async () => {
    expect(await search('q=erjj')).toMatchObject({ total: 0, items: [], didYouMean: ['耳机'] });
    const gibberish = await search('q=qwzxv');
    expect(gibberish.total).toBe(0);
    expect(gibberish.didYouMean).toBeUndefined();
    expect(gibberish.corrected).toBeUndefined();
  });

  it('suggests in the page language, from ?lang= or Accept-Language', async () => {
    const suggest = async (qs: string, headers: Record<string, string> = {}) => {
      const res = await t.app.inject({ url: `/api/store/search/suggest?${qs}`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as string[];
    };
    const han = /\p{Script=Han}/u;
    const en = await suggest('q=hua&lang=en');
    expect(en).toContain('Huawei Wireless Bluetooth Earbuds');
    expect(en.some((s) => han.test(s))).toBe(false);
    expect(await suggest('q=hua', { 'accept-language': 'en-GB,en;q=0.9' })).toEqual(en);
    const zh = await suggest('q=hua&lang=zh-CN');
    expect(zh[0]).toBe('华为');
    expect(zh.every((s) => han.test(s))).toBe(true);
    expect((await suggest(`q=${encodeURIComponent('蓝牙')}&lang=en`)).some((s) => han.test(s))).toBe(false);
  });

  it('answers hostile query text with 4xx or a clean answer, never 500, and quickly', async () => {
    const nasty = [
      `q=${encodeURIComponent('\u0000耳机')}`,
      'q=%00%00%00',
      `q=${encodeURIComponent('😀🎧')}`,
      'q=%ED%A0%80', // a lone surrogate, as raw UTF-8 bytes (invalid)
      'q=%F0%9F', // a truncated sequence
      `q=${'x'.repeat(5000)}`,
      `q=${encodeURIComponent('耳'.repeat(5000))}`,
    ];
    for (const path of ['/api/store/search', '/api/store/search/suggest']) {
      for (const qs of nasty) {
        const res = await t.app.inject({ url: `${path}?${qs}` });
        expect(res.statusCode, `${path}?${qs.slice(0, 40)}`).toBeLessThan(500);
        if (res.statusCode === 200) expect(res.json().items).toBeInstanceOf(Array);
        else expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    // The longest query allowed, made of words that each go through pinyin and typo correction.
    const worst = Array.from({ length: 66 }, (_, i) => ['lan', 'ya', 'qwz', '耳鸡', 'zz'][i % 5]).join(' ').slice(0, 200);
    const started = performance.now();
    const res = await t.app.inject({ url: `/api/store/search?q=${encodeURIComponent(worst)}` });
    expect(res.statusCode).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('filters by category, brand, price and stock, with facet counts equal to filtered counts', async () => {
    const all = await search('');
    expect(all.total).toBe(4);
    for (const f of all.facets.categories) {
      expect((await search(`category=${f.id}`)).total).toBe(f.count);
    }
    expect((await search(`brand=${huawei}`)).total).toBe(1);
    expect((await search('priceMin=10000&priceMax=20000')).items.map((p: { slug: string }) => p.slug).sort()).toEqual(['hoodie', 'speaker']);
    const inStock = await search('inStock=true');
    expect(inStock.total).toBe(all.facets.inStock);
    expect(inStock.items.map((p: { slug: string }) => p.slug)).not.toContain('speaker');
  });

  it('sorts by price and paginates with a cursor', async () => {
    const asc = await search('sort=price_asc&limit=2');
    expect(asc.items.map((p: { slug: string }) => p.slug)).toEqual(['tee', 'hoodie']);
    const next = await search(`sort=price_asc&limit=2&cursor=${asc.nextCursor}`);
    expect(next.items.map((p: { slug: string }) => p.slug)).toEqual(['speaker', 'freebuds']);
    expect(next.nextCursor).toBeNull();
    // The storefront jumps to a page by offset; a cursor it made up itself is refused.
    const jumped = await search('sort=price_asc&limit=2&offset=2');
    expect(jumped.items.map((p: { slug: string }) => p.slug)).toEqual(['speaker', 'freebuds']);
    const madeUp = Buffer.from(JSON.stringify([2])).toString('base64url');
    const res = await t.app.inject({ url: `/api/store/search?sort=price_asc&limit=2&cursor=${madeUp}` });
    expect(res.json()).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
  });

  it('suggests as you type, and refuses bad filters with 400', async () => {
    const s = (await t.app.inject({ url: `/api/store/search/suggest?q=${encodeURIComponent('蓝牙')}` })).json();
    expect(s.items.length).toBeGreaterThan(0);
    for (const qs of ['sort=cheapest', 'priceMin=-1', 'brand=nope', 'limit=1000', `q=${'x'.repeat(300)}`]) {
      const res = await t.app.inject({ url: `/api/store/search?${qs}` });
      expect(res.statusCode, qs).toBe(400);
    }
  });

  it('sees catalog changes', async () => {
    const p = (await t.app.inject({ url: '/api/store/products/hoodie' })).json();
    await t.k.db.transaction(() => t.services.catalog.updateProduct(p.id, { status: 'archived' }));
    await t.settle();
    await new Promise((r) => setTimeout(r, 1100)); // rebuilds are coalesced to one a second
    await search('q=hoodie');
    await new Promise((r) => setTimeout(r, 200));
    expect((await search('q=hoodie')).total).toBe(0);
  });

  it('keeps browsing answers in the shared response cache until the index changes, and free text out of it', async () => {
    const url = `/api/store/search?category=${apparel}&sort=price_asc`;
    const first = await t.app.inject({ url });
    expect(first.headers['surrogate-key']).toBe('search');
    expect(first.json().items.map((p: { slug: string }) => p.slug)).toContain('tee');
    expect((await t.app.inject({ url: '/api/store/search?q=tee' })).headers['surrogate-key']).toBeUndefined();

    const tee = (await t.app.inject({ url: '/api/store/products/tee' })).json();
    await t.k.db.transaction(() => t.services.catalog.updateProduct(tee.id, { status: 'archived' }));
    await t.settle();
    // Asked once right away (the stale index answers, the rebuild waits out its interval), then not
    // at all: the rebuild must still happen and drop the cached answer without another search.
    await t.app.inject({ url });
    await new Promise((r) => setTimeout(r, 1400));
    const after = await t.app.inject({ url });
    expect(after.json().items.map((p: { slug: string }) => p.slug)).not.toContain('tee');
  });
});

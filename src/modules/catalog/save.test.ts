import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const size = { code: 'size', name: zhEn('尺码', 'Size'), values: [{ code: 'm', name: zhEn('M', 'M') }, { code: 'l', name: zhEn('L', 'L') }] };

/** adminSaveProduct: the product editor's one call, all of it or none of it. */
describeEachBackend('catalog: saving a whole product', (backend) => {
  let t: TestApp;
  let m: StaffLogin;
  let cat: string;
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { ...m.auth, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
  const auditOf = async (id: string) => (await t.services.audit.list({ limit: 100 })).items.filter((e) => e.entityId === id);
  /** The editor's payload for a saved product: the detail as read, minus what the save does not take. */
  const asSave = (p: Record<string, any>) => ({
    slug: p.slug, title: p.title, subtitle: p.subtitle, description: p.description, categoryId: p.categoryId, brandId: p.brandId,
    privateLabel: p.privateLabel, exclusive: p.exclusive, tags: p.tags, attributes: p.attributes, options: p.options, images: p.images,
    variants: p.variants.map((v: Record<string, any>) => ({ id: v.id, sku: v.sku, optionValues: v.optionValues, price: v.price, listPrice: v.listPrice, weightGrams: v.weightGrams, barcode: v.barcode, active: v.active })),
  });

  beforeAll(async () => {
    t = await startTestApp(backend);
    m = await loginStaff(t, 'merchandiser');
    cat = (await api('POST', '/categories', { slug: 'apparel', name: zhEn('服饰', 'Apparel') })).json().id;
    await api('POST', '/products', {
      slug: 'other', title: zhEn('别的', 'Other'), categoryId: cat, variants: [{ sku: 'OTHER-1', price: 100 }],
    });
  });
  afterAll(() => t.close());

  async function tee(slug: string) {
    const res = await api('POST', '/products', {
      slug, title: zhEn('T恤', 'Tee'), categoryId: cat, options: [size],
      variants: [{ sku: `${slug}-M`, optionValues: { size: 'm' }, price: 1990 }, { sku: `${slug}-L`, optionValues: { size: 'l' }, price: 1990 }],
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it("changes an existing SKU's price and the title in one audited change", async () => {
    const p = await tee('tee');
    const body = asSave(p);
    body.title = zhEn('纯棉T恤', 'Cotton tee');
    body.variants[0].price = 2590;
    const res = await api('PUT', `/products/${p.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: { en: 'Cotton tee' }, priceMin: 1990, priceMax: 2590 });
    expect(res.json().variants.map((v: { id: string; price: number }) => [v.id, v.price])).toEqual([[p.variants[0].id, 2590], [p.variants[1].id, 1990]]);
    const entries = await auditOf(p.id);
    expect(entries.map((e) => e.action)).toEqual(['catalog.product.save', 'catalog.product.create']);

    // The same save again (a double click, a retried request) changes nothing and is not audited twice.
    const replay = await api('PUT', `/products/${p.id}`, body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().updatedAt).toBe(res.json().updatedAt);
    expect(await auditOf(p.id)).toHaveLength(2);
  });

  it('creates new variants, matches a replayed new one by SKU and switches off the ones left out', async () => {
    const p = await tee('polo');
    const body = asSave(p);
    body.variants = [body.variants[0], { sku: 'polo-M2', optionValues: { size: 'm' }, price: 2990 }] as typeof body.variants;
    const saved = await api('PUT', `/products/${p.id}`, body);
    expect(saved.statusCode, saved.body).toBe(200);
    const skus = saved.json().variants.map((v: { sku: string; active: boolean }) => `${v.sku}:${v.active}`);
    expect(skus).toEqual(['polo-M:true', 'polo-L:false', 'polo-M2:true']);
    const again = await api('PUT', `/products/${p.id}`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().variants).toHaveLength(3);
    expect((await auditOf(p.id)).filter((e) => e.action === 'catalog.product.save')).toHaveLength(1);
  });

  it('swaps two SKU codes within the product', async () => {
    const p = await tee('swap');
    const body = asSave(p);
    [body.variants[0].sku, body.variants[1].sku] = [body.variants[1].sku, body.variants[0].sku];
    const res = await api('PUT', `/products/${p.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().variants.map((v: { id: string; sku: string }) => [v.id, v.sku])).toEqual([[p.variants[0].id, 'swap-L'], [p.variants[1].id, 'swap-M']]);
  });

  it('writes nothing when any part is bad, and answers problem+json', async () => {
    const p = await tee('safe');
    const other = (await api('GET', '/products/other')).json();
    const good = () => {
      const b = asSave(p);
      b.title = zhEn('改过的', 'Changed');
      b.variants[0].price = 9990;
      return b;
    };
    const cases: Array<[string, (b: ReturnType<typeof good>) => void, number, string]> = [
      ['SKU of another product', (b) => { b.variants.push({ sku: 'OTHER-1', optionValues: { size: 'l' }, price: 1 } as never); }, 409, 'SKU_TAKEN'],
      ['existing SKU renamed onto another product', (b) => { b.variants[1].sku = 'OTHER-1'; }, 409, 'SKU_TAKEN'],
      ['same SKU twice in the payload', (b) => { b.variants[1].sku = b.variants[0].sku; }, 409, 'SKU_TAKEN'],
      ["another product's variant id", (b) => { b.variants[1].id = other.variants[0].id; }, 404, 'VARIANT_NOT_FOUND'],
      ['a variant missing an option', (b) => { b.variants[1].optionValues = {}; }, 422, 'VARIANT_OPTIONS_INVALID'],
      ['a negative price', (b) => { b.variants[1].price = -1; }, 400, 'VALIDATION_FAILED'],
      ["another product's slug", (b) => { b.slug = 'other'; }, 409, 'SLUG_TAKEN'],
    ];
    for (const [what, spoil, status, code] of cases) {
      const body = good();
      spoil(body);
      const res = await api('PUT', `/products/${p.id}`, body);
      expect(res.statusCode, what).toBe(status);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      expect(res.json().code, what).toBe(code);
    }
    const now = (await api('GET', `/products/${p.id}`)).json();
    expect(now).toEqual(p);
    expect(await auditOf(p.id)).toHaveLength(1);
    expect((await api('PUT', '/products/0190d1a0-0000-7000-8000-000000000000', good())).json().code).toBe('PRODUCT_NOT_FOUND');
  });

  it('makes the slug from the pinyin of a Chinese-only title, unique, and keeps it on save', async () => {
    const draft = { title: { 'zh-CN': '保温杯' }, categoryId: cat, variants: [{ sku: 'CUP-1', price: 4900 }] };
    const a = await api('POST', '/products', draft);
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ slug: 'bao-wen-bei', title: { 'zh-CN': '保温杯', en: '保温杯' } });
    const b = await api('POST', '/products', { ...draft, variants: [{ sku: 'CUP-2', price: 4900 }] });
    expect(b.json().slug).toBe('bao-wen-bei-2');
    const { slug: _slug, ...withoutSlug } = asSave(b.json());
    const saved = await api('PUT', `/products/${b.json().id}`, { ...withoutSlug, title: { 'zh-CN': '保温杯', en: 'Thermos' } });
    expect(saved.json()).toMatchObject({ slug: 'bao-wen-bei-2', title: { en: 'Thermos' } });
  });

  it('keeps rich-text descriptions but removes scripts, event attributes and javascript: URLs, on the server', async () => {
    const hostile =
      '<h1>标题</h1><h3>特点</h3><ul><li><strong>保温</strong> 12 小时</li></ul><p onclick="steal()">正文 <a href="javascript:alert(1)">点我</a> ' +
      '<a href="https://example.com/guide" onmouseover="x()">说明书</a></p><script>alert(1)</script>' +
      '<img src="/media/abc/800.webp" alt="杯子" onerror="alert(1)"><img src="javascript:alert(1)"><iframe src="https://evil.example"></iframe>' +
      '<p style="position:fixed">x</p><a href="JaVaScRiPt:alert(1)">y</a><a href="data:text/html,<script>alert(1)</script>">z</a>';
    const res = await api('POST', '/products', {
      title: { 'zh-CN': '富文本' }, categoryId: cat, variants: [{ sku: 'RICH-1', price: 100 }], description: { 'zh-CN': hostile, en: 'Plain text\n\nsecond paragraph' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const html = res.json().description['zh-CN'] as string;
    expect(html).not.toMatch(/<script|onclick|onerror|onmouseover|javascript:|iframe|style=|data:/i);
    expect(html).toContain('<h2>标题</h2><h3>特点</h3><ul><li><strong>保温</strong> 12 小时</li></ul><p>正文 <a rel="nofollow noopener" target="_blank">点我</a>');
    expect(html).toContain('<a href="https://example.com/guide" rel="nofollow noopener" target="_blank">说明书</a>');
    expect(html).toContain('<img src="/media/abc/800.webp" alt="杯子" />');
    expect(res.json().description.en).toBe('Plain text\n\nsecond paragraph');
    // The whole-product save cleans the same way.
    const body = asSave(res.json());
    body.description = { 'zh-CN': '<p>ok</p><script>alert(2)</script>', en: '<b onclick="x()">b</b>' };
    const saved = await api('PUT', `/products/${res.json().id}`, body);
    expect(saved.json().description).toEqual({ 'zh-CN': '<p>ok</p>', en: '<b>b</b>' });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { changedFields } from './index.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describeEachBackend('audit log', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  let merch: StaffLogin;
  let productId: string;
  let categoryId: string;
  const auditLog = async (query = '', limit = 100) =>
    (await t.app.inject({ url: `/api/admin/audit-log?limit=${limit}${query}`, headers: admin.auth })).json();

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await loginStaff(t, 'admin');
    merch = await loginStaff(t, 'merchandiser');
    const cat = await t.app.inject({ method: 'POST', url: '/api/admin/categories', headers: merch.auth, payload: { slug: 'tea', name: zhEn('茶叶', 'Tea') } });
    categoryId = cat.json().id;
    const p = await t.app.inject({
      method: 'POST', url: '/api/admin/products', headers: merch.auth,
      payload: { slug: 'longjing', title: zhEn('西湖龙井', 'Longjing tea'), categoryId, variants: [{ sku: 'LJ-250', price: 12800 }] },
    });
    expect(p.statusCode).toBe(201);
    productId = p.json().id;
  });
  afterAll(() => t.close());

  it('records an update with who, when, where and the fields before and after', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/products/${productId}`, headers: merch.auth, payload: { title: zhEn('明前龙井', 'Pre-Qingming Longjing'), tags: ['green'] } });
    expect(res.statusCode).toBe(200);
    const { items } = await auditLog(`&entityType=product&entityId=${productId}`);
    expect(items.map((e: { action: string }) => e.action)).toEqual(['catalog.product.update', 'catalog.product.create']);
    expect(items[0]).toMatchObject({
      staffId: merch.staffId,
      staffEmail: merch.email,
      ip: '127.0.0.1',
      before: { title: zhEn('西湖龙井', 'Longjing tea'), tags: [] },
      after: { title: zhEn('明前龙井', 'Pre-Qingming Longjing'), tags: ['green'] },
    });
    expect(Object.keys(items[0].after).sort()).toEqual(['tags', 'title']);
    expect(items[1]).toMatchObject({ before: null, after: { slug: 'longjing', variants: [expect.objectContaining({ sku: 'LJ-250' })] } });
  });

  it('names who did it and the target as it is now (product title, SKU, where to link), so the console can write a sentence', async () => {
    const product = (await t.app.inject({ url: `/api/admin/products/${productId}`, headers: merch.auth })).json();
    const variantId = product.variants[0].id;
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/variants/${variantId}`, headers: merch.auth, payload: { price: 11800 } });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = (await auditLog(`&entityType=variant&entityId=${variantId}`)).items;
    expect(entry).toMatchObject({
      action: 'catalog.variant.update', staffName: 'Test merchandiser', before: { price: 12800 }, after: { price: 11800 },
      target: { name: product.title, code: 'LJ-250', ref: productId },
    });
    const [created] = (await auditLog(`&entityType=category&entityId=${categoryId}`)).items;
    expect(created.target).toEqual({ name: zhEn('茶叶', 'Tea'), code: null, ref: categoryId });
    // A target the reader does not know (or that is gone) is left unnamed rather than failing the page.
    await t.k.db.transaction(() => t.services.audit.record({ id: admin.staffId, email: admin.email }, 'x.y', { type: 'product', id: 'not-a-uuid' }, null, {}));
    const odd = (await auditLog('&action=x.y')).items[0];
    expect(odd).toMatchObject({ staffName: 'Test admin', target: { name: null, code: null, ref: null } });
  });

  it('writes nothing for a refused request or a write that failed', async () => {
    const count = (await auditLog()).items.length;
    const operator = await loginStaff(t, 'operator');
    const refused = await t.app.inject({ method: 'PATCH', url: `/api/admin/products/${productId}`, headers: operator.auth, payload: { tags: ['hacked'] } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    await t.app.inject({ method: 'POST', url: '/api/admin/categories', headers: merch.auth, payload: { slug: 'coffee', name: zhEn('咖啡', 'Coffee') } });
    const clash = await t.app.inject({ method: 'PATCH', url: `/api/admin/categories/${categoryId}`, headers: merch.auth, payload: { slug: 'coffee' } });
    expect(clash.statusCode).toBe(409);
    const { items } = await auditLog();
    expect(items.length).toBe(count + 1); // only the coffee category
    expect(items[0].action).toBe('catalog.category.create');
    expect((await t.app.inject({ url: `/api/admin/products/${productId}`, headers: merch.auth })).json().tags).toEqual(['green']);
  });

  it('filters by staff, action prefix and time, newest first, with a cursor', async () => {
    t.clock.advance(60_000);
    const from = t.clock.now().toISOString();
    for (const slug of ['b1', 'b2', 'b3']) await t.app.inject({ method: 'POST', url: '/api/admin/brands', headers: admin.auth, payload: { slug, name: zhEn(slug, slug) } });
    const byAdmin = await auditLog(`&staffId=${admin.staffId}&action=catalog.*&from=${encodeURIComponent(from)}`);
    expect(byAdmin.items.map((e: { after: { slug: string } }) => e.after.slug)).toEqual(['b3', 'b2', 'b1']);
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await auditLog(`&action=catalog.brand.create${cursor ? `&cursor=${cursor}` : ''}`, 2);
      pages.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(byAdmin.items.map((e: { id: string }) => e.id));
    expect((await auditLog(`&to=${encodeURIComponent(from)}&action=catalog.brand.create`)).items).toEqual([]);
    expect((await t.app.inject({ url: '/api/admin/audit-log?from=yesterday', headers: admin.auth })).statusCode).toBe(400);
  });

  it('refuses to record outside a transaction or without a signed-in actor', async () => {
    const actor = { id: admin.staffId, email: admin.email };
    await expect(t.services.audit.record(actor, 'x.y', { type: 'x', id: '1' }, null, {})).rejects.toThrow(/inside k\.db\.transaction/);
    await expect(t.k.db.transaction(() => t.services.audit.record(null, 'x.y', { type: 'x', id: '1' }, null, {}))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('keeps only the fields that changed, ignoring updatedAt and key order', () => {
    expect(changedFields({ a: 1, b: { x: 1, y: 2 }, updatedAt: 'then' }, { a: 2, b: { y: 2, x: 1 }, updatedAt: 'now' })).toEqual([{ a: 1 }, { a: 2 }]);
    expect(changedFields(null, { a: 1 })).toEqual([null, { a: 1 }]);
  });
});

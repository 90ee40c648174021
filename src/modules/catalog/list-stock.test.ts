import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { seedProduct } from '../../../test/support/commerce.js';

/** The staff product list: each product's status and units available, filtered by both. */
describeEachBackend('catalog admin list: status and stock', (backend) => {
  let t: TestApp;
  let m: StaffLogin;
  const api = (url: string) => t.app.inject({ url: `/api/admin${url}`, headers: { ...m.auth, 'accept-language': 'en' } });
  const slugs = async (q: string) => (await api(`/products?limit=100${q}`)).json().items.map((p: { slug: string }) => p.slug).sort();

  beforeAll(async () => {
    t = await startTestApp(backend);
    m = await loginStaff(t, 'merchandiser');
    await seedProduct(t, { slug: 'plenty', stock: 50 }); // two variants: 100 available
    await seedProduct(t, { slug: 'few', stock: 4, prices: [100] });
    const empty = await seedProduct(t, { slug: 'empty', stock: 1, prices: [100] });
    // Stock only on a variant that is off sale counts as none.
    const offSale = await seedProduct(t, { slug: 'offsale', stock: 30, prices: [100] });
    await t.services.catalog.updateVariant(offSale.variantIds[0], { active: false });
    await t.services.inventory.adjust({ variantId: empty.variantIds[0], warehouseId: empty.warehouseId, delta: -1, reason: 'adjustment' });
  });
  afterAll(() => t.close());

  it('shows status and units available over the variants on sale', async () => {
    const items = (await api('/products?limit=100')).json().items;
    const bySlug = Object.fromEntries(items.map((p: { slug: string; status: string; available: number }) => [p.slug, [p.status, p.available]]));
    expect(bySlug).toEqual({ plenty: ['active', 100], few: ['active', 4], empty: ['active', 0], offsale: ['active', 0] });
  });

  it('filters by stock level, also together with status', async () => {
    expect(await slugs('&stock=in')).toEqual(['plenty']);
    expect(await slugs('&stock=low')).toEqual(['few']);
    expect(await slugs('&stock=out')).toEqual(['empty', 'offsale']);
    expect(await slugs('&stock=out&status=active')).toEqual(['empty', 'offsale']);
    expect(await slugs('&stock=in&status=draft')).toEqual([]);
    // Paging through a filtered list keeps the filter.
    const first = (await api('/products?limit=1&stock=out')).json();
    expect(first.items).toHaveLength(1);
    const second = (await api(`/products?limit=1&stock=out&cursor=${first.nextCursor}`)).json();
    expect([first.items[0].slug, second.items[0].slug].sort()).toEqual(['empty', 'offsale']);
  });

  it('refuses hostile filter values with 400 problem+json', async () => {
    for (const q of ['stock=none', 'stock=', 'stock=IN', `stock=${'x'.repeat(5000)}`, 'stock=in%00', 'status=sold', 'status=%F0%9F%98%80', 'stock=in&stock=out']) {
      const res = await api(`/products?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type'], q).toContain('application/problem+json');
    }
  });
});

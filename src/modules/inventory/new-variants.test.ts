import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';

/** A variant made in the console is on the stock screen at 0 at once, ready for its first receipt. */
describeEachBackend('inventory: stock rows for new variants', (backend) => {
  let t: TestApp;
  let merch: StaffLogin;
  let wh: StaffLogin;
  const api = (who: StaffLogin, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { ...who.auth, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await startTestApp(backend);
    merch = await loginStaff(t, 'merchandiser');
    wh = await loginStaff(t, 'warehouse');
  });
  afterAll(() => t.close());

  it('lists a brand-new product and a variant added by a save at 0, and adjusts them', async () => {
    const category = (await api(merch, 'POST', '/categories', { slug: 'kitchen', name: { 'zh-CN': '厨房', en: 'Kitchen' } })).json().id;
    const created = await api(merch, 'POST', '/products', { title: { 'zh-CN': '保温杯' }, categoryId: category, variants: [{ sku: 'CUP-350', price: 4900 }] });
    expect(created.statusCode, created.body).toBe(201);
    const product = created.json();
    await t.settle();

    const stock = async () => (await api(wh, 'GET', `/stock?product=${product.id}&limit=50`)).json().items;
    expect(await stock()).toEqual([
      expect.objectContaining({ variantId: product.variants[0].id, sku: 'CUP-350', title: product.title, onHand: 0, reserved: 0, available: 0, warehouseCode: 'MAIN' }),
    ]);
    // The low-stock view is where a merchant looks for what to restock: a new SKU belongs there.
    expect((await api(wh, 'GET', `/stock?lowStock=0&sku=CUP&limit=50`)).json().items).toHaveLength(1);

    const save = { ...product, variants: [...product.variants, { sku: 'CUP-500', price: 5900 }] };
    for (const key of ['id', 'status', 'priceMin', 'priceMax', 'image', 'salesCount', 'createdAt', 'updatedAt']) delete save[key];
    const saved = await api(merch, 'PUT', `/products/${product.id}`, save);
    expect(saved.statusCode, saved.body).toBe(200);
    await t.settle();
    const rows = await stock();
    expect(rows.map((r: { sku: string; onHand: number }) => `${r.sku}:${r.onHand}`).sort()).toEqual(['CUP-350:0', 'CUP-500:0']);

    const adjusted = await api(wh, 'POST', '/stock/adjustments', { variantId: rows[0].variantId, warehouseId: rows[0].warehouseId, delta: 20, reason: 'receipt' });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    expect(adjusted.json()).toMatchObject({ onHand: 20, available: 20 });
    // Rows opened at zero need no ledger entry: stock and ledger still agree.
    expect(await t.services.inventory.reconcile()).toEqual([]);
    // A replayed event opens nothing twice and leaves the adjusted figures alone.
    await t.services.inventory.openStockRows(rows.map((r: { variantId: string }) => r.variantId));
    expect((await stock()).find((r: { variantId: string }) => r.variantId === rows[0].variantId)).toMatchObject({ onHand: 20 });
    expect(await stock()).toHaveLength(2);
  });

  it('opens the missing rows of variants made before rows were opened with them (migration 0007)', async () => {
    const category = (await api(merch, 'POST', '/categories', { slug: 'older', name: { 'zh-CN': '旧品', en: 'Older' } })).json().id;
    const product = (await api(merch, 'POST', '/products', { title: { 'zh-CN': '旧款水壶' }, categoryId: category, variants: [{ sku: 'OLD-1', price: 100 }] })).json();
    await t.settle();
    const variantId = product.variants[0].id as string;
    // As a store upgraded from before decision 0016 would have it: the variant, no stock row.
    await t.k.db.q.execute(sql`delete from inventory_stock where variant_id = ${variantId}`);
    expect((await api(wh, 'GET', `/stock?product=${product.id}&limit=50`)).json().items).toEqual([]);

    const migration = readFileSync(new URL('../../../drizzle/0007_stock_rows_for_all_variants.sql', import.meta.url), 'utf8');
    await t.k.db.q.execute(sql.raw(migration));
    expect((await api(wh, 'GET', `/stock?product=${product.id}&limit=50`)).json().items).toEqual([expect.objectContaining({ variantId, onHand: 0, available: 0 })]);
    // Run again (or over rows that exist): nothing changes.
    await t.k.db.q.execute(sql.raw(migration));
    expect((await api(wh, 'GET', `/stock?product=${product.id}&limit=50`)).json().items).toHaveLength(1);
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });
});

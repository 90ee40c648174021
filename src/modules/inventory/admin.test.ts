import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { registerShopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../test/support/commerce.js';

const UNKNOWN = '0190d1a0-0000-7000-8000-000000000000';

describeEachBackend('inventory admin API', (backend) => {
  let t: TestApp;
  let wh: StaffLogin;
  let operator: StaffLogin;
  let merch: StaffLogin;
  let p: SeededProduct;
  let q: SeededProduct;
  const api = (who: StaffLogin, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { ...who.auth, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });
  const counts = async (variantId: string) => ({
    ledger: (await t.services.inventory.listLedger({ variantId, limit: 100 })).items.length,
    audit: (await t.services.audit.list({ action: 'inventory.*', limit: 100 })).items.length,
    stock: await t.services.inventory.stockOf([variantId]),
  });

  beforeAll(async () => {
    t = await startTestApp(backend);
    wh = await loginStaff(t, 'warehouse');
    operator = await loginStaff(t, 'operator');
    merch = await loginStaff(t, 'merchandiser');
    p = await seedProduct(t, { stock: 5, slug: 'earbuds' });
    q = await seedProduct(t, { stock: 50, slug: 'speaker', prices: [9900] });
  });
  afterAll(() => t.close());

  it('lists warehouses and lets warehouse staff add one, audited', async () => {
    const list = (await api(merch, 'GET', '/warehouses')).json().items;
    expect(list).toEqual([expect.objectContaining({ id: p.warehouseId, code: 'MAIN', isDefault: true, active: true })]);
    const created = await api(wh, 'POST', '/warehouses', { code: 'sh-01', name: { 'zh-CN': '上海仓', en: 'Shanghai' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'SH-01', isDefault: false });
    expect((await api(wh, 'GET', '/warehouses')).json().items.map((w: { code: string }) => w.code)).toEqual(['MAIN', 'SH-01']);
    expect((await api(wh, 'POST', '/warehouses', { code: 'SH-01', name: { 'zh-CN': '重复', en: 'Dup' } })).json().code).toBe('WAREHOUSE_CODE_TAKEN');
    expect((await api(wh, 'POST', '/warehouses', { code: 'bad code!', name: { 'zh-CN': 'x', en: 'x' } })).statusCode).toBe(400);
    expect((await api(operator, 'POST', '/warehouses', { code: 'OP', name: { 'zh-CN': 'x', en: 'x' } })).statusCode).toBe(403);
    expect((await api(merch, 'POST', '/warehouses', { code: 'ME', name: { 'zh-CN': 'x', en: 'x' } })).statusCode).toBe(403);
    const log = (await t.services.audit.list({ action: 'inventory.warehouse.create', limit: 10 })).items;
    expect(log).toEqual([expect.objectContaining({ entityId: created.json().id, staffId: wh.staffId })]);
  });

  it('lets warehouse staff adjust stock, writing one ledger row and one audit row; operators get 403', async () => {
    const variantId = p.variantIds[0];
    const before = await counts(variantId);
    const body = { variantId, warehouseId: p.warehouseId, delta: 7, reason: 'receipt', note: 'PO-1001' };
    expect((await api(operator, 'POST', '/stock/adjustments', body)).statusCode).toBe(403);
    expect((await api(merch, 'POST', '/stock/adjustments', body)).json().code).toBe('FORBIDDEN');
    expect(await counts(variantId)).toEqual(before);

    const res = await api(wh, 'POST', '/stock/adjustments', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ variantId, sku: 'EARBUDS-0', onHand: 12, reserved: 0, available: 12, productId: p.productId });
    const after = await counts(variantId);
    expect(after.ledger).toBe(before.ledger + 1);
    expect(after.audit).toBe(before.audit + 1);

    const ledger = (await api(merch, 'GET', `/stock/ledger?variantId=${variantId}&limit=1`)).json();
    expect(ledger.items).toEqual([
      expect.objectContaining({ deltaOnHand: 7, deltaReserved: 0, onHandAfter: 12, reason: 'receipt', note: 'PO-1001', staffId: wh.staffId, refType: 'adjustment' }),
    ]);
    const older = (await api(merch, 'GET', `/stock/ledger?variantId=${variantId}&limit=1&cursor=${ledger.nextCursor}`)).json();
    expect(older.items).toEqual([expect.objectContaining({ deltaOnHand: 5, onHandAfter: 5, reason: 'receipt' })]);
    expect(older.nextCursor).toBeNull();

    const [audit] = (await t.services.audit.list({ action: 'inventory.stock.adjust', limit: 1 })).items;
    expect(audit).toMatchObject({ staffId: wh.staffId, entityType: 'stock', entityId: `${variantId}:${p.warehouseId}` });
    expect(audit.before).toMatchObject({ onHand: 5 });
    expect(audit.after).toMatchObject({ onHand: 12, delta: 7, reason: 'receipt', note: 'PO-1001' });

    const taken = await api(wh, 'POST', '/stock/adjustments', { variantId, warehouseId: p.warehouseId, delta: -2, reason: 'adjustment' });
    expect(taken.json()).toMatchObject({ onHand: 10, available: 10 });
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('refuses to take on-hand below the reserved units with 422 and writes nothing', async () => {
    const variantId = p.variantIds[1];
    const shopper = await registerShopper(t);
    expect((await placeOrder(t, shopper.auth, variantId, 3)).status).toBe(201);
    const before = await counts(variantId);
    expect(before.stock[0]).toMatchObject({ onHand: 5, reserved: 3 });

    const res = await api(wh, 'POST', '/stock/adjustments', { variantId, warehouseId: p.warehouseId, delta: -3, reason: 'adjustment' });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'STOCK_BELOW_RESERVED', detail: expect.stringContaining('3 units') });
    expect(await counts(variantId)).toEqual(before);

    // No stock row yet in the new warehouse: the row the adjustment would create is rolled back too.
    const sh = (await api(wh, 'GET', '/warehouses')).json().items.find((w: { code: string }) => w.code === 'SH-01').id;
    expect((await api(wh, 'POST', '/stock/adjustments', { variantId, warehouseId: sh, delta: -1, reason: 'adjustment' })).statusCode).toBe(422);
    expect((await counts(variantId)).stock).toHaveLength(1);
    expect(await counts(variantId)).toEqual(before);
  });

  it('answers bad adjustments with 4xx problem+json and writes nothing', async () => {
    const variantId = q.variantIds[0];
    const before = await counts(variantId);
    const base = { variantId, warehouseId: q.warehouseId, delta: 1, reason: 'receipt' };
    const cases: Array<[object, number, string]> = [
      [{ ...base, delta: 0 }, 400, 'VALIDATION_FAILED'],
      [{ ...base, delta: 1.5 }, 400, 'VALIDATION_FAILED'],
      [{ ...base, delta: 1_000_000 }, 400, 'VALIDATION_FAILED'],
      [{ ...base, delta: -1_000_000 }, 400, 'VALIDATION_FAILED'],
      [{ ...base, reason: 'sale' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, note: 'x'.repeat(501) }, 400, 'VALIDATION_FAILED'],
      [{ ...base, variantId: 'nope' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, variantId: UNKNOWN }, 404, 'VARIANT_NOT_FOUND'],
      [{ ...base, warehouseId: UNKNOWN }, 404, 'WAREHOUSE_NOT_FOUND'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await api(wh, 'POST', '/stock/adjustments', payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect(await counts(variantId)).toEqual(before);
  });

  it('lists stock per variant and warehouse with SKU, product and low-stock filters and cursor pages', async () => {
    const rows = async (query: string, who = merch) => {
      const res = await api(who, 'GET', `/stock?limit=100${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Array<{ sku: string; onHand: number; reserved: number; available: number; warehouseCode: string }>;
    };
    const all = await rows('');
    expect(all.map((r) => r.sku).sort()).toEqual(['EARBUDS-0', 'EARBUDS-1', 'SPEAKER-0']);
    expect(all.find((r) => r.sku === 'EARBUDS-1')).toMatchObject({ onHand: 5, reserved: 3, available: 2, warehouseCode: 'MAIN', title: { en: 'Wireless earbuds' } });
    expect((await rows('&sku=earbuds')).map((r) => r.sku).sort()).toEqual(['EARBUDS-0', 'EARBUDS-1']);
    expect((await rows('&sku=-1')).map((r) => r.sku)).toEqual(['EARBUDS-1']);
    expect((await rows(`&product=${q.productId}`)).map((r) => r.sku)).toEqual(['SPEAKER-0']);
    expect((await rows(`&product=${q.productId}&sku=earbuds`))).toEqual([]);
    expect((await rows('&sku=nothing-like-this'))).toEqual([]);
    expect((await rows('&lowStock=2')).map((r) => r.sku)).toEqual(['EARBUDS-1']);
    expect((await rows('&lowStock=10')).map((r) => r.sku).sort()).toEqual(['EARBUDS-0', 'EARBUDS-1']);
    expect((await rows(`&warehouse=${q.warehouseId}`))).toHaveLength(3);

    const seen: string[] = [];
    let cursor: string | null = '';
    for (let i = 0; cursor !== null && i < 10; i++) {
      const page: { items: Array<{ variantId: string; warehouseId: string }>; nextCursor: string | null } = (
        await api(wh, 'GET', `/stock?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((r) => `${r.variantId}:${r.warehouseId}`));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    expect(seen).toEqual([...seen].sort());

    expect((await api(merch, 'GET', '/stock?cursor=not-a-cursor')).json().code).toBe('INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify(['x', 'y'])).toString('base64url');
    expect((await api(merch, 'GET', `/stock?cursor=${forged}`)).statusCode).toBe(400);
    expect((await api(merch, 'GET', '/stock?lowStock=-1')).statusCode).toBe(400);
    expect((await api(operator, 'GET', '/stock')).statusCode).toBe(403);
    expect((await api(operator, 'GET', `/stock/ledger?variantId=${q.variantIds[0]}`)).statusCode).toBe(403);
    expect((await api(merch, 'GET', '/stock/ledger')).statusCode).toBe(400);
  });
});

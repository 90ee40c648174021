import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { seedProduct, type SeededProduct } from '../../../test/support/commerce.js';

/**
 * Stock adjustments take an Idempotency-Key like orders (one mechanism: platform/idempotency): a
 * retry of a booked adjustment replays its answer and books nothing (issue 10: a client that
 * retried after a 500 booked the stock twice).
 */
describeEachBackend('stock adjustments: Idempotency-Key', (backend) => {
  let t: TestApp;
  let wh: StaffLogin;
  let p: SeededProduct;

  beforeAll(async () => {
    t = await startTestApp(backend);
    wh = await loginStaff(t, 'warehouse');
    p = await seedProduct(t, { stock: 5, slug: 'idem-earbuds' });
  });
  afterAll(() => t.close());

  const adjust = (who: StaffLogin, body: object, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/stock/adjustments',
      headers: { ...who.auth, 'accept-language': 'en', ...(key ? { 'idempotency-key': key } : {}) },
      payload: body,
    });
  const ledgerRows = async (variantId: string) => (await t.services.inventory.listLedger({ variantId, limit: 100 })).items.length;
  const auditRows = async () => (await t.services.audit.list({ action: 'inventory.stock.adjust', limit: 100 })).items.length;
  const onHand = async (variantId: string) => (await t.services.inventory.stockOf([variantId])).find((r) => r.warehouseId === p.warehouseId)!.onHand;

  it('replays the first answer for the same key and body, booking once', async () => {
    const variantId = p.variantIds[0];
    const body = { variantId, warehouseId: p.warehouseId, delta: 3, reason: 'receipt', note: 'PO-7' };
    const [ledger, audit, stock] = [await ledgerRows(variantId), await auditRows(), await onHand(variantId)];
    const first = await adjust(wh, body, 'adjust-same-0001');
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    expect(first.json()).toMatchObject({ variantId, onHand: stock + 3 });
    const again = await adjust(wh, { note: 'PO-7', reason: 'receipt', delta: 3, warehouseId: p.warehouseId, variantId }, 'adjust-same-0001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await ledgerRows(variantId)).toBe(ledger + 1);
    expect(await auditRows()).toBe(audit + 1);
    expect(await onHand(variantId)).toBe(stock + 3);
  });

  it('refuses the key with another body (422) and books nothing', async () => {
    const variantId = p.variantIds[0];
    const body = { variantId, warehouseId: p.warehouseId, delta: 2, reason: 'adjustment' };
    expect((await adjust(wh, body, 'adjust-other-0001')).statusCode).toBe(201);
    const [ledger, stock] = [await ledgerRows(variantId), await onHand(variantId)];
    const other = await adjust(wh, { ...body, delta: 20 }, 'adjust-other-0001');
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', detail: 'This Idempotency-Key was already used with a different request.' });
    expect(await ledgerRows(variantId)).toBe(ledger);
    expect(await onHand(variantId)).toBe(stock);
  });

  it('books once from 10 concurrent requests with one key: one ledger row', async () => {
    const variantId = p.variantIds[0];
    const body = { variantId, warehouseId: p.warehouseId, delta: 4, reason: 'receipt' };
    const [ledger, audit, stock] = [await ledgerRows(variantId), await auditRows(), await onHand(variantId)];
    const results = await Promise.all(Array.from({ length: 10 }, () => adjust(wh, body, 'adjust-race-0001')));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(await ledgerRows(variantId)).toBe(ledger + 1);
    expect(await auditRows()).toBe(audit + 1);
    expect(await onHand(variantId)).toBe(stock + 4);
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('keeps keys per staff member; without a key every request books', async () => {
    const other = await loginStaff(t, 'warehouse');
    const variantId = p.variantIds[0];
    const body = { variantId, warehouseId: p.warehouseId, delta: 1, reason: 'receipt' };
    const ledger = await ledgerRows(variantId);
    expect((await adjust(wh, body, 'adjust-shared-0001')).statusCode).toBe(201);
    expect((await adjust(other, body, 'adjust-shared-0001')).statusCode).toBe(201);
    expect((await adjust(wh, body)).statusCode).toBe(201);
    expect((await adjust(wh, body)).statusCode).toBe(201);
    expect(await ledgerRows(variantId)).toBe(ledger + 4);
  });

  it('refuses a key shorter than 8 characters without booking', async () => {
    const variantId = p.variantIds[0];
    const ledger = await ledgerRows(variantId);
    const res = await adjust(wh, { variantId, warehouseId: p.warehouseId, delta: 1, reason: 'receipt' }, 'short');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(await ledgerRows(variantId)).toBe(ledger);
  });
});

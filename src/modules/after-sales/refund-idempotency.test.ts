import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { seedProduct, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { ledgerNet, placePaidOrder } from '../../../test/support/paid-orders.js';

/**
 * Refunds take an Idempotency-Key like orders and stock adjustments (one mechanism:
 * platform/idempotency): a retry after a lost answer replays the first refund and moves no money
 * again (issue 10's leftover: two partial refunds of the same line are both legitimate, so without a
 * key a retry would refund twice).
 */
describeEachBackend('refunds: Idempotency-Key', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let finance: StaffLogin;
  let cs: StaffLogin;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 50, prices: [3000] });
    shopper = await registerShopper(t);
    finance = await loginStaff(t, 'finance');
    cs = await loginStaff(t, 'cs');
  });
  afterAll(() => t.close());

  const refund = (orderId: string, payload: object, key?: string, who: StaffLogin = finance) =>
    t.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${orderId}/refunds`,
      headers: { ...who.auth, 'accept-language': 'en', ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });
  const order = async (id: string) => (await t.app.inject({ url: `/api/admin/orders/${id}`, headers: finance.auth })).json();
  const threeUnits = () => placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[0], quantity: 3 }]);
  const oneUnit = (o: { lines: Array<{ id: string }> }) => ({ lines: [{ lineId: o.lines[0].id, quantity: 1 }], reason: 'damaged' });

  it('replays the first refund for the same key and body: the money moves once', async () => {
    const o = await threeUnits();
    const first = await refund(o.id, oneUnit(o), 'refund-same-0001');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    const again = await refund(o.id, { reason: 'damaged', lines: [{ quantity: 1, lineId: o.lines[0].id }] }, 'refund-same-0001');
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const after = await order(o.id);
    expect(after.refunds).toHaveLength(1);
    expect(after.refundedAmount).toBe(3000);
    expect(await ledgerNet(t, o.id)).toBe(after.paidAmount - 3000);
  });

  it('refuses the key with another body or for another order (422), refunding nothing', async () => {
    const o = await threeUnits();
    const other = await threeUnits();
    expect((await refund(o.id, oneUnit(o), 'refund-other-0001')).statusCode).toBe(201);
    const changed = await refund(o.id, { ...oneUnit(o), reason: 'changed my mind' }, 'refund-other-0001');
    expect(changed.statusCode).toBe(422);
    expect(changed.headers['content-type']).toContain('application/problem+json');
    expect(changed.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const elsewhere = await refund(other.id, oneUnit(other), 'refund-other-0001');
    expect(elsewhere.statusCode).toBe(422);
    expect((await order(o.id)).refunds).toHaveLength(1);
    expect((await order(other.id)).refunds).toHaveLength(0);
  });

  it('refunds once from 10 concurrent requests with one key', async () => {
    const o = await threeUnits();
    const results = await Promise.all(Array.from({ length: 10 }, () => refund(o.id, oneUnit(o), 'refund-race-0001')));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    const after = await order(o.id);
    expect(after.refunds).toHaveLength(1);
    expect(after.refundedAmount).toBe(3000);
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('a request for finance (202) replays as itself; without a key, two requests are two refunds', async () => {
    const o = await threeUnits();
    const asked = await refund(o.id, oneUnit(o), 'refund-cs-00001', cs);
    expect(asked.statusCode).toBe(202);
    const again = await refund(o.id, oneUnit(o), 'refund-cs-00001', cs);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: asked.json().id, status: 'requested' });
    expect((await refund(o.id, oneUnit(o))).statusCode).toBe(201);
    expect((await refund(o.id, oneUnit(o))).statusCode).toBe(201);
    const after = await order(o.id);
    expect(after.refunds).toHaveLength(3);
    expect(after.refundedAmount).toBe(6000);
  });

  it('refuses a key shorter than 8 characters without refunding', async () => {
    const o = await threeUnits();
    const res = await refund(o.id, oneUnit(o), 'short');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect((await order(o.id)).refunds).toHaveLength(0);
  });
});

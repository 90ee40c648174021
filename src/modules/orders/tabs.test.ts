import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { placePaidOrder } from '../../../test/support/paid-orders.js';
import { ORDER_TABS, type OrderTab } from './logic/tabs.js';

describeEachBackend('orders: the tabs of the shopper order list', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let warehouse: StaffLogin;
  let finance: StaffLogin;
  /** Order ids by the state each was brought to. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 50, prices: [3000, 4000] });
    shopper = await registerShopper(t);
    warehouse = await loginStaff(t, 'warehouse');
    finance = await loginStaff(t, 'finance');
    const as = shopper.auth;
    const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);
    const ship = async (id: string, n: number) =>
      ok(await t.app.inject({ method: 'POST', url: `/api/admin/orders/${id}/ship`, headers: warehouse.auth, payload: { carrier: 'sf', trackingNumber: `SF40000000000${n}` } }));
    const refund = async (id: string, payload: object) => ok(await t.app.inject({ method: 'POST', url: `/api/admin/orders/${id}/refunds`, headers: finance.auth, payload: { reason: 'test', ...payload } }));
    const paid = () => placePaidOrder(t, as, [{ variantId: p.variantIds[0], quantity: 1 }, { variantId: p.variantIds[1], quantity: 1 }]);
    const lineOf = (o: { lines: Array<{ id: string; variantId: string }> }) => o.lines.find((l) => l.variantId === p.variantIds[0])!.id;

    ids.pending_payment = (await placeOrder(t, as, p.variantIds[0])).body.id;
    ids.cancelled = (await placeOrder(t, as, p.variantIds[0])).body.id;
    ok(await t.app.inject({ method: 'POST', url: `/api/store/orders/${ids.cancelled}/cancel`, headers: as, payload: {} }));
    ids.paid = (await paid()).id;
    ids.shipped = (await paid()).id;
    await ship(ids.shipped, 1);
    ids.delivered = (await paid()).id;
    await ship(ids.delivered, 2);
    await t.k.db.transaction(() => t.services.orders.markDelivered(ids.delivered, { actor: 'carrier' }));
    ids.completed = (await paid()).id;
    await ship(ids.completed, 3);
    ok(await t.app.inject({ method: 'POST', url: `/api/store/orders/${ids.completed}/confirm-receipt`, headers: as }));
    ids.refunded = (await paid()).id;
    await refund(ids.refunded, { wholeOrder: true });
    const partial = await paid();
    ids.partially_refunded = partial.id;
    await refund(partial.id, { lines: [{ lineId: lineOf(partial), quantity: 1 }] });
    // A line refunded before shipment, then the rest shipped: status shipped, money refunded.
    const shippedAfterRefund = await paid();
    ids.shippedAfterRefund = shippedAfterRefund.id;
    await refund(shippedAfterRefund.id, { lines: [{ lineId: lineOf(shippedAfterRefund), quantity: 1 }] });
    await ship(shippedAfterRefund.id, 4);
    // Someone else's order counts for nobody but them.
    const other = await registerShopper(t);
    await placeOrder(t, other.auth, p.variantIds[0]);
  });
  afterAll(() => t.close());

  const want: Record<OrderTab, string[]> = {
    all: ['pending_payment', 'cancelled', 'paid', 'shipped', 'delivered', 'completed', 'refunded', 'partially_refunded', 'shippedAfterRefund'],
    unpaid: ['pending_payment'],
    toShip: ['paid', 'partially_refunded'],
    toReceive: ['shipped', 'delivered', 'shippedAfterRefund'],
    completed: ['completed'],
    afterSale: ['refunded', 'partially_refunded', 'shippedAfterRefund'],
    cancelled: ['cancelled'],
  };

  it('brought each order to the state it is named after', async () => {
    for (const state of ['pending_payment', 'cancelled', 'paid', 'shipped', 'delivered', 'completed', 'refunded', 'partially_refunded']) {
      expect((await t.services.orders.get(ids[state])).status, state).toBe(state);
    }
    expect(await t.services.orders.get(ids.shippedAfterRefund)).toMatchObject({ status: 'shipped', refundedAmount: 3000 });
  });

  it('lists in each tab exactly the orders that belong there, and the counts agree with the lists', async () => {
    const counts = await t.app.inject({ url: '/api/store/orders/tab-counts', headers: shopper.auth });
    expect(counts.statusCode, counts.body).toBe(200);
    const expectedCounts = Object.fromEntries(ORDER_TABS.map((tab) => [tab, want[tab].length]));
    expect(counts.json().counts).toEqual(expectedCounts);
    for (const tab of ORDER_TABS) {
      const res = await t.app.inject({ url: `/api/store/orders?tab=${tab}&limit=50`, headers: shopper.auth });
      expect(res.statusCode, res.body).toBe(200);
      const listed = res.json().items.map((o: { id: string }) => o.id).sort();
      expect(listed, tab).toEqual(want[tab].map((name) => ids[name]).sort());
      expect(listed.length, tab).toBe(counts.json().counts[tab]);
    }
  });

  it('pages a tab with the cursor like the whole list', async () => {
    const first = (await t.app.inject({ url: '/api/store/orders?tab=toReceive&limit=2', headers: shopper.auth })).json();
    expect(first.items).toHaveLength(2);
    const rest = (await t.app.inject({ url: `/api/store/orders?tab=toReceive&limit=2&cursor=${first.nextCursor}`, headers: shopper.auth })).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses an unknown tab, and counts nothing for a signed-out visitor', async () => {
    const bad = await t.app.inject({ url: '/api/store/orders?tab=delivered', headers: shopper.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    expect((await t.app.inject({ url: '/api/store/orders/tab-counts' })).statusCode).toBe(401);
  });

  it('shows the shopper their recipient mobile masked on the order page', async () => {
    const detail = (await t.app.inject({ url: `/api/store/orders/${ids.paid}`, headers: shopper.auth })).json();
    expect(detail.shippingAddress.mobile).toBe('138****8000');
    expect(detail.shippingAddress.recipient).toBe('张三');
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { placePaidOrder } from '../../../test/support/paid-orders.js';
import { DAY, HOUR } from '../../platform/clock.js';

describeEachBackend('fulfilment: shipping and tracking', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let warehouse: StaffLogin;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 50 });
    shopper = await registerShopper(t);
    warehouse = await loginStaff(t, 'warehouse');
  });
  afterAll(() => t.close());

  const ship = (orderId: string, payload: object, auth = warehouse.auth) =>
    t.app.inject({ method: 'POST', url: `/api/admin/orders/${orderId}/ship`, headers: auth, payload });
  const tracking = async (orderId: string, auth: Record<string, string> = shopper.auth) =>
    t.app.inject({ url: `/api/store/orders/${orderId}/tracking`, headers: auth });
  const order = async (orderId: string) => (await t.app.inject({ url: `/api/store/orders/${orderId}`, headers: shopper.auth })).json();

  it('ships with the sandbox carrier; the shopper follows the parcel to delivery, and auto-confirm completes it', async () => {
    const o = await placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[0], quantity: 1 }]);
    const res = await ship(o.id, { carrier: 'sandbox', trackingNumber: 'sbx-0000000001' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      order: { id: o.id, status: 'shipped' },
      shipment: { carrier: { code: 'sandbox', name: { 'zh-CN': '沙箱快递' } }, trackingNumber: 'SBX-0000000001', staffId: warehouse.staffId, events: [] },
    });

    const first = await tracking(o.id);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ orderId: o.id, number: o.number, status: 'shipped', shipments: [{ trackingNumber: 'SBX-0000000001', status: null, events: [] }] });
    // By number too; and nobody else's.
    expect((await tracking(o.number)).statusCode).toBe(200);
    const stranger = await registerShopper(t);
    expect((await tracking(o.id, stranger.auth)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/store/orders/${o.id}/tracking` })).statusCode).toBe(401);

    t.clock.advance(2 * HOUR);
    await t.settle();
    const picked = (await tracking(o.id)).json().shipments[0];
    expect(picked.status).toBe('picked_up');
    expect(picked.events[0]).toMatchObject({ status: 'picked_up', location: '主仓', description: { en: 'Picked up at 主仓' } });

    t.clock.advance(3 * DAY - 2 * HOUR);
    await t.settle();
    const delivered = (await tracking(o.id)).json();
    expect(delivered.status).toBe('delivered');
    expect(delivered.shipments[0].events.map((e: { status: string }) => e.status)).toEqual(['delivered', 'out_for_delivery', 'in_transit', 'picked_up']);

    t.clock.advance(7 * DAY);
    await t.settle();
    const done = await order(o.id);
    expect(done.status).toBe('completed');
    expect(done.timeline.map((e: { type: string }) => e.type)).toEqual(['placed', 'pay', 'ship', 'deliver', 'confirmReceipt']);
    expect(done.timeline[2]).toMatchObject({ actor: 'staff', data: { carrier: 'sandbox', trackingNumber: 'SBX-0000000001' } });
    expect(done.timeline[3]).toMatchObject({ actor: 'carrier', toStatus: 'delivered' });
    expect(done.timeline[4]).toMatchObject({ actor: 'system', toStatus: 'completed' });

    const admin = await loginStaff(t, 'admin');
    const audit = (await t.app.inject({ url: `/api/admin/audit-log?entityType=order&entityId=${o.id}`, headers: admin.auth })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['orders.ship']);
    expect(audit.items[0]).toMatchObject({ staffId: warehouse.staffId, before: { status: 'paid' }, after: { status: 'shipped' } });
  });

  it('a real carrier gets no made-up scans; shipping twice, an unpaid order, a bad carrier or a reused waybill are refused', async () => {
    // The clock moved on by days in the test before: staff sessions (12 hours) have expired since.
    warehouse = await loginStaff(t, 'warehouse');
    const o = await placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[0], quantity: 1 }]);
    expect((await ship(o.number, { carrier: '顺丰', trackingNumber: 'SF1234567890123' })).statusCode).toBe(201);
    t.clock.advance(4 * DAY);
    await t.settle();
    expect((await tracking(o.id)).json().shipments[0]).toMatchObject({ carrier: { code: 'sf' }, events: [] });
    expect((await order(o.id)).status).toBe('shipped');

    warehouse = await loginStaff(t, 'warehouse'); // staff sessions last 12 hours
    const again = await ship(o.id, { carrier: 'sf', trackingNumber: 'SF1234567890999' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'ORDER_ALREADY_SHIPPED']);
    const unpaid = (await placeOrder(t, shopper.auth, p.variantIds[0], 1)).body;
    const refused = await ship(unpaid.id, { carrier: 'sf', trackingNumber: 'SF1234567890998' });
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'ORDER_NOT_SHIPPABLE']);

    const other = await placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[1], quantity: 1 }]);
    const badCarrier = await ship(other.id, { carrier: 'pigeon', trackingNumber: 'SF1234567890997' });
    expect([badCarrier.statusCode, badCarrier.json().code]).toEqual([422, 'CARRIER_UNKNOWN']);
    const reused = await ship(other.id, { carrier: 'sf', trackingNumber: 'sf1234567890123' });
    expect([reused.statusCode, reused.json().code]).toEqual([409, 'TRACKING_NUMBER_TAKEN']);
    expect(reused.json().detail).toContain(o.number);
    expect((await order(other.id)).status).toBe('paid');

    const cs = await loginStaff(t, 'cs');
    expect((await ship(other.id, { carrier: 'sf', trackingNumber: 'SF1234567890996' }, cs.auth)).statusCode).toBe(403);
  });
});

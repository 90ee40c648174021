import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { ledgerNet, placePaidOrder } from '../../../test/support/paid-orders.js';

describeEachBackend('after-sales refunds', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  const staff = {} as Record<'finance' | 'cs' | 'warehouse' | 'admin', StaffLogin>;

  beforeAll(async () => {
    t = await startTestApp(backend);
    // 30.00 and 40.00: one of each is below the 99.00 free-shipping threshold, so a 10.00 fee applies.
    p = await seedProduct(t, { stock: 20, prices: [3000, 4000] });
    shopper = await registerShopper(t);
    for (const role of ['finance', 'cs', 'warehouse', 'admin'] as const) staff[role] = await loginStaff(t, role);
  });
  afterAll(() => t.close());

  const refund = (orderId: string, payload: object, who: StaffLogin = staff.finance) =>
    t.app.inject({ method: 'POST', url: `/api/admin/orders/${orderId}/refunds`, headers: who.auth, payload });
  const decide = (refundId: string, verb: 'approve' | 'reject', who: StaffLogin = staff.finance, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/admin/refunds/${refundId}/${verb}`, headers: who.auth, payload });
  const order = async (id: string) => (await t.app.inject({ url: `/api/admin/orders/${id}`, headers: staff.admin.auth })).json();
  const onHand = async (variantId: string) => (await t.services.inventory.stockOf([variantId])).reduce((n, s) => n + s.onHand, 0);
  const oneOfEach = () => placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[0], quantity: 1 }, { variantId: p.variantIds[1], quantity: 1 }]);
  const lineOf = (o: { lines: Array<{ id: string; variantId: string }> }, variantId: string) => o.lines.find((l) => l.variantId === variantId)!.id;
  const expectLedgerMatches = async (orderId: string) => {
    const o = await order(orderId);
    expect(await ledgerNet(t, orderId)).toBe(o.paidAmount - o.refundedAmount);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    return o;
  };

  it('refunds one line before shipment: the money goes back, that unit is restocked, and the rest still ships', async () => {
    const o = await oneOfEach();
    expect(o.total).toBe(3000 + 4000 + 1000);
    const [a, b] = [await onHand(p.variantIds[0]), await onHand(p.variantIds[1])];
    const res = await refund(o.id, { lines: [{ lineId: lineOf(o, p.variantIds[0]), quantity: 1 }], reason: 'out of stock' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'executed', amount: 3000, itemsAmount: 3000, shippingAmount: 0, restock: true, wholeOrder: false, decidedBy: staff.finance.staffId });
    expect([await onHand(p.variantIds[0]), await onHand(p.variantIds[1])]).toEqual([a + 1, b]);
    const after = await expectLedgerMatches(o.id);
    expect(after).toMatchObject({ status: 'partially_refunded', refundedAmount: 3000 });
    expect(after.lines.find((l: { variantId: string }) => l.variantId === p.variantIds[0]).refundedQuantity).toBe(1);
    expect(after.refunds).toHaveLength(1);
    expect(after.payments[0]).toMatchObject({ status: 'succeeded', amount: o.total });

    const shipped = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${o.id}/ship`, headers: staff.warehouse.auth, payload: { carrier: 'sf', trackingNumber: 'SF3000000000001' } });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const final = await order(o.id);
    expect(final.status).toBe('shipped');
    expect(final.shipments[0]).toMatchObject({ carrier: { code: 'sf' }, trackingNumber: 'SF3000000000001' });
    expect(final.timeline.map((e: { type: string }) => e.type)).toEqual(['placed', 'pay', 'partialRefund', 'refund_succeeded', 'ship']);
  });

  it('refunds a whole paid order with its shipping: everything is restocked and the ledgers reconcile', async () => {
    const o = await oneOfEach();
    const [a, b] = [await onHand(p.variantIds[0]), await onHand(p.variantIds[1])];
    const res = await refund(o.id, { reason: 'shopper changed their mind' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'executed', wholeOrder: true, amount: o.total, itemsAmount: 7000, shippingAmount: 1000, restock: true });
    expect([await onHand(p.variantIds[0]), await onHand(p.variantIds[1])]).toEqual([a + 1, b + 1]);
    const after = await expectLedgerMatches(o.id);
    expect(after).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    expect(await ledgerNet(t, o.id)).toBe(0);
    // Nothing is left: another refund is refused and moves nothing.
    const again = await refund(o.id, { reason: 'again' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'ORDER_NOT_REFUNDABLE']);
  });

  it('cs asks, finance approves: the money moves once even when approve is sent twice at once', async () => {
    const o = await oneOfEach();
    const line = lineOf(o, p.variantIds[1]);
    const asked = await refund(o.id, { lines: [{ lineId: line, quantity: 1 }], reason: 'damaged box' }, staff.cs);
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json()).toMatchObject({ status: 'requested', amount: 4000, requestedBy: staff.cs.staffId, decidedBy: null });
    expect(await ledgerNet(t, o.id)).toBe(o.total);
    // The same unit cannot be asked for twice while the first request is open.
    const twice = await refund(o.id, { lines: [{ lineId: line, quantity: 1 }], reason: 'again' }, staff.cs);
    expect([twice.statusCode, twice.json().code]).toEqual([422, 'REFUND_LINES_INVALID']);
    const queue = (await t.app.inject({ url: `/api/admin/refunds?status=requested&orderId=${o.id}`, headers: staff.cs.auth })).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toEqual([asked.json().id]);

    expect((await decide(asked.json().id, 'approve', staff.cs)).statusCode).toBe(403);
    const results = await Promise.all([decide(asked.json().id, 'approve'), decide(asked.json().id, 'approve')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('REFUND_NOT_PENDING');
    await t.settle(); // refund intents are executed by the outbox
    const refunds = (await t.services.payments.ledgerOf(o.id)).filter((l) => l.kind === 'refund');
    expect(refunds.map((l) => l.amount)).toEqual([-4000]);
    const after = await expectLedgerMatches(o.id);
    expect(after).toMatchObject({ status: 'partially_refunded', refundedAmount: 4000 });
    expect(after.refunds[0]).toMatchObject({ status: 'executed', decidedBy: staff.finance.staffId, requestedBy: staff.cs.staffId });
    const audit = (await t.app.inject({ url: `/api/admin/audit-log?entityType=refund&entityId=${asked.json().id}`, headers: staff.admin.auth })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['refunds.approve', 'refunds.request']);

    // A rejected request moves no money.
    const other = await refund(o.id, { lines: [{ lineId: lineOf(o, p.variantIds[0]), quantity: 1 }], reason: 'late' }, staff.cs);
    const rejected = await decide(other.json().id, 'reject', staff.finance, { note: 'not eligible' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: 'not eligible' });
    expect((await decide(other.json().id, 'approve')).statusCode).toBe(409);
    expect(await ledgerNet(t, o.id)).toBe(o.total - 4000);
    expect((await order(o.id)).timeline.map((e: { type: string }) => e.type)).toEqual(
      ['placed', 'pay', 'refund_requested', 'partialRefund', 'refund_succeeded', 'refund_requested', 'refund_rejected'],
    );
  });

  it('two refunds of the whole order at once: one goes through, the other finds nothing left', async () => {
    const o = await oneOfEach();
    const results = await Promise.all([refund(o.id, { reason: 'one' }), refund(o.id, { reason: 'two' })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const after = await expectLedgerMatches(o.id);
    expect(after).toMatchObject({ status: 'refunded', refundedAmount: o.total });
    expect(await ledgerNet(t, o.id)).toBe(0);
  });

  it('refuses a refund above what was paid, or of units not bought, and writes nothing', async () => {
    const o = await oneOfEach();
    const tooMuch = await refund(o.id, { amount: o.total + 1, reason: 'goodwill' });
    expect([tooMuch.statusCode, tooMuch.json().code]).toEqual([422, 'REFUND_EXCEEDS_REFUNDABLE']);
    const lineTooMuch = await refund(o.id, { lines: [{ lineId: lineOf(o, p.variantIds[0]), quantity: 1 }], amount: 3001, reason: 'x' });
    expect([lineTooMuch.statusCode, lineTooMuch.json().code]).toEqual([422, 'REFUND_EXCEEDS_REFUNDABLE']);
    const units = await refund(o.id, { lines: [{ lineId: lineOf(o, p.variantIds[0]), quantity: 2 }], reason: 'x' });
    expect([units.statusCode, units.json().code]).toEqual([422, 'REFUND_LINES_INVALID']);
    const after = await order(o.id);
    expect(after).toMatchObject({ status: 'paid', refundedAmount: 0, refunds: [] });
    expect(await ledgerNet(t, o.id)).toBe(o.total);
    const audit = (await t.app.inject({ url: `/api/admin/audit-log?action=refunds.*`, headers: staff.admin.auth })).json();
    expect(audit.items.filter((e: { after: { orderId?: string } }) => e.after?.orderId === o.id)).toEqual([]);
    // Less than the lines are worth is allowed (a negotiated refund of those units).
    const partial = await refund(o.id, { lines: [{ lineId: lineOf(o, p.variantIds[0]), quantity: 1 }], amount: 1500, reason: 'scratched' });
    expect(partial.json()).toMatchObject({ status: 'executed', amount: 1500, requestedAmount: 1500 });
    await expectLedgerMatches(o.id);
  });

  it('warehouse cannot refund; cs cannot approve', async () => {
    const o = await oneOfEach();
    const w = await refund(o.id, { reason: 'x' }, staff.warehouse);
    expect([w.statusCode, w.json().code]).toEqual([403, 'FORBIDDEN']);
    const asked = await refund(o.id, { reason: 'x' }, staff.cs);
    expect(asked.statusCode).toBe(202);
    expect((await decide(asked.json().id, 'approve', staff.cs)).statusCode).toBe(403);
    expect((await decide(asked.json().id, 'reject', staff.cs)).statusCode).toBe(403);
    expect((await decide(asked.json().id, 'approve', staff.warehouse)).statusCode).toBe(403);
    expect((await order(o.id)).status).toBe('paid');
  });

  it('staff cancel: unpaid → cancelled; paid → a full refund (admin) or a refund request (cs); shipped → refused', async () => {
    const cancel = (id: string, who: StaffLogin) =>
      t.app.inject({ method: 'POST', url: `/api/admin/orders/${id}/cancel`, headers: who.auth, payload: { reason: 'customer called' } });
    const unpaid = (await placeOrder(t, shopper.auth, p.variantIds[0], 1)).body;
    const c1 = await cancel(unpaid.id, staff.cs);
    expect(c1.statusCode, c1.body).toBe(200);
    expect(c1.json()).toMatchObject({ outcome: 'cancelled', order: { status: 'cancelled' }, refund: null });

    const paid = await oneOfEach();
    const c2 = await cancel(paid.id, staff.cs);
    expect(c2.statusCode, c2.body).toBe(202);
    expect(c2.json()).toMatchObject({ outcome: 'refund_requested', order: { status: 'paid' }, refund: { status: 'requested', wholeOrder: true, amount: paid.total } });
    expect((await decide(c2.json().refund.id, 'approve')).json()).toMatchObject({ status: 'executed', amount: paid.total });
    expect((await expectLedgerMatches(paid.id)).status).toBe('refunded');

    const paid2 = await oneOfEach();
    const c3 = await cancel(paid2.id, staff.admin);
    expect(c3.statusCode).toBe(200);
    expect(c3.json()).toMatchObject({ outcome: 'refunded', order: { status: 'refunded' }, refund: { status: 'executed', amount: paid2.total } });
    await expectLedgerMatches(paid2.id);

    const shipped = await oneOfEach();
    await t.app.inject({ method: 'POST', url: `/api/admin/orders/${shipped.id}/ship`, headers: staff.warehouse.auth, payload: { carrier: 'jd', trackingNumber: 'JD0000000000001' } });
    const c4 = await cancel(shipped.id, staff.admin);
    expect([c4.statusCode, c4.json().code]).toEqual([409, 'ORDER_NOT_CANCELLABLE']);
    expect((await cancel(shipped.id, staff.finance)).statusCode).toBe(403);
  });
});

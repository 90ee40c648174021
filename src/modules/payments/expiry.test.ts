import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper } from '../../../test/support/customers.js';
import { placeOrder, sandboxCallback, seedProduct, startPayment, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { MINUTE } from '../../platform/clock.js';

/** Attempts the shopper never completed end (expired) instead of showing "processing" for ever. */
describeEachBackend('payments: abandoned attempts', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let auth: Record<string, string>;
  let cs: StaffLogin;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 30 });
    auth = (await registerShopper(t)).auth;
    cs = await loginStaff(t, 'cs');
  });
  afterAll(() => t.close());

  const adminOrder = async (id: string) => {
    const res = await t.app.inject({ url: `/api/admin/orders/${id}`, headers: cs.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { status: string; payments: Array<{ id: string; status: string; failureReason: string | null; completedAt: string | null }>; timeline: Array<{ type: string; data: Record<string, unknown> }> };
  };
  const statusOf = (o: Awaited<ReturnType<typeof adminOrder>>) => Object.fromEntries(o.payments.map((x) => [x.id, [x.status, x.failureReason]]));

  it('an attempt left open when another attempt pays the order expires in the same transaction, once', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const abandoned = (await startPayment(t, auth, order.id)).body;
    const used = (await startPayment(t, auth, order.id)).body;
    t.clock.advance(2 * MINUTE);
    const res = await t.app.inject(sandboxCallback(t, { paymentId: used.id, amount: order.total }));
    expect(res.json().result).toBe('paid');
    const o = await adminOrder(order.id);
    expect(statusOf(o)).toEqual({ [abandoned.id]: ['expired', 'paid_by_another_attempt'], [used.id]: ['succeeded', null] });
    const ended = (id: string) => Date.parse(o.payments.find((x) => x.id === id)?.completedAt ?? '');
    expect(Math.abs(ended(abandoned.id) - ended(used.id))).toBeLessThan(1000); // ended when the other one paid
    const notes = o.timeline.filter((e) => e.type === 'payment_expired');
    expect(notes.map((e) => e.data)).toEqual([{ paymentId: abandoned.id, reason: 'paid_by_another_attempt' }]);
    // Replays of the paying callback, and the outbox run, change nothing more.
    await t.app.inject(sandboxCallback(t, { paymentId: used.id, amount: order.total }));
    await t.settle();
    expect((await adminOrder(order.id)).timeline.filter((e) => e.type === 'payment_expired')).toHaveLength(1);
    expect((await t.services.payments.ledgerOf(order.id)).map((l) => [l.kind, l.amount])).toEqual([['capture', order.total]]);
  });

  it('two attempts paid at the same moment: one pays the order, the other is refunded, neither fails', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const a = (await startPayment(t, auth, order.id)).body;
    const b = (await startPayment(t, auth, order.id)).body;
    const results = await Promise.all([a, b].map((x) => t.app.inject(sandboxCallback(t, { paymentId: x.id, amount: order.total }))));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => r.json().result).sort()).toEqual(['paid', 'refunded_late']);
    const o = await adminOrder(order.id);
    expect(o.status).toBe('paid');
    expect(o.payments.map((x) => x.status)).toEqual(['succeeded', 'succeeded']);
    await t.settle(); // refund intents are executed by the outbox
    expect((await t.services.payments.ledgerOf(order.id)).reduce((n, l) => n + l.amount, 0)).toBe(order.total);
  });

  it('the unpaid timeout (adjustable clock) ends the open attempt; a late success for it is refunded', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 2)).body;
    const pay = (await startPayment(t, auth, order.id)).body;
    t.clock.advance(29 * MINUTE);
    await t.settle();
    expect(statusOf(await adminOrder(order.id))).toEqual({ [pay.id]: ['pending', null] });
    t.clock.advance(2 * MINUTE);
    await t.settle();
    const o = await adminOrder(order.id);
    expect(o.status).toBe('cancelled');
    expect(statusOf(o)).toEqual({ [pay.id]: ['expired', 'order_cancelled'] });
    expect(o.timeline.map((e) => e.type)).toEqual(['placed', 'cancel', 'payment_expired']);
    await t.settle(); // a second run finds nothing pending
    expect((await adminOrder(order.id)).timeline.filter((e) => e.type === 'payment_expired')).toHaveLength(1);
    // A failure reported late changes nothing; a success is captured and sent straight back.
    const failed = await t.app.inject(sandboxCallback(t, { type: 'payment.failed', paymentId: pay.id, amount: order.total }));
    expect(failed.json().result).toBe('ignored');
    const late = await t.app.inject(sandboxCallback(t, { paymentId: pay.id, amount: order.total }));
    expect(late.json().result).toBe('refunded_late');
    await t.settle(); // refund intents are executed by the outbox
    expect((await t.services.payments.ledgerOf(order.id)).map((l) => [l.kind, l.amount])).toEqual([['capture', order.total], ['refund', -order.total]]);
    const after = await adminOrder(order.id);
    expect(after.status).toBe('cancelled');
    expect(after.timeline.map((e) => e.type)).toContain('late_payment_refunded');
    const replay = await t.app.inject(sandboxCallback(t, { paymentId: pay.id, amount: order.total }));
    expect(replay.json().result).toBe('ignored');
    expect(await t.services.payments.ledgerOf(order.id)).toHaveLength(2);
  });

  it("a shopper cancelling ends the open attempt too; a decline carries a code and the provider's words", async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const first = (await startPayment(t, auth, order.id)).body;
    const declined = await t.app.inject(sandboxCallback(t, { type: 'payment.failed', paymentId: first.id, amount: order.total, reason: 'card declined by issuer' }));
    expect(declined.json().result).toBe('failed');
    const open = (await startPayment(t, auth, order.id)).body;
    const cancel = await t.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/cancel`, headers: auth, payload: {} });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await t.settle();
    const o = await adminOrder(order.id);
    expect(statusOf(o)).toEqual({ [first.id]: ['failed', 'payment_declined'], [open.id]: ['expired', 'order_cancelled'] });
    expect(o.timeline.find((e) => e.type === 'payment_failed')?.data).toEqual({ paymentId: first.id, reason: 'payment_declined', providerMessage: 'card declined by issuer' });
  });
});

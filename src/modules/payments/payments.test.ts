import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper } from '../../../test/support/customers.js';
import { placeOrder, sandboxCallback, seedProduct, startPayment, type SeededProduct } from '../../../test/support/commerce.js';
import { MINUTE } from '../../platform/clock.js';

describeEachBackend('payments', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 30 });
    auth = (await registerShopper(t)).auth;
  });
  afterAll(() => t.close());

  const stockRow = async () => (await t.services.inventory.stockOf([p.variantIds[0]]))[0];

  it('a paid callback marks the order paid and commits its stock, with one capture in the ledger', async () => {
    const before = await stockRow();
    const order = (await placeOrder(t, auth, p.variantIds[0], 2)).body;
    expect((await stockRow()).reserved).toBe(before.reserved + 2);
    const pay = await startPayment(t, auth, order.id);
    expect(pay.status).toBe(201);
    expect(pay.body.payUrl).toContain(`/pay/sandbox/${pay.body.id}`);
    const res = await t.app.inject(sandboxCallback(t, { paymentId: pay.body.id, amount: order.total }));
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toBe('paid');
    const after = (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: auth })).json();
    expect(after.status).toBe('paid');
    expect(after.paidAmount).toBe(order.total);
    expect(after.timeline.map((e: { type: string }) => e.type)).toEqual(['placed', 'pay']);
    const s = await stockRow();
    expect(s.onHand).toBe(before.onHand - 2);
    expect(s.reserved).toBe(before.reserved);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    const ledger = await t.services.payments.ledgerOf(order.id);
    expect(ledger.map((l) => [l.kind, l.amount])).toEqual([['capture', order.total]]);
  });

  it('a callback replayed 20 times, concurrently and out of order, pays once', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const pay = (await startPayment(t, auth, order.id)).body;
    const success = sandboxCallback(t, { eventId: 'evt_replay_success', paymentId: pay.id, amount: order.total });
    const failure = sandboxCallback(t, { eventId: 'evt_replay_failure', type: 'payment.failed', paymentId: pay.id, amount: order.total });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.app.inject(i % 5 === 4 ? failure : success)),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const outcomes = results.map((r) => r.json().result);
    expect(outcomes.filter((o) => o === 'paid').length + outcomes.filter((o) => o === 'failed').length).toBe(1);
    const ledger = await t.services.payments.ledgerOf(order.id);
    expect(ledger.filter((l) => l.kind === 'capture').length).toBeLessThanOrEqual(1);
    const final = (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: auth })).json();
    expect(['paid', 'pending_payment']).toContain(final.status);
    if (final.status === 'paid') expect(ledger).toHaveLength(1);
    // A late success after the payment ended is ignored.
    const late = await t.app.inject(sandboxCallback(t, { eventId: 'evt_after_end', paymentId: pay.id, amount: order.total }));
    expect(late.json().result).toBe('ignored');
  });

  it('rejects a forged, tampered or stale signature and changes nothing', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const pay = (await startPayment(t, auth, order.id)).body;
    const good = sandboxCallback(t, { paymentId: pay.id, amount: order.total });
    const forged = { ...good, headers: { ...good.headers, 'x-sandbox-signature': `t=${Date.now()},v1=${'0'.repeat(64)}` } };
    const tampered = { ...good, payload: good.payload.replace(`"amount":${order.total}`, '"amount":1') };
    const stale = sandboxCallback(t, { paymentId: pay.id, amount: order.total }, new Date(t.clock.now().getTime() - 10 * MINUTE));
    const missing = { ...good, headers: { 'content-type': 'application/json' } };
    for (const req of [forged, tampered, stale, missing]) {
      const res = await t.app.inject(req);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    const after = (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: auth })).json();
    expect(after.status).toBe('pending_payment');
    expect(await t.services.payments.ledgerOf(order.id)).toEqual([]);
  });

  it('an unpaid order times out, releases its stock, and a payment arriving later is refunded', async () => {
    const before = await stockRow();
    const order = (await placeOrder(t, auth, p.variantIds[0], 3)).body;
    const pay = (await startPayment(t, auth, order.id)).body;
    t.clock.advance(31 * MINUTE);
    await t.settle();
    const cancelled = (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: auth })).json();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelReason).toBe('unpaid_timeout');
    // Every overdue order was cancelled, this one included: nothing of it is held any more.
    const after = await stockRow();
    expect(after.onHand).toBe(before.onHand);
    expect(after.reserved).toBeLessThanOrEqual(before.reserved);
    const ledger0 = (await t.services.inventory.listLedger({ variantId: p.variantIds[0], limit: 100 })).items.filter((l) => l.refId === order.id);
    expect(ledger0.map((l) => [l.reason, l.deltaReserved]).sort()).toEqual([['release', -3], ['reserve', 3]]);
    const late = await t.app.inject(sandboxCallback(t, { paymentId: pay.id, amount: order.total }));
    expect(late.json().result).toBe('refunded_late');
    await t.settle(); // the refund intent is executed by the outbox
    const ledger = await t.services.payments.ledgerOf(order.id);
    expect(ledger.map((l) => [l.kind, l.amount])).toEqual([['capture', order.total], ['refund', -order.total]]);
    const again = (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: auth })).json();
    expect(again.status).toBe('cancelled');
    expect(again.timeline.map((e: { type: string }) => e.type)).toContain('late_payment_refunded');
    expect(await t.services.inventory.reconcile()).toEqual([]);
    const payAgain = await startPayment(t, auth, order.id);
    expect(payAgain.status).toBe(409);
  });

  it('the sandbox pay page shows the order and its outcome reaches the webhook', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const pay = (await startPayment(t, auth, order.id)).body;
    const page = await t.app.inject({ url: `/pay/sandbox/${pay.id}?lang=en`, headers: auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(order.number);
    expect(page.body).toContain('Pay now');
    const zh = await t.app.inject({ url: `/pay/sandbox/${pay.id}`, headers: auth });
    expect(zh.body).toContain('确认支付');
    await t.k.settings.set('payments.sandbox.delayMs', 0);
    const done = await t.app.inject({ method: 'POST', url: `/pay/sandbox/${pay.id}/complete`, headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'outcome=succeeded' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toContain(`/orders/${order.number}`);
    await t.services.sandboxCallbacks.flush();
    const after = (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: auth })).json();
    expect(after.status).toBe('paid');
  });

  it('a failed payment leaves the order payable, and paying again works', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const first = (await startPayment(t, auth, order.id)).body;
    const failed = await t.app.inject(sandboxCallback(t, { type: 'payment.failed', paymentId: first.id, amount: order.total }));
    expect(failed.json().result).toBe('failed');
    const mid = (await t.app.inject({ url: `/api/store/orders/${order.id}`, headers: auth })).json();
    expect(mid.status).toBe('pending_payment');
    expect(mid.timeline.map((e: { type: string }) => e.type)).toContain('payment_failed');
    const second = (await startPayment(t, auth, order.id)).body;
    expect(second.id).not.toBe(first.id);
    const ok = await t.app.inject(sandboxCallback(t, { paymentId: second.id, amount: order.total }));
    expect(ok.json().result).toBe('paid');
  });
});

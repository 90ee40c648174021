import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import type { PaymentProvider, ProviderWebhookEvent } from './provider.js';
import { refundIdempotencyKey } from './events.js';

type Fault = 'throw' | 'timeout' | 'answer-then-fail' | 'unbookable-answer' | 'ok';

/**
 * A payment provider that fails on purpose, and keeps books like a real one: a refund is keyed by
 * its idempotency key, and a repeat of a key moves no money again (it answers with the first refund).
 */
class FaultyProvider implements PaymentProvider {
  readonly code = 'faulty';
  readonly methods = ['card'] as const;
  /** Money that actually left, by idempotency key. */
  readonly moved = new Map<string, { amount: number; id: string }>();
  /** Every refund call, by key (a repeat shows up twice). */
  readonly calls: string[] = [];
  faults: Fault[] = [];

  async create(input: { paymentId: string }) {
    return { providerRef: `f_${input.paymentId}`, payUrl: '/pay/faulty' };
  }

  verifyWebhook(rawBody: Buffer): ProviderWebhookEvent {
    return JSON.parse(rawBody.toString('utf8')) as ProviderWebhookEvent;
  }

  async refund(input: { amount: number; idempotencyKey: string }) {
    this.calls.push(input.idempotencyKey);
    const fault = this.faults.shift() ?? 'ok';
    if (fault === 'throw') throw new Error('provider: 503 service unavailable'); // refused: nothing moved
    const refund = this.moved.get(input.idempotencyKey) ?? { amount: input.amount, id: `f_rf_${this.moved.size + 1}` };
    this.moved.set(input.idempotencyKey, refund); // from here on the money has left
    if (fault === 'timeout') return new Promise<never>(() => {}); // moved, but the answer never comes
    if (fault === 'answer-then-fail') throw new Error('connection reset after the provider refunded'); // as if we died before commit
    // An answer the database refuses to store: the booking transaction rolls back after the money moved.
    if (fault === 'unbookable-answer') return { providerRefundId: `${refund.id}\u0000` };
    return { providerRefundId: refund.id };
  }

  moneyOut(): number {
    return [...this.moved.values()].reduce((n, r) => n + r.amount, 0);
  }
}

/**
 * Money moves exactly once (decision 0030): a refund is an intent written with the decision and
 * executed from the outbox with a key derived from it. Whatever fails — the provider throws, does not
 * answer, answers and then we fail, the booking rolls back, the consumer runs twice — exactly one
 * refund reaches the provider's books, the ledgers reconcile with the order, and the timeline says
 * what happened.
 */
describeEachBackend('refund failures', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let finance: StaffLogin;
  let provider: FaultyProvider;

  beforeAll(async () => {
    t = await startTestApp(backend);
    provider = new FaultyProvider();
    t.services.payments.addProvider(provider);
    t.services.payments.providerTimeoutMs = 200;
    p = await seedProduct(t, { stock: 100, prices: [12000] });
    shopper = await registerShopper(t);
    finance = await loginStaff(t, 'finance');
  });
  afterAll(() => t?.close());

  /** An order paid through the faulty provider, then refunded in full by finance: returns its id and the refund's key. */
  async function paidThenRefunded() {
    const placed = await placeOrder(t, shopper.auth, p.variantIds[0]);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const order = placed.body;
    const pay = await t.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/payments`, headers: shopper.auth, payload: { provider: 'faulty', method: 'card' } });
    expect(pay.statusCode, pay.body).toBe(201);
    const event = { eventId: `evt_${randomUUID()}`, type: 'payment.succeeded', paymentId: pay.json().id, amount: order.total, currency: 'CNY' };
    const cb = await t.app.inject({ method: 'POST', url: '/api/store/payments/webhook/faulty', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(event) });
    expect(cb.json().result).toBe('paid');
    const refund = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/refunds`, headers: finance.auth, payload: { reason: 'failure drill' } });
    expect(refund.statusCode, refund.body).toBe(201);
    const [intent] = await t.services.payments.refundsOf(order.id);
    expect(intent.status).toBe('pending'); // decided, not yet sent: nothing was called inside the decision
    return { orderId: order.id as string, total: order.total as number, key: refundIdempotencyKey(intent.id), refundId: intent.id };
  }

  /** Runs the outbox until the intent is settled, moving the clock past each retry's backoff. */
  async function runUntilSettled(refundId: string, orderId: string) {
    for (let round = 0; round < 10; round++) {
      await t.settle();
      const [r] = (await t.services.payments.refundsOf(orderId)).filter((x) => x.id === refundId);
      if (r.status !== 'pending') return;
      t.clock.advance(6 * 60_000);
    }
  }

  async function expectExactlyOnce(c: { orderId: string; total: number; key: string; refundId: string }, retried: boolean) {
    expect(provider.moved.get(c.key)).toEqual({ amount: c.total, id: expect.any(String) });
    const refunds = await t.services.payments.refundsOf(c.orderId);
    expect(refunds.map((r) => [r.status, r.amount, r.providerRefundId])).toEqual([['succeeded', c.total, provider.moved.get(c.key)!.id]]);
    const ledger = await t.services.payments.ledgerOf(c.orderId);
    expect(ledger.map((l) => [l.kind, l.amount])).toEqual([['capture', c.total], ['refund', -c.total]]);
    const order = (await t.app.inject({ url: `/api/admin/orders/${c.orderId}`, headers: finance.auth })).json();
    expect(order.paidAmount - order.refundedAmount).toBe(ledger.reduce((n, l) => n + l.amount, 0));
    const types = order.timeline.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'refund_succeeded')).toHaveLength(1);
    expect(types.includes('refund_retrying')).toBe(retried);
  }

  for (const [fault, what] of [
    ['throw', 'the provider throws'],
    ['timeout', 'the provider does not answer in time (and refunds anyway)'],
    ['answer-then-fail', 'the provider refunds and we fail before the commit'],
    ['unbookable-answer', 'the database rolls back after the provider answered'],
  ] as const) {
    it(`${what}: retried with the same key, the money leaves once`, async () => {
      const c = await paidThenRefunded();
      const before = provider.moneyOut();
      provider.faults = [fault];
      await runUntilSettled(c.refundId, c.orderId);
      expect(provider.calls.filter((k) => k === c.key)).toHaveLength(2); // the failed call and its retry
      expect(provider.moneyOut() - before).toBe(c.total);
      await expectExactlyOnce(c, true);
    });
  }

  it('the consumer runs twice at once, and again later: one refund at the provider, one in the books', async () => {
    const c = await paidThenRefunded();
    const before = provider.moneyOut();
    const results = await Promise.all([t.services.payments.executeRefund(c.refundId), t.services.payments.executeRefund(c.refundId)]);
    expect(results.sort()).toEqual(['done_before', 'succeeded']);
    await t.settle(); // the outbox's own delivery finds it done
    expect(await t.services.payments.executeRefund(c.refundId)).toBe('done_before');
    expect(provider.moneyOut() - before).toBe(c.total);
    await expectExactlyOnce(c, false);
  });
});

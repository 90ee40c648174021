import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { sandboxCallback, seedProduct, standardShipping, testAddress } from '../support/commerce.js';

/**
 * The checkout's statement budget (docs/decisions/0032-write-path.md): the five requests a shopper's
 * checkout sends, and the SQL statements each may run — transaction control included — on both shapes.
 * A step over its budget fails with the statements it ran, so the new query is easy to find.
 */
const BUDGET = {
  /** The open cart with its items (one statement), or a new cart (one insert). */
  cart: 2,
  /** begin · lock-and-touch the cart · add within the limits, returning every line · commit (variants from the process copy). */
  item: 4,
  /**
   * begin · claim the Idempotency-Key with the order id · close the cart returning its items ·
   * variants (fresh: the price charged) · order · lines · timeline · timeout job · events with
   * their deliveries · the conditional stock update with reservation and ledger (last) · commit.
   */
  order: 11,
  /** The order · the attempt (no transaction: the provider is called between the two, never inside one). */
  payment: 2,
  /**
   * begin · the provider's event id · capture with its ledger row · order paid (conditional update) ·
   * timeline · reservation committed with stock and ledger · lines for order.paid · other attempts
   * ended · events with their deliveries · commit.
   */
  callback: 10,
} as const;
const FLOW_BUDGET = 30;

describeEachBackend('checkout statement budget', (backend) => {
  let t: TestApp;
  let shopper: Shopper;
  let variantId: string;
  let shippingMethodId: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const p = await seedProduct(t, { stock: 1000 });
    variantId = p.variantIds[0];
    shippingMethodId = await standardShipping(t);
    shopper = await registerShopper(t);
  });
  afterAll(() => t?.close());

  /** One checkout as the bench's shoppers run it; returns the statements of each step. */
  async function checkout(): Promise<Record<keyof typeof BUDGET, string[]>> {
    const auth = shopper.auth;
    const steps = {} as Record<keyof typeof BUDGET, string[]>;
    const measure = async <T>(step: keyof typeof BUDGET, fn: () => Promise<T>): Promise<T> => {
      const trace: string[] = [];
      t.k.db.statements.trace = trace;
      try {
        return await fn();
      } finally {
        t.k.db.statements.trace = undefined;
        steps[step] = trace;
      }
    };
    const cart = await measure('cart', () => t.app.inject({ method: 'POST', url: '/api/store/carts', headers: auth }));
    expect([200, 201], cart.body).toContain(cart.statusCode);
    const add = await measure('item', () =>
      t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.json().id}/items`, headers: auth, payload: { variantId, quantity: 1 } }),
    );
    expect(add.statusCode, add.body).toBe(200);
    const order = await measure('order', () =>
      t.app.inject({
        method: 'POST',
        url: '/api/store/orders',
        headers: { ...auth, 'idempotency-key': `budget-${randomUUID()}` },
        payload: { cartId: cart.json().id, shippingMethodId, address: testAddress },
      }),
    );
    expect(order.statusCode, order.body).toBe(201);
    const pay = await measure('payment', () =>
      t.app.inject({ method: 'POST', url: `/api/store/orders/${order.json().id}/payments`, headers: auth, payload: { method: 'wechat' } }),
    );
    expect(pay.statusCode, pay.body).toBe(201);
    const cb = await measure('callback', () => t.app.inject(sandboxCallback(t, { paymentId: pay.json().id, amount: order.json().total })));
    expect(cb.json().result).toBe('paid');
    return steps;
  }

  it('runs the whole checkout within its budget, each step within its own', async () => {
    await checkout(); // the first one fills the process's caches (settings, shipping methods, the session)
    const steps = await checkout();
    const counts = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.length]));
    if (process.env.BUDGET_TRACE) console.log(backend.name, counts, steps);
    for (const [step, limit] of Object.entries(BUDGET)) {
      expect(steps[step as keyof typeof BUDGET].length, `${step} ran:\n${steps[step as keyof typeof BUDGET].join('\n')}`).toBeLessThanOrEqual(limit);
    }
    const total = Object.values(steps).reduce((n, s) => n + s.length, 0);
    expect(total).toBeLessThanOrEqual(FLOW_BUDGET);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, startTestApp, type TestApp, type TestDatabase } from '../../../test/support/harness.js';
import { placeOrder, seedProduct, startPayment } from '../../../test/support/commerce.js';
import { registerShopper } from '../../../test/support/customers.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/**
 * The sandbox's callback is an outbox row, not a timer in memory: a store stopped between the
 * shopper paying on the sandbox page and the callback still marks the order paid once it is back.
 * (Two apps one after the other on the same database; closing the first is the restart.)
 */
describeEachBackend('sandbox callbacks across a restart', (backend) => {
  let db: TestDatabase;
  let before: TestApp | undefined;
  let after: TestApp | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await before?.close();
    await after?.close();
    await db?.drop();
  });

  it('delivers the callback of a payment made just before the store stopped', async () => {
    before = await startTestApp(backend, {}, { database: db });
    const p = await seedProduct(before);
    const shopper = await registerShopper(before);
    const order = (await placeOrder(before, shopper.auth, p.variantIds[0], 1)).body;
    const payment = (await startPayment(before, shopper.auth, order.id)).body;
    const done = await before.app.inject({ method: 'POST', url: `/pay/sandbox/${payment.id}/complete`, headers: { ...FORM, ...shopper.auth }, payload: 'outcome=succeeded' });
    expect(done.statusCode).toBe(303);
    await before.close(); // stopped before the callback was due: nothing was delivered
    before = undefined;

    after = await startTestApp(backend, {}, { database: db });
    const waiting = async () => (await after!.app.inject({ url: `/api/store/orders/${order.id}`, headers: shopper.auth })).json().status;
    expect(await waiting()).toBe('pending_payment');
    await after.services.sandboxCallbacks.flush();
    expect(await waiting()).toBe('paid');
    await after.services.sandboxCallbacks.flush(); // delivered once: a second round changes nothing
    const ledger = await after.services.payments.ledgerOf(order.id);
    expect(ledger.map((l) => [l.kind, l.amount])).toEqual([['capture', order.total]]);
  });
});

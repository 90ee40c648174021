import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../test/support/commerce.js';
import { HOUR } from '../../platform/clock.js';
import { idempotencyKeys } from '../../platform/idempotency/schema.js';
import { EXPIRE_KEYS_JOB } from './jobs.js';

const T0 = new Date('2026-03-01T00:00:00Z');

/** Idempotency keys last a day; the hourly recurring job deletes them, the order path never does. */
describeEachBackend('checkout: idempotency keys expire', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let body: object;

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(T0);
    await t.k.recurring.sync();
    p = await seedProduct(t, { stock: 50 });
    shopper = await registerShopper(t);
    // 立即购买: the same body can be sent again and again (a cart would be closed by its order).
    body = { items: [{ variantId: p.variantIds[0], quantity: 1 }], shippingMethodId: await standardShipping(t), address: testAddress };
  });
  afterAll(() => t.close());

  const order = async (key: string) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: { ...shopper.auth, 'idempotency-key': key }, payload: body });
    return { status: res.statusCode, id: res.json().id as string, replayed: res.headers['idempotent-replayed'] === 'true' };
  };
  const keyRow = async (key: string) =>
    (await t.k.db.q.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, 'checkout.placeOrder'), eq(idempotencyKeys.owner, shopper.customerId), eq(idempotencyKeys.key, key))))[0];

  it('replays an unexpired key, and lets an expired one be reused before the expiry job has run', async () => {
    const first = await order('expiry-key-0001');
    expect(first.status).toBe(201);
    t.clock.advance(23 * HOUR);
    expect(await order('expiry-key-0001')).toEqual({ status: 200, id: first.id, replayed: true });

    t.clock.advance(2 * HOUR);
    expect(await keyRow('expiry-key-0001')).toMatchObject({ result: { orderId: first.id }, createdAt: T0 }); // expired, still there
    const reused = await order('expiry-key-0001');
    expect(reused.status).toBe(201);
    expect(reused.id).not.toBe(first.id);
    expect(await keyRow('expiry-key-0001')).toMatchObject({ result: { orderId: reused.id }, createdAt: t.clock.now() });
    expect(await order('expiry-key-0001')).toEqual({ status: 200, id: reused.id, replayed: true });
  });

  it('deletes expired keys in the hourly job and keeps the others, which still replay', async () => {
    // expiry-key-0001 was claimed at T0+25h; a second key now, at T0+40h.
    t.clock.set(new Date(T0.getTime() + 40 * HOUR));
    const kept = await order('expiry-key-0002');
    expect(kept.status).toBe(201);
    t.clock.set(new Date(T0.getTime() + 50 * HOUR + 7 * 60_000)); // the job's tick, :07 past the hour
    expect(await t.k.recurring.runOne(EXPIRE_KEYS_JOB)).toBe(true);
    expect(await keyRow('expiry-key-0001')).toBeUndefined();
    expect(await keyRow('expiry-key-0002')).toMatchObject({ result: { orderId: kept.id } });
    expect(await order('expiry-key-0002')).toEqual({ status: 200, id: kept.id, replayed: true });
    const fresh = await order('expiry-key-0001');
    expect(fresh.status).toBe(201);
    expect(fresh.id).not.toBe(kept.id);
  });
});

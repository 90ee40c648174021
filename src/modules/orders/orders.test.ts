import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../test/support/commerce.js';

describeEachBackend('orders (shopper)', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 10 });
    auth = (await registerShopper(t)).auth;
  });
  afterAll(() => t.close());

  it('the shopper cancels an unpaid order; its stock comes back; a second cancel is refused', async () => {
    const before = (await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])!;
    const order = (await placeOrder(t, auth, p.variantIds[0], 4)).body;
    expect((await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])).toBe(before - 4);
    const res = await t.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/cancel`, headers: auth, payload: { reason: 'changed my mind' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'changed my mind' });
    expect((await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])).toBe(before);
    const again = await t.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/cancel`, headers: auth, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ORDER_STATE_CONFLICT');
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('confirming receipt of an order that was not shipped is refused', async () => {
    const order = (await placeOrder(t, auth, p.variantIds[0], 1)).body;
    const res = await t.app.inject({ method: 'POST', url: `/api/store/orders/${order.id}/confirm-receipt`, headers: auth });
    expect(res.statusCode).toBe(409);
  });

  it('lists my orders newest first with a cursor, and finds one by its number', async () => {
    const a = (await placeOrder(t, auth, p.variantIds[1], 1)).body;
    t.clock.advance(1000);
    const b = (await placeOrder(t, auth, p.variantIds[1], 1)).body;
    const page1 = (await t.app.inject({ url: '/api/store/orders?limit=1', headers: auth })).json();
    expect(page1.items[0].id).toBe(b.id);
    const page2 = (await t.app.inject({ url: `/api/store/orders?limit=1&cursor=${page1.nextCursor}`, headers: auth })).json();
    expect(page2.items[0].id).toBe(a.id);
    const byNumber = (await t.app.inject({ url: `/api/store/orders/${a.number}`, headers: auth })).json();
    expect(byNumber.id).toBe(a.id);
  });
});

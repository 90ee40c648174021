import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper } from '../../../test/support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../test/support/commerce.js';

/** 立即购买: one item ordered directly; the shopper's cart is neither read nor changed. */
describeEachBackend('buy now', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 20, prices: [19900, 4990] });
    auth = (await registerShopper(t)).auth;
  });
  afterAll(() => t.close());

  it('quotes one item with a shipping method, like a cart of it', async () => {
    const ship = await standardShipping(t);
    const res = await t.app.inject({ url: `/api/store/checkout/quote?variantId=${p.variantIds[1]}&quantity=1&shippingMethodId=${ship}&province=44` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toMatchObject([{ variantId: p.variantIds[1], quantity: 1, unitPrice: 4990, available: true }]);
    expect(body.quote).toMatchObject({ subtotal: 4990, shippingFee: 1000, total: 5990 });
  });

  it('refuses hostile quote parameters with a 400, never a 500', async () => {
    for (const q of [`variantId=${'a'.repeat(5000)}`, 'variantId=%00', `variantId=${p.variantIds[0]}&quantity=0`, `variantId=${p.variantIds[0]}&quantity=1e9`, `variantId=${p.variantIds[0]}&province=%00%00`]) {
      const res = await t.app.inject({ url: `/api/store/checkout/quote?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('orders the item and leaves the cart as it was', async () => {
    const cart = await emptyCart(t, auth);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId: p.variantIds[0], quantity: 1 } });
    const before = (await t.services.inventory.availability([p.variantIds[1]])).get(p.variantIds[1])!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/store/orders',
      headers: auth,
      payload: { items: [{ variantId: p.variantIds[1], quantity: 3 }], shippingMethodId: await standardShipping(t), address: testAddress },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ itemCount: 3, total: 14970 });
    expect(res.json().lines).toMatchObject([{ variantId: p.variantIds[1], quantity: 3 }]);
    expect((await t.services.inventory.availability([p.variantIds[1]])).get(p.variantIds[1])).toBe(before - 3);
    const after = (await t.app.inject({ url: `/api/store/carts/${cart.id}`, headers: auth })).json();
    expect(after.status).toBe('open');
    expect(after.items).toMatchObject([{ variantId: p.variantIds[0], quantity: 1 }]);
  });

  it('needs exactly one of cartId and items, and a variant on sale', async () => {
    const ship = await standardShipping(t);
    const cart = await emptyCart(t, auth);
    const order = (payload: object) => t.app.inject({ method: 'POST', url: '/api/store/orders', headers: auth, payload: { shippingMethodId: ship, address: testAddress, ...payload } });
    expect((await order({})).statusCode).toBe(400);
    expect((await order({ cartId: cart.id, items: [{ variantId: p.variantIds[0], quantity: 1 }] })).statusCode).toBe(400);
    expect((await order({ items: [] })).statusCode).toBe(400);
    expect((await order({ items: [{ variantId: p.variantIds[0], quantity: 1 }, { variantId: p.variantIds[0], quantity: 2 }] })).statusCode).toBe(400);
    const unknown = await order({ items: [{ variantId: '00000000-0000-4000-8000-000000000000', quantity: 1 }] });
    expect(unknown.statusCode).toBe(409);
    expect(unknown.json().code).toBe('ITEM_UNAVAILABLE');
    expect(unknown.json().detail).not.toContain(p.skus[0]);
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('says "not enough stock" by the product’s title, with the figure only when few are left', async () => {
    const ship = await standardShipping(t);
    const order = (variantId: string, quantity: number, lang = 'zh-CN') =>
      t.app.inject({ method: 'POST', url: '/api/store/orders', headers: { ...auth, 'accept-language': lang }, payload: { items: [{ variantId, quantity }], shippingMethodId: ship, address: testAddress } });
    const available = (await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])!;
    expect(available).toBeGreaterThan(10);
    const many = await order(p.variantIds[0], 500);
    expect(many.statusCode).toBe(409);
    expect(many.json()).toMatchObject({ code: 'OUT_OF_STOCK', detail: '无线蓝牙耳机 库存不足，请减少购买数量。', left: null });
    expect(JSON.stringify(many.json())).not.toContain(p.skus[0]);
    expect(many.json()).not.toHaveProperty('available');
    // Leave 2, then ask for 5.
    expect((await order(p.variantIds[0], available - 2)).statusCode).toBe(201);
    const few = await order(p.variantIds[0], 5, 'en');
    expect(few.statusCode).toBe(409);
    expect(few.json()).toMatchObject({ code: 'FEW_LEFT', detail: 'Wireless earbuds: only 2 left.', left: 2 });
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('asks a guest to sign in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/store/orders',
      payload: { items: [{ variantId: p.variantIds[0], quantity: 1 }], shippingMethodId: await standardShipping(t), address: testAddress },
    });
    expect(res.statusCode).toBe(401);
  });
});

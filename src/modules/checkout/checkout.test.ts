import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper } from '../../../test/support/customers.js';
import { emptyCart, placeOrder, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../test/support/commerce.js';

describeEachBackend('cart and checkout', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 20, prices: [19900, 4990] });
    auth = (await registerShopper(t)).auth;
  });
  afterAll(() => t.close());

  it('prices a cart line by line, with free shipping over ¥99 and a fee below it', async () => {
    const cart = (await t.app.inject({ method: 'POST', url: '/api/store/carts', headers: auth })).json();
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId: p.variantIds[1], quantity: 1 } });
    const ship = await standardShipping(t);
    const small = (await t.app.inject({ url: `/api/store/carts/${cart.id}?shippingMethodId=${ship}&province=44`, headers: auth })).json();
    expect(small.quote).toMatchObject({ subtotal: 4990, shippingFee: 1000, total: 5990 });
    const item = small.items[0];
    await t.app.inject({ method: 'PATCH', url: `/api/store/carts/${cart.id}/items/${item.id}`, headers: auth, payload: { quantity: 3 } });
    const big = (await t.app.inject({ url: `/api/store/carts/${cart.id}?shippingMethodId=${ship}`, headers: auth })).json();
    expect(big.quote).toMatchObject({ subtotal: 14970, shippingFee: 0, total: 14970 });
    expect(big.quote.lines[0]).toMatchObject({ unitPrice: 4990, quantity: 3, total: 14970 });
    await t.app.inject({ method: 'DELETE', url: `/api/store/carts/${cart.id}/items/${item.id}`, headers: auth });
    expect((await t.app.inject({ url: `/api/store/carts/${cart.id}`, headers: auth })).json().items).toEqual([]);
  });

  it('places an order that reserves stock, and the cart is closed', async () => {
    const before = (await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0]);
    const { status, body } = await placeOrder(t, auth, p.variantIds[0], 2);
    expect(status).toBe(201);
    expect(body).toMatchObject({ status: 'pending_payment', total: 39800, itemCount: 2 });
    expect(body.number).toMatch(/^\d{20}$/);
    expect(body.timeline.map((e: { type: string }) => e.type)).toEqual(['placed']);
    expect((await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])).toBe(before! - 2);
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('checks a typed-in address’s region and writes its text itself (never the client’s)', async () => {
    const forged = { ...testAddress, regionText: '随便写的地址' };
    const cart = await emptyCart(t, auth);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId: p.variantIds[1], quantity: 1 } });
    const ship = await standardShipping(t);
    const mismatched = await t.app.inject({
      method: 'POST',
      url: '/api/store/orders',
      headers: auth,
      payload: { cartId: cart.id, shippingMethodId: ship, address: { ...testAddress, cityCode: '1101' } },
    });
    expect(mismatched.statusCode).toBe(422);
    expect(mismatched.json().code).toBe('REGION_INVALID');
    // Nothing written: the same cart still places its order.
    const placed = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: auth, payload: { cartId: cart.id, shippingMethodId: ship, address: forged } });
    expect(placed.statusCode).toBe(201);
    expect(placed.json().shippingAddress.regionText).toBe('广东省深圳市南山区');
  });

  it("places an order to one of the shopper's saved addresses, and not to another's", async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/store/me/addresses',
      headers: auth,
      payload: { recipientName: '王五', mobile: '13700137000', provinceCode: '11', cityCode: '1101', districtCode: '110105', detail: '建国路 88 号' },
    });
    expect(created.statusCode).toBe(201);
    const addressId = created.json().id;
    const cart = await emptyCart(t, auth);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId: p.variantIds[1], quantity: 1 } });
    const stranger = (await registerShopper(t)).auth;
    const strangerCart = await emptyCart(t, stranger);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${strangerCart.id}/items`, headers: stranger, payload: { variantId: p.variantIds[1], quantity: 1 } });
    const theft = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: stranger, payload: { cartId: strangerCart.id, shippingMethodId: await standardShipping(t), addressId } });
    expect(theft.statusCode).toBe(404);
    const res = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: auth, payload: { cartId: cart.id, shippingMethodId: await standardShipping(t), addressId } });
    expect(res.statusCode).toBe(201);
    expect(res.json().shippingAddress).toMatchObject({ recipient: '王五', districtCode: '110105', detail: '建国路 88 号' });
  });

  it('refuses more than is in stock with 409 OUT_OF_STOCK and writes nothing', async () => {
    const orders = (await t.app.inject({ url: '/api/store/orders?limit=100', headers: auth })).json().items.length;
    const { status, body } = await placeOrder(t, auth, p.variantIds[1], 500);
    expect(status).toBe(409);
    expect(body.code).toBe('OUT_OF_STOCK');
    expect((await t.app.inject({ url: '/api/store/orders?limit=100', headers: auth })).json().items.length).toBe(orders);
  });

  describe('Idempotency-Key', () => {
    it('returns the same order for the same key and body, and refuses the key with another body', async () => {
      const cart = await emptyCart(t, auth);
      await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId: p.variantIds[1], quantity: 1 } });
      const body = { cartId: cart.id, shippingMethodId: await standardShipping(t), address: testAddress };
      const headers = { ...auth, 'idempotency-key': 'key-same-body-0001' };
      const first = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers, payload: body });
      const again = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers, payload: body });
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().id).toBe(first.json().id);
      const other = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers, payload: { ...body, note: 'different' } });
      expect(other.statusCode).toBe(422);
      expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('makes one order from concurrent duplicates', async () => {
      const cart = await emptyCart(t, auth);
      await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId: p.variantIds[1], quantity: 1 } });
      const body = { cartId: cart.id, shippingMethodId: await standardShipping(t), address: testAddress };
      const headers = { ...auth, 'idempotency-key': 'key-concurrent-0001' };
      const results = await Promise.all(
        Array.from({ length: 10 }, () => t.app.inject({ method: 'POST', url: '/api/store/orders', headers, payload: body })),
      );
      const ids = new Set(results.filter((r) => r.statusCode < 300).map((r) => r.json().id));
      expect(ids.size).toBe(1);
      expect(results.every((r) => [200, 201, 409].includes(r.statusCode))).toBe(true);
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    });

    it('is scoped to the shopper: another shopper may use the same key', async () => {
      const other = (await registerShopper(t)).auth;
      const a = await placeOrder(t, auth, p.variantIds[1], 1, 'key-shared-0001');
      const b = await placeOrder(t, other, p.variantIds[1], 1, 'key-shared-0001');
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(a.body.id).not.toBe(b.body.id);
    });
  });

  describe('authorization', () => {
    it("keeps one shopper out of another's cart and order (404, not 403)", async () => {
      const mine = await placeOrder(t, auth, p.variantIds[1], 1);
      const stranger = (await registerShopper(t)).auth;
      const order = await t.app.inject({ url: `/api/store/orders/${mine.body.id}`, headers: stranger });
      expect(order.statusCode).toBe(404);
      const byNumber = await t.app.inject({ url: `/api/store/orders/${mine.body.number}`, headers: stranger });
      expect(byNumber.statusCode).toBe(404);
      const cancel = await t.app.inject({ method: 'POST', url: `/api/store/orders/${mine.body.id}/cancel`, headers: stranger, payload: {} });
      expect(cancel.statusCode).toBe(404);
      const cart = (await t.app.inject({ method: 'POST', url: '/api/store/carts', headers: auth })).json();
      const peek = await t.app.inject({ url: `/api/store/carts/${cart.id}`, headers: stranger });
      expect(peek.statusCode).toBe(404);
      const add = await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: stranger, payload: { variantId: p.variantIds[0], quantity: 1 } });
      expect(add.statusCode).toBe(404);
      const anon = await t.app.inject({ url: `/api/store/orders/${mine.body.id}` });
      expect(anon.statusCode).toBe(401);
    });

    it('merges a guest cart into the shopper’s own when they register or sign in', async () => {
      const guestCart = async (variantId: string, quantity: number) => {
        const cart = (await t.app.inject({ method: 'POST', url: '/api/store/carts' })).json();
        await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: { 'x-cart-token': cart.token }, payload: { variantId, quantity } });
        return cart as { id: string; token: string };
      };
      // Registering with a guest cart: that cart becomes the shopper's.
      const first = await guestCart(p.variantIds[1], 2);
      const reg = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', headers: { cookie: `sk_cart=${first.token}` }, payload: { email: `merge-${Date.now()}@example.com`, password: 'correct horse battery' } });
      expect(reg.statusCode).toBe(201);
      const shopper = { authorization: `Bearer ${reg.json().token}` };
      const mine = (await t.app.inject({ method: 'POST', url: '/api/store/carts', headers: shopper })).json();
      expect(mine.id).toBe(first.id);
      expect(mine.items.map((i: { variantId: string; quantity: number }) => [i.variantId, i.quantity])).toEqual([[p.variantIds[1], 2]]);
      // Signing in with another guest cart: its items join the open cart, quantities add up, and it is closed.
      const second = await guestCart(p.variantIds[1], 1);
      const login = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', headers: { 'x-cart-token': second.token }, payload: { email: reg.json().customer.email, password: 'correct horse battery' } });
      expect(login.statusCode).toBe(200);
      const merged = (await t.app.inject({ url: `/api/store/carts/${first.id}`, headers: shopper })).json();
      expect(merged.items.map((i: { variantId: string; quantity: number }) => [i.variantId, i.quantity])).toEqual([[p.variantIds[1], 3]]);
      const closed = (await t.app.inject({ url: `/api/store/carts/${second.id}`, headers: { 'x-cart-token': second.token } })).json();
      expect(closed.status).toBe('merged');
      // A token that names no guest cart changes nothing.
      const again = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', headers: { 'x-cart-token': 'x'.repeat(43) }, payload: { email: reg.json().customer.email, password: 'correct horse battery' } });
      expect(again.statusCode).toBe(200);
      expect((await t.app.inject({ url: `/api/store/carts/${first.id}`, headers: shopper })).json().items[0].quantity).toBe(3);
    });

    it('lets a guest use a cart only with its token', async () => {
      const created = await t.app.inject({ method: 'POST', url: '/api/store/carts' });
      const cart = created.json();
      expect(cart.token).toBeTruthy();
      const withToken = await t.app.inject({ url: `/api/store/carts/${cart.id}`, headers: { 'x-cart-token': cart.token } });
      expect(withToken.statusCode).toBe(200);
      const without = await t.app.inject({ url: `/api/store/carts/${cart.id}` });
      expect(without.statusCode).toBe(404);
      const wrong = await t.app.inject({ url: `/api/store/carts/${cart.id}`, headers: { 'x-cart-token': 'x'.repeat(32) } });
      expect(wrong.statusCode).toBe(404);
    });

    it('summarises a cart (units, not lines) for its holder only, and a placed cart as ordered', async () => {
      const cart = (await t.app.inject({ method: 'POST', url: '/api/store/carts' })).json();
      const token = { 'x-cart-token': cart.token };
      const empty = await t.app.inject({ url: `/api/store/carts/${cart.id}/summary`, headers: token });
      expect(empty.json()).toEqual({ id: cart.id, status: 'open', itemCount: 0 });
      await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: token, payload: { variantId: p.variantIds[0], quantity: 2 } });
      await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: token, payload: { variantId: p.variantIds[1], quantity: 3 } });
      expect((await t.app.inject({ url: `/api/store/carts/${cart.id}/summary`, headers: token })).json().itemCount).toBe(5);
      expect((await t.app.inject({ url: `/api/store/carts/${cart.id}/summary` })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/store/carts/${cart.id}/summary`, headers: auth })).statusCode).toBe(404);
      const bad = await t.app.inject({ url: '/api/store/carts/not-a-uuid/summary', headers: token });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');

      // placeOrder orders the shopper's open cart: this one.
      const own = await emptyCart(t, auth);
      expect((await t.app.inject({ url: `/api/store/carts/${own.id}/summary`, headers: auth })).json()).toMatchObject({ status: 'open', itemCount: 0 });
      expect((await placeOrder(t, auth, p.variantIds[1], 1)).status).toBe(201);
      expect((await t.app.inject({ url: `/api/store/carts/${own.id}/summary`, headers: auth })).json()).toMatchObject({ status: 'ordered', itemCount: 1 });
    });
  });

  it('answers bad input with 4xx problem+json', async () => {
    const cart = await emptyCart(t, auth);
    for (const payload of [{ variantId: p.variantIds[0], quantity: -1 }, { variantId: p.variantIds[0], quantity: 1e9 }, { variantId: 'nope' }, { quantity: 1 }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const unknown = await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: auth, payload: { variantId: '00000000-0000-7000-8000-000000000000', quantity: 1 } });
    expect(unknown.statusCode).toBe(422);
    const empty = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: auth, payload: { cartId: cart.id, shippingMethodId: await standardShipping(t), address: testAddress } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('CART_EMPTY');
  });
});

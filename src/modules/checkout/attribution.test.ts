import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { payOrder } from '../../../test/support/paid-orders.js';
import { OrderEvents } from '../orders/index.js';

/**
 * An order remembers the campaign link its shopper arrived by (UTM, last touch): staff see it on the
 * order, `order.paid` carries it to analytics, and it names the order's channel when none is given.
 */
describeEachBackend('checkout: UTM attribution', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let admin: StaffLogin;
  const paid: Array<{ orderId: string; utm?: unknown; channel?: string | null }> = [];

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.k.outbox.subscribe('test.utm-paid', [OrderEvents.paid], async (e) => void paid.push(e.payload));
    p = await seedProduct(t, { stock: 20, prices: [4900] });
    shopper = await registerShopper(t);
    admin = await loginStaff(t, 'admin');
  });
  afterAll(() => t?.close());

  const place = async (extra: object) => {
    const cart = await emptyCart(t, shopper.auth);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: shopper.auth, payload: { variantId: p.variantIds[0], quantity: 1 } });
    return t.app.inject({
      method: 'POST', url: '/api/store/orders', headers: shopper.auth,
      payload: { cartId: cart.id, shippingMethodId: await standardShipping(t), address: testAddress, ...extra },
    });
  };
  const adminOrder = async (id: string) => (await t.app.inject({ url: `/api/admin/orders/${id}`, headers: admin.auth })).json();
  const orderCount = async () => (await t.app.inject({ url: '/api/admin/orders?limit=100', headers: admin.auth })).json().items.length as number;

  it('keeps the UTM parameters on the order, names the channel after utm_source, and order.paid carries them', async () => {
    const utm = { source: 'douyin', medium: 'short_video', campaign: '双十二', content: '🎁 v2' };
    const res = await place({ utm });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(await adminOrder(order.id)).toMatchObject({ utm, channel: 'douyin' });
    await payOrder(t, shopper.auth, order);
    await t.settle();
    expect(paid.find((e) => e.orderId === order.id)).toMatchObject({ utm, channel: 'douyin' });
  });

  it('a channel given beside the parameters wins; without either, both stay empty', async () => {
    const both = (await place({ utm: { source: 'wechat' }, channel: 'kol' })).json();
    expect(await adminOrder(both.id)).toMatchObject({ utm: { source: 'wechat' }, channel: 'kol' });
    const none = (await place({})).json();
    expect(await adminOrder(none.id)).toMatchObject({ utm: null, channel: null });
  });

  it('refuses parameters it cannot keep (400 problem+json) and writes no order', async () => {
    const before = await orderCount();
    for (const utm of [{ campaign: 'no source' }, { source: 'x', admin: 'true' }, { source: 'x'.repeat(201) }, { source: '' }, 'douyin']) {
      const res = await place({ utm });
      expect(res.statusCode, JSON.stringify(utm)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await orderCount()).toBe(before);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper } from '../../../test/support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../test/support/commerce.js';
import { placePaidOrder } from '../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { DAY } from '../../platform/clock.js';

describeEachBackend('会员抢先购: a launch members of some tiers may buy before its public date', (backend) => {
  let t: TestApp;
  let merchandiser: StaffLogin;
  let launch: SeededProduct;
  let dear: SeededProduct;
  let ship: string;
  let publicAt: Date;

  const orderOf = async (who: Record<string, string>, variantId: string) => {
    const cart = await emptyCart(t, who);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: who, payload: { variantId, quantity: 1 } });
    return t.app.inject({ method: 'POST', url: '/api/store/orders', headers: { ...who, 'accept-language': 'zh-CN' }, payload: { cartId: cart.id, shippingMethodId: ship, address: testAddress } });
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    merchandiser = await loginStaff(t, 'merchandiser');
    launch = await seedProduct(t, { stock: 50, prices: [29900] });
    dear = await seedProduct(t, { stock: 50, prices: [250000] });
    ship = await standardShipping(t);
    publicAt = new Date(t.clock.now().getTime() + 2 * DAY);
  });
  afterAll(() => t.close());

  it('staff mark a product as an early-access launch; shoppers see for whom and until when', async () => {
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/admin/products/${launch.productId}`, headers: merchandiser.auth, payload: { earlyAccess: { tiers: ['Gold!'], publicAt: publicAt.toISOString() } } });
    expect(bad.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/products/${launch.productId}`, headers: merchandiser.auth, payload: { earlyAccess: { tiers: ['gold', 'platinum'], publicAt: publicAt.toISOString() } } });
    expect(res.statusCode, res.body).toBe(200);
    const shown = (await t.app.inject({ url: `/api/store/products/${launch.productId}` })).json();
    expect(shown.earlyAccess).toEqual({ tiers: ['gold', 'platinum'], publicAt: publicAt.toISOString() });
  });

  it('before the public date a regular member is refused with the date; a gold member buys it', async () => {
    const regular = await registerShopper(t);
    const refused = await orderOf(regular.auth, launch.variantIds[0]!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'EARLY_ACCESS_ONLY', detail: expect.stringContaining('会员抢先购') });
    expect(await t.services.inventory.stockOf([launch.variantIds[0]!])).toMatchObject([{ reserved: 0 }]);

    const gold = await registerShopper(t);
    await placePaidOrder(t, gold.auth, [{ variantId: dear.variantIds[0]!, quantity: 1 }]); // ¥2,500 of goods: gold at once
    await t.settle();
    expect((await t.app.inject({ url: '/api/store/me/membership', headers: gold.auth })).json().tier.code).toBe('gold');
    const bought = await orderOf(gold.auth, launch.variantIds[0]!);
    expect(bought.statusCode, bought.body).toBe(201);
  });

  it('from the public date everyone may buy it', async () => {
    t.clock.advance(2 * DAY + 1000);
    const regular = await registerShopper(t);
    const res = await orderOf(regular.auth, launch.variantIds[0]!);
    expect(res.statusCode, res.body).toBe(201);
  });
});

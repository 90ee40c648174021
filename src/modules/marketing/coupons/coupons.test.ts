import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper } from '../../../../test/support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';

describeEachBackend('coupons: designed, claimed within limits, locked, used, released and returned', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let p: SeededProduct;
  let shopper: Record<string, string>;
  let ship: string;

  const admin = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: operator.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const store = (method: 'GET' | 'POST', url: string, who: Record<string, string> | null, payload?: unknown) =>
    t.app.inject({ method, url: `/api/store${url}`, headers: who ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const template = async (body: Record<string, unknown>) => {
    const res = await admin('POST', '/coupon-templates', { name: { 'zh-CN': '满100减20', en: '¥20 off ¥100' }, action: { kind: 'amountOff', threshold: 10000, amount: 2000 }, validDays: 7, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; left: number | null };
  };
  const claim = async (who: Record<string, string>, templateId: string) => store('POST', '/coupons/claim', who, { templateId });
  const cartOf = async (who: Record<string, string>, quantity: number) => {
    const cart = await emptyCart(t, who);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: who, payload: { variantId: p.variantIds[0], quantity } });
    return cart.id as string;
  };
  const order = (who: Record<string, string>, cartId: string, couponCodes: string[]) =>
    t.app.inject({ method: 'POST', url: '/api/store/orders', headers: who, payload: { cartId, shippingMethodId: ship, address: testAddress, couponCodes } });
  const statusOf = async (who: Record<string, string>, code: string) =>
    ((await store('GET', '/me/coupons', who)).json().items as Array<{ code: string; status: string; orderId: string | null }>).find((c) => c.code === code)!;

  beforeAll(async () => {
    t = await startTestApp(backend);
    operator = await loginStaff(t, 'operator');
    p = await seedProduct(t, { stock: 100, prices: [6000] });
    shopper = (await registerShopper(t)).auth;
    ship = await standardShipping(t);
  });
  afterAll(() => t.close());

  it('the claim centre shows a template; one shopper claims one, the second claim is refused', async () => {
    const tpl = await template({ totalQuantity: 3, perCustomerLimit: 1 });
    const centre = (await store('GET', '/coupons/claimable', null)).json().items;
    expect(centre.find((x: { id: string }) => x.id === tpl.id)).toMatchObject({ left: 3, description: { 'zh-CN': '满¥100减¥20' } });
    const first = await claim(shopper, tpl.id);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'available', code: expect.stringMatching(/^[2-9A-HJ-NP-Z]{12}$/) });
    const again = await claim(shopper, tpl.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('COUPON_LIMIT_REACHED');
    expect((await t.services.coupons.ledgerOf(first.json().id)).map((l) => l.event)).toEqual(['claimed']);
    expect((await claim({}, tpl.id)).statusCode).toBe(401);
  });

  it('500 shoppers claiming 100 coupons at once, twice each: exactly 100, one each', async () => {
    const tpl = await template({ totalQuantity: 100, perCustomerLimit: 1 });
    const customers = Array.from({ length: 500 }, () => randomUUID());
    const attempts = customers.flatMap((c) => [c, c]).map((c) =>
      t.k.db.transaction(() => t.services.coupons.claim(c, tpl.id)).then(
        () => 'ok',
        (e: { code?: string }) => e.code ?? 'error',
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === 'ok')).toHaveLength(100);
    expect(new Set(results.filter((r) => r !== 'ok'))).toEqual(new Set(['COUPONS_GONE', 'COUPON_LIMIT_REACHED']));
    const holders = new Map<string, number>();
    for (const c of customers) {
      const n = (await t.services.coupons.mine(c)).filter((x) => x.templateId === tpl.id).length;
      if (n) holders.set(c, n);
    }
    expect(holders.size).toBe(100);
    expect([...holders.values()].every((n) => n === 1)).toBe(true);
    const list = (await admin('GET', '/coupon-templates')).json().items;
    expect(list.find((x: { id: string }) => x.id === tpl.id)).toMatchObject({ claimed: 100, left: 0 });
    expect((await store('GET', '/coupons/claimable', null)).json().items.map((x: { id: string }) => x.id)).not.toContain(tpl.id);
  }, 120_000);

  it('a coupon in the cart, locked by the order, used by the payment', async () => {
    const tpl = await template({});
    const code = (await claim(shopper, tpl.id)).json().code as string;
    const cartId = await cartOf(shopper, 2);
    const quoted = (await t.app.inject({ url: `/api/store/carts/${cartId}?coupons=${code.toLowerCase()}`, headers: shopper })).json();
    expect(quoted.quote.discountTotal).toBe(2000);
    expect(quoted.offers.explanations[0].text['zh-CN']).toBe('「满100减20」已优惠¥20');
    const placed = await order(shopper, cartId, [code]);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ subtotal: 12000, discountTotal: 2000 });
    expect(await statusOf(shopper, code)).toMatchObject({ status: 'locked', orderId: placed.json().id });
    // Locked: another order cannot use it.
    const second = await order(shopper, await cartOf(shopper, 2), [code]);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('COUPON_NOT_USABLE');
    await payOrder(t, shopper, placed.json());
    await t.settle();
    expect((await statusOf(shopper, code)).status).toBe('used');
  });

  it('a cancelled order releases its coupon; a fully refunded one returns it', async () => {
    const tpl = await template({});
    const code = (await claim(shopper, tpl.id)).json().code as string;
    const placed = (await order(shopper, await cartOf(shopper, 2), [code])).json();
    await t.app.inject({ method: 'POST', url: `/api/store/orders/${placed.id}/cancel`, headers: shopper, payload: { reason: 'changed_mind' } });
    await t.settle();
    expect(await statusOf(shopper, code)).toMatchObject({ status: 'available', orderId: null });
    const paid = (await order(shopper, await cartOf(shopper, 2), [code])).json();
    await payOrder(t, shopper, paid);
    await t.settle();
    const refund = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${paid.id}/refunds`, headers: (await loginStaff(t, 'admin')).auth, payload: { reason: 'out of stock' } });
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    await t.settle();
    expect((await statusOf(shopper, code)).status).toBe('available');
    const coupon = (await store('GET', '/me/coupons', shopper)).json().items.find((c: { code: string }) => c.code === code);
    expect((await t.services.coupons.ledgerOf(coupon.id)).map((l) => l.event)).toEqual(['claimed', 'locked', 'released', 'locked', 'used', 'returned']);
  });

  it('two orders racing for one coupon: one holds it, the other is refused with nothing written', async () => {
    const tpl = await template({});
    const code = (await claim(shopper, tpl.id)).json().code as string;
    const before = (await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])!;
    // Two carts of one shopper: the second is bought directly (立即购买) so both can be in flight.
    const cartId = await cartOf(shopper, 2);
    const direct = t.app.inject({ method: 'POST', url: '/api/store/orders', headers: shopper, payload: { items: [{ variantId: p.variantIds[0], quantity: 3 }], shippingMethodId: ship, address: testAddress, couponCodes: [code] } });
    const results = await Promise.all([order(shopper, cartId, [code]), direct]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const won = results.find((r) => r.statusCode === 201)!.json();
    expect((await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])).toBe(before - won.itemCount);
    expect(await statusOf(shopper, code)).toMatchObject({ status: 'locked', orderId: won.id });
  });

  it('codes that are not the shopper’s, and coupons for a guest, are refused with a reason', async () => {
    const other = (await registerShopper(t)).auth;
    const tpl = await template({});
    const theirs = (await claim(other, tpl.id)).json().code as string;
    const cartId = await cartOf(shopper, 2);
    const res = await t.app.inject({ url: `/api/store/carts/${cartId}?coupons=${theirs}`, headers: shopper });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('COUPON_CODE_UNKNOWN');
    const guest = await t.app.inject({ url: `/api/store/checkout/quote?variantId=${p.variantIds[0]}&coupons=${theirs}` });
    expect(guest.statusCode).toBe(401);
    const made = await t.app.inject({ url: `/api/store/carts/${cartId}?coupons=NOSUCHCODE`, headers: shopper });
    expect([made.statusCode, made.json().code]).toEqual([422, 'COUPON_CODE_UNKNOWN']);
    expect((await statusOf(other, theirs)).status).toBe('available');
  });

  it('refuses templates that cannot be honoured', async () => {
    for (const body of [
      { validDays: null },
      { validDays: 7, validUntil: '2030-01-01T00:00:00Z' },
      { action: { kind: 'buyXGetY', buy: 1, get: 1 } },
      { action: { kind: 'percentOff', percentOff: 100 } },
      { totalQuantity: 0 },
      { perCustomerLimit: 0 },
    ]) {
      const res = await admin('POST', '/coupon-templates', { name: { 'zh-CN': '券', en: 'C' }, action: { kind: 'amountOff', amount: 100 }, validDays: 7, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const cs = await loginStaff(t, 'cs');
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/coupon-templates', headers: cs.auth, payload: {} })).statusCode).toBe(403);
  });

  // Last: it moves the clock two days on.
  it('a coupon past its validity is expired (the hourly job), with a ledger row, and no longer usable', async () => {
    const tpl = await template({ validDays: 1 });
    const coupon = (await claim(shopper, tpl.id)).json() as { id: string; code: string };
    expect(await t.services.coupons.expireDue()).toBe(0);
    t.clock.advance(2 * 86_400_000);
    expect(await t.services.coupons.expireDue()).toBe(1); // what the hourly job marketing.expire-coupons runs
    expect((await statusOf(shopper, coupon.code)).status).toBe('expired');
    expect((await t.services.coupons.ledgerOf(coupon.id)).map((l) => l.event)).toEqual(['claimed', 'expired']);
    expect(await t.services.coupons.expireDue()).toBe(0);
    const res = await t.app.inject({ url: `/api/store/carts/${await cartOf(shopper, 2)}?coupons=${coupon.code}`, headers: shopper });
    expect([res.statusCode, res.json().code]).toEqual([409, 'COUPON_NOT_USABLE']);
  });
});

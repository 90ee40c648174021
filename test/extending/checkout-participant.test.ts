import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CheckoutParticipant } from '../../src/modules/checkout/index.js';
import { AppError, defineErrors } from '../../src/platform/errors.js';
import type { Kernel } from '../../src/platform/kernel.js';
import { registerShopper } from '../support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../support/commerce.js';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { payOrder } from '../support/paid-orders.js';

/**
 * Issue 12's seam: a capability that holds something for an order plugs into checkout without a
 * line changed in the orders or checkout modules. The capability here is a made-up one — paper
 * vouchers (纸质代金券) with a code, an amount and a state in a table of their own — written the way
 * coupons, points, flash sales and group buys will be: it contributes a rule to the quote, holds
 * its voucher in the order's transaction, and commits or releases it from the order's events.
 */
const VoucherErrors = defineErrors({
  TEST_VOUCHER_TAKEN: { status: 409, en: 'Voucher {code} was just used by another order.', zh: '代金券 {code} 刚被另一笔订单使用。' },
});

function vouchers(k: Kernel): CheckoutParticipant {
  const rows = async (q: SQL) => ((await k.db.q.execute(q)) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  return {
    name: 'test-vouchers',
    async contribute(ask) {
      if (ask.couponCodes.length === 0) return {};
      const found = await rows(sql`select code, amount, state from test_vouchers where code in (${sql.join(ask.couponCodes.map((c) => sql`${c}`), sql`, `)})`);
      // One of its own codes that is gone is said, not silently dropped from the price the shopper saw;
      // codes it does not know are left to other participants.
      const gone = found.find((v) => v.state !== 'available');
      if (gone) throw new AppError(VoucherErrors.TEST_VOUCHER_TAKEN, { code: String(gone.code) });
      return {
        codes: found.map((v) => String(v.code)),
        rules: found.map((v) => ({
          id: `voucher:${String(v.code)}`,
          source: 'coupon' as const,
          name: { 'zh-CN': `代金券${String(v.code)}`, en: `Voucher ${String(v.code)}` },
          action: { kind: 'amountOff' as const, amount: Number(v.amount) },
        })),
      };
    },
    async hold({ orderId, applied }) {
      for (const a of applied) {
        const code = a.ruleId.slice('voucher:'.length);
        const taken = await rows(sql`update test_vouchers set state = 'locked', order_id = ${orderId}::uuid where code = ${code} and state = 'available' returning code`);
        if (taken.length === 0) throw new AppError(VoucherErrors.TEST_VOUCHER_TAKEN, { code });
      }
    },
    async commit(e) {
      await rows(sql`update test_vouchers set state = 'used' where order_id = ${e.orderId}::uuid and state = 'locked'`);
    },
    async release(e) {
      await rows(sql`update test_vouchers set state = 'available', order_id = null where order_id = ${e.orderId}::uuid and state = 'locked'`);
    },
  };
}

describeEachBackend('a checkout participant added from outside checkout and orders', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let auth: Record<string, string>;
  let ship: string;
  const state = async (code: string) => ((await t.k.db.q.execute(sql`select state, order_id from test_vouchers where code = ${code}`)) as unknown as { rows: Array<{ state: string; order_id: string | null }> }).rows[0];
  const cartWith = async (who: Record<string, string>, quantity = 1) => {
    const cart = await emptyCart(t, who);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: who, payload: { variantId: p.variantIds[0], quantity } });
    return cart.id as string;
  };
  const order = (who: Record<string, string>, cartId: string, couponCodes: string[]) =>
    t.app.inject({ method: 'POST', url: '/api/store/orders', headers: who, payload: { cartId, shippingMethodId: ship, address: testAddress, couponCodes } });

  beforeAll(async () => {
    t = await startTestApp(backend, {}, {
      compose: async (s, k) => {
        await k.db.q.execute(sql`create table test_vouchers (code text primary key, amount int not null, state text not null, order_id uuid)`);
        s.checkout.participants.register(vouchers(k));
      },
    });
    await t.k.db.q.execute(sql`insert into test_vouchers (code, amount, state) values ('V10', 1000, 'available'), ('V20', 2000, 'available'), ('RACE', 500, 'available')`);
    p = await seedProduct(t, { stock: 50, prices: [9900] });
    auth = (await registerShopper(t)).auth;
    ship = await standardShipping(t);
  });
  afterAll(() => t.close());

  it('the cart is quoted with the voucher and says so, in both languages', async () => {
    const cartId = await cartWith(auth);
    const res = await t.app.inject({ url: `/api/store/carts/${cartId}?coupons=V10&shippingMethodId=${ship}&province=44`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    const cart = res.json();
    expect(cart.quote).toMatchObject({ subtotal: 9900, discountTotal: 1000, total: 8900 + cart.quote.shippingFee });
    expect(cart.offers.applied).toEqual([{ ruleId: 'voucher:V10', source: 'coupon', amount: 1000 }]);
    expect(cart.offers.explanations[0].text).toEqual({ 'zh-CN': '「代金券V10」已优惠¥10', en: '"Voucher V10": you save ¥10' });
    // Without the code: the plain price; nothing held by a quote.
    const plain = (await t.app.inject({ url: `/api/store/carts/${cartId}`, headers: auth })).json();
    expect(plain.quote.discountTotal).toBe(0);
    expect(plain.offers).toMatchObject({ applied: [], explanations: [], hints: [], points: null });
    expect((await state('V10')).state).toBe('available');
  });

  it('an order holds its voucher in its own transaction, and payment uses it up', async () => {
    const placed = await order(auth, await cartWith(auth), ['V10']);
    expect(placed.statusCode, placed.body).toBe(201);
    const body = placed.json();
    expect(body).toMatchObject({ subtotal: 9900, discountTotal: 1000 });
    expect(await state('V10')).toEqual({ state: 'locked', order_id: body.id });
    await payOrder(t, auth, body);
    await t.settle();
    expect((await state('V10')).state).toBe('used');
    // A used voucher no longer prices anything: the shopper is told.
    const again = await t.app.inject({ url: `/api/store/carts/${await cartWith(auth)}?coupons=V10`, headers: auth });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TEST_VOUCHER_TAKEN');
  });

  it('a cancelled order gives its voucher back', async () => {
    const body = (await order(auth, await cartWith(auth), ['V20'])).json();
    expect((await state('V20')).state).toBe('locked');
    const cancel = await t.app.inject({ method: 'POST', url: `/api/store/orders/${body.id}/cancel`, headers: auth, payload: { reason: 'changed_mind' } });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await t.settle();
    expect(await state('V20')).toEqual({ state: 'available', order_id: null });
  });

  it('two orders racing for one voucher: one gets it, the other is refused with nothing written', async () => {
    const other = (await registerShopper(t)).auth;
    const [a, b] = [await cartWith(auth, 2), await cartWith(other, 3)];
    const before = (await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])!;
    const results = await Promise.all([order(auth, a, ['RACE']), order(other, b, ['RACE'])]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    const refused = results.find((r) => r.statusCode === 409)!;
    expect(refused.json().code).toBe('TEST_VOUCHER_TAKEN');
    const won = results.find((r) => r.statusCode === 201)!.json();
    expect((await state('RACE')).order_id).toBe(won.id);
    // Only the winner's units are reserved; the loser's cart is still open to try again.
    expect((await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])).toBe(before - won.itemCount);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    const loser = results.indexOf(refused) === 0 ? { who: auth, cart: a } : { who: other, cart: b };
    const retry = await order(loser.who, loser.cart, []);
    expect(retry.statusCode, retry.body).toBe(201);
  });

  it('refuses hostile coupon codes at the door', async () => {
    const cartId = await cartWith(auth);
    for (const q of ['coupons=%00', `coupons=${'A'.repeat(41)}`, 'coupons=a,b,c,d,e,f', 'coupons=%27%3B--', 'points=-1', 'points=1e99']) {
      const res = await t.app.inject({ url: `/api/store/carts/${cartId}?${q}`, headers: auth });
      expect(res.statusCode, q).toBe(400);
    }
    const res = await order(auth, cartId, ['bad code']);
    expect(res.statusCode).toBe(400);
  });
});

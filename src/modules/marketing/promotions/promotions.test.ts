import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper } from '../../../../test/support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';

describeEachBackend('promotions: operators set them, the cart and the order apply them', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let p: SeededProduct;
  let gift: SeededProduct;
  let shopper: Record<string, string>;
  let ship: string;

  const admin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, who: StaffLogin = operator) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const cartOf = async (variantId: string, quantity: number) => {
    const cart = await emptyCart(t, shopper);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: shopper, payload: { variantId, quantity } });
    return cart.id as string;
  };
  const quoted = async (cartId: string) => (await t.app.inject({ url: `/api/store/carts/${cartId}?shippingMethodId=${ship}&province=44`, headers: shopper })).json();
  const m300 = { name: { 'zh-CN': '满300减40', en: '¥40 off ¥300' }, action: { kind: 'amountOff', threshold: 30000, amount: 4000 }, scope: null };

  beforeAll(async () => {
    t = await startTestApp(backend);
    operator = await loginStaff(t, 'operator');
    p = await seedProduct(t, { stock: 50, prices: [10000, 3000] });
    gift = await seedProduct(t, { stock: 3, prices: [1500] });
    shopper = (await registerShopper(t)).auth;
    ship = await standardShipping(t);
  });
  afterAll(() => t.close());

  let created: { id: string };

  it('an operator creates a 满减, sees it in words, and the audit log keeps it', async () => {
    const res = await admin('POST', '/promotions', { ...m300, scope: { productIds: [p.productId] } });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(res.json()).toMatchObject({ kind: 'amountOff', status: 'active', runState: 'running', description: { 'zh-CN': '满¥300减¥40', en: '¥40 off orders of ¥300' } });
    const list = (await admin('GET', '/promotions?limit=5')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(created.id);
    const audit = (await admin('GET', `/audit-log?action=marketing.promotion.create&limit=1`, undefined, await loginStaff(t, 'admin'))).json();
    expect(audit.items[0]).toMatchObject({ action: 'marketing.promotion.create', entityId: created.id });
  });

  it('the cart applies it at the threshold, explains it, and hints below it', async () => {
    const below = await quoted(await cartOf(p.variantIds[0], 2));
    expect(below.quote.discountTotal).toBe(0);
    expect(below.offers.hints[0]).toMatchObject({ ruleId: created.id, missing: 10000, reward: 4000, text: { 'zh-CN': '再买¥100可减¥40（「满300减40」）' } });
    const at = await quoted(await cartOf(p.variantIds[0], 3));
    expect(at.quote).toMatchObject({ subtotal: 30000, discountTotal: 4000 });
    expect(at.offers.explanations[0].text).toEqual({ 'zh-CN': '「满300减40」已优惠¥40', en: '"¥40 off ¥300": you save ¥40' });
  });

  it('paused it stops at once, resumed it applies again; pausing twice changes nothing', async () => {
    const cartId = await cartOf(p.variantIds[0], 3);
    expect((await admin('POST', `/promotions/${created.id}/pause`)).json()).toMatchObject({ status: 'paused', runState: 'paused' });
    expect((await quoted(cartId)).quote.discountTotal).toBe(0);
    expect((await admin('POST', `/promotions/${created.id}/pause`)).statusCode).toBe(200);
    const pauses = (await admin('GET', `/audit-log?action=marketing.promotion.pause&limit=10`, undefined, await loginStaff(t, 'admin'))).json();
    expect(pauses.items.filter((e: { entityId: string }) => e.entityId === created.id)).toHaveLength(1);
    await admin('POST', `/promotions/${created.id}/resume`);
    expect((await quoted(cartId)).quote.discountTotal).toBe(4000);
  });

  it('an edit changes what the cart applies; a window in the future waits', async () => {
    const edited = await admin('PATCH', `/promotions/${created.id}`, { action: { kind: 'amountOff', threshold: 30000, amount: 5000 } });
    expect(edited.statusCode, edited.body).toBe(200);
    const cartId = await cartOf(p.variantIds[0], 3);
    expect((await quoted(cartId)).quote.discountTotal).toBe(5000);
    const later = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect((await admin('PATCH', `/promotions/${created.id}`, { startsAt: later })).json().runState).toBe('scheduled');
    expect((await quoted(cartId)).quote.discountTotal).toBe(0);
    t.clock.advance(86_400_000 + 1000);
    expect((await quoted(cartId)).quote.discountTotal).toBe(5000);
    operator = await loginStaff(t, 'operator'); // a day later the operator's session has ended
  });

  it('the order keeps the promotion in its price and its quote', async () => {
    const cartId = await cartOf(p.variantIds[0], 3);
    const res = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: shopper, payload: { cartId, shippingMethodId: ship, address: testAddress } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ subtotal: 30000, discountTotal: 5000, total: 25000 });
    await admin('POST', `/promotions/${created.id}/pause`);
  });

  it('买赠: the gift joins the order at no cost and its stock is reserved', async () => {
    const res = await admin('POST', '/promotions', {
      name: { 'zh-CN': '买2赠耳机套', en: 'Gift with 2' },
      action: { kind: 'buyXGetY', buy: 2, get: 1, giftVariantId: gift.variantIds[0] },
      scope: { productIds: [p.productId] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const cartId = await cartOf(p.variantIds[1], 2);
    const q = await quoted(cartId);
    expect(q.quote.lines).toHaveLength(2);
    expect(q.quote.lines[1]).toMatchObject({ gift: true, unitPrice: 1500, quantity: 1, total: 0 });
    const before = (await t.services.inventory.availability([gift.variantIds[0]])).get(gift.variantIds[0])!;
    const placed = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: shopper, payload: { cartId, shippingMethodId: ship, address: testAddress } });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = placed.json();
    expect(order).toMatchObject({ subtotal: 7500, discountTotal: 1500, itemCount: 3 });
    expect(order.lines.map((l: { variantId: string; quantity: number }) => [l.variantId, l.quantity])).toContainEqual([gift.variantIds[0], 1]);
    expect((await t.services.inventory.availability([gift.variantIds[0]])).get(gift.variantIds[0])).toBe(before - 1);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    await admin('POST', `/promotions/${res.json().id}/pause`);
  });

  it('买赠 while gifts last (赠品送完即止): a gift without the stock for it is left out, said so, and the order goes ahead', async () => {
    const res = await admin('POST', '/promotions', {
      name: { 'zh-CN': '买2赠杯垫', en: 'Coaster with 2' },
      action: { kind: 'buyXGetY', buy: 2, get: 1, giftVariantId: gift.variantIds[0] },
      scope: { productIds: [p.productId] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const left = (await t.services.inventory.availability([gift.variantIds[0]])).get(gift.variantIds[0])!;
    expect(left).toBe(2); // 3 seeded, 1 went with the order above
    // Six units earn three gifts; two are left: the cart goes without, at the ordinary price, and says why.
    const cartId = await cartOf(p.variantIds[1], 6);
    const q = await quoted(cartId);
    expect(q.quote.lines).toHaveLength(1);
    expect(q.quote.total).toBe(6 * 3000);
    expect(q.offers.explanations).toContainEqual(expect.objectContaining({ kind: 'giftGone', ruleId: res.json().id, text: { 'zh-CN': '「买2赠杯垫」赠品已送完', en: '"Coaster with 2": the gift has run out' } }));
    const placed = await t.app.inject({ method: 'POST', url: '/api/store/orders', headers: shopper, payload: { cartId, shippingMethodId: ship, address: testAddress } });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ subtotal: 18000, discountTotal: 0, itemCount: 6 });
    expect((await t.services.inventory.availability([gift.variantIds[0]])).get(gift.variantIds[0])).toBe(2);
    // Two units earn one gift, which is there: it comes with the order.
    const small = await cartOf(p.variantIds[1], 2);
    expect((await quoted(small)).quote.lines).toHaveLength(2);
    await admin('POST', `/promotions/${res.json().id}/pause`);
  });

  it('refuses what cannot be priced or stored, with nothing written', async () => {
    const before = (await admin('GET', '/promotions?limit=100')).json().items.length;
    const bad: unknown[] = [
      { ...m300, action: { kind: 'percentOff', percentOff: 150 } },
      { ...m300, action: { kind: 'amountOff', amount: -1 } },
      { ...m300, action: { kind: 'teleport' } },
      { ...m300, action: { kind: 'amountOff', amount: 100, every: true } },
      { ...m300, name: { 'zh-CN': 'a\u0000b', en: 'x' } },
      { ...m300, startsAt: '2027-01-02T00:00:00Z', endsAt: '2027-01-01T00:00:00Z' },
      { ...m300, scope: { productIds: ['not-a-uuid'] } },
      { ...m300, extra: true },
    ];
    for (const body of bad) {
      const res = await admin('POST', '/promotions', body);
      expect([400, 422], JSON.stringify(body)).toContain(res.statusCode);
      expect(res.json().code).toBeTruthy();
    }
    expect((await admin('GET', '/promotions?limit=100')).json().items.length).toBe(before);
    expect((await admin('GET', '/promotions?cursor=forged.cursor')).statusCode).toBe(400);
    expect((await admin('GET', '/promotions/00000000-0000-0000-0000-000000000000')).statusCode).toBe(404);
  });

  it('only marketing staff change promotions; analysts read them', async () => {
    const cs = await loginStaff(t, 'cs');
    expect((await admin('POST', '/promotions', m300, cs)).statusCode).toBe(403);
    expect((await admin('GET', '/promotions', undefined, cs)).statusCode).toBe(403);
    const analyst = await loginStaff(t, 'analyst');
    expect((await admin('GET', '/promotions', undefined, analyst)).statusCode).toBe(200);
    expect((await admin('POST', `/promotions/${created.id}/resume`, undefined, analyst)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/promotions' })).statusCode).toBe(401);
  });
});

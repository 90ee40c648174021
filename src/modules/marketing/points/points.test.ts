import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper } from '../../../../test/support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';

describeEachBackend('points: earned pending until completion, spent at checkout, returned, adjusted, expired', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let analyst: StaffLogin;
  let finance: StaffLogin;
  let warehouse: StaffLogin;
  let p: SeededProduct;
  let ship: string;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const shopperWith = async (points: number) => {
    const s = await registerShopper(t);
    if (points) {
      const res = await inject('POST', `/api/admin/customers/${s.customerId}/points/adjustments`, operator.auth, { points, reason: 'welcome gift' });
      expect(res.statusCode, res.body).toBe(201);
    }
    return s;
  };
  const mine = async (who: Record<string, string>) => (await inject('GET', '/api/store/me/points', who)).json() as { balance: number; pending: number; expiring: Array<{ at: string; points: number }> };
  const kinds = async (customerId: string) => (await t.services.points.ledgerOf(customerId)).map((l) => `${l.kind}:${l.delta}/${l.pendingDelta}`);
  const cartOf = async (who: Record<string, string>, quantity: number) => {
    const cart = await emptyCart(t, who);
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cart.id}/items`, headers: who, payload: { variantId: p.variantIds[0], quantity } });
    return cart.id as string;
  };
  const order = (who: Record<string, string>, cartId: string, points: number) =>
    inject('POST', '/api/store/orders', who, { cartId, shippingMethodId: ship, address: testAddress, points });
  const shipAndConfirm = async (who: Record<string, string>, id: string) => {
    const shipped = await inject('POST', `/api/admin/orders/${id}/ship`, warehouse.auth, { carrier: 'sf', trackingNumber: `SF${Date.now()}${Math.floor(Math.random() * 1000)}` });
    expect(shipped.statusCode, shipped.body).toBeLessThan(300);
    const done = await inject('POST', `/api/store/orders/${id}/confirm-receipt`, who);
    expect(done.statusCode, done.body).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    operator = await loginStaff(t, 'operator');
    analyst = await loginStaff(t, 'analyst');
    finance = await loginStaff(t, 'finance');
    warehouse = await loginStaff(t, 'warehouse');
    p = await seedProduct(t, { stock: 500, prices: [6000] });
    ship = await standardShipping(t);
  });
  afterAll(() => t.close());

  it('the policy: read by analysts, changed by operators (audited), refused when malformed', async () => {
    const got = await inject('GET', '/api/admin/points/policy', analyst.auth);
    const policy = got.json() as Record<string, unknown>;
    expect(policy).toMatchObject({ enabled: true, earnPerYuan: 1, pointsPerUnit: 100, unitValue: 100, maxShareBps: 5000, expiry: { kind: 'endOfFollowingYear' } });
    expect((await inject('PUT', '/api/admin/points/policy', analyst.auth, policy)).statusCode).toBe(403);
    const bad = await inject('PUT', '/api/admin/points/policy', operator.auth, { ...policy, maxShareBps: 20_000 });
    expect(bad.statusCode).toBe(400);
    const ok = await inject('PUT', '/api/admin/points/policy', operator.auth, { ...policy, checkIn: 7 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await inject('GET', '/api/admin/points/policy', analyst.auth)).json().checkIn).toBe(7);
    const audit = await inject('GET', '/api/admin/audit-log?action=marketing.points.policy', (await loginStaff(t, 'admin')).auth);
    expect(audit.json().items[0]).toMatchObject({ before: { checkIn: 5 }, after: { checkIn: 7 } });
  });

  it('checks in once a store day', async () => {
    const s = await registerShopper(t);
    const first = await inject('POST', '/api/store/me/points/check-in', s.auth);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ points: 7, balance: 7 });
    const again = await inject('POST', '/api/store/me/points/check-in', s.auth);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CHECKED_IN_TODAY');
    expect(await mine(s.auth)).toMatchObject({ balance: 7, pending: 0 });
    expect((await inject('GET', '/api/store/me/points', s.auth)).json().checkedInToday).toBe(true);
    t.clock.advance(86_400_000);
    expect((await inject('POST', '/api/store/me/points/check-in', s.auth)).statusCode).toBe(201);
    t.clock.advance(-86_400_000);
    expect((await inject('POST', '/api/store/me/points/check-in', {})).statusCode).toBe(401);
  });

  it('staff adjust with a reason, once per Idempotency-Key, never below zero, only for a real customer', async () => {
    const s = await registerShopper(t);
    const url = `/api/admin/customers/${s.customerId}/points/adjustments`;
    const key = { ...operator.auth, 'idempotency-key': `adj-${randomUUID()}` };
    const first = await inject('POST', url, key, { points: 300, reason: 'apology for a late parcel' });
    expect(first.statusCode, first.body).toBe(201);
    const replay = await inject('POST', url, key, { points: 300, reason: 'apology for a late parcel' });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await mine(s.auth)).balance).toBe(300);
    const tooMuch = await inject('POST', url, operator.auth, { points: -301, reason: 'mistake' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('POINTS_INSUFFICIENT');
    expect((await inject('POST', url, operator.auth, { points: 0, reason: 'nothing' })).statusCode).toBe(400);
    expect((await inject('POST', url, analyst.auth, { points: 5, reason: 'not mine' })).statusCode).toBe(403);
    expect((await inject('POST', `/api/admin/customers/${randomUUID()}/points/adjustments`, operator.auth, { points: 5, reason: 'nobody' })).statusCode).toBe(404);
    const view = (await inject('GET', `/api/admin/customers/${s.customerId}/points`, analyst.auth)).json();
    expect(view).toMatchObject({ balance: 300, history: { items: [{ kind: 'adjust', delta: 300, reason: 'apology for a late parcel' }] } });
    expect(await kinds(s.customerId)).toEqual(['adjust:300/0']);
  });

  it('pays part of an order with points, earns pending points on payment and spendable ones on completion', async () => {
    const s = await shopperWith(1000);
    const cartId = await cartOf(s.auth, 2); // ¥120 of goods
    const quoted = (await inject('GET', `/api/store/carts/${cartId}?points=1000`, s.auth)).json();
    expect(quoted.quote.discountTotal).toBe(1000);
    const placed = await order(s.auth, cartId, 1000);
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ subtotal: 12000, discountTotal: 1000 });
    expect(await mine(s.auth)).toMatchObject({ balance: 0, pending: 0 });
    await payOrder(t, s.auth, placed.json());
    await t.settle();
    // ¥110 paid in money for goods → 110 points, pending until the order completes.
    expect(await mine(s.auth)).toMatchObject({ balance: 0, pending: 110 });
    await shipAndConfirm(s.auth, placed.json().id);
    await t.settle();
    const after = await mine(s.auth);
    expect(after).toMatchObject({ balance: 110, pending: 0 });
    expect(after.expiring).toEqual([{ at: expect.any(String), points: 110 }]);
    expect(await kinds(s.customerId)).toEqual(['adjust:1000/0', 'redeem:-1000/0', 'earnPending:0/110', 'earn:110/-110']);
    const history = (await inject('GET', '/api/store/me/points/history?limit=2', s.auth)).json();
    expect(history.items.map((i: { kind: string }) => i.kind)).toEqual(['earn', 'earnPending']);
    const next = (await inject('GET', `/api/store/me/points/history?limit=2&cursor=${history.nextCursor}`, s.auth)).json();
    expect(next.items.map((i: { kind: string }) => i.kind)).toEqual(['redeem', 'adjust']);
    expect((await inject('GET', '/api/store/me/points/history?cursor=forged.cursor', s.auth)).statusCode).toBe(400);
  });

  it('points are capped by the policy’s share and the blocks they spend in', async () => {
    const s = await shopperWith(9_999);
    const cartId = await cartOf(s.auth, 1); // ¥60: at most ¥30 in points
    const quoted = (await inject('GET', `/api/store/carts/${cartId}?points=9999`, s.auth)).json();
    expect(quoted.quote.discountTotal).toBe(3000);
    const placed = await order(s.auth, cartId, 9999);
    expect(placed.statusCode, placed.body).toBe(201);
    expect((await mine(s.auth)).balance).toBe(6_999);
  });

  it('a cancelled order gives its points back to the lots they came from', async () => {
    const s = await shopperWith(500);
    const placed = await order(s.auth, await cartOf(s.auth, 1), 500);
    expect(placed.statusCode, placed.body).toBe(201);
    expect((await mine(s.auth)).balance).toBe(0);
    const cancelled = await inject('POST', `/api/store/orders/${placed.json().id}/cancel`, s.auth, { reason: 'changed_mind' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await t.settle();
    const back = await mine(s.auth);
    expect(back.balance).toBe(500);
    expect(back.expiring.reduce((sum, e) => sum + e.points, 0)).toBe(500);
    expect(await kinds(s.customerId)).toEqual(['adjust:500/0', 'redeem:-500/0', 'redeemReturn:500/0']);
  });

  it('two orders spending the same points at once: one gets them, the other is refused, the balance never goes below zero', async () => {
    const s = await shopperWith(1000);
    const buyNow = () => inject('POST', '/api/store/orders', s.auth, { items: [{ variantId: p.variantIds[0], quantity: 2 }], shippingMethodId: ship, address: testAddress, points: 1000 });
    const results = await Promise.all([buyNow(), buyNow()]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('POINTS_INSUFFICIENT');
    expect(await mine(s.auth)).toMatchObject({ balance: 0 });
    expect((await kinds(s.customerId)).filter((k) => k.startsWith('redeem'))).toEqual(['redeem:-1000/0']);
  });

  it('a refund before completion voids the pending points and returns the points that paid', async () => {
    const s = await shopperWith(1000);
    const placed = (await order(s.auth, await cartOf(s.auth, 2), 1000)).json();
    await payOrder(t, s.auth, placed);
    await t.settle();
    expect(await mine(s.auth)).toMatchObject({ balance: 0, pending: 110 });
    const refund = await inject('POST', `/api/admin/orders/${placed.id}/refunds`, finance.auth, { reason: 'out of stock' });
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    await t.settle();
    expect(await mine(s.auth)).toMatchObject({ balance: 1000, pending: 0 });
    expect(await kinds(s.customerId)).toEqual(['adjust:1000/0', 'redeem:-1000/0', 'earnPending:0/110', 'earnPendingVoid:0/-110', 'redeemReturn:1000/0']);
  });

  it('a refund of one line after completion takes back its share of the earned points and returns its share of the spent ones', async () => {
    const s = await shopperWith(1000);
    const placed = (await order(s.auth, await cartOf(s.auth, 2), 1000)).json();
    await payOrder(t, s.auth, placed);
    await shipAndConfirm(s.auth, placed.id);
    await t.settle();
    expect(await mine(s.auth)).toMatchObject({ balance: 110, pending: 0 });
    const line = placed.lines[0];
    const refund = await inject('POST', `/api/admin/orders/${placed.id}/refunds`, finance.auth, { reason: 'one arrived broken', lines: [{ lineId: line.id, quantity: 1 }] });
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    await t.settle();
    const o = (await inject('GET', `/api/admin/orders/${placed.id}`, finance.auth)).json();
    const kept = o.paidAmount - o.refundedAmount;
    const earned = Math.floor((110 * kept) / o.paidAmount);
    const returned = 1000 - Math.floor((1000 * kept) / o.paidAmount);
    expect(await mine(s.auth)).toMatchObject({ balance: earned + returned, pending: 0 });
    // Replayed events change nothing.
    await t.services.points.onRefunded({ orderId: placed.id, number: placed.number, customerId: s.customerId, status: 'partially_refunded', total: o.paidAmount, amount: o.refundedAmount, keptAmount: kept });
    await t.services.points.onCompleted({ orderId: placed.id, number: placed.number, customerId: s.customerId, status: 'completed', total: o.paidAmount });
    expect(await mine(s.auth)).toMatchObject({ balance: earned + returned, pending: 0 });
  });

  it('a refund racing completion ends the same either way: nothing earned, everything that paid returned', async () => {
    for (const first of ['refund', 'complete'] as const) {
      const s = await shopperWith(1000);
      const placed = (await order(s.auth, await cartOf(s.auth, 2), 1000)).json();
      await payOrder(t, s.auth, placed);
      await t.settle();
      const o = (await inject('GET', `/api/admin/orders/${placed.id}`, finance.auth)).json();
      const refunded = { orderId: placed.id, number: placed.number, customerId: s.customerId, status: 'refunded', total: o.paidAmount, amount: o.paidAmount, keptAmount: 0 };
      const completed = { orderId: placed.id, number: placed.number, customerId: s.customerId, status: 'completed', total: o.paidAmount };
      const steps = [() => t.k.db.transaction(() => t.services.points.onRefunded(refunded)), () => t.k.db.transaction(() => t.services.points.onCompleted(completed))];
      await Promise.all(first === 'refund' ? steps.map((f) => f()) : steps.reverse().map((f) => f()));
      expect(await mine(s.auth), first).toMatchObject({ balance: 1000, pending: 0 });
      const ledger = await t.services.points.ledgerOf(s.customerId);
      expect(ledger.reduce((sum, l) => sum + l.delta, 0)).toBe(1000);
      expect(ledger.reduce((sum, l) => sum + l.pendingDelta, 0)).toBe(0);
    }
  });

  it('points past their date expire by the job, with a ledger row, and the shopper sees when', async () => {
    const s = await shopperWith(200);
    const before = await mine(s.auth);
    expect(before.expiring).toHaveLength(1);
    const jump = new Date(before.expiring[0]!.at).getTime() + 1000 - t.clock.now().getTime();
    t.clock.advance(jump);
    try {
      expect(await t.services.points.expireDue()).toBeGreaterThanOrEqual(200);
      // (A year on, the shopper's session has lapsed: read as the service.)
      expect(await t.services.points.summary(s.customerId)).toMatchObject({ balance: 0, expiring: [] });
      expect(await kinds(s.customerId)).toEqual(['adjust:200/0', 'expire:-200/0']);
      expect(await t.services.points.expireDue()).toBe(0);
    } finally {
      t.clock.advance(-jump);
    }
  });

  it('a guest asking to pay with points is asked to sign in', async () => {
    const res = await inject('GET', `/api/store/checkout/quote?variantId=${p.variantIds[0]}&quantity=1&points=100`, {});
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('POINTS_SIGN_IN');
  });
});

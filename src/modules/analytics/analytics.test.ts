import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, sandboxCallback, seedProduct, startPayment, type SeededProduct } from '../../../test/support/commerce.js';
import { relativeChange } from './logic/change.js';

/**
 * Orders and registrations at controlled instants around the store's midnight. Asia/Shanghai is
 * UTC+8: store day 2026-03-02 is [2026-03-01T16:00Z, 2026-03-02T16:00Z). "Now" is 12:00 local.
 */
const NOW = '2026-03-02T04:00:00.000Z';
const at = (iso: string) => new Date(iso);

describeEachBackend("analytics: today's numbers", (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let analyst: StaffLogin;
  const o: Record<string, { id: string; total: number }> = {};
  const api = (who: StaffLogin, url: string) => t.app.inject({ url: `/api/admin${url}`, headers: who.auth });

  async function order(who: Shopper, quantity: number, placedAt: string, paidAt?: string) {
    t.clock.set(at(placedAt));
    const placed = await placeOrder(t, who.auth, p.variantIds[0], quantity);
    expect(placed.status).toBe(201);
    if (paidAt) {
      t.clock.set(at(paidAt));
      const pay = (await startPayment(t, who.auth, placed.body.id)).body;
      expect((await t.app.inject(sandboxCallback(t, { paymentId: pay.id, amount: placed.body.total }))).json().result).toBe('paid');
    }
    return { id: placed.body.id as string, total: placed.body.total as number };
  }
  async function register(iso: string) {
    t.clock.set(at(iso));
    return registerShopper(t);
  }
  const refund = (orderId: string, amount: number, iso: string) => {
    t.clock.set(at(iso));
    return t.k.db.transaction(() => t.services.orders.recordRefund(orderId, amount, [], { actor: 'staff' }, {}));
  };

  beforeAll(async () => {
    t = await startTestApp(backend, { STORE_TIMEZONE: 'Asia/Shanghai' });
    t.clock.set(at('2026-02-28T12:00:00Z'));
    p = await seedProduct(t, { stock: 1000, prices: [10000] });

    const a = await register('2026-02-28T15:50:00Z'); //                         local 02-28 23:50
    o.before = await order(a, 1, '2026-02-28T15:55:00Z', '2026-02-28T15:59:59Z'); // paid 02-28 23:59:59
    const b = await register('2026-02-28T16:10:00Z'); //                         local 03-01 00:10 (yesterday)
    o.yMorning = await order(b, 2, '2026-03-01T02:50:00Z', '2026-03-01T03:00:00Z'); // paid 03-01 11:00
    o.ySameInstant = await order(b, 4, '2026-03-01T03:55:00Z', '2026-03-01T04:00:00Z'); // paid 03-01 12:00:00.000
    o.yEvening = await order(b, 3, '2026-03-01T09:50:00Z', '2026-03-01T10:00:00Z'); // paid 03-01 18:00
    o.acrossMidnight = await order(b, 5, '2026-03-01T15:50:00Z', '2026-03-01T16:10:00Z'); // placed 23:50, paid 03-02 00:10
    const c = await register('2026-03-01T16:05:00Z'); //                         local 03-02 00:05 (today)
    o.afterMidnight = await order(c, 6, '2026-03-01T16:29:00Z', '2026-03-01T16:30:00Z'); // paid 03-02 00:30
    o.refunded = await order(c, 7, '2026-03-02T03:50:00Z', '2026-03-02T03:59:00Z'); // paid 03-02 11:59
    o.unpaid = await order(c, 8, '2026-03-02T03:58:00Z');
    await refund(o.refunded.id, 1000, '2026-03-02T03:59:30Z');
    await refund(o.yMorning.id, 500, '2026-03-02T03:59:40Z'); // yesterday's order, refunded today

    t.clock.set(at(NOW));
    analyst = await loginStaff(t, 'analyst');
  });
  afterAll(() => t.close());

  it('counts GMV by paid time in the store day, refunds separately, against yesterday whole and so far', async () => {
    const res = await api(analyst, '/dashboard/today');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const todayGmv = o.acrossMidnight.total + o.afterMidnight.total + o.refunded.total;
    const yesterdayGmv = o.yMorning.total + o.ySameInstant.total + o.yEvening.total;
    const soFarGmv = o.yMorning.total + o.ySameInstant.total;
    expect(body).toMatchObject({ timezone: 'Asia/Shanghai', currency: 'CNY', asOf: NOW });
    expect(body.today).toEqual({
      date: '2026-03-02', from: '2026-03-01T16:00:00.000Z', to: '2026-03-02T16:00:00.000Z',
      gmv: todayGmv, paidOrders: 3, aov: Math.round(todayGmv / 3), newCustomers: 1,
      refunds: { amount: 1500, count: 2 },
    });
    expect(body.yesterday).toEqual({
      date: '2026-03-01', from: '2026-02-28T16:00:00.000Z', to: '2026-03-01T16:00:00.000Z',
      gmv: yesterdayGmv, paidOrders: 3, aov: Math.round(yesterdayGmv / 3), newCustomers: 1,
      refunds: { amount: 0, count: 0 },
    });
    expect(body.yesterdaySoFar).toEqual({
      date: '2026-03-01', from: '2026-02-28T16:00:00.000Z', to: '2026-03-01T04:00:00.001Z',
      gmv: soFarGmv, paidOrders: 2, aov: Math.round(soFarGmv / 2), newCustomers: 1,
      refunds: { amount: 0, count: 0 },
    });
    expect(body.change.vsYesterdaySoFar).toEqual({
      gmv: relativeChange(todayGmv, soFarGmv),
      paidOrders: 0.5,
      aov: relativeChange(Math.round(todayGmv / 3), Math.round(soFarGmv / 2)),
      newCustomers: 0,
    });
    expect(body.change.vsYesterday.paidOrders).toBe(0);
    // Every amount is an integer of fen, and the refund did not take the order out of GMV.
    expect(Number.isInteger(body.today.aov)).toBe(true);
    expect(body.today.gmv).toBeGreaterThan(body.today.refunds.amount);
  });

  it('serves daily GMV for the last N store days, oldest first, with empty days as zero', async () => {
    const three = (await api(analyst, '/dashboard/gmv-series?days=3')).json();
    expect(three).toEqual({
      timezone: 'Asia/Shanghai',
      currency: 'CNY',
      days: [
        { date: '2026-02-28', gmv: o.before.total, paidOrders: 1, aov: o.before.total },
        { date: '2026-03-01', gmv: o.yMorning.total + o.ySameInstant.total + o.yEvening.total, paidOrders: 3, aov: expect.any(Number) },
        { date: '2026-03-02', gmv: o.acrossMidnight.total + o.afterMidnight.total + o.refunded.total, paidOrders: 3, aov: expect.any(Number) },
      ],
    });
    const month = (await api(analyst, '/dashboard/gmv-series')).json().days;
    expect(month).toHaveLength(30);
    expect(month[0]).toEqual({ date: '2026-02-01', gmv: 0, paidOrders: 0, aov: null });
    expect(month.at(-1).date).toBe('2026-03-02');
    expect(month.slice(-3)).toEqual(three.days);
    expect((await api(analyst, '/dashboard/gmv-series?days=90')).json().days).toHaveLength(90);
    for (const days of ['91', '0', 'x']) expect((await api(analyst, `/dashboard/gmv-series?days=${days}`)).statusCode).toBe(400);
  });

  it('moves to the next store day at local midnight, not UTC midnight', async () => {
    t.clock.set(at('2026-03-02T15:59:59.999Z')); // 23:59:59.999 local: still 03-02
    expect((await api(analyst, '/dashboard/today')).json().today).toMatchObject({ date: '2026-03-02', paidOrders: 3 });
    t.clock.set(at('2026-03-02T16:00:00.000Z')); // 00:00 local 03-03: a new, empty day
    const next = (await api(await loginStaff(t, 'analyst'), '/dashboard/today')).json();
    expect(next.today).toMatchObject({ date: '2026-03-03', gmv: 0, paidOrders: 0, aov: null, newCustomers: 0, refunds: { amount: 0, count: 0 } });
    expect(next.yesterday).toMatchObject({ date: '2026-03-02', paidOrders: 3 });
    expect(next.yesterdaySoFar).toMatchObject({ paidOrders: 0, to: '2026-03-01T16:00:00.001Z' });
    expect(next.change.vsYesterday).toEqual({ gmv: -1, paidOrders: -1, aov: null, newCustomers: -1 });
    expect(next.change.vsYesterdaySoFar).toEqual({ gmv: null, paidOrders: null, aov: null, newCustomers: null });
    t.clock.set(at(NOW));
  });

  it('needs reports.read: finance may read, operator and warehouse get 403', async () => {
    expect((await api(await loginStaff(t, 'finance'), '/dashboard/today')).statusCode).toBe(200);
    for (const role of ['operator', 'warehouse'] as const) {
      const who = await loginStaff(t, role);
      for (const url of ['/dashboard/today', '/dashboard/gmv-series']) {
        const res = await api(who, url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    expect((await t.app.inject({ url: '/api/admin/dashboard/today' })).statusCode).toBe(401);
  });
});

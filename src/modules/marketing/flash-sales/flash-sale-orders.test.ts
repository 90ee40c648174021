import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper } from '../../../../test/support/customers.js';
import { seedProduct, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { CLOSE_FLASH_ROUNDS_JOB } from './participant.js';

/**
 * Orders from flash sale wins (issue 13, decision 0040) through HTTP on both shapes: a win becomes
 * an unpaid order at the flash price with the carved unit moved to it; paid, it is sold; cancelled
 * or timed out, the unit is offered again; an order that cannot be made gives the unit back at
 * once; a delivery repeated makes one order; at the round's end the unsold carve goes back to the
 * warehouse — and at every step every unit is accounted for and the stock ledger reconciles.
 */
describeEachBackend('flash sales: orders from wins, timeouts and the round’s end', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let p: SeededProduct;
  let roundId: string;
  let itemId: string;
  const HOUR = 3_600_000;
  const FLASH_PRICE = 9900;

  const admin = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: operator.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const store = (method: 'GET' | 'POST' | 'DELETE', url: string, auth: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url: `/api/store${url}`, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const shopperWithAddress = async () => {
    const auth = (await registerShopper(t)).auth;
    const saved = await store('POST', '/me/addresses', auth, { recipientName: '李四', mobile: '13900139000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 2 号' });
    expect(saved.statusCode, saved.body).toBe(201);
    return { auth, addressId: saved.json().id as string };
  };
  const win = async (auth: Record<string, string>, body: Record<string, unknown> = {}) => {
    const token = (await store('GET', `/flash-sales/items/${itemId}/token`, auth)).json().token;
    const res = await store('POST', `/flash-sales/items/${itemId}/buy`, auth, { quantity: 1, token, ...body });
    expect(res.statusCode, res.body).toBe(202);
    return res.json() as { id: string; state: string };
  };
  const claim = async (auth: Record<string, string>, id: string) => (await store('GET', `/flash-sales/claims/${id}`, auth)).json();
  const report = async () => (await admin('GET', `/flash-sales/rounds/${roundId}/report`)).json().items[0];
  const available = async () => (await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])!;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 250));

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(new Date('2026-12-12T10:00:00Z'));
    operator = await loginStaff(t, 'operator');
    p = await seedProduct(t, { stock: 50, prices: [19900] });
    const created = await admin('POST', '/flash-sales/rounds', {
      name: { 'zh-CN': '10:00 场', en: '10 am round' },
      startsAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
      endsAt: new Date(t.clock.now().getTime() + 2 * HOUR).toISOString(),
      items: [{ variantId: p.variantIds[0], flashPrice: FLASH_PRICE, stock: 5, perCustomerLimit: 1 }],
    });
    roundId = created.json().id;
    itemId = created.json().items[0].id;
    expect((await admin('POST', `/flash-sales/rounds/${roundId}/publish`)).statusCode).toBe(200);
    t.clock.advance(61_000);
  });
  afterAll(() => t.close());

  it('a win becomes an unpaid order at the flash price, its unit moved from the carve (warehouse stock untouched); paid, it is sold', async () => {
    const shopper = await shopperWithAddress();
    const warehouse = await available();
    const won = await win(shopper.auth);
    expect(won.state).toBe('decided');
    await t.settle();
    const ordered = await claim(shopper.auth, won.id);
    expect(ordered).toMatchObject({ state: 'ordered', releasedReason: null });
    const order = (await store('GET', `/orders/${ordered.orderId}`, shopper.auth)).json();
    expect(order).toMatchObject({ status: 'pending_payment' });
    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]).toMatchObject({ variantId: p.variantIds[0], quantity: 1, unitPrice: FLASH_PRICE });
    expect(order.subtotal).toBe(FLASH_PRICE);
    // The carve held the unit; now the order does: nothing left or came back to the warehouse.
    expect(await available()).toBe(warehouse);
    expect(await report()).toMatchObject({ units: { decided: 0, ordered: 1 }, left: 4, accounted: true });
    expect(await t.services.inventory.reconcile()).toEqual([]);
    await payOrder(t, shopper.auth, order);
    await t.settle();
    expect((await claim(shopper.auth, won.id)).state).toBe('paid');
    expect(await report()).toMatchObject({ units: { ordered: 0, paid: 1 }, left: 4, accounted: true });
    // A claim is its shopper's alone; forged ids are 400 or 404.
    const stranger = await shopperWithAddress();
    expect((await store('GET', `/flash-sales/claims/${won.id}`, stranger.auth)).statusCode).toBe(404);
    expect((await store('GET', '/flash-sales/claims/not-a-uuid', stranger.auth)).statusCode).toBe(400);
    expect((await store('GET', `/flash-sales/claims/${won.id}`, {})).statusCode).toBe(401);
  });

  it('an order cancelled or not paid in time gives its unit back to the flash sale, offered again at once', async () => {
    const first = await shopperWithAddress();
    const second = await shopperWithAddress();
    const warehouse = await available();
    const a = await win(first.auth);
    const b = await win(second.auth);
    await t.settle();
    expect(await report()).toMatchObject({ units: { ordered: 2 }, left: 2, accounted: true });
    const cancelled = await store('POST', `/orders/${(await claim(first.auth, a.id)).orderId}/cancel`, first.auth, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // The unpaid timeout takes the other (the store's 30 minutes, and the job runs when due).
    t.clock.advance(31 * 60_000);
    await t.settle();
    expect(await claim(first.auth, a.id)).toMatchObject({ state: 'released', releasedReason: 'orderCancelled' });
    expect(await claim(second.auth, b.id)).toMatchObject({ state: 'released', releasedReason: 'orderCancelled' });
    expect(await report()).toMatchObject({ units: { ordered: 0, released: 2 }, left: 4, returned: 0, accounted: true });
    expect(await available()).toBe(warehouse); // back in the carve, not in the warehouse
    expect(await t.services.inventory.reconcile()).toEqual([]);
    // The shopper whose order lapsed may try again; the unit is there to win.
    await pause();
    const again = await win(first.auth);
    await t.settle();
    expect((await claim(first.auth, again.id)).state).toBe('ordered');
    expect(await report()).toMatchObject({ units: { ordered: 1 }, left: 3, accounted: true });
  });

  it('an order that cannot be made (the address gone) gives the unit back at once, and says why', async () => {
    const shopper = await shopperWithAddress();
    const won = await win(shopper.auth);
    expect((await store('DELETE', `/me/addresses/${shopper.addressId}`, shopper.auth)).statusCode).toBe(204);
    const left = (await report()).left;
    await t.settle();
    expect(await claim(shopper.auth, won.id)).toMatchObject({ state: 'released', releasedReason: 'orderFailed', failure: 'FLASH_ADDRESS_NEEDED', orderId: null });
    expect(await report()).toMatchObject({ left: left + 1, accounted: true });
    // Someone else's address id is not a way in either: the order is refused, the unit comes back.
    const other = await shopperWithAddress();
    const forged = await shopperWithAddress();
    const tried = await win(forged.auth, { addressId: other.addressId });
    await t.settle();
    expect(await claim(forged.auth, tried.id)).toMatchObject({ state: 'released', releasedReason: 'orderFailed', failure: 'ADDRESS_NOT_FOUND' });
    expect(await report()).toMatchObject({ left: left + 1, accounted: true });
  });

  it('a delivery repeated (at least once) makes one order: concurrent makers of the same win', async () => {
    const shopper = await shopperWithAddress();
    const won = await win(shopper.auth);
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => t.services.flashSales.orders.makeOrder(won.id)));
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    await t.settle();
    const mine = (await store('GET', '/orders?tab=all&limit=20', shopper.auth)).json().items;
    expect(mine).toHaveLength(1);
    expect(await claim(shopper.auth, won.id)).toMatchObject({ state: 'ordered', orderId: mine[0].id });
    expect(await report()).toMatchObject({ accounted: true });
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('when the round ends the unsold carve goes back to the warehouse; an order cancelled after that returns its unit there too', async () => {
    const before = await report();
    const pending = before.units.ordered;
    expect(pending).toBeGreaterThan(0);
    const warehouse = await available();
    await t.k.recurring.runOne(CLOSE_FLASH_ROUNDS_JOB); // schedules the job's first tick (the next minute)
    t.clock.advance(2 * HOUR);
    expect(await t.k.recurring.runOne(CLOSE_FLASH_ROUNDS_JOB)).toBe(true);
    const round = (await admin('GET', `/flash-sales/rounds/${roundId}`)).json();
    expect(round.status).toBe('closed');
    expect(await report()).toMatchObject({ left: 0, returned: before.left, units: { ordered: pending }, accounted: true });
    expect(await available()).toBe(warehouse + before.left);
    // The flash orders still unpaid then time out (the jobs now due): their units go to the
    // warehouse, not to a round that is over, and count as returned.
    await t.settle();
    expect(await report()).toMatchObject({ left: 0, units: { ordered: 0 }, returned: before.left + pending, accounted: true });
    expect(await available()).toBe(warehouse + before.left + pending);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    // The round is over for shoppers too.
    const late = await shopperWithAddress();
    expect((await store('GET', `/flash-sales/items/${itemId}/token`, late.auth)).statusCode).toBe(404);
    expect((await store('GET', `/flash-sales/claims/${randomUUID()}`, late.auth)).statusCode).toBe(404);
  });
});

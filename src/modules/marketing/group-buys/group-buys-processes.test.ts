import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBackend, startTestApp, type TestApp, type TestDatabase } from '../../../../test/support/harness.js';
import { seedProduct, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff } from '../../../../test/support/staff.js';

/**
 * The scale shape with two API processes on one PostgreSQL database (PGlite runs one statement at a
 * time, so only here do joins really race): fifty shoppers pressing 参团 on a team of three through
 * both processes at once take exactly the two free seats, the others are told it is full and offered
 * a team of their own; the two paying at once through different processes fill it once.
 */
describeOnBackend('postgres', 'group buys: fifty joins through two processes', (backend) => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let p: SeededProduct;
  let activityId: string;

  type Shopper = { auth: Record<string, string>; addressId: string };
  let seq = 0;
  const shopper = async (): Promise<Shopper> => {
    const res = await a.app.inject({ method: 'POST', url: '/api/store/auth/register', remoteAddress: `10.7.${Math.floor(++seq / 250)}.${seq % 250}`, payload: { email: `gbp-${randomUUID()}@example.com`, password: 'correct horse battery' } });
    expect(res.statusCode, res.body).toBe(201);
    const auth = { authorization: `Bearer ${res.json().token}` };
    const saved = await a.app.inject({ method: 'POST', url: '/api/store/me/addresses', headers: auth, payload: { recipientName: '孙八', mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '深南大道 1 号' } });
    expect(saved.statusCode, saved.body).toBe(201);
    return { auth, addressId: saved.json().id };
  };
  const seat = (via: TestApp, s: Shopper, url: string) =>
    via.app.inject({ method: 'POST', url: `/api/store${url}`, headers: s.auth, payload: { variantId: p.variantIds[0], quantity: 1, addressId: s.addressId } });
  const available = async () => (await a.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])!;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    a = await startTestApp(backend, {}, { database: db });
    b = await startTestApp(backend, {}, { database: db });
    const now = new Date('2026-12-12T10:00:00Z');
    for (const x of [a, b]) x.clock.set(now);
    p = await seedProduct(a, { stock: 100, prices: [19900] });
    const operator = await loginStaff(a, 'operator');
    const created = await a.app.inject({
      method: 'POST', url: '/api/admin/group-buys', headers: operator.auth,
      payload: { name: { 'zh-CN': '三人团', en: 'Team of three' }, productId: p.productId, variants: [{ variantId: p.variantIds[0], groupPrice: 9900 }], teamSize: 3 },
    });
    expect(created.statusCode, created.body).toBe(201);
    activityId = created.json().id;
  }, 120_000);
  afterAll(async () => {
    for (const x of [a, b]) await x?.close();
    await db?.drop();
  });

  it('exactly two of fifty take a seat; the two pay at once through different processes and the team fills once', async () => {
    const leader = await shopper();
    const opened = await seat(a, leader, `/group-buys/${activityId}/teams`);
    expect(opened.statusCode, opened.body).toBe(201);
    const teamId = opened.json().teamId;
    await payOrder(a, leader.auth, { id: opened.json().orderId, total: opened.json().total });
    await a.settle();

    const crowd = await Promise.all(Array.from({ length: 50 }, () => shopper()));
    const before = await available();
    const answers = await Promise.all(crowd.map((s, i) => seat(i % 2 ? b : a, s, `/group-buys/teams/${teamId}/join`)));
    const won = answers.flatMap((r, i) => (r.statusCode === 201 ? [{ shopper: crowd[i], order: r.json(), via: i % 2 ? b : a }] : []));
    expect(won).toHaveLength(2);
    const refused = answers.filter((r) => r.statusCode !== 201);
    expect(refused.map((r) => `${r.statusCode} ${r.json().code} ${r.json().offerNewTeam}`)).toEqual(Array.from({ length: 48 }, () => '409 GROUP_TEAM_FULL true'));
    expect(await available()).toBe(before - 2);

    await Promise.all(won.map((w) => payOrder(w.via, w.shopper.auth, { id: w.order.orderId, total: w.order.total })));
    await Promise.all([a.settle(), b.settle()]);
    await a.settle();
    const team = (await b.app.inject({ url: `/api/store/group-buys/teams/${teamId}` })).json();
    expect(team).toMatchObject({ state: 'filled', paid: 3, held: 0, seatsLeft: 0 });
    for (const orderId of [opened.json().orderId, ...won.map((w) => w.order.orderId)]) expect((await a.services.orders.get(orderId)).shippingHold).toBeNull();
    expect(await a.services.inventory.reconcile()).toEqual([]);
  }, 180_000);
});

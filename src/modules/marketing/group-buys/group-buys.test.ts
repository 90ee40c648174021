import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { sandboxCallback, seedProduct, startPayment, type SeededProduct } from '../../../../test/support/commerce.js';
import { ledgerNet, payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { EXPIRE_GROUP_BUY_TEAMS_JOB } from './participant.js';

/**
 * Group buying (issue 13, decision 0041) through HTTP on both shapes: a leader opens a team by
 * paying, others join by paying and the team fills; fifty shoppers pressing 参团 on a team of three
 * at once take exactly the two free seats; a team past its deadline refunds every paid member once
 * through the payment provider and cancels the unpaid orders (stock back); a seat of an unpaid order
 * cancelled is free again.
 */
describeEachBackend('group buys: teams that fill or refund', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let analyst: StaffLogin;
  let warehouse: StaffLogin;
  let p: SeededProduct;
  let activityId: string;
  const HOUR = 3_600_000;
  const GROUP_PRICE = 9900;

  const store = (method: 'GET' | 'POST', url: string, auth: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url: `/api/store${url}`, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const admin = (method: 'GET' | 'POST', url: string, payload?: unknown, who: StaffLogin = operator) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  let seq = 0;
  const shopper = async () => {
    // Each from an address of its own: the store holds back a burst of sign-ups from one address.
    const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', remoteAddress: `10.9.${Math.floor(++seq / 250)}.${seq % 250}`, payload: { email: `gb-${randomUUID()}@example.com`, password: 'correct horse battery' } });
    expect(res.statusCode, res.body).toBe(201);
    const auth = { authorization: `Bearer ${res.json().token}` };
    const saved = await store('POST', '/me/addresses', auth, { recipientName: '赵六', mobile: '13600136000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '高新南一道 6 号' });
    expect(saved.statusCode, saved.body).toBe(201);
    return { auth, addressId: saved.json().id as string };
  };
  const seat = (s: { auth: Record<string, string>; addressId: string }, url: string) => store('POST', url, s.auth, { variantId: p.variantIds[0], quantity: 1, addressId: s.addressId });
  const openPaidTeam = async () => {
    const leader = await shopper();
    const opened = await seat(leader, `/group-buys/${activityId}/teams`);
    expect(opened.statusCode, opened.body).toBe(201);
    await payOrder(t, leader.auth, { id: opened.json().orderId, total: opened.json().total });
    await t.settle();
    return { leader, teamId: opened.json().teamId as string, orderId: opened.json().orderId as string, total: opened.json().total as number };
  };
  const available = async () => (await t.services.inventory.availability([p.variantIds[0]])).get(p.variantIds[0])!;

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(new Date('2026-12-12T10:00:00Z'));
    operator = await loginStaff(t, 'operator');
    analyst = await loginStaff(t, 'analyst');
    warehouse = await loginStaff(t, 'warehouse');
    p = await seedProduct(t, { stock: 200, prices: [19900] });
    await t.k.recurring.runOne(EXPIRE_GROUP_BUY_TEAMS_JOB); // schedules the job's first tick
  });
  afterAll(() => t.close());

  it('an operator sets up a group buy (checked against the SKU prices); analysts read it but cannot', async () => {
    const body = { name: { 'zh-CN': '三人团', en: 'Team of three' }, productId: p.productId, variants: [{ variantId: p.variantIds[0], groupPrice: GROUP_PRICE }], teamSize: 3, leaderDiscount: 1000 };
    expect((await admin('POST', '/group-buys', body, analyst)).statusCode).toBe(403);
    const notLower = await admin('POST', '/group-buys', { ...body, variants: [{ variantId: p.variantIds[0], groupPrice: 19900 }] });
    expect(notLower.statusCode).toBe(422);
    expect(notLower.json().code).toBe('GROUP_ACTIVITY_INVALID');
    for (const bad of [{ teamSize: 1 }, { teamSize: 51 }, { name: { 'zh-CN': 'x\u0000'.repeat(3000), en: 'x' } }, { productId: 'not-a-uuid' }]) {
      expect((await admin('POST', '/group-buys', { ...body, ...bad })).statusCode, JSON.stringify(bad).slice(0, 40)).toBe(400);
    }
    const created = await admin('POST', '/group-buys', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ teamSize: 3, timeLimitMinutes: 1440, perCustomerLimit: 1, leaderDiscount: 1000, simulatedFill: { enabled: false }, status: 'active' });
    activityId = created.json().id;
    expect((await admin('GET', `/group-buys/${activityId}/report`, undefined, analyst)).statusCode).toBe(200);
  });

  it('a leader opens a team at the leader’s price; others join at the group price once it is paid; the third payment fills it', async () => {
    const { leader, teamId, total } = await openPaidTeam();
    expect(total).toBe(GROUP_PRICE - 1000 + 1000); // the leader's price (¥10 团长优惠), plus ¥10 shipping
    const page = (await store('GET', `/group-buys/${activityId}`, {})).json();
    expect(page.openTeams.find((x: { id: string }) => x.id === teamId)).toMatchObject({ seatsLeft: 2, paid: 1, state: 'open', sharePath: `/group-buys/teams/${teamId}` });
    const a = await shopper();
    const b = await shopper();
    const ja = await seat(a, `/group-buys/teams/${teamId}/join`);
    expect(ja.statusCode, ja.body).toBe(201);
    expect(ja.json().total).toBe(GROUP_PRICE); // the group price; shipping free from ¥99
    // The leader cannot take a second seat in their own team.
    expect((await seat(leader, `/group-buys/teams/${teamId}/join`)).json().code).toBe('GROUP_ALREADY_IN_TEAM');
    const jb = await seat(b, `/group-buys/teams/${teamId}/join`);
    expect(jb.statusCode, jb.body).toBe(201);
    await payOrder(t, a.auth, { id: ja.json().orderId, total: ja.json().total });
    await t.settle();
    expect((await store('GET', `/group-buys/teams/${teamId}`, {})).json()).toMatchObject({ state: 'open', paid: 2, held: 1, seatsLeft: 0 });
    // Paid, but the team is still forming: the warehouse may not ship it yet.
    const early = await admin('POST', `/orders/${ja.json().orderId}/ship`, { carrier: 'sf', trackingNumber: 'SF1234567890' }, warehouse);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().code).toBe('ORDER_ON_HOLD');
    expect((await admin('GET', `/orders/${ja.json().orderId}`, undefined, warehouse)).json().shippingHold).toBe('groupBuy');
    await payOrder(t, b.auth, { id: jb.json().orderId, total: jb.json().total });
    await t.settle();
    const filled = (await store('GET', `/group-buys/teams/${teamId}`, {})).json();
    expect(filled).toMatchObject({ state: 'filled', paid: 3, seatsLeft: 0 });
    expect(filled.members.map((m: { role: string }) => m.role)).toEqual(['leader', 'member', 'member']);
    // Filled: every member's order is free to ship, together.
    for (const id of [ja.json().orderId, jb.json().orderId]) expect((await admin('GET', `/orders/${id}`, undefined, warehouse)).json().shippingHold).toBeNull();
    const shipped = await admin('POST', `/orders/${ja.json().orderId}/ship`, { carrier: 'sf', trackingNumber: 'SF1234567890' }, warehouse);
    expect(shipped.statusCode, shipped.body).toBe(201);
    expect(filled.members.every((m: { name: string }) => !m.name.includes('@example.com') || m.name.includes('***'))).toBe(true);
    expect((await admin('GET', `/group-buys/${activityId}/report`)).json()).toMatchObject({ teams: { filled: 1 }, successRate: 1 });
  });

  it('fifty shoppers pressing 参团 on a team of three at once: exactly two seats taken, the rest told it is full (and offered a new team)', async () => {
    const { teamId } = await openPaidTeam();
    const crowd = await Promise.all(Array.from({ length: 50 }, () => shopper()));
    const before = await available();
    const answers = await Promise.all(crowd.map((s) => seat(s, `/group-buys/teams/${teamId}/join`)));
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(2);
    const refused = answers.filter((r) => r.statusCode !== 201);
    expect(refused.every((r) => r.statusCode === 409 && r.json().code === 'GROUP_TEAM_FULL' && r.json().offerNewTeam === true)).toBe(true);
    // Nothing of a refused order was written: two orders' units reserved, no more.
    expect(await available()).toBe(before - 2);
    expect((await store('GET', `/group-buys/teams/${teamId}`, {})).json()).toMatchObject({ paid: 1, held: 2, seatsLeft: 0 });
    expect(await t.services.inventory.reconcile()).toEqual([]);
  }, 120_000);

  it('an unpaid member who cancels frees the seat for the next shopper', async () => {
    const { teamId } = await openPaidTeam();
    const a = await shopper();
    const joined = await seat(a, `/group-buys/teams/${teamId}/join`);
    const number = (await store('GET', `/orders/${joined.json().orderId}`, a.auth)).json().number;
    expect((await store('POST', `/orders/${number}/cancel`, a.auth, {})).statusCode).toBe(200);
    await t.settle();
    expect((await store('GET', `/group-buys/teams/${teamId}`, {})).json()).toMatchObject({ paid: 1, held: 0, seatsLeft: 2 });
    const b = await shopper();
    expect((await seat(b, `/group-buys/teams/${teamId}/join`)).statusCode).toBe(201);
  });

  it('a team past its deadline: every paid member refunded once through the provider, unpaid orders cancelled, stock back, a payment still in flight refunded; a late join refused', async () => {
    const { leader, teamId, orderId } = await openPaidTeam();
    const a = await shopper();
    const b = await shopper();
    const ja = await seat(a, `/group-buys/teams/${teamId}/join`);
    const jb = await seat(b, `/group-buys/teams/${teamId}/join`);
    await payOrder(t, a.auth, { id: ja.json().orderId, total: ja.json().total });
    await t.settle();
    // b starts paying but the money arrives only after the deadline (a payment in flight).
    const inFlight = await startPayment(t, b.auth, jb.json().orderId);
    expect(inFlight.status).toBe(201);
    const before = await available();
    t.clock.advance(24 * HOUR + 60_000);
    expect((await seat(await shopper(), `/group-buys/teams/${teamId}/join`)).json().code).toBe('GROUP_TEAM_EXPIRED');
    expect(await t.k.recurring.runOne(EXPIRE_GROUP_BUY_TEAMS_JOB)).toBe(true);
    await t.settle();
    expect((await store('GET', `/group-buys/teams/${teamId}`, {})).json()).toMatchObject({ state: 'failed', seatsLeft: 0 });
    // The job again, and the events replayed: the money went back once.
    await t.k.db.transaction(() => t.services.groupBuys.expireDue());
    await t.services.groupBuys.paid(orderId);
    await t.settle();
    expect(await ledgerNet(t, orderId)).toBe(0);
    expect(await ledgerNet(t, ja.json().orderId)).toBe(0);
    const late = await t.app.inject(sandboxCallback(t, { paymentId: inFlight.body.id, amount: jb.json().total }));
    expect(late.statusCode).toBe(200);
    expect(late.json().result).toBe('refunded_late');
    expect(await ledgerNet(t, jb.json().orderId)).toBe(0); // taken, then given back
    expect((await store('GET', `/orders/${ja.json().orderId}`, a.auth)).json().status).toMatch(/refunded/);
    expect((await store('GET', `/orders/${jb.json().orderId}`, b.auth)).json().status).toBe('cancelled');
    expect((await store('GET', `/orders/${orderId}`, leader.auth)).json().refundedAmount).toBeGreaterThan(0);
    // The unpaid order's unit and the two paid ones are back on the shelf.
    // (Held seats of other tests' teams expired too: their units came back as well.)
    expect(await available()).toBeGreaterThanOrEqual(before + 3);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    operator = await loginStaff(t, 'operator'); // a day has passed: a fresh session
    // Every team of the earlier tests was past its deadline too: the full one stays filled, the three
    // others failed and their paid members (a leader each, and here the leader and one member) were refunded.
    expect((await admin('GET', `/group-buys/${activityId}/report`)).json()).toMatchObject({ teams: { open: 0, filled: 1, failed: 3 }, successRate: 0.25, refundedOrders: 4 });
  });

  it('refuses what is not on offer: another SKU, a team or offer that does not exist, a paused offer, signed out', async () => {
    const s = await shopper();
    const other = await seedProduct(t, { stock: 5, prices: [500] });
    const wrong = await store('POST', `/group-buys/${activityId}/teams`, s.auth, { variantId: other.variantIds[0], quantity: 1, addressId: s.addressId });
    expect(wrong.json().code).toBe('GROUP_VARIANT_NOT_IN_OFFER');
    expect((await seat(s, `/group-buys/teams/${randomUUID()}/join`)).statusCode).toBe(404);
    expect((await seat(s, `/group-buys/${randomUUID()}/teams`)).statusCode).toBe(404);
    expect((await store('POST', `/group-buys/${activityId}/teams`, {}, { variantId: p.variantIds[0], addressId: s.addressId })).statusCode).toBe(401);
    expect((await store('POST', `/group-buys/${activityId}/teams`, s.auth, { variantId: p.variantIds[0], addressId: 'x\u0000' })).statusCode).toBe(400);
    expect((await admin('POST', `/group-buys/${activityId}/status`, { status: 'paused' })).statusCode).toBe(200);
    expect((await seat(s, `/group-buys/${activityId}/teams`)).json().code).toBe('GROUP_ACTIVITY_PAUSED');
    expect((await admin('POST', `/group-buys/${activityId}/status`, { status: 'active' })).statusCode).toBe(200);
    // One team at a time per shopper in this offer (limit 1), even pressing twice at once.
    const both = await Promise.all([seat(s, `/group-buys/${activityId}/teams`), seat(s, `/group-buys/${activityId}/teams`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('GROUP_LIMIT_REACHED');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { seedProduct, type SeededProduct } from '../../../../test/support/commerce.js';
import { ledgerNet, payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { EXPIRE_GROUP_BUY_TEAMS_JOB } from './participant.js';

/**
 * Group buying beyond the happy path (issue 13, decision 0041), through HTTP on both shapes: an
 * operator edits, pauses and ends an offer; a shopper's own teams and what others see of a team;
 * a paid member leaving; customer service refunding a member (and a leader) outside the team; the
 * per-customer limit; 模拟成团 at the deadline; who may do what.
 */
describeEachBackend('group buys: operating an offer, leaving a team, refunds outside it', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let analyst: StaffLogin;
  let warehouse: StaffLogin;
  let finance: StaffLogin;
  let admin: StaffLogin;
  let p: SeededProduct;
  const HOUR = 3_600_000;

  type Shopper = { auth: Record<string, string>; addressId: string; email: string; customerId: string };
  const store = (method: 'GET' | 'POST', url: string, auth: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url: `/api/store${url}`, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const staffCall = (method: 'GET' | 'POST' | 'PATCH', url: string, who: StaffLogin | null, payload?: unknown) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: who?.auth ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  let seq = 0;
  const shopper = async (profile: { name?: string; mobile?: string } = {}): Promise<Shopper> => {
    const email = `gbo-${randomUUID()}@example.com`;
    // Each from an address of its own: the store holds back a burst of sign-ups from one address.
    const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', remoteAddress: `10.8.${Math.floor(++seq / 250)}.${seq % 250}`, payload: { email, password: 'correct horse battery', ...profile } });
    expect(res.statusCode, res.body).toBe(201);
    const auth = { authorization: `Bearer ${res.json().token}` };
    const saved = await store('POST', '/me/addresses', auth, { recipientName: '钱七', mobile: '13700137000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园 8 号' });
    expect(saved.statusCode, saved.body).toBe(201);
    return { auth, addressId: saved.json().id as string, email, customerId: res.json().customer.id as string };
  };
  const seat = (s: Shopper, url: string) => store('POST', url, s.auth, { variantId: p.variantIds[0], quantity: 1, addressId: s.addressId });
  const offer = async (settings: Record<string, unknown> = {}) => {
    const res = await staffCall('POST', '/group-buys', operator, {
      name: { 'zh-CN': '拼团', en: 'Group buy' }, productId: p.productId, variants: [{ variantId: p.variantIds[0], groupPrice: 9900 }], teamSize: 3, ...settings,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** A seat taken (201) and, if asked, paid. */
  const take = async (s: Shopper, url: string, paid = true) => {
    const res = await seat(s, url);
    expect(res.statusCode, res.body).toBe(201);
    const order = { id: res.json().orderId as string, total: res.json().total as number, teamId: res.json().teamId as string };
    if (paid) {
      await payOrder(t, s.auth, order);
      await t.settle();
    }
    return order;
  };
  const team = async (id: string) => (await store('GET', `/group-buys/teams/${id}`, {})).json();
  const orderOf = async (s: Shopper, id: string) => (await store('GET', `/orders/${id}`, s.auth)).json();
  const signInStaff = async () => {
    [operator, analyst, warehouse, finance, admin] = await Promise.all((['operator', 'analyst', 'warehouse', 'finance', 'admin'] as const).map((r) => loginStaff(t, r)));
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(new Date('2026-12-12T10:00:00Z'));
    await signInStaff();
    p = await seedProduct(t, { stock: 300, prices: [19900] });
    await t.k.recurring.runOne(EXPIRE_GROUP_BUY_TEAMS_JOB); // schedules the job's first tick
  });
  afterAll(() => t.close());

  it('only marketing staff read and change offers; every change is in the audit log', async () => {
    const id = await offer();
    expect((await staffCall('GET', '/group-buys', null)).statusCode).toBe(401);
    expect((await staffCall('GET', `/group-buys/${id}/teams`, warehouse)).statusCode).toBe(403);
    expect((await staffCall('GET', `/group-buys/${id}/report`, analyst)).statusCode).toBe(200);
    expect((await staffCall('PATCH', `/group-buys/${id}`, analyst, { teamSize: 2 })).statusCode).toBe(403);
    expect((await staffCall('POST', `/group-buys/${id}/status`, analyst, { status: 'ended' })).statusCode).toBe(403);
    expect((await staffCall('PATCH', `/group-buys/${id}`, null, { teamSize: 2 })).statusCode).toBe(401);
    // Hostile edits: refused before anything is read or written.
    for (const bad of [{ productId: p.productId }, { name: { 'zh-CN': '团'.repeat(5000), en: 'x' } }, { teamSize: '3' }, { teamSize: 1 }, { variants: [] }, { leaderDiscount: -1 }, { extra: 1 }]) {
      const res = await staffCall('PATCH', `/group-buys/${id}`, operator, bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 60)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await staffCall('PATCH', `/group-buys/${randomUUID()}`, operator, { teamSize: 2 })).statusCode).toBe(404);
    expect((await staffCall('PATCH', '/group-buys/not-a-uuid', operator, { teamSize: 2 })).statusCode).toBe(400);
    expect((await staffCall('POST', `/group-buys/${id}/status`, operator, { status: 'closed' })).statusCode).toBe(400);
    expect((await staffCall('GET', `/group-buys/${id}`, analyst)).json()).toMatchObject({ teamSize: 3, status: 'active' });

    const edited = await staffCall('PATCH', `/group-buys/${id}`, operator, { teamSize: 4 });
    expect(edited.statusCode, edited.body).toBe(200);
    const log = (await staffCall('GET', `/audit-log?action=marketing.groupBuy.update&entityId=${id}`, admin)).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ before: { teamSize: 3 }, after: { teamSize: 4 } });
  });

  it('an operator edits an offer (teams already open keep their size), pauses it, then ends it for good', async () => {
    const id = await offer({ leaderDiscount: 1000 });
    const leader = await shopper();
    const first = await take(leader, `/group-buys/${id}/teams`);
    expect(first.total).toBe(9900 - 1000 + 1000); // the leader's price, plus ¥10 shipping (free from ¥99)

    const notLower = await staffCall('PATCH', `/group-buys/${id}`, operator, { variants: [{ variantId: p.variantIds[0], groupPrice: 19900 }] });
    expect(notLower.statusCode).toBe(422);
    expect(notLower.json().code).toBe('GROUP_ACTIVITY_INVALID');
    const edited = await staffCall('PATCH', `/group-buys/${id}`, operator, { teamSize: 2, variants: [{ variantId: p.variantIds[0], groupPrice: 12900 }], name: { 'zh-CN': '双人团', en: 'Team of two' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ teamSize: 2, variants: [{ groupPrice: 12900 }], leaderDiscount: 1000, name: { en: 'Team of two' }, status: 'active' });
    // The team opened before the edit is still a team of three; a new one is a team of two at the new price.
    expect(await team(first.teamId)).toMatchObject({ size: 3, seatsLeft: 2 });
    const second = await take(await shopper(), `/group-buys/${id}/teams`, false);
    expect(await team(second.teamId)).toMatchObject({ size: 2 });
    expect(second.total).toBe(12900 - 1000);
    // An order priced a moment before the edit, held after it: refused whole, not seated at the old price.
    const racing = await shopper();
    await expect(t.k.db.transaction(() => t.services.groupBuys.hold(randomUUID(), racing.customerId, `open:${id}`, [9900 - 1000]))).rejects.toMatchObject({ code: 'GROUP_OFFER_CHANGED' });
    const joiner = await shopper();
    const joined = await take(joiner, `/group-buys/teams/${first.teamId}/join`, false);
    expect(joined.total).toBe(12900);

    expect((await staffCall('POST', `/group-buys/${id}/status`, operator, { status: 'paused' })).json().status).toBe('paused');
    expect((await store('GET', `/group-buys/${id}`, {})).json().openTeams).toEqual([]);
    expect((await seat(await shopper(), `/group-buys/teams/${first.teamId}/join`)).json().code).toBe('GROUP_ACTIVITY_PAUSED');
    expect((await staffCall('POST', `/group-buys/${id}/status`, operator, { status: 'ended' })).json().status).toBe('ended');
    const late = await shopper();
    expect((await seat(late, `/group-buys/${id}/teams`)).json().code).toBe('GROUP_ACTIVITY_ENDED');
    expect((await seat(late, `/group-buys/teams/${first.teamId}/join`)).json().code).toBe('GROUP_ACTIVITY_ENDED');
    for (const res of [await staffCall('POST', `/group-buys/${id}/status`, operator, { status: 'active' }), await staffCall('PATCH', `/group-buys/${id}`, operator, { teamSize: 3 })]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('GROUP_ACTIVITY_ENDED');
    }
    // Ended, its open teams run to their end: a seat taken before still fills the team when paid.
    await payOrder(t, joiner.auth, joined);
    await t.settle();
    expect(await team(first.teamId)).toMatchObject({ state: 'open', paid: 2, seatsLeft: 1 });
    expect((await staffCall('GET', `/group-buys/${id}`, analyst)).json().status).toBe('ended');
  });

  it('my teams (我的拼团) list mine only; a team shows others by masked name, never an id, an order or a contact', async () => {
    const id = await offer();
    const leader = await shopper({ name: '张三丰', mobile: '13912345678' });
    const opened = await take(leader, `/group-buys/${id}/teams`);
    const member = await shopper();
    const joined = await take(member, `/group-buys/teams/${opened.teamId}/join`, false);
    const stranger = await shopper();

    for (const who of [{}, stranger.auth, member.auth]) {
      const res = await store('GET', `/group-buys/teams/${opened.teamId}`, who);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.members).toEqual([{ name: '张*', role: 'leader', paid: true }, { name: expect.stringMatching(/^g\*+@example\.com$/), role: 'member', paid: false }]);
      for (const secret of [leader.email, member.email, '13912345678', '三丰', opened.id, joined.id, leader.addressId]) expect(res.body).not.toContain(secret);
    }
    const mine = (await store('GET', '/me/group-buys', leader.auth)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ orderId: opened.id, role: 'leader', seat: 'paid', activityName: { en: 'Group buy' }, team: { id: opened.teamId, paid: 1, held: 1 } });
    expect((await store('GET', '/me/group-buys', member.auth)).json().items).toMatchObject([{ orderId: joined.id, role: 'member', seat: 'held' }]);
    expect((await store('GET', '/me/group-buys', stranger.auth)).json().items).toEqual([]);
    expect((await store('GET', '/me/group-buys', {})).statusCode).toBe(401);
    // Another shopper's order stays theirs.
    expect((await store('GET', `/orders/${opened.id}`, stranger.auth)).statusCode).toBe(404);
  });

  it('a paid member leaves before the team fills: refunded once, the seat taken by the next shopper; the leader stays, an unpaid member cancels instead', async () => {
    const id = await offer();
    const leader = await shopper();
    const opened = await take(leader, `/group-buys/${id}/teams`);
    const a = await shopper();
    const b = await shopper();
    const paidSeat = await take(a, `/group-buys/teams/${opened.teamId}/join`);
    await take(b, `/group-buys/teams/${opened.teamId}/join`, false);
    const leave = (s: Shopper | null, teamId = opened.teamId) => store('POST', `/group-buys/teams/${teamId}/leave`, s?.auth ?? {}, {});

    expect((await leave(b)).json().code).toBe('GROUP_SEAT_NOT_PAID');
    expect((await leave(leader)).json().code).toBe('GROUP_LEADER_CANNOT_LEAVE');
    expect((await leave(await shopper())).json().code).toBe('GROUP_NOT_A_MEMBER');
    expect((await leave(null)).statusCode).toBe(401);
    expect((await leave(a, randomUUID())).statusCode).toBe(404);
    expect((await leave(a, `${opened.teamId.slice(0, 35)}g`)).statusCode).toBe(400);

    const left = await leave(a);
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ state: 'open', paid: 1, held: 1, seatsLeft: 1 });
    // Pressed again (a replay): nothing more is refunded.
    expect((await leave(a)).statusCode).toBe(200);
    expect(await ledgerNet(t, paidSeat.id)).toBe(0);
    expect((await orderOf(a, paidSeat.id)).status).toBe('refunded');
    expect((await store('GET', '/me/group-buys', a.auth)).json().items).toMatchObject([{ orderId: paidSeat.id, seat: 'refunded' }]);
    // The seat is someone else's now.
    await take(await shopper(), `/group-buys/teams/${opened.teamId}/join`, false);
    expect(await team(opened.teamId)).toMatchObject({ paid: 1, held: 2, seatsLeft: 0 });
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });

  it('customer service refunds a member in full: the seat is free and the team owes nothing more; the leader refunded closes the team, the others refunded once', async () => {
    const id = await offer({ teamSize: 4 });
    const leader = await shopper();
    const opened = await take(leader, `/group-buys/${id}/teams`);
    const [a, b, c] = [await shopper(), await shopper(), await shopper()];
    const seatA = await take(a, `/group-buys/teams/${opened.teamId}/join`);
    const seatB = await take(b, `/group-buys/teams/${opened.teamId}/join`);
    const seatC = await take(c, `/group-buys/teams/${opened.teamId}/join`, false);
    const refund = async (orderId: string) => {
      const res = await staffCall('POST', `/orders/${orderId}/refunds`, finance, { reason: '顾客不想要了' });
      expect(res.statusCode, res.body).toBe(201);
      await t.settle();
    };

    await refund(seatA.id);
    expect(await team(opened.teamId)).toMatchObject({ state: 'open', paid: 2, held: 1, seatsLeft: 1 });
    expect(await ledgerNet(t, seatA.id)).toBe(0);

    // The leader's money goes back: nobody can join a team without its leader, so it closes now.
    await refund(opened.id);
    expect(await team(opened.teamId)).toMatchObject({ state: 'failed', paid: 0, held: 0 });
    for (const o of [opened.id, seatA.id, seatB.id]) expect(await ledgerNet(t, o)).toBe(0);
    expect((await orderOf(c, seatC.id)).status).toBe('cancelled');
    // The job and the events again: nothing moves.
    await t.k.db.transaction(() => t.services.groupBuys.expireDue());
    await t.services.groupBuys.refunded(seatA.id);
    await t.services.groupBuys.paid(seatB.id);
    for (const o of [opened.id, seatA.id, seatB.id]) expect(await ledgerNet(t, o)).toBe(0);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    expect((await staffCall('GET', `/group-buys/${id}/report`, analyst)).json()).toMatchObject({ teams: { open: 0, filled: 0, failed: 1 }, successRate: 0, gmv: 0, refundedOrders: 3, refundedAmount: opened.total + seatA.total + seatB.total });
  });

  it('the per-customer limit counts live seats across the offer’s teams, pressed at once or one after another', async () => {
    const id = await offer({ perCustomerLimit: 1 });
    const s = await shopper();
    const own = await take(s, `/group-buys/${id}/teams`, false);
    expect((await seat(s, `/group-buys/${id}/teams`)).json().code).toBe('GROUP_LIMIT_REACHED');
    const other = await take(await shopper(), `/group-buys/${id}/teams`);
    const refused = await seat(s, `/group-buys/teams/${other.teamId}/join`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'GROUP_LIMIT_REACHED', offerNewTeam: false });
    // The limit raised, the same shopper may join one more team, and no more.
    expect((await staffCall('PATCH', `/group-buys/${id}`, operator, { perCustomerLimit: 2 })).statusCode).toBe(200);
    const third = await take(await shopper(), `/group-buys/${id}/teams`);
    const both = await Promise.all([other, third].map((x) => seat(s, `/group-buys/teams/${x.teamId}/join`)));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const missed = both[0].statusCode === 409 ? other : third;
    expect(both.find((r) => r.statusCode === 409)!.json().code).toBe('GROUP_LIMIT_REACHED');
    // Their own unpaid order cancelled, its seat no longer counts: the team missed takes them now.
    const number = (await orderOf(s, own.id)).number;
    expect((await store('POST', `/orders/${number}/cancel`, s.auth, {})).statusCode).toBe(200);
    await t.settle();
    expect((await seat(s, `/group-buys/teams/${missed.teamId}/join`)).statusCode).toBe(201);
  });

  it('模拟成团 at the deadline: the house takes the last seat and the paid orders ship; a team further off fails and is refunded', async () => {
    const id = await offer({ simulatedFill: { enabled: true, maxSeatsLeft: 1 } });
    const leader = await shopper();
    const nearly = await take(leader, `/group-buys/${id}/teams`);
    const a = await shopper();
    const seatA = await take(a, `/group-buys/teams/${nearly.teamId}/join`);
    const lonely = await take(await shopper(), `/group-buys/${id}/teams`);

    t.clock.advance(24 * HOUR + 60_000);
    expect(await t.k.recurring.runOne(EXPIRE_GROUP_BUY_TEAMS_JOB)).toBe(true);
    await t.settle();
    await signInStaff(); // a day has passed: fresh sessions
    expect(await team(nearly.teamId)).toMatchObject({ state: 'filled', paid: 2, houseSeats: 1, seatsLeft: 0 });
    // Nothing refunded: the money stays, and both orders may ship.
    for (const o of [nearly, seatA]) {
      expect((await staffCall('GET', `/orders/${o.id}`, warehouse)).json().shippingHold).toBeNull();
      expect(await ledgerNet(t, o.id)).toBe(o.total);
    }
    const shipped = await staffCall('POST', `/orders/${seatA.id}/ship`, warehouse, { carrier: 'sf', trackingNumber: 'SF9876543210' });
    expect(shipped.statusCode, shipped.body).toBe(201);
    expect(await team(lonely.teamId)).toMatchObject({ state: 'failed' });
    expect(await ledgerNet(t, lonely.id)).toBe(0);
    expect((await staffCall('GET', `/group-buys/${id}/report`, analyst)).json()).toMatchObject({ teams: { filled: 1, failed: 1 }, successRate: 0.5, gmv: nearly.total + seatA.total, refundedOrders: 1 });
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });
});

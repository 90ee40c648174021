import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { GROUP_BUYS_TAG } from './types.js';

/**
 * What the storefront reads to lead shoppers to group buys, through HTTP on both shapes: the offers
 * on sale (one shared, cached answer — the product badges, the home block and the sitemap are built
 * from it — evicted by every change an operator makes), a shopper's own teams with their order's
 * money, and the team of one of their orders (the order page's link). Bad ids are 4xx problems.
 */
describeEachBackend('group buys: the store reads behind the storefront’s entry points', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let p: SeededProduct;
  let other: SeededProduct;

  type Shopper = { auth: Record<string, string>; addressId: string };
  const store = (method: 'GET' | 'POST', url: string, auth: Record<string, string> = {}, payload?: unknown) =>
    t.app.inject({ method, url: `/api/store${url}`, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const staffCall = (method: 'POST' | 'PATCH', url: string, payload: unknown) => t.app.inject({ method, url: `/api/admin${url}`, headers: operator.auth, payload: payload as object });
  let seq = 0;
  const shopper = async (): Promise<Shopper> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/store/auth/register', remoteAddress: `10.7.${Math.floor(++seq / 250)}.${seq % 250}`, payload: { email: `gbr-${randomUUID()}@example.com`, password: 'correct horse battery' } });
    expect(res.statusCode, res.body).toBe(201);
    const auth = { authorization: `Bearer ${res.json().token}` };
    const saved = await store('POST', '/me/addresses', auth, { recipientName: '孙八', mobile: '13500135000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科苑路 9 号' });
    expect(saved.statusCode, saved.body).toBe(201);
    return { auth, addressId: saved.json().id as string };
  };
  const offer = async (product: SeededProduct, name: string, groupPrice = 9900) => {
    const res = await staffCall('POST', '/group-buys', { name: { 'zh-CN': name, en: name }, productId: product.productId, variants: [{ variantId: product.variantIds[0], groupPrice }], teamSize: 3, leaderDiscount: 500, simulatedFill: { enabled: true, maxSeatsLeft: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const offers = async () => {
    const res = await store('GET', '/group-buys');
    expect(res.statusCode, res.body).toBe(200);
    return { res, items: res.json().items as Array<{ id: string; productId: string; variants: Array<{ groupPrice: number }> } & Record<string, unknown>> };
  };
  const take = async (s: Shopper, url: string, paid = true) => {
    const res = await store('POST', url, s.auth, { variantId: p.variantIds[0], quantity: 1, addressId: s.addressId });
    expect(res.statusCode, res.body).toBe(201);
    const order = { id: res.json().orderId as string, total: res.json().total as number, teamId: res.json().teamId as string };
    if (paid) {
      await payOrder(t, s.auth, order);
      await t.settle();
    }
    return order;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(new Date('2026-12-12T10:00:00Z'));
    operator = await loginStaff(t, 'operator');
    [p, other] = [await seedProduct(t, { stock: 50, prices: [19900] }), await seedProduct(t, { stock: 50, prices: [5900] })];
  });
  afterAll(() => t.close());

  it('lists the offers on sale, newest first, as one shared answer; every change an operator makes shows at once', async () => {
    expect((await offers()).items).toEqual([]);
    const first = await offer(p, '三人团');
    const second = await offer(other, '好友团', 3900);
    const listed = await offers();
    expect(listed.items.map((o) => o.id)).toEqual([second, first]);
    expect(listed.items[1]).toEqual({ id: first, name: { 'zh-CN': '三人团', en: '三人团' }, productId: p.productId, variants: [{ variantId: p.variantIds[0], groupPrice: 9900 }], teamSize: 3, timeLimitMinutes: 1440, leaderDiscount: 500 });
    // Nothing of the house's settings (模拟成团) nor the staff's bookkeeping.
    for (const key of ['simulatedFill', 'status', 'perCustomerLimit', 'createdAt']) expect(listed.items[1]).not.toHaveProperty(key);
    // Public and tagged: the storefront's bridge and pages keep it until an offer changes.
    expect(listed.res.headers['cache-control']).toMatch(/^public/);
    expect(String(listed.res.headers['surrogate-key']).split(' ')).toEqual([GROUP_BUYS_TAG]);
    const again = await offers();
    expect(again.res.headers.etag).toBe(listed.res.headers.etag);

    // An edit, a pause, a resume and an end: each seen on the next read.
    expect((await staffCall('PATCH', `/group-buys/${first}`, { variants: [{ variantId: p.variantIds[0], groupPrice: 8800 }] })).statusCode).toBe(200);
    expect((await offers()).items.find((o) => o.id === first)?.variants[0].groupPrice).toBe(8800);
    expect((await staffCall('POST', `/group-buys/${second}/status`, { status: 'paused' })).statusCode).toBe(200);
    expect((await offers()).items.map((o) => o.id)).toEqual([first]);
    expect((await staffCall('POST', `/group-buys/${second}/status`, { status: 'active' })).statusCode).toBe(200);
    expect((await offers()).items.map((o) => o.id)).toEqual([second, first]);
    expect((await staffCall('POST', `/group-buys/${second}/status`, { status: 'ended' })).statusCode).toBe(200);
    expect((await offers()).items.map((o) => o.id)).toEqual([first]);
    // A refused edit changes nothing and evicts nothing.
    const before = await offers();
    expect((await staffCall('PATCH', `/group-buys/${first}`, { variants: [{ variantId: p.variantIds[0], groupPrice: 99_999 }] })).statusCode).toBe(422);
    expect((await offers()).res.headers.etag).toBe(before.res.headers.etag);
  });

  it('my teams carry the offer’s product and my order’s money; the team of one of my orders is found by the order', async () => {
    const activityId = (await offers()).items[0].id;
    const leader = await shopper();
    const member = await shopper();
    const opened = await take(leader, `/group-buys/${activityId}/teams`);
    const joined = await take(member, `/group-buys/teams/${opened.teamId}/join`);

    const mine = (await store('GET', '/me/group-buys', member.auth)).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ productId: p.productId, orderId: joined.id, role: 'member', seat: 'paid', paidAmount: joined.total, refundedAmount: 0, team: { id: opened.teamId, state: 'open', seatsLeft: 1 } });

    const ofOrder = await store('GET', `/me/group-buys/orders/${opened.id}`, leader.auth);
    expect(ofOrder.statusCode, ofOrder.body).toBe(200);
    expect(ofOrder.json()).toMatchObject({ orderId: opened.id, role: 'leader', seat: 'paid', paidAmount: opened.total, productId: p.productId, activityName: { 'zh-CN': '三人团' }, team: { id: opened.teamId, sharePath: `/group-buys/teams/${opened.teamId}` } });

    // 退团: the member's order is refunded in full, and both reads say so.
    const left = await store('POST', `/group-buys/teams/${opened.teamId}/leave`, member.auth, {});
    expect(left.statusCode, left.body).toBe(200);
    await t.settle();
    expect((await store('GET', `/me/group-buys/orders/${joined.id}`, member.auth)).json()).toMatchObject({ seat: 'refunded', paidAmount: joined.total, refundedAmount: joined.total, team: { seatsLeft: 2 } });
  });

  it('the team of an order is only its shopper’s: someone else’s order, an order of no team and bad ids answer 4xx problems, never 500', async () => {
    const activityId = (await offers()).items[0].id;
    const a = await shopper();
    const b = await shopper();
    const opened = await take(a, `/group-buys/${activityId}/teams`, false);
    const plain = await placeOrder(t, a.auth, other.variantIds[0], 1);
    expect(plain.status, JSON.stringify(plain.body)).toBe(201);

    const cases: Array<[string, Record<string, string>, number]> = [
      [`/me/group-buys/orders/${opened.id}`, b.auth, 404], // not theirs: as if there were none
      [`/me/group-buys/orders/${plain.body.id}`, a.auth, 404], // an order of no team
      [`/me/group-buys/orders/${randomUUID()}`, a.auth, 404],
      [`/me/group-buys/orders/${opened.id}`, {}, 401],
      ['/me/group-buys/orders/not-a-uuid', a.auth, 400],
      [`/me/group-buys/orders/${opened.id.slice(0, 35)}g`, a.auth, 400],
      ['/me/group-buys/orders/%00', a.auth, 400],
      // Past the router's longest parameter: no route matches (the platform's 404 problem).
      [`/me/group-buys/orders/${'9'.repeat(5000)}`, a.auth, 404],
      ['/group-buys/not-a-uuid', {}, 400],
      [`/group-buys/${randomUUID()}`, {}, 404],
      ['/group-buys/teams/%E2%80%AE', {}, 400],
      [`/group-buys/teams/${randomUUID()}`, {}, 404],
      ['/me/group-buys', {}, 401],
    ];
    for (const [url, auth, status] of cases) {
      const res = await store('GET', url, auth);
      expect(res.statusCode, `${url.slice(0, 60)} ${res.body.slice(0, 200)}`).toBe(status);
      expect(res.headers['content-type'], url.slice(0, 60)).toContain('application/problem+json');
      expect(typeof res.json().code).toBe('string');
    }
    // The list takes no parameters: anything sent beside it is ignored — but a NUL anywhere is refused, as everywhere.
    const odd = await store('GET', '/group-buys?limit=-1&x=y');
    expect(odd.statusCode).toBe(200);
    expect(odd.json().items.length).toBeGreaterThan(0);
    const nul = await store('GET', '/group-buys?x=%00');
    expect(nul.statusCode).toBe(400);
    expect(nul.headers['content-type']).toContain('application/problem+json');
    // The order's own shopper finds it.
    expect((await store('GET', `/me/group-buys/orders/${opened.id}`, a.auth)).json()).toMatchObject({ seat: 'held', paidAmount: 0, role: 'leader' });
  });
});

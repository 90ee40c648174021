import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper, uniqueEmail, type Shopper } from '../../../../test/support/customers.js';
import { placeOrder, seedProduct, testAddress, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { DEFAULT_REFERRAL_POLICY } from './policy.js';

const DAY = 86_400_000;

describeEachBackend('referral: codes, accepting, the guard, rewards after the refund window', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let analyst: StaffLogin;
  let finance: StaffLogin;
  let p: SeededProduct;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const mine = async (who: Shopper) => {
    const res = await inject('GET', '/api/store/me/referral', who.auth);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const accept = (who: Shopper, code: string, extra: Record<string, string> = {}) => inject('POST', '/api/store/me/referral/accept', { ...who.auth, ...extra }, { code });
  /** A new invitee of `inviter`, bound (pending). */
  const invited = async (inviter: Shopper) => {
    const friend = await registerShopper(t);
    const res = await accept(friend, (await mine(inviter)).code);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().state).toBe('pending');
    return friend;
  };
  const paidOrder = async (who: Shopper) => {
    const placed = await placeOrder(t, who.auth, p.variantIds[0]!, 1);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    await payOrder(t, who.auth, placed.body);
    await t.settle();
    return placed.body as { id: string; total: number; number: string };
  };
  const stateOf = async (invitee: Shopper) => (await t.services.referral.referralOf(invitee.customerId))!;
  const gifts = async (who: Shopper) => (await t.services.points.ledgerOf(who.customerId)).filter((l) => l.kind === 'gift').map((l) => `${l.delta}:${l.reason}`);
  const setPolicy = async (over: Partial<typeof DEFAULT_REFERRAL_POLICY>) => {
    const res = await inject('PUT', '/api/admin/referral/policy', operator.auth, { ...DEFAULT_REFERRAL_POLICY, ...over });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** Runs `fn` with the store clock moved on by `ms`, then moves it back (sessions and other suites' times stay sane). */
  const later = async <T,>(ms: number, fn: () => Promise<T>): Promise<T> => {
    t.clock.advance(ms);
    try {
      return await fn();
    } finally {
      t.clock.advance(-ms);
    }
  };
  /** Registers through the API keeping the browser's device cookie, as the storefront's bridge does. */
  const registerOn = async (deviceCookie?: string) => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/store/auth/register', headers: deviceCookie ? { cookie: deviceCookie } : {},
      payload: { email: uniqueEmail('device'), password: 'correct horse battery' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const device = cookies.find((c) => c.startsWith('sk_device='))!.split(';')[0]!;
    const body = res.json();
    return { shopper: { customerId: body.customer.id, auth: { authorization: `Bearer ${body.token}` } } as Shopper, device };
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    operator = await loginStaff(t, 'operator');
    analyst = await loginStaff(t, 'analyst');
    finance = await loginStaff(t, 'finance');
    p = await seedProduct(t, { stock: 500, prices: [6000] });
  });
  afterAll(() => t.close());

  it('the policy: read by analysts, changed by operators (audited), refused when malformed or naming no coupon', async () => {
    const got = await inject('GET', '/api/admin/referral/policy', analyst.auth);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toEqual(DEFAULT_REFERRAL_POLICY);
    expect((await inject('PUT', '/api/admin/referral/policy', analyst.auth, DEFAULT_REFERRAL_POLICY)).statusCode).toBe(403);
    expect((await inject('GET', '/api/admin/referral/policy', {})).statusCode).toBe(401);
    const bad = await inject('PUT', '/api/admin/referral/policy', operator.auth, { ...DEFAULT_REFERRAL_POLICY, refundWindowDays: -1 });
    expect(bad.statusCode).toBe(400);
    expect((await inject('PUT', '/api/admin/referral/policy', operator.auth, { ...DEFAULT_REFERRAL_POLICY, extra: 1 })).statusCode).toBe(400);
    const noCoupon = await inject('PUT', '/api/admin/referral/policy', operator.auth, { ...DEFAULT_REFERRAL_POLICY, invitee: { points: 0, couponTemplateId: randomUUID() } });
    expect(noCoupon.statusCode).toBe(422);
    expect(noCoupon.json().code).toBe('REFERRAL_COUPON_UNKNOWN');
    await setPolicy({ inviter: { points: 600, couponTemplateId: null } });
    expect((await inject('GET', '/api/admin/referral/policy', analyst.auth)).json().inviter.points).toBe(600);
    const audit = await inject('GET', '/api/admin/audit-log?action=marketing.referral.policy', (await loginStaff(t, 'admin')).auth);
    expect(audit.json().items[0]).toMatchObject({ before: { inviter: { points: 500 } }, after: { inviter: { points: 600 } } });
    await setPolicy({});
  });

  it('a code is made once, even when the first asks come at once; the link carries it', async () => {
    const a = await registerShopper(t);
    const answers = await Promise.all(Array.from({ length: 8 }, () => inject('GET', '/api/store/me/referral', a.auth)));
    const codes = new Set(answers.map((r) => r.json().code));
    expect(codes.size).toBe(1);
    const [code] = [...codes];
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    const again = await mine(a);
    expect(again).toMatchObject({ code, link: `/account/register?ref=${code}`, invited: { pending: 0, qualified: 0, rewarded: 0, rejected: 0 }, rewards: { points: 0, coupons: 0 }, recent: [] });
    expect(again.rules).toMatchObject({ enabled: true, inviter: { points: 500 }, invitee: { points: 200 }, refundWindowDays: 7 });
    expect((await inject('GET', '/api/store/me/referral', {})).statusCode).toBe(401);
    // What the code offers a friend, without signing in; any case; a code nobody has is 404.
    const offer = await inject('GET', `/api/store/referral/codes/${code!.toLowerCase()}`, {});
    expect(offer.statusCode, offer.body).toBe(200);
    expect(offer.json()).toMatchObject({ code, invitee: { points: 200 }, inviter: expect.stringMatching(/^.\*\*\*@example\.com$/) });
    expect((await inject('GET', '/api/store/referral/codes/ZZZZZZ', {})).statusCode).toBe(404);
    expect((await inject('GET', '/api/store/referral/codes/%3Cscript%3E', {})).statusCode).toBe(400);
  });

  it('accepting: own code refused, unknown code 404, bad input 400, only once, only soon after registering, only signed in', async () => {
    const a = await registerShopper(t);
    const { code } = await mine(a);
    const own = await accept(a, code);
    expect(own.statusCode).toBe(422);
    expect(own.json().code).toBe('REFERRAL_OWN_CODE');
    const b = await registerShopper(t);
    const unknown = await accept(b, 'ZZZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('REFERRAL_CODE_UNKNOWN');
    expect((await inject('POST', '/api/store/me/referral/accept', b.auth, { code: 'a b' })).statusCode).toBe(400);
    expect((await inject('POST', '/api/store/me/referral/accept', b.auth, {})).statusCode).toBe(400);
    expect((await inject('POST', '/api/store/me/referral/accept', b.auth, { code, more: 1 })).statusCode).toBe(400);
    expect((await inject('POST', '/api/store/me/referral/accept', {}, { code })).statusCode).toBe(401);
    const first = await accept(b, code.toLowerCase());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ state: 'pending', reason: null });
    const twice = await accept(b, code);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('REFERRAL_ALREADY_BOUND');
    // Another inviter's code, twice at once: one binding at most.
    const c = await registerShopper(t);
    const other = (await mine(await registerShopper(t))).code;
    const race = await Promise.all([accept(c, code), accept(c, other)]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    // Too late: an hour after the account was made.
    const late = await registerShopper(t);
    t.clock.advance(61 * 60_000);
    try {
      const res = await accept(late, code);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('REFERRAL_TOO_LATE');
    } finally {
      t.clock.advance(-61 * 60_000);
    }
    // b, and c when A's code won the race.
    expect((await mine(a)).invited.pending).toBe(race[0]!.statusCode === 201 ? 2 : 1);
    expect((await mine(a)).recent[0].who).toMatch(/^.\*\*\*@example\.com$/);
  });

  it('rewards both sides once the first order has stood the refund window, exactly once under replays', async () => {
    const a = await registerShopper(t);
    const b = await invited(a);
    const order = await paidOrder(b);
    expect(await stateOf(b)).toMatchObject({ state: 'qualified', firstOrderId: order.id, firstPaidTotal: order.total });
    // Within the window: nothing yet.
    expect(await later(6 * DAY, () => t.services.referral.rewardDue())).toBe(0);
    expect((await stateOf(b)).state).toBe('qualified');
    expect(await later(7 * DAY + 60_000, () => t.services.referral.rewardDue())).toBe(1);
    expect(await stateOf(b)).toMatchObject({ state: 'rewarded', inviterPoints: 500, inviteePoints: 200, inviterCapped: false });
    expect(await gifts(a)).toEqual(['500:referral']);
    expect(await gifts(b)).toEqual(['200:referral']);
    // Replays: the job again, the payment event again, a refund after the window — nothing moves.
    expect(await later(8 * DAY, () => t.services.referral.rewardDue())).toBe(0);
    await t.services.referral.onPaid({ orderId: order.id, number: order.number, customerId: b.customerId, status: 'paid', total: order.total, lines: [] });
    const refund = await inject('POST', `/api/admin/orders/${order.id}/refunds`, finance.auth, { reason: 'changed mind' });
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    await t.settle();
    expect((await stateOf(b)).state).toBe('rewarded');
    expect(await gifts(a)).toEqual(['500:referral']);
    const page = await mine(a);
    expect(page).toMatchObject({ invited: { rewarded: 1 }, rewards: { points: 500, coupons: 0 }, recent: [{ state: 'rewarded' }] });
    // A second order of the invitee qualifies nothing more.
    await paidOrder(b);
    expect((await stateOf(b)).firstOrderId).toBe(order.id);
  });

  it('two job runners at once reward each referral once; a coupon reward is granted with the points', async () => {
    const tpl = await inject('POST', '/api/admin/coupon-templates', operator.auth, { name: { 'zh-CN': '邀请券', en: 'Invite coupon' }, action: { kind: 'amountOff', threshold: 0, amount: 1000 }, validDays: 30 });
    expect(tpl.statusCode, tpl.body).toBe(201);
    await setPolicy({ invitee: { points: 200, couponTemplateId: tpl.json().id } });
    try {
      const a = await registerShopper(t);
      const friends = [await invited(a), await invited(a), await invited(a)];
      for (const f of friends) await paidOrder(f);
      const [x, y] = await later(8 * DAY, () => Promise.all([t.services.referral.rewardDue(), t.services.referral.rewardDue()]));
      expect(x + y).toBe(3);
      expect(await gifts(a)).toEqual(['500:referral', '500:referral', '500:referral']);
      for (const f of friends) {
        expect(await gifts(f)).toEqual(['200:referral']);
        const coupons = (await inject('GET', '/api/store/me/coupons', f.auth)).json().items;
        expect(coupons.filter((c: { templateId: string }) => c.templateId === tpl.json().id)).toHaveLength(1);
        expect((await stateOf(f)).inviteeCouponId).toBe(coupons[0].id);
      }
      expect((await mine(a)).rules.invitee.couponName).toEqual({ 'zh-CN': '邀请券', en: 'Invite coupon' });
    } finally {
      await setPolicy({});
    }
  });

  it('past the monthly limit only the friend is rewarded', async () => {
    await setPolicy({ monthlyLimit: 1 });
    try {
      const a = await registerShopper(t);
      const friends = [await invited(a), await invited(a)];
      for (const f of friends) await paidOrder(f);
      expect(await later(8 * DAY, () => t.services.referral.rewardDue())).toBe(2);
      const states = await Promise.all(friends.map(stateOf));
      expect(states.map((s) => s.inviterCapped).sort()).toEqual([false, true]);
      expect(await gifts(a)).toEqual(['500:referral']);
      for (const f of friends) expect(await gifts(f)).toEqual(['200:referral']);
    } finally {
      await setPolicy({});
    }
  });

  it('a first order fully refunded within the window rewards nobody; a first order below the minimum does not count', async () => {
    const a = await registerShopper(t);
    const b = await invited(a);
    const order = await paidOrder(b);
    const refund = await inject('POST', `/api/admin/orders/${order.id}/refunds`, finance.auth, { reason: 'out of stock' });
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    await t.settle();
    expect(await stateOf(b)).toMatchObject({ state: 'rejected', reason: 'firstOrderRefunded' });
    await later(8 * DAY, () => t.services.referral.rewardDue());
    expect(await gifts(a)).toEqual([]);
    expect(await gifts(b)).toEqual([]);
    expect((await mine(a)).invited).toMatchObject({ rejected: 1, rewarded: 0 });

    await setPolicy({ minFirstOrder: 100_000 });
    try {
      const c = await invited(a);
      await paidOrder(c);
      expect((await stateOf(c)).state).toBe('pending');
    } finally {
      await setPolicy({});
    }
  });

  it('the guard: a first order sent to the inviter’s address is rejected with a reason staff see', async () => {
    const a = await registerShopper(t);
    const saved = await inject('POST', '/api/store/me/addresses', a.auth, {
      recipientName: testAddress.recipient, mobile: testAddress.mobile, provinceCode: testAddress.provinceCode, cityCode: testAddress.cityCode, districtCode: testAddress.districtCode, detail: '科技园路1号',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const b = await invited(a);
    await paidOrder(b); // to testAddress: 科技园路 1 号, the same place written with spaces
    expect(await later(8 * DAY, () => t.services.referral.rewardDue())).toBe(0);
    expect(await stateOf(b)).toMatchObject({ state: 'rejected', reason: 'sameAddress' });
    expect(await gifts(a)).toEqual([]);
    const list = await inject('GET', '/api/admin/referrals?state=rejected', analyst.auth);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toContainEqual(expect.objectContaining({ invitee: expect.objectContaining({ id: b.customerId }), state: 'rejected', reason: 'sameAddress' }));
  });

  it('the guard: a friend registering in the inviter’s browser is bound as rejected (same device)', async () => {
    const { shopper: a, device } = await registerOn();
    await inject('GET', '/api/store/me/referral', { ...a.auth, cookie: device }); // the inviter opens the invite page there
    const { shopper: b, device: bDevice } = await registerOn(device);
    expect(bDevice.split('.')[0]).toBe(device.split('.')[0]); // the browser keeps its device id
    const res = await accept(b, (await mine(a)).code, { cookie: bDevice });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'rejected', reason: 'sameDevice' });
    // A friend on another browser is bound as pending.
    const { shopper: c, device: cDevice } = await registerOn();
    expect((await accept(c, (await mine(a)).code, { cookie: cDevice })).json().state).toBe('pending');
  });

  it('the staff list: filtered by state, paged, for marketing.read only; bad input refused', async () => {
    const first = await inject('GET', '/api/admin/referrals?limit=2', analyst.auth);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items).toHaveLength(2);
    const next = await inject('GET', `/api/admin/referrals?limit=2&cursor=${encodeURIComponent(first.json().nextCursor)}`, analyst.auth);
    expect(next.json().items[0].id).not.toBe(first.json().items[0].id);
    expect((await inject('GET', '/api/admin/referrals?state=lost', analyst.auth)).statusCode).toBe(400);
    expect((await inject('GET', '/api/admin/referrals?cursor=forged', analyst.auth)).statusCode).toBe(400);
    expect((await inject('GET', '/api/admin/referrals', (await registerShopper(t)).auth)).statusCode).toBe(401);
    const warehouse = await loginStaff(t, 'warehouse');
    expect((await inject('GET', '/api/admin/referrals', warehouse.auth)).statusCode).toBe(403);
  });
});

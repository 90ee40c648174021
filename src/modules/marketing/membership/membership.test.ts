import { TZDate } from '@date-fns/tz';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../../test/support/customers.js';
import { seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { DEFAULT_MEMBER_PROGRAM, type MemberProgram } from './program.js';

describeEachBackend('membership: growth, tiers that upgrade at once, benefits at checkout, the yearly review, birthdays', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let finance: StaffLogin;
  let p: SeededProduct;
  let ship: string;
  /** Days the clock was moved so that "today" can be member day (days 29–31 cannot). */
  let shifted = 0;

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const today = () => new TZDate(t.clock.now().getTime(), t.k.timezone.get());
  /** Low thresholds so one order moves a shopper: silver at 100 growth (free shipping), gold at 300 (10% on member day). */
  const program = (): MemberProgram => {
    const [regular, silver, gold, platinum] = DEFAULT_MEMBER_PROGRAM.tiers;
    return {
      ...DEFAULT_MEMBER_PROGRAM,
      memberDay: today().getDate(),
      tiers: [
        regular!,
        { ...silver!, threshold: 100, keep: 50, benefits: { ...silver!.benefits, freeShipping: true, pointsMultiplierBps: 20_000 } },
        { ...gold!, threshold: 300, keep: 200, benefits: { ...gold!.benefits, memberDayPercentOff: 10 } },
        { ...platinum!, threshold: 100_000, keep: 50_000 },
      ],
    };
  };
  const buy = async (who: Shopper, quantity: number) => {
    const placed = await inject('POST', '/api/store/orders', who.auth, { items: [{ variantId: p.variantIds[0], quantity }], shippingMethodId: ship, address: testAddress });
    expect(placed.statusCode, placed.body).toBe(201);
    await payOrder(t, who.auth, placed.json());
    await t.settle();
    return placed.json();
  };
  const me = async (who: Shopper) => (await inject('GET', '/api/store/me/membership', who.auth)).json();

  beforeAll(async () => {
    t = await startTestApp(backend);
    if (today().getDate() > 28) {
      shifted = 4;
      t.clock.advance(shifted * 86_400_000);
    }
    operator = await loginStaff(t, 'operator');
    finance = await loginStaff(t, 'finance');
    p = await seedProduct(t, { stock: 500, prices: [6000] });
    ship = await standardShipping(t);
    const set = await inject('PUT', '/api/admin/membership/program', operator.auth, program());
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(() => t.close());

  it('refuses a programme whose tiers do not rise or do not start at zero', async () => {
    const bad = program();
    bad.tiers = [bad.tiers[1]!, bad.tiers[0]!];
    const res = await inject('PUT', '/api/admin/membership/program', operator.auth, bad);
    expect(res.statusCode).toBe(400);
    expect((await inject('PUT', '/api/admin/membership/program', (await loginStaff(t, 'analyst')).auth, program())).statusCode).toBe(403);
  });

  it('a new shopper is in the first tier, with the way to the next', async () => {
    const s = await registerShopper(t);
    expect(await me(s)).toMatchObject({ tier: { code: 'regular' }, growth: 0, next: { code: 'silver', needed: 100 } });
    expect((await inject('GET', '/api/store/me/membership', {})).statusCode).toBe(401);
  });

  it('a paid order grows the member and upgrades them at once; the new tier’s benefits apply to the next quote', async () => {
    const s = await registerShopper(t);
    const before = await inject('GET', `/api/store/checkout/quote?variantId=${p.variantIds[0]}&quantity=1&shippingMethodId=${ship}`, s.auth);
    expect(before.json().quote.shippingDiscount).toBe(0);
    expect(before.json().quote.shippingFee).toBeGreaterThan(0);
    await buy(s, 2); // ¥120 of goods → 120 growth: silver
    const m = await me(s);
    expect(m).toMatchObject({ tier: { code: 'silver', benefits: { freeShipping: true } }, growth: 120, next: { code: 'gold', needed: 180 } });
    const after = (await inject('GET', `/api/store/checkout/quote?variantId=${p.variantIds[0]}&quantity=1&shippingMethodId=${ship}`, s.auth)).json();
    expect(after.quote.shippingDiscount).toBe(after.quote.shippingFee);
    expect(after.offers.explanations.map((e: { text: { 'zh-CN': string } }) => e.text['zh-CN']).join()).toContain('会员包邮');
    const growth = (await inject('GET', '/api/store/me/membership/growth', s.auth)).json().items;
    expect(growth[0]).toMatchObject({ kind: 'order', delta: 120, tierBefore: 'regular', tierAfter: 'silver' });
  });

  it('a silver member earns points ×2 on their next order', async () => {
    const s = await registerShopper(t);
    await buy(s, 2); // regular while paying: 120 points pending, and now silver
    await buy(s, 1); // silver: ¥60 of goods → 120 points
    expect((await inject('GET', '/api/store/me/points', s.auth)).json().pending).toBe(240);
  });

  it('member day: gold members get their extra 10% off, others do not', async () => {
    const gold = await registerShopper(t);
    await buy(gold, 5); // ¥300 → gold
    expect((await me(gold)).tier.code).toBe('gold');
    expect((await me(gold)).isMemberDay).toBe(true);
    const regular = await registerShopper(t);
    const quote = async (who: Shopper) => (await inject('GET', `/api/store/checkout/quote?variantId=${p.variantIds[0]}&quantity=1`, who.auth)).json();
    const g = await quote(gold);
    expect(g.quote.discountTotal).toBe(600);
    expect(g.offers.explanations.map((e: { text: { 'zh-CN': string } }) => e.text['zh-CN']).join()).toContain('会员日黄金会员专享9折');
    expect((await quote(regular)).quote.discountTotal).toBe(0);
  });

  it('a refund takes back its share of growth; the tier stays until the yearly review', async () => {
    const s = await registerShopper(t);
    const o = await buy(s, 2);
    expect(await me(s)).toMatchObject({ tier: { code: 'silver' }, growth: 120 });
    const refund = await inject('POST', `/api/admin/orders/${o.id}/refunds`, finance.auth, { reason: 'changed mind' });
    expect(refund.statusCode, refund.body).toBeLessThan(300);
    await t.settle();
    expect(await me(s)).toMatchObject({ tier: { code: 'silver' }, growth: 0 });
    // Replays change nothing.
    await t.k.db.transaction(() => t.services.membership.onRefunded({ orderId: o.id, number: o.number, customerId: s.customerId, status: 'refunded', total: o.total, amount: o.total, keptAmount: 0 }));
    expect((await me(s)).growth).toBe(0);
  });

  it('the yearly review keeps a tier whose keep was reached (保级) and lowers one whose was not; growth restarts', async () => {
    const kept = await registerShopper(t);
    await buy(kept, 5); // gold with 300 ≥ keep 200
    const dropped = await registerShopper(t);
    const o = await buy(dropped, 5); // gold…
    await inject('POST', `/api/admin/orders/${o.id}/refunds`, finance.auth, { reason: 'changed mind', lines: [{ lineId: o.lines[0].id, quantity: 3 }] });
    await t.settle(); // …with 120 growth left: below gold's keep, silver's threshold reached
    expect(await me(dropped)).toMatchObject({ tier: { code: 'gold' }, growth: 120 });
    const year = today().getFullYear();
    const jump = new TZDate(year + 1, 0, 1, 0, 30, 0, t.k.timezone.get()).getTime() - t.clock.now().getTime();
    t.clock.advance(jump);
    try {
      expect(await t.services.membership.review()).toBeGreaterThanOrEqual(2);
      expect(await t.services.membership.view(kept.customerId)).toMatchObject({ tier: { code: 'gold' }, growth: 0 });
      expect(await t.services.membership.view(dropped.customerId)).toMatchObject({ tier: { code: 'silver' }, growth: 0 });
      expect(await t.services.membership.review()).toBe(0); // once per review
      expect((await t.services.membership.history(dropped.customerId))[0]).toMatchObject({ kind: 'review', tierBefore: 'gold', tierAfter: 'silver', delta: -120 });
    } finally {
      t.clock.advance(-jump);
    }
  });

  it('the birthday is given once; the gift comes on the day, once a year', async () => {
    const s = await registerShopper(t);
    await buy(s, 2); // silver: 100 birthday points
    const d = today();
    const birthday = `1988-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect((await inject('PUT', '/api/store/me/membership/birthday', s.auth, { birthday: '2999-01-01' })).statusCode).toBe(400);
    expect((await inject('PUT', '/api/store/me/membership/birthday', s.auth, { birthday: '1990-02-30' })).statusCode).toBe(400);
    // Two saves at once (a double tap, the year corrected): one is kept, the other refused.
    const other = `1992${birthday.slice(4)}`; // leap years both: a 29 February run still has a real date
    const saves = await Promise.all([birthday, other].map((b) => inject('PUT', '/api/store/me/membership/birthday', s.auth, { birthday: b })));
    expect(saves.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const kept = saves[0]!.statusCode === 200 ? birthday : other;
    expect((await me(s)).birthday).toBe(kept);
    const again = await inject('PUT', '/api/store/me/membership/birthday', s.auth, { birthday: '1991-01-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('BIRTHDAY_SET');
    expect(await t.services.membership.giveBirthdayGifts()).toBeGreaterThanOrEqual(1);
    expect(await t.services.membership.giveBirthdayGifts()).toBe(0);
    const ledger = await t.services.points.ledgerOf(s.customerId);
    expect(ledger.filter((l) => l.kind === 'gift')).toMatchObject([{ delta: 100, reason: 'birthday' }]);
  });

  it('staff see a customer’s membership with its history', async () => {
    const s = await registerShopper(t);
    await buy(s, 2);
    const res = await inject('GET', `/api/admin/customers/${s.customerId}/membership`, (await loginStaff(t, 'analyst')).auth);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ tier: { code: 'silver' }, history: [{ kind: 'order', delta: 120 }] });
    expect(shifted).toBeGreaterThanOrEqual(0);
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../../test/support/customers.js';
import { emptyCart, seedProduct, standardShipping, testAddress, type SeededProduct } from '../../../../test/support/commerce.js';
import { payOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import type { DomainEvent } from '../../../platform/outbox/outbox.js';
import type { OrderPaid, OrderRefunded } from '../../orders/index.js';

const zhEn = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const DAY = 86_400_000;

describeEachBackend('campaigns: planned, published, landing page, attributed orders and their report', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let analyst: StaffLogin;
  let warehouse: StaffLogin;
  let finance: StaffLogin;
  let admin: StaffLogin;
  let p: SeededProduct;
  let hidden: SeededProduct;
  let ship: string;

  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const staffApi = (who: StaffLogin) => (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => inject(method, `/api/admin${url}`, who.auth, payload);
  const iso = (ms: number) => new Date(t.clock.now().getTime() + ms).toISOString();
  const body = (over: Record<string, unknown> = {}) => ({
    slug: `spring-${randomUUID().slice(0, 8)}`,
    kind: 'theme',
    name: zhEn('春日焕新', 'Spring refresh'),
    summary: zhEn('全场好物限时优惠', 'Great finds, limited time'),
    startsAt: iso(-DAY),
    endsAt: iso(30 * DAY),
    blocks: [
      { kind: 'banner', title: zhEn('春日焕新', 'Spring refresh'), subtitle: null, imageId: null },
      { kind: 'text', body: zhEn('第一行\n第二行', 'Line one\nline two') },
      { kind: 'products', title: zhEn('爆款', 'Best sellers'), productIds: [p.productId, hidden.productId] },
      { kind: 'countdown', title: null },
    ],
    channels: ['kol', 'email', 'shortVideo'],
    budget: 5000,
    goals: { gmv: 100000, orders: 10 },
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await staffApi(operator)('POST', '/campaigns', body(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const template = async () => {
    const res = await staffApi(operator)('POST', '/coupon-templates', { name: zhEn('立减10元', '¥10 off'), action: { kind: 'amountOff', amount: 1000 }, validDays: 7, perCustomerLimit: 5 });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const buy = async (who: Shopper, quantity: number, extra: Record<string, unknown>) => {
    const cart = await emptyCart(t, who.auth);
    await inject('POST', `/api/store/carts/${cart.id}/items`, who.auth, { variantId: p.variantIds[0], quantity });
    const res = await inject('POST', '/api/store/orders', who.auth, { cartId: cart.id, shippingMethodId: ship, address: testAddress, ...extra });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    await payOrder(t, who.auth, order);
    return order as { id: string; total: number; discountTotal: number; lines: Array<{ id: string }> };
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    [operator, analyst, warehouse, finance, admin] = await Promise.all(['operator', 'analyst', 'warehouse', 'finance', 'admin'].map((r) => loginStaff(t, r as 'operator')));
    p = await seedProduct(t, { stock: 500, prices: [6000] });
    hidden = await seedProduct(t, { stock: 5, prices: [1000] });
    await t.k.db.transaction(() => t.services.catalog.updateProduct(hidden.productId, { status: 'draft' }));
    ship = await standardShipping(t);
  });
  afterAll(() => t?.close());

  it('creates a draft with tagged links, reads it back, lists it by range, and audits the writes', async () => {
    const c = await create();
    expect(c).toMatchObject({ status: 'draft', state: 'live', kind: 'theme', budget: 5000, recurrence: null, promotionIds: [], couponTemplateIds: [] });
    expect(c.links).toEqual([
      { channel: 'kol', url: `/campaigns/${c.slug}?utm_source=kol&utm_medium=influencer&utm_campaign=${c.slug}` },
      { channel: 'email', url: `/campaigns/${c.slug}?utm_source=email&utm_medium=email&utm_campaign=${c.slug}` },
      { channel: 'shortVideo', url: `/campaigns/${c.slug}?utm_source=shortVideo&utm_medium=video&utm_campaign=${c.slug}` },
    ]);
    expect((await staffApi(analyst)('GET', `/campaigns/${c.id}`)).json()).toEqual(c);
    const inRange = (await staffApi(analyst)('GET', `/campaigns?from=${encodeURIComponent(iso(0))}&to=${encodeURIComponent(iso(DAY))}`)).json().items;
    expect(inRange.map((x: { id: string }) => x.id)).toContain(c.id);
    const later = (await staffApi(analyst)('GET', `/campaigns?from=${encodeURIComponent(iso(40 * DAY))}&to=${encodeURIComponent(iso(50 * DAY))}`)).json().items;
    expect(later.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await staffApi(analyst)('GET', '/campaigns')).json().items[0].id).toBe(c.id);
    const patched = await staffApi(operator)('PATCH', `/campaigns/${c.id}`, { name: zhEn('春日焕新 2', 'Spring refresh 2'), recurrence: { monthDay: 18 } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: { en: 'Spring refresh 2' }, recurrence: { monthDay: 18 }, slug: c.slug });
    const audit = (await staffApi(admin)('GET', `/audit-log?action=marketing.campaign.update`)).json().items;
    expect(audit[0]).toMatchObject({ before: { name: { en: 'Spring refresh' } }, after: { name: { en: 'Spring refresh 2' } } });
    expect((await staffApi(analyst)('GET', `/campaigns/${randomUUID()}`)).json().code).toBe('CAMPAIGN_NOT_FOUND');
  });

  it('refuses a slug in use (also when two create it at once), bad input, unknown references, and a slug change after publishing', async () => {
    const c = await create();
    const taken = await staffApi(operator)('POST', '/campaigns', body({ slug: c.slug }));
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'CAMPAIGN_SLUG_TAKEN']);
    const slug = `race-${randomUUID().slice(0, 8)}`;
    const both = await Promise.all([0, 1].map(() => staffApi(operator)('POST', '/campaigns', body({ slug }))));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const count = async () => (await staffApi(analyst)('GET', '/campaigns')).json().items.length as number;
    const before = await count();
    for (const bad of [
      { slug: 'Bad Slug' },
      { slug: '-x' },
      { kind: 'flashSale' },
      { endsAt: iso(-2 * DAY) },
      { startsAt: '2026-06-01' },
      { blocks: [{ kind: 'video', url: 'x' }] },
      { blocks: [{ kind: 'products', title: null, productIds: [] }] },
      { blocks: [{ kind: 'products', title: null, productIds: Array.from({ length: 49 }, () => randomUUID()) }] },
      { blocks: Array.from({ length: 21 }, () => ({ kind: 'countdown', title: null })) },
      { channels: ['kol', 'kol'] },
      { channels: ['tv'] },
      { recurrence: { monthDay: 31 } },
      { budget: -1 },
      { budget: 10.5 },
      { budget: 2_000_000_001 },
      { name: zhEn('', 'x') },
      { extra: true },
    ]) {
      const res = await staffApi(operator)('POST', '/campaigns', body(bad));
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    for (const bad of [{ couponTemplateIds: [randomUUID()] }, { promotionIds: [randomUUID()] }, { blocks: [{ kind: 'products', title: null, productIds: [randomUUID()] }] }, { blocks: [{ kind: 'banner', title: zhEn('a', 'a'), subtitle: null, imageId: randomUUID() }] }]) {
      const res = await staffApi(operator)('POST', '/campaigns', body(bad));
      expect([res.statusCode, res.json().code], JSON.stringify(bad)).toEqual([422, 'CAMPAIGN_REFERENCE_UNKNOWN']);
    }
    expect(await count()).toBe(before);
    const other = await staffApi(operator)('PATCH', `/campaigns/${c.id}`, { slug });
    expect([other.statusCode, other.json().code]).toEqual([409, 'CAMPAIGN_SLUG_TAKEN']);
    const window = await staffApi(operator)('PATCH', `/campaigns/${c.id}`, { endsAt: iso(-30 * DAY) });
    expect([window.statusCode, window.json().code]).toEqual([422, 'CAMPAIGN_WINDOW_INVALID']);
    expect((await staffApi(operator)('PATCH', `/campaigns/${c.id}`, { slug: `${c.slug}-b` })).statusCode).toBe(200);
    expect((await staffApi(operator)('POST', `/campaigns/${c.id}/publish`)).statusCode).toBe(200);
    const locked = await staffApi(operator)('PATCH', `/campaigns/${c.id}`, { slug: `${c.slug}-c` });
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'CAMPAIGN_SLUG_LOCKED']);
    expect((await staffApi(operator)('PATCH', `/campaigns/${c.id}`, { slug: `${c.slug}-b` })).statusCode).toBe(200);
  });

  it('only marketing staff: warehouse and finance get 403, analysts read but do not write, guests 401', async () => {
    const c = await create();
    for (const who of [warehouse, finance]) {
      expect((await staffApi(who)('GET', '/campaigns')).statusCode).toBe(403);
      expect((await staffApi(who)('GET', `/campaigns/${c.id}/report`)).statusCode).toBe(403);
      expect((await staffApi(who)('POST', '/campaigns', body())).statusCode).toBe(403);
    }
    expect((await staffApi(analyst)('GET', `/campaigns/${c.id}/report`)).statusCode).toBe(200);
    expect((await staffApi(analyst)('POST', '/campaigns', body())).statusCode).toBe(403);
    expect((await staffApi(analyst)('PATCH', `/campaigns/${c.id}`, { budget: 1 })).statusCode).toBe(403);
    expect((await staffApi(analyst)('POST', `/campaigns/${c.id}/publish`)).statusCode).toBe(403);
    expect((await inject('GET', '/api/admin/campaigns', {})).statusCode).toBe(401);
  });

  it('the landing page: 404 while draft, its blocks once published (products on sale, coupons claimable), 404 again when paused', async () => {
    const tpl = await template();
    const c = await create({ blocks: [...body().blocks, { kind: 'coupons', title: zhEn('领券', 'Coupons'), templateIds: [tpl.id] }] });
    const store = (slug: string) => inject('GET', `/api/store/campaigns/${slug}`, {});
    const draft = await store(c.slug);
    expect([draft.statusCode, draft.json().code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
    expect(draft.headers['content-type']).toContain('application/problem+json');
    expect((await store('no-such-campaign')).statusCode).toBe(404);
    expect((await store('Not A Slug!')).statusCode).toBe(404);
    const published = await staffApi(operator)('POST', `/campaigns/${c.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published' });
    const again = await staffApi(operator)('POST', `/campaigns/${c.id}/publish`);
    expect(again.statusCode).toBe(200);
    const view = (await store(c.slug)).json();
    expect(view).toMatchObject({ slug: c.slug, state: 'live', nextOccurrence: null, name: c.name });
    expect(view.blocks.map((b: { kind: string }) => b.kind)).toEqual(['banner', 'text', 'products', 'countdown', 'coupons']);
    expect(view.blocks[0]).toMatchObject({ imageUrl: null, image: null });
    expect(view.blocks[2].items.map((i: { id: string }) => i.id)).toEqual([p.productId]);
    expect(view.blocks[2].items[0]).toMatchObject({ slug: expect.any(String), priceMin: 6000 });
    expect(view.blocks[4].items.map((i: { id: string }) => i.id)).toEqual([tpl.id]);
    expect((await inject('GET', '/api/store/campaigns', {})).json().items.map((i: { slug: string }) => i.slug)).toContain(c.slug);
    expect((await staffApi(operator)('POST', `/campaigns/${c.id}/pause`)).json()).toMatchObject({ status: 'paused' });
    expect((await store(c.slug)).statusCode).toBe(404);
    expect((await inject('GET', '/api/store/campaigns', {})).json().items.map((i: { slug: string }) => i.slug)).not.toContain(c.slug);
    const audit = (await staffApi(admin)('GET', `/audit-log?action=marketing.campaign.publish`)).json().items;
    expect(audit.filter((a: { entityId: string }) => a.entityId === c.id)).toHaveLength(1);
  });

  it('the report: orders by UTM, by its coupon and by its promotion (inside the window), GMV, discounts, refunds, new customers and ROI by channel — unchanged by replays in any order', async () => {
    const tpl = await template();
    // 直降 ¥5 on a product of its own: the campaign's promotion (its discounts carry the promotion's id).
    const q = await seedProduct(t, { stock: 50, prices: [3000] });
    const promo = await staffApi(operator)('POST', '/promotions', { name: zhEn('活动直降', 'Campaign price'), action: { kind: 'unitDiscount', amountOff: 500 }, scope: { productIds: [q.productId] } });
    expect(promo.statusCode, promo.body).toBe(201);
    const c = await create({ couponTemplateIds: [tpl.id], promotionIds: [promo.json().id] });
    // The same coupon in a campaign that ended yesterday: lever orders count only inside the window.
    const past = await create({ couponTemplateIds: [tpl.id], startsAt: iso(-10 * DAY), endsAt: iso(-DAY) });
    const utm = (source: string, campaign = c.slug) => ({ utm: { source, medium: 'x', campaign } });
    const claimCode = async (who: Shopper) => {
      const res = await inject('POST', '/api/store/coupons/claim', who.auth, { templateId: tpl.id });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().code as string;
    };
    const [a, b, cc, d] = await Promise.all([0, 1, 2, 3].map(() => registerShopper(t)));
    const a1 = await buy(a, 1, utm('kol')); // A's first paid order: a new customer
    const a2 = await buy(a, 2, utm('kol'));
    const b1 = await buy(b, 1, { ...utm('email'), couponCodes: [await claimCode(b)] }); // new, with the campaign's coupon
    await buy(cc, 1, {}); // C's first order: no campaign
    const c2 = await buy(cc, 1, { couponCodes: [await claimCode(cc)] }); // no UTM, the campaign's coupon: attributed, direct, not new
    await buy(d, 1, utm('kol', 'another-campaign')); // another campaign's link: not ours
    // The campaign's promotion, no link: attributed, direct, and D's second paid order (not new).
    const cartD = await emptyCart(t, d.auth);
    await inject('POST', `/api/store/carts/${cartD.id}/items`, d.auth, { variantId: q.variantIds[0], quantity: 1 });
    const placedD = await inject('POST', '/api/store/orders', d.auth, { cartId: cartD.id, shippingMethodId: ship, address: testAddress });
    expect(placedD.statusCode, placedD.body).toBe(201);
    const d2 = placedD.json() as { id: string; total: number; discountTotal: number };
    await payOrder(t, d.auth, d2);
    expect(d2.discountTotal).toBe(500);
    await t.settle();
    expect(b1.discountTotal).toBe(1000);
    expect(c2.discountTotal).toBe(1000);
    const refund = await inject('POST', `/api/admin/orders/${a2.id}/refunds`, finance.auth, { lines: [{ lineId: a2.lines[0].id, quantity: 1 }], reason: 'one too many' });
    expect(refund.statusCode, refund.body).toBe(201);
    const refunded = refund.json().amount as number;
    expect(refunded).toBe(6000);
    await t.settle();

    const gmv = a1.total + a2.total + b1.total + c2.total + d2.total;
    const expected = {
      campaignId: c.id,
      currency: 'CNY',
      totals: { orders: 5, gmv, discount: 2500, refunded, newCustomers: 2, budget: 5000, roi: Math.round(((gmv - refunded) / (2500 + 5000)) * 100) / 100 },
      byChannel: [
        { channel: 'kol', orders: 2, gmv: a1.total + a2.total, discount: 0, refunded, newCustomers: 1 },
        { channel: 'direct', orders: 2, gmv: c2.total + d2.total, discount: 1500, refunded: 0, newCustomers: 0 },
        { channel: 'email', orders: 1, gmv: b1.total, discount: 1000, refunded: 0, newCustomers: 1 },
      ],
      byDay: [{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), orders: 5, gmv }],
      goals: { gmv: 100000, orders: 10 },
    };
    expect(a1.total).toBe(7000); // ¥60 + ¥10 shipping
    expect(gmv).toBe(7000 + 12000 + 6000 + 6000 + 3500); // ¥30 − ¥5 + ¥10 shipping
    expect((await staffApi(analyst)('GET', `/campaigns/${past.id}/report`)).json().totals).toMatchObject({ orders: 0, gmv: 0 });
    const report = async () => {
      const res = await staffApi(analyst)('GET', `/campaigns/${c.id}/report`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await report()).toEqual(expected);

    // Every delivery again (the outbox's at-least-once), then every event once more, newest first.
    await t.k.db.q.execute(sql`update outbox_deliveries set status = 'pending', attempts = 0, next_attempt_at = now() - interval '1 minute' where consumer like 'marketing.campaigns.%'`);
    await t.settle();
    expect(await report()).toEqual(expected);
    const events = (await t.k.db.q.execute(sql`select id, type, payload, occurred_at from outbox_events where type in ('order.paid', 'order.refunded') order by occurred_at desc, id desc`)) as unknown as { rows?: unknown[] } | unknown[];
    const rows = (Array.isArray(events) ? events : events.rows ?? []) as Array<{ id: string; type: string; payload: unknown; occurred_at: string | Date }>;
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const e of rows) {
      const event = { id: e.id, type: e.type, payload: typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload, occurredAt: new Date(e.occurred_at) };
      await t.k.db.transaction(() =>
        e.type === 'order.paid' ? t.services.campaigns.onPaid(event as DomainEvent<OrderPaid>) : t.services.campaigns.onRefunded(event as DomainEvent<OrderRefunded>),
      );
    }
    expect(await report()).toEqual(expected);

    // A slug nobody used and no levers: an empty report with no ROI.
    const empty = await create({ budget: null, goals: null });
    expect(await (await staffApi(analyst)('GET', `/campaigns/${empty.id}/report`)).json()).toEqual({
      campaignId: empty.id, currency: 'CNY', totals: { orders: 0, gmv: 0, discount: 0, refunded: 0, newCustomers: 0, budget: null, roi: null }, byChannel: [], byDay: [], goals: null,
    });
  });
  it('facts arriving out of order: a refund before its payment, a customer’s earlier order after a later one, each twice', async () => {
    const c = await create({ budget: null });
    const customerId = randomUUID();
    const [first, second] = [randomUUID(), randomUUID()];
    const at = (ms: number) => new Date(t.clock.now().getTime() + ms);
    const paid = (orderId: string, paidAt: Date, total: number): DomainEvent<OrderPaid> => ({
      id: randomUUID(), type: 'order.paid', occurredAt: paidAt,
      payload: { orderId, number: orderId.slice(0, 8), customerId, status: 'paid', total, lines: [], discounts: [{ source: 'thresholdDiscount', id: randomUUID(), amount: 100, shipping: false }], utm: { source: 'sms', campaign: c.slug }, paidAt: paidAt.toISOString(), storeDay: '2026-06-18' },
    });
    const refunded: DomainEvent<OrderRefunded> = { id: randomUUID(), type: 'order.refunded', occurredAt: at(0), payload: { orderId: second, number: 'x', customerId, status: 'partially_refunded', total: 5000, amount: 1200 } };
    const later = paid(second, at(-1000), 5000);
    const earlier = paid(first, at(-2000), 3000);
    const deliver = (e: DomainEvent<OrderPaid> | DomainEvent<OrderRefunded>) =>
      t.k.db.transaction(() => (e.type === 'order.paid' ? t.services.campaigns.onPaid(e as DomainEvent<OrderPaid>) : t.services.campaigns.onRefunded(e as DomainEvent<OrderRefunded>)));
    for (const e of [refunded, later, refunded, earlier, later, earlier]) await deliver(e);
    const report = (await staffApi(analyst)('GET', `/campaigns/${c.id}/report`)).json();
    expect(report.totals).toEqual({ orders: 2, gmv: 8000, discount: 200, refunded: 1200, newCustomers: 1, budget: null, roi: Math.round((6800 / 200) * 100) / 100 });
    expect(report.byChannel).toEqual([{ channel: 'sms', orders: 2, gmv: 8000, discount: 200, refunded: 1200, newCustomers: 1 }]);
    expect(report.byDay).toEqual([{ day: '2026-06-18', orders: 2, gmv: 8000 }]);
    const [row] = (await t.k.db.q.execute(sql`select order_id from marketing_customer_first_paid where customer_id = ${customerId}`) as unknown as { rows: Array<{ order_id: string }> }).rows;
    expect(row.order_id).toBe(first);
  });
});

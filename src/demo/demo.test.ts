import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../test/support/harness.js';
import { DAY } from '../platform/clock.js';
import { loginStaff } from '../../test/support/staff.js';
import { regionProblem } from '../modules/customers/index.js';
import { DEMO_PASSWORD, DEMO_SHOPPER_EMAIL, DemoDataExistsError, demoState, generateDemoShop, type DemoResult } from './index.js';

/** A small demo shop (30 products, 100 shoppers, 1,500 orders) checked against every invariant. */
const SIZE = { products: 30, customers: 100, orders: 1500 };
const AS_OF = new Date('2026-11-25T20:30:00+08:00');
const SEED = 4242;

async function rows<T = Record<string, unknown>>(t: TestApp, text: string): Promise<T[]> {
  return ((await t.k.db.q.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

async function fingerprint(t: TestApp) {
  const [o] = await rows<{ n: number; total: number; paid: number; first: string; last: string }>(
    t,
    `select count(*)::int n, sum(total)::bigint total, sum(paid_amount)::bigint paid, min(id::text) first, max(number) last from orders`,
  );
  const names = (await rows<{ t: string }>(t, `select title->>'zh-CN' t from catalog_products order by slug`)).map((r) => r.t);
  return { ...o, total: Number(o.total), paid: Number(o.paid), names };
}

describeEachBackend('demo shop generator', (backend) => {
  let t: TestApp;
  let result: DemoResult;

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(AS_OF);
    result = await generateDemoShop(t.k, t.services, { seed: SEED, size: SIZE });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('writes the planned shop: products, shoppers, a year of orders ending today', async () => {
    expect(result.orders).toBe(SIZE.orders);
    expect(result.from).toBe('2025-11-26');
    const [c] = await rows<{ p: number; v: number; c: number; o: number; first: string; last: string }>(
      t,
      `select (select count(*)::int from catalog_products) p, (select count(*)::int from catalog_variants) v,
              (select count(*)::int from customers) c, (select count(*)::int from orders) o,
              (select min(placed_at) from orders)::text first, (select max(placed_at) from orders)::text last`,
    );
    expect(c).toMatchObject({ p: SIZE.products, c: SIZE.customers, o: SIZE.orders });
    expect(new Date(c.last).getTime()).toBeLessThan(AS_OF.getTime());
    expect(new Date(c.first).getTime()).toBeGreaterThanOrEqual(Date.parse('2025-11-26T00:00:00+08:00'));
    expect((await demoState(t.k)).marker).toMatchObject({ seed: SEED, size: SIZE });
  });

  it('keeps stock exact: the ledger reconciles, nothing goes negative, reservations match', async () => {
    expect(await t.services.inventory.reconcile()).toEqual([]);
    const [s] = await rows<{ neg: number; over_reserved: number; ledger_bad: number; reserved: number; held: number }>(
      t,
      `select (select count(*)::int from inventory_stock where on_hand < 0 or reserved < 0) neg,
              (select count(*)::int from inventory_stock where reserved > on_hand) over_reserved,
              (select count(*)::int from inventory_ledger where on_hand_after < 0 or reserved_after < 0 or reserved_after > on_hand_after) ledger_bad,
              (select coalesce(sum(reserved), 0)::int from inventory_stock) reserved,
              (select coalesce(sum(quantity), 0)::int from inventory_reservations where status = 'held') held`,
    );
    expect(s).toEqual({ neg: 0, over_reserved: 0, ledger_bad: 0, reserved: s.held, held: s.held });
    // Each variant's after-figures follow from its rows in ledger order.
    const [chain] = await rows<{ broken: number }>(
      t,
      `select count(*)::int broken from (
         select on_hand_after, reserved_after, delta_on_hand, delta_reserved,
                lag(on_hand_after, 1, 0) over w prev_on, lag(reserved_after, 1, 0) over w prev_res
         from inventory_ledger window w as (partition by variant_id order by id)) x
       where on_hand_after <> prev_on + delta_on_hand or reserved_after <> prev_res + delta_reserved`,
    );
    expect(chain.broken).toBe(0);
  });

  it('keeps money exact: lines add up to orders, the payment ledger to paid − refunded', async () => {
    const [m] = await rows<{ lines: number; totals: number; ledger: number; refunds: number; captures: number; paid_without: number }>(
      t,
      `select
         (select count(*)::int from orders o join (select order_id, sum(total) t, sum(subtotal) s, sum(discount_total) d from order_lines group by 1) l on l.order_id = o.id
            where l.t <> o.subtotal - o.discount_total or l.s <> o.subtotal or l.d <> o.discount_total) lines,
         (select count(*)::int from orders where total <> subtotal - discount_total + shipping_fee - shipping_discount) totals,
         (select count(*)::int from orders o left join (select order_id, sum(amount) s from payment_ledger group by 1) l on l.order_id = o.id
            where coalesce(l.s, 0) <> o.paid_amount - o.refunded_amount) ledger,
         (select count(*)::int from orders o left join (select order_id, sum(amount) s from payment_refunds group by 1) r on r.order_id = o.id
            where coalesce(r.s, 0) <> o.refunded_amount) refunds,
         (select count(*)::int from orders o where paid_amount > 0 and (select count(*) from payment_ledger l where l.order_id = o.id and l.kind = 'capture') <> 1) captures,
         (select count(*)::int from orders o where paid_amount > 0 and not exists (select 1 from payments p where p.order_id = o.id and p.status = 'succeeded' and p.amount = o.paid_amount)) paid_without,
         (select count(*)::int from payments p join orders o on o.id = p.order_id where p.status = 'pending' and o.status <> 'pending_payment') open_attempts,
         (select count(*)::int from payments p where p.status = 'expired' and not exists (select 1 from order_timeline x where x.order_id = p.order_id and x.type = 'payment_expired' and x.data->>'paymentId' = p.id::text)) expired_unnoted`,
    );
    // An attempt the order no longer waits for is closed, with its note on the timeline.
    expect(m).toEqual({ lines: 0, totals: 0, ledger: 0, refunds: 0, captures: 0, paid_without: 0, open_attempts: 0, expired_unnoted: 0 });
  });

  it('gives every order a timeline that starts with "placed" and ends in its status', async () => {
    const [tl] = await rows<{ none: number; first: number; last: number }>(
      t,
      `select
         (select count(*)::int from orders o where not exists (select 1 from order_timeline x where x.order_id = o.id)) none,
         (select count(*)::int from orders o where (select type from order_timeline x where x.order_id = o.id order by id limit 1) <> 'placed') first,
         (select count(*)::int from orders o where (select to_status from order_timeline x where x.order_id = o.id and to_status is not null order by id desc limit 1) <> o.status) last`,
    );
    expect(tl).toEqual({ none: 0, first: 0, last: 0 });
  });

  it('has statuses that fit their age, ~5% cancelled and ~3% refunded, and repeat buyers', async () => {
    const byStatus = Object.fromEntries((await rows<{ status: string; n: number }>(t, `select status, count(*)::int n from orders group by 1`)).map((r) => [r.status, r.n]));
    expect(byStatus.completed).toBeGreaterThan(SIZE.orders * 0.8);
    expect(byStatus.cancelled / SIZE.orders).toBeGreaterThan(0.025);
    expect(byStatus.cancelled / SIZE.orders).toBeLessThan(0.08);
    expect((byStatus.refunded ?? 0) / SIZE.orders).toBeGreaterThan(0.01);
    expect((byStatus.refunded ?? 0) / SIZE.orders).toBeLessThan(0.06);
    const [age] = await rows<{ old_open: number; stale_pending: number }>(
      t,
      `select (select count(*)::int from orders where placed_at < '${new Date(AS_OF.getTime() - 30 * DAY).toISOString()}' and status not in ('completed', 'cancelled', 'refunded')) old_open,
              (select count(*)::int from orders where status = 'pending_payment' and payment_due_at <= '${AS_OF.toISOString()}') stale_pending`,
    );
    expect(age).toEqual({ old_open: 0, stale_pending: 0 });
    const perBuyer = (await rows<{ n: number }>(t, `select count(*)::int n from orders group by customer_id order by 1 desc`)).map((r) => r.n);
    const top = perBuyer.slice(0, Math.ceil(perBuyer.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / SIZE.orders).toBeGreaterThan(0.5);
  });

  it('gives every shipped order a parcel with tracking, and every refund an executed after-sales record', async () => {
    const [f] = await rows<{ unshipped: number; orphan: number; undelivered: number; refunds: number; records: number; amounts_differ: number; bad_lines: number }>(
      t,
      `select
         (select count(*)::int from orders o where o.shipped_at is not null and not exists (select 1 from fulfilment_shipments s where s.order_id = o.id)) unshipped,
         (select count(*)::int from fulfilment_shipments s where not exists (select 1 from orders o where o.id = s.order_id and o.shipped_at is not null)) orphan,
         (select count(*)::int from orders o where o.delivered_at is not null and not exists (
            select 1 from fulfilment_shipments s join fulfilment_tracking_events e on e.shipment_id = s.id where s.order_id = o.id and e.status = 'delivered' and e.at = o.delivered_at)) undelivered,
         (select count(*)::int from payment_refunds) refunds,
         (select count(*)::int from after_sale_refunds where status = 'executed') records,
         (select count(*)::int from orders o where o.refunded_amount <> coalesce((select sum(amount) from after_sale_refunds r where r.order_id = o.id), 0)) amounts_differ,
         (select count(*)::int from after_sale_refunds r where r.items_amount + r.shipping_amount <> r.amount or r.shipping_amount < 0) bad_lines`,
    );
    expect(f).toMatchObject({ unshipped: 0, orphan: 0, undelivered: 0, amounts_differ: 0, bad_lines: 0 });
    expect(f.records).toBe(f.refunds);
    expect(f.refunds).toBeGreaterThan(0);
    const [order] = await rows<{ id: string }>(t, `select o.id from orders o where o.status = 'completed' order by o.number desc limit 1`);
    const staff = await loginStaff(t, 'warehouse');
    const detail = await t.app.inject({ url: `/api/admin/orders/${order.id}`, headers: staff.auth });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().shipments[0]).toMatchObject({ carrier: { code: expect.any(String) }, trackingNumber: expect.any(String) });
    expect(detail.json().shipments[0].events.map((e: { status: string }) => e.status)).toContain('delivered');
  });

  it('counts units sold on products (paid minus refunded)', async () => {
    const [s] = await rows<{ wrong: number; total: number }>(
      t,
      `select count(*) filter (where p.sales_count <> coalesce(x.n, 0))::int wrong, sum(p.sales_count)::int total
       from catalog_products p left join (
         select l.product_id, sum(l.quantity - l.refunded_quantity) n from order_lines l join orders o on o.id = l.order_id
         where o.paid_amount > 0 group by 1) x on x.product_id = p.id`,
    );
    expect(s.wrong).toBe(0);
    expect(s.total).toBeGreaterThan(SIZE.orders);
  });

  it('gives shoppers valid GB/T 2260 addresses, and the demo shopper signs in with the demo password', async () => {
    const addresses = await rows<{ p: string; c: string; d: string }>(t, `select province_code p, city_code c, district_code d from customer_addresses`);
    expect(addresses.length).toBeGreaterThan(SIZE.customers / 2);
    expect(addresses.filter((a) => regionProblem(a.p, a.c, a.d) !== null)).toEqual([]);
    const orderAddresses = await rows<{ p: string; c: string; d: string }>(t, `select shipping_address->>'provinceCode' p, shipping_address->>'cityCode' c, shipping_address->>'districtCode' d from orders limit 200`);
    expect(orderAddresses.filter((a) => regionProblem(a.p, a.c, a.d) !== null)).toEqual([]);
    const login = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', payload: { email: DEMO_SHOPPER_EMAIL, password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const mine = await t.app.inject({ method: 'GET', url: '/api/store/orders', headers: { authorization: `Bearer ${login.json().token}` } });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.length).toBeGreaterThan(0);
  });

  it('stores each product picture as a media asset whose renditions the storefront can ask for', async () => {
    const images = await rows<{ url: string; width: number; height: number }>(t, `select i->>'url' url, (i->>'width')::int width, (i->>'height')::int height from catalog_products, jsonb_array_elements(images) i`);
    // One picture a product, three (a gallery) for the better sellers.
    const perProduct = await rows<{ n: number }>(t, `select jsonb_array_length(images)::int n from catalog_products`);
    expect(perProduct.every(({ n }) => n === 1 || n === 3)).toBe(true);
    expect(perProduct.filter(({ n }) => n === 3).length).toBeGreaterThanOrEqual(SIZE.products * 0.3);
    expect(images.length).toBe(perProduct.reduce((sum, { n }) => sum + n, 0));
    for (const i of images) expect(i).toEqual({ url: expect.stringMatching(/^\/media\/[0-9a-f-]{36}$/), width: 1200, height: 1200 });
    const [a] = await rows<{ n: number; missing: number; line_images: number }>(
      t,
      `select (select count(*)::int from media_assets where format = 'webp' and width = 1200) n,
              (select count(*)::int from catalog_products p, jsonb_array_elements(p.images) i
                 where not exists (select 1 from media_assets m where '/media/' || m.id = i->>'url')) missing,
              (select count(*)::int from order_lines where image like '/media/%') line_images`,
    );
    // One asset per distinct picture (two products may share one).
    expect(a.missing).toBe(0);
    expect(a.n).toBe(result.rows.media_assets);
    expect(a.n).toBeGreaterThan(images.length * 0.9);
    expect(a.line_images).toBeGreaterThan(0);
    const res = await t.app.inject({ url: `${images[0].url}/320.webp` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
  });

  it('refuses a store that already has products', async () => {
    await expect(generateDemoShop(t.k, t.services, { seed: SEED, size: SIZE })).rejects.toBeInstanceOf(DemoDataExistsError);
    expect(await rows(t, 'select 1 from orders')).toHaveLength(SIZE.orders);
  });

  it('is deterministic: the same seed and end give the same shop, ids included', async () => {
    const other = await startTestApp(backend);
    try {
      other.clock.set(AS_OF);
      await generateDemoShop(other.k, other.services, { seed: SEED, size: SIZE });
      expect(await fingerprint(other)).toEqual(await fingerprint(t));
    } finally {
      await other.close();
    }
  });

  it('has a year of marketing: festival campaigns with orders by channel, claimed coupons, tiers spread, points that reconcile', async () => {
    const admin = await loginStaff(t, 'admin');
    const list = (await t.app.inject({ url: '/api/admin/campaigns', headers: admin.auth })).json().items as Array<{ id: string; slug: string; state: string }>;
    expect(list.map((c) => c.slug).sort()).toEqual(['618-2026', 'double11-2026', 'double12-2025', 'double12-2026', 'member-day']);
    expect(list.find((c) => c.slug === 'double12-2026')!.state).toBe('upcoming');
    const d11 = list.find((c) => c.slug === 'double11-2026')!;
    const report = (await t.app.inject({ url: `/api/admin/campaigns/${d11.id}/report`, headers: admin.auth })).json();
    expect(report.totals.orders).toBeGreaterThan(20);
    expect(report.totals.discount).toBeGreaterThan(0);
    expect(report.totals.roi).toBeGreaterThan(0);
    expect(report.byChannel.length).toBeGreaterThanOrEqual(4);
    expect((await t.app.inject({ url: '/api/store/campaigns/double12-2026' })).statusCode).toBe(200);

    const [c] = await rows<{ bad_claimed: number; bad_ledger: number; coupons: number }>(
      t,
      `select (select count(*)::int from marketing_coupon_templates t where t.claimed <> (select count(*) from marketing_coupons c where c.template_id = t.id)) bad_claimed,
              (select count(*)::int from marketing_coupons c where (select count(*) from marketing_coupon_ledger l where l.coupon_id = c.id) <> 2) bad_ledger,
              (select count(*)::int from marketing_coupons) coupons`,
    );
    expect(c).toMatchObject({ bad_claimed: 0, bad_ledger: 0 });
    expect(c.coupons).toBeGreaterThan(10);

    const tiers = await rows<{ tier: string; n: number }>(t, `select tier, count(*)::int n from marketing_members group by tier`);
    expect(tiers.length).toBeGreaterThanOrEqual(3);
    expect(await pointsMismatches(t)).toEqual({ accounts: 0, lots: 0, growth: 0 });
    // The demo shopper sees their tier and points in the member centre.
    const demo = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', payload: { email: DEMO_SHOPPER_EMAIL, password: DEMO_PASSWORD } });
    const auth = { authorization: `Bearer ${demo.json().token}` };
    expect((await t.app.inject({ url: '/api/store/me/points', headers: auth })).json().balance).toBeGreaterThan(0);
  });

  it('hands over to the live services: due timeouts and auto-confirmations run, and everything still reconciles', async () => {
    t.clock.advance(11 * DAY);
    await t.settle();
    const [open] = await rows<{ pending: number; shipped: number }>(
      t,
      `select count(*) filter (where status = 'pending_payment')::int pending, count(*) filter (where status in ('shipped', 'delivered'))::int shipped from orders`,
    );
    expect(open).toEqual({ pending: 0, shipped: 0 });
    expect(await t.services.inventory.reconcile()).toEqual([]);
    const [m] = await rows<{ ledger: number }>(
      t,
      `select count(*)::int ledger from orders o left join (select order_id, sum(amount) s from payment_ledger group by 1) l on l.order_id = o.id where coalesce(l.s, 0) <> o.paid_amount - o.refunded_amount`,
    );
    expect(m.ledger).toBe(0);
    // Orders confirmed since then credited their pending points through the points consumer, by difference.
    expect(await pointsMismatches(t)).toEqual({ accounts: 0, lots: 0, growth: 0 });
  });
});

/** Accounts whose balance or pending differ from their ledger, lots that do not add up to a positive balance, members whose growth is not their ledger's last. */
async function pointsMismatches(t: TestApp) {
  const [r] = await rows<{ accounts: number; lots: number; growth: number }>(
    t,
    `select (select count(*)::int from marketing_points_accounts a where a.balance <> (select coalesce(sum(delta), 0) from marketing_points_ledger l where l.customer_id = a.customer_id)
                or a.pending <> (select coalesce(sum(pending_delta), 0) from marketing_points_ledger l where l.customer_id = a.customer_id)) accounts,
            (select count(*)::int from marketing_points_accounts a where a.balance > 0 and a.balance <> (select coalesce(sum(remaining), 0) from marketing_points_lots l where l.customer_id = a.customer_id)) lots,
            (select count(*)::int from marketing_members m where m.growth <> coalesce((select growth_after from marketing_growth_ledger g where g.customer_id = m.customer_id order by g.at desc, g.id desc limit 1), 0)) growth`,
  );
  return r;
}

describe('demo shop generator sizes', () => {
  it('scales shoppers and orders, not the catalog', async () => {
    const { demoSize } = await import('./index.js');
    expect(demoSize()).toEqual({ products: 240, customers: 3000, orders: 30000 });
    expect(demoSize({ scale: 34 })).toEqual({ products: 240, customers: 102_000, orders: 1_020_000 });
  });
});

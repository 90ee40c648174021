import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, testAddress, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { placePaidOrder } from '../../../test/support/paid-orders.js';
import { ORDER_EXPORT_COLUMNS, orderCsvChunks, orderCsvStream } from './csv.js';

describeEachBackend('orders (admin): list, detail, export', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let alice: Shopper;
  let bob: Shopper;
  let cs: StaffLogin;
  let analyst: StaffLogin;
  const placed: any[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 50, prices: [12345, 500] });
    alice = await registerShopper(t);
    bob = await registerShopper(t);
    cs = await loginStaff(t, 'cs');
    analyst = await loginStaff(t, 'analyst');
    t.clock.set(new Date('2026-03-01T15:30:00Z')); // 23:30 in Shanghai, on 1 March
    placed.push(await placePaidOrder(t, alice.auth, [{ variantId: p.variantIds[0], quantity: 2 }, { variantId: p.variantIds[1], quantity: 1 }]));
    t.clock.set(new Date('2026-03-01T16:30:00Z')); // 00:30 on 2 March in Shanghai
    placed.push((await placeOrder(t, bob.auth, p.variantIds[1], 3)).body);
    t.clock.set(new Date('2026-03-03T02:00:00Z'));
    placed.push(await placePaidOrder(t, alice.auth, [{ variantId: p.variantIds[1], quantity: 1 }]));
    // Staff sessions started before the clock was set; sign in again at the new time.
    cs = await loginStaff(t, 'cs');
    analyst = await loginStaff(t, 'analyst');
  });
  afterAll(() => t.close());

  const list = async (query: string, who = cs) => {
    const res = await t.app.inject({ url: `/api/admin/orders?${query}`, headers: who.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Array<{ id: string; number: string; status: string }>; nextCursor: string | null };
  };
  const ids = (r: { items: Array<{ id: string }> }) => r.items.map((o) => o.id);

  it('lists newest first with cursor pages and filters: status (several), number or mobile, customer, store-time days', async () => {
    const [a, b, c] = placed;
    const all = await list('limit=2');
    expect(ids(all)).toEqual([c.id, b.id]);
    expect(ids(await list(`limit=2&cursor=${all.nextCursor}`))).toEqual([a.id]);
    expect(ids(await list('status=pending_payment'))).toEqual([b.id]);
    expect(ids(await list('status=paid&status=pending_payment'))).toEqual([c.id, b.id, a.id]);
    expect(ids(await list('status=paid,cancelled'))).toEqual([c.id, a.id]);
    expect(ids(await list(`q=${a.number}`))).toEqual([a.id]);
    expect(ids(await list(`q=${testAddress.mobile}`))).toEqual([c.id, b.id, a.id]);
    expect(ids(await list(`customerId=${bob.customerId}`))).toEqual([b.id]);
    // 1 March in Shanghai holds a (23:30) but not b (00:30 on the 2nd).
    expect(ids(await list('from=2026-03-01&to=2026-03-01'))).toEqual([a.id]);
    expect(ids(await list('from=2026-03-02'))).toEqual([c.id, b.id]);
    expect(ids(await list('to=2026-03-02T00:00:00%2B08:00'))).toEqual([a.id]);
    const bad = await t.app.inject({ url: '/api/admin/orders?status=lost', headers: cs.auth });
    expect(bad.statusCode).toBe(400);
    expect(all.items[0]).toMatchObject({ recipient: testAddress.recipient, mobile: testAddress.mobile, customerId: alice.customerId });
    // Each row names what was bought: its first line's title (the console adds "and n more").
    const every = await list('limit=10');
    expect(every.items.map((o: any) => [o.firstLine?.title.en, o.itemCount])).toEqual([['Wireless earbuds', 1], ['Wireless earbuds', 3], ['Wireless earbuds', 3]]);
  });

  it("names each line's options as the product does, named from the product", async () => {
    const get = async () => (await t.app.inject({ url: `/api/admin/orders/${placed[0].id}`, headers: cs.auth })).json();
    const before = await get();
    const byVariant = new Map(before.lines.map((l: any) => [l.variantId, l]));
    expect((byVariant.get(p.variantIds[0]) as any).options).toEqual([
      { code: 'v', value: 's0', name: { 'zh-CN': '款式', en: 'Style' }, valueName: { 'zh-CN': '款0', en: 'Style 0' } },
    ]);
    // Names are read from the product (the line keeps the codes): a renamed value reads with its new name.
    await t.k.db.transaction(() =>
      t.services.catalog.updateProduct(p.productId, {
        options: [{ code: 'v', name: { 'zh-CN': '颜色', en: 'Colour' }, values: [{ code: 's0', name: { 'zh-CN': '薄荷绿', en: 'Mint' } }, { code: 's1', name: { 'zh-CN': '黑色', en: 'Black' } }] }],
      }),
    );
    const after = new Map((await get()).lines.map((l: any) => [l.variantId, l.options]));
    expect(after.get(p.variantIds[0])).toEqual([{ code: 'v', value: 's0', name: { 'zh-CN': '颜色', en: 'Colour' }, valueName: { 'zh-CN': '薄荷绿', en: 'Mint' } }]);
    expect(after.get(p.variantIds[1])).toEqual([{ code: 'v', value: 's1', name: { 'zh-CN': '颜色', en: 'Colour' }, valueName: { 'zh-CN': '黑色', en: 'Black' } }]);
  });

  it('shows one order with lines, timeline, payments, shipments and refunds (by id or number)', async () => {
    const a = placed[0];
    const res = await t.app.inject({ url: `/api/admin/orders/${a.number}`, headers: cs.auth });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ id: a.id, status: 'paid', paidAmount: a.total, shipments: [], refunds: [], allowedEvents: ['ship', 'refund', 'partialRefund'] });
    expect(o.lines).toHaveLength(2);
    expect(o.timeline.map((e: { type: string }) => e.type)).toEqual(['placed', 'pay']);
    expect(o.payments).toEqual([expect.objectContaining({ provider: 'sandbox', method: 'alipay', status: 'succeeded', amount: a.total })]);
    expect((await t.app.inject({ url: '/api/admin/orders/00000000-0000-7000-8000-000000000000', headers: cs.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/admin/orders/${a.id}`, headers: analyst.auth })).statusCode).toBe(403);
  });

  it('exports one row per order line, UTF-8 with a BOM, amounts in yuan, times in the store time zone', async () => {
    const res = await t.app.inject({ url: '/api/admin/orders/export.csv', headers: analyst.auth });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="orders-\d{8}\.csv"$/);
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(res.rawPayload.subarray(3).toString('utf8'), { columns: true, trim: true });
    expect(Object.keys(rows[0])).toEqual([...ORDER_EXPORT_COLUMNS]);
    const [a, b, c] = placed;
    expect(rows.map((r) => r.order_number)).toEqual([c.number, b.number, a.number, a.number]);
    const aRows = rows.filter((r) => r.order_number === a.number);
    expect(aRows.map((r) => [r.line_sku, r.unit_price, r.quantity, r.line_total])).toEqual(
      expect.arrayContaining([[p.skus[0], '123.45', '2', '246.90'], [p.skus[1], '5.00', '1', '5.00']]),
    );
    expect(aRows[0]).toMatchObject({ placed_at: '2026-03-01 23:30:00', status: 'paid', order_total: '251.90', paid_amount: '251.90', refunded_amount: '0.00', recipient: '张三' });
    expect(rows.find((r) => r.order_number === b.number)).toMatchObject({ placed_at: '2026-03-02 00:30:00', paid_at: '', quantity: '3' });
    // Filters apply as in the list; cs may read orders but not export them.
    const only = await t.app.inject({ url: '/api/admin/orders/export.csv?status=pending_payment', headers: analyst.auth });
    expect(parse(only.rawPayload.subarray(3).toString('utf8'), { columns: true }).length).toBe(1);
    expect((await t.app.inject({ url: '/api/admin/orders/export.csv', headers: cs.auth })).statusCode).toBe(403);
  });

  it('writes the export batch by batch', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of orderCsvChunks(t.k, t.services.orders, {}, 1)) chunks.push(chunk);
    // The header comes with the first order, then one chunk per order.
    expect(chunks).toHaveLength(placed.length);
    expect(chunks[0].subarray(3).toString('utf8')).toMatch(/^order_number,.*\r\n.+/);
  });

  it('fails an export before its first byte when the first query fails', async () => {
    // A NUL never gets this far over HTTP (refused at the schema); straight to the service, PostgreSQL refuses it.
    await expect(orderCsvStream(t.k, t.services.orders, { q: 'a\0b' })).rejects.toThrow();
    const res = await t.app.inject({ url: '/api/admin/orders/export.csv?q=a%00b', headers: analyst.auth });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json()).toMatchObject({ code: 'UNSTORABLE_CHARACTER', errors: [{ in: 'query', path: 'q' }] });
  });
});

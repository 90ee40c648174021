import iconv from 'iconv-lite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, seedProduct, type SeededProduct } from '../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { placePaidOrder } from '../../../test/support/paid-orders.js';

describeEachBackend('fulfilment: bulk shipping from CSV', (backend) => {
  let t: TestApp;
  let p: SeededProduct;
  let shopper: Shopper;
  let warehouse: StaffLogin;

  beforeAll(async () => {
    t = await startTestApp(backend);
    p = await seedProduct(t, { stock: 50 });
    shopper = await registerShopper(t);
    warehouse = await loginStaff(t, 'warehouse');
  });
  afterAll(() => t.close());

  const upload = (body: string | Buffer, contentType = 'text/csv', auth = warehouse.auth) =>
    t.app.inject({ method: 'POST', url: '/api/admin/shipments/import', headers: { ...auth, 'content-type': contentType, 'accept-language': 'en' }, payload: body });
  const statusOf = async (id: string) => (await t.app.inject({ url: `/api/store/orders/${id}`, headers: shopper.auth })).json().status;

  it('ships the good rows and reports every row: an unknown order and an unpaid one are skipped with reasons', async () => {
    const good = await placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[0], quantity: 1 }]);
    const unpaid = (await placeOrder(t, shopper.auth, p.variantIds[0], 1)).body;
    const csv = [
      'order_number,carrier,tracking_number',
      `${good.number},sf,SF1000000000001`,
      '20990101000000000000,zto,ZT10000000002',
      `${unpaid.number},顺丰,SF1000000000003`,
      '',
    ].join('\r\n');
    const res = await upload(`\uFEFF${csv}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ shipped: 1, skipped: 2 });
    expect(body.rows).toMatchObject([
      { row: 2, orderNumber: good.number, result: 'shipped', code: null, trackingNumber: 'SF1000000000001' },
      { row: 3, orderNumber: '20990101000000000000', result: 'skipped', code: 'ORDER_NOT_FOUND', shipmentId: null },
      { row: 4, orderNumber: unpaid.number, result: 'skipped', code: 'ORDER_NOT_SHIPPABLE' },
    ]);
    expect(body.rows[2].reason).toContain('only paid orders can be shipped');
    expect(await statusOf(good.id)).toBe('shipped');
    expect(await statusOf(unpaid.id)).toBe('pending_payment');

    const admin = await loginStaff(t, 'admin');
    const audit = (await t.app.inject({ url: `/api/admin/audit-log?action=orders.ship&entityId=${good.id}`, headers: admin.auth })).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ staffId: warehouse.staffId, after: { status: 'shipped', via: 'import', row: 2 } });
    // Uploading the same file again ships nothing twice.
    const again = (await upload(csv)).json();
    expect(again).toMatchObject({ shipped: 0, skipped: 3 });
    expect(again.rows[0].code).toBe('ORDER_ALREADY_SHIPPED');
  });

  it('reads GBK with Chinese headers, strips spreadsheet text markers, and flags numbers a spreadsheet mangled or repeated', async () => {
    const a = await placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[1], quantity: 1 }]);
    const b = await placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[1], quantity: 2 }]);
    const csv = [
      '订单号,快递公司,快递单号,仓库',
      `\t${a.number},圆通,YT2000000000001,main`,
      `="${b.number}",中通快递,ZT2000000000002,`,
      `${b.number},zto,ZT2000000000003,`,
      '2.02611E+19,sf,SF2000000000004,',
      `${a.number},,,`,
    ].join('\r\n');
    const res = await upload(iconv.encode(csv, 'gbk'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.map((r: { result: string; code: string | null }) => [r.result, r.code])).toEqual([
      ['shipped', null],
      ['shipped', null],
      ['skipped', 'SHIP_CSV_ROW_REPEATED'],
      ['skipped', 'SHIP_CSV_NUMBER_MANGLED'],
      ['skipped', 'SHIP_CSV_CELL_MISSING'],
    ]);
    const tracking = (await t.app.inject({ url: `/api/store/orders/${a.id}/tracking`, headers: shopper.auth })).json();
    expect(tracking.shipments[0]).toMatchObject({ carrier: { code: 'yto', name: { 'zh-CN': '圆通速递' } }, trackingNumber: 'YT2000000000001' });
    expect(await statusOf(b.id)).toBe('shipped');
  });

  it('refuses a file without the needed columns, a JSON body and a role without orders.ship', async () => {
    const noHeader = await upload('order,courier\r\n1,sf\r\n');
    expect([noHeader.statusCode, noHeader.json().code]).toEqual([422, 'SHIP_CSV_HEADER_MISSING']);
    const empty = await upload('order_number,carrier,tracking_number\r\n');
    expect([empty.statusCode, empty.json().code]).toEqual([422, 'SHIP_CSV_EMPTY']);
    const json = await t.app.inject({ method: 'POST', url: '/api/admin/shipments/import', headers: warehouse.auth, payload: { rows: [] } });
    expect(json.statusCode).toBe(415);
    const cs = await loginStaff(t, 'cs');
    expect((await upload('order_number,carrier,tracking_number\r\n1,sf,SF1\r\n', 'text/csv', cs.auth)).statusCode).toBe(403);
  });
});

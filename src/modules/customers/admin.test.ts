import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { placeOrder, sandboxCallback, seedProduct, startPayment, type SeededProduct } from '../../../test/support/commerce.js';

const UNKNOWN = '0190d1a0-0000-7000-8000-000000000000';

describeEachBackend('customers admin API', (backend) => {
  let t: TestApp;
  let cs: StaffLogin;
  let p: SeededProduct;
  let li: Shopper;
  let wang: Shopper;
  const api = (who: StaffLogin, url: string) => t.app.inject({ url: `/api/admin${url}`, headers: who.auth });

  async function paidOrder(who: Shopper, quantity: number) {
    const order = (await placeOrder(t, who.auth, p.variantIds[0], quantity)).body;
    const pay = (await startPayment(t, who.auth, order.id)).body;
    expect((await t.app.inject(sandboxCallback(t, { paymentId: pay.id, amount: order.total }))).json().result).toBe('paid');
    return order as { id: string; number: string; total: number };
  }

  beforeAll(async () => {
    t = await startTestApp(backend);
    cs = await loginStaff(t, 'cs');
    p = await seedProduct(t, { stock: 100 });
    li = await registerShopper(t, { name: '李雷', mobile: '13912345678', channel: 'livestream', email: 'li.lei@example.com' });
    t.clock.advance(1000);
    wang = await registerShopper(t, { name: 'Han Meimei', email: 'han@example.org' });
    t.clock.advance(1000);
    await registerShopper(t, { name: '张伟', email: 'zhang.wei@example.com' });
  });
  afterAll(() => t.close());

  it('searches customers by email, mobile and name, newest first, in cursor pages', async () => {
    const emails = async (q: string) => (await api(cs, `/customers?limit=100&q=${encodeURIComponent(q)}`)).json().items.map((c: { email: string }) => c.email);
    expect(await emails('li.lei')).toEqual(['li.lei@example.com']);
    expect(await emails('1391234')).toEqual(['li.lei@example.com']);
    expect(await emails('李雷')).toEqual(['li.lei@example.com']);
    expect(await emails('meimei')).toEqual(['han@example.org']);
    expect(await emails('example.com')).toEqual(['zhang.wei@example.com', 'li.lei@example.com']);
    expect(await emails('%')).toEqual([]);

    const first = (await api(cs, '/customers?limit=2')).json();
    expect(first.items.map((c: { email: string }) => c.email)).toEqual(['zhang.wei@example.com', 'han@example.org']);
    const second = (await api(cs, `/customers?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ email: 'li.lei@example.com', acquisitionChannel: 'livestream' })], nextCursor: null });
    expect((await api(cs, '/customers?q=')).statusCode).toBe(400);
    expect((await api(cs, '/customers?limit=101')).statusCode).toBe(400);
  });

  it("shows one customer's profile, channel, addresses, orders, order count and total spent", async () => {
    const address = { recipientName: '李雷', mobile: '13912345678', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园 1 号' };
    expect((await t.app.inject({ method: 'POST', url: '/api/store/me/addresses', headers: li.auth, payload: address })).statusCode).toBe(201);
    const a = await paidOrder(li, 2);
    t.clock.advance(1000);
    const b = await paidOrder(li, 1);
    t.clock.advance(1000);
    const unpaid = (await placeOrder(t, li.auth, p.variantIds[0], 1)).body;
    await t.k.db.transaction(() => t.services.orders.recordRefund(b.id, 1000, [], { actor: 'staff' }, {}));

    const res = await api(cs, `/customers/${li.customerId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: li.customerId,
      email: 'li.lei@example.com',
      mobile: '13912345678',
      name: '李雷',
      acquisitionChannel: 'livestream',
      addresses: [expect.objectContaining({ recipientName: '李雷', cityName: '深圳市', isDefault: true })],
      stats: { orderCount: 3, paidOrderCount: 2, totalSpent: a.total + b.total - 1000, currency: 'CNY' },
    });
    expect(body.orders.items.map((o: { id: string }) => o.id)).toEqual([unpaid.id, b.id, a.id]);
    expect(body.orders.items[1]).toMatchObject({ number: b.number, status: 'partially_refunded', paidAmount: b.total, refundedAmount: 1000 });
    expect(body.orders.items[0]).toMatchObject({ status: 'pending_payment', paidAt: null });

    const paged = (await api(cs, `/customers/${li.customerId}?ordersLimit=2`)).json().orders;
    expect(paged.items).toHaveLength(2);
    const rest = (await api(cs, `/customers/${li.customerId}?ordersLimit=2&ordersCursor=${paged.nextCursor}`)).json().orders;
    expect(rest).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });

    const quiet = (await api(cs, `/customers/${wang.customerId}`)).json();
    expect(quiet).toMatchObject({ addresses: [], orders: { items: [], nextCursor: null }, stats: { orderCount: 0, paidOrderCount: 0, totalSpent: 0 } });
    expect((await api(cs, `/customers/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await api(cs, '/customers/not-an-id')).statusCode).toBe(400);
  });

  it('needs customers.read: operator and risk may read, warehouse and analyst get 403, anonymous 401', async () => {
    for (const role of ['operator', 'risk'] as const) {
      const who = await loginStaff(t, role);
      expect((await api(who, `/customers/${li.customerId}`)).statusCode, role).toBe(200);
    }
    for (const role of ['warehouse', 'analyst'] as const) {
      const who = await loginStaff(t, role);
      for (const url of ['/customers', `/customers/${li.customerId}`]) {
        const res = await api(who, url);
        expect(res.statusCode, `${role} ${url}`).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    expect((await t.app.inject({ url: '/api/admin/customers' })).statusCode).toBe(401);
  });
});

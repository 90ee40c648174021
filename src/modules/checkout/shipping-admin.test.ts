import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { emptyCart, seedProduct, testAddress, type SeededProduct } from '../../../test/support/commerce.js';

describeEachBackend('checkout: shipping methods admin', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  let merch: StaffLogin;
  let shopper: Shopper;
  let p: SeededProduct;
  let cartId: string;

  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, who: StaffLogin | null = admin) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: who?.auth ?? {}, ...(payload ? { payload } : {}) });
  const storeCodes = async () =>
    ((await t.app.inject({ url: '/api/store/shipping-methods' })).json().items as Array<{ code: string }>).map((m) => m.code);
  const quote = (methodId: string) => t.app.inject({ url: `/api/store/carts/${cartId}?shippingMethodId=${methodId}&province=44`, headers: shopper.auth });
  const auditOf = async (id: string) =>
    (await api('GET', `/audit-log?entityType=shippingMethod&entityId=${id}`)).json().items as Array<{ action: string; before: unknown; after: unknown }>;
  const countMethods = async () => (await t.services.shipping.listForStaff()).length;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = await loginStaff(t, 'admin');
    merch = await loginStaff(t, 'merchandiser');
    shopper = await registerShopper(t);
    p = await seedProduct(t, { stock: 50, prices: [4990] });
    const cart = await emptyCart(t, shopper.auth);
    cartId = cart.id;
    await t.app.inject({ method: 'POST', url: `/api/store/carts/${cartId}/items`, headers: shopper.auth, payload: { variantId: p.variantIds[0], quantity: 1 } });
  });
  afterAll(() => t.close());

  it('lists every method to signed-in staff and refuses anonymous callers', async () => {
    const res = await api('GET', '/shipping-methods', undefined, merch);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toMatchObject([
      { code: 'standard', kind: 'freeOver', flatFee: 1000, freeThreshold: 9900, active: true, position: 0 },
      { code: 'express', kind: 'byWeight', firstFee: 1800, active: true, position: 1 },
    ]);
    expect((await api('GET', '/shipping-methods', undefined, null)).statusCode).toBe(401);
  });

  it('creates a method for settings.manage only, audited, shown in the store list and priced at checkout', async () => {
    expect(await storeCodes()).toEqual(['standard', 'express']); // primes the store's cache
    const body = { code: 'city-courier', name: { 'zh-CN': '同城配送', en: 'City courier' }, kind: 'flat', flatFee: 500 };
    expect((await api('POST', '/shipping-methods', body, merch)).statusCode).toBe(403);
    expect((await api('POST', '/shipping-methods', body, null)).statusCode).toBe(401);
    expect(await countMethods()).toBe(2);

    const res = await api('POST', '/shipping-methods', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ code: 'city-courier', kind: 'flat', flatFee: 500, active: true, position: 2 });
    expect(await storeCodes()).toEqual(['standard', 'express', 'city-courier']);
    const q = await quote(created.id);
    expect(q.statusCode).toBe(200);
    expect(q.json().quote).toMatchObject({ subtotal: 4990, shippingFee: 500, total: 5490 });
    const rows = await auditOf(created.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'checkout.shippingMethod.create', before: null, after: { code: 'city-courier', flatFee: 500 } });

    const dup = await api('POST', '/shipping-methods', { ...body, flatFee: 700 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('SHIPPING_METHOD_CODE_TAKEN');
  });

  it('refuses a rule that does not fit its kind with 400 and writes nothing', async () => {
    const name = { 'zh-CN': '坏', en: 'Bad' };
    const bad: object[] = [
      { code: 'bad-1', name, kind: 'flat' },
      { code: 'bad-2', name, kind: 'flat', flatFee: -1 },
      { code: 'bad-3', name, kind: 'flat', flatFee: 500, freeThreshold: 9900 },
      { code: 'bad-4', name, kind: 'freeOver', flatFee: 500 },
      { code: 'bad-5', name, kind: 'byWeight', firstWeightGrams: 1000, firstFee: 1000, extraWeightGrams: 0, extraFee: 500 },
      { code: 'bad-6', name, kind: 'byWeight', firstWeightGrams: 1000, firstFee: 1000, extraWeightGrams: 1000, extraFee: 500, regionFees: [{ provinceCodes: ['xx'], firstFee: 1, extraFee: 1 }] },
      { code: 'bad-7', name, kind: 'drone', flatFee: 500 },
      { code: 'Bad Code', name, kind: 'flat', flatFee: 500 },
      { code: 'bad-8', name: { en: 'Only English' }, kind: 'flat', flatFee: 500 },
      { code: 'bad-9', name, kind: 'flat', flatFee: 1.5 },
    ];
    const before = await countMethods();
    for (const body of bad) {
      const res = await api('POST', '/shipping-methods', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await countMethods()).toBe(before);
  });

  it('changes fees and kind with a whole rule, audited, and the quote follows', async () => {
    const id = (await t.services.shipping.listForStaff()).find((m) => m.code === 'city-courier')!.id;
    const fee = await api('PATCH', `/shipping-methods/${id}`, { flatFee: 800, name: { 'zh-CN': '同城急送', en: 'City express' } });
    expect(fee.statusCode).toBe(200);
    expect(fee.json()).toMatchObject({ kind: 'flat', flatFee: 800, name: { en: 'City express' } });
    expect((await quote(id)).json().quote.shippingFee).toBe(800);

    const halfRule = await api('PATCH', `/shipping-methods/${id}`, { kind: 'byWeight', firstFee: 1000 });
    expect(halfRule.statusCode).toBe(400);
    expect(halfRule.json().code).toBe('VALIDATION_FAILED');
    const mixed = await api('PATCH', `/shipping-methods/${id}`, { freeThreshold: 100 });
    expect(mixed.statusCode).toBe(400);
    expect((await quote(id)).json().quote.shippingFee).toBe(800);

    const freeOver = await api('PATCH', `/shipping-methods/${id}`, { kind: 'freeOver', freeThreshold: 4000, flatFee: 600 });
    expect(freeOver.statusCode).toBe(200);
    expect(freeOver.json()).toMatchObject({ kind: 'freeOver', freeThreshold: 4000, flatFee: 600 });
    expect((await quote(id)).json().quote.shippingFee).toBe(0); // 49.90 ≥ 40.00

    expect((await api('PATCH', `/shipping-methods/${id}`, { flatFee: 100 }, merch)).statusCode).toBe(403);
    const actions = (await auditOf(id)).map((r) => r.action);
    expect(actions).toEqual(['checkout.shippingMethod.update', 'checkout.shippingMethod.update', 'checkout.shippingMethod.create']);
    expect((await auditOf(id))[0]).toMatchObject({ before: { kind: 'flat' }, after: { kind: 'freeOver', freeThreshold: 4000 } });
    expect((await api('PATCH', '/shipping-methods/0190d1a0-0000-7000-8000-000000000000', { active: false })).statusCode).toBe(404);
  });

  it('deactivates a method: gone from the store list and refused at checkout; back when reactivated', async () => {
    const id = (await t.services.shipping.listForStaff()).find((m) => m.code === 'city-courier')!.id;
    const off = await api('PATCH', `/shipping-methods/${id}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect(await storeCodes()).toEqual(['standard', 'express']);
    const q = await quote(id);
    expect(q.statusCode).toBe(422);
    expect(q.json().code).toBe('SHIPPING_METHOD_NOT_FOUND');
    const order = await t.app.inject({
      method: 'POST', url: '/api/store/orders', headers: shopper.auth,
      payload: { cartId, shippingMethodId: id, address: testAddress },
    });
    expect(order.statusCode).toBe(422);
    expect(order.json().code).toBe('SHIPPING_METHOD_NOT_FOUND');
    expect((await auditOf(id))[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    expect((await api('GET', '/shipping-methods')).json().items.find((m: { id: string }) => m.id === id).active).toBe(false);

    expect((await api('PATCH', `/shipping-methods/${id}`, { active: true })).statusCode).toBe(200);
    expect(await storeCodes()).toEqual(['standard', 'express', 'city-courier']);
    expect((await quote(id)).statusCode).toBe(200);
  });

  it('keeps at least one active method', async () => {
    const all = await t.services.shipping.listForStaff();
    const [last, ...others] = all;
    for (const m of others) expect((await api('PATCH', `/shipping-methods/${m.id}`, { active: false })).statusCode).toBe(200);
    const res = await api('PATCH', `/shipping-methods/${last.id}`, { active: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LAST_SHIPPING_METHOD');
    expect(await storeCodes()).toEqual([last.code]);
    for (const m of others) await api('PATCH', `/shipping-methods/${m.id}`, { active: true });
    expect(await storeCodes()).toHaveLength(all.length);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, describeOnBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { registerShopper } from '../../../test/support/customers.js';
import { placeOrder, sandboxCallback, seedProduct, startPayment, type SeededProduct } from '../../../test/support/commerce.js';
import { MINUTE } from '../../platform/clock.js';

describeEachBackend('store settings', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  let merch: StaffLogin;
  let p: SeededProduct;

  const get = (who?: StaffLogin) => t.app.inject({ url: '/api/admin/settings', headers: who?.auth ?? {} });
  const patch = (payload: unknown, who: StaffLogin | null = admin) =>
    t.app.inject({ method: 'PATCH', url: '/api/admin/settings', headers: who?.auth ?? {}, payload: payload as object });
  const audit = async () =>
    (await t.app.inject({ url: '/api/admin/audit-log?action=settings.update&limit=100', headers: admin.auth })).json().items as Array<{
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      staffId: string;
      entityType: string;
    }>;

  beforeAll(async () => {
    t = await startTestApp(backend, { STORE_TIMEZONE: 'Asia/Shanghai', UNPAID_TIMEOUT_MINUTES: '30', AUTO_CONFIRM_DAYS: '10' });
    t.clock.set(new Date('2026-03-01T02:00:00Z'));
    admin = await loginStaff(t, 'admin');
    merch = await loginStaff(t, 'merchandiser');
    p = await seedProduct(t, { stock: 100, prices: [10000] });
  });
  afterAll(() => t.close());

  it('starts from the environment and is readable by any signed-in staff member, not by anonymous callers', async () => {
    const res = await get(merch);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      name: { 'zh-CN': '掌柜商城', en: 'Shopkeeper Store' },
      timezone: 'Asia/Shanghai',
      unpaidTimeoutMinutes: 30,
      autoConfirmDays: 10,
      currency: 'CNY',
      homeBanner: {
        'zh-CN': { title: '好物精选', subtitle: '正品保障，全场满额包邮。', link: null, image: null },
        en: { title: 'Picked for you', subtitle: 'Genuine products, free shipping over a threshold.', link: null, image: null },
      },
      defaults: { timezone: 'Asia/Shanghai', unpaidTimeoutMinutes: 30, autoConfirmDays: 10 },
      // Not a setting: how this process takes payments, for the console's badge (docs/decisions/0026).
      paymentSandbox: { enabled: true, exposures: [] },
    });
    const anon = await get();
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['content-type']).toContain('application/problem+json');
    expect(anon.json().code).toBe('UNAUTHENTICATED');
  });

  it('lets only settings.manage change them: merchandiser 403, anonymous 401, and neither writes', async () => {
    const forbidden = await patch({ unpaidTimeoutMinutes: 20 }, merch);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    const anon = await patch({ unpaidTimeoutMinutes: 20 }, null);
    expect(anon.statusCode).toBe(401);
    expect((await get(admin)).json().unpaidTimeoutMinutes).toBe(30);
    expect(await audit()).toEqual([]);
  });

  it('refuses bad values with 400 problem+json and writes nothing', async () => {
    const bad: unknown[] = [
      { timezone: 'Mars/Olympus' },
      { timezone: '+08:00' },
      { timezone: '' },
      { unpaidTimeoutMinutes: 4 },
      { unpaidTimeoutMinutes: 1441 },
      { unpaidTimeoutMinutes: 15.5 },
      { autoConfirmDays: 0 },
      { autoConfirmDays: 31 },
      { name: { 'zh-CN': '新店' } },
      { name: { 'zh-CN': '  ', en: 'Shop' } },
      { name: { 'zh-CN': '新店', en: 'x'.repeat(61) } },
      { currency: 'USD' },
      // One bad field spoils the whole request: the good one is not saved either.
      { unpaidTimeoutMinutes: 20, timezone: 'Nowhere/Land' },
    ];
    for (const body of bad) {
      const res = await patch(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await get(admin)).json()).toMatchObject({ timezone: 'Asia/Shanghai', unpaidTimeoutMinutes: 30, name: { en: 'Shopkeeper Store' } });
    expect(await t.k.settings.get('orders.unpaidTimeoutMinutes')).toBeUndefined();
    expect(await audit()).toEqual([]);
  });

  it('saves a change with one audit row of what changed, before and after; an unchanged value records nothing', async () => {
    const res = await patch({ name: { 'zh-CN': '山海小铺', en: 'Shanhai Store' }, autoConfirmDays: 7 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: { 'zh-CN': '山海小铺', en: 'Shanhai Store' }, autoConfirmDays: 7, timezone: 'Asia/Shanghai' });
    expect(await t.k.settings.get('orders.autoConfirmDays')).toBe(7);
    const rows = await audit();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      staffId: admin.staffId,
      entityType: 'settings',
      before: { name: { 'zh-CN': '掌柜商城', en: 'Shopkeeper Store' }, autoConfirmDays: 10 },
      after: { name: { 'zh-CN': '山海小铺', en: 'Shanhai Store' }, autoConfirmDays: 7 },
    });
    expect(Object.keys(rows[0].after).sort()).toEqual(['autoConfirmDays', 'name']);

    expect((await patch({ autoConfirmDays: 7, name: { en: 'Shanhai Store', 'zh-CN': '山海小铺' } })).statusCode).toBe(200);
    expect((await patch({})).statusCode).toBe(200);
    expect(await audit()).toHaveLength(1);
  });

  it('serves the store info to anyone, cached, and follows a change at once', async () => {
    const first = await t.app.inject({ url: '/api/store/info' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: { 'zh-CN': '山海小铺', en: 'Shanhai Store' }, currency: 'CNY', timezone: 'Asia/Shanghai' });
    expect(Object.keys(first.json()).sort()).toEqual(['currency', 'homeBanner', 'name', 'timezone']);
    const etag = first.headers.etag as string;
    expect((await t.app.inject({ url: '/api/store/info', headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    expect((await patch({ name: { 'zh-CN': '山海良品', en: 'Shanhai Goods' } })).statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/store/info', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.json().name).toEqual({ 'zh-CN': '山海良品', en: 'Shanhai Goods' });
  });

  it('applies a new unpaid timeout to the next order’s timeout job', async () => {
    expect((await patch({ unpaidTimeoutMinutes: 15 })).statusCode).toBe(200);
    expect(await t.k.settings.get('orders.unpaidTimeoutMinutes')).toBe(15);
    const shopper = await registerShopper(t);
    const placed = await placeOrder(t, shopper.auth, p.variantIds[0], 1);
    expect(placed.status).toBe(201);
    expect(new Date(placed.body.paymentDueAt).getTime() - new Date(placed.body.placedAt).getTime()).toBe(15 * MINUTE);

    const status = async () => (await t.app.inject({ url: `/api/store/orders/${placed.body.id}`, headers: shopper.auth })).json().status;
    const start = t.clock.now().getTime();
    t.clock.set(new Date(start + 14 * MINUTE));
    await t.settle();
    expect(await status()).toBe('pending_payment');
    t.clock.set(new Date(start + 15 * MINUTE + 1000));
    await t.settle();
    expect(await status()).toBe('cancelled');
  });

  it("moves the dashboard's day boundary and order numbers with the time zone, at once", async () => {
    const shopper = await registerShopper(t);
    // Paid 2026-03-01T15:00Z: 23:00 on 03-01 in Shanghai, 10:00 on 03-01 in New York.
    t.clock.set(new Date('2026-03-01T14:50:00Z'));
    const placed = await placeOrder(t, shopper.auth, p.variantIds[0], 1);
    expect(placed.status).toBe(201);
    expect(placed.body.number.slice(0, 8)).toBe('20260301');
    t.clock.set(new Date('2026-03-01T15:00:00Z'));
    const pay = (await startPayment(t, shopper.auth, placed.body.id)).body;
    expect((await t.app.inject(sandboxCallback(t, { paymentId: pay.id, amount: placed.body.total }))).json().result).toBe('paid');

    // 04:00Z on 03-02: noon of 03-02 in Shanghai, 23:00 of 03-01 in New York.
    t.clock.set(new Date('2026-03-02T04:00:00Z'));
    // Staff sessions last 12 hours on the store clock.
    admin = await loginStaff(t, 'admin');
    const analyst = await loginStaff(t, 'analyst');
    const today = async () => (await t.app.inject({ url: '/api/admin/dashboard/today', headers: analyst.auth })).json();
    const shanghai = await today();
    expect(shanghai).toMatchObject({ timezone: 'Asia/Shanghai', today: { date: '2026-03-02', from: '2026-03-01T16:00:00.000Z', gmv: 0 } });
    expect(shanghai.yesterday).toMatchObject({ date: '2026-03-01', gmv: placed.body.total, paidOrders: 1 });

    const res = await patch({ timezone: 'america/new_york' });
    expect(res.statusCode).toBe(200);
    expect(res.json().timezone).toBe('America/New_York');
    expect(t.k.timezone.get()).toBe('America/New_York');
    const newYork = await today();
    expect(newYork).toMatchObject({
      timezone: 'America/New_York',
      today: { date: '2026-03-01', from: '2026-03-01T05:00:00.000Z', to: '2026-03-02T05:00:00.000Z', gmv: placed.body.total, paidOrders: 1 },
    });
    expect((await t.app.inject({ url: '/api/store/info' })).json().timezone).toBe('America/New_York');
    // 04:00Z on 03-02 is still 03-01 in New York: in the order number and in the admin date filter.
    const later = await placeOrder(t, (await registerShopper(t)).auth, p.variantIds[0], 1);
    expect(later.body.number.slice(0, 8)).toBe('20260301');
    const onDay = async (day: string) =>
      (await t.app.inject({ url: `/api/admin/orders?from=${day}&to=${day}&q=${later.body.number}`, headers: admin.auth })).json().items.length;
    expect(await onDay('2026-03-01')).toBe(1);
    expect(await onDay('2026-03-02')).toBe(0);

    const rows = await audit();
    expect(rows[0]).toMatchObject({ before: { timezone: 'Asia/Shanghai' }, after: { timezone: 'America/New_York' } });
  });

  it('loads the saved zone as a starting kernel does, and falls back to STORE_TIMEZONE for an unusable one', async () => {
    expect(await t.k.timezone.load()).toBe('America/New_York');
    await t.k.settings.set('store.timezone', 'not a zone');
    expect(await t.k.timezone.load()).toBe('Asia/Shanghai');
    await t.k.settings.set('store.timezone', 'America/New_York');
    expect(await t.k.timezone.load()).toBe('America/New_York');
  });
});

describeOnBackend('postgres', 'store settings across API processes', (backend) => {
  let a: TestApp;
  let b: TestApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase(backend);
    drop = db.drop;
    // One Redis prefix for both, so they hear each other's invalidations.
    const env = { STORE_TIMEZONE: 'Asia/Shanghai', REDIS_PREFIX: `sktest-shared-${Date.now().toString(36)}` };
    a = await startTestApp(backend, env, { database: db });
    b = await startTestApp(backend, env, { database: db });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it.skipIf(!backend.redisUrl)('changes the time zone in the other process through the cache invalidation', async () => {
    const admin = await loginStaff(a, 'admin');
    expect(b.k.timezone.get()).toBe('Asia/Shanghai');
    expect((await b.app.inject({ url: '/api/store/info' })).json().timezone).toBe('Asia/Shanghai');
    const res = await a.app.inject({ method: 'PATCH', url: '/api/admin/settings', headers: admin.auth, payload: { timezone: 'Europe/Berlin' } });
    expect(res.statusCode).toBe(200);
    expect(a.k.timezone.get()).toBe('Europe/Berlin');
    for (let i = 0; i < 50 && b.k.timezone.get() !== 'Europe/Berlin'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(b.k.timezone.get()).toBe('Europe/Berlin');
    expect((await b.app.inject({ url: '/api/store/info' })).json().timezone).toBe('Europe/Berlin');
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper, type Shopper } from '../../../../test/support/customers.js';
import { emptyCart, seedProduct, type SeededProduct } from '../../../../test/support/commerce.js';
import { placePaidOrder } from '../../../../test/support/paid-orders.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';

type Who = Record<string, string>;

describeEachBackend('coupon distribution: public codes, redeem codes, issuing, automatic grants', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let analyst: StaffLogin;
  let warehouse: StaffLogin;
  let p: SeededProduct;

  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, headers: Who = {}) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: { ...operator.auth, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const store = (method: 'GET' | 'POST', url: string, who: Who | null, payload?: unknown) =>
    t.app.inject({ method, url: `/api/store${url}`, headers: who ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const template = async (body: Record<string, unknown>) => {
    const res = await admin('POST', '/coupon-templates', { name: { 'zh-CN': '满100减20', en: '¥20 off ¥100' }, action: { kind: 'amountOff', threshold: 10000, amount: 2000 }, validDays: 7, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; left: number | null; claimed: number; publicCode: string | null; listed: boolean };
  };
  const redeem = (who: Who, code: string) => store('POST', '/coupons/redeem', who, { code });
  const mine = async (who: Who) => (await store('GET', '/me/coupons', who)).json().items as Array<{ id: string; templateId: string; code: string; status: string }>;
  const templateOf = async (id: string) => ((await admin('GET', '/coupon-templates')).json().items as Array<{ id: string; claimed: number; left: number | null }>).find((x) => x.id === id)!;

  beforeAll(async () => {
    t = await startTestApp(backend);
    operator = await loginStaff(t, 'operator');
    analyst = await loginStaff(t, 'analyst');
    warehouse = await loginStaff(t, 'warehouse');
    p = await seedProduct(t, { stock: 100, prices: [30000] });
  });
  afterAll(() => t.close());

  it('a public code claims one within the limits; typed again it gives the same coupon; an unlisted template is not in the claim centre', async () => {
    const code = `VIP${randomUUID().slice(0, 6).toUpperCase().replace(/-/g, '')}`;
    const tpl = await template({ totalQuantity: 2, perCustomerLimit: 1, publicCode: code.toLowerCase(), listed: false });
    expect(tpl).toMatchObject({ publicCode: code, listed: false });
    expect(((await store('GET', '/coupons/claimable', null)).json().items as Array<{ id: string }>).some((x) => x.id === tpl.id)).toBe(false);
    // Claiming an unlisted template by its id (as the claim centre would) is refused: only the code reaches it.
    const a = await registerShopper(t);
    expect((await store('POST', '/coupons/claim', a.auth, { templateId: tpl.id })).json().code).toBe('COUPON_NOT_CLAIMABLE');

    const first = await redeem(a.auth, ` ${code.toLowerCase()} `);
    expect(first.statusCode, first.body).toBe(201);
    const again = await redeem(a.auth, code);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await mine(a.auth)).filter((c) => c.templateId === tpl.id)).toHaveLength(1);

    // The total holds: two more shoppers, one coupon left.
    const [b, c] = [await registerShopper(t), await registerShopper(t)];
    const answers = await Promise.all([redeem(b.auth, code), redeem(c.auth, code)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().code).toBe('COUPONS_GONE');
    expect((await templateOf(tpl.id)).claimed).toBe(2);

    expect((await redeem({}, code)).statusCode).toBe(401);
  });

  it('a public code belongs to one template: a second template with it, or two saved at once, get 409', async () => {
    const code = `SAME${randomUUID().slice(0, 5).toUpperCase().replace(/-/g, '')}`;
    const answers = await Promise.all([1, 2].map(() => admin('POST', '/coupon-templates', { name: { 'zh-CN': '券', en: 'Coupon' }, action: { kind: 'freeShipping' }, validDays: 3, publicCode: code })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'COUPON_CODE_TAKEN' });
    const other = await template({});
    const clash = await admin('PATCH', `/coupon-templates/${other.id}`, { publicCode: code });
    expect(clash.statusCode).toBe(409);
    expect((await admin('PATCH', `/coupon-templates/${other.id}`, { publicCode: 'x!' })).statusCode).toBe(400);
  });

  it('a template is edited: renamed, its total raised but never below what was given; audited', async () => {
    const tpl = await template({ totalQuantity: 3 });
    const s = await registerShopper(t);
    expect((await store('POST', '/coupons/claim', s.auth, { templateId: tpl.id })).statusCode).toBe(201);
    const below = await admin('PATCH', `/coupon-templates/${tpl.id}`, { totalQuantity: 0 });
    expect(below.statusCode).toBe(400);
    const tooFew = await admin('PATCH', `/coupon-templates/${tpl.id}`, { totalQuantity: 1, perCustomerLimit: 2 });
    expect(tooFew.statusCode).toBe(200);
    const under = await admin('PATCH', `/coupon-templates/${tpl.id}`, { name: { 'zh-CN': '改名', en: 'Renamed' } });
    expect(under.json()).toMatchObject({ name: { en: 'Renamed' }, totalQuantity: 1, left: 0, perCustomerLimit: 2 });
    const s2 = await registerShopper(t);
    expect((await store('POST', '/coupons/claim', s2.auth, { templateId: tpl.id })).statusCode).toBe(409);
    // Lower than the one already given: refused, nothing changed.
    const t2 = await template({ totalQuantity: 5 });
    for (const who of [await registerShopper(t), await registerShopper(t)]) await store('POST', '/coupons/claim', who.auth, { templateId: t2.id });
    const refused = await admin('PATCH', `/coupon-templates/${t2.id}`, { totalQuantity: 1 });
    expect(refused.json()).toMatchObject({ code: 'COUPON_TOTAL_BELOW_CLAIMED' });
    expect((await templateOf(t2.id)).left).toBe(3);
    const audit = await t.app.inject({ method: 'GET', url: `/api/admin/audit-log?entityType=couponTemplate&entityId=${tpl.id}`, headers: (await loginStaff(t, 'admin')).auth });
    expect(audit.statusCode, audit.body).toBe(200);
    expect((audit.json().items as Array<{ action: string }>).map((a) => a.action)).toContain('marketing.couponTemplate.update');
    expect((await t.app.inject({ method: 'PATCH', url: `/api/admin/coupon-templates/${tpl.id}`, headers: warehouse.auth, payload: { totalQuantity: 9 } })).statusCode).toBe(403);
  });

  it('redeem codes: made in batches within the total, exported as CSV, each redeemed once — also by ten shoppers at once', async () => {
    const tpl = await template({ totalQuantity: 5, listed: false });
    const first = await admin('POST', `/coupon-templates/${tpl.id}/redeem-codes`, { count: 3 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ batch: 1, count: 3 });
    const over = await admin('POST', `/coupon-templates/${tpl.id}/redeem-codes`, { count: 3 });
    expect(over.json()).toMatchObject({ code: 'COUPON_CODES_OVER_TOTAL', detail: expect.stringContaining('2') });
    expect((await admin('POST', `/coupon-templates/${tpl.id}/redeem-codes`, { count: 2 })).json()).toEqual({ batch: 2, count: 2 });

    const csv = await admin('GET', `/coupon-templates/${tpl.id}/redeem-codes.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('code,batch,created_at,redeemed_at');
    expect(rows.slice(1)).toHaveLength(5);
    const codes = rows.slice(1).map((r) => r.split(',')[0]!);
    expect(new Set(codes).size).toBe(5);
    expect(codes.every((c) => /^[2-9A-HJ-NP-Z]{16}$/.test(c))).toBe(true);
    expect(((await admin('GET', `/coupon-templates/${tpl.id}/redeem-codes.csv?batch=2`)).body.trim().split('\r\n'))).toHaveLength(3);

    const shoppers = await Promise.all(Array.from({ length: 10 }, () => registerShopper(t)));
    const race = await Promise.all(shoppers.map((s) => redeem(s.auth, codes[0]!)));
    expect(race.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(race.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'COUPON_CODE_USED')).toBe(true);
    const winner = shoppers[race.findIndex((r) => r.statusCode === 201)]!;
    expect((await redeem(winner.auth, codes[0]!.toLowerCase())).statusCode).toBe(200);
    expect((await mine(winner.auth)).filter((c) => c.templateId === tpl.id)).toHaveLength(1);

    const batches = (await admin('GET', `/coupon-templates/${tpl.id}/redeem-codes`)).json().items;
    expect(batches).toMatchObject([{ batch: 2, count: 2, redeemed: 0 }, { batch: 1, count: 3, redeemed: 1 }]);
    const redeemedRow = (await admin('GET', `/coupon-templates/${tpl.id}/redeem-codes.csv?batch=1`)).body.split('\r\n').find((r) => r.startsWith(codes[0]!))!;
    expect(redeemedRow.split(',')[3]).toMatch(/^\d{4}-/);
    expect((await templateOf(tpl.id)).claimed).toBe(1);

    // Unknown codes, and another shopper's own coupon code, are both simply unknown (to a shopper
    // who is not the race's winner: any of the ten may have won).
    const other = shoppers.find((s) => s !== winner)!;
    expect((await redeem(other.auth, 'NOSUCHCODE99')).json().code).toBe('REDEEM_CODE_UNKNOWN');
    const theirs = (await mine(winner.auth))[0]!.code;
    expect((await redeem(other.auth, theirs)).statusCode).toBe(404);
    expect((await redeem(winner.auth, theirs)).statusCode).toBe(200);

    // Analysts read, only managers make codes; the warehouse sees nothing.
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/coupon-templates/${tpl.id}/redeem-codes`, headers: analyst.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/coupon-templates/${tpl.id}/redeem-codes`, headers: analyst.auth, payload: { count: 1 } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/admin/coupon-templates/${tpl.id}/redeem-codes.csv`, headers: warehouse.auth })).statusCode).toBe(403);
    expect((await admin('POST', `/coupon-templates/${randomUUID()}/redeem-codes`, { count: 1 })).statusCode).toBe(404);
    expect((await admin('POST', `/coupon-templates/${tpl.id}/redeem-codes`, { count: 10_001 })).statusCode).toBe(400);
  });

  it('issuing to a list: known emails and mobiles get one each, unknown ones are reported; all or none; a replayed key issues nothing again', async () => {
    const mobile = `139${String(Date.now()).slice(-8)}`;
    const [a, b] = [await registerShopper(t), await registerShopper(t, { mobile })];
    const tpl = await template({ totalQuantity: 10, perCustomerLimit: 1, listed: false });
    const key = randomUUID();
    const body = { contacts: [a.email.toUpperCase(), mobile, 'nobody@example.com'], customerIds: [a.customerId, randomUUID()] };
    const res = await admin('POST', `/coupon-templates/${tpl.id}/issue`, body, { 'idempotency-key': key });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().issued).toBe(2);
    expect(res.json().skipped.map((s: { who: string }) => s.who).sort()).toEqual(['nobody@example.com', body.customerIds[1]].sort());
    const replay = await admin('POST', `/coupon-templates/${tpl.id}/issue`, body, { 'idempotency-key': key });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().issued).toBe(2);
    expect((await mine(a.auth)).filter((c) => c.templateId === tpl.id)).toHaveLength(1);
    expect((await mine(b.auth)).filter((c) => c.templateId === tpl.id)).toHaveLength(1);
    expect((await templateOf(tpl.id)).claimed).toBe(2);

    // Three chosen, two left: nothing is issued.
    const small = await template({ totalQuantity: 2, listed: false });
    const c = await registerShopper(t);
    const tooMany = await admin('POST', `/coupon-templates/${small.id}/issue`, { customerIds: [a.customerId, b.customerId, c.customerId] });
    expect(tooMany.json()).toMatchObject({ code: 'COUPONS_NOT_ENOUGH' });
    expect((await templateOf(small.id)).claimed).toBe(0);
    expect((await mine(c.auth)).some((x) => x.templateId === small.id)).toBe(false);

    expect((await admin('POST', `/coupon-templates/${tpl.id}/issue`, {})).statusCode).toBe(400);
    expect((await admin('POST', `/coupon-templates/${tpl.id}/issue`, { contacts: ['not a contact'] })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/coupon-templates/${tpl.id}/issue`, headers: analyst.auth, payload: { customerIds: [a.customerId] } })).statusCode).toBe(403);
  });

  it('issuing to a tier gives one to each member of it', async () => {
    const s = await registerShopper(t);
    await placePaidOrder(t, s.auth, [{ variantId: p.variantIds[0]!, quantity: 1 }]);
    await t.settle();
    const tpl = await template({ listed: false });
    const res = await admin('POST', `/coupon-templates/${tpl.id}/issue`, { tier: 'regular' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().issued).toBeGreaterThanOrEqual(1);
    expect((await mine(s.auth)).filter((c) => c.templateId === tpl.id)).toHaveLength(1);
  });

  it('a new account gets the new-customer coupon once; a tier upgrade gives its gift', async () => {
    const welcome = await template({ listed: false, name: { 'zh-CN': '新人券', en: 'Welcome' } });
    const set = await admin('PUT', '/coupon-grants', { newCustomerTemplateId: welcome.id });
    expect(set.statusCode, set.body).toBe(200);
    expect((await admin('PUT', '/coupon-grants', { newCustomerTemplateId: randomUUID() })).statusCode).toBe(404);
    const fresh = await registerShopper(t);
    await t.settle();
    await t.settle();
    expect((await mine(fresh.auth)).filter((c) => c.templateId === welcome.id)).toHaveLength(1);
    await admin('PUT', '/coupon-grants', { newCustomerTemplateId: null });

    // Silver (500 growth) gives 66 points and a coupon on reaching it.
    const gift = await template({ listed: false, name: { 'zh-CN': '升级礼券', en: 'Upgrade gift' } });
    const program = (await admin('GET', '/membership/program')).json();
    program.tiers[1].benefits.upgradePoints = 66;
    program.tiers[1].benefits.upgradeCouponTemplateId = gift.id;
    expect((await admin('PUT', '/membership/program', program)).statusCode).toBe(200);
    const s: Shopper = await registerShopper(t);
    await placePaidOrder(t, s.auth, [{ variantId: p.variantIds[0]!, quantity: 2 }]); // ¥600 of goods
    await t.settle();
    expect((await store('GET', '/me/membership', s.auth)).json().tier.code).toBe('silver');
    expect((await mine(s.auth)).filter((c) => c.templateId === gift.id)).toHaveLength(1);
    const history = (await store('GET', '/me/points/history', s.auth)).json().items as Array<{ kind: string; delta: number }>;
    expect(history.filter((h) => h.kind === 'gift' && h.delta === 66)).toHaveLength(1);
  });

  it('a new-customers-only promotion prices a shopper’s first order, not the one after it is paid', async () => {
    const promo = await admin('POST', '/promotions', {
      name: { 'zh-CN': '新人立减', en: 'First order' }, action: { kind: 'amountOff', amount: 1500 }, conditions: { newCustomersOnly: true }, status: 'active',
    });
    expect(promo.statusCode, promo.body).toBe(201);
    const s = await registerShopper(t);
    const quote = async (who: Who) => {
      const cart = await emptyCart(t, who);
      await store('POST', `/carts/${cart.id}/items`, who, { variantId: p.variantIds[0], quantity: 1 });
      return (await store('GET', `/carts/${cart.id}`, who)).json();
    };
    const before = await quote(s.auth);
    expect(JSON.stringify(before)).toContain('新人立减');
    await placePaidOrder(t, s.auth, [{ variantId: p.variantIds[0]!, quantity: 1 }]);
    await t.settle();
    const after = await quote(s.auth);
    expect(JSON.stringify(after)).not.toContain('新人立减');
    await admin('POST', `/promotions/${promo.json().id}/pause`);
  });

  it('a product page’s coupon block lists the coupons whose scope takes the product in', async () => {
    const categoryId = (await t.services.catalog.getProduct(p.productId)).categoryId;
    const scoped = await template({ scope: { categoryIds: [categoryId] } });
    const elsewhere = await template({ scope: { categoryIds: [randomUUID()] } });
    const forProduct = (await store('GET', `/coupons/claimable?productId=${p.productId}&categoryId=${categoryId}`, null)).json().items as Array<{ id: string }>;
    expect(forProduct.some((x) => x.id === scoped.id)).toBe(true);
    expect(forProduct.some((x) => x.id === elsewhere.id)).toBe(false);
    expect((await store('GET', '/coupons/claimable?productId=nope', null)).statusCode).toBe(400);
  });
});

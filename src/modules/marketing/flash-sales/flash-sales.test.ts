import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../../test/support/harness.js';
import { registerShopper } from '../../../../test/support/customers.js';
import { seedProduct, type SeededProduct } from '../../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { flashGateFor } from './gate.js';
import { buyToken } from './buy-token.js';

/**
 * Flash sales (issue 13) through HTTP on both shapes: a round is set up and published (its stock
 * carved out of the warehouse), attempts before the start are refused, the crowd gets exactly the
 * stock with nobody over the limit, and the gate emptied (a restart, Redis back empty) is loaded
 * again from the claim ledger with every unit accounted for.
 */
describeEachBackend('flash sales: rounds, the crowd, the ledger', (backend) => {
  let t: TestApp;
  let operator: StaffLogin;
  let analyst: StaffLogin;
  let p: SeededProduct;
  let shopper: Record<string, string>;
  const HOUR = 3_600_000;

  const admin = (method: 'GET' | 'POST', url: string, payload?: unknown, who: StaffLogin = operator) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const tokenOf = async (itemId: string, headers: Record<string, string>) => (await t.app.inject({ url: `/api/store/flash-sales/items/${itemId}/token`, headers })).json().token ?? 'none';
  const buy = async (itemId: string, headers: Record<string, string>, quantity = 1, token?: string) =>
    t.app.inject({ method: 'POST', url: `/api/store/flash-sales/items/${itemId}/buy`, headers, payload: { quantity, token: token ?? (await tokenOf(itemId, headers)) } });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1100));
  /** As the buy route does, without HTTP: a token as the route signs it, then the attempt (for crowds of made-up shoppers, who have no address book). */
  const attempt = async (customerId: string, itemId: string, quantity = 1) => {
    const { endsAt } = (await t.services.flashSales.list()).find((r) => r.items.some((i) => i.id === itemId))!;
    return t.services.flashSales.buy(customerId, itemId, quantity, buyToken(t.k.secrets.session, customerId, itemId, Date.parse(endsAt)));
  };
  /** A shopper with a saved address (a win becomes an order to it). */
  const shopperWithAddress = async () => {
    const auth = (await registerShopper(t)).auth;
    const saved = await t.app.inject({ method: 'POST', url: '/api/store/me/addresses', headers: auth, payload: { recipientName: '张三', mobile: '13800138000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '科技园路 1 号' } });
    expect(saved.statusCode, saved.body).toBe(201);
    return auth;
  };
  const available = async (variantId: string) => (await t.services.inventory.availability([variantId])).get(variantId)!;
  const round = (items: unknown[], startsInMs = HOUR) => ({
    name: { 'zh-CN': '20:00 场', en: '8 pm round' },
    startsAt: new Date(t.clock.now().getTime() + startsInMs).toISOString(),
    endsAt: new Date(t.clock.now().getTime() + startsInMs + 2 * HOUR).toISOString(),
    items,
  });

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(new Date('2026-12-12T10:00:00Z'));
    operator = await loginStaff(t, 'operator');
    analyst = await loginStaff(t, 'analyst');
    p = await seedProduct(t, { stock: 300, prices: [19900, 29900] });
    shopper = await shopperWithAddress();
  });
  afterAll(() => t.close());

  let roundId: string;
  let itemId: string;

  it('an operator sets up a round; publishing carves its stock out of the warehouse', async () => {
    const before = await available(p.variantIds[0]);
    const created = await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[0], flashPrice: 9900, stock: 100, perCustomerLimit: 1 }]));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: 'draft', items: [{ flashPrice: 9900, stock: 100, left: null }] });
    roundId = created.json().id;
    itemId = created.json().items[0].id;
    expect(await available(p.variantIds[0])).toBe(before);
    const published = await admin('POST', `/flash-sales/rounds/${roundId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', items: [{ left: 100 }] });
    expect(await available(p.variantIds[0])).toBe(before - 100);
    // Publishing twice carves nothing more.
    expect((await admin('POST', `/flash-sales/rounds/${roundId}/publish`)).json().code).toBe('FLASH_ROUND_NOT_DRAFT');
    expect(await available(p.variantIds[0])).toBe(before - 100);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    const shown = (await t.app.inject({ url: '/api/store/flash-sales/rounds' })).json().items;
    expect(shown.find((r: { id: string }) => r.id === roundId)).toMatchObject({ items: [{ id: itemId, left: 100, flashPrice: 9900 }] });
  });

  it('the rounds-to-come answer is shared for a second between pollers: a crowd polling costs one query', async () => {
    t.clock.advance(1500); // past the answer shared so far
    const first = await t.app.inject({ url: '/api/store/flash-sales/rounds' });
    expect(first.headers['cache-control']).toBe('public, max-age=1');
    const before = t.k.db.statements.n;
    const polls = await Promise.all(Array.from({ length: 50 }, () => t.app.inject({ url: '/api/store/flash-sales/rounds' })));
    expect(polls.every((r) => r.statusCode === 200 && r.body === first.body)).toBe(true);
    expect(t.k.db.statements.n - before).toBe(0);
    t.clock.advance(1001);
    await t.app.inject({ url: '/api/store/flash-sales/rounds' });
    expect(t.k.db.statements.n - before).toBeGreaterThan(0);
  });

  it('refuses what cannot be sold: a price not below the price, a SKU not on sale, a window over, more stock than the warehouse has (nothing carved)', async () => {
    const notLower = await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 29900, stock: 5 }]));
    expect(notLower.statusCode).toBe(422);
    expect(notLower.json().code).toBe('FLASH_PRICE_NOT_LOWER');
    expect((await admin('POST', '/flash-sales/rounds', round([{ variantId: randomUUID(), flashPrice: 100, stock: 5 }]))).json().code).toBe('FLASH_VARIANT_UNAVAILABLE');
    expect((await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 100, stock: 5 }], -3 * HOUR))).json().code).toBe('FLASH_WINDOW_PAST');
    const twice = await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 100, stock: 5 }, { variantId: p.variantIds[1], flashPrice: 200, stock: 5 }]));
    expect(twice.statusCode).toBe(400);
    for (const bad of [{ flashPrice: 0 }, { stock: 0 }, { perCustomerLimit: 0 }, { flashPrice: 1.5 }, { variantId: 'x\u0000y' }]) {
      const res = await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 100, stock: 5, ...bad }]));
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const before = await available(p.variantIds[1]);
    const tooMany = await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 100, stock: before + 1 }]));
    expect(tooMany.statusCode).toBe(201);
    const refused = await admin('POST', `/flash-sales/rounds/${tooMany.json().id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('OUT_OF_STOCK');
    expect((await admin('GET', `/flash-sales/rounds/${tooMany.json().id}`)).json().status).toBe('draft');
    expect(await available(p.variantIds[1])).toBe(before);
  });

  it('only marketing staff set rounds up; analysts read them and their report', async () => {
    expect((await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[0], flashPrice: 100, stock: 1 }]), analyst)).statusCode).toBe(403);
    expect((await admin('POST', `/flash-sales/rounds/${roundId}/publish`, undefined, analyst)).statusCode).toBe(403);
    expect((await admin('GET', `/flash-sales/rounds/${roundId}/report`, undefined, analyst)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/flash-sales/rounds' })).statusCode).toBe(401);
  });

  it('before the start an attempt is refused with the start time, signed in or not, and nothing is written; forged ids 400 or 404', async () => {
    const res = await buy(itemId, shopper);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'FLASH_NOT_STARTED' });
    expect(res.json().detail).toContain('2026/12/12 19:00'); // in the store's time zone (Asia/Shanghai)
    // No token before the start either: the same answer.
    expect((await t.app.inject({ url: `/api/store/flash-sales/items/${itemId}/token`, headers: shopper })).json().code).toBe('FLASH_NOT_STARTED');
    // Signed out, or with a broken body: the same start time, answered before anyone is signed in.
    expect((await buy(itemId, {})).json().code).toBe('FLASH_NOT_STARTED');
    expect((await t.app.inject({ method: 'POST', url: `/api/store/flash-sales/items/${itemId}/buy`, headers: { 'content-type': 'application/json' }, payload: '{"quantity": ' })).json().code).toBe('FLASH_NOT_STARTED');
    expect((await buy(randomUUID(), shopper)).statusCode).toBe(404);
    expect((await buy('not-a-uuid', shopper)).statusCode).toBe(400);
    const report = (await admin('GET', `/flash-sales/rounds/${roundId}/report`)).json().items[0];
    expect(report).toMatchObject({ stock: 100, left: 100, units: { decided: 0 }, accounted: true });
  });

  it('in the window, 400 shoppers pressing buy three times each for 100 units, limit 1: exactly 100 claims, one each', async () => {
    t.clock.advance(HOUR + 1000);
    const issued = await t.app.inject({ url: `/api/store/flash-sales/items/${itemId}/token`, headers: shopper });
    expect(issued.statusCode, issued.body).toBe(200);
    expect((await t.app.inject({ url: `/api/store/flash-sales/items/${itemId}/token` })).statusCode).toBe(401);
    expect((await buy(itemId, {})).statusCode).toBe(401);
    expect((await buy(itemId, shopper, 0)).statusCode).toBe(400);
    // No saved address, no token: a win would have nowhere to go (asked before the rush, not after).
    const homeless = await t.app.inject({ url: `/api/store/flash-sales/items/${itemId}/token`, headers: (await registerShopper(t)).auth });
    expect(homeless.statusCode).toBe(409);
    expect(homeless.json().code).toBe('FLASH_ADDRESS_NEEDED');
    // Another shopper's token, a forged one, a token for another item: 403, nothing decided.
    const other = await shopperWithAddress();
    for (const token of [await tokenOf(itemId, other), 'x'.repeat(60), issued.json().token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'))]) {
      const res = await buy(itemId, shopper, 1, token);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FLASH_TOKEN_INVALID');
    }
    await pause(); // a person's pace: the buy route takes 5 presses a second per shopper
    expect((await buy(itemId, shopper, 2)).json().code).toBe('FLASH_OVER_LIMIT');
    const mine = await buy(itemId, shopper);
    expect(mine.statusCode, mine.body).toBe(202);
    expect(mine.json()).toMatchObject({ itemId, quantity: 1, state: 'decided', orderId: null });
    expect((await buy(itemId, shopper)).json().code).toBe('FLASH_LIMIT_REACHED');
    const crowd = Array.from({ length: 400 }, () => randomUUID());
    const results = await Promise.all(
      crowd.flatMap((c) => [c, c, c]).map((c) =>
        attempt(c, itemId, 1).then(
          () => ({ c, r: 'ok' }),
          (e: { code?: string }) => ({ c, r: e.code ?? String(e) }),
        ),
      ),
    );
    const won = results.filter((x) => x.r === 'ok');
    expect(won).toHaveLength(99);
    expect(new Set(won.map((x) => x.c)).size).toBe(99);
    expect(new Set(results.filter((x) => x.r !== 'ok').map((x) => x.r))).toEqual(new Set(['FLASH_SOLD_OUT', 'FLASH_LIMIT_REACHED']));
    const report = (await admin('GET', `/flash-sales/rounds/${roundId}/report`)).json().items[0];
    expect(report).toMatchObject({ stock: 100, left: 0, units: { decided: 100, released: 0 }, accounted: true });
    expect((await buy(itemId, other)).json().code).toBe('FLASH_SOLD_OUT');
  }, 120_000);

  it('after the last unit the crowd is answered before anything else: signed out, forged token, broken body — sold out, no statement', async () => {
    const before = t.k.db.statements.n;
    const answers = await Promise.all([
      buy(itemId, shopper),
      buy(itemId, {}, 1, 'forged'),
      t.app.inject({ method: 'POST', url: `/api/store/flash-sales/items/${itemId}/buy`, headers: { ...shopper, 'content-type': 'application/json' }, payload: '{"quantity": \u0000' }),
      t.app.inject({ url: `/api/store/flash-sales/items/${itemId}/token`, headers: { authorization: 'Bearer skc_made-up' } }),
      ...Array.from({ length: 40 }, () => buy(itemId, shopper, 1, 'x')),
    ]);
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('FLASH_SOLD_OUT');
    }
    expect(answers[0].json().detail).toBe('已抢光：本场秒杀商品已售罄。');
    // No limit counted either: far past 5 a second, no 429.
    expect(t.k.db.statements.n - before).toBe(0);
  });

  /** A round on now with units to spare (limits are counted only while there is something to win). */
  const roomyItem = async () => {
    const created = (await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 100, stock: 20, perCustomerLimit: 1 }], -1000))).json();
    expect((await admin('POST', `/flash-sales/rounds/${created.id}/publish`)).statusCode).toBe(200);
    return created.items[0].id as string;
  };

  it('one shopper pressing faster than a person can is held back (429 with Retry-After), per shopper', async () => {
    const roomy = await roomyItem();
    const presser = await shopperWithAddress();
    const token = await tokenOf(roomy, presser);
    await pause();
    const answers = await Promise.all(Array.from({ length: 12 }, () => buy(roomy, presser, 1, token)));
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(limited.length).toBeGreaterThanOrEqual(12 - 5);
    expect(limited[0].json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited[0].headers['retry-after']).toBeDefined();
    expect(answers.filter((r) => r.statusCode === 202)).toHaveLength(1);
    // Another shopper at the same moment is not held back by the first one's presses.
    const next = await buy(roomy, await shopperWithAddress());
    expect(next.statusCode, next.body).toBe(202);
  });

  it('the gate emptied (a restart; Redis back empty) is loaded again from the ledger: every unit accounted for, limits kept', async () => {
    const second = await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 100, stock: 10, perCustomerLimit: 2 }], -1000));
    const item = second.json().items[0].id as string;
    await admin('POST', `/flash-sales/rounds/${second.json().id}/publish`);
    const a = randomUUID();
    await attempt(a, item, 2);
    await attempt(randomUUID(), item, 1);
    // What a restart (memory) or an emptied Redis leaves: nothing for the item.
    const gate = flashGateFor(t.k.config);
    await gate.drop(item);
    await gate.close();
    await t.services.flashSales.close(); // the memory gate forgets everything; the Redis client reconnects
    expect((await t.app.inject({ url: '/api/store/flash-sales/rounds' })).json().items.find((r: { id: string }) => r.id === second.json().id).items[0].left).toBeNull();
    await expect(attempt(a, item, 1)).rejects.toMatchObject({ code: 'FLASH_LIMIT_REACHED' });
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(randomUUID(), item, 1).then(() => 'ok', (e: { code?: string }) => e.code)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(7);
    const report = (await admin('GET', `/flash-sales/rounds/${second.json().id}/report`)).json().items[0];
    expect(report).toMatchObject({ stock: 10, left: 0, units: { decided: 10 }, accounted: true });
  }, 60_000);

  it('one network address is held back past 50 attempts a second across its accounts; a spoofed X-Forwarded-For changes nothing', async () => {
    const roomy = await roomyItem();
    const farm = await Promise.all(Array.from({ length: 20 }, async () => (await registerShopper(t)).auth));
    const from = (headers: Record<string, string>, remoteAddress: string, spoof?: string) =>
      t.app.inject({ method: 'POST', url: `/api/store/flash-sales/items/${roomy}/buy`, remoteAddress, headers: { ...headers, ...(spoof ? { 'x-forwarded-for': spoof } : {}) }, payload: { quantity: 1, token: 'x'.repeat(60) } });
    await pause();
    const answers = await Promise.all(farm.flatMap((auth, i) => [0, 1, 2].map((j) => from(auth, '203.0.113.9', `198.51.100.${i * 3 + j}`))));
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(limited.length).toBe(60 - 50);
    expect(limited[0].json().code).toBe('RATE_LIMITED');
    // Every other answer is the handler's own (a forged token), not a limit.
    expect(answers.filter((r) => r.statusCode === 403)).toHaveLength(50);
    // The same moment from another address: not held back.
    expect((await from(farm[0], '203.0.113.10')).statusCode).toBe(403);
  });

  it('a round is cancelled before its start (its carve back in the warehouse), not once it is on', async () => {
    const before = await available(p.variantIds[1]);
    const created = (await admin('POST', '/flash-sales/rounds', round([{ variantId: p.variantIds[1], flashPrice: 100, stock: 3 }]))).json();
    await admin('POST', `/flash-sales/rounds/${created.id}/publish`);
    expect(await available(p.variantIds[1])).toBe(before - 3);
    expect((await admin('POST', `/flash-sales/rounds/${created.id}/cancel`, undefined, analyst)).statusCode).toBe(403);
    const cancelled = await admin('POST', `/flash-sales/rounds/${created.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await available(p.variantIds[1])).toBe(before);
    expect((await admin('GET', `/flash-sales/rounds/${created.id}/report`)).json().items[0]).toMatchObject({ stock: 3, returned: 3, accounted: true });
    expect((await admin('POST', `/flash-sales/rounds/${created.id}/cancel`)).json().code).toBe('FLASH_ROUND_OVER');
    expect((await t.app.inject({ url: '/api/store/flash-sales/rounds' })).json().items.some((r: { id: string }) => r.id === created.id)).toBe(false);
    // The round on since the crowd test cannot be cancelled.
    expect((await admin('POST', `/flash-sales/rounds/${roundId}/cancel`)).json().code).toBe('FLASH_ROUND_STARTED');
    expect(await t.services.inventory.reconcile()).toEqual([]);
  });
});

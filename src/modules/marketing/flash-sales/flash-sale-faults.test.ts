import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, startTestApp, type TestApp, type TestDatabase } from '../../../../test/support/harness.js';
import { registerShopper } from '../../../../test/support/customers.js';
import { seedProduct } from '../../../../test/support/commerce.js';
import { loginStaff, type StaffLogin } from '../../../../test/support/staff.js';
import { startServerProcess, type ServerProcess } from '../../../../test/support/processes.js';

/**
 * The fault run (issue 13), on both shapes: a flash round with a real API process taking a crowd;
 * the process is killed (SIGKILL) mid-round — on the scale shape Redis also comes back empty (every
 * key of the store's prefix gone) — the process starts again and the crowd goes on. Afterwards the
 * reconciliation report accounts for every unit, nobody holds more than the limit, nothing is
 * oversold, every win has an order, and no unit was left unsold while shoppers still wanted one.
 * (PGlite opens a data folder from one process at a time: the setup and the checks run in process
 * with the server stopped.)
 */
describeEachBackend('flash sales: a process killed (and Redis emptied) mid-round', (backend) => {
  const STOCK = 20;
  const LIMIT = 2;
  const SHOPPERS = 40;
  let db: TestDatabase;
  let t: TestApp;
  let operator: StaffLogin;
  let server: ServerProcess | undefined;
  let env: Record<string, string>;
  let itemId: string;
  let roundId: string;
  const shoppers: Array<{ auth: Record<string, string>; customerId: string }> = [];

  beforeAll(async () => {
    if (backend.name === 'postgres' && !backend.redisUrl) throw new Error('the fault run needs TEST_REDIS_URL with TEST_DATABASE_URL');
    db = await createTestDatabase(backend);
    const prefix = `skfault-${randomBytes(4).toString('hex')}`;
    env = db.databaseUrl ? { DATABASE_URL: db.databaseUrl, REDIS_URL: backend.redisUrl!, REDIS_PREFIX: prefix } : { DATA_DIR: db.dataDir! };
    // The setup in process, on the same database and Redis prefix; the crowd goes to the server process.
    t = await startTestApp(backend, { REDIS_PREFIX: prefix }, { database: db });
    t.clock.set(new Date());
    operator = await loginStaff(t, 'operator');
    const p = await seedProduct(t, { stock: STOCK + 10, prices: [19900] });
    for (let i = 0; i < SHOPPERS; i++) {
      const s = await registerShopper(t);
      const saved = await t.app.inject({ method: 'POST', url: '/api/store/me/addresses', headers: s.auth, payload: { recipientName: '王五', mobile: '13700137000', provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: '深南大道 3 号' } });
      expect(saved.statusCode, saved.body).toBe(201);
      shoppers.push({ auth: s.auth, customerId: s.customerId });
    }
    const created = await t.app.inject({
      method: 'POST', url: '/api/admin/flash-sales/rounds', headers: operator.auth,
      payload: {
        name: { 'zh-CN': '故障演练场', en: 'Fault drill' },
        startsAt: new Date(Date.now() + 1000).toISOString(),
        endsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
        items: [{ variantId: p.variantIds[0], flashPrice: 9900, stock: STOCK, perCustomerLimit: LIMIT }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    roundId = created.json().id;
    itemId = created.json().items[0].id;
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/flash-sales/rounds/${roundId}/publish`, headers: operator.auth })).statusCode).toBe(200);
    await t.close();
    server = await startServerProcess(env, 120_000);
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** One shopper's attempt against the server process: the token, then the buy (an error when the process is gone). */
  const attempt = async (base: string, s: { auth: Record<string, string> }) => {
    const token = await fetch(`${base}/api/store/flash-sales/items/${itemId}/token`, { headers: s.auth });
    if (token.status !== 200) return `token ${token.status}`;
    const res = await fetch(`${base}/api/store/flash-sales/items/${itemId}/buy`, {
      method: 'POST', headers: { ...s.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ quantity: 1, token: ((await token.json()) as { token: string }).token }),
    });
    return res.status === 202 ? 'won' : ((await res.json()) as { code: string }).code;
  };
  const report = async () => ((await (await fetch(`${server!.url}/api/admin/flash-sales/rounds/${roundId}/report`, { headers: operator.auth })).json()) as { items: Array<Record<string, any>> }).items[0];


  it('every unit is in an order or offered again after the kill and the empty Redis; the crowd then takes them all', async () => {
    const base = server!.url;
    await fetch(`${base}/api/store/flash-sales/rounds`); // the process warmed up: the kill should fall mid-crowd, not mid-start
    // The crowd's first wave: every shopper twice at once; the process is killed while it runs.
    let done = false;
    const first: string[] = [];
    const wave = Promise.all(shoppers.flatMap((s) => [s, s]).map((s) => attempt(base, s).catch(() => 'connection lost').then((a) => void first.push(a)))).finally(() => (done = true));
    // Killed once the first wins are in the ledger — with more attempts and orders still on the way.
    while (!done && first.filter((a) => a === 'won').length < 4) await new Promise((r) => setTimeout(r, 2));
    server!.child.kill('SIGKILL');
    await wave;
    // The kill fell mid-crowd: some attempts never got an answer.
    expect(first).toContain('connection lost');
    expect(first).toContain('won');
    await new Promise<void>((resolve) => (server!.child.exitCode !== null || server!.child.signalCode ? resolve() : server!.child.once('exit', () => resolve())));
    if (backend.redisUrl) {
      // Redis restarts empty: every key of the store's prefix is gone (the gate, the rate limits).
      const redis = new Redis(backend.redisUrl);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    }
    server = await startServerProcess(env, 120_000);
    // Whatever the kill left, some wins were still waiting for their orders, none over the stock.
    const atRestart = await report();
    expect(atRestart.units.decided + atRestart.units.ordered).toBeLessThanOrEqual(STOCK);
    expect(Object.values<number>(atRestart.units).reduce((n, u) => n + u, 0)).toBeGreaterThan(0);
    // The crowd comes back and keeps pressing until it is told sold out or over the limit (a person's pace).
    const answers = [...first];
    for (let round = 0; round < 4; round++) {
      await new Promise((r) => setTimeout(r, 1100));
      answers.push(...(await Promise.all(shoppers.map((s) => attempt(server!.url, s).catch(() => 'connection lost')))));
    }
    expect(answers).toContain('FLASH_SOLD_OUT');
    // Every win becomes an order: those decided before the kill too (the outbox delivers them after the restart).
    const deadline = Date.now() + 60_000;
    let items = await report();
    while ((items.units.decided > 0 || items.left === null) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      items = await report();
    }
    expect(items).toMatchObject({ stock: STOCK, left: 0, units: { decided: 0, ordered: STOCK, paid: 0 }, returned: 0, accounted: true });
    // The checks on the ledger itself, with the server stopped (PGlite: one process per data folder).
    await server!.stop();
    t = await startTestApp(backend, env.REDIS_PREFIX ? { REDIS_PREFIX: env.REDIS_PREFIX } : {}, { database: db });
    const perCustomer = (await t.k.db.q.execute(sql`select customer_id, sum(quantity)::int as units from marketing_flash_sale_claims where item_id = ${itemId} and state = 'ordered' group by customer_id`)) as unknown as { rows: Array<{ units: number }> };
    expect(Math.max(...perCustomer.rows.map((r) => r.units))).toBeLessThanOrEqual(LIMIT);
    const orders = (await t.k.db.q.execute(sql`select count(*)::int as n, coalesce(sum(l.quantity), 0)::int as units from orders o join order_lines l on l.order_id = o.id where o.id in (select order_id from marketing_flash_sale_claims where item_id = ${itemId})`)) as unknown as { rows: Array<{ n: number; units: number }> };
    expect(orders.rows[0].units).toBe(STOCK);
    expect(await t.services.inventory.reconcile()).toEqual([]);
    await t.close();
  }, 300_000);
});

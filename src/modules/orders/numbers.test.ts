import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, describeOnBackend, startTestApp, type TestApp, type TestDatabase } from '../../../test/support/harness.js';
import { startServerProcess, type ServerProcess } from '../../../test/support/processes.js';
import { registerShopper, type Shopper } from '../../../test/support/customers.js';
import { seedProduct, standardShipping, testAddress } from '../../../test/support/commerce.js';
import { OrderService, type NewOrder } from './index.js';
import { localStamp, ORDER_NUMBER_MAX_LEAD, ORDER_NUMBER_PATTERN, parseOrderNumber } from './logic/order-number.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

interface Placed {
  number: string;
  placedAt: Date;
}

async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.k.db.q.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The checks every run makes: the format, no number twice, and each worker's numbers in placement order. */
function expectWellFormed(placed: Placed[], timeZone: string, leadSeconds = ORDER_NUMBER_MAX_LEAD): Map<number, Placed[]> {
  expect(new Set(placed.map((p) => p.number)).size).toBe(placed.length);
  const byWorker = new Map<number, Placed[]>();
  for (const p of placed) {
    expect(p.number).toMatch(ORDER_NUMBER_PATTERN);
    const parts = parseOrderNumber(p.number)!;
    // The stamp is the placement second, or a few seconds after it when a worker borrowed ahead.
    expect(parts.stamp >= localStamp(p.placedAt.getTime(), timeZone)).toBe(true);
    expect(parts.stamp <= localStamp(p.placedAt.getTime() + leadSeconds * 1000, timeZone)).toBe(true);
    byWorker.set(parts.worker, [...(byWorker.get(parts.worker) ?? []), p]);
  }
  // Within one process (one worker), number order is placement order.
  for (const list of byWorker.values()) {
    list.sort((a, b) => (a.number < b.number ? -1 : 1));
    for (let i = 1; i < list.length; i++) expect(list[i]!.placedAt.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.placedAt.getTime());
  }
  return byWorker;
}

function syntheticOrder(): NewOrder {
  const lineId = randomUUID();
  return {
    customerId: randomUUID(),
    currency: 'CNY',
    quote: {
      currency: 'CNY',
      lines: [{ lineId, unitPrice: 100, quantity: 1, subtotal: 100, discounts: [], discountTotal: 0, total: 100 }],
      subtotal: 100,
      discountTotal: 0,
      goodsTotal: 100,
      shippingFee: 0,
      shippingDiscount: 0,
      total: 100,
      adjustments: [],
    },
    shippingMethod: null,
    shippingAddress: testAddress,
    channel: 'number-test',
    lines: [{ lineId, variantId: randomUUID(), productId: randomUUID(), sku: 'N-1', title: { 'zh-CN': '号', en: 'No.' }, optionValues: {}, image: null, weightGrams: 1 }],
  };
}

type Caller = (method: string, url: string, headers: Record<string, string>, payload?: unknown) => Promise<{ status: number; body: any }>;

const viaInject = (t: TestApp): Caller => async (method, url, headers, payload) => {
  const res = await t.app.inject({ method: method as 'POST', url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
};

const viaHttp = (base: string): Caller => async (method, url, headers, payload) => {
  const res = await fetch(base + url, {
    method,
    headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

/** The whole shopper path up to the order: open cart, add an item, place the order (through HTTP). */
async function checkout(call: Caller, shopper: Shopper, variantId: string, shippingMethodId: string): Promise<{ status: number; body: any }> {
  const cart = await call('POST', '/api/store/carts', shopper.auth);
  if (cart.status !== 200 && cart.status !== 201) return cart;
  for (const item of cart.body.items) await call('DELETE', `/api/store/carts/${cart.body.id}/items/${item.id}`, shopper.auth);
  const add = await call('POST', `/api/store/carts/${cart.body.id}/items`, shopper.auth, { variantId, quantity: 1 });
  if (add.status !== 200) return add;
  return call('POST', '/api/store/orders', shopper.auth, { cartId: cart.body.id, shippingMethodId, address: testAddress });
}

/** Each shopper checks out `perShopper` times in a row; all shoppers at once. */
async function checkoutsAtOnce(shoppers: Array<{ shopper: Shopper; call: Caller }>, perShopper: number, variantId: string, shippingMethodId: string) {
  const results: Array<{ status: number; body: any }> = [];
  await Promise.all(
    shoppers.map(async ({ shopper, call }) => {
      for (let i = 0; i < perShopper; i++) results.push(await checkout(call, shopper, variantId, shippingMethodId));
    }),
  );
  return results;
}

describeEachBackend('order numbers', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('leases its worker when the app starts, so the first order costs no extra statement', () => {
    expect(t.services.orders.numbers.currentWorker).not.toBeNull();
    expect(t.services.orders.numbers.leaseCount).toBe(1);
  });

  it('1,000 orders placed at once in one process: all placed, all distinct, in placement order', async () => {
    const numbers = t.services.orders.numbers;
    const leases = numbers.leaseCount;
    let next = 0;
    const failures: unknown[] = [];
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next++ < 1000) {
          try {
            await t.k.db.transaction(() => t.services.orders.create(syntheticOrder()));
          } catch (err) {
            failures.push(err);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
    const placed = await rows<{ number: string; placed_at: string | Date }>(t, sql`select number, placed_at from orders where channel = 'number-test'`);
    expect(placed).toHaveLength(1000);
    const byWorker = expectWellFormed(placed.map((r) => ({ number: r.number, placedAt: new Date(r.placed_at) })), t.k.timezone.get());
    expect([...byWorker.keys()]).toEqual([numbers.currentWorker]);
    expect(numbers.leaseCount).toBe(leases);
  });

  it('more than 1,000 numbers within one frozen second borrow the next second instead of repeating', async () => {
    // The allocator alone (the order service's own): 1,100 orders would only add inserts.
    const at = new Date(Date.now() + 3_600_000);
    const numbers = await Promise.all(Array.from({ length: 1100 }, () => t.services.orders.numbers.next(at)));
    expect(new Set(numbers).size).toBe(1100);
    expect([...numbers].sort()).toEqual(numbers);
    const stamps = numbers.map((n) => parseOrderNumber(n)!.stamp);
    const first = localStamp(at.getTime(), t.k.timezone.get());
    expect(stamps.filter((s) => s === first)).toHaveLength(1000);
    expect(stamps.filter((s) => s === localStamp(at.getTime() + 1000, t.k.timezone.get()))).toHaveLength(100);
  });

  it('full checkouts by concurrent shoppers: no failed order, numbers distinct', async () => {
    const product = await seedProduct(t, { stock: 500, prices: [1990] });
    const shipping = await standardShipping(t);
    const shoppers = await Promise.all(Array.from({ length: 8 }, () => registerShopper(t)));
    const results = await checkoutsAtOnce(
      shoppers.map((shopper) => ({ shopper, call: viaInject(t) })),
      5,
      product.variantIds[0]!,
      shipping,
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    const numbers = results.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(40);
    for (const n of numbers) expect(n).toMatch(ORDER_NUMBER_PATTERN);
  });

  it('a number found taken (a worker number reused while its holder still runs) costs a new worker, not the order', async () => {
    // A second far from every earlier one, so the running worker starts it at counter 0.
    t.clock.set(new Date(Date.now() + 86_400_000));
    const worker = t.services.orders.numbers.currentWorker!;
    const a = await t.k.db.transaction(() => t.services.orders.create(syntheticOrder()));
    expect(parseOrderNumber(a.number)).toMatchObject({ worker, counter: 0 });

    // Another "process" that is handed the same worker number by a wrapped-around sequence.
    await t.k.db.q.execute(sql.raw(`select setval('order_number_workers', ${worker}, false)`));
    const other = new OrderService(t.k, t.services.inventory);
    const b = await t.k.db.transaction(() => other.create(syntheticOrder()));
    expect(b.number).not.toBe(a.number);
    expect(parseOrderNumber(b.number)).toMatchObject({ stamp: parseOrderNumber(a.number)!.stamp, worker: (worker + 1) % 1000, counter: 0 });
    expect(other.numbers.leaseCount).toBe(2);
    expect(other.numbers.currentWorker).toBe((worker + 1) % 1000);
  });
});

interface ProcessRun {
  worker: number;
  leases: number;
  numbers: string[];
  at: number[];
  numbersMs: number;
  placed: number;
  failed: number;
  errors: string[];
  ordersMs: number;
}

/** Runs test/support/place-orders.ts as a process of its own; resolves with its JSON summary. */
function placeOrdersProcess(env: Record<string, string>): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/place-orders.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').findLast((l) => l.startsWith('{"worker"'));
      if (code !== 0 || !line) reject(new Error(`place-orders exited ${code}:\n${out}`));
      else resolve(JSON.parse(line));
    });
  });
}

describeOnBackend('postgres', 'order numbers across processes', (backend) => {
  let db: TestDatabase;
  let t: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    t = await startTestApp(backend, {}, { database: db });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  // Two processes at once, each: 5,000 numbers from the order service's allocator as fast as they
  // come (10,000 within a few seconds, far past the 1,000/s at which random digits collided), then
  // 2,500 orders through OrderService.create — 5,000 orders under the unique constraint, the whole
  // write of an order (row, lines, timeline, unpaid-timeout job, event) without cart, pricing and
  // stock in front; the next test is the full HTTP checkout.
  it('two processes at once: 10,000 numbers and 5,000 orders, none failed, none collided, each process in time order', async () => {
    const started = Date.now();
    const env = { DATABASE_URL: db.databaseUrl!, NUMBERS: '5000', ORDERS: '2500', CONCURRENCY: '16', LOG_LEVEL: 'warn' };
    const [p1, p2] = await Promise.all([placeOrdersProcess(env), placeOrdersProcess(env)]);
    console.log(
      `order numbers, two processes: 5,000 numbers each in ${p1.numbersMs} and ${p2.numbersMs} ms; ` +
        `2,500 orders each in ${p1.ordersMs} and ${p2.ordersMs} ms; ${((Date.now() - started) / 1000).toFixed(1)} s with start-up`,
    );
    expect(p1.worker).not.toBe(p2.worker);
    expect([p1.leases, p2.leases]).toEqual([1, 1]);

    // The numbers: distinct across both processes, each process's strictly increasing in call order.
    for (const p of [p1, p2]) {
      expect(p.numbers).toHaveLength(5000);
      for (let i = 1; i < p.numbers.length; i++) expect(p.numbers[i]! > p.numbers[i - 1]!).toBe(true);
    }
    const tz = t.k.timezone.get();
    const lead = (ms: number) => Math.ceil(5000 / 1000) + Math.ceil(ms / 1000) + ORDER_NUMBER_MAX_LEAD;
    expectWellFormed(p1.numbers.map((number, i) => ({ number, placedAt: new Date(p1.at[i]!) })), tz, lead(p1.numbersMs));
    expectWellFormed(p2.numbers.map((number, i) => ({ number, placedAt: new Date(p2.at[i]!) })), tz, lead(p2.numbersMs));
    expect(new Set([...p1.numbers, ...p2.numbers]).size).toBe(10_000);

    // The orders: all placed, none failed on the unique constraint.
    expect([p1.failed, p2.failed, p1.errors, p2.errors]).toEqual([0, 0, [], []]);
    expect(p1.placed + p2.placed).toBe(5000);
    const placed = await rows<{ number: string; placed_at: string | Date }>(t, sql`select number, placed_at from orders where channel = 'load-test'`);
    expect(placed).toHaveLength(5000);
    const byWorker = expectWellFormed(placed.map((r) => ({ number: r.number, placedAt: new Date(r.placed_at) })), tz, lead(Math.max(p1.ordersMs, p2.ordersMs)));
    expect([...byWorker.keys()].sort()).toEqual([p1.worker, p2.worker].sort());
    expect(byWorker.get(p1.worker)).toHaveLength(2500);
  });

  it('full checkouts through two server processes at once: no failed order, numbers distinct', async () => {
    let server: ServerProcess | undefined;
    try {
      server = await startServerProcess({
        DATABASE_URL: db.databaseUrl!,
        ...(backend.redisUrl ? { REDIS_URL: backend.redisUrl, REDIS_PREFIX: t.k.config.redisPrefix } : {}),
      });
      const product = await seedProduct(t, { stock: 1000, prices: [1990] });
      const shipping = await standardShipping(t);
      const shoppers = await Promise.all(Array.from({ length: 16 }, () => registerShopper(t)));
      const remote = viaHttp(server.url);
      const results = await checkoutsAtOnce(
        shoppers.map((shopper, i) => ({ shopper, call: i % 2 ? remote : viaInject(t) })),
        10,
        product.variantIds[0]!,
        shipping,
      );
      expect(results.filter((r) => r.status !== 201)).toEqual([]);
      expect(results).toHaveLength(160);
      const placed = results.map((r) => ({ number: r.body.number as string, placedAt: new Date(r.body.placedAt) }));
      const byWorker = expectWellFormed(placed, t.k.timezone.get());
      expect(byWorker.size).toBe(2);
      expect(byWorker.has(t.services.orders.numbers.currentWorker!)).toBe(true);
    } finally {
      await server?.stop();
    }
  });
});

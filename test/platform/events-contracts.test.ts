import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, describeOnBackend, startTestApp, type TestApp, type TestDatabase } from '../support/harness.js';
import { declaredEvents, defineEvent } from '../../src/platform/outbox/events.js';
import { OrderEvents } from '../../src/modules/orders/index.js';
import { registerShopper } from '../support/customers.js';
import { seedProduct } from '../support/commerce.js';
import { placePaidOrder } from '../support/paid-orders.js';

const Ping = defineEvent<{ n: number }>('test.ping');
const PingV2 = defineEvent<{ n: number; label: string }>('test.ping', 2);

it('declares events with a name, a version and a typed payload; a new version is stored apart', () => {
  expect([Ping.stored, PingV2.stored]).toEqual(['test.ping', 'test.ping@2']);
  expect(defineEvent('test.ping')).toBe(Ping); // one declaration per name and version
  expect(declaredEvents().map((e) => e.stored)).toEqual(expect.arrayContaining(['order.paid', 'order.refunded', 'inventory.stock.changed', 'payments.refund_requested']));
  // The compiler holds the contract (this file is type-checked in CI):
  const check = (emit: <P>(e: typeof Ping extends never ? never : import('../../src/platform/outbox/events.js').EventType<P>, p: P) => void) => {
    emit(Ping, { n: 1 });
    // @ts-expect-error a payload the declaration does not allow
    emit(Ping, { n: 'one' });
    // @ts-expect-error version 2 needs its label
    emit(PingV2, { n: 2 });
  };
  expect(check).toBeTypeOf('function');
});

it('lists every declared event in docs/events.md', async () => {
  await import('../../src/app.js'); // every module's events.ts, through the composition root
  const doc = readFileSync(new URL('../../docs/events.md', import.meta.url), 'utf8');
  const missing = declaredEvents().filter((e) => !e.stored.startsWith('test.') && !doc.includes(`\`${e.stored}\``));
  expect(missing.map((e) => e.stored)).toEqual([]);
});

/**
 * A consumer added later builds its state from history: `from: 'beginning'` receives every kept
 * event of its types once, a date only the later ones, `now` none of the earlier — and two
 * processes starting with the new consumer at once backfill it once.
 */
describeEachBackend('events: consumers from a point in time', (backend) => {
  let db: TestDatabase;
  let first: TestApp;
  const apps: TestApp[] = [];
  let middle: Date;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    first = await startTestApp(backend, {}, { database: db });
    for (const n of [1, 2]) await first.k.db.transaction(() => first.k.outbox.emit(Ping, { n }));
    first.clock.advance(60_000);
    middle = first.clock.now();
    first.clock.advance(60_000);
    for (const n of [3]) await first.k.db.transaction(() => first.k.outbox.emit(Ping, { n }));
    await first.close();
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await db?.drop();
  });

  /** A new process on the same database, with consumers added before it starts. */
  async function withConsumers(add: (t: TestApp, seen: Record<string, number[]>) => void) {
    const seen: Record<string, number[]> = {};
    const t = await startTestApp(backend, {}, { database: db });
    apps.push(t);
    t.clock.advance(180_000); // the same moment as the first app's last event, or later
    add(t, seen);
    await t.k.outbox.start();
    await t.settle();
    return seen;
  }

  it('starts a new consumer at the beginning, at a date, or now', async () => {
    const seen = await withConsumers((t, seen) => {
      const record = (name: string) => async (e: { payload: { n: number } }) => void (seen[name] ??= []).push(e.payload.n);
      t.k.outbox.subscribe('test.from-beginning', [Ping], record('beginning'), { from: 'beginning' });
      t.k.outbox.subscribe('test.from-date', [Ping], record('date'), { from: middle });
      t.k.outbox.subscribe('test.from-now', [Ping], record('now'));
    });
    expect(seen.beginning?.sort()).toEqual([1, 2, 3]);
    expect(seen.date).toEqual([3]);
    expect(seen.now).toBeUndefined();
  });
});

// Several processes on one database: the scale shape only (an embedded data folder opens in one process).
describeOnBackend('postgres', 'events: a new consumer in two processes at once', (backend) => {
  let db: TestDatabase;
  const apps: TestApp[] = [];
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const first = await startTestApp(backend, {}, { database: db });
    apps.push(first);
    for (const n of [1, 2, 3]) await first.k.db.transaction(() => first.k.outbox.emit(Ping, { n }));
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await db?.drop();
  });

  it('backfills a consumer once when two processes start with it at the same moment', async () => {
    const seen: number[] = [];
    const both = await Promise.all([startTestApp(backend, {}, { database: db }), startTestApp(backend, {}, { database: db })]);
    apps.push(...both);
    for (const t of both) t.k.outbox.subscribe('test.from-beginning-twice', [Ping], async (e) => void seen.push(e.payload.n), { from: 'beginning' });
    await Promise.all(both.map((t) => t.k.outbox.start()));
    for (const t of both) await t.settle();
    expect(seen.sort()).toEqual([1, 2, 3]);
  });
});

describeEachBackend('events: order.paid carries what later capabilities need', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t?.close());

  it('has the customer, the lines as paid, discounts by source, shipping, channel and the store day', async () => {
    const paid: unknown[] = [];
    t.k.outbox.subscribe('test.order-paid', [OrderEvents.paid], async (e) => void paid.push(e.payload));
    const p = await seedProduct(t, { prices: [3000] });
    const shopper = await registerShopper(t);
    const order = await placePaidOrder(t, shopper.auth, [{ variantId: p.variantIds[0], quantity: 2 }]);
    await t.settle();
    expect(paid).toEqual([
      expect.objectContaining({
        orderId: order.id,
        customerId: shopper.customerId,
        currency: 'CNY',
        lines: [expect.objectContaining({ variantId: p.variantIds[0], quantity: 2, unitPrice: 3000, paidAmount: 6000 })],
        discounts: [],
        shipping: { fee: 1000, discount: 0 },
        storeDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
  });
});

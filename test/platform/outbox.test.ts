import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineEvent } from '../../src/platform/outbox/events.js';
import { createTestDatabase, describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { loginStaff, type StaffLogin } from '../support/staff.js';
import { backoffMs, MAX_ATTEMPTS } from '../../src/platform/outbox/outbox.js';
import { outboxDeliveries, outboxEvents } from '../../src/platform/outbox/schema.js';
import type { Kernel } from '../../src/platform/kernel.js';

/** A consumer whose effect is a database write (a counter in settings), made in the delivery's transaction. */
function countingConsumer(k: Kernel, name: string, type: string, failFirst: () => boolean) {
  const calls: string[] = [];
  k.outbox.subscribe(name, [defineEvent(type)], async (e) => {
    calls.push(e.id);
    const key = `test.effect.${e.id}`;
    await k.settings.set(key, ((await k.settings.get<number>(key)) ?? 0) + 1);
    if (failFirst()) throw new Error(`${name} is down`);
  });
  return calls;
}
const effects = (k: Kernel, eventId: string) => k.settings.get<number>(`test.effect.${eventId}`);
const delivery = async (k: Kernel, eventId: string, consumer: string) =>
  (await k.db.q.select().from(outboxDeliveries).where(and(eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.consumer, consumer))))[0];

describeEachBackend('platform: transactional outbox', (backend) => {
  let t: TestApp;
  let admin: StaffLogin;
  let failures = 0;
  let flakyCalls: string[];
  let deadCalls: string[];
  let deadFailing = true;

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(new Date('2026-03-01T00:00:00Z'));
    flakyCalls = countingConsumer(t.k, 'test.flaky', 'test.flaky', () => failures-- > 0);
    deadCalls = countingConsumer(t.k, 'test.dead', 'test.dead', () => deadFailing);
    admin = await loginStaff(t, 'admin');
  });
  afterAll(() => t.close());

  it('retries a consumer that throws twice with backoff, and its effect happens exactly once', async () => {
    failures = 2;
    const eventId = await t.k.db.transaction(() => t.k.outbox.emit(defineEvent('test.flaky'), { n: 1 }));
    const start = t.clock.now().getTime();

    await t.k.outbox.dispatch();
    expect(flakyCalls).toHaveLength(1);
    expect(await delivery(t.k, eventId, 'test.flaky')).toMatchObject({
      status: 'pending', attempts: 1, lastError: 'test.flaky is down', nextAttemptAt: new Date(start + backoffMs(1)),
    });
    // The failed attempt's write rolled back with it.
    expect(await effects(t.k, eventId)).toBeUndefined();

    await t.k.outbox.dispatch(); // not due yet
    expect(flakyCalls).toHaveLength(1);
    t.clock.advance(backoffMs(1));
    await t.k.outbox.dispatch();
    expect(flakyCalls).toHaveLength(2);
    expect(await delivery(t.k, eventId, 'test.flaky')).toMatchObject({ status: 'pending', attempts: 2 });
    expect(backoffMs(2)).toBe(2 * backoffMs(1));

    t.clock.advance(backoffMs(2) - 1);
    await t.k.outbox.dispatch();
    expect(flakyCalls).toHaveLength(2);
    t.clock.advance(1);
    await t.k.outbox.dispatch();
    expect(flakyCalls).toHaveLength(3);
    expect(await delivery(t.k, eventId, 'test.flaky')).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(await effects(t.k, eventId)).toBe(1);

    t.clock.advance(60 * 60_000);
    await t.settle();
    expect(flakyCalls).toHaveLength(3);
    expect(await effects(t.k, eventId)).toBe(1);
  });

  it('a consumer held back (holdWhile) keeps its deliveries pending and unleased while everything else is delivered', async () => {
    let holding = true;
    const held: string[] = [];
    const others: string[] = [];
    t.k.outbox.subscribe('test.held', [defineEvent('test.hold')], async (e) => void held.push(e.id), { transactional: false, holdWhile: () => holding });
    t.k.outbox.subscribe('test.unheld', [defineEvent('test.hold')], async (e) => void others.push(e.id));
    // More held deliveries than one round takes: the others must not be starved behind them.
    const ids = await t.k.db.transaction(async () => Promise.all(Array.from({ length: 120 }, (_, n) => t.k.outbox.emit(defineEvent('test.hold'), { n }))));
    await t.k.outbox.drain();
    expect(held).toHaveLength(0);
    expect(others).toHaveLength(120);
    expect(await delivery(t.k, ids[0], 'test.held')).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    holding = false;
    await t.k.outbox.drain();
    expect(new Set(held)).toEqual(new Set(ids));
    expect(await delivery(t.k, ids[119], 'test.held')).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('marks a delivery dead after MAX_ATTEMPTS, lists it for staff and revives it with the retry route', async () => {
    const eventId = await t.k.db.transaction(() => t.k.outbox.emit(defineEvent('test.dead'), { n: 2 }));
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) {
      await t.k.outbox.dispatch();
      t.clock.advance(backoffMs(MAX_ATTEMPTS));
    }
    expect(await delivery(t.k, eventId, 'test.dead')).toMatchObject({ status: 'pending', attempts: MAX_ATTEMPTS - 1 });
    const listed = async () => (await t.app.inject({ url: '/api/admin/events/dead', headers: admin.auth })).json().items;
    expect(await listed()).toEqual([]);
    await t.k.outbox.dispatch();
    expect(await delivery(t.k, eventId, 'test.dead')).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect(deadCalls).toHaveLength(MAX_ATTEMPTS);

    // Dead stays dead, however long we wait.
    t.clock.advance(24 * 60 * 60_000);
    await t.settle();
    expect(deadCalls).toHaveLength(MAX_ATTEMPTS);
    admin = await loginStaff(t, 'admin'); // the earlier session expired meanwhile
    expect(await listed()).toEqual([
      expect.objectContaining({ eventId, consumer: 'test.dead', attempts: MAX_ATTEMPTS, lastError: 'test.dead is down', type: 'test.dead', payload: { n: 2 } }),
    ]);

    deadFailing = false;
    const retry = await t.app.inject({ method: 'POST', url: `/api/admin/events/${eventId}/retry`, headers: admin.auth });
    expect(retry.json()).toEqual({ revived: 1 });
    await t.settle();
    expect(deadCalls).toHaveLength(MAX_ATTEMPTS + 1);
    expect(await effects(t.k, eventId)).toBe(1);
    expect(await delivery(t.k, eventId, 'test.dead')).toMatchObject({ status: 'done' });
    expect(await listed()).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/events/${eventId}/retry`, headers: admin.auth })).statusCode).toBe(404);
  });
});

describeEachBackend('platform: outbox across a restart', (backend) => {
  // Two app starts on an on-disk database: slower than the in-memory suites.
  it('loses no event committed before the process stopped, delivers it once after, and keeps none rolled back', { timeout: 240_000 }, async () => {
    const database = await createTestDatabase(backend);
    try {
      const first = await startTestApp(backend, {}, { database });
      const before = countingConsumer(first.k, 'test.restart', 'test.restart', () => false);
      const eventId = await first.k.db.transaction(() => first.k.outbox.emit(defineEvent('test.restart'), { n: 3 }));
      await first.k.db
        .transaction(async () => {
          await first.k.outbox.emit(defineEvent('test.restart'), { n: 4 });
          throw new Error('rolled back');
        })
        .catch(() => {});
      await first.close(); // stops before any dispatch
      expect(before).toEqual([]);

      const second = await startTestApp(backend, {}, { database });
      try {
        const after = countingConsumer(second.k, 'test.restart', 'test.restart', () => false);
        expect(await delivery(second.k, eventId, 'test.restart')).toMatchObject({ status: 'pending', attempts: 0 });
        await second.settle();
        await second.settle();
        expect(after).toEqual([eventId]);
        expect(await effects(second.k, eventId)).toBe(1);
        const events = await second.k.db.q.select().from(outboxEvents).where(eq(outboxEvents.type, 'test.restart'));
        expect(events.map((e) => e.payload)).toEqual([{ n: 3 }]);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});

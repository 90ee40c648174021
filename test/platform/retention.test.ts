import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineEvent } from '../../src/platform/outbox/events.js';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { DAY } from '../../src/platform/clock.js';
import { MAX_ATTEMPTS, backoffMs } from '../../src/platform/outbox/outbox.js';
import { outboxDeliveries, outboxEvents } from '../../src/platform/outbox/schema.js';
import { scheduledJobs } from '../../src/platform/jobs/schema.js';

// 2026-03-01 08:00 in Shanghai; the daily prune runs at 04:20 there.
const T0 = new Date('2026-03-01T00:00:00Z');

describeEachBackend('platform: retention (daily prune)', (backend) => {
  let t: TestApp;
  let failing = true;

  beforeAll(async () => {
    t = await startTestApp(backend, { RETENTION_DAYS: '7' });
    t.clock.set(T0);
    await t.k.recurring.sync();
    t.k.outbox.subscribe('test.retention-ok', [defineEvent('test.retention.ok')], async () => {});
    t.k.outbox.subscribe('test.retention-failing', [defineEvent('test.retention.failing')], async () => {
      if (failing) throw new Error('consumer down');
    });
    t.k.jobs.define('test.retention-job', async (payload: { fail?: boolean }) => {
      if (payload.fail) throw new Error('job fails for good');
    });
  });
  afterAll(() => t.close());

  const emit = (type: string) => t.k.db.transaction(() => t.k.outbox.emit(defineEvent(type), { at: t.clock.now() }));
  const schedule = (key: string, runAt: Date, payload: object = {}) =>
    t.k.db.transaction(() => t.k.jobs.schedule('test.retention-job', payload, runAt, key));
  const events = async (ids: string[]) => (await t.k.db.q.select({ id: outboxEvents.id }).from(outboxEvents).where(inArray(outboxEvents.id, ids))).map((r) => r.id).sort();
  const deliveries = async (id: string) => (await t.k.db.q.select().from(outboxDeliveries).where(eq(outboxDeliveries.eventId, id))).map((d) => `${d.consumer}:${d.status}`).sort();
  const jobs = async (keys: string[]) => (await t.k.db.q.select({ key: scheduledJobs.key }).from(scheduledJobs).where(inArray(scheduledJobs.key, keys))).map((r) => r.key).sort();

  it('deletes delivered events and finished jobs past RETENTION_DAYS, and keeps undelivered, failed and recent ones', async () => {
    // Eight days before the prune: a delivered event, one with no consumer, one waiting on a consumer
    // that fails, one dead at it; a finished job, a cancelled one, a dead one and one still pending.
    const delivered = await emit('test.retention.ok');
    const unheard = await emit('test.retention.nobody');
    const waiting = await emit('test.retention.failing');
    await schedule('retention:done', t.clock.now());
    await schedule('retention:cancelled', new Date(T0.getTime() + DAY));
    await t.k.db.transaction(() => t.k.jobs.cancel('retention:cancelled'));
    await schedule('retention:dead', t.clock.now(), { fail: true });
    await schedule('retention:pending', new Date(T0.getTime() + 30 * DAY));
    await t.k.outbox.drain(1);
    await t.k.jobs.runDue();
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      t.clock.advance(backoffMs(i));
      await t.k.outbox.dispatch();
      await t.k.jobs.runDue();
    }
    expect(await deliveries(delivered)).toEqual(['test.retention-ok:done']);
    expect(await deliveries(waiting)).toEqual(['test.retention-failing:dead']);
    const pendingAtFailing = await (async () => {
      failing = true;
      const id = await emit('test.retention.failing');
      await t.k.outbox.dispatch();
      return id;
    })();
    expect(await deliveries(pendingAtFailing)).toEqual(['test.retention-failing:pending']);

    // Six days before the prune: delivered, but recent enough to keep.
    t.clock.set(new Date(T0.getTime() + 2 * DAY));
    const recent = await emit('test.retention.ok');
    await schedule('retention:recent', t.clock.now());
    await t.k.outbox.dispatch();
    await t.k.jobs.runDue();
    expect(await deliveries(recent)).toEqual(['test.retention-ok:done']);

    // A prune at 04:20 Shanghai on 2026-03-09 (20:20 UTC on the 8th): once for the ticks it missed, then daily.
    t.clock.set(new Date('2026-03-08T20:20:00Z'));
    expect(await t.k.recurring.runOne('platform.prune')).toBe(true);
    expect(await t.k.recurring.runOne('platform.prune')).toBe(false);

    expect(await events([delivered, unheard, waiting, pendingAtFailing, recent])).toEqual([waiting, pendingAtFailing, recent].sort());
    expect(await deliveries(delivered)).toEqual([]);
    expect(await deliveries(waiting)).toEqual(['test.retention-failing:dead']);
    expect(await deliveries(pendingAtFailing)).toEqual(['test.retention-failing:pending']);
    expect(await deliveries(recent)).toEqual(['test.retention-ok:done']);
    expect(await jobs(['retention:done', 'retention:cancelled', 'retention:dead', 'retention:pending', 'retention:recent'])).toEqual(
      ['retention:dead', 'retention:pending', 'retention:recent'].sort(),
    );

    // A dead delivery revived by staff is still deliverable: its event was kept.
    failing = false;
    expect(await t.k.db.transaction(() => t.k.outbox.retryDead(waiting))).toBe(1);
    await t.k.outbox.drain();
    expect(await deliveries(waiting)).toEqual(['test.retention-failing:done']);
  });

  it('prunes in batches until nothing old is left', async () => {
    t.clock.set(new Date('2026-04-01T00:00:00Z'));
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await emit('test.retention.ok'));
    await t.k.outbox.drain();
    t.clock.advance(8 * DAY);
    const pruned = await t.k.outbox.prune(new Date(t.clock.now().getTime() - 7 * DAY), 3);
    expect(pruned.deliveries).toBeGreaterThanOrEqual(7);
    expect(pruned.events).toBeGreaterThanOrEqual(7);
    expect(await events(ids)).toEqual([]);
  });
});

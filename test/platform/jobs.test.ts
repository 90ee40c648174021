import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { HOUR, MINUTE } from '../../src/platform/clock.js';
import { backoffMs, MAX_ATTEMPTS } from '../../src/platform/outbox/outbox.js';
import { scheduledJobs } from '../../src/platform/jobs/schema.js';
import type { Kernel } from '../../src/platform/kernel.js';

const T0 = new Date('2026-03-01T00:00:00Z');
const job = async (k: Kernel, key: string) => (await k.db.q.select().from(scheduledJobs).where(eq(scheduledJobs.key, key)))[0];

describeEachBackend('platform: scheduled jobs', (backend) => {
  let t: TestApp;
  let failing = 0;
  const ran: unknown[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend);
    t.clock.set(T0);
    t.k.jobs.define('test.sometimes', async (payload) => {
      ran.push(payload);
      // A database effect in the job's transaction: rolled back when the job fails.
      await t.k.settings.set(`test.job.${payload.n}`, ran.length);
      if (failing-- > 0) throw new Error('not yet');
    });
  });
  afterAll(() => t.close());

  it('runs a job when the clock passes its time, once, even when scheduled twice under one key', async () => {
    await t.k.db.transaction(async () => {
      await t.k.jobs.schedule('test.sometimes', { n: 1 }, new Date(T0.getTime() + HOUR), 'test:1');
      await t.k.jobs.schedule('test.sometimes', { n: 99 }, new Date(T0.getTime() + MINUTE), 'test:1');
    });
    expect(await t.k.jobs.runDue()).toBe(0);
    t.clock.advance(HOUR - 1);
    expect(await t.k.jobs.runDue()).toBe(0);
    t.clock.advance(1);
    expect(await t.k.jobs.runDue()).toBe(1);
    expect(ran).toEqual([{ n: 1 }]);
    expect(await job(t.k, 'test:1')).toMatchObject({ status: 'done', attempts: 1 });
    t.clock.advance(HOUR);
    expect(await t.k.jobs.runDue()).toBe(0);
    expect(ran).toHaveLength(1);
  });

  it('retries a failing job with backoff and marks it dead after MAX_ATTEMPTS', async () => {
    ran.length = 0;
    failing = 1_000;
    await t.k.db.transaction(() => t.k.jobs.schedule('test.sometimes', { n: 2 }, t.clock.now(), 'test:2'));
    await t.k.jobs.runDue();
    expect(await job(t.k, 'test:2')).toMatchObject({
      status: 'pending', attempts: 1, lastError: 'not yet', runAt: new Date(t.clock.now().getTime() + backoffMs(1)),
    });
    expect(await t.k.settings.get('test.job.2')).toBeUndefined();
    expect(await t.k.jobs.runDue()).toBe(0); // waits for its backoff
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      t.clock.advance(backoffMs(i));
      expect(await t.k.jobs.runDue()).toBe(1);
    }
    expect(await job(t.k, 'test:2')).toMatchObject({ status: 'dead', attempts: MAX_ATTEMPTS });
    expect(ran).toHaveLength(MAX_ATTEMPTS);
    t.clock.advance(24 * HOUR);
    expect(await t.k.jobs.runDue()).toBe(0);
    expect(await t.k.settings.get('test.job.2')).toBeUndefined();
  });

  it('runs a job that failed once on its retry, with its effect once', async () => {
    ran.length = 0;
    failing = 1;
    await t.k.db.transaction(() => t.k.jobs.schedule('test.sometimes', { n: 3 }, t.clock.now(), 'test:3'));
    await t.k.jobs.runDue();
    t.clock.advance(backoffMs(1));
    await t.k.jobs.runDue();
    expect(await job(t.k, 'test:3')).toMatchObject({ status: 'done', attempts: 2 });
    expect(await t.k.settings.get('test.job.3')).toBe(2);
    expect(ran).toHaveLength(2);
  });
});

describeEachBackend('platform: scheduled jobs across a restart', (backend) => {
  it('keeps a job scheduled before the process stopped and runs it once the clock passes its time', { timeout: 240_000 }, async () => {
    const database = await createTestDatabase(backend);
    const ran: unknown[] = [];
    try {
      const first = await startTestApp(backend, {}, { database });
      first.clock.set(T0);
      first.k.jobs.define('test.reminder', async () => {
        throw new Error('the first process must not run it');
      });
      await first.k.db.transaction(() => first.k.jobs.schedule('test.reminder', { n: 4 }, new Date(T0.getTime() + 2 * HOUR), 'reminder:4'));
      await first.close();

      const second = await startTestApp(backend, {}, { database });
      try {
        second.clock.set(new Date(T0.getTime() + HOUR));
        second.k.jobs.define('test.reminder', async (payload) => {
          ran.push(payload);
        });
        await second.settle();
        expect(ran).toEqual([]);
        expect(await job(second.k, 'reminder:4')).toMatchObject({ status: 'pending', attempts: 0 });
        second.clock.advance(HOUR);
        await second.settle();
        await second.settle();
        expect(ran).toEqual([{ n: 4 }]);
        expect(await job(second.k, 'reminder:4')).toMatchObject({ status: 'done', attempts: 1 });
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { HOUR, MINUTE } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/log.js';
import { Recurring, type RecurringJob } from '../../src/platform/jobs/recurring.js';
import { parseSchedule } from '../../src/platform/jobs/schedule.js';
import { recurringJobs } from '../../src/platform/jobs/schema.js';

const T0 = new Date('2026-03-01T00:10:00Z');
const at = (iso: string) => new Date(iso);

describeEachBackend('platform: recurring jobs', (backend) => {
  let t: TestApp;
  let logged: string[];
  /** A runner as one process of the store sees it: its own registrations over the shared database. */
  const runner = () => new Recurring(t.k.db, t.clock, createLogger({ level: 'info', format: 'json' }, { write: (l: string) => logged.push(l) }), () => 'Asia/Shanghai');
  const row = async (name: string) => (await t.k.db.q.select().from(recurringJobs).where(eq(recurringJobs.name, name)))[0];

  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    t.clock.set(T0);
    logged = [];
  });

  it('runs an interval job at each tick, once, and not before', async () => {
    const r = runner();
    const ticks: Date[] = [];
    r.register({ name: 'test.hourly', every: HOUR, run: async ({ tick }) => void ticks.push(tick) });
    expect(await r.runDue()).toBe(0);
    t.clock.set(at('2026-03-01T00:59:59.999Z'));
    expect(await r.runDue()).toBe(0);
    t.clock.set(at('2026-03-01T01:00:00Z'));
    expect(await r.runDue()).toBe(1);
    expect(await r.runDue()).toBe(0);
    t.clock.set(at('2026-03-01T02:00:30Z'));
    expect(await r.runDue()).toBe(1);
    expect(ticks).toEqual([at('2026-03-01T01:00:00Z'), at('2026-03-01T02:00:00Z')]);
    expect(await row('test.hourly')).toMatchObject({ runs: 2, failures: 0, lastError: null, leaseUntil: null, nextRunAt: at('2026-03-01T03:00:00Z') });
  });

  it('runs ticks missed while nothing ran once, not once each', async () => {
    const r = runner();
    const ticks: Date[] = [];
    r.register({ name: 'test.missed', every: 15 * MINUTE, run: async ({ tick }) => void ticks.push(tick) });
    await r.sync();
    t.clock.set(at('2026-03-01T10:05:00Z')); // 39 ticks later
    expect(await r.runDue()).toBe(1);
    expect(await r.runDue()).toBe(0);
    expect(ticks).toEqual([at('2026-03-01T00:15:00Z')]);
    expect((await row('test.missed')).nextRunAt).toEqual(at('2026-03-01T10:15:00Z'));
  });

  it("reads a cron expression in the store's time zone", async () => {
    const r = runner();
    const ticks: Date[] = [];
    r.register({ name: 'test.nightly', every: '0 3 * * *', run: async ({ tick }) => void ticks.push(tick) });
    await r.sync();
    // 03:00 in Shanghai is 19:00 UTC the day before.
    expect((await row('test.nightly')).nextRunAt).toEqual(at('2026-03-01T19:00:00Z'));
    t.clock.set(at('2026-03-01T18:59:59Z'));
    expect(await r.runDue()).toBe(0);
    t.clock.set(at('2026-03-01T19:00:00Z'));
    expect(await r.runDue()).toBe(1);
    expect(ticks).toEqual([at('2026-03-01T19:00:00Z')]);
    expect((await row('test.nightly')).nextRunAt).toEqual(at('2026-03-02T19:00:00Z'));
  });

  it('logs a failing run, records it, and runs the job again at the next tick (not before)', async () => {
    const r = runner();
    let calls = 0;
    r.register({
      name: 'test.flaky',
      every: HOUR,
      run: async () => {
        if (++calls === 1) throw new Error('upstream down');
      },
    });
    await r.sync();
    t.clock.set(at('2026-03-01T01:00:00Z'));
    expect(await r.runDue()).toBe(1);
    expect(await row('test.flaky')).toMatchObject({ failures: 1, lastError: 'upstream down', leaseUntil: null });
    const line = logged.map((l) => JSON.parse(l)).find((l) => l.job === 'test.flaky');
    expect(line).toMatchObject({ level: 50, err: { message: 'upstream down' } });
    t.clock.set(at('2026-03-01T01:30:00Z'));
    expect(await r.runDue()).toBe(0);
    expect(calls).toBe(1);
    t.clock.set(at('2026-03-01T02:00:00Z'));
    expect(await r.runDue()).toBe(1);
    expect(calls).toBe(2);
    expect(await row('test.flaky')).toMatchObject({ runs: 2, failures: 1, lastError: null });
  });

  it('runs a tick once when two processes reach it at the same moment', async () => {
    const runs: string[] = [];
    const job = (who: string): RecurringJob => ({ name: 'test.shared', every: HOUR, run: async () => void runs.push(who) });
    const a = runner();
    const b = runner();
    a.register(job('a'));
    b.register(job('b'));
    await Promise.all([a.sync(), b.sync()]);
    for (const hour of ['01', '02', '03', '04', '05']) {
      t.clock.set(at(`2026-03-01T${hour}:00:00Z`));
      const ran = await Promise.all([a.runDue(), b.runDue(), a.runOne('test.shared'), b.runOne('test.shared')]);
      expect(ran.filter(Boolean)).toHaveLength(1);
    }
    expect(runs).toHaveLength(5);
  });

  it('does not start a tick while a run holds the lease, and takes over once the lease has passed', async () => {
    const a = runner();
    const b = runner();
    let release!: () => void;
    const started: string[] = [];
    a.register({ name: 'test.slow', every: HOUR, leaseMs: 90 * MINUTE, run: () => new Promise<void>((r) => ((release = r), started.push('a'))) });
    b.register({ name: 'test.slow', every: HOUR, leaseMs: 90 * MINUTE, run: async () => void started.push('b') });
    await Promise.all([a.sync(), b.sync()]);
    t.clock.set(at('2026-03-01T01:00:00Z'));
    const slow = a.runDue();
    for (let i = 0; !release && i < 400; i++) await new Promise((r) => setTimeout(r, 5));
    expect(started).toEqual(['a']);
    t.clock.set(at('2026-03-01T02:00:00Z')); // the next tick, while a's run goes on
    expect(await b.runDue()).toBe(0);
    // a's process "dies" here: its lease runs out at 02:30, and the next tick after that is b's.
    t.clock.set(at('2026-03-01T02:31:00Z'));
    expect(await b.runDue()).toBe(1);
    expect(started).toEqual(['a', 'b']);
    release();
    expect(await slow).toBe(1);
  });

  it('moves the next run when a job is deployed with another schedule', async () => {
    const before = runner();
    before.register({ name: 'test.reschedule', every: 6 * HOUR, run: async () => {} });
    await before.sync();
    expect((await row('test.reschedule')).nextRunAt).toEqual(at('2026-03-01T06:00:00Z'));
    const after = runner();
    after.register({ name: 'test.reschedule', every: HOUR, run: async () => {} });
    await after.sync();
    expect(await row('test.reschedule')).toMatchObject({ every: 'every 3600000 ms', nextRunAt: at('2026-03-01T01:00:00Z') });
  });

  it('refuses a bad schedule or a second job of the same name at registration', () => {
    const r = runner();
    expect(() => r.register({ name: 'test.bad', every: '61 * * * *', run: async () => {} })).toThrow();
    expect(() => r.register({ name: 'test.bad', every: 10, run: async () => {} })).toThrow(/≥ 1000/);
    r.register({ name: 'test.once', every: HOUR, run: async () => {} });
    expect(() => r.register({ name: 'test.once', every: HOUR, run: async () => {} })).toThrow(/already registered/);
  });

  it('registers the store’s own housekeeping', () => {
    expect(t.k.recurring.list().map((j) => j.name).sort()).toEqual([
      'checkout.expire-idempotency-keys',
      'marketing.birthday-gifts',
      'marketing.expire-coupons',
      'marketing.expire-points',
      'marketing.flash-sales.close',
      'marketing.group-buys.expire',
      'marketing.member-review',
      'marketing.referral-rewards',
      'platform.prune',
    ]);
  });
});

it('computes interval ticks on multiples of the interval, so every process agrees', () => {
  const s = parseSchedule(5 * MINUTE, 'UTC');
  expect(s.next(at('2026-03-01T00:04:59Z'))).toEqual(at('2026-03-01T00:05:00Z'));
  expect(s.next(at('2026-03-01T00:05:00Z'))).toEqual(at('2026-03-01T00:10:00Z'));
  expect(s.repeat).toEqual({ every: 5 * MINUTE });
  expect(parseSchedule('*/10 * * * * *', 'UTC').next(at('2026-03-01T00:00:01Z'))).toEqual(at('2026-03-01T00:00:10Z'));
  expect(parseSchedule('0 3 * * *', 'Asia/Shanghai').repeat).toEqual({ pattern: '0 3 * * *', tz: 'Asia/Shanghai' });
});

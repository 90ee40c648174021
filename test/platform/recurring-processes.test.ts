import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeOnBackend, type TestDatabase } from '../support/harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EVERY_MS = 1000;

interface Child {
  proc: ChildProcess;
  output: () => string;
}

/** A separate store process running background work (see test/support/recurring-child.ts). */
function startChild(env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/support/recurring-child.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not start:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d;
      if (output.includes('READY')) {
        clearTimeout(timer);
        resolve({ proc, output: () => output });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`child exited (${code}):\n${output}`)));
  });
}

function stop(c: Child | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!c || c.proc.exitCode !== null) return resolve();
    c.proc.once('exit', () => resolve());
    c.proc.kill('SIGTERM');
  });
}

describeOnBackend('postgres', 'recurring jobs across two processes (PostgreSQL + Redis)', (backend) => {
  let db: TestDatabase;
  let children: Child[] = [];
  const prefix = `skrecurring-${randomBytes(4).toString('hex')}`;
  const job = 'test.every-second';

  beforeAll(async () => {
    if (!backend.redisUrl) throw new Error('this suite needs TEST_REDIS_URL');
    db = await createTestDatabase(backend);
    const env = {
      DATABASE_URL: db.databaseUrl!,
      REDIS_URL: backend.redisUrl,
      REDIS_PREFIX: prefix,
      RECURRING_TEST_JOB: job,
      RECURRING_TEST_EVERY_MS: String(EVERY_MS),
      // Both processes poll four times a tick besides BullMQ's trigger, and a run takes 300 ms:
      // every tick is raced for.
      RECURRING_TEST_POLL_MS: '250',
      RECURRING_TEST_WORK_MS: '300',
    };
    children = await Promise.all([startChild(env), startChild(env)]);
  }, 150_000);
  afterAll(async () => {
    await Promise.all(children.map(stop));
    await db?.drop();
  });

  it('runs each tick exactly once between them, and BullMQ holds one scheduler for the job', { timeout: 60_000 }, async () => {
    await new Promise((r) => setTimeout(r, 7 * EVERY_MS));
    await Promise.all(children.map(stop));
    const runs = children.flatMap((c) =>
      c.output().split('\n').filter((l) => l.startsWith('RAN ')).map((l) => {
        const [, tick, pid, started] = l.split(' ');
        return { tick, pid, started: Number(started) };
      }),
    );
    const ticks = runs.map((r) => r.tick);
    expect(new Set(ticks).size).toBe(ticks.length); // no tick ran twice
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    for (const r of runs) {
      expect(Date.parse(r.tick) % EVERY_MS).toBe(0);
      expect(r.started).toBeGreaterThanOrEqual(Date.parse(r.tick));
    }

    const connection = new Redis(backend.redisUrl!, { maxRetriesPerRequest: null });
    const queue = new Queue('shopkeeper-jobs', { prefix, connection });
    try {
      const schedulers = (await queue.getJobSchedulers()).filter((s) => s.key.startsWith('recurring:'));
      expect(schedulers.map((s) => ({ key: s.key, every: s.every }))).toEqual([{ key: `recurring:${job}`, every: EVERY_MS }]);
    } finally {
      await queue.close();
      await connection.quit();
    }
  });
});

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { AdjustableClock } from '../../src/platform/clock.js';
import { createKernel, type Kernel } from '../../src/platform/kernel.js';
import { createApp, createServices, type Services } from '../../src/app.js';
import type { HttpServer } from '../../src/platform/http/server.js';

/**
 * The shapes every integration suite runs on: embedded PGlite always; PostgreSQL + Redis when
 * TEST_DATABASE_URL (and TEST_REDIS_URL) are set. Suite names carry the shape in brackets so
 * `.ci/run` can check that the scale-shape suites actually ran.
 */
export interface Backend {
  name: 'pglite' | 'postgres';
  databaseUrl?: string;
  redisUrl?: string;
}

export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'pglite' }];
  if (process.env.TEST_DATABASE_URL) {
    list.push({ name: 'postgres', databaseUrl: process.env.TEST_DATABASE_URL, redisUrl: process.env.TEST_REDIS_URL });
  }
  return list;
}

/** `describe` once per backend, named "<title> [pglite]" / "<title> [postgres]". */
export function describeEachBackend(title: string, fn: (backend: Backend) => void): void {
  for (const b of backends()) describe(`${title} [${b.name}]`, () => fn(b));
}

/** A suite that concerns one backend only (the embedded data folder; PostgreSQL's server-side locks). */
export function describeOnBackend(name: Backend['name'], title: string, fn: (backend: Backend) => void): void {
  for (const b of backends()) if (b.name === name) describe(`${title} [${b.name}]`, () => fn(b));
}

export interface TestApp {
  app: HttpServer;
  k: Kernel;
  services: Services;
  clock: AdjustableClock;
  /** Delivers pending events and runs due jobs until nothing is left. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A fresh, empty database of its own (a new PostgreSQL database, or in-memory PGlite). */
async function freshDatabaseUrl(b: Backend): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (b.name === 'pglite') return { drop: async () => {} };
  const name = `sk_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: b.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(b.databaseUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: b.databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * A database that outlives one app, for restart tests: a fresh PostgreSQL database, or for PGlite
 * a temporary DATA_DIR folder (on disk, not in memory). Pass it to `startTestApp` as often as
 * needed; `drop()` removes it at the end.
 */
export interface TestDatabase {
  databaseUrl?: string;
  dataDir?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(b: Backend): Promise<TestDatabase> {
  if (b.name === 'postgres') {
    const db = await freshDatabaseUrl(b);
    return { databaseUrl: db.url, drop: db.drop };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'shopkeeper-test-'));
  return { dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
}

export interface StartOptions {
  /** Open this database instead of a fresh one; `close()` leaves it in place for the next app. */
  database?: TestDatabase;
  /** Receives the app's log lines (set LOG_LEVEL in `env` too: tests run silent by default). */
  logOutput?: { write(line: string): unknown };
  /** Plugs more into the services before the store starts (a checkout participant, a consumer), as the composition root would. */
  compose?: (services: Services, k: Kernel) => void | Promise<void>;
}

export async function startTestApp(b: Backend, env: Record<string, string> = {}, opts: StartOptions = {}): Promise<TestApp> {
  const db = opts.database ? { url: opts.database.databaseUrl, drop: async () => {} } : await freshDatabaseUrl(b);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: opts.database?.dataDir ?? 'memory://',
    DATABASE_URL: db.url,
    REDIS_URL: b.redisUrl,
    REDIS_PREFIX: `sktest-${randomBytes(4).toString('hex')}`,
    DEMO_DATA: 'false',
    ...env,
  });
  const clock = new AdjustableClock();
  const k = await createKernel(config, { clock, logOutput: opts.logOutput });
  const composed = createServices(k);
  await opts.compose?.(composed, k);
  const { app, services } = await createApp(k, composed);
  await app.ready();
  // The sandbox provider calls back into this app in-process instead of over the network.
  services.sandboxCallbacks.transport = async (body, headers) =>
    (await app.inject({ method: 'POST', url: '/api/store/payments/webhook/sandbox', headers, payload: body })).statusCode;
  return {
    app,
    k,
    services,
    clock,
    async settle() {
      for (let i = 0; i < 20; i++) {
        const events = await k.outbox.dispatch();
        const jobs = await k.jobs.runDue();
        if (events === 0 && jobs === 0) return;
      }
    },
    async close() {
      await app.close();
      await k.cache.close();
      await k.db.close();
      await db.drop();
    },
  };
}

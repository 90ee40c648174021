import type { Logger } from 'pino';
import { createLogger } from './log.js';
import type { Config } from './config.js';
import { SystemClock, type Clock } from './clock.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { Outbox } from './outbox/outbox.js';
import { Jobs } from './jobs/jobs.js';
import { Recurring } from './jobs/recurring.js';
import { ResponseCache } from './cache.js';
import { Settings } from './settings/settings.js';
import { StoreTimezone } from './settings/store-timezone.js';

/** What every module stands on: one of each, shared by the whole process. */
export interface Kernel {
  config: Config;
  db: Database;
  clock: Clock;
  outbox: Outbox;
  jobs: Jobs;
  /** Cron-like work run once per tick across processes (docs/jobs.md). */
  recurring: Recurring;
  cache: ResponseCache;
  settings: Settings;
  /** The store's live time zone: `k.timezone.get()`. Not `config.storeTimezone`, which is only its default. */
  timezone: StoreTimezone;
  log: Logger;
  secrets: { session: string; paymentSandbox: string };
}

export interface KernelOptions {
  clock?: Clock;
  /** Skip applying migrations (the `migrate` command applies them explicitly). */
  skipMigrations?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logOutput?: { write(line: string): unknown };
}

export async function createKernel(config: Config, opts: KernelOptions = {}): Promise<Kernel> {
  const log = createLogger({ level: config.logLevel, format: config.logFormat }, opts.logOutput);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (!opts.skipMigrations) await db.migrate();
    const clock = opts.clock ?? new SystemClock();
    const cache = new ResponseCache();
    if (config.redisUrl) await cache.connect(config.redisUrl, config.redisPrefix);
    const settings = new Settings(db, cache);
    const timezone = new StoreTimezone(db, settings, cache, config.storeTimezone);
    if (!opts.skipMigrations) await timezone.load();
    const secrets = {
      session: await settings.secret('secret.session', config.sessionSecret),
      paymentSandbox: await settings.secret('secret.paymentSandbox', config.paymentSandboxSecret),
    };
    return {
      config,
      db,
      clock,
      outbox: new Outbox(db, clock),
      jobs: new Jobs(db, clock),
      recurring: new Recurring(db, clock, log, () => timezone.get()),
      cache,
      settings,
      timezone,
      log,
      secrets,
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}

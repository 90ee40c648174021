import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { Database, type Executor, type StatementCounter } from './database.js';
import { acquireDataDirLock } from './data-dir-lock.js';

export interface OpenOptions {
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; `memory://` (or undefined) keeps it in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

// An arbitrary constant both shapes use as the advisory-lock key for migrations.
const MIGRATION_LOCK_KEY = 72_616_167;

// Return int8 as JS numbers: every amount and count we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 20);
  return openPglite(opts.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries in flight see their own error.
  });
  const probe = await pool.connect(); // fail fast with the driver's message when unreachable
  probe.release();
  const statements: StatementCounter = { n: 0 };
  const db = drizzlePg(pool, { logger: countingLogger(statements) });
  return new Database('postgres', db as unknown as Executor, {
    close: () => pool.end(),
    execRaw: async (sql) => {
      await pool.query(sql);
    },
    migrate: async () => {
      // Session-level advisory lock on a dedicated connection: other processes starting at the
      // same moment wait here, then find every migration applied.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        lock.release();
      }
    },
  }, statements);
}

/** Drizzle's query hook, used only to count statements: a counter, not a log. */
function countingLogger(statements: StatementCounter) {
  return {
    logQuery: (query: string) => {
      statements.n++;
      statements.trace?.push(query);
    },
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  const inMemory = !dataDir || dataDir === 'memory://';
  // PGlite is single-process: the data-folder lock is the migration lock too.
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(inMemory ? undefined : `${dataDir}/pg`, {
      parsers: { 20: (v: string) => Number(v) },
    });
    const statements: StatementCounter = { n: 0 };
    const db = drizzlePglite(client, { logger: countingLogger(statements) });
    return new Database('pglite', db as unknown as Executor, {
      close: async () => {
        await client.close();
        release();
      },
      execRaw: async (sql) => {
        await client.exec(sql);
      },
      migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    }, statements);
  } catch (err) {
    release();
    throw err;
  }
}

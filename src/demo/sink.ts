import { sql } from 'drizzle-orm';
import type { Kernel } from '../platform/kernel.js';

/**
 * Where the bulk loader's SQL goes, and the transaction around it.
 *
 * PostgreSQL: the platform's transaction (`k.db.transaction`), statements on its handle.
 * PGlite: one connection and one session, so the load runs as `begin` … `commit` sent through
 * `k.db.execRaw` — PGlite's simple-query path, about a third faster than a prepared statement
 * per chunk — and every other query meanwhile (settings, outbox) goes to the same session and so
 * into the same transaction. Nothing else may use the database during the load (it runs before
 * the server listens, or in the `seed` command).
 */
export interface Sink {
  exec(text: string): Promise<void>;
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

export function sinkFor(k: Kernel): Sink {
  if (k.db.kind === 'postgres') {
    return {
      exec: async (text) => {
        await k.db.q.execute(sql.raw(text));
      },
      transaction: (fn) => k.db.transaction(fn),
    };
  }
  if (k.db.inTransaction) throw new Error('The demo loader opens its own transaction on PGlite: call it outside k.db.transaction()');
  let depth = 0;
  return {
    exec: (text) => k.db.execRaw(text),
    async transaction(fn) {
      if (depth > 0) return fn();
      depth++;
      await k.db.execRaw('begin');
      try {
        const result = await fn();
        await k.db.execRaw('commit');
        return result;
      } catch (err) {
        await k.db.execRaw('rollback');
        throw err;
      } finally {
        depth--;
      }
    },
  };
}

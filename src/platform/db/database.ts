import { AsyncLocalStorage } from 'node:async_hooks';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** Anything queries can be run on: the root handle or an open transaction. */
export type Executor = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** How many SQL statements ran, transaction control included (the statement-budget test reads it). */
export interface StatementCounter {
  n: number;
  /** When set, each statement's SQL text is appended (the budget test prints what a step ran). */
  trace?: string[];
}

export interface DriverOps {
  close(): Promise<void>;
  execRaw(sql: string): Promise<void>;
  migrate(): Promise<void>;
}

interface TxScope {
  tx: Executor;
  afterCommit: Array<() => void | Promise<void>>;
  beforeCommit: Array<() => Promise<void>>;
}

/**
 * The database and its transaction context.
 *
 * `db.q` is the executor for the current business action: inside `db.transaction()` it is the
 * open transaction (carried by AsyncLocalStorage), outside it the root handle. Services always
 * use `db.q`, so one action is one transaction however many modules it crosses — and on PGlite,
 * which has a single connection, nothing queries the root handle while a transaction is open
 * (that would wait forever).
 */
export class Database {
  private readonly scope = new AsyncLocalStorage<TxScope>();

  constructor(
    readonly kind: 'pglite' | 'postgres',
    private readonly root: Executor,
    private readonly ops: DriverOps,
    /** Counted by the driver's query hook; PGlite's own BEGIN/COMMIT are added in `transaction`. */
    readonly statements: StatementCounter = { n: 0 },
  ) {}

  /** Runs raw SQL text (several statements allowed): bulk load, maintenance, tests. */
  execRaw(sql: string): Promise<void> {
    return this.ops.execRaw(sql);
  }

  /** Applies the committed migrations in `drizzle/`, under a lock when several processes start at once. */
  migrate(): Promise<void> {
    return this.ops.migrate();
  }

  get q(): Executor {
    return this.scope.getStore()?.tx ?? this.root;
  }

  get inTransaction(): boolean {
    return this.scope.getStore() !== undefined;
  }

  /** Runs `fn` in a transaction, or joins the one already open. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.scope.getStore()) return fn();
    const hooks: TxScope['afterCommit'] = [];
    const before: TxScope['beforeCommit'] = [];
    // node-postgres sends BEGIN and COMMIT through drizzle's logger; PGlite runs its own.
    if (this.kind === 'pglite') {
      this.statements.n += 2;
      this.statements.trace?.push('begin (pglite)', 'commit (pglite)');
    }
    const result = await this.root.transaction((tx) =>
      this.scope.run({ tx: tx as unknown as Executor, afterCommit: hooks, beforeCommit: before }, async () => {
        const value = await fn();
        // Hooks may add hooks (a flush that emits): run until none is left.
        for (let i = 0; i < before.length; i++) await before[i]();
        return value;
      }),
    );
    for (const hook of hooks) {
      try {
        // Only a hook that returns a promise is waited for (a plain one — a dispatcher's wake — needs no turn of its own).
        const pending = hook();
        if (pending) await pending;
      } catch {
        // After-commit hooks are hints (wake a dispatcher, drop a cache); the outbox is the guarantee.
      }
    }
    return result;
  }

  /**
   * Runs `hook` inside the current transaction once its work is done, just before it commits (the
   * outbox writes the transaction's events there, in one statement). False when there is no
   * transaction: the caller does its work at once.
   */
  beforeCommit(hook: () => Promise<void>): boolean {
    const s = this.scope.getStore();
    if (!s) return false;
    s.beforeCommit.push(hook);
    return true;
  }

  /** Runs `hook` once the current transaction commits (at once when there is none). */
  afterCommit(hook: () => void | Promise<void>): void {
    const s = this.scope.getStore();
    if (s) s.afterCommit.push(hook);
    else void Promise.resolve().then(hook);
  }

  /** Runs `fn` outside any open transaction (for work that must commit on its own). */
  detached<T>(fn: () => Promise<T>): Promise<T> {
    return this.scope.exit(fn);
  }

  close(): Promise<void> {
    return this.ops.close();
  }
}

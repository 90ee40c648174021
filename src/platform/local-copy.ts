import type { Database, Executor } from './db/database.js';
import type { ResponseCache } from './cache.js';

/**
 * An in-process copy of rarely changing rows (store settings, shipping methods) that the write path
 * reads on every order: one statement per order for values that change a few times a year is waste.
 *
 * A write calls `written()`: the copy is dropped here at once and, once the write commits, in every
 * process (the response cache's tag invalidation, published over Redis on the scale shape). A read
 * is kept only if no invalidation raced it and its transaction wrote nothing to this copy's rows (a
 * transaction that may still roll back must not leave its own uncommitted values behind).
 * Without a response cache (tools, tests of the bare service) nothing is kept: every read loads.
 */
export class LocalCopy<V> {
  private readonly values = new Map<string, V>();
  private readonly writers = new WeakSet<Executor>();

  constructor(
    private readonly db: Database,
    private readonly cache: ResponseCache | undefined,
    private readonly tag: string,
  ) {
    cache?.onInvalidate((tags) => {
      if (tags.includes(tag)) this.values.clear();
    });
  }

  /** The value held for `key`, if any, without loading it (a hot path that must not wait). */
  peek(key: string): V | undefined {
    return this.values.get(key);
  }

  async read(key: string, load: () => Promise<V>): Promise<V> {
    if (this.values.has(key)) return this.values.get(key)!;
    const generation = this.cache?.currentGeneration;
    const q = this.db.q;
    const value = await load();
    if (this.cache && generation === this.cache.currentGeneration && !this.writers.has(q)) this.values.set(key, value);
    return value;
  }

  /** Several keys at once: those not held are loaded together by `load` (which returns what exists). */
  async readMany(keys: string[], load: (missing: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    const missing: string[] = [];
    for (const key of keys) {
      if (this.values.has(key)) found.set(key, this.values.get(key)!);
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    const generation = this.cache?.currentGeneration;
    const q = this.db.q;
    const loaded = await load(missing);
    const keep = this.cache && generation === this.cache.currentGeneration && !this.writers.has(q);
    for (const [key, value] of loaded) {
      found.set(key, value);
      if (keep) this.values.set(key, value);
    }
    return found;
  }

  /** Call before writing rows this copy holds (inside the writing transaction, if any). */
  written(): void {
    this.values.clear();
    if (this.db.inTransaction) this.writers.add(this.db.q);
    this.db.afterCommit(() => this.cache?.invalidate(this.tag));
  }
}

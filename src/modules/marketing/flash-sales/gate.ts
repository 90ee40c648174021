import type { Config } from '../../../platform/config.js';
import { RedisFlashGate } from './gate-redis.js';

/**
 * The flash-sale gate (秒杀): who gets a unit, decided atomically in memory on the embedded shape
 * and by one Lua script in Redis on the scale shape (every API process sees one sequence). It holds
 * counters only — units left per item and units taken per customer. The durable truth is the claim
 * ledger in the database; the gate is (re)loaded from it at the round's start, after a restart and
 * whenever Redis answers that it has nothing (decision 0040).
 */
export type TakeResult =
  | { ok: true; left: number }
  /** soldOut: fewer units left than asked; limit: the customer would pass the per-customer limit; notLoaded: reload from the ledger and ask again. */
  | { ok: false; reason: 'soldOut' | 'limit' | 'notLoaded'; left: number };

export interface GateLoad {
  itemId: string;
  /** Units left to decide: flash stock minus units held or sold by claims not released. */
  left: number;
  perCustomerLimit: number;
  /** Units each customer holds or bought in this item. */
  taken: ReadonlyMap<string, number>;
}

export interface FlashGate {
  /** Puts an item's counters in place, replacing whatever was there. */
  load(item: GateLoad): Promise<void>;
  /** Takes `quantity` units for a customer if there are enough and the limit allows, in one step. */
  take(itemId: string, customerId: string, quantity: number): Promise<TakeResult>;
  /** Returns units a customer held (a released claim), never more than they hold. Returns how many. */
  giveBack(itemId: string, customerId: string, quantity: number): Promise<number>;
  /**
   * Whether this process knows the item to be sold out without asking anyone: exact in memory; in
   * Redis, what the last answer said, for a quarter of a second (units given back elsewhere are
   * seen that much later). The crowd pressing on after the last unit is answered from here.
   */
  soldOut(itemId: string): boolean;
  /** Units left per item (null: not loaded). */
  left(itemIds: readonly string[]): Promise<Map<string, number | null>>;
  /** Forgets an item (its round is over). */
  drop(itemId: string): Promise<void>;
  close(): Promise<void>;
}

interface MemoryItem {
  left: number;
  limit: number;
  taken: Map<string, number>;
}

/** One process holds the counters: a take with no `await` inside is atomic (the embedded shape runs one API process). */
export class MemoryFlashGate implements FlashGate {
  private readonly items = new Map<string, MemoryItem>();

  load(item: GateLoad): Promise<void> {
    this.items.set(item.itemId, { left: item.left, limit: item.perCustomerLimit, taken: new Map(item.taken) });
    return Promise.resolve();
  }

  take(itemId: string, customerId: string, quantity: number): Promise<TakeResult> {
    const item = this.items.get(itemId);
    if (!item) return Promise.resolve({ ok: false, reason: 'notLoaded', left: 0 });
    if (item.left < quantity) return Promise.resolve({ ok: false, reason: 'soldOut', left: item.left });
    const had = item.taken.get(customerId) ?? 0;
    if (had + quantity > item.limit) return Promise.resolve({ ok: false, reason: 'limit', left: item.left });
    item.taken.set(customerId, had + quantity);
    item.left -= quantity;
    return Promise.resolve({ ok: true, left: item.left });
  }

  giveBack(itemId: string, customerId: string, quantity: number): Promise<number> {
    const item = this.items.get(itemId);
    if (!item) return Promise.resolve(0);
    const had = item.taken.get(customerId) ?? 0;
    const back = Math.min(had, quantity);
    if (back <= 0) return Promise.resolve(0);
    item.taken.set(customerId, had - back);
    item.left += back;
    return Promise.resolve(back);
  }

  soldOut(itemId: string): boolean {
    return this.items.get(itemId)?.left === 0;
  }

  left(itemIds: readonly string[]): Promise<Map<string, number | null>> {
    return Promise.resolve(new Map(itemIds.map((id) => [id, this.items.get(id)?.left ?? null] as const)));
  }

  drop(itemId: string): Promise<void> {
    this.items.delete(itemId);
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.items.clear();
    return Promise.resolve();
  }
}

/** The gate for this deployment: Redis when configured (shared by every API process), else memory. */
export function flashGateFor(config: Pick<Config, 'redisUrl' | 'redisPrefix'>): FlashGate {
  return config.redisUrl ? new RedisFlashGate(config.redisUrl, config.redisPrefix) : new MemoryFlashGate();
}

import { Redis } from 'ioredis';
import type { FlashGate, GateLoad, TakeResult } from './gate.js';

/**
 * The gate in Redis: each decision is one Lua script, so the stock check, the per-customer check
 * and both counts happen with nothing in between, whichever API process asks.
 * KEYS[1]: the item's hash {left, limit}; KEYS[2]: units taken per customer.
 */
const TAKE = `
local v = redis.call('HMGET', KEYS[1], 'left', 'limit')
local left, limit = tonumber(v[1]), tonumber(v[2])
if not left then return {-3, 0} end
local qty = tonumber(ARGV[2])
if left < qty then return {-1, left} end
local had = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if had + qty > limit then return {-2, left} end
redis.call('HINCRBY', KEYS[2], ARGV[1], qty)
return {1, redis.call('HINCRBY', KEYS[1], 'left', -qty)}
`;

const GIVE_BACK = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local had = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local back = math.min(had, tonumber(ARGV[2]))
if back <= 0 then return 0 end
redis.call('HINCRBY', KEYS[2], ARGV[1], -back)
redis.call('HINCRBY', KEYS[1], 'left', back)
return back
`;

type Scripted = Redis & {
  flashTake(itemKey: string, takenKey: string, customerId: string, quantity: number): Promise<[number, number]>;
  flashGiveBack(itemKey: string, takenKey: string, customerId: string, quantity: number): Promise<number>;
};

const REASONS = { [-1]: 'soldOut', [-2]: 'limit', [-3]: 'notLoaded' } as const;

/** How long an answer of "none left" from Redis is believed in this process without asking again. */
export const SOLD_OUT_BELIEVED_MS = 250;

export class RedisFlashGate implements FlashGate {
  private client: Scripted | null = null;
  /** Items Redis last said had none left, and until when that is believed here. */
  private readonly soldOutUntil = new Map<string, number>();

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  private get redis(): Scripted {
    if (!this.client) {
      const c = new Redis(this.url, { maxRetriesPerRequest: 2 });
      c.defineCommand('flashTake', { numberOfKeys: 2, lua: TAKE });
      c.defineCommand('flashGiveBack', { numberOfKeys: 2, lua: GIVE_BACK });
      this.client = c as Scripted;
    }
    return this.client;
  }

  private keys(itemId: string): [string, string] {
    // One hash tag per item: both keys land on the same slot in a Redis Cluster.
    const base = `${this.prefix}:flash:{${itemId}}`;
    return [`${base}:item`, `${base}:taken`];
  }

  async load(item: GateLoad): Promise<void> {
    this.soldOutUntil.delete(item.itemId);
    const [itemKey, takenKey] = this.keys(item.itemId);
    const tx = this.redis.multi().del(itemKey, takenKey);
    const taken = [...item.taken].filter(([, n]) => n > 0);
    if (taken.length) tx.hset(takenKey, Object.fromEntries(taken));
    tx.hset(itemKey, { left: item.left, limit: item.perCustomerLimit });
    await tx.exec();
  }

  async take(itemId: string, customerId: string, quantity: number): Promise<TakeResult> {
    const [code, left] = await this.redis.flashTake(...this.keys(itemId), customerId, quantity);
    if (Number(left) === 0 && code !== -3) this.soldOutUntil.set(itemId, performance.now() + SOLD_OUT_BELIEVED_MS);
    if (code === 1) return { ok: true, left: Number(left) };
    return { ok: false, reason: REASONS[code as -1 | -2 | -3], left: Number(left) };
  }

  soldOut(itemId: string): boolean {
    const until = this.soldOutUntil.get(itemId);
    if (until === undefined) return false;
    if (until > performance.now()) return true;
    this.soldOutUntil.delete(itemId);
    return false;
  }

  async giveBack(itemId: string, customerId: string, quantity: number): Promise<number> {
    this.soldOutUntil.delete(itemId);
    return Number(await this.redis.flashGiveBack(...this.keys(itemId), customerId, quantity));
  }

  async left(itemIds: readonly string[]): Promise<Map<string, number | null>> {
    if (itemIds.length === 0) return new Map();
    const p = this.redis.pipeline();
    for (const id of itemIds) p.hget(this.keys(id)[0], 'left');
    const rows = (await p.exec()) ?? [];
    return new Map(itemIds.map((id, i) => {
      const v = rows[i]?.[1];
      return [id, v === null || v === undefined ? null : Number(v)] as const;
    }));
  }

  async drop(itemId: string): Promise<void> {
    this.soldOutUntil.delete(itemId);
    await this.redis.del(...this.keys(itemId));
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (c) await c.quit().catch(() => c.disconnect());
  }
}

import { Redis } from 'ioredis';
import type { BackoffRule } from './backoff.js';
import type { AttemptLog } from './throttle.js';

/**
 * The check and the count in one Lua script, so every API process sees one sequence of attempts.
 * Each key is a hash {n: attempts counted, at: ms of the last}; the arithmetic is backoff.ts's.
 * ARGV: now, then free, baseMs, maxMs, forgetMs for each key in KEYS.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local wait = 0
local counts = {}
for i, key in ipairs(KEYS) do
  local o = 1 + (i - 1) * 4
  local free, base, max, forget = tonumber(ARGV[o + 1]), tonumber(ARGV[o + 2]), tonumber(ARGV[o + 3]), tonumber(ARGV[o + 4])
  local v = redis.call('HMGET', key, 'n', 'at')
  local n, at = tonumber(v[1]) or 0, tonumber(v[2]) or 0
  if n <= 0 or now - at >= forget then n = 0 end
  counts[i] = n
  if n > 0 and n >= free then
    local w = at + math.min(base * 2 ^ (n - free), max) - now
    if w > wait then wait = w end
  end
end
if wait > 0 then return math.ceil(wait) end
for i, key in ipairs(KEYS) do
  local forget = tonumber(ARGV[1 + (i - 1) * 4 + 4])
  redis.call('HSET', key, 'n', counts[i] + 1, 'at', now)
  if redis.call('PTTL', key) < forget then redis.call('PEXPIRE', key, forget) end
end
return 0
`;

/** One fewer attempt under the key, never below zero. */
const RELEASE = `
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
if n > 0 then redis.call('HINCRBY', KEYS[1], 'n', -1) end
return 0
`;

type Scripted = Redis & {
  throttleTake(...args: Array<string | number>): Promise<number>;
  throttleRelease(key: string): Promise<number>;
};

export class RedisAttemptLog implements AttemptLog {
  private client: Scripted | null = null;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  private get redis(): Scripted {
    if (!this.client) {
      const c = new Redis(this.url, { maxRetriesPerRequest: 2 });
      c.defineCommand('throttleTake', { lua: TAKE });
      c.defineCommand('throttleRelease', { numberOfKeys: 1, lua: RELEASE });
      this.client = c as Scripted;
    }
    return this.client;
  }

  private key(key: string) {
    return `${this.prefix}:throttle:${key}`;
  }

  async take(rules: BackoffRule[], now: number): Promise<number> {
    if (rules.length === 0) return 0;
    const args = [now, ...rules.flatMap((r) => [r.free, r.baseMs, r.maxMs, r.forgetMs])];
    return Number(await this.redis.throttleTake(rules.length, ...rules.map((r) => this.key(r.key)), ...args));
  }

  async release(key: string): Promise<void> {
    await this.redis.throttleRelease(this.key(key));
  }

  async clear(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((k) => this.key(k)));
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (c) await c.quit().catch(() => c.disconnect());
  }
}

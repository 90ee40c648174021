import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Clock } from './clock.js';

/**
 * Sliding-window attempt counting for sign-in and reset throttling. Only failures are recorded,
 * so each log holds at most a few dozen timestamps. In the scale shape the log lives in Redis
 * (a sorted set per key) so every API process sees the same counts; otherwise in memory.
 */
export interface AttemptLog {
  /** Timestamps (ms, ascending) of the attempts under `key` in the window ending at `now`. */
  recent(key: string, windowMs: number, now: number): Promise<number[]>;
  add(key: string, windowMs: number, now: number): Promise<void>;
  clear(key: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryAttemptLog implements AttemptLog {
  private readonly logs = new Map<string, { at: number[]; windowMs: number }>();

  async recent(key: string, windowMs: number, now: number): Promise<number[]> {
    const log = this.logs.get(key);
    if (!log) return [];
    log.at = log.at.filter((t) => t > now - windowMs);
    if (log.at.length === 0) this.logs.delete(key);
    return [...log.at];
  }

  async add(key: string, windowMs: number, now: number): Promise<void> {
    if (this.logs.size > 50_000) this.sweep(now);
    const log = this.logs.get(key) ?? { at: [], windowMs };
    log.at.push(now);
    log.windowMs = Math.max(log.windowMs, windowMs);
    this.logs.set(key, log);
  }

  async clear(key: string): Promise<void> {
    this.logs.delete(key);
  }

  async close(): Promise<void> {}

  /** Bounds memory when many distinct identifiers are tried. */
  private sweep(now: number): void {
    for (const [key, log] of this.logs) if ((log.at.at(-1) ?? 0) <= now - log.windowMs) this.logs.delete(key);
  }
}

export class RedisAttemptLog implements AttemptLog {
  private client: Redis | null = null;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  private get redis(): Redis {
    this.client ??= new Redis(this.url, { maxRetriesPerRequest: 2 });
    return this.client;
  }

  private key(key: string) {
    return `${this.prefix}:throttle:${key}`;
  }

  async recent(key: string, windowMs: number, now: number): Promise<number[]> {
    const k = this.key(key);
    const res = await this.redis
      .multi()
      .zremrangebyscore(k, '-inf', String(now - windowMs))
      .zrange(k, 0, '-1', 'WITHSCORES')
      .exec();
    const flat = (res?.[1]?.[1] as string[] | undefined) ?? [];
    return flat.filter((_, i) => i % 2 === 1).map(Number);
  }

  async add(key: string, windowMs: number, now: number): Promise<void> {
    const k = this.key(key);
    await this.redis
      .multi()
      .zadd(k, now, `${now}:${randomBytes(6).toString('hex')}`)
      .pexpire(k, windowMs)
      .exec();
  }

  async clear(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  async close(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (c) await c.quit().catch(() => c.disconnect());
  }
}

export interface ThrottleRule {
  key: string;
  limit: number;
  windowMs: number;
}

export class Throttle {
  constructor(
    readonly log: AttemptLog,
    private readonly clock: Clock,
  ) {}

  /** Seconds until every rule is under its limit again; 0 when the attempt may go ahead. */
  async retryAfter(rules: ThrottleRule[]): Promise<number> {
    const now = this.clock.now().getTime();
    let waitMs = 0;
    for (const r of rules) {
      const at = await this.log.recent(r.key, r.windowMs, now);
      if (at.length >= r.limit) waitMs = Math.max(waitMs, at[at.length - r.limit] + r.windowMs - now);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  async record(rules: ThrottleRule[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (const r of rules) await this.log.add(r.key, r.windowMs, now);
  }

  async clear(key: string): Promise<void> {
    await this.log.clear(key);
  }
}

/** The attempt log for this deployment: Redis when configured (shared by every API process), else memory. */
export function attemptLogFor(config: { redisUrl?: string; redisPrefix: string }): AttemptLog {
  return config.redisUrl ? new RedisAttemptLog(config.redisUrl, config.redisPrefix) : new MemoryAttemptLog();
}

import type { Clock } from './clock.js';
import { counted, current, retryAfterSeconds, waitMs, type AttemptState, type BackoffRule } from './backoff.js';
import { RedisAttemptLog } from './throttle-redis.js';

export type { BackoffRule } from './backoff.js';

/**
 * Counts attempts at guessable secrets (sign-in, password change, reset codes, registration).
 * An attempt is counted *before* the secret is checked, in one atomic step with the decision to
 * let it through: forty guesses sent at the same moment cannot all pass a check that was read
 * before any of them was recorded. In the scale shape the counts live in Redis (one script per
 * attempt), shared by every API process; otherwise in this process's memory, where a check-and-
 * count with no `await` in between is atomic. Without Redis the store runs one process (config.ts
 * refuses PROCESSES > 1), so memory sees every attempt; counts start again after a restart.
 */
export interface AttemptLog {
  /**
   * When every rule lets one more attempt through at `now`, counts it under every rule and
   * returns 0; otherwise counts nothing and returns the milliseconds to wait.
   */
  take(rules: BackoffRule[], now: number): Promise<number>;
  /** Takes back one counted attempt under `key`: it succeeded, so it was no guess. */
  release(key: string): Promise<void>;
  /** Forgets the keys entirely (the owner proved who they are). */
  clear(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

export class MemoryAttemptLog implements AttemptLog {
  private readonly states = new Map<string, AttemptState & { forgetMs: number }>();

  async take(rules: BackoffRule[], now: number): Promise<number> {
    // No await from here to the end: the check and the count are one step for this process.
    let wait = 0;
    for (const r of rules) wait = Math.max(wait, waitMs(this.states.get(r.key), r, now));
    if (wait > 0) return wait;
    if (this.states.size > 50_000) this.sweep(now);
    for (const r of rules) {
      const before = this.states.get(r.key);
      this.states.set(r.key, { ...counted(before, r, now), forgetMs: Math.max(r.forgetMs, before?.forgetMs ?? 0) });
    }
    return 0;
  }

  async release(key: string): Promise<void> {
    const s = this.states.get(key);
    if (s && s.count > 0) s.count -= 1;
  }

  async clear(keys: string[]): Promise<void> {
    for (const k of keys) this.states.delete(k);
  }

  async close(): Promise<void> {}

  /** Bounds memory when many distinct accounts or addresses are tried. */
  private sweep(now: number): void {
    for (const [key, s] of this.states) {
      if (current(s, { key, free: 0, baseMs: 0, maxMs: 0, forgetMs: s.forgetMs }, now).count === 0) this.states.delete(key);
    }
  }
}

/** The attempt log and the store's clock, answering in Retry-After seconds. */
export class Throttle {
  constructor(
    readonly log: AttemptLog,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt under every rule and returns 0, or returns the seconds to wait (nothing counted). */
  async take(rules: BackoffRule[]): Promise<number> {
    const wait = await this.log.take(rules, this.clock.now().getTime());
    return wait > 0 ? retryAfterSeconds(wait) : 0;
  }

  release(key: string): Promise<void> {
    return this.log.release(key);
  }

  clear(...keys: string[]): Promise<void> {
    return this.log.clear(keys);
  }
}

/** The attempt log for this deployment: Redis when configured (shared by every API process), else memory. */
export function attemptLogFor(config: { redisUrl?: string; redisPrefix: string }): AttemptLog {
  return config.redisUrl ? new RedisAttemptLog(config.redisUrl, config.redisPrefix) : new MemoryAttemptLog();
}

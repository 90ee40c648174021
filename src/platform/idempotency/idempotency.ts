import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import type { Clock } from '../clock.js';
import { DAY } from '../clock.js';
import { AppError, CoreErrors } from '../errors.js';
import { idempotencyKeys } from './schema.js';

/** Keys are honoured for a day; older ones may be reused. */
export const IDEMPOTENCY_TTL_MS = DAY;

/** The request header every operation that takes a key declares (route `headers` schema). */
export const idempotencyKeyHeader = z
  .string()
  .min(8)
  .max(100)
  .optional()
  .describe('Makes retries safe: the same key and body answer as the first request did, without doing it again (kept 24 h)');

/** Which operation, for whom. */
export interface KeyRef {
  scope: string;
  owner: string;
  key: string;
}

/**
 * The one Idempotency-Key mechanism. `once` claims the key inside the caller's transaction: the
 * first request runs and its result is stored with the key before the transaction commits; a
 * duplicate (sequential or concurrent — it blocks on the key's primary key until the first
 * transaction ends) gets that stored result without running again. The same key with another
 * request body is refused (422), as is a key whose first request has not finished (409).
 */
export class IdempotencyKeys {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * With `known`, the result is chosen before the work runs (checkout picks the order's id first): it
   * is stored with the claim itself, one statement instead of a claim and an update afterwards.
   */
  async once<R>(ref: KeyRef, request: unknown, run: () => Promise<R>, known?: { result: R }): Promise<{ result: R; replayed: boolean }> {
    return this.db.transaction(async () => {
      const earlier = await this.claim(ref, requestHash(request), known?.result ?? null);
      if (earlier) return { result: earlier.result as R, replayed: true };
      const result = await run();
      if (known) return { result, replayed: false };
      await this.db.q
        .update(idempotencyKeys)
        .set({ result: result as unknown })
        .where(and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.owner, ref.owner), eq(idempotencyKeys.key, ref.key)));
      return { result, replayed: false };
    });
  }

  /**
   * A write whose Idempotency-Key header is optional: with a key it runs once per key (`once`);
   * without one it runs in a transaction of its own. Routes answer a replay with 200 and
   * `Idempotent-Replayed: true` (see `replayAware`).
   */
  async optional<R>(ref: Omit<KeyRef, 'key'> & { key: string | undefined }, request: unknown, run: () => Promise<R>): Promise<{ result: R; replayed: boolean }> {
    const { key, ...rest } = ref;
    if (key) return this.once({ ...rest, key }, request, run);
    return { result: await this.db.transaction(run), replayed: false };
  }

  /** Claims the key, or returns the earlier request's result. */
  private async claim(ref: KeyRef, hash: string, result: unknown): Promise<{ result: unknown } | null> {
    const q = this.db.q;
    const now = this.clock.now();
    const same = and(eq(idempotencyKeys.scope, ref.scope), eq(idempotencyKeys.owner, ref.owner), eq(idempotencyKeys.key, ref.key));
    // An expired key the hourly expiry has not deleted yet counts as absent: the claim takes it over.
    const claimed = await q
      .insert(idempotencyKeys)
      .values({ ...ref, requestHash: hash, result, createdAt: now })
      .onConflictDoUpdate({
        target: [idempotencyKeys.scope, idempotencyKeys.owner, idempotencyKeys.key],
        set: { requestHash: hash, result, createdAt: now },
        setWhere: lt(idempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)),
      })
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) return null;
    const [row] = await q.select().from(idempotencyKeys).where(same);
    if (!row || row.requestHash !== hash) throw new AppError(CoreErrors.IDEMPOTENCY_KEY_REUSED);
    if (row.result === null) throw new AppError(CoreErrors.IDEMPOTENCY_IN_PROGRESS);
    return { result: row.result };
  }

  /** Drops keys past their 24 hours, of every operation (the recurring job `checkout.expire-idempotency-keys`); returns how many. */
  async expire(): Promise<number> {
    const gone = await this.db.q
      .delete(idempotencyKeys)
      .where(lt(idempotencyKeys.createdAt, new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS)))
      .returning({ key: idempotencyKeys.key });
    return gone.length;
  }
}

/**
 * SHA-256 of the request with its object keys sorted, so field order does not matter. (Arrays are
 * kept as they are: the same function as before keys were shared, so keys carried over still match.)
 */
export function requestHash(input: unknown): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : v;
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}

/** The status and header of a keyed write's answer: the first answer's status, or 200 for a replay. */
export function replayAware(reply: { code(status: number): { header(name: string, value: string): unknown } }, status: number, replayed: boolean): void {
  reply.code(replayed ? 200 : status).header('idempotent-replayed', String(replayed));
}

import { and, eq, gt, inArray, lte, ne } from 'drizzle-orm';
import { coalesced } from '../../platform/coalesce.js';
import type { Kernel } from '../../platform/kernel.js';
import { DAY } from '../../platform/clock.js';
import { newId } from '../../platform/ids.js';
import { customerSessions } from './schema.js';
import { newSessionToken, sha256, TOKEN_PREFIX } from './tokens.js';

export const SESSION_TTL_MS = 30 * DAY;
/**
 * A looked-up session is trusted this long without asking the database again: a shopper's requests
 * cost no session statement (decision 0032). Revocation does not wait for it: it drops the entry
 * here at once and, after commit, in every other process (the cache's invalidation over Redis).
 */
const CACHE_MS = 60_000;
/** Invalidation tags a revocation publishes: one session, or a customer's sessions but one. */
const revokedTag = (sessionId: string) => `session-revoked:${sessionId}`;
const revokedAllTag = (customerId: string, except = '') => `sessions-revoked:${customerId}:${except}`;
/**
 * Signed-in shoppers remembered per process. A flash sale brings tens of thousands of them within
 * a minute, each pressing again and again: a bound below the crowd would forget each one before
 * its next request (every request a session statement). ~300 bytes an entry: 100,000 ≈ 30 MB.
 * When full, the oldest tenth is dropped (not everything at once).
 */
const CACHE_MAX = 100_000;
/** Tokens that matched no session, kept apart: a flood of made-up tokens cannot push real sessions out. */
const MISSES_MAX = 10_000;

export interface SessionInfo {
  sessionId: string;
  customerId: string;
  expiresAt: Date;
}

/**
 * Opaque session tokens: the client holds 32 random bytes, the database only their SHA-256.
 * Lookups are cached for a minute; revoking drops this process's cache at once (other API processes
 * at once too, through the cache's invalidation). A token that matched nothing is remembered for a
 * minute as well: a session created with it later is a new token, so nothing is missed.
 */
export class SessionStore {
  private readonly cache = new Map<string, { info: SessionInfo; until: number }>();
  private readonly misses = new Map<string, number>();

  /** Sessions by token hash, the lookups of the moment read together (a crowd's first requests: one statement). */
  private readonly byHash: (hash: string) => Promise<{ sessionId: string; customerId: string; expiresAt: Date } | undefined>;

  constructor(private readonly k: Kernel) {
    this.byHash = coalesced(k.db, async (hashes: readonly string[]) => {
      const rows = await k.db.q
        .select({ hash: customerSessions.tokenHash, sessionId: customerSessions.id, customerId: customerSessions.customerId, expiresAt: customerSessions.expiresAt })
        .from(customerSessions)
        .where(and(inArray(customerSessions.tokenHash, [...hashes]), gt(customerSessions.expiresAt, k.clock.now())));
      return new Map(rows.map((r) => [r.hash, r] as const));
    });
    k.cache.onInvalidate((tags) => {
      for (const tag of tags) {
        if (tag.startsWith('session-revoked:')) {
          const id = tag.slice('session-revoked:'.length);
          this.drop((s) => s.sessionId === id);
        } else if (tag.startsWith('sessions-revoked:')) {
          const [customerId, except] = tag.slice('sessions-revoked:'.length).split(':');
          this.drop((s) => s.customerId === customerId && s.sessionId !== except);
        }
      }
    });
  }

  async create(customerId: string, meta: { userAgent?: string; ip?: string } = {}) {
    const token = newSessionToken();
    const now = this.k.clock.now();
    const row = {
      id: newId(),
      customerId,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    };
    await this.k.db.q
      .delete(customerSessions)
      .where(and(eq(customerSessions.customerId, customerId), lte(customerSessions.expiresAt, now)));
    await this.k.db.q.insert(customerSessions).values(row);
    return { token, sessionId: row.id, expiresAt: row.expiresAt };
  }

  async lookup(token: string): Promise<SessionInfo | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const hash = sha256(token);
    const now = this.k.clock.now();
    const at = performance.now();
    const hit = this.cache.get(hash);
    if (hit && hit.until > at) return hit.info.expiresAt > now ? hit.info : null;
    const missed = this.misses.get(hash);
    if (missed !== undefined && missed > at) return null;
    const found = await this.byHash(hash);
    const row = found && found.expiresAt > now ? { sessionId: found.sessionId, customerId: found.customerId, expiresAt: found.expiresAt } : undefined;
    const until = performance.now() + CACHE_MS;
    if (row) {
      this.misses.delete(hash);
      this.cache.delete(hash); // re-inserted last: the oldest entries stay first in the Map
      if (this.cache.size >= CACHE_MAX) dropOldest(this.cache, CACHE_MAX / 10);
      this.cache.set(hash, { info: row, until });
      return row;
    }
    this.cache.delete(hash);
    if (this.misses.size >= MISSES_MAX) this.misses.clear();
    this.misses.set(hash, until);
    return null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.k.db.q.delete(customerSessions).where(eq(customerSessions.id, sessionId));
    this.forget((s) => s.sessionId === sessionId, revokedTag(sessionId));
  }

  /** Signs the shopper out everywhere, except (optionally) the session making the request. */
  async revokeAll(customerId: string, exceptSessionId?: string): Promise<void> {
    const where = [eq(customerSessions.customerId, customerId)];
    if (exceptSessionId) where.push(ne(customerSessions.id, exceptSessionId));
    await this.k.db.q.delete(customerSessions).where(and(...where));
    this.forget((s) => s.customerId === customerId && s.sessionId !== exceptSessionId, revokedAllTag(customerId, exceptSessionId));
  }

  /**
   * Drops cached lookups now and again after commit, so no request re-caches a row being deleted;
   * the tag tells the other processes (it comes back here too, harmlessly).
   */
  private forget(match: (s: SessionInfo) => boolean, tag: string): void {
    this.drop(match);
    this.k.db.afterCommit(async () => {
      this.drop(match);
      await this.k.cache.invalidate(tag);
    });
  }

  private drop(match: (s: SessionInfo) => boolean): void {
    for (const [hash, entry] of this.cache) if (match(entry.info)) this.cache.delete(hash);
  }
}

/** Removes the first `n` entries of a Map (the ones set longest ago). */
function dropOldest(map: Map<string, unknown>, n: number): void {
  for (const key of map.keys()) {
    if (n-- <= 0) break;
    map.delete(key);
  }
}

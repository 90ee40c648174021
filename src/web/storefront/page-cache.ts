import { createHash } from 'node:crypto';
import type { CacheEntry, ResponseCache } from '../../platform/cache.js';

/** Cookies that make a visit personal: a session, a guest cart (the API's token or our cart id). */
export const PERSONAL_COOKIES = ['sk_session', 'sk_cart', 'sk_cart_id'];

export interface CachedPage extends CacheEntry {
  /** The body as bytes, encoded once: a hit writes them (or their br/gzip form, kept in `encoded`) as they are. */
  bytes: Buffer;
  status: number;
  contentType: string;
  /** The page's Content-Security-Policy, sent with every hit. */
  csp?: string;
  etag: string;
  storedAt: number;
  maxAgeMs?: number;
}

/**
 * Rendered pages for anonymous visitors, kept in the platform's ResponseCache under the tags of the
 * API reads they show, so the catalog and stock consumers that drop the API's cached JSON drop the
 * pages too — in every process, since ResponseCache broadcasts invalidations over Redis.
 */
export class PageCache {
  constructor(
    private readonly cache: ResponseCache,
    private readonly now: () => number = Date.now,
  ) {}

  key(url: string): string {
    return `storefront:${url}`;
  }

  get(url: string): CachedPage | undefined {
    const entry = this.cache.get(this.key(url)) as CachedPage | undefined;
    if (!entry) return undefined;
    if (entry.maxAgeMs !== undefined && this.now() - entry.storedAt > entry.maxAgeMs) return undefined;
    return entry;
  }

  /** Read before rendering; a page rendered across an invalidation is not stored (it may be stale). */
  get generation(): number {
    return this.cache.currentGeneration;
  }

  set(url: string, page: { status: number; contentType: string; csp?: string; bytes: Buffer; tags: string[]; maxAgeMs?: number }, generation: number): CachedPage {
    const entry: CachedPage = {
      ...page,
      body: page.bytes.toString('utf8'),
      etag: `"sf-${createHash('sha1').update(page.bytes).digest('base64url')}"`,
      storedAt: this.now(),
    };
    this.cache.set(this.key(url), entry, generation);
    return entry;
  }
}

export function isAnonymous(cookies: Map<string, string>): boolean {
  return PERSONAL_COOKIES.every((name) => !cookies.has(name));
}

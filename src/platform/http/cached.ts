import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CacheEntry, ResponseCache } from '../cache.js';
import { sendEncoded } from './compression.js';

/** A cached JSON read: its bytes, encoded once, and its compressed forms as clients ask for them. */
interface CachedJson extends CacheEntry {
  etag: string;
  bytes: Buffer;
}

/**
 * Serves a JSON read from the in-memory response cache, producing and storing it on a miss.
 * The stored value is the serialized body, so a hit costs a map lookup and a write to the socket;
 * its br/gzip forms are made once per entry (see compression.ts) and dropped with it.
 * Tags name what the body depends on; domain-event consumers invalidate them. They go out as
 * `Surrogate-Key` (the header CDNs purge by), and they promise that the body varies by URL alone:
 * no cookie, no language — which lets the storefront's bridge keep a copy across requests.
 */
export async function sendCachedJson(
  cache: ResponseCache,
  req: FastifyRequest,
  reply: FastifyReply,
  key: string,
  tags: (value: unknown) => string[],
  produce: () => Promise<unknown>,
): Promise<void> {
  let entry = cache.get(key) as CachedJson | undefined;
  if (!entry) {
    const generation = cache.currentGeneration;
    const value = await produce();
    const body = JSON.stringify(value);
    const bytes = Buffer.from(body);
    entry = { body, bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"`, tags: tags(value) };
    cache.set(key, entry, generation);
  }
  reply
    .type('application/json; charset=utf-8')
    .header('cache-control', 'public, max-age=0, must-revalidate')
    .header('surrogate-key', entry.tags.join(' '));
  sendEncoded(req, reply, entry, entry.bytes);
}

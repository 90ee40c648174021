import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ResponseCache } from '../cache.js';

/**
 * Serves a JSON read from the in-memory response cache, producing and storing it on a miss.
 * The stored value is the serialized body, so a hit costs a map lookup and a write to the socket.
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
  let entry = cache.get(key);
  if (!entry) {
    const generation = cache.currentGeneration;
    const value = await produce();
    const body = JSON.stringify(value);
    entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, tags: tags(value) };
    cache.set(key, entry, generation);
  }
  reply.header('etag', entry.etag).header('cache-control', 'public, max-age=0, must-revalidate').header('surrogate-key', entry.tags.join(' '));
  if (req.headers['if-none-match'] === entry.etag) reply.code(304).send();
  else reply.type('application/json; charset=utf-8').send(entry.body);
}

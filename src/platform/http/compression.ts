import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type ContentCoding = 'br' | 'gzip';
export type Encoding = ContentCoding | 'identity';

/** Below this a compressed body saves less than its headers and the CPU cost: sent as it is. */
export const MIN_COMPRESS_BYTES = 1024;

/**
 * How hard to compress, by how often the work is repeated: `fresh` on every uncached response
 * (brotli 4: ~as fast as gzip, smaller), `cached` once per cache entry and encoding (brotli 6: past it
 * the time grows tenfold for 1-5% smaller bodies, and entries are refilled after every catalog
 * event), `static` once per build (brotli 11).
 */
const LEVELS = {
  fresh: { br: 4, gzip: 6 },
  cached: { br: 6, gzip: 6 },
  static: { br: 11, gzip: 9 },
} as const;
export type CompressionLevel = keyof typeof LEVELS;

function options(coding: ContentCoding, level: CompressionLevel, size: number): zlib.ZlibOptions & zlib.BrotliOptions {
  if (coding === 'gzip') return { level: LEVELS[level].gzip };
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: LEVELS[level].br,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  };
}

/** How many bodies this process compressed, by level and coding: `http_compressions_total` in /metrics. */
export const compressionCounts: Record<CompressionLevel, Record<ContentCoding, number>> = {
  fresh: { br: 0, gzip: 0 },
  cached: { br: 0, gzip: 0 },
  static: { br: 0, gzip: 0 },
};

export function compressSync(body: Buffer, coding: ContentCoding, level: CompressionLevel): Buffer {
  compressionCounts[level][coding]++;
  const opts = options(coding, level, body.length);
  return coding === 'br' ? zlib.brotliCompressSync(body, opts) : zlib.gzipSync(body, opts);
}

const brotliAsync = promisify(zlib.brotliCompress);
const gzipAsync = promisify(zlib.gzip);

/** On zlib's thread pool: the event loop keeps serving while an uncached body is compressed. */
export function compressAsync(body: Buffer, coding: ContentCoding, level: CompressionLevel): Promise<Buffer> {
  compressionCounts[level][coding]++;
  const opts = options(coding, level, body.length);
  return coding === 'br' ? brotliAsync(body, opts) : gzipAsync(body, opts);
}

const encodingByHeader = new Map<string, Encoding>();

/**
 * The coding to answer with for an `Accept-Encoding` header (RFC 9110 §12.5.3): the highest q
 * among br and gzip (br on a tie, it is smaller), `*` standing for any not named; q=0 refuses.
 * No header, or nothing acceptable that we have, is identity.
 */
export function negotiateEncoding(header: string | string[] | undefined): Encoding {
  if (!header) return 'identity';
  if (typeof header === 'string') {
    const known = encodingByHeader.get(header);
    if (known) return known;
    const encoding = parseAcceptEncoding(header);
    // Browsers send a handful of distinct headers: remember them, boundedly (clients choose them).
    if (encodingByHeader.size < 64) encodingByHeader.set(header, encoding);
    return encoding;
  }
  return parseAcceptEncoding(header.join(','));
}
function parseAcceptEncoding(header: string): Encoding {
  const q: Record<string, number> = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const [k, v] = p.trim().split('=');
      if (k === 'q') weight = Number.isFinite(Number(v)) ? Number(v) : 0;
    }
    q[name] = weight;
  }
  const weightOf = (coding: ContentCoding) => q[coding] ?? q['x-' + coding] ?? q['*'] ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br <= 0 && gzip <= 0) return 'identity';
  return br >= gzip ? 'br' : 'gzip';
}

/** Text formats only: images (WebP, JPEG, PNG), fonts and archives are compressed already. */
export function isCompressible(contentType: unknown): boolean {
  if (typeof contentType !== 'string') return false;
  const type = contentType.split(';', 1)[0].trim().toLowerCase();
  return (
    type.startsWith('text/') ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type.endsWith('+xml') ||
    type === 'image/svg+xml'
  );
}

/** Adds Accept-Encoding to the reply's Vary, keeping what is there: caches must key on it. */
export function varyOnEncoding(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const current = Array.isArray(vary) ? vary.join(', ') : typeof vary === 'string' ? vary : '';
  if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(current)) return;
  reply.header('vary', current ? `${current}, Accept-Encoding` : 'Accept-Encoding');
}

/** A representation's ETag by coding: each coding is different bytes, so each has its own strong tag. */
export function etagFor(etag: string, encoding: Encoding): string {
  if (encoding === 'identity') return etag;
  return etag.endsWith('"') ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/**
 * If-None-Match against a cached body's tag in any of its codings (weak comparison, as RFC 9110
 * §13.1.2 asks): a browser that switched codings still holds the same content.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const base = etag.replace(/^W\//, '');
  const variants = new Set([base, etagFor(base, 'br'), etagFor(base, 'gzip')]);
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || variants.has(tag);
  });
}

/** Something kept across requests whose compressed bodies are kept with it (and dropped with it). */
export interface Encodable {
  encoded?: Partial<Record<ContentCoding, Buffer>>;
}

/** The entry's body in `coding`, compressed on the first request that asks for it and kept on the entry. */
export function encodedBody(entry: Encodable, identity: Buffer, coding: ContentCoding): Buffer {
  const kept = entry.encoded?.[coding];
  if (kept) return kept;
  const bytes = compressSync(identity, coding, 'cached');
  entry.encoded = { ...entry.encoded, [coding]: bytes };
  return bytes;
}

/** Replies whose coding is already chosen (cached bodies): the on-the-fly hook leaves them alone. */
const negotiated = new WeakSet<FastifyReply>();

/**
 * Sends a kept body (a cached page or API read) in the client's preferred coding: compressed once
 * per entry and coding, with Vary, a per-coding ETag, and 304 for a matching If-None-Match.
 */
export function sendEncoded(
  req: FastifyRequest,
  reply: FastifyReply,
  entry: Encodable & { etag: string },
  identity: Buffer,
  status = 200,
): FastifyReply {
  negotiated.add(reply);
  const compressible = isCompressible(reply.getHeader('content-type'));
  if (compressible) varyOnEncoding(reply);
  const encoding = compressible && identity.length >= MIN_COMPRESS_BYTES ? negotiateEncoding(req.headers['accept-encoding']) : 'identity';
  reply.header('etag', etagFor(entry.etag, encoding));
  if (matchesIfNoneMatch(req.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  if (encoding === 'identity') return reply.code(status).send(identity);
  return reply.code(status).header('content-encoding', encoding).send(encodedBody(entry, identity, encoding));
}

/**
 * Compresses uncached text answers (fresh pages, JSON, problem+json) on the fly. Skips what is
 * tiny, not text, already coded (cached bodies, pre-compressed static files) or streamed, and
 * answers without a body (204, 304).
 */
export function installCompression(app: FastifyInstance): void {
  // Callback style: no promise per response on the hot path (cached hits pass straight through).
  app.addHook('onSend', (req, reply, payload, done) => {
    if (negotiated.has(reply) || reply.statusCode === 204 || reply.statusCode === 304 || reply.statusCode < 200) return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    if (reply.hasHeader('content-encoding') || !isCompressible(reply.getHeader('content-type'))) return done(null, payload);
    varyOnEncoding(reply);
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < MIN_COMPRESS_BYTES) return done(null, payload);
    const encoding = negotiateEncoding(req.headers['accept-encoding']);
    if (encoding === 'identity') return done(null, payload);
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string') reply.header('etag', etagFor(etag, encoding));
    reply.header('content-encoding', encoding).removeHeader('content-length');
    compressAsync(body, encoding, 'fresh').then(
      (compressed) => done(null, compressed),
      (err: Error) => done(err),
    );
  });
}

/**
 * The ceiling: a bare Fastify route serving the very same response bytes the real server
 * produced, for the same URLs, with the same content type. Like the store's caches, it keeps each
 * body's br and gzip forms (made once, at start) and sends the one the request accepts: a
 * browser's request costs both servers the same bytes on the wire. Started by bench/run.ts.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { compressSync, isCompressible, MIN_COMPRESS_BYTES, negotiateEncoding } from '../src/platform/http/compression.js';

interface Body {
  type: string;
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

const bodies = new Map<string, Body>();
for (const [url, { type, text }] of Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<string, { type: string; text: string }>)) {
  const identity = Buffer.from(text);
  const compress = isCompressible(type) && identity.length >= MIN_COMPRESS_BYTES;
  bodies.set(url, { type, identity, ...(compress ? { br: compressSync(identity, 'br', 'cached'), gzip: compressSync(identity, 'gzip', 'cached') } : {}) });
}
const empty: Body = { type: 'application/json; charset=utf-8', identity: Buffer.from('{}') };

const app = Fastify({ logger: false });
app.get('/*', (req, reply) => {
  const body = bodies.get(req.url) ?? empty;
  reply.type(body.type);
  if (!body.br) return reply.send(body.identity);
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  reply.header('vary', 'Accept-Encoding');
  if (encoding === 'identity') return reply.send(body.identity);
  return reply.header('content-encoding', encoding).send(body[encoding]);
});
await app.listen({ port: Number(process.argv[3]), host: '127.0.0.1' });
process.send?.('ready');

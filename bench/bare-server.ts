/**
 * The ceiling: a bare Fastify route serving the very same response bytes the real server
 * produced, for the same URLs. Started as its own process by bench/run.ts.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const bodies = new Map<string, string>(Object.entries(JSON.parse(readFileSync(process.argv[2], 'utf8'))));
const app = Fastify({ logger: false });
app.get('/*', (req, reply) => {
  reply.type('application/json; charset=utf-8').send(bodies.get(req.url) ?? '{}');
});
await app.listen({ port: Number(process.argv[3]), host: '127.0.0.1' });
process.send?.('ready');

import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { localeOf } from '../../platform/http/problem.js';
import { pagePolicy } from '../../platform/http/csp.js';

const gzipAsync = promisify(gzip);

/** Where `npm run build:console` writes the console (vite.config.ts: outDir dist/console). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../dist/console/', import.meta.url));

export interface ConsoleWebOptions {
  /** The built console; tests point this at a missing folder to see the 503. */
  root?: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
// Vite names every asset after its content hash, so a name never changes meaning.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const ASSET_NAME = /^[A-Za-z0-9_.-]+$/;

// antd injects its styles at run time (<style> elements), hence 'unsafe-inline' for styles only;
// scripts are Vite's files, no inline code; product images may live on any http(s) host.
const CSP = pagePolicy({ inlineStyles: true });

/**
 * Serves the operations console (a Vite single-page app) at /admin from the same process as the
 * API: hashed assets with a year-long immutable cache, index.html (never cached) for every other
 * /admin path so the client router can take over, and a 503 problem+json while there is no build.
 * Files are read when asked for, so `npm run build:console` while the server runs takes effect at once.
 */
export function consoleWebRoutes(opts: ConsoleWebOptions = {}): FastifyPluginAsync {
  const root = opts.root ?? DEFAULT_CONSOLE_DIR;
  const assetsDir = join(root, 'assets');
  // Assets never change under one name, so each is compressed once and kept.
  const gzipped = new Map<string, Promise<Buffer>>();

  return async (app) => {
    let index: { mtimeMs: number; html: Buffer } | null = null;
    const readIndex = async () => {
      const file = join(root, 'index.html');
      const s = await stat(file).catch(() => null);
      if (!s) return null;
      if (!index || index.mtimeMs !== s.mtimeMs) index = { mtimeMs: s.mtimeMs, html: await readFile(file) };
      return index.html;
    };

    const sendIndex = async (req: FastifyRequest, reply: FastifyReply) => {
      const html = await readIndex();
      if (!html) return notBuilt(req, reply);
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', CSP)
        .send(html);
    };

    app.get('/admin', { schema: { hide: true } }, sendIndex);

    app.get<{ Params: { file: string } }>('/admin/assets/:file', { schema: { hide: true } }, async (req, reply) => {
      const name = req.params.file;
      if (!ASSET_NAME.test(name) || name.startsWith('.')) return reply.callNotFound();
      const path = join(assetsDir, name);
      const body = await readFile(path).catch(() => null);
      if (!body) return (await readIndex()) ? reply.callNotFound() : notBuilt(req, reply);
      reply.type(TYPES[extname(name)] ?? 'application/octet-stream').header('cache-control', IMMUTABLE).header('vary', 'accept-encoding');
      const compressible = /\.(js|css|svg|json|map)$/.test(name) && body.length > 1024;
      if (compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let zipped = gzipped.get(path);
        if (!zipped) gzipped.set(path, (zipped = gzipAsync(body)));
        return reply.header('content-encoding', 'gzip').send(await zipped);
      }
      return reply.send(body);
    });

    // Any other path under /admin is a client route (/admin/orders/123): the app decides what to show.
    app.get('/admin/*', { schema: { hide: true } }, sendIndex);
  };
}

function notBuilt(req: FastifyRequest, reply: FastifyReply) {
  const zh = localeOf(req) === 'zh-CN';
  return reply
    .code(503)
    .type('application/problem+json')
    .header('cache-control', 'no-store')
    .header('retry-after', '60')
    .send(JSON.stringify({
      type: 'about:blank#CONSOLE_NOT_BUILT',
      title: 'CONSOLE_NOT_BUILT',
      status: 503,
      code: 'CONSOLE_NOT_BUILT',
      detail: zh
        ? '运营后台尚未构建：请在项目目录运行 `npm run build:web`（或 `npm run build:console`）后刷新。'
        : 'The operations console has not been built: run `npm run build:web` (or `npm run build:console`) in the project folder, then reload.',
    }));
}

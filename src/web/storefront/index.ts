import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Kernel } from '../../platform/kernel.js';
import { injectFetch } from './bridge.js';
import { parseCookieHeader } from './cookies.js';
import { isAnonymous, PageCache, type CachedPage } from './page-cache.js';
import { sendEncoded } from '../../platform/http/compression.js';
import type { StorefrontContext } from './context.js';
import { newNonce } from '../../platform/http/csp.js';
import { serializeCookie } from '../../platform/http/cookies.js';
import { cleanInviteCode, encodeUtm, INVITE_COOKIE, INVITE_MAX_AGE_SECONDS, utmOfSearch, UTM_COOKIE, UTM_MAX_AGE_SECONDS } from '../../platform/attribution.js';
import { hydrationByPattern } from '../../../web/storefront/app/lib/plain-page.js';

/** Built by `npm run build:storefront` (react-router build web/storefront). */
export const STOREFRONT_DIST = fileURLToPath(new URL('../../../dist/storefront/', import.meta.url));

/** Paths that belong to other surfaces even when nothing there answers: never rendered as pages. */
const NOT_PAGES = /^\/(api|admin|pay\/sandbox)(\/|$)/;

type RequestHandler = (request: Request, context: StorefrontContext) => Promise<Response>;

/**
 * The server-rendered storefront at `/`: serves the built client assets and hands every other
 * GET/HEAD/POST page request to React Router's handler. Loaders reach the API through `app.inject`
 * (see bridge.ts); anonymous pages come from the page cache (see page-cache.ts).
 * `app` is the root instance: the bridge must run requests through every API hook.
 */
export function storefront(k: Kernel, app: FastifyInstance, opts: { dist?: string } = {}): FastifyPluginAsync {
  const dist = opts.dist ?? STOREFRONT_DIST;
  return async (scope) => {
    const serverEntry = join(dist, 'server', 'index.js');
    if (!existsSync(serverEntry)) {
      scope.route({ method: ['GET', 'POST'], url: '/*', schema: { hide: true }, handler: (req, reply) => notBuilt(req, reply) });
      return;
    }
    const { createRequestHandler } = await import('react-router');
    const build = await import(/* @vite-ignore */ pathToFileURL(serverEntry).href);
    const handle = createRequestHandler(build, 'production') as unknown as RequestHandler;
    const hydration = hydrationByPattern(build.routes);
    // An unknown pattern is treated as hydrating: its data is then encoded, which is only slower.
    const hydrates = (pattern: string) => hydration.get(pattern) ?? true;
    // Page ages by the store clock: a page showing a delivery estimate expires at the store's midnight.
    const pages = new PageCache(k.cache, () => k.clock.now().getTime());

    // Hashed file names: a changed file is a new URL, so browsers may keep these for a year.
    // The build writes .br/.gz beside each text asset (scripts/precompress.ts): sent as they are.
    await scope.register(fastifyStatic, {
      preCompressed: true,
      root: join(dist, 'client', 'assets'),
      prefix: '/assets/',
      wildcard: false,
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });

    // Actions read the raw body themselves (forms, multipart); parsing it here would consume it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

    // The icon is a data: URL in every page; answer the browsers that ask anyway without rendering a 404 page.
    scope.get('/favicon.ico', { schema: { hide: true } }, (_req, reply) => reply.code(204).header('cache-control', 'public, max-age=86400').send());

    scope.route({
      method: ['GET', 'POST'],
      url: '/*',
      // Pages are not API operations: they stay out of the OpenAPI document.
      schema: { hide: true },
      handler: async (req, reply) => {
        if (NOT_PAGES.test(req.url)) return reply.callNotFound();
        const cookies = parseCookieHeader(req.headers.cookie);
        // A landing with utm_source is remembered (last touch, 30 days) for the order and the sign-up;
        // the page itself stays the cached one, sent privately because it now carries a cookie.
        // So is a friend's invite code (?ref=CODE), for a registration later.
        const landing = [landingCookie(req, k.config.publicUrl), inviteCookie(req, k.config.publicUrl)].filter((c): c is string => c !== null);
        if (landing.length) reply.header('set-cookie', landing);
        const cacheable = k.config.pageCache && req.method !== 'POST' && isAnonymous(cookies);
        if (cacheable) {
          const hit = pages.get(req.url);
          if (hit) return sendPage(req, reply, hit, 'hit', landing.length > 0);
        }
        const generation = pages.generation;
        const relay: string[] = [];
        const context: StorefrontContext = {
          apiFetch: injectFetch(app, { jar: new Map(cookies), relay, clientIp: req.ip, incoming: req.headers, shared: k.cache }),
          publicUrl: k.config.publicUrl,
          now: () => k.clock.now(),
          page: { cacheable: false, tags: new Set() },
          document: !req.url.split('?', 1)[0].endsWith('.data'),
          hydrates,
          cspNonce: newNonce(),
        };
        const controller = new AbortController();
        reply.raw.on('close', () => {
          if (!reply.raw.writableFinished) controller.abort();
        });
        const res = await handle(toFetchRequest(req, controller.signal), context);
        // A page comes as the bytes entry.server.tsx rendered; anything else (redirects, data, XML) from the Response.
        const body = context.rendered?.response === res ? context.rendered.html : Buffer.from(await res.arrayBuffer());
        const setCookies = [...relay, ...res.headers.getSetCookie()];

        if (cacheable && context.page.cacheable && res.status === 200 && setCookies.length === 0) {
          const page = pages.set(
            req.url,
            {
              status: res.status,
              contentType: withCharset(res.headers.get('content-type')),
              // Hashes only (a cached page does not hydrate, so it holds no nonce): the same for every visitor.
              csp: res.headers.get('content-security-policy') ?? undefined,
              bytes: body,
              tags: [...context.page.tags],
              maxAgeMs: context.page.maxAgeMs,
            },
            generation,
          );
          return sendPage(req, reply, page, 'miss', landing.length > 0);
        }
        reply.status(res.status);
        res.headers.forEach((value, name) => {
          if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
        });
        if (res.headers.has('content-type')) reply.header('content-type', withCharset(res.headers.get('content-type')));
        if (setCookies.length) reply.header('set-cookie', [...landing, ...setCookies]);
        if (!res.headers.has('cache-control')) reply.header('cache-control', 'private, no-store');
        return reply.send(body);
      },
    });
  };
}

/** React Router answers `text/html`; say UTF-8 in the header too, before the parser meets <meta charset>. */
const withCharset = (type: string | null) => (!type ? 'text/html; charset=utf-8' : type.startsWith('text/') && !type.includes('charset') ? `${type}; charset=utf-8` : type);

/** A cached page in the coding the browser asks for: compressed once per page and coding, kept with the entry. */
function sendPage(req: FastifyRequest, reply: FastifyReply, page: CachedPage, state: 'hit' | 'miss', personal = false) {
  reply.headers({ 'cache-control': personal ? 'private, no-cache' : 'public, max-age=0, must-revalidate', 'x-page-cache': state, 'content-type': page.contentType });
  if (page.csp) reply.header('content-security-policy', page.csp);
  return sendEncoded(req, reply, page, page.bytes, page.status);
}

function toFetchRequest(req: FastifyRequest, signal: AbortSignal): Request {
  const url = new URL(req.url, `${req.protocol}://${req.host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // Helmet's `Referrer-Policy: no-referrer` makes browsers send `Origin: null` with form posts, which
  // React Router's action origin check (its CSRF guard) refuses. The browser's own Sec-Fetch-Site
  // still tells a same-origin post apart; anything else keeps `null` and is refused.
  if (headers.get('origin') === 'null' && headers.get('sec-fetch-site') === 'same-origin') headers.set('origin', url.origin);
  const hasBody = req.method === 'POST' && Buffer.isBuffer(req.body);
  // HEAD gets the headers GET would (RFC 9110 §9.3.2), so it renders as GET and Fastify drops the
  // body. Rendered as HEAD it came back empty, and that empty page went into the page cache for every GET.
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  return new Request(url, { method, headers, signal, body: hasBody ? new Uint8Array(req.body as Buffer) : undefined });
}

function notBuilt(req: FastifyRequest, reply: FastifyReply) {
  if (NOT_PAGES.test(req.url)) return reply.callNotFound();
  return reply
    .code(503)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: 'about:blank',
        title: 'STOREFRONT_NOT_BUILT',
        status: 503,
        code: 'STOREFRONT_NOT_BUILT',
        detail: 'The storefront is not built: run `npm run build:web` (or `npm run build:storefront`), then restart.',
      }),
    );
}

/** The sk_utm cookie for a page opened with utm_source (documents only, not `.data` navigations), or null. */
function landingCookie(req: FastifyRequest, publicUrl: string): string | null {
  if (req.method !== 'GET') return null;
  const q = req.url.indexOf('?');
  if (q < 0 || req.url.slice(0, q).endsWith('.data')) return null;
  const utm = utmOfSearch(new URLSearchParams(req.url.slice(q + 1)));
  return utm ? serializeCookie(publicUrl, UTM_COOKIE, encodeUtm(utm), { maxAgeSeconds: UTM_MAX_AGE_SECONDS }) : null;
}

/** The sk_ref cookie for a page opened with a well-formed `ref` (documents only), or null. */
function inviteCookie(req: FastifyRequest, publicUrl: string): string | null {
  if (req.method !== 'GET') return null;
  const q = req.url.indexOf('?');
  if (q < 0 || req.url.slice(0, q).endsWith('.data')) return null;
  const code = cleanInviteCode(new URLSearchParams(req.url.slice(q + 1)).get('ref'));
  return code ? serializeCookie(publicUrl, INVITE_COOKIE, code, { maxAgeSeconds: INVITE_MAX_AGE_SECONDS }) : null;
}

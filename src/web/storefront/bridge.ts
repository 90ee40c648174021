import type { FastifyInstance } from 'fastify';
import type { CacheEntry, ResponseCache } from '../../platform/cache.js';
import { applySetCookie, cookieHeaderOf } from './cookies.js';

/** Request headers of the shopper's request that the API should see as its own. */
const FORWARDED = ['user-agent', 'accept-language', 'x-request-id'];

/** A shared read keeps its parsed body too, frozen: every page that shows it reads the same object. */
interface SharedRead extends CacheEntry {
  value: unknown;
}

interface Injected {
  statusCode: number;
  headers: Record<string, unknown>;
  rawPayload: Buffer;
}

/**
 * A `fetch` that calls the core API in the same process through `app.inject`: no socket, no
 * serialization to the network, and every API hook (sessions, CSRF, throttles) still applies.
 * The shopper's cookies go along; cookies the API sets are kept for the next call of this
 * request (log in, then read the cart) and collected in `relay` for the browser.
 *
 * Public reads — the API marks them `Cache-Control: public` with a `Surrogate-Key`, its promise
 * that the body varies by URL alone — are kept in `shared` across requests under those keys, as a
 * CDN in front of the API would: the catalog events that purge the API's copy purge this one.
 */
export function injectFetch(
  app: FastifyInstance,
  opts: {
    jar: Map<string, string>;
    relay: string[];
    clientIp: string;
    incoming: Record<string, string | string[] | undefined>;
    shared?: ResponseCache;
  },
): typeof fetch {
  // The shopper's address arrives as the in-process request's own address, not as X-Forwarded-For:
  // the API believes that header only from a configured proxy (TRUST_PROXY).
  const base: Record<string, string> = {};
  for (const name of FORWARDED) {
    const v = opts.incoming[name];
    if (typeof v === 'string') base[name] = v;
  }
  // One page often asks for the same read twice (the layout's and the page's category tree): within
  // this request an identical GET is answered once. Any write forgets them, since it may change them.
  const reads = new Map<string, Promise<Injected>>();
  const relayed = new WeakSet<object>();
  return async (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://in-process');
    // Only the API: a loader must not reach pages (recursion) or anything outside the app.
    if (!url.pathname.startsWith('/api/')) throw new Error(`storefront bridge: ${url.pathname} is not an API path`);
    const target = url.pathname + url.search;
    const method = (init.method ?? 'GET').toUpperCase() as 'GET';
    const sharedKey = `bridge:${target}`;
    if (method === 'GET' && opts.shared) {
      const hit = opts.shared.get(sharedKey) as SharedRead | undefined;
      if (hit) return sharedResponse(hit);
    }
    const headers: Record<string, string> = { ...base };
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const cookie = cookieHeaderOf(opts.jar);
    if (cookie) headers.cookie = cookie;
    else delete headers.cookie;
    const body = init.body;
    if (body !== undefined && body !== null && typeof body !== 'string') throw new Error('storefront bridge: only string bodies');
    const generation = opts.shared?.currentGeneration;
    const send = () => app.inject({ method, url: target, headers, payload: body ?? undefined, remoteAddress: opts.clientIp }) as Promise<Injected>;
    let res: Injected;
    if (method === 'GET') {
      const key = `${target}\n${JSON.stringify(headers)}`;
      let pending = reads.get(key);
      if (!pending) reads.set(key, (pending = send()));
      res = await pending;
      const tags = sharedTags(res);
      if (tags && opts.shared) {
        const text = res.rawPayload.toString('utf8');
        const entry: SharedRead = { body: text, etag: String(res.headers.etag ?? ''), tags, value: deepFreeze(JSON.parse(text)) };
        opts.shared.set(sharedKey, entry, generation);
      }
    } else {
      reads.clear();
      res = await send();
    }
    const setCookies = res.headers['set-cookie'];
    if (setCookies !== undefined && !relayed.has(res)) {
      relayed.add(res); // once per response: a repeated read shares it, its cookies already applied
      for (const line of Array.isArray(setCookies) ? setCookies : [String(setCookies)]) {
        applySetCookie(opts.jar, line);
        opts.relay.push(line);
      }
    }
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return inProcessResponse(res.statusCode, res.headers, empty ? '' : res.rawPayload.toString('utf8'));
  };
}

/**
 * What the API client (web/shared/api.ts) reads of a response — status, ok, headers.get, json,
 * text — without undici's Response: its body is a web stream, and reading JSON back out of one
 * cost the storefront more per page than rendering the header. Set-Cookie is not exposed (the
 * bridge has relayed it).
 */
function inProcessResponse(status: number, headers: Record<string, unknown>, body: string): Response & { json: () => Promise<unknown> } {
  const header = (name: string): string | null => {
    const key = name.toLowerCase();
    if (key === 'set-cookie') return null;
    const v = headers[key];
    return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
  };
  const response = {
    status,
    ok: status >= 200 && status < 300,
    statusText: '',
    headers: { get: header, has: (name: string) => header(name) !== null },
    json: async () => JSON.parse(body) as unknown,
    text: async () => body,
  };
  return response as unknown as Response & { json: () => Promise<unknown> };
}

/** The Surrogate-Key tags of a response that may be shared between shoppers, or null. */
function sharedTags(res: Injected): string[] | null {
  const keys = res.headers['surrogate-key'];
  const control = res.headers['cache-control'];
  if (res.statusCode !== 200 || typeof keys !== 'string' || res.headers['set-cookie'] !== undefined) return null;
  if (typeof control !== 'string' || !control.startsWith('public')) return null;
  return keys.split(' ').filter(Boolean);
}

function sharedResponse(read: SharedRead): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=0, must-revalidate', 'x-bridge-cache': 'hit' };
  if (read.etag) headers.etag = read.etag;
  const response = inProcessResponse(200, headers, read.body);
  // Parsing the category tree again for every page was a visible part of a render; a loader that
  // tried to change the shared object would throw (frozen), not corrupt other shoppers' pages.
  response.json = async () => read.value;
  return response;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

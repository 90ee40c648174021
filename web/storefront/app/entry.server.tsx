import { Writable } from 'node:stream';
import type { AppLoadContext, EntryContext } from 'react-router';
import { ServerRouter } from 'react-router';
import { renderToPipeableStream, renderToString } from 'react-dom/server';
import { hydrates } from './lib/plain-page';
import { NonceContext } from './lib/nonce';
import { STATIC_INLINE } from './lib/inline-code.server';
import { originOf, pagePolicy } from '../../../src/platform/http/csp';

/** Rendering that does not finish in this time is cut short (its pending boundaries render their fallbacks). */
export const streamTimeout = 5_000;

/**
 * React Router's default Node entry streams the shell as soon as it is ready. The server buffers
 * every page anyway (the page cache stores it, and a complete page gets a Content-Length), so this
 * one renders the whole document and hands its bytes over through the load context — no web
 * stream between React and Fastify (measured: reading the default entry's stream back cost about
 * as much as rendering the header).
 *
 * Plain-HTML pages (no `hydrate` handle: home, category, search, product) render to one string: they
 * carry no hydration data, so nothing in them suspends, and React's streaming renderer would only
 * add work (UTF-8 encoding chunk by chunk into small buffers, then collecting them). Pages that
 * hydrate stream their data to the end of the document and keep the streaming renderer.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // https://httpwg.org/specs/rfc9110.html#HEAD
  if (request.method.toUpperCase() === 'HEAD') return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
  const routeModules = routerContext.routeModules;
  const hydrating = hydrates(routerContext.staticHandlerContext.matches.map((m) => routeModules[m.route.id]?.handle));
  // A plain page's inline code is fixed (hashes); React Router's hydration scripts get this
  // response's nonce, and such a page is never shared through the page cache.
  const nonce = hydrating ? loadContext.cspNonce : undefined;
  if (hydrating) loadContext.page.cacheable = false;
  responseHeaders.set(
    'Content-Security-Policy',
    pagePolicy({ scripts: STATIC_INLINE.scripts, styles: STATIC_INLINE.styles, nonce, formTargets: originOf(loadContext.publicUrl) }),
  );
  const router = (
    <NonceContext.Provider value={nonce}>
      <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
    </NonceContext.Provider>
  );
  if (!hydrating) {
    // React adds no doctype to a string render.
    return rendered(loadContext, Buffer.from(`<!DOCTYPE html>${renderToString(router)}`), responseStatusCode, responseHeaders);
  }

  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    const chunks: Buffer[] = [];
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const sink = new Writable({
      write(chunk: Buffer | Uint8Array, _encoding, callback) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        callback();
      },
      final(callback) {
        clearTimeout(timeout);
        resolve(rendered(loadContext, Buffer.concat(chunks), status, responseHeaders));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(router, {
      nonce,
      onAllReady() {
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timeout);
        reject(error);
      },
      onError(error: unknown) {
        status = 500;
        console.error(error);
      },
    });
  });
}

/**
 * The rendered page for the server (src/web/storefront/index.ts), which sends `html` as it is. What
 * React Router gets back is only the status and headers: it passes a document's response through
 * untouched (it reads status and headers for HEAD, answered above), so no Response with a body is built.
 */
function rendered(loadContext: AppLoadContext, html: Buffer, status: number, headers: Headers): Response {
  const response = { status, statusText: '', ok: status >= 200 && status < 300, headers } as Response;
  loadContext.rendered = { response, html };
  return response;
}

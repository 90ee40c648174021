/**
 * What the Fastify side hands every storefront loader and action (React Router's load context).
 * Plain types only: the web app imports this file as a type, and it must not pull in the server.
 */
export interface PageCacheHints {
  /**
   * Set by a page's loader when its HTML may be kept for anonymous visitors; personal pages never set it.
   * Loaders of shared layouts only add tags.
   */
  cacheable: boolean;
  /** Cache tags of the API reads the page shows (the same tags the catalog and stock reads use). */
  tags: Set<string>;
  /** Upper bound for pages built from data the tags cannot name exactly (search listings). */
  maxAgeMs?: number;
}

export interface StorefrontContext {
  /** `fetch` that reaches the core API in-process (app.inject) with the shopper's cookies; relays set-cookie. */
  apiFetch: typeof fetch;
  /** PUBLIC_URL without a trailing slash: canonical URLs, sitemap, Open Graph. */
  publicUrl: string;
  /** The store's clock (the one tests move): delivery estimates are counted from it. */
  now: () => Date;
  page: PageCacheHints;
  /** A whole HTML document is being rendered (false for the `.data` requests of client navigations). */
  document: boolean;
  /**
   * A fresh CSP nonce for this render: entry.server.tsx gives it to React Router's scripts on pages
   * that hydrate and names it in the page's Content-Security-Policy (src/platform/http/csp.ts).
   */
  cspNonce: string;
  /** Whether the page with this route pattern (a loader's `pattern` argument) loads React in the browser. */
  hydrates: (pattern: string) => boolean;
  /**
   * Set by entry.server.tsx with the HTML it rendered (UTF-8 bytes, as React wrote them) and the
   * Response it made of it, so the server sends the bytes as they are instead of reading them back
   * out of the Response's stream.
   */
  rendered?: { response: Response; html: Buffer };
}

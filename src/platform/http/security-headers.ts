import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The security headers helmet chooses for `options`, worked out once. Without a Content-Security-
 * Policy (each surface sets its own), none of them depends on the request, so every answer gets
 * the same set with one `reply.headers()` — helmet's chain of a dozen middlewares per request was
 * ~9% of the CPU of a cached storefront page.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  if (options.contentSecurityPolicy !== false) throw new Error('securityHeaders: a CSP may depend on the request; set it per surface');
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('securityHeaders: helmet did not finish synchronously');
  return headers;
}

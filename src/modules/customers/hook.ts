import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors } from '../../platform/errors.js';
import type { CustomersService } from './service.js';
import { CSRF_HEADER, SESSION_COOKIE, safeEqual, TOKEN_PREFIX } from './tokens.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes that act on credentials in the body, not on the session (login, register, reset). */
    csrfExempt?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m && m[1].startsWith(TOKEN_PREFIX) ? m[1] : undefined;
}

/**
 * Root `onRequest` hook: sets `req.customer` from `Authorization: Bearer <token>` or the
 * sk_session cookie. Cookie-authenticated unsafe requests to the store API must carry
 * X-CSRF-Token = HMAC(session id); bearer and anonymous requests cannot be forged cross-site
 * (a browser never attaches the header on its own), so they are exempt.
 */
export function customerAuthHook(k: Kernel, service: CustomersService) {
  return async function customerAuth(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    req.customer = null;
    const route = req.routeOptions.url ?? '';
    // Staff authenticate separately; their tokens are never a shopper's.
    if (route.startsWith('/api/admin')) return;
    const bearer = bearerToken(req.headers.authorization);
    const token = bearer ?? req.cookies?.[SESSION_COOKIE];
    if (!token) return;
    const session = await service.sessions.lookup(token);
    if (!session) return;
    const via = bearer ? 'bearer' : 'cookie';
    req.customer = { id: session.customerId, sessionId: session.sessionId, via };
    if (via === 'cookie' && UNSAFE.has(req.method) && route.startsWith('/api/store/') && !req.routeOptions.config?.csrfExempt) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, service.csrfToken(session.sessionId))) {
        k.log.debug({ customerId: session.customerId }, 'CSRF token missing or wrong');
        throw new AppError(CoreErrors.CSRF_INVALID);
      }
    }
  };
}

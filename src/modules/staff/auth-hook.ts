import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kernel } from '../../platform/kernel.js';
import { AppError, CoreErrors } from '../../platform/errors.js';
import type { StaffPrincipal } from '../../platform/http/principals.js';
import { clearCookie, setCookie } from '../../platform/http/cookies.js';
import type { StaffService } from './service.js';
import { SESSION_TTL_MS } from './service.js';

export const ADMIN_COOKIE = 'sk_admin';
export const ADMIN_PREFIX = '/api/admin';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in uses no session, so a stale cookie must not make it fail the CSRF check.
const CSRF_EXEMPT = new Set([`${ADMIN_PREFIX}/auth/login`]);

const pathOf = (url: string) => url.split('?')[0];
const isAdminPath = (path: string) => path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);

function bearerToken(header: string | undefined): string | undefined {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return m?.[1];
}

/**
 * Root onRequest hook: for /api/admin URLs, sets `req.staff` from `Authorization: Bearer <token>`
 * (API clients) or the `sk_admin` cookie (the console). A cookie-authenticated unsafe request must
 * carry `X-CSRF-Token` = HMAC(sessionId); bearer requests are exempt (a browser never adds them on
 * its own). The principal also carries the caller's IP for the audit log.
 */
export function staffAuthHook(_k: Kernel, service: StaffService) {
  return async (req: FastifyRequest): Promise<void> => {
    const path = pathOf(req.url);
    if (!isAdminPath(path)) return;
    const bearer = bearerToken(req.headers.authorization);
    const token = bearer ?? req.cookies?.[ADMIN_COOKIE];
    if (!token) return;
    const found = await service.authenticate(token);
    if (!found) return;
    const via = bearer ? 'bearer' : 'cookie';
    if (via === 'cookie' && !SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(path)) {
      const given = req.headers['x-csrf-token'];
      if (!service.csrfTokenMatches(found.sessionId, typeof given === 'string' ? given : undefined)) {
        throw new AppError(CoreErrors.CSRF_INVALID);
      }
    }
    const principal: StaffPrincipal & { ip: string } = {
      id: found.staff.id,
      email: found.staff.email,
      name: found.staff.name,
      role: found.staff.role,
      sessionId: found.sessionId,
      via,
      ip: req.ip,
    };
    req.staff = principal;
  };
}

export function setSessionCookie(k: Kernel, reply: FastifyReply, token: string): void {
  setCookie(reply, k.config.publicUrl, ADMIN_COOKIE, token, { sameSite: 'strict', path: ADMIN_PREFIX, maxAgeSeconds: Math.floor(SESSION_TTL_MS / 1000) });
}

export function clearSessionCookie(k: Kernel, reply: FastifyReply): void {
  clearCookie(reply, k.config.publicUrl, ADMIN_COOKIE, { sameSite: 'strict', path: ADMIN_PREFIX });
}

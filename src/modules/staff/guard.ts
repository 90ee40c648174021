import type { FastifyRequest, RouteOptions } from 'fastify';
import { AppError, CoreErrors } from '../../platform/errors.js';
import type { StaffPrincipal } from '../../platform/http/principals.js';
import { can, type Permission } from './permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permissions (any one of them) an admin route needs; set by `permit()`. */
    permissions?: readonly Permission[];
  }
}

/**
 * preHandler for admin routes: the caller must be signed-in staff whose role has `permission`.
 * `req.staff` is set by the staff module's authentication hook.
 */
export function requirePermission(permission: Permission) {
  return requireAnyPermission([permission]);
}

/** Like `requirePermission`, satisfied by any one of `permissions`. */
export function requireAnyPermission(permissions: readonly Permission[]) {
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.staff) throw new AppError(CoreErrors.UNAUTHENTICATED);
    const role = req.staff.role;
    if (!permissions.some((p) => can(role, p))) throw new AppError(CoreErrors.FORBIDDEN, { permission: permissions.join(' | ') });
  };
}

/** The signed-in staff member, or a 401. */
export function requireStaff(req: FastifyRequest): StaffPrincipal {
  if (!req.staff) throw new AppError(CoreErrors.UNAUTHENTICATED);
  return req.staff;
}

/**
 * Route options for an admin route that needs one of `permissions`: the check runs at onRequest
 * (before the body is parsed or validated, so a caller without the right gets 401/403, never a
 * validation message), and the permissions are recorded on the route for docs/permissions.md.
 * Use as `app.post(url, { ...permit('catalog.write'), schema }, handler)`.
 */
export function permit(...permissions: [Permission, ...Permission[]]) {
  return { onRequest: requireAnyPermission(permissions), config: { permissions } };
}

export interface AdminOperation {
  operationId: string;
  method: string;
  url: string;
  /** null: any signed-in staff member, or no sign-in at all (login). */
  permissions: readonly Permission[] | null;
}

const operations = new Map<string, AdminOperation>();

/** onRoute hook (root): remembers every /api/admin operation and the permissions it declared. */
export function trackAdminOperations(route: RouteOptions): void {
  const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
  const method = Array.isArray(route.method) ? route.method[0] : route.method;
  if (!operationId || method === 'HEAD' || !route.url.startsWith('/api/admin')) return;
  operations.set(operationId, { operationId, method, url: route.url, permissions: route.config?.permissions ?? null });
}

/** The admin operations registered so far in this process, by operationId. */
export function adminOperations(): AdminOperation[] {
  return [...operations.values()].sort((a, b) => a.operationId.localeCompare(b.operationId));
}

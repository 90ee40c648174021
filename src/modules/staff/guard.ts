import type { FastifyRequest } from 'fastify';
import { AppError, CoreErrors } from '../../platform/errors.js';
import { can, type Permission } from './permissions.js';

/**
 * preHandler for admin routes: the caller must be signed-in staff whose role has `permission`.
 * `req.staff` is set by the staff module's authentication hook.
 */
export function requirePermission(permission: Permission) {
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.staff) throw new AppError(CoreErrors.UNAUTHENTICATED);
    if (!can(req.staff.role, permission)) throw new AppError(CoreErrors.FORBIDDEN, { permission });
  };
}

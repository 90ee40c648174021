/** The staff module's public face: accounts, sessions, the permission matrix and the admin guard. */
export { StaffService, SESSION_TTL_MS, type Authenticated } from './service.js';
export { StaffErrors } from './errors.js';
export { staffAuthHook, ADMIN_COOKIE } from './auth-hook.js';
export { ensureFirstAdmin, DEMO_ADMIN_EMAIL, type FirstAdmin } from './first-admin.js';
export { staffAdminRoutes } from './routes.admin.js';
export { PERMISSIONS, ROLES, ROLE_PERMISSIONS, can, type Permission, type Role } from './permissions.js';
export {
  requirePermission,
  requireAnyPermission,
  requireStaff,
  permit,
  trackAdminOperations,
  adminOperations,
  type AdminOperation,
} from './guard.js';
export { permissionsMarkdown } from './permissions-doc.js';
export type { StaffView } from './types.js';

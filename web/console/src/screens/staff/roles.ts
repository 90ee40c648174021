import type { Role } from '../../types';

/** The roles in the order the permission matrix lists them (docs/permissions.md). */
export const ROLES: readonly Role[] = ['admin', 'merchandiser', 'warehouse', 'cs', 'finance', 'operator', 'analyst', 'risk'];

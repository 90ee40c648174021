/**
 * The permission matrix, enforced on the server for every admin request and documented in
 * docs/permissions.md (generated from this table by a test that keeps them equal).
 */
export const PERMISSIONS = [
  'catalog.read',
  'catalog.write',
  'stock.read',
  'stock.adjust',
  'orders.read',
  'orders.ship',
  'orders.cancel',
  'refunds.request',
  'refunds.approve',
  'returns.receive',
  'customers.read',
  'marketing.read',
  'marketing.manage',
  'reports.read',
  'exports.run',
  'staff.manage',
  'audit.read',
  'events.manage',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'merchandiser', 'warehouse', 'cs', 'finance', 'operator', 'analyst', 'risk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  merchandiser: ['catalog.read', 'catalog.write', 'stock.read'],
  warehouse: ['catalog.read', 'stock.read', 'stock.adjust', 'orders.read', 'orders.ship', 'returns.receive'],
  cs: ['catalog.read', 'customers.read', 'orders.read', 'orders.cancel', 'refunds.request'],
  finance: ['orders.read', 'refunds.request', 'refunds.approve', 'reports.read', 'exports.run'],
  operator: ['catalog.read', 'orders.read', 'customers.read', 'marketing.read', 'marketing.manage'],
  analyst: ['reports.read', 'exports.run', 'marketing.read'],
  risk: ['orders.read', 'customers.read'],
};

export function can(role: string, permission: Permission): boolean {
  return (ROLE_PERMISSIONS as Record<string, readonly Permission[] | undefined>)[role]?.includes(permission) ?? false;
}

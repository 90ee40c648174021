import { adminOperations, type AdminOperation } from './guard.js';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions.js';

/** Admin operations that need a session but no particular permission, or no session at all. */
const SESSION_ONLY: Record<string, string> = {
  adminLogin: 'none (signs in)',
  adminLogout: 'signed-in staff',
  adminMe: 'signed-in staff',
  adminGetSettings: 'signed-in staff',
  adminListShippingMethods: 'signed-in staff',
};

const REGENERATE = 'UPDATE_DOCS=1 npx vitest run src/modules/staff/permissions.test.ts';

function needs(op: AdminOperation): string {
  if (op.permissions) return op.permissions.map((p) => `\`${p}\``).join(' or ');
  return SESSION_ONLY[op.operationId] ?? 'not declared with `permit()` — see the route';
}

/** docs/permissions.md, generated from ROLE_PERMISSIONS and the registered admin routes. */
export function permissionsMarkdown(operations: AdminOperation[] = adminOperations()): string {
  const lines = [
    '# Permissions',
    '',
    `<!-- Generated from src/modules/staff/permissions.ts and the admin routes; a test fails when this file differs. Regenerate with: ${REGENERATE} -->`,
    '',
    'Every request under `/api/admin` is checked on the server: the caller must be signed-in staff',
    '(`Authorization: Bearer <token>` or the `sk_admin` cookie plus `X-CSRF-Token` on unsafe requests)',
    'whose role has the permission the operation needs. Anonymous callers get 401 `UNAUTHENTICATED`,',
    'signed-in staff without the permission 403 `FORBIDDEN`. `GET /api/admin/me` returns the caller’s',
    'permissions so the console can hide what the role cannot do. Every admin write is recorded in the',
    'audit log (`GET /api/admin/audit-log`).',
    '',
    '## Roles × permissions',
    '',
    `| permission | ${ROLES.join(' | ')} |`,
    `| --- | ${ROLES.map(() => ':---:').join(' | ')} |`,
    ...PERMISSIONS.map((p) => `| \`${p}\` | ${ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✓' : '')).join(' | ')} |`),
    '',
    '## Operations',
    '',
    '| operationId | method | path | needs |',
    '| --- | --- | --- | --- |',
    ...operations.map((op) => `| \`${op.operationId}\` | ${op.method} | \`${op.url}\` | ${needs(op)} |`),
    '',
  ];
  return lines.join('\n');
}

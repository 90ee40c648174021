import { randomBytes } from 'node:crypto';
import type { TestApp } from './harness.js';
import { ensureFirstAdmin, type Role } from '../../src/modules/staff/index.js';

export interface StaffLogin {
  token: string;
  /** Headers for an API-client request: `Authorization: Bearer …` (no CSRF token needed). */
  auth: { authorization: string };
  staffId: string;
  email: string;
  password: string;
  csrfToken: string;
}

/**
 * A new staff member of `role`, created through the service (after making sure the store has its
 * first admin) and signed in over HTTP.
 */
export async function loginStaff(t: TestApp, role: Role, opts: { email?: string; password?: string } = {}): Promise<StaffLogin> {
  await ensureFirstAdmin(t.k, t.services.staff);
  const email = opts.email ?? `${role}-${randomBytes(4).toString('hex')}@test.local`;
  const password = opts.password ?? `pw-${randomBytes(8).toString('hex')}`;
  const { staff } = await t.k.db.transaction(() => t.services.staff.create({ email, name: `Test ${role}`, role, password }));
  const res = await t.app.inject({ method: 'POST', url: '/api/admin/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${role} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; csrfToken: string };
  return { token: body.token, auth: { authorization: `Bearer ${body.token}` }, staffId: staff.id, email, password, csrfToken: body.csrfToken };
}

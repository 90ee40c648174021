import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, startTestApp, type TestApp } from '../../../test/support/harness.js';
import { loginStaff, type StaffLogin } from '../../../test/support/staff.js';
import { adminOperations, permissionsMarkdown, ROLE_PERMISSIONS, ROLES, type Role } from './index.js';

const DOC = new URL('../../../docs/permissions.md', import.meta.url);

/** The admin operations this module, audit and the catalog admin routes add, each guarded by `permit()`. */
const OWN_OPERATIONS = [
  'adminListStaff', 'adminCreateStaff', 'adminUpdateStaff', 'adminListRoles', 'adminListAudit',
  'adminListDeadEvents', 'adminRetryEvent', 'adminListProducts', 'adminGetProduct', 'adminCreateProduct',
  'adminUpdateProduct', 'adminSaveProduct', 'publishProduct', 'archiveProduct', 'adminAddVariant', 'adminUpdateVariant',
  'adminListCategories', 'adminCreateCategory', 'adminUpdateCategory', 'adminListBrands', 'adminCreateBrand',
  'adminUpdateBrand', 'exportProducts', 'importProducts',
];
const UNKNOWN_ID = '0190d1a0-0000-7000-8000-000000000000';

describeEachBackend('admin permission matrix', (backend) => {
  let t: TestApp;
  const logins = {} as Record<Role, StaffLogin>;

  beforeAll(async () => {
    t = await startTestApp(backend);
    for (const role of ROLES) logins[role] = await loginStaff(t, role);
  });
  afterAll(() => t.close());

  const guarded = () => adminOperations().filter((op) => op.permissions);
  const request = (op: { method: string; url: string }, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: op.method as 'GET',
      url: op.url.replace(/:\w+/g, UNKNOWN_ID),
      headers,
      ...(op.method === 'GET' ? {} : { payload: {} }),
    });

  it('guards every operation this work adds with a declared permission', () => {
    const declared = new Map(guarded().map((op) => [op.operationId, op]));
    for (const id of OWN_OPERATIONS) expect(declared.has(id), id).toBe(true);
  });

  for (const role of ROLES) {
    it(`lets ${role} do exactly what ROLE_PERMISSIONS grants`, async () => {
      const wrong: string[] = [];
      for (const op of guarded()) {
        const allowed = op.permissions!.some((p) => ROLE_PERMISSIONS[role].includes(p));
        const res = await request(op, logins[role].auth);
        // Other modules' operations are checked for authorization only; this work's also for never answering 500.
        const sound = res.statusCode < 500 || !OWN_OPERATIONS.includes(op.operationId);
        const ok = allowed
          ? res.statusCode !== 401 && res.statusCode !== 403 && sound
          : res.statusCode === 403 && res.json().code === 'FORBIDDEN';
        if (!ok) wrong.push(`${op.operationId} (${allowed ? 'allowed' : 'refused'}): ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('answers every guarded operation with 401 problem+json to anonymous and unknown-token callers', async () => {
    for (const op of guarded()) {
      for (const headers of [{}, { authorization: 'Bearer not-a-session' }, { cookie: 'sk_admin=not-a-session' }] as Array<Record<string, string>>) {
        const res = await request(op, headers);
        expect(res.statusCode, `${op.operationId} ${JSON.stringify(headers)}`).toBe(401);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('keeps docs/permissions.md equal to the matrix and the routes', async () => {
    const expected = permissionsMarkdown();
    if (process.env.UPDATE_DOCS) await writeFile(DOC, expected);
    const actual = await readFile(DOC, 'utf8').catch(() => '');
    expect(actual, 'docs/permissions.md is stale: regenerate it with UPDATE_DOCS=1 npx vitest run src/modules/staff/permissions.test.ts').toBe(expected);
  });
});

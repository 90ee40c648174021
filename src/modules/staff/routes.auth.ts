import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kernel } from '../../platform/kernel.js';
import { withRetryAfter } from '../../platform/sign-in/index.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import type { StaffService } from './service.js';
import { clearSessionCookie, setSessionCookie } from './auth-hook.js';
import { requireStaff } from './guard.js';
import { ROLE_PERMISSIONS, type Role } from './permissions.js';
import { loginInput, loginResult, meView } from './types.js';


/** Staff sign-in, sign-out and "who am I". */
export function staffAuthRoutes(k: Kernel, staff: StaffService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          operationId: 'adminLogin',
          tags: ['admin: staff'],
          summary: 'Sign in: sets the sk_admin cookie and returns a bearer token and the CSRF token',
          description:
            'Every attempt is counted before the password is checked, per account, per address and per account from an address; after a few, each further attempt waits longer (doubling, up to 15 minutes): 429 SIGN_IN_THROTTLED with Retry-After. A browser that signed in to the account before (its sk_admin_device cookie) is counted on its own.',
          body: loginInput,
          response: { 200: loginResult, 401: problemSchema, 429: problemSchema },
        },
      },
      async (req, reply) => {
        const result = await withRetryAfter(reply, () => staff.login(req.body.email, req.body.password, req, reply));
        setSessionCookie(k, reply, result.token);
        return result;
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          operationId: 'adminLogout',
          tags: ['admin: staff'],
          summary: 'Sign out: ends the session and clears the cookie',
          security,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        if (req.staff) await staff.logout(req.staff.sessionId);
        clearSessionCookie(k, reply);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        schema: {
          operationId: 'adminMe',
          tags: ['admin: staff'],
          summary: 'The signed-in staff member, the permissions of their role and their CSRF token',
          security,
          response: { 200: meView, 401: problemSchema },
        },
      },
      async (req) => {
        const me = requireStaff(req);
        const view = await staff.get(me.id);
        return { staff: view, permissions: [...ROLE_PERMISSIONS[view.role as Role]], csrfToken: staff.csrfToken(me.sessionId) };
      },
    );
  };
}

import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { localeOf } from '../../platform/http/problem.js';
import { requireCustomer } from '../../platform/http/require-customer.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { withRetryAfter } from '../../platform/sign-in/index.js';
import { maskMobile } from '../../platform/privacy.js';
import { clearCookie, setCookie } from '../../platform/http/cookies.js';
import type { CustomersService, SignedIn } from './service.js';
import { SESSION_COOKIE } from './tokens.js';
import {
  authResult,
  changePasswordInput,
  customerView,
  loginInput,
  profilePatch,
  registerInput,
  resetConfirmInput,
  resetRequestInput,
  resolveIdentifier,
} from './types.js';

const tags = ['customers'];
const signedIn: Array<Record<string, string[]>> = [{ bearer: [] }, { session: [] }];
/** Login, registration and reset act on the credentials in the body, not on a session. */
const credentialRoute = { csrfExempt: true };
/** The account as it is shown back to its owner: the mobile number masked (docs/decisions/0019). */
const shownBack = <C extends { mobile: string | null }>(c: C): C => ({ ...c, mobile: maskMobile(c.mobile) });
const problems = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, problemSchema]));

/** Sign-up, sign-in, sign-out, the shopper's own account and password reset. */
export function authRoutes(k: Kernel, customers: CustomersService): FastifyPluginAsyncZod {
  const startSession = (reply: FastifyReply, s: SignedIn) => {
    setCookie(reply, k.config.publicUrl, SESSION_COOKIE, s.token, { expires: s.expiresAt });
    return { token: s.token, csrfToken: s.csrfToken, customer: s.customer };
  };

  return async (app) => {
    app.post(
      '/auth/register',
      {
        config: credentialRoute,
        schema: {
          operationId: 'register',
          tags,
          summary: 'Create an account with an email or a mobile number, and sign in',
          description:
            'A taken email or mobile number is answered 409 (EMAIL_TAKEN, MOBILE_TAKEN), as shoppers expect. Attempts that do not create an account count against the address like failed sign-ins; over the limit the answer is 429 with Retry-After.',
          body: registerInput,
          response: { 201: authResult, ...problems(400, 409, 429) },
        },
      },
      async (req, reply) => {
        const s = await withRetryAfter(reply, () => customers.register({ ...req.body, locale: req.body.locale ?? localeOf(req) }, req, reply));
        return reply.code(201).send(startSession(reply, s));
      },
    );

    app.post(
      '/auth/login',
      {
        config: credentialRoute,
        schema: {
          operationId: 'login',
          tags,
          summary: 'Sign in by email or mobile number and password',
          description:
            'Every attempt is counted before the password is checked, per account, per address and per account from an address; after a few, each further attempt must wait longer (doubling, up to 15 minutes): 429 SIGN_IN_THROTTLED with Retry-After. A browser that signed in to the account before (its sk_device cookie) is counted on its own, so guesses from elsewhere do not keep it out.',
          body: loginInput,
          response: { 200: authResult, ...problems(400, 401, 429) },
        },
      },
      async (req, reply) => {
        const raw = req.body.identifier ?? req.body.email ?? req.body.mobile ?? '';
        const s = await withRetryAfter(reply, () => customers.login(resolveIdentifier(req.body), raw, req.body.password, req, reply));
        return startSession(reply, s);
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: { operationId: 'logout', tags, summary: 'End this session', security: signedIn, response: { 204: z.null(), ...problems(403) } },
      },
      async (req, reply) => {
        if (req.customer) await k.db.transaction(() => customers.sessions.revoke(req.customer!.sessionId));
        clearCookie(reply, k.config.publicUrl, SESSION_COOKIE);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/csrf',
      {
        schema: {
          operationId: 'getCsrfToken',
          tags,
          summary: 'The X-CSRF-Token value for this session',
          security: signedIn,
          response: { 200: z.object({ csrfToken: z.string() }), ...problems(401) },
        },
      },
      async (req) => ({ csrfToken: customers.csrfToken(requireCustomer(req).sessionId) }),
    );

    app.post(
      '/auth/password-reset',
      {
        config: credentialRoute,
        schema: {
          operationId: 'requestPasswordReset',
          tags,
          summary: 'Send a 6-digit reset code to the email or mobile number',
          description: 'Always 202, whether or not the account exists. The code is valid for 15 minutes. Five codes may be asked for at once; after that each waits longer (a minute, doubling to an hour), per identifier and per address — a request over the limit is still answered 202 and sends nothing.',
          body: resetRequestInput,
          response: { 202: z.object({ accepted: z.literal(true) }), ...problems(400) },
        },
      },
      async (req, reply) => {
        await customers.resets.request(resolveIdentifier(req.body), req.ip);
        return reply.code(202).send({ accepted: true });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: credentialRoute,
        schema: {
          operationId: 'confirmPasswordReset',
          tags,
          summary: 'Set a new password with the code; signs out every session',
          description: 'Wrong codes count per address like failed sign-ins (429 with Retry-After over the limit). A reset ends any slowing of the account’s sign-in.',
          body: resetConfirmInput,
          response: { 204: z.null(), ...problems(400, 429) },
        },
      },
      async (req, reply) => {
        await withRetryAfter(reply, () => customers.resets.confirm(resolveIdentifier(req.body), req.body.code, req.body.newPassword, req.ip));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me',
      { schema: { operationId: 'getMe', tags, summary: 'The signed-in shopper (mobile masked: 138****5678)', security: signedIn, response: { 200: customerView, ...problems(401) } } },
      async (req) => shownBack(await customers.requireCustomer(requireCustomer(req).id)),
    );

    app.patch(
      '/me',
      {
        schema: {
          operationId: 'updateMe',
          tags,
          summary: 'Change name or preferred language',
          security: signedIn,
          body: profilePatch,
          response: { 200: customerView, ...problems(400, 401, 403) },
        },
      },
      async (req) => {
        const me = requireCustomer(req);
        return shownBack(await k.db.transaction(() => customers.updateProfile(me.id, req.body)));
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          operationId: 'changePassword',
          tags,
          summary: 'Change the password; signs out every other session',
          security: signedIn,
          body: changePasswordInput,
          response: { 204: z.null(), ...problems(400, 401, 403, 422, 429) },
        },
      },
      async (req, reply) => {
        const me = requireCustomer(req);
        await withRetryAfter(reply, () => customers.changePassword(me.id, me.sessionId, req.body.currentPassword, req.body.newPassword));
        return reply.code(204).send(null);
      },
    );
  };
}

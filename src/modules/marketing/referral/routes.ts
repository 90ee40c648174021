import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { answeredWrite } from '../../../platform/http/answer.js';
import type { Kernel } from '../../../platform/kernel.js';
import { page, problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import { referralPolicy, referralPolicyView } from './policy.js';
import type { ReferralService } from './service.js';
import { acceptInput, acceptedView, referralCode, referralInvite, referralListQuery, referralMine, referralView } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
/** The known-device id of the browser behind a request (the sign-in guard's cookie), when it has one. */
export type DeviceOf = (req: FastifyRequest) => string | null;

/** The referral policy (marketing.read to see, marketing.manage to change, audited) and every referral with its state. */
export function referralAdminRoutes(k: Kernel, referral: ReferralService, audit: AuditService): FastifyPluginAsyncZod {
  const tags = ['admin: referral'];
  return async (app) => {
    app.get('/referral/policy', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetReferralPolicy', tags, security, summary: 'The referral policy: rewards for both sides, refund window, first-order minimum, monthly limit', response: { 200: referralPolicyView, ...problems } },
    }, async () => referral.policy());

    app.put('/referral/policy', {
      ...permit('marketing.manage'),
      schema: { operationId: 'adminSetReferralPolicy', tags, security, summary: 'Change the referral policy (referrals not yet rewarded are rewarded by it)', body: referralPolicy, response: { 200: referralPolicyView, ...problems } },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const { before, after } = await referral.setPolicy(req.body);
        await audit.record(req.staff, 'marketing.referral.policy', { type: 'referralPolicy', id: 'store' }, before, after);
        return after;
      }),
    );

    app.get('/referrals', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminListReferrals', tags, security, summary: 'Referrals newest first, with their state, the reason of a rejection and what each side was given',
        querystring: referralListQuery, response: { 200: page(referralView), ...problems },
      },
    }, async (req) => referral.list(req.query));
  };
}

/** The shopper's invite page data, what a code offers, and accepting a friend's code after registering. */
export function referralStoreRoutes(k: Kernel, referral: ReferralService, deviceOf: DeviceOf): FastifyPluginAsyncZod {
  const tags = ['referral'];
  return async (app) => {
    app.get('/me/referral', {
      schema: {
        operationId: 'getMyReferral', tags,
        summary: 'My invite code (made on first ask) and link, friends who accepted by state, rewards earned, the rules',
        response: { 200: referralMine, 401: problemSchema },
      },
    }, async (req, reply) => {
      const me = requireCustomer(req);
      const mine = await k.db.transaction(async () => {
        await referral.noteDevice(me.id, deviceOf(req));
        return referral.mine(me.id);
      });
      reply.header('cache-control', 'private, no-store');
      return mine;
    });

    app.get('/referral/codes/:code', {
      schema: {
        operationId: 'getReferralInvite', tags, summary: 'What an invite code offers a friend who registers with it (404 for a code nobody has)',
        params: z.object({ code: referralCode }), response: { 200: referralInvite, 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    }, async (req) => referral.invite(req.params.code));

    app.post('/me/referral/accept', {
      schema: {
        operationId: 'acceptReferral', tags,
        summary: 'Accept a friend’s invite code: once, within an hour of registering, never one’s own',
        description: 'The storefront calls this right after registration with the code its sk_ref cookie or the link holds. An invite the self-referral guard refuses is still bound, as rejected, so it is not tried again.',
        body: acceptInput, response: { 201: acceptedView, ...problems },
      },
    }, async (req, reply) => {
      const me = requireCustomer(req);
      const done = await answeredWrite(k.db, req, 201, () => referral.accept(me.id, req.body.code, deviceOf(req)));
      return reply.code(201).send(done);
    });
  };
}

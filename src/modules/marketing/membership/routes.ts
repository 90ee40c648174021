import { localizedView } from '../../../platform/http/view-fields.js';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../../platform/http/answer.js';
import { notFound } from '../../../platform/errors.js';
import type { Kernel } from '../../../platform/kernel.js';
import { problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import { memberProgram } from './program.js';
import type { MembershipService } from './service.js';
import { birthdayInput, growthEntryView, memberProgramView, membershipView } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** The programme (marketing.read to see, marketing.manage to change, audited) and one customer's membership. */
export function membershipAdminRoutes(k: Kernel, membership: MembershipService, audit: AuditService, customerExists: (id: string) => Promise<boolean>): FastifyPluginAsyncZod {
  const tags = ['admin: membership'];
  return async (app) => {
    app.get('/membership/program', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetMemberProgram', tags, security, summary: 'Member tiers, their thresholds, keep rules and benefits; growth per yuan; member day', response: { 200: memberProgramView, ...problems } },
    }, async () => membership.program());

    app.put('/membership/program', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminSetMemberProgram', tags, security,
        summary: 'Change the tiers and benefits (members keep their tier code; a code that is gone prices as the first tier)',
        body: memberProgram, response: { 200: memberProgramView, ...problems },
      },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const { before, after } = await membership.setProgram(req.body);
        await audit.record(req.staff, 'marketing.membership.program', { type: 'memberProgram', id: 'store' }, before, after);
        return after;
      }),
    );

    app.get('/customers/:id/membership', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminGetCustomerMembership', tags, security, summary: "A customer's tier, growth and growth history (newest 100)",
        params: z.object({ id: z.uuid() }), response: { 200: membershipView.extend({ history: z.array(growthEntryView) }), ...problems },
      },
    }, async (req) => {
      if (!(await customerExists(req.params.id))) throw notFound(`customer ${req.params.id}`);
      return { ...(await membership.view(req.params.id)), history: await membership.history(req.params.id) };
    });
  };
}

/** The member centre's data: tier, progress, benefits; growth history; the birthday, given once. */
export function membershipStoreRoutes(k: Kernel, membership: MembershipService): FastifyPluginAsyncZod {
  const tags = ['membership'];
  return async (app) => {
    app.get('/membership/tiers', {
      schema: {
        operationId: 'listMemberTiers', tags, summary: 'The membership tiers anyone may read: names, the growth that reaches each, and member day (the 会员权益 page, early-access notices)',
        response: { 200: z.object({ memberDay: z.number().int().nullable(), items: z.array(z.object({ code: z.string(), name: localizedView, threshold: z.number().int() })) }) },
      },
    }, async () => {
      const p = await membership.program();
      return { memberDay: p.memberDay, items: p.tiers.map((x) => ({ code: x.code, name: x.name, threshold: x.threshold })) };
    });

    app.get('/me/membership', {
      schema: { operationId: 'getMyMembership', tags, summary: 'My tier, growth this cycle, the way to the next tier, my benefits and every tier', response: { 200: membershipView, 401: problemSchema } },
    }, async (req) => membership.view(requireCustomer(req).id));

    app.get('/me/membership/growth', {
      schema: { operationId: 'listMyGrowth', tags, summary: 'How my growth value changed, newest first (100)', response: { 200: z.object({ items: z.array(growthEntryView) }), 401: problemSchema } },
    }, async (req) => ({ items: await membership.history(requireCustomer(req).id) }));

    app.put('/me/membership/birthday', {
      schema: {
        operationId: 'setMyBirthday', tags, summary: 'Give my birthday for the birthday gift (once: a birthday cannot be changed here)',
        body: birthdayInput, response: { 200: membershipView, ...problems },
      },
    }, async (req) => {
      const me = requireCustomer(req);
      return answeredWrite(k.db, req, 200, async () => {
        await membership.setBirthday(me.id, req.body.birthday);
        return membership.view(me.id);
      });
    });
  };
}

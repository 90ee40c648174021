import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../../platform/http/answer.js';
import type { Kernel } from '../../../platform/kernel.js';
import { problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import type { GroupBuyService } from './service.js';
import { groupBuyInput, groupBuyReport, groupBuyView, seatInput, seatPlaced, teamView } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParams = z.object({ id: z.uuid() });

/** Group buys for staff: reading needs marketing.read; creating and pausing need marketing.manage and are audited. */
export function groupBuyAdminRoutes(k: Kernel, groupBuys: GroupBuyService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin: group buys'];
    app.get('/group-buys', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminListGroupBuys', tags, security, summary: 'Group buy activities (拼团), newest first', response: { 200: z.object({ items: z.array(groupBuyView) }), ...problems } },
    }, async () => ({ items: await groupBuys.list() }));

    app.get('/group-buys/:id', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetGroupBuy', tags, security, params: idParams, response: { 200: groupBuyView, ...problems } },
    }, async (req) => groupBuys.get(req.params.id));

    app.get('/group-buys/:id/teams', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminListGroupBuyTeams', tags, security, params: idParams,
        querystring: z.object({ state: z.enum(['open', 'filled', 'failed']).optional() }).strict(),
        response: { 200: z.object({ items: z.array(teamView) }), ...problems },
      },
    }, async (req) => ({ items: await groupBuys.teams(req.params.id, req.query.state) }));

    app.get('/group-buys/:id/report', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGroupBuyReport', tags, security, params: idParams, summary: 'Teams opened, filled and failed, the success rate, the GMV of filled teams, orders refunded', response: { 200: groupBuyReport, ...problems } },
    }, async (req) => groupBuys.report(req.params.id));

    app.post('/group-buys', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminCreateGroupBuy', tags, security, body: groupBuyInput,
        summary: 'Set up a group buy: a product’s variants at a group price, the team size, the time limit, the per-customer limit, 团长优惠 and 模拟成团 (off by default)',
        response: { 201: groupBuyView, ...problems },
      },
    }, async (req, reply) => {
      const created = await answeredWrite(k.db, req, 201, async () => {
        const activity = await groupBuys.create(req.body);
        await audit.record(req.staff, 'marketing.groupBuy.create', { type: 'groupBuy', id: activity.id }, null, activity);
        return activity;
      });
      return reply.code(201).send(created);
    });

    app.post('/group-buys/:id/status', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminSetGroupBuyStatus', tags, security, params: idParams, body: z.object({ status: z.enum(['active', 'paused']) }).strict(),
        summary: 'Pause (no new teams or seats; open teams run to their end) or resume',
        response: { 200: groupBuyView, ...problems },
      },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const before = await groupBuys.get(req.params.id);
        const after = await groupBuys.setStatus(req.params.id, req.body.status);
        await audit.record(req.staff, 'marketing.groupBuy.status', { type: 'groupBuy', id: after.id }, { status: before.status }, { status: after.status });
        return after;
      }));
  };
}

/** Group buys for shoppers: the offer with its open teams, a team, opening and joining (each an unpaid order with the seat held). */
export function groupBuyStoreRoutes(groupBuys: GroupBuyService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['store: group buys'];
    app.get('/group-buys/:id', {
      schema: {
        operationId: 'getGroupBuy', tags, params: idParams,
        summary: 'A group buy with the teams one could join now (fullest first)',
        response: { 200: z.object({ activity: groupBuyView, openTeams: z.array(teamView) }), ...problems },
      },
    }, async (req) => ({ activity: await groupBuys.get(req.params.id), openTeams: await groupBuys.openTeams(req.params.id) }));

    app.get('/group-buys/teams/:id', {
      schema: { operationId: 'getGroupBuyTeam', tags, params: idParams, summary: 'A team: members (masked), seats left, the countdown, its state', response: { 200: teamView, ...problems } },
    }, async (req) => groupBuys.team(req.params.id));

    app.post('/group-buys/:id/teams', {
      schema: {
        operationId: 'openGroupBuyTeam', tags, params: idParams, body: seatInput,
        summary: 'Open a team (开团): an unpaid order at the leader’s price; the team opens to others once it is paid',
        response: { 201: seatPlaced, ...problems },
      },
    }, async (req, reply) => reply.code(201).send(await groupBuys.takeSeat(requireCustomer(req).id, { open: req.params.id }, req.body)));

    app.post('/group-buys/teams/:id/join', {
      schema: {
        operationId: 'joinGroupBuyTeam', tags, params: idParams, body: seatInput,
        summary: 'Join a team (参团): an unpaid order with a seat held; refused (409 GROUP_TEAM_FULL …, offerNewTeam) when it cannot take you',
        response: { 201: seatPlaced, ...problems },
      },
    }, async (req, reply) => reply.code(201).send(await groupBuys.takeSeat(requireCustomer(req).id, { join: req.params.id }, req.body)));
  };
}

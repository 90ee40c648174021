import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../../platform/http/answer.js';
import { sendCachedJson } from '../../../platform/http/cached.js';
import type { Kernel } from '../../../platform/kernel.js';
import { problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import type { GroupBuyService } from './service.js';
import { GROUP_BUYS_TAG, groupBuyInput, groupBuyOfferView, groupBuyPatch, groupBuyReport, groupBuyStatusInput, groupBuyView, myTeamView, seatInput, seatPlaced, teamView } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParams = z.object({ id: z.uuid() });
const offersAnswer = z.object({ items: z.array(groupBuyOfferView) });

/** Group buys for staff: reading needs marketing.read; creating, editing, pausing and ending need marketing.manage and are audited. */
export function groupBuyAdminRoutes(k: Kernel, groupBuys: GroupBuyService, audit: AuditService): FastifyPluginAsyncZod {
  // Every change to an offer is one of these writes: the shared list of offers (and the pages built on it) goes once it commits.
  const offersChanged = () => k.db.afterCommit(() => k.cache.invalidate(GROUP_BUYS_TAG));
  return async (app) => {
    const tags = ['admin: group buys'];
    app.get('/group-buys', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminListGroupBuys', tags, security, summary: 'Group buy activities (拼团), newest first', response: { 200: z.object({ items: z.array(groupBuyView) }), ...problems } },
    }, async () => ({ items: await groupBuys.activities.list() }));

    app.get('/group-buys/:id', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetGroupBuy', tags, security, params: idParams, response: { 200: groupBuyView, ...problems } },
    }, async (req) => groupBuys.activities.get(req.params.id));

    app.get('/group-buys/:id/teams', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminListGroupBuyTeams', tags, security, params: idParams,
        querystring: z.object({ state: z.enum(['open', 'filled', 'failed']).optional() }).strict(),
        response: { 200: z.object({ items: z.array(teamView) }), ...problems },
      },
    }, async (req) => ({ items: await groupBuys.reads.teams(req.params.id, req.query.state) }));

    app.get('/group-buys/:id/report', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGroupBuyReport', tags, security, params: idParams, summary: 'Teams opened, filled and failed, the success rate, the GMV of filled teams, orders refunded', response: { 200: groupBuyReport, ...problems } },
    }, async (req) => groupBuys.reads.report(req.params.id));

    app.post('/group-buys', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminCreateGroupBuy', tags, security, body: groupBuyInput,
        summary: 'Set up a group buy: a product’s variants at a group price, the team size, the time limit, the per-customer limit, 团长优惠 and 模拟成团 (off by default)',
        response: { 201: groupBuyView, ...problems },
      },
    }, async (req, reply) => {
      const created = await answeredWrite(k.db, req, 201, async () => {
        const activity = await groupBuys.activities.create(req.body);
        offersChanged();
        await audit.record(req.staff, 'marketing.groupBuy.create', { type: 'groupBuy', id: activity.id }, null, activity);
        return activity;
      });
      return reply.code(201).send(created);
    });

    app.patch('/group-buys/:id', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminUpdateGroupBuy', tags, security, params: idParams, body: groupBuyPatch,
        summary: 'Edit a group buy (not its product): the settings given replace the stored ones and the whole is checked again; teams already open keep their size',
        response: { 200: groupBuyView, ...problems },
      },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const { before, after } = await groupBuys.activities.update(req.params.id, req.body);
        offersChanged();
        await audit.record(req.staff, 'marketing.groupBuy.update', { type: 'groupBuy', id: after.id }, before, after);
        return after;
      }));

    app.post('/group-buys/:id/status', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminSetGroupBuyStatus', tags, security, params: idParams, body: groupBuyStatusInput,
        summary: 'Pause (no new teams or seats), resume, or end for good (no new teams or seats, no edits); open teams run to their end',
        response: { 200: groupBuyView, ...problems },
      },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const { before, after } = await groupBuys.activities.setStatus(req.params.id, req.body.status);
        offersChanged();
        await audit.record(req.staff, 'marketing.groupBuy.status', { type: 'groupBuy', id: after.id }, { status: before.status }, { status: after.status });
        return after;
      }));
  };
}

/**
 * Group buys for shoppers: the offers on sale, an offer with its open teams, a team, their own teams
 * (and the team of one of their orders), opening and joining (each an unpaid order with the seat held), leaving.
 */
export function groupBuyStoreRoutes(groupBuys: GroupBuyService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['store: group buys'];
    app.get('/group-buys', {
      schema: {
        operationId: 'listGroupBuys', tags,
        summary: 'The offers on sale (拼团), newest first: one shared, cached answer (Surrogate-Key marketing:group-buys) for every product badge, the home block and the sitemap',
        response: { 200: offersAnswer, ...problems },
      },
    }, (req, reply) =>
      // Checked by the schema as it is stored: a cached answer skips the serializer.
      sendCachedJson(groupBuys.reads.responseCache, req, reply, 'store:group-buys', () => [GROUP_BUYS_TAG], async () => offersAnswer.parse({ items: await groupBuys.reads.activeOffers() })));

    app.get('/group-buys/:id', {
      schema: {
        operationId: 'getGroupBuy', tags, params: idParams,
        summary: 'A group buy with the teams one could join now (fullest first)',
        response: { 200: z.object({ activity: groupBuyView, openTeams: z.array(teamView) }), ...problems },
      },
    }, async (req) => ({ activity: await groupBuys.activities.get(req.params.id), openTeams: await groupBuys.reads.openTeams(req.params.id) }));

    app.get('/group-buys/teams/:id', {
      schema: { operationId: 'getGroupBuyTeam', tags, params: idParams, summary: 'A team: members (masked), seats left, the countdown, its state', response: { 200: teamView, ...problems } },
    }, async (req) => groupBuys.reads.team(req.params.id));

    app.get('/me/group-buys', {
      schema: {
        operationId: 'listMyGroupBuyTeams', tags,
        summary: 'The teams I opened or joined (我的拼团), newest first (50 at most), each with my seat and order',
        response: { 200: z.object({ items: z.array(myTeamView) }), ...problems },
      },
    }, async (req) => ({ items: await groupBuys.reads.myTeams(requireCustomer(req).id) }));

    app.get('/me/group-buys/orders/:orderId', {
      schema: {
        operationId: 'getMyGroupBuyTeamOfOrder', tags, params: z.object({ orderId: z.uuid() }),
        summary: 'The team one of my orders took a seat in, with my seat (404 when the order is no group-buy order of mine)',
        response: { 200: myTeamView, ...problems },
      },
    }, async (req) => groupBuys.reads.myTeamOfOrder(requireCustomer(req).id, req.params.orderId));

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

    app.post('/group-buys/teams/:id/leave', {
      schema: {
        operationId: 'leaveGroupBuyTeam', tags, params: idParams,
        summary: 'Leave a team before it fills (退团): my paid order refunded in full, the seat free again. The leader stays; an unpaid order is cancelled instead (409 GROUP_SEAT_NOT_PAID)',
        response: { 200: teamView, ...problems },
      },
    }, async (req) => groupBuys.withdraw(requireCustomer(req).id, req.params.id));
  };
}

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite, checkedAnswer } from '../../../platform/http/answer.js';
import { notFound } from '../../../platform/errors.js';
import type { Kernel } from '../../../platform/kernel.js';
import { listQuery, page, problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { IdempotencyKeys, idempotencyKeyHeader, replayAware } from '../../../platform/idempotency/idempotency.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import { pointsPolicy, pointsPolicyView } from './policy.js';
import type { PointsService } from './service.js';
import { pointsAdjustment, pointsEntryView, pointsSummary } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const accountView = z.object({ balance: z.number().int(), pending: z.number().int() });

/**
 * Points for staff: the policy (marketing.manage, audited), a customer's points and ledger
 * (marketing.read), and adjustments with a reason (marketing.manage, audited, Idempotency-Key).
 */
export function pointsAdminRoutes(k: Kernel, points: PointsService, audit: AuditService, customerExists: (id: string) => Promise<boolean>): FastifyPluginAsyncZod {
  const tags = ['admin: points'];
  const keys = new IdempotencyKeys(k.db, k.clock);
  return async (app) => {
    app.get('/points/policy', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetPointsPolicy', tags, security, summary: 'The points policy: earning, what points are worth, check-in, expiry', response: { 200: pointsPolicyView, ...problems } },
    }, async () => points.policy());

    app.put('/points/policy', {
      ...permit('marketing.manage'),
      schema: { operationId: 'adminSetPointsPolicy', tags, security, summary: 'Change the points policy (applies to orders paid from now on)', body: pointsPolicy, response: { 200: pointsPolicyView, ...problems } },
    }, async (req) =>
      answeredWrite(k.db, req, 200, async () => {
        const { before, after } = await points.setPolicy(req.body);
        await audit.record(req.staff, 'marketing.points.policy', { type: 'pointsPolicy', id: 'store' }, before, after);
        return after;
      }),
    );

    const customerParams = z.object({ id: z.uuid() });

    app.get('/customers/:id/points', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminGetCustomerPoints', tags, security, summary: "A customer's points: balance, pending, what expires when, and the ledger newest first",
        params: customerParams, querystring: listQuery, response: { 200: pointsSummary.extend({ history: page(pointsEntryView) }), ...problems },
      },
    }, async (req) => {
      if (!(await customerExists(req.params.id))) throw notFoundCustomer(req.params.id);
      return { ...(await points.summary(req.params.id)), history: await points.history(req.params.id, req.query) };
    });

    app.post('/customers/:id/points/adjustments', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminAdjustCustomerPoints', tags, security,
        summary: 'Add or take points with a reason (ledger and audit log); never below zero',
        description: 'Send an Idempotency-Key (the console sends one per dialog): the same key and body answer 200 with the first answer and change nothing again.',
        headers: z.object({ 'idempotency-key': idempotencyKeyHeader }).loose(),
        params: customerParams, body: pointsAdjustment,
        response: { 201: accountView, 200: accountView.describe('A replay: the first answer, nothing changed again'), ...problems },
      },
    }, async (req, reply) => {
      const staff = req.staff!;
      const id = req.params.id;
      const run = async () => {
        if (!(await customerExists(id))) throw notFoundCustomer(id);
        const { before, after } = await points.adjust(id, req.body.points, req.body.reason, staff.id);
        await audit.record(staff, 'marketing.points.adjust', { type: 'customer', id }, before, { ...after, points: req.body.points, reason: req.body.reason });
        return checkedAnswer(req, 201, after);
      };
      const { result, replayed } = await keys.optional({ scope: 'marketing.adjustPoints', owner: staff.id, key: req.headers['idempotency-key'] }, { id, ...req.body }, run);
      replayAware(reply, 201, replayed);
      return result;
    });
  };
}

/** The shopper's points: balance and what expires when, the ledger, and the daily check-in (签到). */
export function pointsStoreRoutes(k: Kernel, points: PointsService): FastifyPluginAsyncZod {
  const tags = ['points'];
  return async (app) => {
    app.get('/me/points', {
      schema: { operationId: 'getMyPoints', tags, summary: 'My points: spendable, pending, worth, what expires when, and the rules', response: { 200: pointsSummary, 401: problemSchema } },
    }, async (req) => points.summary(requireCustomer(req).id));

    app.get('/me/points/history', {
      schema: { operationId: 'listMyPointsHistory', tags, summary: 'My points ledger, newest first', querystring: listQuery, response: { 200: page(pointsEntryView), 400: problemSchema, 401: problemSchema } },
    }, async (req) => points.history(requireCustomer(req).id, req.query));

    app.post('/me/points/check-in', {
      schema: {
        operationId: 'checkInForPoints', tags, summary: 'The daily check-in: a few points once per store day',
        response: { 201: z.object({ points: z.number().int(), balance: z.number().int() }), 401: problemSchema, 409: problemSchema },
      },
    }, async (req, reply) => {
      const me = requireCustomer(req);
      const done = await answeredWrite(k.db, req, 201, () => points.checkIn(me.id));
      return reply.code(201).send(done);
    });
  };
}

function notFoundCustomer(id: string) {
  return notFound(`customer ${id}`);
}

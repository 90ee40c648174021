import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orderRefParams } from '../orders/index.js';
import { answeredWrite, checkedAnswer } from '../../platform/http/answer.js';
import type { Kernel } from '../../platform/kernel.js';
import { IdempotencyKeys, idempotencyKeyHeader, replayAware } from '../../platform/idempotency/idempotency.js';
import { listQuery, page, problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { can, permit } from '../staff/index.js';
import type { AuditService } from '../audit/index.js';
import type { AfterSalesService } from './service.js';
import { REFUND_STATUSES } from './schema.js';
import { cancelResult, refundView, toRefundView } from './views.js';

const tags = ['admin: after-sales'];
const problems = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const orderParams = orderRefParams;
const refundParams = z.object({ refundId: z.uuid() });
const decisionBody = z.object({ note: z.string().trim().max(500).optional() }).default({});

/** `?status=a&status=b` or `?status=a,b`. */
const statusList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(REFUND_STATUSES)));

const refundBody = z.object({
  lines: z
    .array(z.object({ lineId: z.uuid(), quantity: z.number().int().min(1).max(100_000) }))
    .min(1)
    .max(200)
    .optional()
    .describe('Units of some lines; leave out to refund the whole order (with shipping, before it ships)'),
  amount: z.number().int().min(1).optional().describe('Give back less than the lines are worth (minor units); never more'),
  reason: z.string().trim().min(1).max(500),
});

/**
 * Refunds and staff cancels. Customer service asks (refunds.request), finance decides
 * (refunds.approve); whoever may approve executes at once. Every write is audited.
 */
export function afterSalesAdminRoutes(k: Kernel, afterSales: AfterSalesService, audit: AuditService): FastifyPluginAsyncZod {
  const keys = new IdempotencyKeys(k.db, k.clock);
  return async (app) => {
    app.post('/orders/:orderId/refunds', {
      ...permit('refunds.request', 'refunds.approve'),
      schema: {
        operationId: 'refundOrder', tags, security,
        summary: 'Refund an order or some of its lines: executed at once (201) with refunds.approve, otherwise requested for finance (202)',
        description:
          'Send an Idempotency-Key (the console sends one per dialog) to make retries safe: the same key and body answer 200 with the ' +
          'first answer (header Idempotent-Replayed: true) and refund nothing again; the same key with another body is refused (422).',
        headers: z.object({ 'idempotency-key': idempotencyKeyHeader }).loose(),
        params: orderParams,
        body: refundBody,
        response: { 201: refundView, 202: refundView, 200: refundView.describe('A replay: the first answer, nothing refunded again'), ...problems },
      },
    }, async (req, reply) => {
      const staff = req.staff!;
      const now = can(staff.role, 'refunds.approve');
      const status = now ? 201 : 202;
      const ref = { scope: 'after-sales.refundOrder', owner: staff.id, key: req.headers['idempotency-key'] };
      // The order is part of what the key covers: the same body for another order is another request.
      const { result, replayed } = await keys.optional(ref, { order: req.params.orderId, ...req.body }, async () => {
        const r = now ? await afterSales.refundNow(req.params.orderId, req.body, staff.id) : await afterSales.request(req.params.orderId, req.body, staff.id);
        await audit.record(staff, now ? 'refunds.execute' : 'refunds.request', { type: 'refund', id: r.id }, null, r);
        // Checked before the commit (decision 0024).
        return checkedAnswer(req, status, toRefundView(r));
      });
      replayAware(reply, status, replayed);
      return result;
    });

    for (const [verb, operationId, summary] of [
      ['approve', 'approveRefund', 'Approve a requested refund: the money goes back now'],
      ['reject', 'rejectRefund', 'Reject a requested refund'],
    ] as const) {
      app.post(`/refunds/:refundId/${verb}`, {
        ...permit('refunds.approve'),
        schema: { operationId, tags, security, summary, params: refundParams, body: decisionBody, response: { 200: refundView, ...problems } },
      }, async (req) =>
        answeredWrite(k.db, req, 200, async () => {
          const staff = req.staff!;
          const note = req.body.note || null;
          const { before, after } = verb === 'approve' ? await afterSales.approve(req.params.refundId, staff.id, note) : await afterSales.reject(req.params.refundId, staff.id, note);
          await audit.record(staff, `refunds.${verb}`, { type: 'refund', id: after.id }, before, after);
          return toRefundView(after);
        }),
      );
    }

    app.get('/refunds', {
      ...permit('orders.read'),
      schema: {
        operationId: 'adminListRefunds', tags, security, summary: 'Refunds, newest first (e.g. ?status=requested for the approval queue)',
        querystring: listQuery.extend({ status: statusList.optional().describe(`One or more of ${REFUND_STATUSES.join(', ')}`), orderId: z.uuid().optional() }),
        response: { 200: page(refundView), 400: problemSchema },
      },
    }, async (req) => {
      const res = await afterSales.list({ status: req.query.status, orderId: req.query.orderId, limit: req.query.limit, cursor: req.query.cursor });
      return { items: res.items.map(toRefundView), nextCursor: res.nextCursor };
    });

    app.post('/orders/:orderId/cancel', {
      ...permit('orders.cancel'),
      schema: {
        operationId: 'adminCancelOrder', tags, security,
        summary: 'Cancel an order: unpaid → cancelled; paid and not shipped → a full refund (executed with refunds.approve, else requested: 202)',
        params: orderParams,
        body: z.object({ reason: z.string().trim().max(500).optional() }).default({}),
        response: { 200: cancelResult, 202: cancelResult, ...problems },
      },
    }, async (req, reply) => {
      const staff = req.staff!;
      const { status, body } = await k.db.transaction(async () => {
        const r = await afterSales.cancel(req.params.orderId, req.body.reason || 'cancelled_by_staff', {
          id: staff.id, canApprove: can(staff.role, 'refunds.approve'), canRequest: can(staff.role, 'refunds.request'),
        });
        await audit.record(staff, 'orders.cancel', { type: 'order', id: r.after.id }, { status: r.before.status }, { status: r.after.status, outcome: r.outcome, refundId: r.refund?.id ?? null });
        if (r.refund) await audit.record(staff, r.outcome === 'refunded' ? 'refunds.execute' : 'refunds.request', { type: 'refund', id: r.refund.id }, null, r.refund);
        const code = r.outcome === 'refund_requested' ? 202 : 200;
        const answer = { outcome: r.outcome, order: { id: r.after.id, number: r.after.number, status: r.after.status }, refund: r.refund ? toRefundView(r.refund) : null };
        return { status: code, body: checkedAnswer(req, code, answer) };
      });
      return reply.code(status).send(body);
    });
  };
}

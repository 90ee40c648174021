import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../../platform/http/answer.js';
import type { Kernel } from '../../../platform/kernel.js';
import { listQuery, page, problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import { PROMOTION_STATUSES } from './schema.js';
import type { PromotionService } from './service.js';
import { promotionInput, promotionPatch, promotionView } from './types.js';

const tags = ['admin: promotions'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParams = z.object({ id: z.uuid() });
const KINDS = ['amountOff', 'percentOff', 'unitDiscount', 'memberPrice', 'freeShipping', 'buyXGetY'] as const;

/** Promotions for staff: reading needs marketing.read; creating, changing, pausing need marketing.manage and are audited. */
export function promotionAdminRoutes(k: Kernel, promotions: PromotionService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    // Every write's answer is checked before its commit (decision 0024).
    const write = <T>(req: FastifyRequest, status: number, fn: () => Promise<T>) => answeredWrite(k.db, req, status, fn);

    app.get('/promotions', {
      ...permit('marketing.read'),
      schema: {
        operationId: 'adminListPromotions', tags, security, summary: 'Promotions, newest first',
        querystring: listQuery.extend({
          status: z.enum(PROMOTION_STATUSES).optional().describe('active or paused'),
          kind: z.enum(KINDS).optional().describe('Only this kind of action'),
        }),
        response: { 200: page(promotionView), ...problems },
      },
    }, async (req) => promotions.list({ ...req.query, status: req.query.status ? [req.query.status] : undefined }));

    app.get('/promotions/:id', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetPromotion', tags, security, params: idParams, response: { 200: promotionView, ...problems } },
    }, async (req) => promotions.get(req.params.id));

    app.post('/promotions', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminCreatePromotion', tags, security,
        summary: 'Create a promotion: 满减 (amountOff), 满折 (percentOff), 直降 (unitDiscount), 会员价 (memberPrice), 包邮 (freeShipping), 买X送Y (buyXGetY)',
        body: promotionInput,
        response: { 201: promotionView, ...problems },
      },
    }, async (req, reply) => {
      const created = await write(req, 201, async () => {
        const p = await promotions.create(req.body);
        await audit.record(req.staff, 'marketing.promotion.create', { type: 'promotion', id: p.id }, null, p);
        return p;
      });
      return reply.code(201).send(created);
    });

    app.patch('/promotions/:id', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminUpdatePromotion', tags, security, summary: 'Change a promotion: any field; the action is replaced whole; null clears scope, conditions or a window bound',
        params: idParams, body: promotionPatch, response: { 200: promotionView, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await promotions.update(req.params.id, req.body);
        await audit.record(req.staff, 'marketing.promotion.update', { type: 'promotion', id: after.id }, before, after);
        return after;
      }),
    );

    for (const [verb, status] of [['pause', 'paused'], ['resume', 'active']] as const) {
      app.post(`/promotions/:id/${verb}`, {
        ...permit('marketing.manage'),
        schema: {
          operationId: verb === 'pause' ? 'adminPausePromotion' : 'adminResumePromotion', tags, security,
          summary: verb === 'pause' ? 'Pause a promotion: it stops applying at once (again: no change)' : 'Resume a paused promotion (again: no change)',
          params: idParams, response: { 200: promotionView, ...problems },
        },
      }, async (req) =>
        write(req, 200, async () => {
          const { before, after, changed } = await promotions.setStatus(req.params.id, status);
          if (changed) await audit.record(req.staff, `marketing.promotion.${verb}`, { type: 'promotion', id: after.id }, before, after);
          return after;
        }),
      );
    }
  };
}

import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../../platform/http/answer.js';
import type { Kernel } from '../../../platform/kernel.js';
import { problemSchema } from '../../../platform/http/pagination.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import type { CouponService } from './service.js';
import { couponTemplateInput, couponTemplateView, couponView } from './types.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParams = z.object({ id: z.uuid() });

/** Coupon templates for staff: marketing.read to see, marketing.manage to create and pause (audited). */
export function couponAdminRoutes(k: Kernel, coupons: CouponService, audit: AuditService): FastifyPluginAsyncZod {
  const tags = ['admin: coupons'];
  return async (app) => {
    const write = <T>(req: FastifyRequest, status: number, fn: () => Promise<T>) => answeredWrite(k.db, req, status, fn);

    app.get('/coupon-templates', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminListCouponTemplates', tags, security, summary: 'Coupon templates, newest first (at most 500)', response: { 200: z.object({ items: z.array(couponTemplateView) }), ...problems } },
    }, async () => ({ items: await coupons.listTemplates() }));

    app.post('/coupon-templates', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminCreateCouponTemplate', tags, security,
        summary: 'Design a coupon: amount (with a threshold), percent (with a cap) or free shipping; how many in all and per customer; valid for a window or N days after claiming',
        body: couponTemplateInput, response: { 201: couponTemplateView, ...problems },
      },
    }, async (req, reply) => {
      const created = await write(req, 201, async () => {
        const t = await coupons.createTemplate(req.body);
        await audit.record(req.staff, 'marketing.couponTemplate.create', { type: 'couponTemplate', id: t.id }, null, t);
        return t;
      });
      return reply.code(201).send(created);
    });

    for (const [verb, status] of [['pause', 'paused'], ['resume', 'active']] as const) {
      app.post(`/coupon-templates/:id/${verb}`, {
        ...permit('marketing.manage'),
        schema: {
          operationId: verb === 'pause' ? 'adminPauseCouponTemplate' : 'adminResumeCouponTemplate', tags, security,
          summary: verb === 'pause' ? 'Stop claims of a template (coupons already claimed stay valid)' : 'Open claims again',
          params: idParams, response: { 200: couponTemplateView, ...problems },
        },
      }, async (req) =>
        write(req, 200, async () => {
          const { before, after, changed } = await coupons.setTemplateStatus(req.params.id, status);
          if (changed) await audit.record(req.staff, `marketing.couponTemplate.${verb}`, { type: 'couponTemplate', id: after.id }, before, after);
          return after;
        }),
      );
    }
  };
}

/** The claim centre (领券中心) and the shopper's own coupons. */
export function couponStoreRoutes(k: Kernel, coupons: CouponService): FastifyPluginAsyncZod {
  const tags = ['coupons'];
  return async (app) => {
    app.get('/coupons/claimable', {
      schema: { operationId: 'listClaimableCoupons', tags, summary: 'Coupons anyone may claim now (领券中心), with what is left', response: { 200: z.object({ items: z.array(couponTemplateView) }) } },
    }, async () => ({ items: await coupons.claimable() }));

    app.post('/coupons/claim', {
      schema: {
        operationId: 'claimCoupon', tags, summary: 'Claim one coupon of a template (never past its total or the per-customer limit)',
        body: z.object({ templateId: z.uuid() }).strict(),
        response: { 201: couponView, ...problems },
      },
    }, async (req, reply) => {
      const me = requireCustomer(req);
      const coupon = await answeredWrite(k.db, req, 201, () => coupons.claim(me.id, req.body.templateId));
      return reply.code(201).send(coupon);
    });

    app.get('/me/coupons', {
      schema: { operationId: 'listMyCoupons', tags, summary: 'The shopper’s coupons: usable first, then by when they end', response: { 200: z.object({ items: z.array(couponView) }), 401: problemSchema } },
    }, async (req) => ({ items: await coupons.mine(requireCustomer(req).id) }));
  };
}

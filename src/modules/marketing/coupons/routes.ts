import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../../platform/http/answer.js';
import type { Kernel } from '../../../platform/kernel.js';
import { problemSchema } from '../../../platform/http/pagination.js';
import { notFound } from '../../../platform/errors.js';
import { adminSecurity as security } from '../../../platform/http/admin-security.js';
import { requireCustomer } from '../../../platform/http/require-customer.js';
import { permit } from '../../staff/index.js';
import type { AuditService } from '../../audit/index.js';
import type { CouponService } from './service.js';
import { couponGrants, couponGrantsView, ISSUE_LIMIT, type CouponDistribution } from './distribution.js';
import { couponTemplateInput, couponTemplatePatch, couponTemplateView, couponView } from './types.js';
import { checkedAnswer } from '../../../platform/http/answer.js';
import { IdempotencyKeys, idempotencyKeyHeader, replayAware } from '../../../platform/idempotency/idempotency.js';
import { mobile } from '../../customers/index.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const idParams = z.object({ id: z.uuid() });

/** Coupon templates for staff: marketing.read to see, marketing.manage to create and pause (audited). */
export function couponAdminRoutes(k: Kernel, coupons: CouponService, distribution: CouponDistribution, audit: AuditService): FastifyPluginAsyncZod {
  const tags = ['admin: coupons'];
  const keys = new IdempotencyKeys(k.db, k.clock);
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

    app.patch('/coupon-templates/:id', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminUpdateCouponTemplate', tags, security,
        summary: 'Change a template’s name, total (never below what was given), per-customer limit, claim window, public code or whether the claim centre lists it',
        params: idParams, body: couponTemplatePatch, response: { 200: couponTemplateView, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await coupons.updateTemplate(req.params.id, req.body);
        await audit.record(req.staff, 'marketing.couponTemplate.update', { type: 'couponTemplate', id: after.id }, before, after);
        return after;
      }),
    );

    const batchView = z.object({ batch: z.number().int(), count: z.number().int(), redeemed: z.number().int(), createdAt: z.string() });
    app.get('/coupon-templates/:id/redeem-codes', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminListRedeemCodeBatches', tags, security, summary: 'The template’s batches of single-use redeem codes: how many, how many redeemed', params: idParams, response: { 200: z.object({ items: z.array(batchView) }), ...problems } },
    }, async (req) => {
      if (!(await coupons.templateExists(req.params.id))) throw notFound(`coupon template ${req.params.id}`);
      return { items: await distribution.batches(req.params.id) };
    });

    app.post('/coupon-templates/:id/redeem-codes', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminMakeRedeemCodes', tags, security,
        summary: 'Make a batch of single-use redeem codes (兑换码) for the template — at most 10,000 a batch, never more than its total has left',
        params: idParams, body: z.object({ count: z.number().int().min(1).max(10_000) }).strict(),
        response: { 201: z.object({ batch: z.number().int(), count: z.number().int() }), ...problems },
      },
    }, async (req, reply) => {
      const made = await write(req, 201, async () => {
        const out = await distribution.makeCodes(req.params.id, req.body.count);
        await audit.record(req.staff, 'marketing.couponTemplate.redeemCodes', { type: 'couponTemplate', id: req.params.id }, null, out);
        return out;
      });
      return reply.code(201).send(made);
    });

    app.get('/coupon-templates/:id/redeem-codes.csv', {
      ...permit('exports.run', 'marketing.read'),
      schema: {
        operationId: 'adminExportRedeemCodes', tags, security, produces: ['text/csv'],
        summary: 'The redeem codes as CSV (code, batch, created_at, redeemed_at; UTF-8 with BOM, opens in Excel) — one batch or all',
        params: idParams, querystring: z.object({ batch: z.coerce.number().int().min(1).max(1_000_000).optional() }).strict(),
      },
    }, async (req, reply) => {
      if (!(await coupons.templateExists(req.params.id))) throw notFound(`coupon template ${req.params.id}`);
      // Codes are money to whoever holds them: who exported which is on the audit log.
      const csv = await k.db.transaction(async () => {
        await audit.record(req.staff, 'marketing.couponTemplate.exportCodes', { type: 'couponTemplate', id: req.params.id }, null, { batch: req.query.batch ?? null });
        return distribution.codesCsv(req.params.id, req.query.batch);
      });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="coupon-codes-${req.params.id.slice(0, 8)}${req.query.batch ? `-${req.query.batch}` : ''}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });

    const issueBody = z
      .object({
        customerIds: z.array(z.uuid()).max(ISSUE_LIMIT).optional(),
        contacts: z.array(z.union([z.email().trim().toLowerCase(), mobile])).max(ISSUE_LIMIT).optional().describe('Emails or mobile numbers'),
        tier: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/).optional().describe('Every member of this tier'),
      })
      .strict()
      .refine((b) => Boolean(b.customerIds?.length || b.contacts?.length || b.tier), { message: 'name customers, contacts or a tier', path: ['customerIds'] });
    const issued = z.object({ issued: z.number().int(), skipped: z.array(z.object({ who: z.string(), reason: z.string().describe('unknown: no such customer') })) });
    app.post('/coupon-templates/:id/issue', {
      ...permit('marketing.manage'),
      schema: {
        operationId: 'adminIssueCoupons', tags, security,
        summary: `Give one coupon to each customer named (ids, emails or mobiles) or in a tier — all or none, at most ${ISSUE_LIMIT}`,
        description: 'Send an Idempotency-Key (the console sends one per dialog): the same key and body answer 200 with the first answer and issue nothing again.',
        headers: z.object({ 'idempotency-key': idempotencyKeyHeader }).loose(),
        params: idParams, body: issueBody, response: { 201: issued, 200: issued.describe('A replay: the first answer'), ...problems },
      },
    }, async (req, reply) => {
      const staff = req.staff!;
      const run = async () => {
        const out = await distribution.issue(req.params.id, req.body);
        await audit.record(staff, 'marketing.couponTemplate.issue', { type: 'couponTemplate', id: req.params.id }, null, { issued: out.issued, skipped: out.skipped.length, tier: req.body.tier ?? null });
        return checkedAnswer(req, 201, out);
      };
      const { result, replayed } = await keys.optional({ scope: 'marketing.issueCoupons', owner: staff.id, key: req.headers['idempotency-key'] }, { id: req.params.id, ...req.body }, run);
      replayAware(reply, 201, replayed);
      return result;
    });

    app.get('/coupon-grants', {
      ...permit('marketing.read'),
      schema: { operationId: 'adminGetCouponGrants', tags, security, summary: 'Coupons given without asking: the new-customer coupon', response: { 200: couponGrantsView, ...problems } },
    }, async () => distribution.grants());

    app.put('/coupon-grants', {
      ...permit('marketing.manage'),
      schema: { operationId: 'adminSetCouponGrants', tags, security, summary: 'Set the new-customer coupon (null: none)', body: couponGrants, response: { 200: couponGrantsView, ...problems } },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await distribution.setGrants(req.body);
        await audit.record(req.staff, 'marketing.couponGrants', { type: 'couponGrants', id: 'store' }, before, after);
        return after;
      }),
    );

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
export function couponStoreRoutes(k: Kernel, coupons: CouponService, distribution: CouponDistribution): FastifyPluginAsyncZod {
  const tags = ['coupons'];
  return async (app) => {
    app.get('/coupons/claimable', {
      schema: {
        operationId: 'listClaimableCoupons', tags,
        summary: 'Coupons anyone may claim now (领券中心), with what is left; with a product’s ids, only those that apply to it (the coupon block on its page)',
        querystring: z.object({ productId: z.uuid().optional(), categoryId: z.uuid().optional(), brandId: z.uuid().optional() }).strict(),
        response: { 200: z.object({ items: z.array(couponTemplateView) }), 400: problemSchema },
      },
    }, async (req) => ({ items: await coupons.claimable(req.query.productId ? { productId: req.query.productId, categoryId: req.query.categoryId, brandId: req.query.brandId } : undefined) }));

    app.post('/coupons/redeem', {
      schema: {
        operationId: 'redeemCouponCode', tags,
        summary: 'Turn a typed code into one of my coupons: a public code claims one (within the limits), a redeem code (兑换码) gives its coupon once; typing it again gives the same coupon',
        body: z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,32}$/, '4 to 32 letters and digits') }).strict(),
        response: { 201: couponView, 200: couponView.describe('A coupon I already held for this code'), ...problems },
      },
    }, async (req, reply) => {
      const me = requireCustomer(req);
      const { coupon, created } = await k.db.transaction(async () => {
        const out = await distribution.redeem(me.id, req.body.code);
        return { coupon: checkedAnswer(req, 201, out.coupon), created: out.created };
      });
      return reply.code(created ? 201 : 200).send(coupon);
    });

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

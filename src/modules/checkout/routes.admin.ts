import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answeredWrite } from '../../platform/http/answer.js';
import type { Kernel } from '../../platform/kernel.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { permit, requireStaff } from '../staff/index.js';
import type { AuditService } from '../audit/index.js';
import type { ShippingMethods } from './shipping-methods.js';
import { adminShippingMethodView, shippingMethodInput, shippingMethodPatch } from './types.js';

const tags = ['admin: shipping'];
const problems = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

/**
 * Shipping methods for staff. Reading needs a staff session only (the store shows the active ones
 * to anyone); creating and changing need settings.manage and are audited.
 */
export function shippingAdminRoutes(k: Kernel, shipping: ShippingMethods, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    // Every write's answer is checked before its commit (decision 0024).
    const write = <T>(req: FastifyRequest, status: number, fn: () => Promise<T>) => answeredWrite(k.db, req, status, fn);

    app.get('/shipping-methods', {
      onRequest: async (req) => void requireStaff(req),
      schema: {
        operationId: 'adminListShippingMethods', tags, security, summary: 'Every shipping method, active or not, in list order',
        response: { 200: z.object({ items: z.array(adminShippingMethodView) }), 401: problemSchema },
      },
    }, async () => ({ items: await shipping.listForStaff() }));

    app.post('/shipping-methods', {
      ...permit('settings.manage'),
      schema: {
        operationId: 'adminCreateShippingMethod', tags, security,
        summary: 'Add a shipping method: flat (flatFee), freeOver (freeThreshold, flatFee below it) or byWeight (首重/续重, regional rates)',
        body: shippingMethodInput,
        response: { 201: adminShippingMethodView, ...problems },
      },
    }, async (req, reply) => {
      const created = await write(req, 201, async () => {
        const m = await shipping.create(req.body);
        await audit.record(req.staff, 'checkout.shippingMethod.create', { type: 'shippingMethod', id: m.id }, null, m);
        return m;
      });
      return reply.code(201).send(created);
    });

    app.patch('/shipping-methods/:id', {
      ...permit('settings.manage'),
      schema: {
        operationId: 'adminUpdateShippingMethod', tags, security,
        summary: 'Change a shipping method: activate or deactivate it, rename it, change its fees or its kind',
        params: z.object({ id: z.uuid() }),
        body: shippingMethodPatch,
        response: { 200: adminShippingMethodView, ...problems },
      },
    }, async (req) =>
      write(req, 200, async () => {
        const { before, after } = await shipping.update(req.params.id, req.body);
        await audit.record(req.staff, 'checkout.shippingMethod.update', { type: 'shippingMethod', id: after.id }, before, after);
        return after;
      }),
    );
  };
}

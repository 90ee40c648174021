import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orderRefParams } from '../orders/index.js';
import type { Kernel } from '../../platform/kernel.js';
import { problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { localeOf } from '../../platform/http/problem.js';
import { permit } from '../staff/index.js';
import type { AuditService } from '../audit/index.js';
import type { FulfilmentService } from './service.js';
import { adminShipmentView, bulkShipResult, carrierView, toAdminShipment } from './views.js';
import { bulkShip } from './csv.js';

const tags = ['admin: fulfilment'];
const problems = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

const shipBody = z.object({
  carrier: z.string().trim().min(1).max(40).describe('Carrier code (sf, yto, zto, sto, yunda, jd, ems, sandbox) or its name'),
  trackingNumber: z.string().trim().min(1).max(60).describe('The waybill number (6–40 letters, digits or dashes)'),
  warehouseId: z.string().trim().min(1).max(64).optional().describe('Warehouse id or code the parcel leaves from; the default warehouse when absent'),
});

/** Warehouse staff ship orders, one at a time or from a spreadsheet. Every shipment is audited. */
export function fulfilmentAdminRoutes(k: Kernel, fulfilment: FulfilmentService, audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    // Imports arrive as raw bytes (UTF-8 with or without BOM, or GBK), within the usual body limit.
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: k.config.bodyLimitBytes }, (_req, body, done) => done(null, body));

    app.get('/carriers', {
      ...permit('orders.read', 'orders.ship'),
      schema: { operationId: 'adminListCarriers', tags, security, summary: 'Carriers a shipment can go out with', response: { 200: z.object({ items: z.array(carrierView) }) } },
    }, async () => ({ items: fulfilment.carriers().map((c) => ({ code: c.code, name: c.name })) }));

    app.post('/orders/:orderId/ship', {
      ...permit('orders.ship'),
      schema: {
        operationId: 'shipOrder', tags, security,
        summary: 'Ship a paid order: records the carrier and waybill and moves the order to shipped',
        params: orderRefParams,
        body: shipBody,
        response: { 201: z.object({ order: z.object({ id: z.string(), number: z.string(), status: z.string() }), shipment: adminShipmentView }), ...problems },
      },
    }, async (req, reply) => {
      const result = await k.db.transaction(async () => {
        const { body } = req;
        const { shipment, before, after } = await fulfilment.ship(req.params.orderId, { carrier: body.carrier, trackingNumber: body.trackingNumber, warehouse: body.warehouseId }, req.staff!.id);
        await audit.record(req.staff, 'orders.ship', { type: 'order', id: after.id }, { status: before.status, shippedAt: null }, { status: after.status, shippedAt: after.shippedAt, shipment });
        return { order: { id: after.id, number: after.number, status: after.status }, shipment: toAdminShipment({ ...shipment, events: [] }) };
      });
      return reply.code(201).send(result);
    });

    app.post('/shipments/import', {
      ...permit('orders.ship'),
      schema: {
        operationId: 'bulkShipOrders', tags, security, consumes: ['text/csv'],
        summary: 'Ship many orders from CSV (order_number, carrier, tracking_number; UTF-8 or GBK); each row on its own, every row reported',
        response: {
          200: bulkShipResult,
          ...problems,
          415: problemSchema,
        },
      },
    }, async (req) => bulkShip(k, fulfilment, audit, { body: req.body, contentType: req.headers['content-type'], actor: req.staff }, localeOf(req)));
  };
}

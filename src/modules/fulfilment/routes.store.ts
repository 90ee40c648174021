import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orderRefParams } from '../orders/index.js';
import { requireCustomer } from '../../platform/http/require-customer.js';
import { problemSchema } from '../../platform/http/pagination.js';
import type { FulfilmentService } from './service.js';
import { orderTrackingView, toShipment } from './views.js';

/** The shopper's parcel tracking for their own order. */
export function fulfilmentStoreRoutes(fulfilment: FulfilmentService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/orders/:orderId/tracking',
      {
        schema: {
          operationId: 'getOrderTracking',
          tags: ['orders'],
          summary: "An order's shipments and their tracking events (only the shopper's own order)",
          params: orderRefParams,
          response: { 200: orderTrackingView, 401: problemSchema, 404: problemSchema },
        },
      },
      async (req) => {
        const me = requireCustomer(req);
        const { order, shipments } = await fulfilment.trackingForCustomer(req.params.orderId, me.id);
        return { orderId: order.id, number: order.number, status: order.status, shipments: shipments.map(toShipment) };
      },
    );
  };
}

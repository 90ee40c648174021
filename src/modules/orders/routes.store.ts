import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { requireCustomer } from '../../platform/http/require-customer.js';
import { listQuery, page } from '../../platform/http/pagination.js';
import type { OrderService } from './service.js';
import { orderDetailView, orderSummaryView, toOrderDetail, toOrderSummary } from './views.js';

const orderParams = z.object({ orderId: z.string().min(1).max(64).describe('Order id or order number') });

/** The shopper's own orders: read, cancel while unpaid, confirm receipt. */
export function orderStoreRoutes(k: Kernel, orders: OrderService): FastifyPluginAsyncZod {
  const detail = async (id: string) => toOrderDetail(await orders.get(id), await orders.linesOf(id), await orders.timelineOf(id));

  return async (app) => {
    app.get(
      '/orders',
      {
        schema: {
          operationId: 'listMyOrders',
          tags: ['orders'],
          querystring: listQuery.extend({ status: z.enum(['pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded', 'partially_refunded']).optional() }),
          response: { 200: page(orderSummaryView) },
        },
      },
      async (req) => {
        const me = requireCustomer(req);
        const res = await orders.list({ customerId: me.id, status: req.query.status ? [req.query.status] : undefined, limit: req.query.limit, cursor: req.query.cursor });
        const items = [];
        for (const o of res.items) items.push(toOrderSummary(o, (await orders.linesOf(o.id))[0]));
        return { items, nextCursor: res.nextCursor };
      },
    );

    app.get(
      '/orders/:orderId',
      { schema: { operationId: 'getOrder', tags: ['orders'], params: orderParams, response: { 200: orderDetailView } } },
      async (req) => {
        const me = requireCustomer(req);
        const o = await orders.getForCustomer(req.params.orderId, me.id);
        return detail(o.id);
      },
    );

    app.post(
      '/orders/:orderId/cancel',
      {
        schema: {
          operationId: 'cancelOrder',
          tags: ['orders'],
          summary: 'Cancel an unpaid order (releases its stock)',
          params: orderParams,
          body: z.object({ reason: z.string().max(200).default('') }).default({ reason: '' }),
          response: { 200: orderDetailView },
        },
      },
      async (req) => {
        const me = requireCustomer(req);
        const id = await k.db.transaction(async () => {
          const o = await orders.getForCustomer(req.params.orderId, me.id);
          await orders.cancel(o.id, { by: 'shopper', actor: 'shopper', actorId: me.id }, req.body.reason || 'shopper_cancelled');
          return o.id;
        });
        return detail(id);
      },
    );

    app.post(
      '/orders/:orderId/confirm-receipt',
      { schema: { operationId: 'confirmReceipt', tags: ['orders'], params: orderParams, response: { 200: orderDetailView } } },
      async (req) => {
        const me = requireCustomer(req);
        const id = await k.db.transaction(async () => {
          const o = await orders.getForCustomer(req.params.orderId, me.id);
          await orders.confirmReceipt(o.id, { by: 'shopper', actor: 'shopper', actorId: me.id });
          return o.id;
        });
        return detail(id);
      },
    );
  };
}

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { requireCustomer } from '../../platform/http/require-customer.js';
import { listQuery, page } from '../../platform/http/pagination.js';
import type { OrderService } from './service.js';
import { shopperOrderDetailView, orderSummaryView, toOrderDetail, toOrderSummary } from './views.js';
import { ORDER_STATES } from './logic/state-machine.js';
import { ORDER_TABS } from './logic/tabs.js';
import { maskMobile } from '../../platform/privacy.js';
import { orderRefParams } from './order-ref.js';
import { answeredWrite } from '../../platform/http/answer.js';

const orderParams = orderRefParams;

/** The shopper's own orders: read, cancel while unpaid, confirm receipt. */
export function orderStoreRoutes(k: Kernel, orders: OrderService): FastifyPluginAsyncZod {
  // The shopper's own order page shows the recipient's mobile masked (docs/decisions/0019).
  const detail = async (id: string) => {
    const view = toOrderDetail(await orders.get(id), await orders.linesOf(id), await orders.timelineOf(id));
    return { ...view, shippingAddress: { ...view.shippingAddress, mobile: maskMobile(view.shippingAddress.mobile) } };
  };

  return async (app) => {
    app.get(
      '/orders',
      {
        schema: {
          operationId: 'listMyOrders',
          tags: ['orders'],
          summary: 'My orders, newest first: all, one status, or one tab of the order list',
          querystring: listQuery.extend({
            status: z.enum(ORDER_STATES).optional(),
            tab: z.enum(ORDER_TABS).optional().describe('A tab of the order list; its count is in listMyOrderTabCounts'),
          }),
          response: { 200: page(orderSummaryView) },
        },
      },
      async (req) => {
        const me = requireCustomer(req);
        const res = await orders.list({ customerId: me.id, status: req.query.status ? [req.query.status] : undefined, tab: req.query.tab, limit: req.query.limit, cursor: req.query.cursor });
        const items = [];
        for (const o of res.items) items.push(toOrderSummary(o, (await orders.linesOf(o.id))[0]));
        return { items, nextCursor: res.nextCursor };
      },
    );

    app.get(
      '/orders/tab-counts',
      {
        schema: {
          operationId: 'listMyOrderTabCounts',
          tags: ['orders'],
          summary: 'How many of my orders each tab of the order list shows (the same grouping as ?tab=)',
          response: { 200: z.object({ counts: z.object(Object.fromEntries(ORDER_TABS.map((t) => [t, z.number().int()])) as Record<(typeof ORDER_TABS)[number], z.ZodNumber>) }) },
        },
      },
      async (req) => ({ counts: await orders.tabCounts(requireCustomer(req).id) }),
    );

    app.get(
      '/orders/:orderId',
      { schema: { operationId: 'getOrder', tags: ['orders'], params: orderParams, response: { 200: shopperOrderDetailView } } },
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
          response: { 200: shopperOrderDetailView },
        },
      },
      async (req) => {
        const me = requireCustomer(req);
        // The answer is built and checked inside the transaction (decision 0024).
        return answeredWrite(k.db, req, 200, async () => {
          const o = await orders.getForCustomer(req.params.orderId, me.id);
          await orders.cancel(o.id, { by: 'shopper', actor: 'shopper', actorId: me.id }, req.body.reason || 'shopper_cancelled');
          return detail(o.id);
        });
      },
    );

    app.post(
      '/orders/:orderId/confirm-receipt',
      { schema: { operationId: 'confirmReceipt', tags: ['orders'], params: orderParams, response: { 200: shopperOrderDetailView } } },
      async (req) => {
        const me = requireCustomer(req);
        // The answer is built and checked inside the transaction (decision 0024).
        return answeredWrite(k.db, req, 200, async () => {
          const o = await orders.getForCustomer(req.params.orderId, me.id);
          await orders.confirmReceipt(o.id, { by: 'shopper', actor: 'shopper', actorId: me.id });
          return detail(o.id);
        });
      },
    );
  };
}

import { z } from 'zod';
import { TZDate } from '@date-fns/tz';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { DAY } from '../../platform/clock.js';
import { listQuery, page, problemSchema } from '../../platform/http/pagination.js';
import { adminSecurity as security } from '../../platform/http/admin-security.js';
import { permit } from '../staff/index.js';
import type { OrderFilter, OrderRow, OrderService } from './service.js';
import { ORDER_STATES, allowedEvents } from './logic/state-machine.js';
import { lineOptions, type NamedOption } from './logic/line-options.js';
import { adminOrderDetailView, adminOrderSummaryView, orderPaymentView, toOrderDetail, toOrderSummary } from './views.js';
import { orderCsvStream } from './csv.js';
import { orderRefParams } from './order-ref.js';

const tags = ['admin: orders'];

type PaymentRowLike = Omit<z.infer<typeof orderPaymentView>, 'createdAt' | 'completedAt'> & { createdAt: Date; completedAt: Date | null };
type AdminOrderDetail = z.infer<typeof adminOrderDetailView>;

/** What other modules add to an order's page; wired in the composition root. */
export interface AdminOrderSections {
  payments(orderId: string): Promise<PaymentRowLike[]>;
  shipments(orderId: string): Promise<AdminOrderDetail['shipments']>;
  refunds(orderId: string): Promise<AdminOrderDetail['refunds']>;
  /** The products' options with their names, to name the option codes each line kept. */
  productOptions(productIds: string[]): Promise<Map<string, readonly NamedOption[]>>;
}

/** `?status=a&status=b` or `?status=a,b`. */
const statusList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(ORDER_STATES)));
const dateOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const filterQuery = z.object({
  status: statusList.optional().describe(`One or more of ${ORDER_STATES.join(', ')}: ?status=paid&status=shipped or ?status=paid,shipped`),
  q: z.string().trim().min(1).max(40).optional().describe('An order number or the recipient’s mobile'),
  customerId: z.uuid().optional(),
  from: dateOrTime.optional().describe('Placed on or after: a date (store time zone) or an ISO time'),
  to: dateOrTime.optional().describe('Placed on or before this date (inclusive), or before this ISO time'),
});

/** Dates are whole days in the store's time zone: `to` includes its day. */
function toFilter(query: z.infer<typeof filterQuery>, timeZone: string): Omit<OrderFilter, 'limit' | 'cursor'> {
  const at = (v: string, endOfDay: boolean) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(v);
    const [y, m, d] = v.split('-').map(Number);
    return new Date(new TZDate(y, m - 1, d, timeZone).getTime() + (endOfDay ? DAY : 0));
  };
  return {
    status: query.status,
    q: query.q,
    customerId: query.customerId,
    from: query.from ? at(query.from, false) : undefined,
    to: query.to ? at(query.to, true) : undefined,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toAdminSummary(o: OrderRow, first: Parameters<typeof toOrderSummary>[1]) {
  return {
    ...toOrderSummary(o, first),
    customerId: o.customerId,
    paidAmount: o.paidAmount,
    refundedAmount: o.refundedAmount,
    paidAt: iso(o.paidAt),
    shippedAt: iso(o.shippedAt),
    recipient: o.shippingAddress.recipient,
    mobile: o.shippingAddress.mobile,
    channel: o.channel,
  };
}

/** Staff read orders: the list with filters, one order with everything that happened to it, and the CSV export. */
export function orderAdminRoutes(k: Kernel, orders: OrderService, sections: AdminOrderSections): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/orders', {
      ...permit('orders.read'),
      schema: {
        operationId: 'adminListOrders', tags, security, summary: 'Orders, newest first, with filters',
        querystring: listQuery.extend(filterQuery.shape),
        response: { 200: page(adminOrderSummaryView), 400: problemSchema },
      },
    }, async (req) => {
      const { limit, cursor, ...rest } = req.query;
      const res = await orders.list({ ...toFilter(rest, k.timezone.get()), limit, cursor });
      const first = await orders.firstLines(res.items.map((o) => o.id));
      return { items: res.items.map((o) => toAdminSummary(o, first.get(o.id))), nextCursor: res.nextCursor };
    });

    // Registered before /orders/:orderId reads it as an order reference (Fastify prefers the static path anyway).
    app.get('/orders/export.csv', {
      ...permit('exports.run'),
      schema: {
        operationId: 'exportOrders', tags, security, produces: ['text/csv'],
        summary: 'Orders as CSV, one row per order line (UTF-8 with BOM, yuan, store time zone); same filters as the list',
        querystring: filterQuery,
      },
    }, async (req, reply) => {
      const day = localDay(k.clock.now(), k.timezone.get());
      // Awaited before any header is set: the first page's query runs (and may fail) here.
      const csv = await orderCsvStream(k, orders, toFilter(req.query, k.timezone.get()));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="orders-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });

    app.get('/orders/:orderId', {
      ...permit('orders.read'),
      schema: {
        operationId: 'adminGetOrder', tags, security, summary: 'One order with its lines, timeline, payments, shipments and refunds',
        params: orderRefParams,
        response: { 200: adminOrderDetailView, 404: problemSchema },
      },
    }, async (req) => {
      const o = await orders.getByRef(req.params.orderId);
      const [lines, timeline, payments, shipments, refunds] = await Promise.all([
        orders.linesOf(o.id), orders.timelineOf(o.id), sections.payments(o.id), sections.shipments(o.id), sections.refunds(o.id),
      ]);
      const options = await sections.productOptions(lines.map((l) => l.productId));
      const detail = toOrderDetail(o, lines, timeline);
      return {
        ...detail,
        lines: detail.lines.map((l) => ({ ...l, options: lineOptions(l.optionValues, options.get(l.productId)) })),
        channel: o.channel,
        utm: o.utm ?? null,
        allowedEvents: allowedEvents(o.status),
        payments: payments.map((p) => ({ ...p, createdAt: p.createdAt.toISOString(), completedAt: iso(p.completedAt) })),
        shipments,
        refunds,
      };
    });
  };
}

function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at).replace(/-/g, '');
}

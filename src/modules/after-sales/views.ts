import { z } from 'zod';
import { REFUND_STATUSES, type afterSaleRefunds } from './schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const refundView = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  status: z.enum(REFUND_STATUSES),
  wholeOrder: z.boolean(),
  lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int(), amount: z.number().int() })),
  itemsAmount: z.number().int().describe('Goods, in minor units'),
  shippingAmount: z.number().int().describe('Shipping fee given back (whole order before shipment only)'),
  amount: z.number().int().describe('What goes back, in minor units (an estimate until executed)'),
  requestedAmount: z.number().int().nullable().describe('Less than the lines are worth, when staff asked for less'),
  currency: z.string(),
  reason: z.string(),
  restock: z.boolean(),
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  executedAt: z.string().nullable(),
});

/** What a staff cancel did: cancelled outright, refunded at once, or a refund asked of finance. */
export const cancelResult = z.object({
  outcome: z.enum(['cancelled', 'refunded', 'refund_requested']),
  order: z.object({ id: z.string(), number: z.string(), status: z.string() }),
  refund: refundView.nullable(),
});

// Row types from the tables, not service.ts: importing that pulls route files into the web apps' type check.
type RefundRow = typeof afterSaleRefunds.$inferSelect;

export function toRefundView(r: RefundRow): z.infer<typeof refundView> {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    status: r.status,
    wholeOrder: r.wholeOrder,
    lines: r.lines,
    itemsAmount: r.itemsAmount,
    shippingAmount: r.shippingAmount,
    amount: r.amount,
    requestedAmount: r.requestedAmount,
    currency: r.currency,
    reason: r.reason,
    restock: r.restock,
    requestedBy: r.requestedBy,
    decidedBy: r.decidedBy,
    decisionNote: r.decisionNote,
    createdAt: r.createdAt.toISOString(),
    decidedAt: iso(r.decidedAt),
    executedAt: iso(r.executedAt),
  };
}

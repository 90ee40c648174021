import { and, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { orders, orderTimeline } from './schema.js';

/**
 * Aggregates over orders for reports and the admin customer view; the definitions are written
 * down in docs/metrics.md. Amounts are in one currency's minor units: orders in other currencies
 * are not mixed in.
 */
export interface PaidTotals {
  /** Sum of `total` of the orders paid in the window, refunded later or not. */
  gmv: number;
  paidOrders: number;
}

export interface RefundTotals {
  /** Money refunded in the window, by the time the refund was recorded (whenever the order was paid). */
  amount: number;
  count: number;
}

export interface CustomerTotals {
  /** Orders placed, in any state. */
  orderCount: number;
  paidOrderCount: number;
  /** Paid minus refunded, over the customer's paid orders. */
  totalSpent: number;
}

const int = (expr: ReturnType<typeof sql>) => sql<number>`${expr}`.mapWith(Number);
const REFUND_ENTRIES = ['refund', 'partialRefund'];

/** Orders whose `paid_at` is in [from, to). */
export async function paidTotals(q: Executor, from: Date, to: Date, currency: string): Promise<PaidTotals> {
  const [row] = await q
    .select({ gmv: int(sql`coalesce(sum(${orders.total}), 0)`), paidOrders: int(sql`count(*)`) })
    .from(orders)
    .where(and(gte(orders.paidAt, from), lt(orders.paidAt, to), eq(orders.currency, currency)));
  return { gmv: row?.gmv ?? 0, paidOrders: row?.paidOrders ?? 0 };
}

/** Refunds recorded on orders (their timeline) in [from, to). */
export async function refundTotals(q: Executor, from: Date, to: Date, currency: string): Promise<RefundTotals> {
  const [row] = await q
    .select({
      amount: int(sql`coalesce(sum((${orderTimeline.data}->>'amount')::bigint), 0)`),
      count: int(sql`count(*)`),
    })
    .from(orderTimeline)
    .innerJoin(orders, eq(orders.id, orderTimeline.orderId))
    .where(
      and(
        inArray(orderTimeline.type, REFUND_ENTRIES),
        gte(orderTimeline.at, from),
        lt(orderTimeline.at, to),
        eq(orders.currency, currency),
      ),
    );
  return { amount: row?.amount ?? 0, count: row?.count ?? 0 };
}

/** Paid totals per calendar day of `timeZone` ('YYYY-MM-DD'), for orders paid in [from, to); days without orders are absent. */
export async function paidTotalsByDay(q: Executor, from: Date, to: Date, timeZone: string, currency: string) {
  const day = sql<string>`to_char(${orders.paidAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  const rows = await q
    .select({ day, gmv: int(sql`coalesce(sum(${orders.total}), 0)`), paidOrders: int(sql`count(*)`) })
    .from(orders)
    .where(and(gte(orders.paidAt, from), lt(orders.paidAt, to), eq(orders.currency, currency)))
    // By position: the zone is a bind parameter, so the select and group-by expressions would differ.
    .groupBy(sql`1`);
  return new Map<string, PaidTotals>(rows.map((r) => [r.day, { gmv: r.gmv, paidOrders: r.paidOrders }]));
}

export async function customerTotals(q: Executor, customerId: string, currency: string): Promise<CustomerTotals> {
  const [row] = await q
    .select({
      orderCount: int(sql`count(*)`),
      paidOrderCount: int(sql`count(${orders.paidAt})`),
      totalSpent: int(
        sql`coalesce(sum(${orders.paidAmount} - ${orders.refundedAmount}) filter (where ${isNotNull(orders.paidAt)} and ${eq(orders.currency, currency)}), 0)`,
      ),
    })
    .from(orders)
    .where(eq(orders.customerId, customerId));
  return { orderCount: row?.orderCount ?? 0, paidOrderCount: row?.paidOrderCount ?? 0, totalSpent: row?.totalSpent ?? 0 };
}

import { defineEvent } from '../../platform/outbox/events.js';

/** An order's state changed (placed, cancelled, shipped, delivered, completed). */
export interface OrderEventPayload {
  orderId: string;
  number: string;
  customerId: string;
  status: string;
  total: number;
  lines?: Array<{ productId: string; variantId: string; quantity: number }>;
  amount?: number;
}

/** A line as money was paid for it: after its discounts, in minor units. */
export interface PaidLine {
  lineId: string;
  productId: string;
  variantId: string;
  quantity: number;
  unitPrice: number;
  /** What the shopper paid for the line: its subtotal less its discounts. */
  paidAmount: number;
}

/**
 * The order was paid: what points, membership, RFM and analytics build on. Events stored before
 * this contract carry only orderId, number, customerId, status, total and lines' ids and quantities:
 * the other fields are optional for them, and consumers treat a missing one as unknown.
 */
export interface OrderPaid extends OrderEventPayload {
  currency?: string;
  lines: Array<PaidLine | { productId: string; variantId: string; quantity: number }>;
  /** Discounts by source (promotion, coupon, points, manual…), as the quote applied them. */
  discounts?: Array<{ source: string; id: string; amount: number; shipping: boolean }>;
  shipping?: { fee: number; discount: number };
  channel?: string | null;
  /** UTM parameters of the visit that placed the order, when the storefront recorded them. */
  utm?: Partial<Record<'source' | 'medium' | 'campaign' | 'term' | 'content', string>> | null;
  placedAt?: string;
  paidAt?: string;
  /** The store-local calendar day of the payment, YYYY-MM-DD (the store's time zone). */
  storeDay?: string;
}

/**
 * What the order's goods were paid in money: the lines' paid amounts (after every discount, points
 * included), or — for an event from before lines carried them — the total less the shipping fee.
 */
export function goodsPaid(e: OrderPaid): number {
  return e.lines.every((l): l is PaidLine => 'paidAmount' in l) ? e.lines.reduce((s, l) => s + (l as PaidLine).paidAmount, 0) : e.total - (e.shipping?.fee ?? 0);
}

/** Money went back: how much, for which units, and what is left paid. */
export interface OrderRefunded extends OrderEventPayload {
  amount: number;
  currency?: string;
  /** Units refunded by line (empty for a refund of money only, such as shipping). */
  refundedLines?: Array<{ lineId: string; quantity: number }>;
  /** Paid less everything refunded so far, after this refund. */
  keptAmount?: number;
  storeDay?: string;
}

export const OrderEvents = {
  placed: defineEvent<OrderEventPayload>('order.placed'),
  paid: defineEvent<OrderPaid>('order.paid'),
  cancelled: defineEvent<OrderEventPayload>('order.cancelled'),
  shipped: defineEvent<OrderEventPayload>('order.shipped'),
  delivered: defineEvent<OrderEventPayload>('order.delivered'),
  completed: defineEvent<OrderEventPayload>('order.completed'),
  refunded: defineEvent<OrderRefunded>('order.refunded'),
};

export const OrderJobs = {
  unpaidTimeout: 'orders.unpaidTimeout',
  autoConfirm: 'orders.autoConfirm',
} as const;

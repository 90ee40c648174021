import type { Minor } from '../../../platform/money.js';
// The pricing module's public face: pure functions only (no I/O), so logic/ may use it.
import { PricingInputError, refundableAmounts, type PriceQuote } from '../../pricing/index.js';

/**
 * What a refund gives back, decided from the order as it is now. Pure: the after-sales service
 * calls it under the order lock, once when a refund is asked for (to check it and show an
 * estimate) and again when it is executed (other refunds may have happened in between).
 *
 * Policy (ADR 0007): goods come back at their allocated line totals (every discount already
 * spread over the units); the shipping fee comes back only when the whole order is refunded
 * before it ships — once the parcel went out, the carrier was paid. A refund before shipment puts
 * the units back on the shelf; after shipment the goods are with the shopper.
 */
export interface OrderSnapshot {
  quote: PriceQuote;
  /** Per order line, units refunded so far. */
  refundedQuantities: ReadonlyMap<string, number>;
  paidAmount: Minor;
  refundedAmount: Minor;
  shipped: boolean;
}

export interface RefundAsk {
  /** Some units of some lines; absent = the whole order (everything not refunded yet). */
  lines?: ReadonlyArray<{ lineId: string; quantity: number }>;
  /** Less than the computed amount (a negotiated refund of these units); absent = the computed amount. */
  amount?: Minor;
}

export interface RefundPlan {
  wholeOrder: boolean;
  lines: Array<{ lineId: string; quantity: number; amount: Minor }>;
  itemsAmount: Minor;
  shippingAmount: Minor;
  /** What the computed lines and shipping are worth. */
  refundable: Minor;
  /** What goes back: `refundable`, or the smaller amount asked for. */
  amount: Minor;
  restock: boolean;
}

export type PlanFailure =
  | { code: 'LINES_INVALID'; reason: string }
  | { code: 'NOTHING_TO_REFUND'; reason: string }
  | { code: 'EXCEEDS_REFUNDABLE'; reason: string; refundable: Minor }
  | { code: 'AMOUNT_NOT_ALLOWED'; reason: string };

export type PlanResult = ({ ok: true } & RefundPlan) | ({ ok: false } & PlanFailure);

/**
 * `held` adds units that other open requests already claim, so two requests cannot ask for the
 * same unit; the execution of a request passes nothing (whichever executes first wins).
 */
export function planRefund(order: OrderSnapshot, ask: RefundAsk, held: ReadonlyMap<string, number> = new Map()): PlanResult {
  const before = (lineId: string) => (order.refundedQuantities.get(lineId) ?? 0) + (held.get(lineId) ?? 0);
  const remaining = order.quote.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity - before(l.lineId) })).filter((l) => l.quantity > 0);
  const asked = ask.lines ?? remaining;
  if (asked.length === 0) return { ok: false, code: 'NOTHING_TO_REFUND', reason: 'every unit of the order is already refunded or requested' };

  let items: ReturnType<typeof refundableAmounts>;
  try {
    items = refundableAmounts(order.quote, asked.map((l) => ({ lineId: l.lineId, quantity: l.quantity, alreadyRefundedQuantity: before(l.lineId) })));
  } catch (err) {
    if (err instanceof PricingInputError) return { ok: false, code: 'LINES_INVALID', reason: err.message };
    throw err;
  }
  // Asking for every unit left is asking for the whole order, shipping included.
  const wholeOrder = remaining.every((r) => asked.some((a) => a.lineId === r.lineId && a.quantity === r.quantity));
  const shippingAmount = wholeOrder && !order.shipped ? order.quote.shippingFee - order.quote.shippingDiscount : 0;
  const refundable = items.total + shippingAmount;
  const left = order.paidAmount - order.refundedAmount;
  if (refundable > left) {
    return { ok: false, code: 'EXCEEDS_REFUNDABLE', reason: `the lines are worth ${refundable}, only ${left} of what was paid is left`, refundable: left };
  }
  let amount = refundable;
  if (ask.amount !== undefined) {
    if (!Number.isSafeInteger(ask.amount) || ask.amount < 1) return { ok: false, code: 'LINES_INVALID', reason: `amount must be an integer ≥ 1, got ${ask.amount}` };
    if (ask.amount > refundable) {
      return { ok: false, code: 'EXCEEDS_REFUNDABLE', reason: `${ask.amount} asked, ${refundable} can be refunded`, refundable };
    }
    if (ask.amount < refundable && wholeOrder) {
      return { ok: false, code: 'AMOUNT_NOT_ALLOWED', reason: 'a whole-order refund gives back everything; refund some lines to give back less' };
    }
    amount = ask.amount;
  }
  if (amount === 0) return { ok: false, code: 'NOTHING_TO_REFUND', reason: 'the units asked for cost nothing' };
  return { ok: true, wholeOrder, lines: items.lines, itemsAmount: items.total, shippingAmount, refundable, amount, restock: !order.shipped };
}

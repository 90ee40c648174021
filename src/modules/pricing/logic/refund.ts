import type { Minor } from '../../../platform/money.js';
import { unitsShare } from './allocation.js';
import { PricingInputError } from './errors.js';
import type { PriceQuote } from './types.js';

export interface RefundRequestLine {
  lineId: string;
  /** Units to refund now. */
  quantity: number;
  /** Units of this line refunded by earlier refunds (0 when absent). */
  alreadyRefundedQuantity?: number;
}

export interface RefundLineAmount {
  lineId: string;
  quantity: number;
  amount: Minor;
}

export interface RefundAmounts {
  lines: RefundLineAmount[];
  total: Minor;
}

/**
 * What to give back for some units of some lines. Each line's `total` (after its share of every
 * discount) is spread over its units exactly; units are refunded in order, so refunding units
 * [already, already + quantity) returns share(already + quantity) − share(already). However the
 * units of a line are split across refunds, the parts add up to exactly the line total — which
 * is why the caller passes how many units were refunded before: a refund on its own cannot know.
 *
 * Shipping is not included: whether the fee comes back is an after-sale policy, not arithmetic.
 */
export function refundableAmounts(quote: PriceQuote, lineQuantities: readonly RefundRequestLine[]): RefundAmounts {
  const byId = new Map(quote.lines.map((line) => [line.lineId, line] as const));
  const seen = new Set<string>();
  const lines = lineQuantities.map((request, i): RefundLineAmount => {
    const at = `lineQuantities[${i}]`;
    const line = byId.get(request.lineId);
    if (!line) throw new PricingInputError('UNKNOWN_LINE', `${at}.lineId`, `no line ${String(request.lineId)} in the quote`);
    if (seen.has(request.lineId)) throw new PricingInputError('INVALID_REFUND', `${at}.lineId`, `line ${request.lineId} listed twice`);
    seen.add(request.lineId);
    const before = request.alreadyRefundedQuantity ?? 0;
    if (!Number.isSafeInteger(request.quantity) || request.quantity < 1) {
      throw new PricingInputError('INVALID_REFUND', `${at}.quantity`, `must be an integer ≥ 1, got ${String(request.quantity)}`);
    }
    if (!Number.isSafeInteger(before) || before < 0) {
      throw new PricingInputError('INVALID_REFUND', `${at}.alreadyRefundedQuantity`, `must be an integer ≥ 0, got ${String(before)}`);
    }
    if (before + request.quantity > line.quantity) {
      throw new PricingInputError(
        'INVALID_REFUND',
        `${at}.quantity`,
        `cannot refund ${request.quantity} more of line ${line.lineId}: ${before} of ${line.quantity} already refunded`,
      );
    }
    const amount = unitsShare(line.total, line.quantity, before + request.quantity) - unitsShare(line.total, line.quantity, before);
    return { lineId: line.lineId, quantity: request.quantity, amount };
  });
  return { lines, total: lines.reduce((a, line) => a + line.amount, 0) };
}

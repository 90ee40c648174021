import type { OrderDetail, Refund } from '../../types';

/**
 * Units of each line that may still be asked for: bought − already refunded − held by an open
 * request. The server is the judge (it recomputes everything); this only bounds the inputs.
 */
export function refundableUnits(order: Pick<OrderDetail, 'lines' | 'refunds'>): Map<string, number> {
  const held = new Map<string, number>();
  for (const r of order.refunds as Refund[]) {
    if (r.status !== 'requested' && r.status !== 'approved') continue;
    for (const l of r.lines) held.set(l.lineId, (held.get(l.lineId) ?? 0) + l.quantity);
  }
  return new Map(order.lines.map((l) => [l.id, Math.max(0, l.quantity - l.refundedQuantity - (held.get(l.id) ?? 0))]));
}

/** Goods value of the chosen units at each line's allocated price (after discounts), in fen. */
export function estimateLinesAmount(order: Pick<OrderDetail, 'lines'>, chosen: Record<string, number | undefined>): number {
  let sum = 0;
  for (const l of order.lines) {
    const q = chosen[l.id] ?? 0;
    if (q > 0 && l.quantity > 0) sum += Math.round((l.total * q) / l.quantity);
  }
  return sum;
}

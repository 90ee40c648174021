import { DAY_MS, HOUR_MS } from './calendar.js';
import type { Rng } from './random.js';
import { REFUND_REASONS_AFTER_DELIVERY, REFUND_REASONS_BEFORE_SHIPMENT } from './vocab/people.js';

/**
 * What will happen to an order, decided when it is placed: paid within minutes or left to time
 * out, shipped, delivered, confirmed, sometimes refunded. Pure; the simulator then plays the
 * steps that fall before "now" through the order state machine, so recent orders are still
 * pending, paid or on their way while old ones are completed.
 */

export type Step =
  | { kind: 'paymentFailed'; at: number }
  | { kind: 'pay'; at: number }
  | { kind: 'cancel'; at: number; by: 'timeout' | 'shopper' }
  | { kind: 'ship'; at: number }
  | { kind: 'deliver'; at: number }
  | { kind: 'confirm'; at: number; by: 'shopper' | 'auto' }
  | { kind: 'refund'; at: number; full: boolean; line: number; reason: string };

export interface Life {
  steps: Step[];
  /** When the shopper opened the pay page (a payment attempt), if they did. */
  paymentStartedAt: number | null;
  /** A declined first attempt before the one that succeeded. */
  failedAttemptAt: number | null;
}

export interface LifeContext {
  unpaidTimeoutMs: number;
  autoConfirmMs: number;
  /** When the warehouse hands a parcel paid at `paidAt` to the carrier (holidays, backlog). */
  shipAt: (paidAt: number, rng: Rng) => number;
}

/** Shares of all orders. */
export const FATE = { cancelled: 0.05, refunded: 0.032, partlyRefunded: 0.012, failedFirstAttempt: 0.03, delivered: 0.93, shopperConfirms: 0.45 };

export function planLife(placedAt: number, lineCount: number, remote: boolean, rng: Rng, ctx: LifeContext): Life {
  const timeout = ctx.unpaidTimeoutMs;
  if (rng.chance(FATE.cancelled)) {
    const byShopper = rng.chance(0.2);
    const at = byShopper ? placedAt + Math.floor(rng.between(0.05, 0.9) * timeout) : placedAt + timeout;
    const opened = rng.chance(0.3) ? placedAt + Math.floor(rng.between(0.02, 0.5) * (at - placedAt)) : null;
    return { steps: [{ kind: 'cancel', at, by: byShopper ? 'shopper' : 'timeout' }], paymentStartedAt: opened, failedAttemptAt: null };
  }
  // Most pay within a minute; some come back to it later (still pending if that is after "now").
  const delay = rng.chance(0.75) ? rng.logNormal(40_000, 0.8) : rng.between(0.07, 0.85) * timeout;
  const paidAt = placedAt + Math.floor(Math.min(timeout - 60_000, Math.max(8_000, delay)));
  const paymentStartedAt = placedAt + Math.floor((paidAt - placedAt) * rng.between(0.1, 0.5));
  const failedAttemptAt = rng.chance(FATE.failedFirstAttempt) ? paymentStartedAt + Math.floor((paidAt - paymentStartedAt) * 0.5) : null;
  const steps: Step[] = [{ kind: 'pay', at: paidAt }];
  if (failedAttemptAt !== null) steps.unshift({ kind: 'paymentFailed', at: failedAttemptAt });

  const shipAt = ctx.shipAt(paidAt, rng);
  const roll = rng.next();
  if (roll < FATE.refunded * 0.35) {
    // Refunded before it left the warehouse: nothing ships.
    steps.push({ kind: 'refund', at: paidAt + Math.floor(rng.between(0.05, 0.9) * (shipAt - paidAt)), full: true, line: -1, reason: rng.pick(REFUND_REASONS_BEFORE_SHIPMENT) });
    return { steps, paymentStartedAt, failedAttemptAt };
  }
  if (roll >= FATE.refunded && roll < FATE.refunded + FATE.partlyRefunded && lineCount > 1) {
    // One line could not be sent or was dropped: refunded, the rest ships.
    steps.push({ kind: 'refund', at: paidAt + Math.floor(rng.between(0.05, 0.9) * (shipAt - paidAt)), full: false, line: rng.int(0, lineCount - 1), reason: 'out_of_stock' });
  }
  steps.push({ kind: 'ship', at: shipAt });
  const transit = rng.between(20, 70) * HOUR_MS + (remote ? rng.between(24, 72) * HOUR_MS : 0);
  const deliveredAt = rng.chance(FATE.delivered) ? shipAt + Math.floor(transit) : null;
  if (deliveredAt !== null) steps.push({ kind: 'deliver', at: deliveredAt });
  const autoAt = shipAt + ctx.autoConfirmMs;
  const shopperAt = deliveredAt !== null && rng.chance(FATE.shopperConfirms) ? deliveredAt + Math.floor(rng.between(2 * HOUR_MS, 3 * DAY_MS)) : null;
  steps.push(shopperAt !== null && shopperAt < autoAt ? { kind: 'confirm', at: shopperAt, by: 'shopper' } : { kind: 'confirm', at: autoAt, by: 'auto' });
  if (roll >= FATE.refunded * 0.35 && roll < FATE.refunded) {
    // Returned after delivery (or after the parcel went quiet): refunded in full.
    const from = deliveredAt ?? shipAt + 3 * DAY_MS;
    steps.push({ kind: 'refund', at: from + Math.floor(rng.between(1, 7) * DAY_MS), full: true, line: -1, reason: rng.pick(REFUND_REASONS_AFTER_DELIVERY) });
  }
  steps.sort((a, b) => a.at - b.at);
  return { steps, paymentStartedAt, failedAttemptAt };
}

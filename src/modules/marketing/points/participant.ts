import type { Kernel } from '../../../platform/kernel.js';
import type { CheckoutParticipant } from '../../checkout/index.js';
import { OrderEvents } from '../../orders/index.js';
import { AppError } from '../../../platform/errors.js';
import { PointsErrors } from './errors.js';
import type { PointsService } from './service.js';

/**
 * Points at checkout: when the shopper asks to pay with points, their balance and the policy become
 * the quote's points offer; the order's transaction debits what the quote used (or refuses the order
 * when another order spent them meanwhile). Payment starts the pending earn, a cancellation returns
 * the points, a refund returns its share and takes its share of what the order earns.
 */
export function pointsParticipant(points: PointsService): CheckoutParticipant {
  return {
    name: 'points',
    async contribute(ask) {
      if (ask.points <= 0) return {};
      if (!ask.customerId) throw new AppError(PointsErrors.POINTS_SIGN_IN);
      const offer = await points.offerFor(ask.customerId);
      return offer ? { points: offer } : {};
    },
    async hold({ orderId, customerId, ask, priced }) {
      await points.redeemFor(orderId, customerId, ask.points, priced.points?.used ?? 0, priced.points?.value ?? 0);
    },
    commit: (e) => points.onPaid(e),
    release: (e) => points.onCancelled(e),
    refund: (e) => points.onRefunded(e),
  };
}

/** An order completed (confirmed by the shopper or automatically): its pending points become spendable. */
export function registerPointsConsumers(k: Kernel, points: PointsService): void {
  k.outbox.subscribe('marketing.points.completed', [OrderEvents.completed], async (e) => points.onCompleted(e.payload));
}

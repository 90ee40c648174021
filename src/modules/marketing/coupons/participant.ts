import type { Kernel } from '../../../platform/kernel.js';
import { CustomerEvents } from '../../customers/index.js';
import type { CouponDistribution } from './distribution.js';
import type { CheckoutParticipant } from '../../checkout/index.js';
import type { CouponService } from './service.js';

/**
 * Coupons at checkout: the codes a shopper chose become rules (refused with a reason when not
 * theirs or not usable); the order's transaction locks the ones its quote used; payment uses them,
 * a cancellation or the unpaid timeout releases them, a full refund may return them (outbox, idempotent).
 */
export function couponsParticipant(coupons: CouponService): CheckoutParticipant {
  return {
    name: 'coupons',
    async contribute(ask) {
      return ask.couponCodes.length ? coupons.rulesFor(ask.customerId, ask.couponCodes) : {};
    },
    async hold({ orderId, customerId, applied }) {
      await coupons.lock(orderId, customerId, applied.map((a) => a.ruleId));
    },
    async commit(e) {
      await coupons.useFor(e.orderId);
    },
    async release(e) {
      await coupons.releaseFor(e.orderId);
    },
    async refund(e) {
      await coupons.refundFor(e.orderId, e.keptAmount);
    },
  };
}

/** A new account gets the new-customer coupon (新人券), if the operator set one (in the delivery's transaction: once). */
export function registerCouponConsumers(k: Kernel, distribution: CouponDistribution): void {
  k.outbox.subscribe('marketing.coupons.new-customer', [CustomerEvents.registered], async (e) => distribution.onRegistered(e.payload.customerId));
}

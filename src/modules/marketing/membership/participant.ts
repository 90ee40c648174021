import type { Kernel } from '../../../platform/kernel.js';
import type { CheckoutParticipant } from '../../checkout/index.js';
import { OrderEvents } from '../../orders/index.js';
import type { MembershipService } from './service.js';

/**
 * Membership at checkout: the shopper's tier for the rules' conditions and member prices, and the
 * tiers' benefits as rules (free shipping, the member-day discount). Holds nothing for an order.
 */
export function membershipParticipant(membership: MembershipService): CheckoutParticipant {
  return {
    name: 'membership',
    async contribute(ask) {
      const rules = await membership.rules();
      if (!ask.customerId) return { rules };
      const [tier, standing] = await Promise.all([membership.effectiveTier(ask.customerId), membership.standing(ask.customerId)]);
      return { rules, context: { tier, newCustomer: !standing.paid } };
    },
  };
}

/** Growth from paid orders (at once, so upgrades are), and back in proportion on refunds. */
export function registerMembershipConsumers(k: Kernel, membership: MembershipService): void {
  k.outbox.subscribe('marketing.membership.paid', [OrderEvents.paid], async (e) => membership.onPaid(e.payload));
  k.outbox.subscribe('marketing.membership.refunded', [OrderEvents.refunded], async (e) => membership.onRefunded(e.payload));
}

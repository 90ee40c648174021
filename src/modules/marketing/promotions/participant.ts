import type { CheckoutParticipant } from '../../checkout/index.js';
import type { PromotionService } from './service.js';

/**
 * Promotions at checkout: every quote gets the running promotions as rules (from the in-process
 * copy: no statement). They hold nothing for an order, so there is no hold, commit or release.
 */
export function promotionsParticipant(promotions: PromotionService): CheckoutParticipant {
  return {
    name: 'promotions',
    async contribute() {
      return { rules: await promotions.rules() };
    },
  };
}

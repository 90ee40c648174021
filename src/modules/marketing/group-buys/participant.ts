import type { Kernel } from '../../../platform/kernel.js';
import type { CheckoutParticipant } from '../../checkout/index.js';
import { GROUP_BUY_CLAIM_KIND, type GroupBuyService } from './service.js';

export const EXPIRE_GROUP_BUY_TEAMS_JOB = 'marketing.group-buys.expire';

/**
 * Group buying at checkout (decision 0041): an order that opens or joins a team (`ask.claim` of kind
 * `groupBuy`) is priced at the group price alone, and its transaction takes the seat under the team's
 * lock — or refuses the order (TEAM_FULL…) with nothing written. Paid: the seat is paid (the team may
 * fill); cancelled or timed out: the seat is freed; refunded in full by after-sales: the paid seat is freed.
 */
export function groupBuyParticipant(groupBuys: GroupBuyService): CheckoutParticipant {
  return {
    name: 'group-buys',
    async contribute(ask) {
      if (ask.claim?.kind !== GROUP_BUY_CLAIM_KIND) return {};
      const unitPrices = await groupBuys.pricesFor(ask.claim.id);
      return unitPrices ? { prices: { unitPrices, alone: true } } : {};
    },
    async hold({ orderId, customerId, ask, priced }) {
      if (ask.claim?.kind !== GROUP_BUY_CLAIM_KIND) return;
      await groupBuys.hold(orderId, customerId, ask.claim.id, priced.quote.lines.map((l) => l.unitPrice));
    },
    commit: (e) => groupBuys.paid(e.orderId),
    release: (e) => groupBuys.cancelled(e.orderId),
    // Money sent back by after-sales frees the paid seat (the team's own refunds change nothing here).
    refund: (e) => groupBuys.refunded(e.orderId),
  };
}

/** Every minute, teams past their deadline close: filled by the house (模拟成团) or failed, every paid member refunded. */
export function registerGroupBuyJobs(k: Kernel, groupBuys: GroupBuyService): void {
  k.recurring.register({
    name: EXPIRE_GROUP_BUY_TEAMS_JOB,
    every: '* * * * *',
    run: async () => {
      const closed = await groupBuys.expireDue();
      if (closed) k.log.info({ closed }, 'group buy teams closed');
    },
  });
}

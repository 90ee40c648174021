import type { Kernel } from '../../../platform/kernel.js';
import type { CheckoutParticipant } from '../../checkout/index.js';
import { FLASH_CLAIM_KIND, type FlashOrders } from './orders.js';
import { FlashSaleEvents } from './events.js';
import type { FlashSaleService } from './service.js';

/**
 * Flash sales at checkout (decision 0040): an order made from a win (`ask.claim` of kind
 * `flashSale`) is priced at the flash price alone — no promotion or coupon beside it — and its
 * transaction takes the claim and moves the carved units to the order (checkout reserves nothing
 * more for them). Paid: the claim is sold; cancelled or timed out: the unit goes back to flash stock.
 */
export function flashSaleParticipant(orders: FlashOrders): CheckoutParticipant {
  return {
    name: 'flash-sales',
    async contribute(ask) {
      if (ask.claim?.kind !== FLASH_CLAIM_KIND) return {};
      const unitPrices = await orders.pricesFor(ask.customerId, ask.claim.id);
      return unitPrices ? { prices: { unitPrices, alone: true } } : {};
    },
    async hold({ orderId, customerId, ask }) {
      if (ask.claim?.kind !== FLASH_CLAIM_KIND) return;
      return { stock: await orders.hold(orderId, customerId, ask.claim.id) };
    },
    commit: (e) => orders.paid(e),
    release: (e) => orders.cancelled(e),
  };
}

export const CLOSE_FLASH_ROUNDS_JOB = 'marketing.flash-sales.close';
/**
 * A shopper waits on a win's order, and it takes well under a second: a runner that died holding it
 * (a crash) delays the order 10 s, not a minute. A second runner meanwhile makes no second order.
 */
const ORDER_LEASE_MS = 10_000;

/**
 * Each win becomes an order through checkout, outside any open transaction (a refusal leaves
 * nothing behind); every minute, rounds that have ended give their unsold carve back to the warehouse.
 */
export function registerFlashSaleConsumers(k: Kernel, flashSales: FlashSaleService): void {
  k.outbox.subscribe('marketing.flash-sales.order', [FlashSaleEvents.claimed], (e) => flashSales.orders.makeOrder(e.payload.claimId), {
    transactional: false,
    leaseMs: ORDER_LEASE_MS,
    // While a crowd presses, its wins' orders wait in the outbox (crowd.ts); other deliveries go on.
    holdWhile: () => flashSales.crowd.pressing(),
  });
  k.recurring.register({
    name: CLOSE_FLASH_ROUNDS_JOB,
    every: '* * * * *',
    run: async () => {
      const closed = await flashSales.closeDue();
      if (closed) k.log.info({ closed }, 'flash sale rounds closed');
    },
  });
}

import type { Kernel } from '../../platform/kernel.js';
import { InventoryEvents, stockTag, type StockChanged } from './events.js';

/** Drops cached responses that show availability of the variants whose stock changed. */
export function registerInventoryConsumers(k: Kernel): void {
  k.outbox.subscribe('inventory.response-cache', [InventoryEvents.stockChanged], async (e) => {
    const { variantIds } = e.payload as StockChanged;
    await k.cache.invalidate(...variantIds.map(stockTag));
  });
}

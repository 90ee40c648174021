import type { Kernel } from '../../platform/kernel.js';
import { CatalogEvents, type VariantsCreated } from '../catalog/index.js';
import { InventoryEvents, stockTag, type StockChanged } from './events.js';
import type { InventoryService } from './service.js';

export function registerInventoryConsumers(k: Kernel, inventory: InventoryService): void {
  // Drops cached responses that show availability of the variants whose stock changed.
  k.outbox.subscribe('inventory.response-cache', [InventoryEvents.stockChanged], async (e) => {
    const { variantIds } = e.payload as StockChanged;
    await k.cache.invalidate(...variantIds.map(stockTag));
  });
  // A new variant gets a stock row at 0 so the stock screen lists it from the start.
  k.outbox.subscribe('inventory.open-stock-rows', [CatalogEvents.variantsCreated], async (e) => {
    await inventory.openStockRows((e.payload as VariantsCreated).variantIds);
  });
}

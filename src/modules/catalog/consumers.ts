import type { Kernel } from '../../platform/kernel.js';
import { OrderEvents } from '../orders/index.js';
import { catalogTags } from './cache-tags.js';
import { CatalogEvents } from './events.js';
import type { CatalogService } from './service.js';

export function registerCatalogConsumers(k: Kernel, catalog: CatalogService): void {
  // Drops cached catalog responses in every process when the catalog changes.
  k.outbox.subscribe(
    'catalog.response-cache',
    [CatalogEvents.productChanged, CatalogEvents.categoryChanged, CatalogEvents.brandChanged],
    async () => {
      await k.cache.invalidate(catalogTags.all);
    },
  );
  // Units sold per product, for the "sales" sort and hot sellers; recorded once per paid order.
  k.outbox.subscribe('catalog.sales-count', [OrderEvents.paid], async (e) => {
    const { lines = [] } = e.payload;
    const byProduct = new Map<string, number>();
    for (const l of lines) byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
    for (const [productId, units] of byProduct) await catalog.addSales(productId, units);
    k.db.afterCommit(() => k.cache.invalidate(catalogTags.sales));
  });
}

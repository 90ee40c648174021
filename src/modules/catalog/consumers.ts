import type { Kernel } from '../../platform/kernel.js';
import { catalogTags } from './cache-tags.js';
import { CatalogEvents } from './events.js';

/** Drops cached catalog responses in every process when the catalog changes. */
export function registerCatalogConsumers(k: Kernel): void {
  k.outbox.subscribe(
    'catalog.response-cache',
    [CatalogEvents.productChanged, CatalogEvents.categoryChanged, CatalogEvents.brandChanged],
    async () => {
      await k.cache.invalidate(catalogTags.all);
    },
  );
}

/** The catalog module's public face: other modules import only from here. */
export { CatalogService, type SellableVariant } from './service.js';
export { CatalogEvents, type ProductChanged, type VariantsCreated } from './events.js';
export { CatalogErrors } from './errors.js';
export { catalogTags } from './cache-tags.js';
export { catalogStoreRoutes, type AvailabilityReader } from './routes.store.js';
export { registerCatalogConsumers } from './consumers.js';
export * as catalogTypes from './types.js';

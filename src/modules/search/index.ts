/** The search module's public face. */
export { SearchService } from './service.js';
export { searchStoreRoutes } from './routes.store.js';

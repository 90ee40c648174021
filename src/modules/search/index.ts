/** The search module's public face. */
export { SEARCH_TAG, SearchService } from './service.js';
export { searchStoreRoutes } from './routes.store.js';

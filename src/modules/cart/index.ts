/** The cart module's public face. */
export { CartService, type CartLine, type CartAccess, type CartRow } from './service.js';
export { CartErrors } from './errors.js';
export { cartStoreRoutes, CART_COOKIE, cartAccessOf, cartItemOf, quoteQuery, type QuoteQuery, type CartPricer } from './routes.store.js';
export { cartView } from './views.js';
export { MAX_LINES, MAX_QUANTITY } from './errors.js';

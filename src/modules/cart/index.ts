/** The cart module's public face. */
export { CartService, type CartLine, type CartAccess, type CartRow } from './service.js';
export { CartErrors } from './errors.js';
export { cartStoreRoutes, CART_COOKIE, cartAccessOf } from './routes.store.js';

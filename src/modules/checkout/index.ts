/** The checkout module's public face. */
export { CheckoutService, type PlaceOrderInput, IDEMPOTENCY_TTL_MS } from './service.js';
export { ShippingMethods, SHIPPING_METHODS_TAG, type AdminShippingMethod } from './shipping-methods.js';
export { CheckoutErrors } from './errors.js';
export { registerCheckoutJobs, EXPIRE_KEYS_JOB } from './jobs.js';
export { checkoutStoreRoutes, type AddressResolver } from './routes.store.js';
export { shippingAdminRoutes } from './routes.admin.js';
export { CheckoutParticipants, type CheckoutParticipant, type CheckoutAsk, type PricingContribution, type HoldRequest, type Contributions } from './participants.js';
export { offersOf } from './offers.js';

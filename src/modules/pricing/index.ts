/**
 * The pricing engine: pure functions, no I/O. Cart, checkout, orders and marketing use it through
 * this file. Slots run in a fixed order (unit price → promotions → coupon → points → manual); the
 * rule layer (logic/rules/) decides which promotions and coupons apply and explains the result.
 */
export * from './logic/pricing.js';
export { offersView, couponCodeInput, pointsInput, type OffersView } from './views.js';

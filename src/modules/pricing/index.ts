/**
 * The pricing engine: pure functions, no I/O. Cart, checkout, orders and (later) promotions use it
 * through this file. Slots run in a fixed order (member price → 满减/满折 → coupon → points → manual).
 */
export * from './logic/pricing.js';

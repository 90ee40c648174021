/** The marketing module's tables, one file per capability. */
export * from './promotions/schema.js';
export * from './coupons/schema.js';
export * from './points/schema.js';
export * from './membership/schema.js';
export * from './campaigns/schema.js';
export * from './referral/schema.js';
export * from './flash-sales/schema.js';
export * from './group-buys/schema.js';

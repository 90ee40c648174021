/** Pages that show claimable coupons (a product page's coupon block) carry this tag: a template change evicts them. */
export const COUPON_TEMPLATES_TAG = 'marketing:coupon-templates';

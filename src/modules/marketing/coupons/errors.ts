import { defineErrors } from '../../../platform/errors.js';

export const CouponErrors = defineErrors({
  COUPON_NOT_CLAIMABLE: { status: 409, en: 'This coupon cannot be claimed now.', zh: '该优惠券当前不可领取。' },
  COUPONS_GONE: { status: 409, en: 'All of these coupons have been claimed.', zh: '该优惠券已被领完。' },
  COUPON_LIMIT_REACHED: { status: 409, en: 'You already hold as many of this coupon as one customer may.', zh: '您已领取该优惠券的上限数量。' },
  COUPON_NOT_USABLE: { status: 409, en: 'Coupon {code} is {status} and cannot be used.', zh: '优惠券 {code} 当前状态为「{statusZh}」，无法使用。' },
  COUPON_SIGN_IN: { status: 401, en: 'Sign in to use coupons.', zh: '请登录后使用优惠券。' },
});

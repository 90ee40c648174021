import { defineErrors } from '../../../platform/errors.js';

export const CouponErrors = defineErrors({
  COUPON_NOT_CLAIMABLE: { status: 409, en: 'This coupon cannot be claimed now.', zh: '该优惠券当前不可领取。' },
  COUPONS_GONE: { status: 409, en: 'All of these coupons have been claimed.', zh: '该优惠券已被领完。' },
  COUPON_LIMIT_REACHED: { status: 409, en: 'You already hold as many of this coupon as one customer may.', zh: '您已领取该优惠券的上限数量。' },
  COUPON_NOT_USABLE: { status: 409, en: 'Coupon {code} is {status} and cannot be used.', zh: '优惠券 {code} 当前状态为「{statusZh}」，无法使用。' },
  COUPON_SIGN_IN: { status: 401, en: 'Sign in to use coupons.', zh: '请登录后使用优惠券。' },
  REDEEM_CODE_UNKNOWN: { status: 404, en: 'No coupon has this code.', zh: '兑换码不存在，请核对后重试。' },
  COUPON_CODE_USED: { status: 409, en: 'This code has already been redeemed.', zh: '该兑换码已被使用。' },
  COUPON_CODE_TAKEN: { status: 409, en: 'Another coupon already has the public code {code}.', zh: '公开券码 {code} 已被其他优惠券使用。' },
  COUPON_CODES_OVER_TOTAL: { status: 409, en: 'Only {left} more coupons of this template can be given; make fewer codes or raise its total.', zh: '该优惠券最多还能发放 {left} 张，请减少兑换码数量或提高发行总量。' },
  COUPONS_NOT_ENOUGH: { status: 409, en: '{asked} customers chosen but only {left} coupons left; nothing was issued.', zh: '选择了 {asked} 位顾客，但仅剩 {left} 张优惠券；未发放任何优惠券。' },
  COUPON_ISSUE_TOO_MANY: { status: 422, en: 'At most {limit} customers at a time.', zh: '每次最多发放给 {limit} 位顾客。' },
  COUPON_TOTAL_BELOW_CLAIMED: { status: 409, en: 'The total cannot be below the {claimed} already given.', zh: '发行总量不能少于已发放的 {claimed} 张。' },
});

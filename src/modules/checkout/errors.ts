import { defineErrors } from '../../platform/errors.js';

export const CheckoutErrors = defineErrors({
  CART_EMPTY: { status: 422, en: 'The cart is empty.', zh: '购物车是空的。' },
  EARLY_ACCESS_ONLY: { status: 403, en: '{itemEn} is an early-access launch for members of certain tiers until {publicAt}; remove it to continue.', zh: '{itemZh} 为会员抢先购商品，{publicAt} 前仅限指定等级会员购买，请移除后继续。' },
  ITEM_UNAVAILABLE: { status: 409, en: '{itemEn} is no longer on sale; remove it to continue.', zh: '{itemZh} 已下架，请移除后继续。' },
  SHIPPING_METHOD_NOT_FOUND: { status: 422, en: 'Shipping method {id} is not available.', zh: '配送方式 {id} 不可用。' },
  ADDRESS_REQUIRED: { status: 422, en: 'A shipping address is required.', zh: '请填写收货地址。' },
  SHIPPING_METHOD_CODE_TAKEN: { status: 409, en: 'A shipping method with code {code} already exists.', zh: '配送方式代码 {code} 已存在。' },
  LAST_SHIPPING_METHOD: { status: 422, en: 'The last active shipping method cannot be deactivated; checkout needs one.', zh: '至少需要保留一个启用的配送方式，无法停用最后一个。' },
  ORDER_TOO_LARGE: {
    status: 422,
    en: 'An order can come to at most {max} (minor units); split it into smaller orders.',
    zh: '单笔订单金额最多为 {max}（分），请拆分为多笔订单。',
  },
  COUPON_CODE_UNKNOWN: { status: 422, en: 'Code {code} is not a coupon you can use.', zh: '优惠码 {code} 无效或不属于您。' },
  CLAIM_UNKNOWN: { status: 409, en: 'What this order was to be made from ({kind}) is no longer held for you.', zh: '此订单所依据的资格（{kind}）已不再为您保留。' },
  PRICING_FAILED: { status: 422, en: 'The order cannot be priced: {reason}', zh: '无法计算订单价格：{reason}' },
});

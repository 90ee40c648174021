import { defineErrors } from '../../../platform/errors.js';

export const FlashSaleErrors = defineErrors({
  FLASH_NOT_STARTED: { status: 409, en: 'This flash sale starts at {startsAt}.', zh: '秒杀尚未开始，开始时间：{startsAtZh}。' },
  FLASH_ENDED: { status: 409, en: 'This flash sale has ended.', zh: '本场秒杀已结束。' },
  FLASH_TOKEN_INVALID: { status: 403, en: 'This buy link is not yours or has expired; open the flash sale page again.', zh: '抢购凭证无效或已过期，请重新进入秒杀页面。' },
  FLASH_SOLD_OUT: { status: 409, en: 'Sold out: every unit of this flash sale has gone.', zh: '已抢光：本场秒杀商品已售罄。' },
  FLASH_LIMIT_REACHED: { status: 409, en: 'You already have as many of this flash sale item as one customer may ({limit}).', zh: '每人限购 {limit} 件，您已达到上限。' },
  FLASH_OVER_LIMIT: { status: 422, en: 'At most {limit} per customer.', zh: '每人限购 {limit} 件。' },
  FLASH_ROUND_NOT_DRAFT: { status: 409, en: 'Only a draft round can be {action}.', zh: '只有草稿状态的场次可以{actionZh}。' },
  FLASH_PRICE_NOT_LOWER: { status: 422, en: 'The flash price of {sku} must be below its price ({price}).', zh: '{sku} 的秒杀价必须低于原价（{price}）。' },
  FLASH_VARIANT_UNAVAILABLE: { status: 422, en: 'SKU {variantId} is not on sale.', zh: 'SKU {variantId} 未在售。' },
  FLASH_ADDRESS_NEEDED: { status: 409, en: 'Add a shipping address before the flash sale: a win becomes an order to your default address at once.', zh: '请先添加收货地址：抢到后将立即按默认地址生成订单。' },
  FLASH_CLAIM_GONE: { status: 409, en: 'This flash sale win already has its order or was given back.', zh: '该秒杀资格已生成订单或已释放。' },
  FLASH_ROUND_STARTED: { status: 409, en: 'This round has started and cannot be cancelled; it closes at its end and gives back what it did not sell.', zh: '场次已开始，无法取消；结束时未售出的库存将自动退回仓库。' },
  FLASH_ROUND_OVER: { status: 409, en: 'This round is already {status}.', zh: '该场次已结束或已取消（{status}）。' },
  FLASH_WINDOW_PAST: { status: 422, en: 'A round must end in the future.', zh: '场次的结束时间必须晚于当前时间。' },
});

import { defineErrors } from '../../platform/errors.js';

export const AfterSaleErrors = defineErrors({
  REFUND_NOT_FOUND: { status: 404, en: 'Refund {id} was not found.', zh: '退款单 {id} 不存在。' },
  REFUND_NOT_PENDING: { status: 409, en: 'Refund {id} was already {status}.', zh: '退款单 {id} 已处理（{status}）。' },
  REFUND_LINES_INVALID: { status: 422, en: 'The refund lines are not valid: {reason}', zh: '退款明细无效：{reason}' },
  NOTHING_TO_REFUND: { status: 422, en: 'There is nothing left to refund: {reason}', zh: '没有可退的金额：{reason}' },
  REFUND_EXCEEDS_REFUNDABLE: {
    status: 422,
    en: 'A refund of {amount} is more than can be refunded ({refundable}); order {number} was paid {paid} and {refunded} is already refunded.',
    zh: '退款 {amount} 超过可退金额（{refundable}）；订单 {number} 实付 {paid}，已退 {refunded}。',
  },
  REFUND_AMOUNT_NOT_ALLOWED: { status: 422, en: 'This amount is not allowed: {reason}', zh: '不允许该金额：{reason}' },
  ORDER_NOT_REFUNDABLE: {
    status: 409,
    en: 'Order {number} is {status}: nothing paid is left to refund.',
    zh: '订单 {number} 当前状态为 {status}，没有可退的已付款项。',
  },
  ORDER_NOT_CANCELLABLE: {
    status: 409,
    en: 'Order {number} is {status}: it has left the warehouse, so it cannot be cancelled; refund it as an after-sale instead.',
    zh: '订单 {number} 当前状态为 {status}，已发货，无法取消；请改为售后退款。',
  },
});

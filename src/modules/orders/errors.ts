import { defineErrors } from '../../platform/errors.js';

export const OrderErrors = defineErrors({
  ORDER_NOT_FOUND: { status: 404, en: 'Order {id} was not found.', zh: '订单 {id} 不存在。' },
  ORDER_STATE_CONFLICT: {
    status: 409,
    en: 'The order is {status}; it cannot be {action} now.',
    zh: '订单当前状态为 {status}，无法执行「{action}」。',
  },
  ORDER_ON_HOLD: { status: 409, en: 'This order may not ship yet: {holdEn}.', zh: '该订单暂不能发货：{holdZh}。' },
  REFUND_INVALID: { status: 422, en: 'The refund is not valid: {reason}', zh: '退款无效：{reason}' },
});

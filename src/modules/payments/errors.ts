import { defineErrors } from '../../platform/errors.js';

export const PaymentErrors = defineErrors({
  PAYMENT_NOT_FOUND: { status: 404, en: 'Payment {id} was not found.', zh: '支付单 {id} 不存在。' },
  PROVIDER_UNAVAILABLE: { status: 422, en: 'Payment provider {provider} is not available.', zh: '支付渠道 {provider} 不可用。' },
  ORDER_NOT_PAYABLE: { status: 409, en: 'This order cannot be paid now (it is {status}).', zh: '该订单当前无法支付（状态：{status}）。' },
  PAYMENT_WINDOW_CLOSED: { status: 409, en: 'The time to pay this order has run out.', zh: '该订单已超过支付时限。' },
  WEBHOOK_SIGNATURE_INVALID: { status: 401, en: 'The webhook signature is missing, wrong or stale.', zh: '回调签名缺失、错误或已过期。' },
  WEBHOOK_PAYLOAD_INVALID: { status: 400, en: 'The webhook payload is not valid: {reason}', zh: '回调内容无效：{reason}' },
  REFUND_EXCEEDS_PAYMENT: { status: 422, en: 'Refunds would exceed what was paid ({paid}).', zh: '退款总额将超过实付金额（{paid}）。' },
});

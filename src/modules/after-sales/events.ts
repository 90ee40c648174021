import { defineEvent } from '../../platform/outbox/events.js';


export interface RefundEventPayload {
  refundId: string;
  orderId: string;
  orderNumber: string;
  amount: number;
  status: string;
}

export const AfterSaleEvents = {
  refundRequested: defineEvent<RefundEventPayload>('after_sale.refund_requested'),
  refundRejected: defineEvent<RefundEventPayload>('after_sale.refund_rejected'),
  refundExecuted: defineEvent<RefundEventPayload>('after_sale.refund_executed'),
};

export const AfterSaleEvents = {
  refundRequested: 'after_sale.refund_requested',
  refundRejected: 'after_sale.refund_rejected',
  refundExecuted: 'after_sale.refund_executed',
} as const;

export interface RefundEventPayload {
  refundId: string;
  orderId: string;
  orderNumber: string;
  amount: number;
  status: string;
}

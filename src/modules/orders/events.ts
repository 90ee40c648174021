export const OrderEvents = {
  placed: 'order.placed',
  paid: 'order.paid',
  cancelled: 'order.cancelled',
  shipped: 'order.shipped',
  delivered: 'order.delivered',
  completed: 'order.completed',
  refunded: 'order.refunded',
} as const;

export interface OrderEventPayload {
  orderId: string;
  number: string;
  customerId: string;
  status: string;
  total: number;
  lines?: Array<{ productId: string; variantId: string; quantity: number }>;
  amount?: number;
}

export const OrderJobs = {
  unpaidTimeout: 'orders.unpaidTimeout',
  autoConfirm: 'orders.autoConfirm',
} as const;

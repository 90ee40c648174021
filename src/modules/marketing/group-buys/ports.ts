import type { PlaceOrderInput } from '../../checkout/index.js';
import type { ShippingAddress } from '../../orders/index.js';

/** What group buys need from other modules, handed in by the composition root (src/app.ts). */
export interface GroupBuyPorts {
  shippingAddress(customerId: string, addressId: string): Promise<ShippingAddress>;
  shippingMethodId(): Promise<string>;
  placeOrder(customerId: string, input: PlaceOrderInput): Promise<{ order: { id: string; number: string; total: number } }>;
  /** Refunds a paid order in full through the payment provider (an intent the outbox executes) and restocks it. */
  refundOrder(orderId: string, reason: string): Promise<void>;
  /** Holds a paid order back from shipping (`groupBuy`) or lets it go (null). */
  holdShipping(orderId: string, hold: string | null): Promise<void>;
  /** Cancels an order if it is still unpaid (its stock released); one paid meanwhile is left alone. */
  cancelOrder(orderId: string, reason: string): Promise<void>;
  /** What each order was paid and refunded. */
  amountsOf(orderIds: string[]): Promise<Array<{ orderId: string; paidAmount: number; refundedAmount: number }>>;
  /** Shoppers' names and contacts (masked here before anyone sees them). */
  profiles(customerIds: string[]): Promise<Map<string, { name: string | null; mobile: string | null; email: string | null }>>;
}

import type { OrderState } from '../../../../../src/web-contract.js';

/** The order states in the order a shipment moves through them, for filters (same list as the server's). */
export const ORDER_STATES: readonly OrderState[] = ['pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'partially_refunded', 'refunded', 'cancelled'];

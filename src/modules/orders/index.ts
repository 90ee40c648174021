/** The orders module's public face. */
export { OrderService, type OrderRow, type OrderLineRow, type NewOrder, type OrderFilter, type PlacedOrder, type OrderTimelineRow } from './service.js';
export type { ShippingAddress } from './schema.js';
export type { CustomerTotals, PaidTotals, RefundTotals } from './stats.js';
export { OrderEvents, OrderJobs, goodsPaid, type OrderEventPayload, type OrderPaid, type OrderRefunded, type PaidLine } from './events.js';
export { OrderErrors } from './errors.js';
export { orderStoreRoutes } from './routes.store.js';
export { orderRef, orderRefParams } from './order-ref.js';
export { registerOrderJobs } from './jobs.js';
export { addressSchema, orderDetailView, orderSummaryView, toOrderDetail, toOrderSummary } from './views.js';
export * from './logic/state-machine.js';

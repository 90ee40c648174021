/** The after-sales module's public face: refunds (requested, approved, executed) and staff cancels. */
export { AfterSalesService, type RefundRow, type RefundInput, type RefundFilter } from './service.js';
export { AfterSaleErrors } from './errors.js';
export { AfterSaleEvents, type RefundEventPayload } from './events.js';
export { REFUND_STATUSES, type RefundStatus } from './schema.js';
export { refundView, toRefundView } from './views.js';
export { afterSalesAdminRoutes } from './routes.admin.js';

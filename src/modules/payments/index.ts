/** The payments module's public face. */
export { PaymentService, type PaymentRow } from './service.js';
export { PaymentErrors } from './errors.js';
export { PaymentEvents, refundIdempotencyKey, type RefundRequested } from './events.js';
export type { PaymentProvider, ProviderWebhookEvent } from './provider.js';
export { SandboxProvider, signSandboxPayload, SIGNATURE_HEADER } from './sandbox-provider.js';
export { SandboxCallbacks, type CallbackTransport } from './sandbox-callbacks.js';
export { paymentStoreRoutes, sandboxPayRoutes } from './routes.store.js';
export { registerPaymentConsumers } from './consumers.js';
export { sandboxStatus, type SandboxStatus, type SandboxExposure } from './logic/sandbox-exposure.js';

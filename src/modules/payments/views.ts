import { z } from 'zod';
import { PAYMENT_STATUSES } from './schema.js';

/** A started payment: where to send the shopper, and until when. Zod only, so the storefront can infer `Payment`. */
export const paymentView = z.object({
  id: z.string(),
  orderId: z.string(),
  provider: z.string(),
  method: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(PAYMENT_STATUSES),
  payUrl: z.string(),
  expiresAt: z.string(),
});

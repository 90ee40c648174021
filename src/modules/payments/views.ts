import { z } from 'zod';

/** A started payment: where to send the shopper, and until when. Zod only, so the storefront can infer `Payment`. */
export const paymentView = z.object({
  id: z.string(),
  orderId: z.string(),
  provider: z.string(),
  method: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'expired']),
  payUrl: z.string(),
  expiresAt: z.string(),
});

import type { Kernel } from '../../platform/kernel.js';
import type { CheckoutService } from './service.js';

export const EXPIRE_KEYS_JOB = 'checkout.expire-idempotency-keys';

/**
 * Idempotency keys past their day are deleted hourly, off the order path: a claim already treats
 * an expired key as absent, so this only keeps the table small.
 */
export function registerCheckoutJobs(k: Kernel, checkout: CheckoutService): void {
  k.recurring.register({
    name: EXPIRE_KEYS_JOB,
    every: '7 * * * *',
    run: async () => {
      const expired = await checkout.expireKeys();
      if (expired) k.log.debug({ expired }, 'expired idempotency keys');
    },
  });
}

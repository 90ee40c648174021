import type { Kernel } from '../../platform/kernel.js';
import type { CouponService } from './coupons/service.js';

export const EXPIRE_COUPONS_JOB = 'marketing.expire-coupons';

/** Coupons past their validity are marked expired every hour at :17 (one runner across processes). */
export function registerMarketingJobs(k: Kernel, coupons: CouponService): void {
  k.recurring.register({
    name: EXPIRE_COUPONS_JOB,
    every: '17 * * * *',
    run: async () => {
      const expired = await coupons.expireDue();
      if (expired) k.log.info({ expired }, 'coupons expired');
    },
  });
}

import type { Kernel } from '../../platform/kernel.js';
import type { CouponService } from './coupons/service.js';
import type { PointsService } from './points/service.js';

export const EXPIRE_COUPONS_JOB = 'marketing.expire-coupons';
export const EXPIRE_POINTS_JOB = 'marketing.expire-points';

/**
 * Coupons past their validity are marked expired every hour at :17; points lots past their date
 * lapse every hour at :23 (each job one runner across processes, each change a ledger row).
 */
export function registerMarketingJobs(k: Kernel, coupons: CouponService, points: PointsService): void {
  k.recurring.register({
    name: EXPIRE_COUPONS_JOB,
    every: '17 * * * *',
    run: async () => {
      const expired = await coupons.expireDue();
      if (expired) k.log.info({ expired }, 'coupons expired');
    },
  });
  k.recurring.register({
    name: EXPIRE_POINTS_JOB,
    every: '23 * * * *',
    run: async () => {
      const expired = await points.expireDue();
      if (expired) k.log.info({ expired }, 'points expired');
    },
  });
}

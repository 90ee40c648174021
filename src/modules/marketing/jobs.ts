import type { Kernel } from '../../platform/kernel.js';
import type { CouponService } from './coupons/service.js';
import type { PointsService } from './points/service.js';
import type { MembershipService } from './membership/service.js';

export const EXPIRE_COUPONS_JOB = 'marketing.expire-coupons';
export const EXPIRE_POINTS_JOB = 'marketing.expire-points';
export const MEMBER_REVIEW_JOB = 'marketing.member-review';
export const BIRTHDAY_GIFTS_JOB = 'marketing.birthday-gifts';

/**
 * Coupons past their validity are marked expired every hour at :17; points lots past their date
 * lapse every hour at :23; tiers are reviewed yearly and birthday gifts given daily (each job one
 * runner across processes, each change a ledger row).
 */
export function registerMarketingJobs(k: Kernel, coupons: CouponService, points: PointsService, membership: MembershipService): void {
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
  // The yearly tier review (保级) at 00:30 on 1 January, and birthday gifts every morning at 08:05, store time.
  k.recurring.register({
    name: MEMBER_REVIEW_JOB,
    every: '30 0 1 1 *',
    run: async () => {
      const reviewed = await membership.review();
      k.log.info({ reviewed }, 'member tiers reviewed');
    },
  });
  k.recurring.register({
    name: BIRTHDAY_GIFTS_JOB,
    every: '5 8 * * *',
    run: async () => {
      const given = await membership.giveBirthdayGifts();
      if (given) k.log.info({ given }, 'birthday gifts given');
    },
  });
}

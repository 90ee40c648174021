import type { Kernel } from '../../platform/kernel.js';
import type { CouponService } from './coupons/service.js';
import type { PointsService } from './points/service.js';
import type { MembershipService } from './membership/service.js';
import type { ReferralService } from './referral/service.js';

export const EXPIRE_COUPONS_JOB = 'marketing.expire-coupons';
export const EXPIRE_POINTS_JOB = 'marketing.expire-points';
export const MEMBER_REVIEW_JOB = 'marketing.member-review';
export const BIRTHDAY_GIFTS_JOB = 'marketing.birthday-gifts';
export const REFERRAL_REWARDS_JOB = 'marketing.referral-rewards';

/**
 * Coupons past their validity are marked expired every hour at :17; points lots past their date
 * lapse every hour at :23; tiers are reviewed yearly and birthday gifts given daily; referrals past
 * their refund window are rewarded hourly (each job one runner across processes, each change a ledger row).
 */
export function registerMarketingJobs(k: Kernel, coupons: CouponService, points: PointsService, membership: MembershipService, referral: ReferralService): void {
  // name, schedule (store time), the work, and what to log when it did something.
  const jobs: Array<[string, string, () => Promise<number>, string, boolean]> = [
    [EXPIRE_COUPONS_JOB, '17 * * * *', () => coupons.expireDue(), 'coupons expired', false],
    [EXPIRE_POINTS_JOB, '23 * * * *', () => points.expireDue(), 'points expired', false],
    // The yearly tier review (保级) at 00:30 on 1 January, logged even when nobody moved.
    [MEMBER_REVIEW_JOB, '30 0 1 1 *', () => membership.review(), 'member tiers reviewed', true],
    [BIRTHDAY_GIFTS_JOB, '5 8 * * *', () => membership.giveBirthdayGifts(), 'birthday gifts given', false],
    // Referrals whose first order has stood its refund window are rewarded hourly at :41.
    [REFERRAL_REWARDS_JOB, '41 * * * *', () => referral.rewardDue(), 'referrals rewarded', false],
  ];
  for (const [name, every, work, said, always] of jobs) {
    k.recurring.register({
      name,
      every,
      run: async () => {
        const count = await work();
        if (count || always) k.log.info({ count }, said);
      },
    });
  }
}

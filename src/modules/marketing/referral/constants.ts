/**
 * A referral's life: bound when the invitee accepts a code (pending), qualified when their first
 * order of at least the policy's minimum is paid, rewarded when that order is past the refund window
 * and not fully refunded (the job), rejected by the self-referral guard or a full refund.
 */
export const REFERRAL_STATES = ['pending', 'qualified', 'rewarded', 'rejected'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** Why a referral was rejected (staff see it; the shopper sees a plain sentence). */
export const REFERRAL_REJECTIONS = ['sameContact', 'sameDevice', 'sameAddress', 'firstOrderRefunded'] as const;
export type ReferralRejection = (typeof REFERRAL_REJECTIONS)[number];

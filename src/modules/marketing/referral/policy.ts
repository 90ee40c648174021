import { z } from 'zod';

const reward = z
  .object({
    points: z.number().int().min(0).max(1_000_000).describe('Points given (0: none)'),
    couponTemplateId: z.uuid().nullable().describe('A coupon of this template given (null: none); the template must exist'),
  })
  .strict();

/**
 * The store's referral policy (邀请有礼), kept in settings: what the inviter and the invitee are
 * given, how long the first order must stand unrefunded, how much it must be, and how many invites
 * of one inviter are rewarded in a month (anti-abuse). Pure: the service reads and stores it.
 */
export const referralPolicy = z
  .object({
    enabled: z.boolean().describe('Codes may be accepted and rewards given at all'),
    inviter: reward.describe('What the customer who invited is given'),
    invitee: reward.describe('What the invited customer is given'),
    refundWindowDays: z.number().int().min(0).max(90).describe('Days the first order must stand after payment, not fully refunded, before anyone is rewarded'),
    minFirstOrder: z.number().int().min(0).max(100_000_000).describe('The least a first order must be paid to count, in minor units'),
    monthlyLimit: z.number().int().min(0).max(10_000).describe('Invites of one inviter rewarded per calendar month, store time (0: no limit); past it only the invitee is rewarded'),
  })
  .strict();
export type ReferralPolicy = z.infer<typeof referralPolicy>;

/** The policy as answered: as wide as anything stored. */
export const referralPolicyView = z.object({
  enabled: z.boolean(),
  inviter: z.object({ points: z.number().int(), couponTemplateId: z.string().nullable() }),
  invitee: z.object({ points: z.number().int(), couponTemplateId: z.string().nullable() }),
  refundWindowDays: z.number().int(),
  minFirstOrder: z.number().int(),
  monthlyLimit: z.number().int(),
});

/**
 * What a store starts with: 500 points for the inviter and 200 for the friend, once the friend's
 * first order has stood 7 days (the after-sales window most shops promise; the store has no setting
 * of its own for it), any amount, at most 20 rewarded invites a month.
 */
export const DEFAULT_REFERRAL_POLICY: ReferralPolicy = {
  enabled: true,
  inviter: { points: 500, couponTemplateId: null },
  invitee: { points: 200, couponTemplateId: null },
  refundWindowDays: 7,
  minFirstOrder: 0,
  monthlyLimit: 20,
};

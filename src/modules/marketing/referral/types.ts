import { z } from 'zod';
import { REFERRAL_REJECTIONS, REFERRAL_STATES } from './constants.js';

const int = z.number().int();
const state = z.enum(REFERRAL_STATES);
const reason = z.enum(REFERRAL_REJECTIONS).nullable();
const counts = z.object({ pending: int, qualified: int, rewarded: int, rejected: int });
const rewardView = z.object({ points: int, couponTemplateId: z.string().nullable(), couponName: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable().describe('The coupon template’s name in both languages') });

/** Codes are read aloud and typed: 4–16 of the coupon alphabet's letters and digits, any case. */
export const referralCode = z
  .string()
  .trim()
  .min(4)
  .max(16)
  .regex(/^[0-9A-Za-z]+$/, 'letters and digits')
  .transform((s) => s.toUpperCase())
  .describe('An invite code, as shown on the inviter’s invite page');

export const acceptInput = z.object({ code: referralCode }).strict();

export const referralMine = z.object({
  code: z.string(),
  link: z.string().describe('The invite link: absolute when the store’s PUBLIC_URL is set, else a path'),
  invited: counts.describe('Friends who accepted, by state'),
  rewards: z.object({ points: int.describe('Points earned by invites'), coupons: int.describe('Coupons earned by invites') }),
  recent: z
    .array(z.object({ who: z.string().describe('The friend, masked: 138****0000, l***@example.com or 张*'), state, reason, boundAt: z.string(), settledAt: z.string().nullable() }))
    .describe('The 20 friends who accepted last, newest first'),
  rules: z.object({ enabled: z.boolean(), inviter: rewardView, invitee: rewardView, refundWindowDays: int, minFirstOrder: int, monthlyLimit: int }),
});
export type ReferralMine = z.infer<typeof referralMine>;

export const referralInvite = z.object({
  code: z.string(),
  inviter: z.string().describe('Who invites, masked'),
  invitee: rewardView.describe('What the friend will be given'),
  refundWindowDays: int,
  minFirstOrder: int,
});
export type ReferralInvite = z.infer<typeof referralInvite>;

export const acceptedView = z.object({ state, reason, inviter: z.string() });

export const referralView = z.object({
  id: z.string(),
  code: z.string(),
  inviter: z.object({ id: z.string(), label: z.string() }),
  invitee: z.object({ id: z.string(), label: z.string() }),
  state,
  reason,
  boundAt: z.string(),
  firstOrderId: z.string().nullable(),
  firstPaidAt: z.string().nullable(),
  firstPaidTotal: int.nullable(),
  settledAt: z.string().nullable(),
  inviterPoints: int,
  inviterCouponId: z.string().nullable(),
  inviterCapped: z.boolean(),
  inviteePoints: int,
  inviteeCouponId: z.string().nullable(),
});
export type ReferralView = z.infer<typeof referralView>;

export const referralListQuery = z.object({
  state: state.optional().describe('Only referrals in this state'),
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size (1–100)'),
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page of the same list'),
});

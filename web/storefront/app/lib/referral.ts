import type { TFunction } from 'i18next';
import type { Locale } from '../i18n';
import { pick } from './locale';

/** What one side of an invite is given (the API's referral rules). */
export type InviteReward = { points: number; couponTemplateId: string | null; couponName: { 'zh-CN': string; en: string } | null };

/** What a friend's code offers (GET /api/store/referral/codes/:code). */
export interface InviteOffer {
  code: string;
  inviter: string;
  invitee: InviteReward;
  refundWindowDays: number;
  minFirstOrder: number;
}

/** "200 积分和优惠券「新人券」" / "200 points and the coupon “Welcome”". */
export function rewardText(r: InviteReward, locale: Locale, t: TFunction): string {
  const parts: string[] = [];
  if (r.points > 0) parts.push(t('invite.points', { points: r.points }));
  if (r.couponName) parts.push(t('invite.coupon', { name: pick(r.couponName, locale) }));
  return parts.length ? parts.join(t('invite.and')) : t('invite.nothing');
}

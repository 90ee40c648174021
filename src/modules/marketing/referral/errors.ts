import { defineErrors } from '../../../platform/errors.js';

export const ReferralErrors = defineErrors({
  REFERRAL_CODE_UNKNOWN: { status: 404, en: 'No invite has this code.', zh: '邀请码不存在，请核对后重试。' },
  REFERRAL_OWN_CODE: { status: 422, en: 'This is your own invite code.', zh: '不能使用自己的邀请码。' },
  REFERRAL_ALREADY_BOUND: { status: 409, en: 'You have already accepted an invite.', zh: '您已接受过邀请。' },
  REFERRAL_TOO_LATE: { status: 409, en: 'An invite can be accepted only within {minutes} minutes of creating the account.', zh: '邀请码须在注册后 {minutes} 分钟内使用。' },
  REFERRAL_OFF: { status: 409, en: 'This store has no invite rewards now.', zh: '本店当前未开启邀请有礼。' },
  REFERRAL_COUPON_UNKNOWN: { status: 422, en: 'Coupon template {id} does not exist.', zh: '优惠券模板 {id} 不存在。' },
});

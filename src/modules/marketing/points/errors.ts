import { defineErrors } from '../../../platform/errors.js';

export const PointsErrors = defineErrors({
  POINTS_INSUFFICIENT: { status: 409, en: 'Not enough points: {points} are needed.', zh: '积分不足：需要 {points} 积分。' },
  CHECKED_IN_TODAY: { status: 409, en: 'You have already checked in today; come back tomorrow.', zh: '今天已签到，明天再来吧。' },
  CHECK_IN_OFF: { status: 409, en: 'This store has no daily check-in.', zh: '本店未开启每日签到。' },
  POINTS_SIGN_IN: { status: 401, en: 'Sign in to pay with points.', zh: '请登录后使用积分。' },
});

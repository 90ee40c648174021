import { CoreErrors, defineErrors } from '../../platform/errors.js';

export const CustomerErrors = {
  INVALID_CREDENTIALS: CoreErrors.INVALID_CREDENTIALS,
  ...defineErrors({
    EMAIL_TAKEN: { status: 409, en: 'An account with this email already exists.', zh: '该邮箱已注册。' },
    MOBILE_TAKEN: { status: 409, en: 'An account with this mobile number already exists.', zh: '该手机号已注册。' },
    WRONG_PASSWORD: { status: 422, en: 'The current password is incorrect.', zh: '当前密码不正确。' },
    RESET_CODE_INVALID: {
      status: 400,
      en: 'The verification code is wrong or has expired; request a new one.',
      zh: '验证码错误或已过期，请重新获取。',
    },
    ADDRESS_NOT_FOUND: { status: 404, en: 'Address {id} was not found.', zh: '收货地址 {id} 不存在。' },
    ADDRESS_LIMIT: { status: 422, en: 'You can keep at most {max} addresses.', zh: '最多只能保存 {max} 个收货地址。' },
    REGION_INVALID: {
      status: 422,
      en: 'The region is not valid: {detail}.',
      zh: '所选地区无效：{detail}。',
    },
    REGION_NOT_FOUND: { status: 404, en: 'Region {code} was not found.', zh: '地区 {code} 不存在。' },
  }),
};

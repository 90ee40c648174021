import { defineErrors } from '../../../platform/errors.js';

export const MembershipErrors = defineErrors({
  BIRTHDAY_SET: { status: 409, en: 'Your birthday is already set ({birthday}); ask customer service to correct it.', zh: '生日已设置（{birthday}），如需更正请联系客服。' },
});

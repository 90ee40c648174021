import { CoreErrors, defineErrors } from '../../platform/errors.js';

export const StaffErrors = {
  INVALID_CREDENTIALS: CoreErrors.INVALID_CREDENTIALS,
  ...defineErrors({
    STAFF_NOT_FOUND: { status: 404, en: 'Staff member {id} was not found.', zh: '员工 {id} 不存在。' },
    STAFF_EMAIL_TAKEN: { status: 409, en: 'A staff member with the email {email} already exists.', zh: '邮箱 {email} 已被其他员工使用。' },
    LAST_ADMIN: {
      status: 422,
      en: 'The store needs at least one active admin; make someone else admin first.',
      zh: '店铺至少需要一名启用的管理员，请先将其他员工设为管理员。',
    },
    DEAD_EVENT_NOT_FOUND: { status: 404, en: 'No dead delivery of event {id} was found.', zh: '未找到事件 {id} 的失败投递。' },
  }),
};

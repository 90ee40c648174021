import type { ApiError } from '../../../shared/api';

/** Form fields as trimmed strings (FormData values may be files or missing). */
export function fields(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = form.get(n);
    out[n] = typeof v === 'string' ? v.trim() : '';
  }
  return out;
}

export const MOBILE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What is wrong with a form, by field name: dictionary keys (`form.*`), translated where they are
 * shown, so the same check gives Chinese or English next to the field. The checks run in the
 * action on the server (a form posted without JavaScript gets the page back with the messages) and,
 * with JavaScript, before the form is sent (useFormCheck). The API stays the authority: what it
 * refuses comes back through problemFieldErrors().
 */
export type FieldErrors = Record<string, string>;

export type Check = (f: Record<string, string>) => FieldErrors;
const only = (errors: Record<string, string | false | undefined>): FieldErrors =>
  Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => typeof e[1] === 'string'));

const identifier = (v: string) => (!v ? 'form.identifierRequired' : EMAIL.test(v) || MOBILE.test(v.replace(/[\s-]/g, '').replace(/^\+?86/, '')) ? false : 'form.identifierInvalid');
const newPassword = (v: string) => (!v ? 'form.passwordRequired' : v.length < 8 ? 'form.passwordShort' : v.length > 128 ? 'form.passwordLong' : false);

export const checks = {
  login: ((f) => only({ identifier: !f.identifier && 'form.identifierRequired', password: !f.password && 'form.passwordRequired' })) as Check,
  register: ((f) => only({ identifier: identifier(f.identifier), password: newPassword(f.password), name: f.name.length > 60 && 'form.nameLong' })) as Check,
  resetRequest: ((f) => only({ identifier: identifier(f.identifier) })) as Check,
  resetConfirm: ((f) => only({ code: !/^\d{6}$/.test(f.code) && 'form.codeInvalid', newPassword: newPassword(f.newPassword) })) as Check,
  changePassword: ((f) => only({ currentPassword: !f.currentPassword && 'form.passwordRequired', newPassword: newPassword(f.newPassword) })) as Check,
  address: ((f) =>
    only({
      recipient: !f.recipient && 'form.recipientRequired',
      mobile: !MOBILE.test(f.mobile) && 'form.mobileInvalid',
      province: !f.province && 'form.provinceRequired',
      city: !f.city && 'form.cityRequired',
      district: !f.district && 'form.districtRequired',
      detail: !f.detail && 'form.detailRequired',
    })) as Check,
};
export type FormName = keyof typeof checks;

/** The fields each check reads (what the browser side takes out of the form). */
export const checkedFields: Record<FormName, readonly string[]> = {
  login: ['identifier', 'password'],
  register: ['identifier', 'password', 'name'],
  resetRequest: ['identifier'],
  resetConfirm: ['code', 'newPassword'],
  changePassword: ['currentPassword', 'newPassword'],
  address: ['recipient', 'mobile', 'province', 'city', 'district', 'detail'],
};

/** The message for a field the API refused (its own text is English and technical). */
const REFUSED: Record<string, string> = {
  identifier: 'form.identifierInvalid',
  password: 'form.passwordShort',
  newPassword: 'form.passwordShort',
  currentPassword: 'form.passwordRequired',
  name: 'form.nameLong',
  code: 'form.codeInvalid',
  recipient: 'form.recipientRequired',
  mobile: 'form.mobileInvalid',
  province: 'form.provinceRequired',
  city: 'form.cityRequired',
  district: 'form.districtRequired',
  detail: 'form.detailRequired',
};

/**
 * The API's field errors (problem+json `errors[].path`, e.g. `mobile`, `address.districtCode`) on
 * the form's fields: `names` maps an API field to the form's (`recipientName` → `recipient`); the
 * last path segment is tried as is. A region the API refuses lands on the district picker.
 */
export function problemFieldErrors(err: ApiError, names: Record<string, string> = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const e of err.problem.errors ?? []) {
    const last = e.path.split('.').pop() ?? '';
    const field = names[e.path] ?? names[last] ?? last;
    if (REFUSED[field] && !out[field]) out[field] = REFUSED[field];
  }
  if (err.problem.code === 'REGION_INVALID' && !out.district) out.district = 'form.districtRequired';
  return out;
}

/** The API names of the address fields, as the forms name them. */
export const ADDRESS_API_NAMES: Record<string, string> = {
  recipientName: 'recipient',
  provinceCode: 'province',
  cityCode: 'city',
  districtCode: 'district',
};

/** Sign-up sends the identifier as `email` or `mobile`. */
export const REGISTER_API_NAMES: Record<string, string> = { email: 'identifier', mobile: 'identifier' };

import { z } from 'zod';
import { page } from '../../platform/http/pagination.js';
import { LOCALES } from '../../platform/i18n.js';

/** Zod shapes for the customers API: they validate requests and produce the OpenAPI document. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const email = z.string().trim().toLowerCase().max(254).check(z.email()).describe('Email address');
export const mobile = z.string().trim().regex(MOBILE_PATTERN, 'a China mainland mobile number (11 digits, 1[3-9]…)');
export const password = z.string().min(8, 'at least 8 characters').max(128);
export const locale = z.enum(LOCALES);
export const channel = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{1,40}$/, 'letters, digits, dot, dash or underscore')
  .describe('Acquisition channel: organic, sem, seo, email, kol, livestream, short_video, referral, …');

/** Sign-in and reset name the account by `identifier` (email or mobile), or by `email` / `mobile`. */
export const identifierFields = {
  identifier: z.string().trim().min(1).max(254).optional().describe('Email or mobile number'),
  email: email.optional(),
  mobile: mobile.optional(),
};
export type IdentifierInput = { identifier?: string; email?: string; mobile?: string };
const oneIdentifier = (v: IdentifierInput) => [v.identifier, v.email, v.mobile].filter(Boolean).length === 1;
const oneIdentifierIssue = { message: 'give exactly one of identifier, email or mobile', path: ['identifier'] };

export type Identifier = { kind: 'email' | 'mobile'; value: string };

/** The account an input names, or null when it cannot name one (it then matches no account). */
export function resolveIdentifier(v: IdentifierInput): Identifier | null {
  if (v.email) return { kind: 'email', value: v.email };
  if (v.mobile) return { kind: 'mobile', value: v.mobile };
  const raw = (v.identifier ?? '').trim();
  if (raw.includes('@')) return { kind: 'email', value: raw.toLowerCase() };
  const digits = raw.replace(/^\+?86[\s-]?/, '').replace(/[\s-]/g, '');
  return MOBILE_PATTERN.test(digits) ? { kind: 'mobile', value: digits } : null;
}

export const registerInput = z
  .object({
    email: email.optional(),
    mobile: mobile.optional(),
    password,
    name: z.string().trim().min(1).max(60).optional(),
    locale: locale.optional().describe('Preferred language; defaults to Accept-Language'),
    channel: channel.optional(),
    utm_source: channel.optional().describe('Used as the acquisition channel when `channel` is absent'),
  })
  .refine((v) => Boolean(v.email || v.mobile), { message: 'email or mobile is required', path: ['email'] });
export type RegisterInput = z.infer<typeof registerInput>;

export const loginInput = z.object({ ...identifierFields, password: z.string().min(1).max(128) }).refine(oneIdentifier, oneIdentifierIssue);
export const resetRequestInput = z.object(identifierFields).refine(oneIdentifier, oneIdentifierIssue);
export const resetConfirmInput = z
  .object({ ...identifierFields, code: z.string().regex(/^\d{6}$/, '6 digits'), newPassword: password })
  .refine(oneIdentifier, oneIdentifierIssue);
export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(128), newPassword: password });
export const profilePatch = z.object({ name: z.string().trim().min(1).max(60).nullable().optional(), locale: locale.optional() });

export const customerView = z.object({
  id: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  name: z.string().nullable(),
  locale,
  acquisitionChannel: z.string().nullable(),
  createdAt: z.string(),
});
export type CustomerView = z.infer<typeof customerView>;
export const authResult = z.object({
  token: z.string().describe('Session token for `Authorization: Bearer` (also set as the sk_session cookie)'),
  csrfToken: z.string().describe('Send as X-CSRF-Token on unsafe requests authenticated by the cookie'),
  customer: customerView,
});

const code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`), `${digits} digits`);
export const addressInput = z.object({
  recipientName: z.string().trim().min(1).max(40),
  mobile,
  provinceCode: code(2).describe('GB/T 2260 province code, e.g. 44'),
  cityCode: code(4).describe('GB/T 2260 city code, e.g. 4403'),
  districtCode: code(6).describe('GB/T 2260 district code, e.g. 440305'),
  detail: z.string().trim().min(2).max(200).describe('Street, building, room'),
  postalCode: code(6).nullable().optional(),
  isDefault: z.boolean().optional(),
});
export type AddressInput = z.infer<typeof addressInput>;
export const addressPatch = addressInput.partial();
export type AddressPatch = z.infer<typeof addressPatch>;
const regionNames = z.object({ 'zh-CN': z.string(), en: z.string() });
export const addressView = z.object({
  id: z.string(),
  recipientName: z.string(),
  mobile: z.string(),
  provinceCode: z.string(),
  provinceName: z.string().describe('Official Chinese name (as on a parcel); `region` has both languages'),
  cityCode: z.string(),
  cityName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  region: regionNames.describe('Province, city and district as written in an address: 广东省深圳市南山区 / Nanshan District, Shenzhen, Guangdong'),
  detail: z.string(),
  postalCode: z.string().nullable(),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AddressView = z.infer<typeof addressView>;
export const regionView = z.object({
  code: z.string().describe('GB/T 2260 code'),
  name: z.string().describe("In the request's language (`?lang=`, else Accept-Language; Chinese by default)"),
  names: regionNames.describe('Both languages: 深圳市 / Shenzhen'),
});
export const regionDetailView = regionView.extend({
  parentCode: z.string().nullable(),
  fullName: regionNames.describe('With the regions above it, as written in an address: 广东省深圳市南山区 / Nanshan District, Shenzhen, Guangdong'),
});

const customerOrderView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  currency: z.string(),
  total: z.number().int(),
  paidAmount: z.number().int(),
  refundedAmount: z.number().int(),
  itemCount: z.number().int(),
  channel: z.string().nullable(),
  placedAt: z.string(),
  paidAt: z.string().nullable(),
});

/** One customer for staff: profile, addresses, totals and a page of their orders. */
export const customerDetail = customerView.extend({
  addresses: z.array(addressView),
  stats: z.object({
    orderCount: z.number().int().describe('Orders placed, in any state'),
    paidOrderCount: z.number().int(),
    totalSpent: z.number().int().describe('Paid minus refunded over paid orders, in minor units of `currency`'),
    currency: z.string(),
  }),
  orders: page(customerOrderView).describe('Their orders, newest first; page on with ordersCursor'),
});

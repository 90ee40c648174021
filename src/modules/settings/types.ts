import { z } from 'zod';
import { canonicalTimeZone } from '../../platform/settings/store-timezone.js';
import { homeBannerPatch, homeBannerView, plainText } from './home-banner.js';

/** Zod shapes for the store settings API: they validate requests and produce the OpenAPI document. */
export const storeName = z
  .object({ 'zh-CN': plainText(60).pipe(z.string().min(1)), en: plainText(60).pipe(z.string().min(1)) })
  .strict()
  .describe('The store’s name in both languages (storefront header, page titles, link previews, messages)');

export const timeZone = z
  .string()
  .max(64)
  .transform((tz, ctx) => {
    const canonical = canonicalTimeZone(tz);
    if (canonical === null) {
      ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Asia/Shanghai' });
      return z.NEVER;
    }
    return canonical;
  })
  .describe('IANA time zone of the store day (today’s figures, order numbers, date filters, exports)');

export const UNPAID_TIMEOUT_RANGE = { min: 5, max: 24 * 60 } as const;
export const AUTO_CONFIRM_RANGE = { min: 1, max: 30 } as const;

export const settingsPatch = z
  .object({
    name: storeName,
    timezone: timeZone,
    unpaidTimeoutMinutes: z.number().int().min(UNPAID_TIMEOUT_RANGE.min).max(UNPAID_TIMEOUT_RANGE.max)
      .describe('Unpaid orders are cancelled this many minutes after they are placed (5–1440); applies to orders placed from now on'),
    autoConfirmDays: z.number().int().min(AUTO_CONFIRM_RANGE.min).max(AUTO_CONFIRM_RANGE.max)
      .describe('Receipt is confirmed automatically this many days after shipment (1–30); applies to shipments from now on'),
    homeBanner: homeBannerPatch,
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsView = z.object({
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  timezone: z.string(),
  unpaidTimeoutMinutes: z.number().int(),
  autoConfirmDays: z.number().int(),
  currency: z.string().describe('ISO 4217; CNY'),
  homeBanner: homeBannerView,
  defaults: z
    .object({ timezone: z.string(), unpaidTimeoutMinutes: z.number().int(), autoConfirmDays: z.number().int() })
    .describe('What the environment gives when nothing was saved (STORE_TIMEZONE, UNPAID_TIMEOUT_MINUTES, AUTO_CONFIRM_DAYS)'),
});
export type StoreSettings = z.infer<typeof settingsView>;

/** How the store takes payments, as far as staff must know: the sandbox marks orders paid with no money. */
export const paymentSandboxView = z
  .object({
    enabled: z.boolean().describe('The sandbox payment provider is on (PAYMENT_SANDBOX)'),
    exposures: z
      .array(z.enum(['public-url', 'real-provider']))
      .describe('Why it needs attention: PUBLIC_URL is a public address, or a real provider is configured beside it'),
  })
  .describe('The console shows a "sandbox payments" badge while enabled');
export type PaymentSandboxView = z.infer<typeof paymentSandboxView>;
/** The settings as staff read them: the stored settings and how the process runs. */
export const adminSettingsView = settingsView.extend({ paymentSandbox: paymentSandboxView });
export type AdminStoreSettings = z.infer<typeof adminSettingsView>;

export const storeInfoView = z.object({
  name: z.object({ 'zh-CN': z.string(), en: z.string() }),
  currency: z.string(),
  timezone: z.string(),
  homeBanner: homeBannerView.describe('The home page banner per language (image: an uploaded media asset, or null)'),
});
export type StoreInfo = z.infer<typeof storeInfoView>;

import type { Kernel } from '../../platform/kernel.js';
import type { Localized } from '../../platform/i18n.js';
import { DEFAULT_CURRENCY } from '../../platform/money.js';
import { STORE_SETTINGS_TAG, STORE_TIMEZONE_KEY, isTimeZone } from '../../platform/settings/store-timezone.js';
import { AppError, CoreErrors } from '../../platform/errors.js';
import type { SettingsPatch, StoreSettings } from './types.js';
import { applyBannerPatch, storedHomeBanner, type BannerImage } from './home-banner.js';

/**
 * The `k.settings` keys. The orders service reads the two `orders.*` keys itself on every order
 * and shipment, so a change applies to the next one in every process without a restart.
 */
export const SettingKeys = {
  name: 'store.name',
  timezone: STORE_TIMEZONE_KEY,
  unpaidTimeoutMinutes: 'orders.unpaidTimeoutMinutes',
  autoConfirmDays: 'orders.autoConfirmDays',
  homeBanner: 'store.homeBanner',
} as const satisfies Record<keyof SettingsPatch, string>;

/** What the storefront called itself before the name was a setting. */
export const DEFAULT_STORE_NAME: Localized = { 'zh-CN': '掌柜商城', en: 'Shopkeeper Store' };

/** What the settings need from other modules (wired in app.ts). */
export interface SettingsDeps {
  /** An uploaded image's URL and size, or null when no such image exists (the media module). */
  imageOf: (id: string) => Promise<BannerImage | null>;
}

/** Store-wide settings staff can change at run time; the environment gives the defaults. */
export class StoreSettingsService {
  constructor(
    private readonly k: Kernel,
    private readonly deps: SettingsDeps,
  ) {}

  /** The store's name in one language, as saved now (e-mails and messages). */
  async name(locale: 'zh-CN' | 'en'): Promise<string> {
    return ((await this.k.settings.get<Localized>(SettingKeys.name)) ?? DEFAULT_STORE_NAME)[locale];
  }

  /** The settings as stored now (read from the database, not this process's memory). */
  async get(): Promise<StoreSettings> {
    const s = this.k.settings;
    const c = this.k.config;
    // One after another: inside a transaction they share one connection.
    const name = await s.get<Localized>(SettingKeys.name);
    const timezone = await s.get<string>(SettingKeys.timezone);
    const unpaid = await s.get<number>(SettingKeys.unpaidTimeoutMinutes);
    const autoConfirm = await s.get<number>(SettingKeys.autoConfirmDays);
    const banner = await s.get<unknown>(SettingKeys.homeBanner);
    return {
      name: name ?? DEFAULT_STORE_NAME,
      timezone: isTimeZone(timezone) ? timezone : c.storeTimezone,
      unpaidTimeoutMinutes: unpaid ?? c.unpaidTimeoutMinutes,
      autoConfirmDays: autoConfirm ?? c.autoConfirmDays,
      currency: DEFAULT_CURRENCY,
      homeBanner: storedHomeBanner(banner),
      defaults: { timezone: c.storeTimezone, unpaidTimeoutMinutes: c.unpaidTimeoutMinutes, autoConfirmDays: c.autoConfirmDays },
    };
  }

  /**
   * Saves the given fields inside the caller's transaction. Once it commits, this process uses
   * the new time zone at once and the `store-settings` invalidation tells the others (and drops
   * the cached store info). Values equal to the current ones are not written.
   */
  async update(patch: SettingsPatch): Promise<{ before: StoreSettings; after: StoreSettings; changed: boolean }> {
    const before = await this.get();
    // The banner patch names images by id and may touch one field of one language: work out the whole value first.
    const values: { [K in keyof SettingsPatch]: unknown } = { ...patch };
    if (patch.homeBanner) {
      const { next, unknownImages } = await applyBannerPatch(before.homeBanner, patch.homeBanner, this.deps.imageOf);
      if (unknownImages.length) {
        throw new AppError(CoreErrors.VALIDATION_FAILED, { summary: `${unknownImages.join(', ')}: no uploaded image has this id` });
      }
      values.homeBanner = next;
    }
    const changes = (Object.keys(SettingKeys) as Array<keyof SettingsPatch>).filter(
      (key) => values[key] !== undefined && !same(values[key], before[key]),
    );
    for (const key of changes) await this.k.settings.set(SettingKeys[key], values[key]);
    if (changes.length === 0) return { before, after: before, changed: false };
    const after = await this.get();
    this.k.db.afterCommit(async () => {
      if (changes.includes('timezone')) this.k.timezone.changed(after.timezone);
      await this.k.cache.invalidate(STORE_SETTINGS_TAG);
    });
    return { before, after, changed: true };
  }
}

/** Equal settings values, objects compared key by key whatever their order (jsonb does not keep it). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((key) => same(x[key], y[key]));
  }
  return a === b;
}

import type { Kernel } from '../../platform/kernel.js';
import type { Localized } from '../../platform/i18n.js';
import { DEFAULT_CURRENCY } from '../../platform/money.js';
import { STORE_SETTINGS_TAG, STORE_TIMEZONE_KEY, isTimeZone } from '../../platform/settings/store-timezone.js';
import type { SettingsPatch, StoreSettings } from './types.js';

/**
 * The `k.settings` keys. The orders service reads the two `orders.*` keys itself on every order
 * and shipment, so a change applies to the next one in every process without a restart.
 */
export const SettingKeys = {
  name: 'store.name',
  timezone: STORE_TIMEZONE_KEY,
  unpaidTimeoutMinutes: 'orders.unpaidTimeoutMinutes',
  autoConfirmDays: 'orders.autoConfirmDays',
} as const satisfies Record<keyof SettingsPatch, string>;

export const DEFAULT_STORE_NAME: Localized = { 'zh-CN': '掌柜', en: 'Shopkeeper' };

/** Store-wide settings staff can change at run time; the environment gives the defaults. */
export class StoreSettingsService {
  constructor(private readonly k: Kernel) {}

  /** The settings as stored now (read from the database, not this process's memory). */
  async get(): Promise<StoreSettings> {
    const s = this.k.settings;
    const c = this.k.config;
    // One after another: inside a transaction they share one connection.
    const name = await s.get<Localized>(SettingKeys.name);
    const timezone = await s.get<string>(SettingKeys.timezone);
    const unpaid = await s.get<number>(SettingKeys.unpaidTimeoutMinutes);
    const autoConfirm = await s.get<number>(SettingKeys.autoConfirmDays);
    return {
      name: name ?? DEFAULT_STORE_NAME,
      timezone: isTimeZone(timezone) ? timezone : c.storeTimezone,
      unpaidTimeoutMinutes: unpaid ?? c.unpaidTimeoutMinutes,
      autoConfirmDays: autoConfirm ?? c.autoConfirmDays,
      currency: DEFAULT_CURRENCY,
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
    const changes = (Object.keys(SettingKeys) as Array<keyof SettingsPatch>).filter(
      (key) => patch[key] !== undefined && !same(patch[key], before[key]),
    );
    for (const key of changes) await this.k.settings.set(SettingKeys[key], patch[key]);
    if (changes.length === 0) return { before, after: before, changed: false };
    const after = await this.get();
    this.k.db.afterCommit(async () => {
      if (changes.includes('timezone')) this.k.timezone.changed(after.timezone);
      await this.k.cache.invalidate(STORE_SETTINGS_TAG);
    });
    return { before, after, changed: true };
  }
}

/** Equal settings values; names compare by language (jsonb does not keep key order). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const x = a as Localized;
    const y = b as Localized;
    return x['zh-CN'] === y['zh-CN'] && x.en === y.en;
  }
  return a === b;
}

import type { Database } from '../db/database.js';
import type { ResponseCache } from '../cache.js';
import type { Settings } from './settings.js';

/** Where the staff-chosen zone is kept (k.settings); absent → STORE_TIMEZONE from the environment. */
export const STORE_TIMEZONE_KEY = 'store.timezone';
/** The cache tag whose invalidation tells every process to re-read the store's zone. */
export const STORE_SETTINGS_TAG = 'store-settings';

/** An IANA zone name the runtime knows (`Asia/Shanghai`, `UTC`); offsets such as `+08:00` are not names. */
export function isTimeZone(tz: unknown): tz is string {
  return canonicalTimeZone(tz) !== null;
}

/** The zone as the runtime spells it (`asia/shanghai` → `Asia/Shanghai`), or null when it is not a zone name. */
export function canonicalTimeZone(tz: unknown): string | null {
  if (typeof tz !== 'string' || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(tz) || tz.length > 64) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone;
    // Only the letter case is corrected: ICU would turn Asia/Kolkata into its old alias Asia/Calcutta.
    return resolved.toLowerCase() === tz.toLowerCase() ? resolved : tz;
  } catch {
    return null;
  }
}

/**
 * The store's time zone as it is now: every "store day", order number and local time reads
 * `k.timezone.get()`. Loaded from settings at start (the environment is the default), changed
 * at once in the process that saved it, and re-read by every other process when the
 * `store-settings` cache tag is invalidated (locally or over Redis, ResponseCache.onInvalidate).
 * Synchronous on purpose: readers format dates in hot paths and must not wait for the database.
 */
export class StoreTimezone {
  private value: string;
  /** A reload that started before a newer one (or a local change) must not overwrite it. */
  private seq = 0;

  constructor(
    private readonly db: Database,
    private readonly settings: Settings,
    cache: ResponseCache,
    readonly fallback: string,
  ) {
    this.value = fallback;
    cache.onInvalidate((tags) => {
      if (tags.includes(STORE_SETTINGS_TAG)) void this.load().catch(() => {});
    });
  }

  get(): string {
    return this.value;
  }

  /** Reads the stored zone (outside any open transaction); an unusable value falls back to the env. */
  async load(): Promise<string> {
    const mine = ++this.seq;
    const stored = await this.db.detached(() => this.settings.get<string>(STORE_TIMEZONE_KEY));
    if (mine === this.seq) this.value = isTimeZone(stored) ? stored : this.fallback;
    return this.value;
  }

  /** After the new zone is committed: use it here at once (other processes follow the invalidation). */
  changed(tz: string): void {
    if (!isTimeZone(tz)) return;
    this.seq++;
    this.value = tz;
  }
}

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { LocalCopy } from '../local-copy.js';
import type { ResponseCache } from '../cache.js';
import { settings } from './schema.js';

/** The cache tag every settings write invalidates, in every process. */
export const SETTINGS_TAG = 'settings';

/** Store settings, read through an in-process copy (checkout reads the payment window on every order). */
export class Settings {
  private readonly copy: LocalCopy<unknown>;

  constructor(
    private readonly db: Database,
    cache?: ResponseCache,
  ) {
    this.copy = new LocalCopy(db, cache, SETTINGS_TAG);
  }

  async get<T>(key: string): Promise<T | undefined> {
    return (await this.copy.read(key, async () => {
      const [row] = await this.db.q.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
      return row?.value;
    })) as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.copy.written();
    await this.db.q
      .insert(settings)
      .values({ key, value: value as object, updatedAt: new Date() })
      .onConflictDoUpdate({ target: settings.key, set: { value: value as object, updatedAt: new Date() } });
  }

  /**
   * A secret given by the environment wins; otherwise one is generated once and stored, so
   * every process (API, worker) signs and verifies with the same value.
   */
  async secret(key: string, fromEnv: string | undefined): Promise<string> {
    if (fromEnv) return fromEnv;
    await this.db.q
      .insert(settings)
      .values({ key, value: randomBytes(32).toString('base64url') })
      .onConflictDoNothing({ target: settings.key });
    return (await this.get<string>(key))!;
  }
}

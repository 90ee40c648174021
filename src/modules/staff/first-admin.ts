import { sql } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { FIRST_ADMIN_LOCK, type StaffService } from './service.js';
import { randomPassword } from './passwords.js';

export const DEMO_ADMIN_EMAIL = 'admin@shopkeeper.local';

export interface FirstAdmin {
  /** The admin's email when one was created now, else null. */
  email: string | null;
  /** The generated password to print once; null when nothing was created or it came from ADMIN_PASSWORD. */
  password: string | null;
  created: boolean;
}

/**
 * When the store has no staff at all, creates the first admin: from ADMIN_EMAIL/ADMIN_PASSWORD,
 * or `admin@shopkeeper.local` with a random password for the CLI to print. Safe to call from
 * several processes starting at once: a transaction-scoped advisory lock lets one of them create it.
 */
export async function ensureFirstAdmin(k: Kernel, service: StaffService): Promise<FirstAdmin> {
  return k.db.transaction(async () => {
    await k.db.q.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
    if ((await service.count()) > 0) return { email: null, password: null, created: false };
    const email = k.config.adminEmail ?? DEMO_ADMIN_EMAIL;
    const given = k.config.adminPassword;
    const password = given ?? randomPassword();
    await service.create({ email, name: 'Admin', role: 'admin', password });
    return { email, password: given ? null : password, created: true };
  });
}

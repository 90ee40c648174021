import type { Config } from '../platform/config.js';
import { createKernel } from '../platform/kernel.js';
import { AppError } from '../platform/errors.js';
import { StaffErrors, StaffService } from '../modules/staff/index.js';

/** A mistake in the command line the user can fix (printed without a stack trace). */
export class CommandError extends Error {}

/** `shopkeeper admin reset-password <email>`: a new random password, printed once; sessions end. */
export async function resetPassword(config: Config, email: string): Promise<void> {
  const k = await createKernel(config);
  try {
    const staff = new StaffService(k);
    const password = await k.db.transaction(() => staff.resetPassword(email));
    console.log(`New password for ${email.trim().toLowerCase()}: ${password}\n(Shown once. Every session of this account was signed out.)`);
  } catch (err) {
    if (err instanceof AppError && err.code === StaffErrors.STAFF_NOT_FOUND) {
      throw new CommandError(`No staff account has the email ${email}.`);
    }
    throw err;
  } finally {
    await k.cache.close();
    await k.db.close();
  }
}

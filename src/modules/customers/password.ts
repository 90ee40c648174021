import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto (no native addon to build). The parameters are
 * stored with each hash, so raising the cost later still verifies old hashes.
 * Format: `scrypt$N$r$p$salt$hash` (salt and hash base64url).
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** ~32 MiB and ~100–200 ms per hash on a small server: slow for guessing, bearable for sign-in. */
export const PRODUCTION_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };
/** Tests hash hundreds of passwords; the code path is the same, only the cost differs. */
export const TEST_PARAMS: ScryptParams = { N: 2 ** 12, r: 8, p: 1 };

const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  const opts: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = PRODUCTION_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20) return false;
  const expected = Buffer.from(parts[5], 'base64url');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await derive(password, Buffer.from(parts[4], 'base64url'), { N, r, p });
  return timingSafeEqual(key, expected);
}

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DAY } from '../clock.js';
import { setCookie } from '../http/cookies.js';

/**
 * The "known device" cookie of OWASP's guidance on blocking brute force: set when an account signs
 * in successfully, it lets that browser sign in to that account again even while the account is
 * being slowed down by someone else's wrong guesses. It names a random device id and a tag of the
 * account (not the account itself), and is signed with the store's session secret, so it cannot
 * be made for an account that never signed in here. Guesses made with it are counted against the
 * device, not against the account or the address.
 *
 * Set through the shared cookie helper (platform/http/cookies.ts, decision 0026) with the path and
 * SameSite of the module's session cookie, so it reaches the same pages.
 */
export const KNOWN_DEVICE_TTL_MS = 180 * DAY;

export interface KnownDeviceCookie {
  name: string;
  path: string;
  sameSite: 'lax' | 'strict';
  /** The store's address: Secure when it is https (the shared cookie helper decides). */
  publicUrl: string;
  /** Separates the shopper and the staff cookies' signatures. */
  scope: string;
}

export interface KnownDevice {
  deviceId: string;
  /** Whether the cookie was issued to the account now signing in. */
  forAccount: boolean;
}

const sign = (secret: string, scope: string, body: string) =>
  createHmac('sha256', secret).update(`known-device:${scope}:${body}`).digest('base64url');

/** A short tag of the account: the cookie says which account it is for without naming it. */
const accountTag = (secret: string, scope: string, account: string) =>
  createHmac('sha256', secret).update(`known-device-account:${scope}:${account}`).digest('base64url').slice(0, 22);

/** The device behind a valid, unexpired cookie, or null. */
export function readKnownDevice(
  req: FastifyRequest,
  c: KnownDeviceCookie,
  secret: string,
  account: string,
  now: number,
): KnownDevice | null {
  const raw = req.cookies?.[c.name];
  if (!raw || raw.length > 200) return null;
  const parts = raw.split('.');
  if (parts.length !== 4) return null;
  const [deviceId, tag, issued, signature] = parts;
  const expected = Buffer.from(sign(secret, c.scope, `${deviceId}.${tag}.${issued}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const issuedMs = Number(issued) * 1000;
  if (!Number.isFinite(issuedMs) || now - issuedMs > KNOWN_DEVICE_TTL_MS || issuedMs - now > DAY) return null;
  return { deviceId, forAccount: tag === accountTag(secret, c.scope, account) };
}

/** Sets (or renews) the cookie after a successful sign-in, keeping the device id it already had. */
export function rememberDevice(
  reply: FastifyReply,
  c: KnownDeviceCookie,
  secret: string,
  account: string,
  now: number,
  deviceId: string = randomBytes(16).toString('base64url'),
): void {
  const body = `${deviceId}.${accountTag(secret, c.scope, account)}.${Math.floor(now / 1000)}`;
  setCookie(reply, c.publicUrl, c.name, `${body}.${sign(secret, c.scope, body)}`, {
    path: c.path,
    sameSite: c.sameSite,
    maxAgeSeconds: Math.floor(KNOWN_DEVICE_TTL_MS / 1000),
  });
}

/** A stable, short, non-reversible name for an identifier (an e-mail or mobile number) in throttle keys. */
export function identifierKey(identifier: string): string {
  return createHash('sha256').update(identifier.trim().toLowerCase()).digest('base64url').slice(0, 32);
}

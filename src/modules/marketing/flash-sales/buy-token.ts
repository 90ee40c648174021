import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The buy token (decision 0040): issued only inside a round's window, bound to the customer and the
 * item, good until the round ends. A script cannot prepare attempts before the start or replay
 * another shopper's; checking it is a hash, no database work.
 */
export function buyToken(secret: string, customerId: string, itemId: string, endsAt: number): string {
  const mac = createHmac('sha256', secret).update(`flash-sale:${customerId}:${itemId}:${endsAt}`).digest('base64url');
  return `${endsAt.toString(36)}.${mac}`;
}

/** Whether `token` is the one issued to this customer for this item and the round has not ended at `now`. */
export function buyTokenValid(secret: string, token: string, customerId: string, itemId: string, endsAt: number, now: number): boolean {
  if (now >= endsAt) return false;
  const expected = Buffer.from(buyToken(secret, customerId, itemId, endsAt));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Tokens checked and found good, remembered per process (a crowd's shoppers press 5 times a second). */
const REMEMBERED = 50_000;

/**
 * Issues and checks buy tokens for one store secret. A token found good is remembered with the
 * customer and item it was checked for, so a shopper pressing again costs a map lookup instead of an
 * HMAC; a token that failed is never remembered (a forger learns nothing and saves nothing).
 */
export class BuyTokens {
  private readonly good = new Map<string, string>();

  constructor(private readonly secret: string) {}

  issue(customerId: string, itemId: string, endsAt: number): string {
    return buyToken(this.secret, customerId, itemId, endsAt);
  }

  valid(token: string, customerId: string, itemId: string, endsAt: number, now: number): boolean {
    if (now >= endsAt) return false;
    const key = `${customerId}:${itemId}:${endsAt}`;
    if (this.good.get(key) === token) return true;
    if (!buyTokenValid(this.secret, token, customerId, itemId, endsAt, now)) return false;
    if (this.good.size >= REMEMBERED) this.good.clear();
    this.good.set(key, token);
    return true;
  }
}

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

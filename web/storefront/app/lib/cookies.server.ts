import { serializeCookie } from '../../../../src/platform/http/cookies';

/** The storefront's own cookie: the id of the shopper's open cart (the API's sk_cart holds only its token). */
export const CART_ID_COOKIE = 'sk_cart_id';
const THIRTY_DAYS = 30 * 86400;

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Attributes from the platform's one cookie helper (Secure when PUBLIC_URL is https). */
export function setCartIdCookie(cartId: string, publicUrl: string): string {
  return serializeCookie(publicUrl, CART_ID_COOKIE, cartId, { maxAgeSeconds: THIRTY_DAYS });
}

export function clearCartIdCookie(publicUrl: string): string {
  return serializeCookie(publicUrl, CART_ID_COOKIE, '', { maxAgeSeconds: 0 });
}

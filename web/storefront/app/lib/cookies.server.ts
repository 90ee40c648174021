/** The storefront's own cookie: the id of the shopper's open cart (the API's sk_cart holds only its token). */
export const CART_ID_COOKIE = 'sk_cart_id';

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function setCartIdCookie(cartId: string, secure: boolean): string {
  return `${CART_ID_COOKIE}=${encodeURIComponent(cartId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${30 * 86400}${secure ? '; Secure' : ''}`;
}

export function clearCartIdCookie(): string {
  return `${CART_ID_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

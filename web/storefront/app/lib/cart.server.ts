import type { AppLoadContext } from 'react-router';
import type { Api } from '../../../shared/api';
import { ApiError, orNull } from './api.server';
import { variantLabel } from './variants';
import { CART_ID_COOKIE, clearCartIdCookie, readCookie, setCartIdCookie } from './cookies.server';
import type { Cart, CartSummary, StoreProduct } from './types';

const gone = (err: unknown) => err instanceof ApiError && (err.status === 404 || err.code === 'CART_CLOSED');

/**
 * Units in the shopper's open cart, for the header of every page: the cart's summary, not the
 * priced cart (that is the cart and checkout pages' business). 0 without a cart or for a stale id.
 */
export async function readCartCount(api: Api, request: Request): Promise<number> {
  const id = readCookie(request, CART_ID_COOKIE);
  if (!id) return 0;
  const summary = await orNull(api.get<CartSummary>(`/api/store/carts/${encodeURIComponent(id)}/summary`));
  return summary?.status === 'open' ? summary.itemCount : 0;
}

/** The shopper's open cart, or null; `setCookie` is set when the remembered id is stale. */
export async function readCart(
  api: Api,
  request: Request,
  publicUrl: string,
  quote: { shippingMethodId?: string; province?: string; coupons?: string; points?: number } = {},
): Promise<{ cart: Cart | null; setCookie?: string }> {
  const id = readCookie(request, CART_ID_COOKIE);
  if (!id) return { cart: null };
  try {
    const cart = await api.get<Cart>(`/api/store/carts/${encodeURIComponent(id)}`, quote);
    if (cart.status === 'open') return { cart };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
  }
  return { cart: null, setCookie: clearCartIdCookie(publicUrl) };
}

/**
 * Adds a variant to the shopper's open cart, opening one first when there is none (a guest gets a
 * new cart and its token cookie from the API; a signed-in shopper gets their open cart back).
 */
export async function addToCart(
  api: Api,
  context: AppLoadContext,
  request: Request,
  variantId: string,
  quantity: number,
): Promise<{ cart: Cart; setCookie?: string }> {
  const remembered = readCookie(request, CART_ID_COOKIE);
  if (remembered) {
    try {
      return { cart: await api.post<Cart>(`/api/store/carts/${encodeURIComponent(remembered)}/items`, { variantId, quantity }) };
    } catch (err) {
      if (!gone(err)) throw err;
    }
  }
  const opened = await api.post<Cart>('/api/store/carts');
  const cart = await api.post<Cart>(`/api/store/carts/${opened.id}/items`, { variantId, quantity });
  return { cart, setCookie: setCartIdCookie(cart.id, context.publicUrl) };
}

/**
 * After sign-in: the API has already merged the guest cart (named by the forwarded sk_cart cookie)
 * into the shopper's open cart in the sign-in transaction; the cart id cookie now names that cart.
 */
export async function adoptCart(api: Api, context: AppLoadContext): Promise<string> {
  const mine = await api.post<Cart>('/api/store/carts');
  return setCartIdCookie(mine.id, context.publicUrl);
}

/** A cart item or an order line: what naming its options needs. */
export interface OptionedLine {
  id: string;
  productId: string | null;
  optionValues: Record<string, string>;
}

/**
 * "樱花粉 / 128GB" per cart item or order line: they carry option codes only, so the names come
 * from the (cached) product reads. A product taken off sale keeps its codes.
 */
export async function optionLabels(api: Api, lines: readonly OptionedLine[], locale: 'zh-CN' | 'en'): Promise<Record<string, string>> {
  const ids = [...new Set(lines.map((i) => i.productId).filter((id): id is string => Boolean(id)))];
  const products = new Map<string, StoreProduct>();
  await Promise.all(
    ids.map(async (id) => {
      const p = await orNull(api.get<StoreProduct>(`/api/store/products/${encodeURIComponent(id)}`));
      if (p) products.set(id, p);
    }),
  );
  const labels: Record<string, string> = {};
  for (const item of lines) {
    const p = item.productId ? products.get(item.productId) : undefined;
    labels[item.id] = p ? variantLabel(p, item, locale) : Object.values(item.optionValues).join(' / ');
  }
  return labels;
}

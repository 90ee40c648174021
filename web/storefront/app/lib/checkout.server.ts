import { ApiError, type Api } from '../../../shared/api';
import type { Locale } from '../i18n';
import { readCart } from './cart.server';
import type { Address, Cart, PriceQuote, Region, RegionDetail, ShippingMethod } from './types';

/** What the shopper has chosen so far; only codes and ids (never names or phone numbers in URLs). */
export interface CheckoutChoice {
  address: string; // a saved address id, or 'new'
  shipping: string;
  province: string;
  city: string;
  /** 立即购买: the variant and quantity bought directly ('' when checking out the cart). */
  variantId: string;
  quantity: string;
}

/** What is being ordered: the cart's lines, or the one item bought directly, with its quote. */
export interface CheckoutLines {
  items: Cart['items'];
  quote: PriceQuote | null;
}

export interface CheckoutState {
  cart: Cart | null;
  /** The cart's lines, or the buy-now item's; null when there is nothing to order. */
  lines: CheckoutLines | null;
  /** Set when the shopper came by 立即购买: the order is placed with these items, not the cart. */
  buyNow: { variantId: string; quantity: number } | null;
  clearCookie?: string;
  addresses: Address[];
  methods: ShippingMethod[];
  provinces: Region[];
  cities: Region[];
  districts: Region[];
  choice: CheckoutChoice;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A buy-now choice from the URL or the form; anything malformed means "the cart". */
export function buyNowOf(choice: Partial<CheckoutChoice>): { variantId: string; quantity: number } | null {
  if (!choice.variantId || !UUID.test(choice.variantId)) return null;
  const quantity = /^\d{1,3}$/.test(choice.quantity ?? '') ? Number(choice.quantity) : 1;
  return { variantId: choice.variantId, quantity: Math.min(999, Math.max(1, quantity)) };
}

const regions = async (api: Api, parent?: string) =>
  (await api.get<{ items: Region[] }>('/api/store/regions', parent ? { parent } : undefined)).items;

/** Everything the checkout page shows for a choice, with the quote priced by the API for it. */
export async function checkoutState(api: Api, request: Request, wanted: Partial<CheckoutChoice>, publicUrl: string): Promise<CheckoutState> {
  const [addresses, methods, provinces] = await Promise.all([
    api.get<{ items: Address[] }>('/api/store/me/addresses').then((r) => r.items),
    api.get<{ items: ShippingMethod[] }>('/api/store/shipping-methods').then((r) => r.items),
    regions(api),
  ]);
  const saved = addresses.find((a) => a.id === wanted.address);
  const address = saved ? saved.id : wanted.address === 'new' || addresses.length === 0 ? 'new' : (addresses.find((a) => a.isDefault) ?? addresses[0]).id;
  const shipping = methods.find((m) => m.id === wanted.shipping)?.id ?? methods[0]?.id ?? '';
  const province = provinces.some((p) => p.code === wanted.province) ? wanted.province! : '';
  const cities = province ? await regions(api, province) : [];
  const city = cities.some((c) => c.code === wanted.city) ? wanted.city! : '';
  const districts = city ? await regions(api, city) : [];
  const destination = address === 'new' ? province : addresses.find((a) => a.id === address)?.provinceCode;
  const quoteFor = { shippingMethodId: shipping || undefined, province: destination || undefined };
  const buyNow = buyNowOf(wanted);
  const choice = { address, shipping, province, city, variantId: buyNow?.variantId ?? '', quantity: buyNow ? String(buyNow.quantity) : '' };
  if (buyNow) {
    const lines = await api.get<CheckoutLines>('/api/store/checkout/quote', { ...buyNow, ...quoteFor });
    const orderable = lines.items.some((i) => i.available);
    return { cart: null, lines: orderable ? lines : null, buyNow, addresses, methods, provinces, cities, districts, choice };
  }
  const { cart, setCookie } = await readCart(api, request, publicUrl, quoteFor);
  const lines = cart && cart.items.length ? { items: cart.items, quote: cart.quote } : null;
  return { cart, lines, buyNow: null, clearCookie: setCookie, addresses, methods, provinces, cities, districts, choice };
}

const regionOf = (api: Api, code: string) => api.get<RegionDetail>(`/api/store/regions/${encodeURIComponent(code)}`);

/** An order's region in the page's language: the stored Chinese text, or English from its codes. */
export async function orderRegion(api: Api, address: { districtCode: string; regionText: string }, locale: Locale): Promise<string> {
  if (locale === 'zh-CN') return address.regionText;
  try {
    return (await regionOf(api, address.districtCode)).fullName.en;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return address.regionText; // a code GB/T 2260 has since retired
    throw err;
  }
}

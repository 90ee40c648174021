import { ApiError, type Api } from '../../../shared/api';
import type { Locale } from '../i18n';
import { readCart } from './cart.server';
import type { Address, Cart, Coupon, PointsSummary, PriceQuote, Region, RegionDetail, ShippingMethod } from './types';
import { isUuid } from './ids';

/** What the shopper has chosen so far; only codes and ids (never names or phone numbers in URLs). */
export interface CheckoutChoice {
  address: string; // a saved address id, or 'new'
  shipping: string;
  province: string;
  city: string;
  /** 立即购买: the variant and quantity bought directly ('' when checking out the cart). */
  variantId: string;
  quantity: string;
  /** Coupon codes chosen or typed, comma-separated (the shopper's own codes, not personal data). */
  coupons: string;
  /** Points to pay with: a number, `all`, or '' for none. */
  points: string;
}

/** What is being ordered: the cart's lines, or the one item bought directly, with its quote. */
export interface CheckoutLines {
  items: Cart['items'];
  quote: PriceQuote | null;
  offers: Cart['offers'];
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
  /** The shopper's coupons they may use now, and their points. */
  coupons: Coupon[];
  points: PointsSummary | null;
  /** The points the order asks to pay with (what the shopper holds, when they chose to use points). */
  pointsAsked: number;
  /** Why the coupons or points asked for were set aside (an unknown code, one used elsewhere…). */
  offerError: string | null;
}

const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** Codes as the API takes them: well-formed, upper case, each once, at most five. */
export function couponCodesOf(raw: string | undefined): string[] {
  const codes = (raw ?? '').split(/[\s,]+/).filter((c) => CODE.test(c)).map((c) => c.toUpperCase());
  return [...new Set(codes)].slice(0, 5);
}

/**
 * A code the shopper typed at checkout: a public code or a redeem code becomes one of their coupons
 * (typed again, the same one) and its own code is used; a code that is neither goes on as typed (it
 * may be the shopper's own coupon code, or the quote refuses it and says why); a used or exhausted
 * one is dropped with the reason.
 */
export async function redeemTyped(api: Api, raw: string): Promise<{ code: string; error: string | null }> {
  const [typed] = couponCodesOf(raw);
  if (!typed || !/^[A-Z0-9]{4,32}$/.test(typed)) return { code: raw, error: null };
  try {
    const coupon = await api.post<Coupon>('/api/store/coupons/redeem', { code: typed });
    return { code: coupon.code, error: null };
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    if (err.status === 404) return { code: typed, error: null };
    return { code: '', error: err.message };
  }
}


/** A buy-now choice from the URL or the form; anything malformed means "the cart". */
export function buyNowOf(choice: Partial<CheckoutChoice>): { variantId: string; quantity: number } | null {
  if (!choice.variantId || !isUuid(choice.variantId)) return null;
  const quantity = /^\d{1,3}$/.test(choice.quantity ?? '') ? Number(choice.quantity) : 1;
  return { variantId: choice.variantId, quantity: Math.min(999, Math.max(1, quantity)) };
}

const regions = async (api: Api, parent?: string) =>
  (await api.get<{ items: Region[] }>('/api/store/regions', parent ? { parent } : undefined)).items;

/** Everything the checkout page shows for a choice, with the quote priced by the API for it. */
export async function checkoutState(api: Api, request: Request, wanted: Partial<CheckoutChoice>, publicUrl: string): Promise<CheckoutState> {
  const [addresses, methods, provinces, mine, points] = await Promise.all([
    api.get<{ items: Address[] }>('/api/store/me/addresses').then((r) => r.items),
    api.get<{ items: ShippingMethod[] }>('/api/store/shipping-methods').then((r) => r.items),
    regions(api),
    api.get<{ items: Coupon[] }>('/api/store/me/coupons').then((r) => r.items.filter((c) => c.status === 'available')),
    api.get<PointsSummary>('/api/store/me/points'),
  ]);
  const saved = addresses.find((a) => a.id === wanted.address);
  const address = saved ? saved.id : wanted.address === 'new' || addresses.length === 0 ? 'new' : (addresses.find((a) => a.isDefault) ?? addresses[0]).id;
  const shipping = methods.find((m) => m.id === wanted.shipping)?.id ?? methods[0]?.id ?? '';
  const province = provinces.some((p) => p.code === wanted.province) ? wanted.province! : '';
  const cities = province ? await regions(api, province) : [];
  const city = cities.some((c) => c.code === wanted.city) ? wanted.city! : '';
  const districts = city ? await regions(api, city) : [];
  const destination = address === 'new' ? province : addresses.find((a) => a.id === address)?.provinceCode;
  const couponCodes = couponCodesOf(wanted.coupons);
  // `all`: every point the shopper holds (the API uses what the policy's share allows); a number: at most that.
  const held = Math.max(0, points.balance);
  const asked = wanted.points === 'all' ? held : /^\d{1,9}$/.test(wanted.points ?? '') ? Math.min(Number(wanted.points), held) : 0;
  const base = { shippingMethodId: shipping || undefined, province: destination || undefined };
  const offers = { coupons: couponCodes.length ? couponCodes.join(',') : undefined, points: asked > 0 ? asked : undefined };
  const buyNow = buyNowOf(wanted);
  const choice = {
    address, shipping, province, city, variantId: buyNow?.variantId ?? '', quantity: buyNow ? String(buyNow.quantity) : '',
    coupons: couponCodes.join(','), points: asked > 0 ? 'all' : '',
  };
  const common = { addresses, methods, provinces, cities, districts, coupons: mine, points };
  // A code the API refuses (not the shopper's, used by another order…) is set aside, and the shopper told why.
  const withOffers = async <T>(read: (q: typeof base & Partial<typeof offers>) => Promise<T>): Promise<{ value: T; offerError: string | null }> => {
    if (!offers.coupons && !offers.points) return { value: await read(base), offerError: null };
    try {
      return { value: await read({ ...base, ...offers }), offerError: null };
    } catch (err) {
      if (!(err instanceof ApiError) || err.status < 400 || err.status >= 500 || err.status === 404) throw err;
      choice.coupons = '';
      choice.points = '';
      return { value: await read(base), offerError: err.message };
    }
  };
  if (buyNow) {
    const { value: lines, offerError } = await withOffers((q) => api.get<CheckoutLines>('/api/store/checkout/quote', { ...buyNow, ...q }));
    const orderable = lines.items.some((i) => i.available);
    return { cart: null, lines: orderable ? lines : null, buyNow, choice, offerError, pointsAsked: choice.points ? asked : 0, ...common };
  }
  const { value: read, offerError } = await withOffers((q) => readCart(api, request, publicUrl, q));
  const { cart, setCookie } = read;
  const lines = cart && cart.items.length ? { items: cart.items, quote: cart.quote, offers: cart.offers } : null;
  return { cart, lines, buyNow: null, clearCookie: setCookie, choice, offerError, pointsAsked: choice.points ? asked : 0, ...common };
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

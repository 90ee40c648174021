import { ApiError, type Api } from '../../../shared/api';
import type { Locale } from '../i18n';
import { readCart } from './cart.server';
import type { Address, Cart, Region, RegionDetail, ShippingMethod } from './types';

/** What the shopper has chosen so far; only codes and ids (never names or phone numbers in URLs). */
export interface CheckoutChoice {
  address: string; // a saved address id, or 'new'
  shipping: string;
  province: string;
  city: string;
}

export interface CheckoutState {
  cart: Cart | null;
  clearCookie?: string;
  addresses: Address[];
  methods: ShippingMethod[];
  provinces: Region[];
  cities: Region[];
  districts: Region[];
  choice: CheckoutChoice;
}

const regions = async (api: Api, parent?: string) =>
  (await api.get<{ items: Region[] }>('/api/store/regions', parent ? { parent } : undefined)).items;

/** Everything the checkout page shows for a choice, with the quote priced by the API for it. */
export async function checkoutState(api: Api, request: Request, wanted: Partial<CheckoutChoice>): Promise<CheckoutState> {
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
  const { cart, setCookie } = await readCart(api, request, { shippingMethodId: shipping || undefined, province: destination || undefined });
  return { cart, clearCookie: setCookie, addresses, methods, provinces, cities, districts, choice: { address, shipping, province, city } };
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

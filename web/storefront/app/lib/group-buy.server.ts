import { data, redirect, type AppLoadContext } from 'react-router';
import type { Api } from '../../../shared/api';
import type { Locale } from '../i18n';
import { ApiError, mutatingApiFor } from './api.server';
import { fields } from './forms';
import { lp, pick } from './locale';
import { requireCustomer } from './session.server';
import { variantLabel } from './variants';
import { addressLine } from '../components/AddressFields';
import { leaderPriceOf, type GroupBuyActivity, type GroupBuyOption, type MyGroupBuyTeam, type SeatRefusal } from './group-buy';
import type { Address, StoreProduct } from './types';
import { isUuid } from './ids';

/**
 * The signed-in shopper's live seat in a team (held or paid), from 我的拼团 (the API's team view names
 * no member): the team page shows them the share card instead of 参团, and 退团 when they may leave.
 * A seat they left, or whose order was cancelled, is no seat: they may join again.
 */
export async function mySeatIn(api: Api, signedIn: boolean, teamId: string): Promise<MyGroupBuyTeam | null> {
  if (!signedIn) return null;
  const { items } = await api.get<{ items: MyGroupBuyTeam[] }>('/api/store/me/group-buys');
  return items.find((m) => m.team.id === teamId && (m.seat === 'held' || m.seat === 'paid')) ?? null;
}


/** The activity's product (the bridge's cached read) and its SKUs at the group price; null when the product is gone. */
export async function activityProduct(api: Api, activity: GroupBuyActivity, locale: Locale) {
  let product: StoreProduct;
  try {
    product = await api.get<StoreProduct>(`/api/store/products/${encodeURIComponent(activity.productId)}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
  const options: GroupBuyOption[] = activity.variants.flatMap((g) => {
    const v = product.variants.find((x) => x.id === g.variantId);
    if (!v) return [];
    return [{ variantId: v.id, label: variantLabel(product, v, locale), groupPrice: g.groupPrice, leaderPrice: leaderPriceOf(g.groupPrice, activity.leaderDiscount), price: v.price }];
  });
  return { slug: product.slug, title: pick(product.title, locale), image: product.image, options };
}

/** The signed-in shopper's default address (else the first), worded for the page; null for none. */
export async function shippingAddress(api: Api, signedIn: boolean, locale: Locale) {
  if (!signedIn) return null;
  const items = (await api.get<{ items: Address[] }>('/api/store/me/addresses')).items;
  const a = items.find((x) => x.isDefault) ?? items[0];
  return a ? { id: a.id, who: `${a.recipientName} ${a.mobile}`, line: addressLine(pick(a.region, locale), a.detail, locale) } : null;
}

/**
 * 开团 or 参团 from a page's form: an unpaid order with the seat held, then the pay page. A refusal
 * comes back for the page to word (a 200: it is an answer, not a failed request); a guest signs in first.
 */
export async function takeSeat(context: AppLoadContext, request: Request, url: URL, locale: Locale, path: string) {
  await requireCustomer(context, request, url, locale);
  const f = fields(await request.formData(), ['variantId', 'quantity', 'addressId']);
  const quantity = Math.min(99, Math.max(1, Number.parseInt(f.quantity, 10) || 1));
  const body = { variantId: isUuid(f.variantId) ? f.variantId : '', quantity, addressId: isUuid(f.addressId) ? f.addressId : '' };
  if (!body.addressId) return data({ error: { code: 'GROUP_ADDRESS_NEEDED', message: '', offerNewTeam: false } } satisfies SeatRefusal);
  try {
    const api = await mutatingApiFor(context, request, locale);
    const placed = await api.post<{ orderNumber: string }>(path, body);
    return redirect(lp(locale, `/orders/${encodeURIComponent(placed.orderNumber)}/pay`));
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (err.status === 401) throw redirect(`${lp(locale, '/account/login')}?next=${encodeURIComponent(url.pathname)}`);
    const offer = err.problem.offerNewTeam === true;
    return data({ error: { code: err.code, message: err.message, offerNewTeam: offer } } satisfies SeatRefusal, { status: err.status >= 500 ? 502 : 200 });
  }
}

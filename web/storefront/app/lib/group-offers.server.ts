import type { AppLoadContext } from 'react-router';
import type { Api } from '../../../shared/api';
import type { Locale } from '../i18n';
import { tagPage } from './cache.server';
import { pick } from './locale';
import { flashProducts } from './flash.server';
import { activityPath, GROUP_BUYS_TAG, type GroupBuyBadge, type GroupBuyOffer, type GroupBuyTile } from './group-buy';

/**
 * The offers on sale (拼团) — the store API's one shared answer, kept by the bridge under its tag, so a
 * page adds no query per product or per visitor. A page that shows them is tagged with it (an operator's
 * change evicts the page). Offers have no clock of their own (they run until paused or ended), so the
 * tag is all a cached page needs. Never fails a page: without an answer there are simply no offers.
 */
export async function groupOffers(api: Api, context: AppLoadContext): Promise<GroupBuyOffer[]> {
  let offers: GroupBuyOffer[];
  try {
    offers = (await api.get<{ items: GroupBuyOffer[] }>('/api/store/group-buys')).items;
  } catch {
    return [];
  }
  tagPage(context, [GROUP_BUYS_TAG]);
  return offers;
}

/** What tells a product's group buy on this page: the offers read once, looked up per product. */
export type GroupBadger = (productId: string) => GroupBuyBadge | null;

/**
 * A product's 拼团 line: the offer with the lowest group price among those of the product (the newest
 * on a tie, the API lists newest first); null for none. No request per product.
 */
export function groupBadger(offers: GroupBuyOffer[]): GroupBadger {
  const best = new Map<string, GroupBuyBadge>();
  for (const o of offers) {
    if (o.variants.length === 0) continue;
    const price = Math.min(...o.variants.map((v) => v.groupPrice));
    const held = best.get(o.productId);
    if (!held || price < held.price) best.set(o.productId, { href: activityPath(o.id), price, teamSize: o.teamSize });
  }
  return (productId) => best.get(productId) ?? null;
}

/** Listing products with their 拼团 line (null when none). */
export function withGroupBuys<T extends { id: string }>(items: T[], badge: GroupBadger): Array<T & { group: GroupBuyBadge | null }> {
  return items.map((p) => ({ ...p, group: badge(p.id) }));
}

/** Offers the home page's 拼团 block shows. */
const HOME_TILES = 6;

/**
 * The home page's 拼团 block: the newest offers whose product is on sale, each at its lowest group price
 * against that SKU's own price. The products are public reads the bridge keeps under the catalog's tags.
 */
export async function groupTiles(api: Api, locale: Locale, offers: GroupBuyOffer[]): Promise<GroupBuyTile[]> {
  if (offers.length === 0) return [];
  const candidates = offers.slice(0, HOME_TILES * 2);
  const products = await flashProducts(api, candidates.map((o) => o.productId));
  const tiles: GroupBuyTile[] = [];
  const shown = new Set<string>();
  for (const o of candidates) {
    const p = products.get(o.productId);
    if (!p || shown.has(p.id)) continue;
    // The cheapest SKU of the offer that the product still sells.
    const priced = o.variants.flatMap((g) => {
      const v = p.variants.find((x) => x.id === g.variantId && x.active);
      return v ? [{ groupPrice: g.groupPrice, price: v.price }] : [];
    });
    if (priced.length === 0) continue;
    const cheapest = priced.reduce((a, b) => (b.groupPrice < a.groupPrice ? b : a));
    shown.add(p.id);
    tiles.push({ href: activityPath(o.id), title: pick(p.title, locale), image: p.image, groupPrice: cheapest.groupPrice, price: cheapest.price, teamSize: o.teamSize });
    if (tiles.length >= HOME_TILES) break;
  }
  return tiles;
}

import type { AppLoadContext } from 'react-router';
import type { z } from 'zod';
import type { Api } from '../../../shared/api';
import { PROMOTIONS_TAG, scopeCovers, type promotionBadges as badgesSchema } from '../../../../src/web-contract';
import type { Locale } from '../i18n';
import { pick } from './locale';
import { tagPage } from './cache.server';

type Badges = z.infer<typeof badgesSchema>;
type Badge = Badges['items'][number];
interface Badgeable {
  id: string;
  categoryId: string;
  brandId: string | null;
}

/** At most this many badges on a card (the first ones the operator made run longest). */
const PER_CARD = 2;

/**
 * The running promotions (促销标签), read once per page. The page that shows them is tagged with
 * the promotions' cache tag (a change evicts it) and kept no longer than the next start or end.
 */
export async function promotionBadges(api: Api, context: AppLoadContext): Promise<Badge[]> {
  const { items, nextChangeAt } = await api.get<Badges>('/api/store/promotions/badges');
  tagPage(context, [PROMOTIONS_TAG]);
  if (nextChangeAt) {
    const ms = Math.max(1000, Date.parse(nextChangeAt) - context.now().getTime());
    context.page.maxAgeMs = Math.min(context.page.maxAgeMs ?? ms, ms);
  }
  // What everyone may have: member-only and new-customer offers are told on the product page and at checkout.
  return items.filter((b) => !b.tiers && !b.newCustomersOnly);
}

/** The badges' words for one product. */
export function badgesFor(badges: Badge[], product: Badgeable, locale: Locale, limit = PER_CARD): string[] {
  const out: string[] = [];
  for (const b of badges) {
    if (!scopeCovers({ scope: b.scope ?? undefined }, { productId: product.id, categoryId: product.categoryId, brandId: product.brandId ?? undefined })) continue;
    const words = pick(b.label, locale);
    if (!out.includes(words)) out.push(words);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The price after the best 直降 that takes the product in (everyone's, running now), as the engine
 * takes it off each unit; null when none applies. Member prices and thresholds wait for the cart.
 */
export function promoPriceFor(badges: Badge[], product: Badgeable, price: number): number | null {
  let best = price;
  for (const b of badges) {
    if (!b.unitOff) continue;
    if (!scopeCovers({ scope: b.scope ?? undefined }, { productId: product.id, categoryId: product.categoryId, brandId: product.brandId ?? undefined })) continue;
    const off = b.unitOff.amountOff !== undefined ? Math.min(b.unitOff.amountOff, price) : Math.floor((price * (b.unitOff.percentOff ?? 0)) / 100);
    best = Math.min(best, price - off);
  }
  return best < price ? best : null;
}

/** Products with their badges and their 直降 price, for a listing. */
export async function withBadges<T extends Badgeable & { priceMin: number }>(api: Api, context: AppLoadContext, locale: Locale, items: T[]): Promise<Array<T & { badges: string[]; promoPrice: number | null }>> {
  const badges = await promotionBadges(api, context);
  return items.map((p) => ({ ...p, badges: badgesFor(badges, p, locale), promoPrice: promoPriceFor(badges, p, p.priceMin) }));
}

import type { AppLoadContext } from 'react-router';
import type { Api } from '../../../shared/api';
import { tFor, type Locale } from '../i18n';
// The server holds both dictionaries: badges are worded here, in the loader.
import '../i18n/dictionaries.server';
import { tagPage } from './cache.server';
import { pick } from './locale';
import { storeTimeZone } from './store-zone.server';
import { orNull } from './api.server';
import type { StoreProduct } from './types';
import { FLASH_SALES_TAG } from '../../../../src/web-contract';
import { BADGE_AHEAD_MS, phaseOf, roundPath, roundTime, unitsLeft, type FlashBadge, type FlashRound, type FlashTeaser } from './flash';

export type { FlashBadge };

/** While a round is on, units go by the second: a cached page showing it is at most this old. */
const LIVE_MAX_AGE_MS = 60_000;

/**
 * The published rounds not yet over — the store API's one shared answer a second, so a page adds no
 * query per product or per visitor. A page that shows them is tagged with the flash sales' tag and
 * kept no longer than the next moment a badge changes: a start, an end, or a round coming within 24 h.
 * Never fails a page: without an answer there are simply no flash sales shown.
 */
export async function flashRounds(api: Api, context: AppLoadContext): Promise<FlashRound[]> {
  let rounds: FlashRound[];
  try {
    rounds = (await api.get<{ items: FlashRound[] }>('/api/store/flash-sales/rounds')).items;
  } catch {
    return [];
  }
  tagPage(context, [FLASH_SALES_TAG]);
  const now = context.now().getTime();
  let until = Infinity;
  for (const r of rounds) {
    const starts = Date.parse(r.startsAt);
    for (const at of [starts - BADGE_AHEAD_MS, starts, Date.parse(r.endsAt)]) if (at > now) until = Math.min(until, at - now);
    if (phaseOf(r, now) === 'live') until = Math.min(until, LIVE_MAX_AGE_MS);
  }
  if (until !== Infinity) context.page.maxAgeMs = Math.min(context.page.maxAgeMs ?? until, Math.max(1000, until));
  return rounds;
}

/**
 * The flash sale to tell for a product: a round on now (first) or starting within 24 h, with units
 * left; null for none. Built from the rounds already read: no request per product.
 */
export function flashBadgeFor(rounds: FlashRound[], productId: string, now: Date, locale: Locale, timeZone: string): FlashBadge | null {
  const at = now.getTime();
  let best: { round: FlashRound; price: number; live: boolean } | null = null;
  for (const round of rounds) {
    const phase = phaseOf(round, at);
    if (phase === 'ended' || (phase === 'upcoming' && Date.parse(round.startsAt) - at > BADGE_AHEAD_MS)) continue;
    const items = round.items.filter((i) => i.productId === productId && unitsLeft(i) > 0);
    if (items.length === 0) continue;
    const price = Math.min(...items.map((i) => i.flashPrice));
    const live = phase === 'live';
    // A round on now goes first; among the rest, the soonest (the API lists them soonest first).
    if (!best || (live && !best.live)) best = { round, price, live };
  }
  if (!best) return null;
  const t = tFor(locale);
  return { href: roundPath(best.round.id), price: best.price, live: best.live, at: roundTime(best.live ? best.round.endsAt : best.round.startsAt, now, locale, timeZone, t) };
}

/** What tells a product's flash sale on this page: the rounds read once, the store's zone only when there are any. */
export type FlashBadger = (productId: string) => FlashBadge | null;

export async function flashBadger(api: Api, context: AppLoadContext, locale: Locale, read?: FlashRound[]): Promise<FlashBadger> {
  const rounds = read ?? (await flashRounds(api, context));
  if (rounds.length === 0) return () => null;
  const timeZone = await storeTimeZone(context, locale);
  const now = context.now();
  return (productId) => flashBadgeFor(rounds, productId, now, locale, timeZone);
}

/** Listing products with their flash badge (null when none). */
export function withFlash<T extends { id: string }>(items: T[], badge: FlashBadger): Array<T & { flash: FlashBadge | null }> {
  return items.map((p) => ({ ...p, flash: badge(p.id) }));
}

/**
 * The products of flash items, by id: each a public product read the bridge keeps under the
 * catalog's tags (no query when cached). Products no longer on sale are left out.
 */
export async function flashProducts(api: Api, productIds: string[]): Promise<Map<string, StoreProduct>> {
  const ids = [...new Set(productIds)];
  const found = await Promise.all(ids.map((id) => orNull(api.get<StoreProduct>(`/api/store/products/${encodeURIComponent(id)}`))));
  return new Map(found.flatMap((p) => (p ? [[p.id, p] as const] : [])));
}

/** Items the home page shows of a round. */
const TEASER_ITEMS = 6;

/** The home page's 限时秒杀 block: the first round on now, else the soonest to come; null when none. */
export async function flashTeaser(api: Api, context: AppLoadContext, locale: Locale, rounds: FlashRound[]): Promise<FlashTeaser | null> {
  const now = context.now();
  const round = rounds.find((r) => phaseOf(r, now.getTime()) === 'live') ?? rounds.find((r) => phaseOf(r, now.getTime()) === 'upcoming');
  if (!round) return null;
  const products = await flashProducts(api, round.items.slice(0, TEASER_ITEMS * 2).map((i) => i.productId));
  const items = round.items.flatMap((i) => {
    const p = products.get(i.productId);
    const v = p?.variants.find((x) => x.id === i.variantId);
    if (!p || !v) return [];
    return [{ itemId: i.id, title: pick(p.title, locale), image: p.image, flashPrice: i.flashPrice, price: v.price, soldOut: unitsLeft(i) === 0 }];
  });
  if (items.length === 0) return null;
  const live = phaseOf(round, now.getTime()) === 'live';
  const timeZone = await storeTimeZone(context, locale);
  return {
    href: roundPath(round.id),
    name: pick(round.name, locale),
    live,
    at: roundTime(live ? round.endsAt : round.startsAt, now, locale, timeZone, tFor(locale)),
    items: items.slice(0, TEASER_ITEMS),
  };
}

import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { flashClaimView, flashItemView, flashRoundView } from '../../../../src/web-contract';
import type { Locale } from '../i18n';
import { daysFrom, date, timeOfDay } from './format';

/**
 * Flash sales (秒杀) as the store API tells them (`/api/store/flash-sales/*`, see
 * docs/marketing-flash-sales.md; the views' types from web-contract). Browser-safe: the round page
 * counts down and polls with these in the browser.
 */
export type FlashItem = z.infer<typeof flashItemView>;
export type FlashRound = z.infer<typeof flashRoundView>;
export type FlashClaim = z.infer<typeof flashClaimView>;
export type FlashClaimState = FlashClaim['state'];

export interface FlashBadge {
  /** The round page, on this round's tab. */
  href: string;
  /** The lowest flash price of the product's units in the round (fen). */
  price: number;
  live: boolean;
  /** Upcoming: when it starts; live: when it ends ("14:00", "明天 10:00"). */
  at: string;
}

/** What 立即抢 answers on the round page: the won claim, or the refusal's code and the API's words. */
export type FlashBuyResult = { itemId: string; claim: FlashClaim; error: null } | { itemId: string; claim: null; error: { code: string; message: string } };

/** A flash item on the home page's 限时秒杀 block. */
export interface FlashTile {
  itemId: string;
  title: string;
  image: { url: string; width: number; height: number } | null;
  flashPrice: number;
  /** The SKU's own price, struck through beside the flash price. */
  price: number;
  soldOut: boolean;
}

/** The home page's 限时秒杀 block: the round on now, else the next one, with a few of its items. */
export interface FlashTeaser {
  href: string;
  name: string;
  live: boolean;
  /** Live: when it ends; upcoming: when it starts. */
  at: string;
  items: FlashTile[];
}

/** An item as the round page shows it: the API's item with its product's words and picture. */
export interface FlashPageItem extends FlashItem {
  slug: string;
  title: string;
  /** The SKU's options ("樱花粉 / 128GB"); empty for a product with one SKU. */
  variantLabel: string;
  image: { url: string; width: number; height: number } | null;
  /** The SKU's own price (fen), struck through beside the flash price. */
  price: number;
}

/** A round as the round page shows it (its tab and its items). */
export interface FlashPageRound {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  /** The tab's time: "10:00", "明天 10:00". */
  label: string;
  /** When it ends, worded alike. */
  endsLabel: string;
  items: FlashPageItem[];
}

/** The rounds endpoint answers once a second for everyone: the round page asks as often, no more. */
export const ROUNDS_POLL_MS = 1000;
/** A won claim becomes an order in well under a second; the page looks this often meanwhile. */
export const CLAIM_POLL_MS = 500;
/** Still no order after this long: the page says it is slower than usual, and looks less often. */
export const CLAIM_SLOW_MS = 10_000;
export const CLAIM_SLOW_POLL_MS = 2000;
/** After this long still undecided, the page stops looking and sends the shopper to their orders. */
export const CLAIM_PATIENCE_MS = 120_000;
/** Listings and product pages badge products whose round is on, or starts within this. */
export const BADGE_AHEAD_MS = 24 * 3600_000;

export type FlashPhase = 'upcoming' | 'live' | 'ended';

export function phaseOf(round: Pick<FlashRound, 'startsAt' | 'endsAt'>, now: number): FlashPhase {
  if (now < Date.parse(round.startsAt)) return 'upcoming';
  return now < Date.parse(round.endsAt) ? 'live' : 'ended';
}

export const unitsLeft = (item: Pick<FlashItem, 'left' | 'stock'>) => Math.max(0, item.left ?? item.stock);

/** Share of the round's units gone, 0–100, rounded down (99% while one unit of many is left). */
export function takenPercent(item: Pick<FlashItem, 'left' | 'stock'>): number {
  if (item.stock <= 0) return 100;
  return Math.min(100, Math.max(0, Math.floor(((item.stock - unitsLeft(item)) * 100) / item.stock)));
}

/** What the buy button of an item says and does. */
export type BuyState = 'upcoming' | 'live' | 'soldOut' | 'ended';

export function buyState(round: Pick<FlashRound, 'startsAt' | 'endsAt'>, item: Pick<FlashItem, 'left' | 'stock'>, now: number): BuyState {
  const phase = phaseOf(round, now);
  if (phase === 'ended') return 'ended';
  if (unitsLeft(item) === 0) return 'soldOut';
  return phase;
}

/**
 * A moment of a round as a shopper reads it: "14:00" today, "明天 10:00" / "10:00 tomorrow",
 * else the date with the time. In the store's time zone, like every time the store prints.
 */
export function roundTime(iso: string, now: Date, locale: Locale, timeZone: string, t: TFunction): string {
  const time = timeOfDay(iso, timeZone);
  const d = daysFrom(now, iso, timeZone);
  if (d === 0) return time;
  if (d === 1) return t('flash.tomorrowAt', { time });
  return `${date(iso, locale, timeZone)} ${time}`;
}

/** Refusals of the token and buy calls that have words of their own (dictionary `flash.refusals.*`). */
export const REFUSALS = [
  'FLASH_SOLD_OUT',
  'FLASH_LIMIT_REACHED',
  'FLASH_NOT_STARTED',
  'FLASH_ENDED',
  'FLASH_TOKEN_INVALID',
  'FLASH_OVER_LIMIT',
  'FLASH_ADDRESS_NEEDED',
  'RATE_LIMITED',
] as const;
export type Refusal = (typeof REFUSALS)[number];
export const isRefusal = (code: string): code is Refusal => (REFUSALS as readonly string[]).includes(code);

/** Why a won unit went back, as the claim tells it (`releasedReason`), with words of their own. */
export const RELEASE_REASONS = ['orderFailed', 'orderCancelled'] as const;
export const releaseKey = (reason: string | null | undefined) =>
  (RELEASE_REASONS as readonly string[]).includes(reason ?? '') ? `flash.released.${reason}` : 'flash.released.other';

/** Why the order of a win could not be made (the claim's `failure`: the refusal's code), in the shopper's words. */
export function failureKey(code: string | null | undefined): { key: string; address: boolean } {
  if (code === 'FLASH_ADDRESS_NEEDED' || code === 'ADDRESS_REQUIRED' || code === 'ADDRESS_NOT_FOUND') return { key: 'flash.failures.address', address: true };
  if (code === 'ITEM_UNAVAILABLE' || code === 'EARLY_ACCESS_ONLY' || code === 'PRODUCT_NOT_FOUND') return { key: 'flash.failures.item', address: false };
  if (code === 'SHIPPING_METHOD_NOT_FOUND') return { key: 'flash.failures.shipping', address: false };
  return { key: 'flash.failures.other', address: false };
}

/** The round page's address for a round (the tab's link; badges point there too). */
export const roundPath = (roundId?: string) => (roundId ? `/flash?round=${encodeURIComponent(roundId)}` : '/flash');

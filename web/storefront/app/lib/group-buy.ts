/**
 * Group buying (拼团) as the store API tells it (`/api/store/group-buys/*`, see
 * docs/marketing-group-buys.md). Browser-safe: the team page counts down with these.
 */
export type TeamState = 'open' | 'filled' | 'failed';

export interface GroupBuyTeam {
  id: string;
  activityId: string;
  state: TeamState;
  size: number;
  paid: number;
  held: number;
  houseSeats: number;
  seatsLeft: number;
  msLeft: number;
  deadline: string;
  members: Array<{ name: string; role: 'leader' | 'member'; paid: boolean }>;
  sharePath: string;
}

export interface GroupBuyActivity {
  id: string;
  name: { 'zh-CN': string; en: string };
  productId: string;
  variants: Array<{ variantId: string; groupPrice: number }>;
  teamSize: number;
  timeLimitMinutes: number;
  perCustomerLimit: number;
  leaderDiscount: number;
  status: 'active' | 'paused' | string;
}

/** The cache tag of the store's list of offers on sale: a page built on it is evicted when an operator changes an offer. */
export { GROUP_BUYS_TAG } from '../../../../src/web-contract';

/** An offer on sale as `GET /api/store/group-buys` lists it. */
export interface GroupBuyOffer {
  id: string;
  name: { 'zh-CN': string; en: string };
  productId: string;
  variants: Array<{ variantId: string; groupPrice: number }>;
  teamSize: number;
  timeLimitMinutes: number;
  leaderDiscount: number;
}

/** A product's 拼团 line on a card or the product page: the offer's page, its lowest group price, the team size. */
export interface GroupBuyBadge {
  href: string;
  price: number;
  teamSize: number;
}

/** An offer on the home page's 拼团 block. */
export interface GroupBuyTile {
  href: string;
  title: string;
  image: { url: string; width: number; height: number } | null;
  groupPrice: number;
  /** The SKU's own price, struck through beside the group price. */
  price: number;
  teamSize: number;
}

export type SeatState = 'held' | 'paid' | 'released' | 'refunded';

/** One of the shopper's teams (我的拼团), as `GET /api/store/me/group-buys` tells it. */
export interface MyGroupBuyTeam {
  team: GroupBuyTeam;
  activityName: { 'zh-CN': string; en: string };
  productId: string;
  orderId: string;
  paidAmount: number;
  refundedAmount: number;
  role: 'leader' | 'member';
  seat: SeatState;
}

/** A paid member of a team still forming may leave it (退团); the leader stays, an unpaid member cancels the order instead. */
export const canLeave = (m: Pick<MyGroupBuyTeam, 'role' | 'seat'> & { team: Pick<GroupBuyTeam, 'state'> }, msLeft: number) =>
  m.role === 'member' && m.seat === 'paid' && m.team.state === 'open' && msLeft > 0;

/** An activity's SKU as the pages show it: the group price beside the SKU's own price. */
export interface GroupBuyOption {
  variantId: string;
  label: string;
  groupPrice: number;
  /** What the leader pays (团长优惠 off the group price, never below ¥0.01). */
  leaderPrice: number;
  price: number;
}

/** What 开团 / 参团 answer when refused: the code (worded by the page) and whether a team of one's own is the way in. */
export interface SeatRefusal {
  error: { code: string; message: string; offerNewTeam: boolean };
}

/** Refusals with words of their own (dictionary `groupBuy.refusals.*`). */
export const REFUSALS = [
  'GROUP_TEAM_FULL',
  'GROUP_TEAM_CLOSED',
  'GROUP_TEAM_EXPIRED',
  'GROUP_TEAM_NOT_READY',
  'GROUP_ALREADY_IN_TEAM',
  'GROUP_LIMIT_REACHED',
  'GROUP_ACTIVITY_PAUSED',
  'GROUP_ADDRESS_NEEDED',
] as const;
export const isRefusal = (code: string): code is (typeof REFUSALS)[number] => (REFUSALS as readonly string[]).includes(code);

export const leaderPriceOf = (groupPrice: number, leaderDiscount: number) => Math.max(1, groupPrice - leaderDiscount);

export const activityPath = (id: string) => `/group-buys/${encodeURIComponent(id)}`;
export const teamPath = (id: string) => `/group-buys/teams/${encodeURIComponent(id)}`;
export const MY_GROUP_BUYS_PATH = '/account/group-buys';

/** A member's initial for the avatar circle: the first character of the masked name ("张*" → 张). */
export const initialOf = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? '?';

import { z } from 'zod';
import { localizedView } from '../../../platform/http/view-fields.js';
import { GROUP_BUY_STATUSES, TEAM_MEMBER_ROLES, TEAM_SEAT_STATES, TEAM_STATES } from './schema.js';

/** Group buys over HTTP: inputs decide what may be stored; views show what is stored. */
const minor = z.number().int().min(1).max(100_000_000);
const name = z.object({ 'zh-CN': z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) }).strict();

export const groupBuyInput = z
  .object({
    name,
    productId: z.uuid(),
    variants: z.array(z.object({ variantId: z.uuid(), groupPrice: minor.describe('What a member pays per unit, below the SKU’s price') }).strict()).min(1).max(50),
    teamSize: z.number().int().min(2).max(50),
    timeLimitMinutes: z.number().int().min(60).max(4320).optional().describe('From the leader’s payment; default 1440 (24 h)'),
    perCustomerLimit: z.number().int().min(1).max(99).optional(),
    leaderDiscount: z.number().int().min(0).max(100_000_000).optional().describe('团长优惠, minor units off the group price for the leader'),
    simulatedFill: z.object({ enabled: z.boolean(), maxSeatsLeft: z.number().int().min(1).max(49) }).strict().optional().describe('模拟成团: off by default'),
  })
  .strict();
export type GroupBuyInput = z.infer<typeof groupBuyInput>;

/** An edit: any of the settings but the product, each replacing what is stored; the whole is checked again. */
export const groupBuyPatch = groupBuyInput.omit({ productId: true }).partial().strict();
export type GroupBuyPatch = z.infer<typeof groupBuyPatch>;

export const groupBuyStatusInput = z.object({ status: z.enum(GROUP_BUY_STATUSES) }).strict();

export const groupBuyView = z.object({
  id: z.string(),
  name: localizedView,
  productId: z.string(),
  variants: z.array(z.object({ variantId: z.string(), groupPrice: z.number().int() })),
  teamSize: z.number().int(),
  timeLimitMinutes: z.number().int(),
  perCustomerLimit: z.number().int(),
  leaderDiscount: z.number().int(),
  simulatedFill: z.object({ enabled: z.boolean(), maxSeatsLeft: z.number().int() }),
  status: z.enum(GROUP_BUY_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupBuyView = z.infer<typeof groupBuyView>;

export { GROUP_BUYS_TAG } from './cache-tags.js';

/** An offer on sale as shoppers' pages list it: what a badge or a tile tells, none of the house's settings (模拟成团). */
export const groupBuyOfferView = z.object({
  id: z.string(),
  name: localizedView,
  productId: z.string(),
  variants: z.array(z.object({ variantId: z.string(), groupPrice: z.number().int() })),
  teamSize: z.number().int(),
  timeLimitMinutes: z.number().int(),
  leaderDiscount: z.number().int().describe('团长优惠, minor units off the group price for the leader'),
});
export type GroupBuyOfferView = z.infer<typeof groupBuyOfferView>;

/** A team as shoppers see it: members by masked name, never their ids. */
export const teamView = z.object({
  id: z.string(),
  activityId: z.string(),
  state: z.enum(TEAM_STATES),
  size: z.number().int(),
  paid: z.number().int(),
  held: z.number().int(),
  houseSeats: z.number().int(),
  seatsLeft: z.number().int(),
  msLeft: z.number().int(),
  deadline: z.string(),
  members: z.array(z.object({ name: z.string(), role: z.enum(TEAM_MEMBER_ROLES), paid: z.boolean() })),
  sharePath: z.string().describe('The storefront path to send friends to'),
});
export type TeamView = z.infer<typeof teamView>;

/** One of the shopper's teams (我的拼团): the team as anyone sees it, with their own seat and order. */
export const myTeamView = z.object({
  team: teamView,
  activityName: localizedView,
  productId: z.string().describe('The offer’s product'),
  orderId: z.string(),
  paidAmount: z.number().int().describe('What my order was paid, minor units'),
  refundedAmount: z.number().int().describe('What has been refunded on my order, minor units'),
  role: z.enum(TEAM_MEMBER_ROLES),
  seat: z.enum(TEAM_SEAT_STATES).describe('held: unpaid; paid; released: freed before any money came; refunded: the money went back'),
});
export type MyTeamView = z.infer<typeof myTeamView>;

export const seatInput = z
  .object({
    variantId: z.uuid(),
    quantity: z.number().int().min(1).max(99).default(1),
    addressId: z.uuid().describe('One of the shopper’s saved addresses'),
    shippingMethodId: z.uuid().optional(),
  })
  .strict();
export type SeatInput = z.infer<typeof seatInput>;

export const seatPlaced = z.object({ teamId: z.string(), orderId: z.string(), orderNumber: z.string(), total: z.number().int() });

export const groupBuyReport = z.object({
  teams: z.object({ open: z.number().int(), filled: z.number().int(), failed: z.number().int() }),
  successRate: z.number().nullable().describe('filled / (filled + failed); null before any team closed'),
  gmv: z.number().int().describe('Paid by members of filled teams, minor units'),
  refundedOrders: z.number().int(),
  refundedAmount: z.number().int().describe('Refunded on the activity’s orders (failed teams, late payments, withdrawals, after-sales), minor units'),
});

import { ORDER_STATES, type OrderState } from './state-machine.js';

/**
 * The tabs of a shopper's order list (我的订单): 全部 · 待付款 · 待发货 · 待收货 · 已完成 ·
 * 退款/售后 · 已取消. The list of one tab and the count on it both come from tabsOf(), so they
 * cannot disagree, and every order is in 全部 and in at least one other tab.
 *
 * An order is in a fulfilment tab by where the parcel is, and also in afterSale once money has
 * gone back (refundedAmount > 0) — the way Chinese shops show an order with a refunded line in
 * both 待收货 and 退款/售后. partially_refunded says only that some money went back: the parcel
 * may not have left yet, be on its way, have arrived or the order be complete, which the order's
 * shippedAt / deliveredAt / completedAt say (`progress`).
 */
export const ORDER_TABS = ['all', 'unpaid', 'toShip', 'toReceive', 'completed', 'afterSale', 'cancelled'] as const;
export type OrderTab = (typeof ORDER_TABS)[number];

/** How far the parcel got, from the order's timestamps (the latest one set). */
export const ORDER_PROGRESS = ['none', 'shipped', 'delivered', 'completed'] as const;
export type OrderProgress = (typeof ORDER_PROGRESS)[number];

/** What of an order decides its tabs: three columns of the order row. */
export interface OrderTabFacts {
  status: OrderState;
  /** refundedAmount > 0. */
  refunded: boolean;
  progress: OrderProgress;
}

const BY_PROGRESS: Record<OrderProgress, OrderTab> = { none: 'toShip', shipped: 'toReceive', delivered: 'toReceive', completed: 'completed' };

/**
 * Where each status puts an order. A Record over every state, so a new state in the state
 * machine does not compile until it is given its tab.
 */
const BY_STATUS: Record<OrderState, (f: OrderTabFacts) => OrderTab[]> = {
  pending_payment: () => ['unpaid'],
  paid: () => ['toShip'],
  shipped: () => ['toReceive'],
  // Delivered but not yet confirmed: the shopper still has to confirm receipt (确认收货).
  delivered: () => ['toReceive'],
  completed: () => ['completed'],
  cancelled: () => ['cancelled'],
  // Everything came back: only the after-sale tab has anything to say about it.
  refunded: () => ['afterSale'],
  // Some came back; the rest goes on through fulfilment.
  partially_refunded: (f) => [BY_PROGRESS[f.progress], 'afterSale'],
};

/** The tabs an order shows in, 'all' first; never only 'all'. */
export function tabsOf(f: OrderTabFacts): OrderTab[] {
  const tabs = new Set<OrderTab>(['all', ...BY_STATUS[f.status](f)]);
  if (f.refunded) tabs.add('afterSale');
  return ORDER_TABS.filter((t) => tabs.has(t));
}

/** Every combination of facts an order row can have (and a few it cannot): 64 of them. */
export function allTabFacts(): OrderTabFacts[] {
  const out: OrderTabFacts[] = [];
  for (const status of ORDER_STATES) for (const refunded of [false, true]) for (const progress of ORDER_PROGRESS) out.push({ status, refunded, progress });
  return out;
}

/** The facts an order must have to show in a tab: what the list query of that tab selects. */
export function factsInTab(tab: OrderTab): OrderTabFacts[] {
  return allTabFacts().filter((f) => tabsOf(f).includes(tab));
}

/** Counts per tab from counts per facts (what a GROUP BY over the shopper's orders gives). */
export function countTabs(groups: ReadonlyArray<OrderTabFacts & { count: number }>): Record<OrderTab, number> {
  const counts = Object.fromEntries(ORDER_TABS.map((t) => [t, 0])) as Record<OrderTab, number>;
  for (const g of groups) for (const t of tabsOf(g)) counts[t] += g.count;
  return counts;
}

export function isOrderTab(value: unknown): value is OrderTab {
  return typeof value === 'string' && (ORDER_TABS as readonly string[]).includes(value);
}

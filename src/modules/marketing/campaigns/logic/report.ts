import { CHANNEL_MEDIUM, type CampaignChannel } from '../constants.js';

/** One attributed paid order as the report adds it up. */
export interface AttributedOrder {
  channel: string;
  gmv: number;
  discount: number;
  refunded: number;
  /** The order was its customer's first paid order. */
  firstPaid: boolean;
  storeDay: string;
}

export interface Figures {
  orders: number;
  gmv: number;
  discount: number;
  refunded: number;
  newCustomers: number;
}

const zero = (): Figures => ({ orders: 0, gmv: 0, discount: 0, refunded: 0, newCustomers: 0 });
const add = (f: Figures, o: AttributedOrder) => {
  f.orders += 1;
  f.gmv += o.gmv;
  f.discount += o.discount;
  f.refunded += Math.min(o.refunded, o.gmv);
  if (o.firstPaid) f.newCustomers += 1;
};

/**
 * Return on the campaign's cost: what it kept (gmv less refunds) for each yuan it cost (its
 * discounts and its budget), to two decimals; null when it cost nothing.
 */
export function roiOf(gmv: number, refunded: number, discount: number, budget: number | null): number | null {
  const cost = discount + (budget ?? 0);
  if (cost <= 0) return null;
  return Math.round(((gmv - refunded) / cost) * 100) / 100;
}

/** The report's arithmetic: totals, by channel (most GMV first, then by name) and by store day (oldest first). */
export function summarize(orders: readonly AttributedOrder[], budget: number | null) {
  const totals = zero();
  const channels = new Map<string, Figures>();
  const days = new Map<string, { orders: number; gmv: number }>();
  for (const o of orders) {
    add(totals, o);
    if (!channels.has(o.channel)) channels.set(o.channel, zero());
    add(channels.get(o.channel)!, o);
    const d = days.get(o.storeDay) ?? { orders: 0, gmv: 0 };
    d.orders += 1;
    d.gmv += o.gmv;
    days.set(o.storeDay, d);
  }
  return {
    totals: { ...totals, budget, roi: roiOf(totals.gmv, totals.refunded, totals.discount, budget) },
    byChannel: [...channels].map(([channel, f]) => ({ channel, ...f })).sort((a, b) => b.gmv - a.gmv || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0)),
    byDay: [...days].map(([day, f]) => ({ day, ...f })).sort((a, b) => (a.day < b.day ? -1 : 1)),
  };
}

/** The channel an order counts under: its utm_source, or 'direct'. */
export function channelOf(utm: { source?: string } | null | undefined): string {
  return utm?.source?.trim() || 'direct';
}

/**
 * What of an order's discounts decides attribution by lever: a coupon discount (its id is the
 * customer's coupon) as `coupon:<templateId>`, any other rule's discount (promotions: the rule id
 * is the promotion id) as `promotion:<ruleId>`; points and manual discounts are no lever.
 */
export function leversOf(discounts: ReadonlyArray<{ source: string; id: string }>, templateOfCoupon: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>();
  for (const d of discounts) {
    if (d.source === 'coupon') {
      const template = templateOfCoupon.get(d.id);
      if (template) out.add(`coupon:${template}`);
    } else if (d.source !== 'points' && d.source !== 'manual') out.add(`promotion:${d.id}`);
  }
  return [...out].sort();
}

/** The calendar day of an instant in a zone, YYYY-MM-DD. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The campaign's levers, as `leversOf` spells them. */
export function campaignLevers(c: { promotionIds: readonly string[]; couponTemplateIds: readonly string[] }): string[] {
  return [...c.promotionIds.map((id) => `promotion:${id}`), ...c.couponTemplateIds.map((id) => `coupon:${id}`)];
}

/** The landing page's link for each channel: utm_source, the channel's utm_medium, utm_campaign = slug. */
export function channelLinks(slug: string, channels: readonly CampaignChannel[], base: string): Array<{ channel: CampaignChannel; url: string }> {
  return channels.map((channel) => {
    const q = new URLSearchParams({ utm_source: channel, utm_medium: CHANNEL_MEDIUM[channel], utm_campaign: slug });
    return { channel, url: `${base}/campaigns/${encodeURIComponent(slug)}?${q.toString()}` };
  });
}

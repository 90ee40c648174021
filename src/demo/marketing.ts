import { sql } from 'drizzle-orm';
import type { Kernel } from '../platform/kernel.js';
import { DAY, MINUTE } from '../platform/clock.js';
import { campaignOrders, campaignRefunds, campaigns, customerFirstPaid } from '../modules/marketing/campaigns/schema.js';
import { CHANNEL_MEDIUM, type CampaignChannel } from '../modules/marketing/campaigns/constants.js';
import { couponClaims, couponLedger, coupons, couponTemplates } from '../modules/marketing/coupons/schema.js';
import { growthLedger, memberOrders, members } from '../modules/marketing/membership/schema.js';
import { DEFAULT_MEMBER_PROGRAM, afterGrowth, growthFor, reviewed, tierOf } from '../modules/marketing/membership/program.js';
import { pointsAccounts, pointsLedger, pointsLots, pointsOrders, type PointsEntryKind } from '../modules/marketing/points/schema.js';
import { DEFAULT_POINTS_POLICY, earnFor, expiresAt, keptShare } from '../modules/marketing/points/policy.js';
import { promotions } from '../modules/marketing/promotions/schema.js';
import type { BulkWriter } from './bulk.js';
import { storeDateOf, storeMidnight } from './calendar.js';
import { Rng } from './random.js';

/**
 * A year of marketing behind the demo orders, so every marketing screen and report has data on the
 * first start (issue 12): the festivals' 满减 as promotions and their campaigns (618, Double 11,
 * Double 12) with coupons claimed, orders attributed to their channels, a monthly member day, the
 * next festival's campaign ready to go, and each shopper's growth, tier and points as the services
 * would have left them — every points and growth change a ledger row, every coupon's too.
 *
 * Written from the orders the simulator wrote (read back in the load's transaction), with the
 * default points policy and membership programme. Past promotions only: nothing here changes what
 * a cart costs today.
 */
export interface MarketingHistoryDeps {
  k: Kernel;
  writer: BulkWriter;
  exec: (text: string) => Promise<void>;
  nextId: (at: number) => string;
  seed: number;
  asOf: number;
  tz: string;
  firstDay: number;
  /** The best sellers, for the campaigns' product grids. */
  topProductIds: string[];
}

interface Festival {
  key: 'f618' | 'double11' | 'double12';
  slug: string;
  start: number;
  end: number;
  threshold: number;
  off: number;
  every: boolean;
  /** The promotion label the simulator priced the orders with (its adjustment id, demo-<key>-<year>). */
  adjustmentId: string;
  name: { 'zh-CN': string; en: string };
  promo: { 'zh-CN': string; en: string };
  budget: number;
}

interface PaidOrder {
  id: string;
  customerId: string;
  total: number;
  goods: number;
  refunded: number;
  discount: number;
  channel: string | null;
  paidAt: number;
  completedAt: number | null;
  adjustments: string;
}

const CAMPAIGN_CHANNELS: CampaignChannel[] = ['sem', 'kol', 'livestream', 'shortVideo', 'email'];
/** The shopper's sign-up channel as a campaign channel, when it is one. */
const AS_CAMPAIGN_CHANNEL: Record<string, CampaignChannel> = { sem: 'sem', kol: 'kol', livestream: 'livestream', short_video: 'shortVideo', email: 'email' };

export function festivalsOf(asOf: number, tz: string, firstDay: number): Festival[] {
  const { y } = storeDateOf(asOf, tz);
  const out: Festival[] = [];
  for (const year of [y - 1, y, y + 1]) {
    const at = (m: number, d: number) => storeMidnight(year, m, d, tz);
    out.push(
      {
        key: 'f618', slug: `618-${year}`, start: at(6, 1), end: at(6, 21), threshold: 30_000, off: 4_000, every: true, adjustmentId: `demo-618-${year}`,
        name: { 'zh-CN': `${year} 618 年中大促`, en: `618 Mid-year Sale ${year}` }, promo: { 'zh-CN': '618 每满300减40', en: '618: ¥40 off every ¥300' }, budget: 5_000_000,
      },
      {
        key: 'double11', slug: `double11-${year}`, start: at(10, 20), end: at(11, 13), threshold: 30_000, off: 5_000, every: true, adjustmentId: `demo-double11-${year}`,
        name: { 'zh-CN': `${year} 双11 狂欢节`, en: `Double 11 ${year}` }, promo: { 'zh-CN': '双11 每满300减50', en: 'Double 11: ¥50 off every ¥300' }, budget: 8_000_000,
      },
      {
        key: 'double12', slug: `double12-${year}`, start: at(12, 10), end: at(12, 13), threshold: 19_900, off: 2_000, every: false, adjustmentId: `demo-double12-${year}`,
        name: { 'zh-CN': `${year} 双12 年终盛典`, en: `Double 12 ${year}` }, promo: { 'zh-CN': '双12 满199减20', en: 'Double 12: ¥20 off ¥199' }, budget: 2_000_000,
      },
    );
  }
  return out.filter((f) => f.end > firstDay).sort((a, b) => a.start - b.start);
}

export async function writeMarketingHistory(d: MarketingHistoryDeps): Promise<{ campaigns: number; members: number; pointsRows: number }> {
  const { writer, nextId, asOf, tz } = d;
  const rng = new Rng(d.seed).fork('marketing');
  const orders = await paidOrders(d.k);
  const festivals = festivalsOf(asOf, tz, d.firstDay);
  const past = festivals.filter((f) => f.end <= asOf);
  // The next festival to come (within two months): its campaign is published and counting down.
  const next = festivals.find((f) => f.start > asOf && f.start - asOf < 60 * DAY);

  // ── Promotions, coupon templates and campaigns of the festivals.
  const promoOf = new Map<string, string>();
  const templateOf = new Map<string, string>();
  for (const f of [...past, ...(next ? [next] : [])]) {
    const created = f.start - 10 * DAY;
    const upcoming = f === next;
    const templateId = nextId(created);
    templateOf.set(f.slug, templateId);
    const coupon = f.key === 'double12' ? { amount: 1000, threshold: 9900 } : { amount: 2000, threshold: 19_900 };
    writer.add(couponTemplates, {
      id: templateId,
      name: { 'zh-CN': `${f.name['zh-CN']} 满${coupon.threshold / 100}减${coupon.amount / 100}券`, en: `${f.name.en}: ¥${coupon.amount / 100} off ¥${coupon.threshold / 100}` },
      action: { kind: 'amountOff', amount: coupon.amount, threshold: coupon.threshold },
      scope: null, withPromotions: true, withPoints: true, totalQuantity: 3000, claimed: 0, perCustomerLimit: 1,
      claimFrom: new Date(upcoming ? asOf - DAY : f.start - 3 * DAY), claimUntil: new Date(f.end), validFrom: new Date(upcoming ? asOf - DAY : f.start - 3 * DAY), validUntil: new Date(f.end), validDays: null,
      refundRule: 'return', status: 'active', publicCode: null, listed: true, createdAt: new Date(created), updatedAt: new Date(created),
    });
    let promotionIds: string[] = [];
    if (!upcoming) {
      const promotionId = nextId(created + 1);
      promoOf.set(f.adjustmentId, promotionId);
      promotionIds = [promotionId];
      writer.add(promotions, {
        id: promotionId, name: f.promo, kind: 'amountOff',
        action: { kind: 'amountOff', threshold: f.threshold, amount: f.off, ...(f.every ? { every: true } : {}) },
        scope: null, conditions: null, stacking: {}, startsAt: new Date(f.start), endsAt: new Date(f.end), status: 'active', createdAt: new Date(created), updatedAt: new Date(created),
      });
    }
    writer.add(campaigns, {
      id: nextId(created + 2), slug: f.slug, kind: 'holiday', name: f.name,
      summary: { 'zh-CN': `${f.promo['zh-CN']}，叠加满减券，全场包邮`, en: `${f.promo.en}, plus coupons and free shipping` },
      startsAt: new Date(f.start), endsAt: new Date(f.end), recurrence: null,
      blocks: [
        { kind: 'banner', title: f.name, subtitle: f.promo, imageId: null },
        { kind: 'countdown', title: null },
        { kind: 'coupons', title: { 'zh-CN': '先领券再下单', en: 'Claim first, then shop' }, templateIds: [templateId] },
        { kind: 'products', title: { 'zh-CN': '爆款推荐', en: 'Best sellers' }, productIds: d.topProductIds.slice(0, 12) },
      ],
      promotionIds, couponTemplateIds: [templateId], budget: f.budget, goals: { gmv: f.budget * 20, orders: Math.round(f.budget / 2500) },
      channels: CAMPAIGN_CHANNELS, status: 'published', publishedAt: new Date(f.start - 3 * DAY), createdAt: new Date(created), updatedAt: new Date(created),
    });
  }
  // The member day: the 18th of every month, all year round (the programme's member-day discounts).
  const memberDayFrom = storeMidnight(storeDateOf(d.firstDay, tz).y, storeDateOf(d.firstDay, tz).m, 1, tz);
  writer.add(campaigns, {
    id: nextId(memberDayFrom), slug: 'member-day', kind: 'memberDay', name: { 'zh-CN': '会员日（每月 18 日）', en: 'Member day (the 18th)' },
    summary: { 'zh-CN': '每月 18 日，黄金会员再享 95 折，铂金会员 9 折', en: 'On the 18th of every month: 5% more off for Gold, 10% for Platinum members' },
    startsAt: new Date(memberDayFrom), endsAt: new Date(storeMidnight(storeDateOf(asOf, tz).y + 2, 1, 1, tz)), recurrence: { monthDay: 18 },
    blocks: [{ kind: 'banner', title: { 'zh-CN': '会员日', en: 'Member day' }, subtitle: { 'zh-CN': '等级越高，优惠越多', en: 'The higher your tier, the more you save' }, imageId: null }, { kind: 'countdown', title: null }],
    promotionIds: [], couponTemplateIds: [], budget: null, goals: null, channels: ['email', 'sms'], status: 'published',
    publishedAt: new Date(memberDayFrom), createdAt: new Date(memberDayFrom), updatedAt: new Date(memberDayFrom),
  });

  // ── Orders in a festival's window came from its links (about 60%), by the shopper's channel where it is one.
  const utmOf = new Map<string, { source: CampaignChannel; campaign: string }>();
  for (const o of orders) {
    const f = past.find((x) => o.paidAt >= x.start - 3 * DAY && o.paidAt < x.end);
    const r = rng.fork('utm', o.id);
    if (!f || !r.chance(0.6)) continue;
    utmOf.set(o.id, { source: (o.channel ? AS_CAMPAIGN_CHANNEL[o.channel] : undefined) ?? r.pick(CAMPAIGN_CHANNELS), campaign: f.slug });
  }
  const tagged = [...utmOf];
  for (let i = 0; i < tagged.length; i += 1000) {
    const values = tagged
      .slice(i, i + 1000)
      .map(([id, u]) => `('${id}'::uuid, '${JSON.stringify({ source: u.source, medium: CHANNEL_MEDIUM[u.source], campaign: u.campaign })}'::jsonb)`)
      .join(',');
    await d.exec(`update "orders" as o set "utm" = v.utm from (values ${values}) as v(id, utm) where o."id" = v.id`);
  }

  // ── The campaign report's facts: every paid order, its levers and refunds; each shopper's first paid order.
  const first = new Map<string, PaidOrder>();
  for (const o of orders) {
    const u = utmOf.get(o.id);
    const levers = o.adjustments.split(',').flatMap((id) => (promoOf.has(id) ? [`promotion:${promoOf.get(id)}`] : []));
    writer.add(campaignOrders, {
      orderId: o.id, customerId: o.customerId, utmCampaign: u?.campaign ?? null, channel: u?.source ?? 'direct', levers, gmv: o.total, discount: o.discount,
      paidAt: new Date(o.paidAt), storeDay: dayKeyOf(o.paidAt, tz),
    });
    if (o.refunded > 0) writer.add(campaignRefunds, { eventId: nextId(o.paidAt + 1), orderId: o.id, amount: o.refunded });
    if (!first.has(o.customerId)) first.set(o.customerId, o);
  }
  for (const [customerId, o] of first) writer.add(customerFirstPaid, { customerId, orderId: o.id, paidAt: new Date(o.paidAt) });

  // ── Coupons: about a third of each past festival's buyers claimed its coupon; unused, they expired.
  for (const f of past) {
    const templateId = templateOf.get(f.slug)!;
    const buyers = new Map<string, number>();
    for (const o of orders) if (o.paidAt >= f.start && o.paidAt < f.end && !buyers.has(o.customerId)) buyers.set(o.customerId, o.paidAt);
    let claimed = 0;
    for (const [customerId, at] of buyers) {
      if (!rng.fork('claim', f.slug, customerId).chance(0.35) || claimed >= 3000) continue;
      claimed++;
      const claimedAt = Math.max(f.start - 3 * DAY, at - 2 * 60 * MINUTE);
      const couponId = nextId(claimedAt);
      writer.add(coupons, {
        id: couponId, templateId, customerId, code: `D${couponId.replace(/-/g, '').slice(-11).toUpperCase()}`, status: 'expired',
        validFrom: new Date(f.start - 3 * DAY), validUntil: new Date(f.end), orderId: null, claimedAt: new Date(claimedAt), usedAt: null,
      });
      writer.add(couponClaims, { templateId, customerId, count: 1 });
      writer.add(couponLedger, { couponId, templateId, customerId, event: 'claimed', orderId: null, at: new Date(claimedAt) });
      writer.add(couponLedger, { couponId, templateId, customerId, event: 'expired', orderId: null, at: new Date(f.end + 17 * MINUTE) });
    }
    await writer.flushAll();
    await d.exec(`update "marketing_coupon_templates" set "claimed" = ${claimed} where "id" = '${templateId}'`);
  }

  // ── Growth, tiers and points, shopper by shopper, in the order things happened.
  const byCustomer = new Map<string, PaidOrder[]>();
  for (const o of orders) byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
  const program = DEFAULT_MEMBER_PROGRAM;
  const policy = DEFAULT_POINTS_POLICY;
  const cycleStart = storeMidnight(storeDateOf(asOf, tz).y, 1, 1, tz);
  let pointsRows = 0;
  for (const [customerId, list] of byCustomer) {
    let tier = program.tiers[0]!.code;
    let growth = 0;
    let tierSince = list[0]!.paidAt;
    let reviewedYet = list[0]!.paidAt >= cycleStart;
    const review = () => {
      const after = reviewed(program, tier, growth).code;
      writer.add(growthLedger, { customerId, kind: 'review', delta: -growth, growthAfter: 0, tierBefore: tier, tierAfter: after, orderId: null, at: new Date(cycleStart) });
      tier = after;
      growth = 0;
      tierSince = cycleStart;
      reviewedYet = true;
    };
    const moves: Array<{ at: number; kind: PointsEntryKind; delta: number; pending: number; orderId: string; lotId: string | null }> = [];
    for (const o of list) {
      if (!reviewedYet && o.paidAt >= cycleStart) review();
      const kept = o.refunded > 0 ? o.total - o.refunded : null;
      const base = growthFor(o.goods, program);
      const applied = kept === null ? base : keptShare(base, kept, o.total);
      const multiplier = tierOf(program, tier).benefits.pointsMultiplierBps;
      if (applied > 0) {
        const before = tier;
        growth += applied;
        tier = afterGrowth(program, tier, growth).code;
        if (tier !== before) tierSince = o.paidAt;
        writer.add(growthLedger, { customerId, kind: 'order', delta: applied, growthAfter: growth, tierBefore: before, tierAfter: tier, orderId: o.id, at: new Date(o.paidAt) });
      }
      writer.add(memberOrders, { orderId: o.id, customerId, paidTotal: o.total, growthBase: base, keptAmount: kept, applied });

      const earn = earnFor(o.goods, policy, multiplier);
      const points = kept === null ? earn : keptShare(earn, kept, o.total);
      const done = o.completedAt !== null && o.completedAt <= asOf;
      if (points > 0) {
        moves.push({ at: o.paidAt, kind: 'earnPending', delta: 0, pending: points, orderId: o.id, lotId: null });
        if (done) {
          const lotId = nextId(o.completedAt!);
          writer.add(pointsLots, {
            id: lotId, customerId, source: 'order', amount: points, remaining: points, creditedAt: new Date(o.completedAt!),
            expiresAt: expiresAt(new Date(o.completedAt!), policy, tz), orderId: o.id,
          });
          moves.push({ at: o.completedAt!, kind: 'earn', delta: points, pending: -points, orderId: o.id, lotId });
        }
      }
      writer.add(pointsOrders, {
        orderId: o.id, customerId, paidTotal: o.total, earnBase: earn, completed: done, cancelled: false, keptAmount: kept,
        pendingApplied: done ? 0 : points, earnedApplied: done ? points : 0, redeemed: 0, redeemedValue: 0, returned: 0, redeemedLots: [],
      });
    }
    if (!reviewedYet && cycleStart <= asOf) review();
    writer.add(members, { customerId, tier, growth, tierSince: new Date(tierSince), birthday: null, birthdayGiftYear: null, updatedAt: new Date(asOf) });

    moves.sort((a, b) => a.at - b.at);
    let balance = 0;
    let pending = 0;
    for (const m of moves) {
      balance += m.delta;
      pending += m.pending;
      writer.add(pointsLedger, {
        customerId, kind: m.kind, delta: m.delta, pendingDelta: m.pending, balanceAfter: balance, pendingAfter: pending, lotId: m.lotId, orderId: m.orderId, reason: null, staffId: null, at: new Date(m.at),
      });
      pointsRows++;
    }
    if (moves.length) writer.add(pointsAccounts, { customerId, balance, pending, updatedAt: new Date(moves[moves.length - 1]!.at) });
    await writer.flushFull();
  }
  await writer.flushAll();
  return { campaigns: past.length + (next ? 1 : 0) + 1, members: byCustomer.size, pointsRows };
}

/** The paid orders the simulator wrote, oldest payment first. */
async function paidOrders(k: Kernel): Promise<PaidOrder[]> {
  const res = await k.db.q.execute(sql`
    select o.id, o.customer_id, o.total, o.subtotal - o.discount_total as goods, o.refunded_amount, o.discount_total + o.shipping_discount as discount,
      o.channel, extract(epoch from o.paid_at) * 1000 as paid_at, extract(epoch from o.completed_at) * 1000 as completed_at,
      coalesce((select string_agg(a->>'id', ',') from jsonb_array_elements(o.quote->'adjustments') a), '') as adjustments
    from orders o where o.paid_at is not null order by o.paid_at, o.id`);
  return (res as unknown as { rows: Array<Record<string, unknown>> }).rows.map((r) => ({
    id: String(r.id),
    customerId: String(r.customer_id),
    total: Number(r.total),
    goods: Number(r.goods),
    refunded: Number(r.refunded_amount),
    discount: Number(r.discount),
    channel: (r.channel as string | null) ?? null,
    paidAt: Math.round(Number(r.paid_at)),
    completedAt: r.completed_at === null ? null : Math.round(Number(r.completed_at)),
    adjustments: String(r.adjustments),
  }));
}

function dayKeyOf(at: number, tz: string): string {
  const { y, m, d } = storeDateOf(at, tz);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

import { TZDate } from '@date-fns/tz';
import { and, asc, desc, eq, isNotNull, lt, ne, or, isNull, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError } from '../../../platform/errors.js';
import { LocalCopy } from '../../../platform/local-copy.js';
import type { OrderPaid, OrderRefunded } from '../../orders/index.js';
import { goodsPaid } from '../../orders/index.js';
import type { PricingRule } from '../../pricing/index.js';
import { keptShare } from '../points/policy.js';
import type { PointsService } from '../points/service.js';
import type { CouponService } from '../coupons/service.js';
import { MembershipErrors } from './errors.js';
import { DEFAULT_MEMBER_PROGRAM, afterGrowth, growthFor, memberProgram, nextTier, reviewed, tierOf, type MemberProgram, type MemberTier } from './program.js';
import { growthLedger, memberOrders, members, type GrowthEntryKind } from './schema.js';
import type { MembershipView } from './types.js';

export const MEMBER_PROGRAM_KEY = 'marketing.membership.program';
/** The cache tag that drops every process's copy of members' tiers. */
export const MEMBER_TIERS_TAG = 'marketing:member-tiers';
type Member = typeof members.$inferSelect;
/** What checkout needs of a shopper's membership, kept in the in-process copy. */
type Standing = { tier: string | null; paid: boolean };

/**
 * Membership (会员体系): growth value from paid goods (refunds take their share back), tiers that
 * upgrade at once and are reviewed yearly with a keep rule (保级), and each tier's benefits: a points
 * multiplier, free shipping and the member-day discount (as pricing rules at checkout), birthday
 * gifts (a daily job). Checkout reads a shopper's tier from an in-process copy, warmed at sign-in and
 * dropped in every process when any tier changes, so pricing costs no statement for it.
 */
export class MembershipService {
  private readonly tiers: LocalCopy<Standing>;

  constructor(
    private readonly k: Kernel,
    private readonly points: PointsService,
    private readonly coupons: CouponService,
  ) {
    this.tiers = new LocalCopy(k.db, k.cache, MEMBER_TIERS_TAG);
  }

  private get q() {
    return this.k.db.q;
  }

  async program(): Promise<MemberProgram> {
    const stored = memberProgram.safeParse(await this.k.settings.get(MEMBER_PROGRAM_KEY));
    return stored.success ? stored.data : DEFAULT_MEMBER_PROGRAM;
  }

  async setProgram(program: MemberProgram): Promise<{ before: MemberProgram; after: MemberProgram }> {
    const before = await this.program();
    await this.k.settings.set(MEMBER_PROGRAM_KEY, program);
    return { before, after: program };
  }

  /** The shopper's tier code (null: not a member yet, i.e. the first tier), from the in-process copy. */
  async tierCode(customerId: string): Promise<string | null> {
    return (await this.standing(customerId)).tier;
  }

  /**
   * Tier and whether any order of theirs was ever paid (新客: a "new customers only" promotion's
   * condition), read together in one statement into the in-process copy, warmed at sign-in.
   */
  async standing(customerId: string): Promise<Standing> {
    return this.tiers.read(customerId, async () => {
      const res = await this.q.execute(sql`
        select (select tier from marketing_members where customer_id = ${customerId}::uuid) as tier,
               exists(select 1 from marketing_member_orders where customer_id = ${customerId}::uuid and paid_total is not null) as paid`);
      const row = (res as unknown as { rows: Array<{ tier: string | null; paid: boolean }> }).rows[0];
      return { tier: row?.tier ?? null, paid: Boolean(row?.paid) };
    });
  }

  /** The tier the shopper prices as: their own, or the first tier when they have no row yet. */
  async effectiveTier(customerId: string): Promise<string> {
    return tierOf(await this.program(), await this.tierCode(customerId)).code;
  }

  /** A member's points multiplier, in basis points. */
  async multiplierOf(customerId: string): Promise<number> {
    const program = await this.program();
    return program.enabled ? tierOf(program, await this.tierCode(customerId)).benefits.pointsMultiplierBps : 10_000;
  }

  /** Customers with a member record in a tier (issuing coupons to a tier), at most `limit`. */
  async customerIdsInTier(tier: string, limit: number): Promise<string[]> {
    const rows = await this.q.select({ id: members.customerId }).from(members).where(eq(members.tier, tier)).orderBy(asc(members.customerId)).limit(limit);
    return rows.map((r) => r.id);
  }

  /** Tier, growth, the way to the next tier, this tier's benefits and every tier (the member centre). */
  async view(customerId: string): Promise<MembershipView> {
    const program = await this.program();
    const [m] = await this.q.select().from(members).where(eq(members.customerId, customerId));
    const tier = tierOf(program, m?.tier ?? null);
    const growth = m?.growth ?? 0;
    const next = nextTier(program, tier.code, growth);
    return {
      enabled: program.enabled,
      tier: { code: tier.code, name: tier.name, benefits: tier.benefits, keep: tier.keep },
      growth,
      tierSince: m?.tierSince.toISOString() ?? null,
      next: next ? { code: next.tier.code, name: next.tier.name, threshold: next.tier.threshold, needed: next.needed } : null,
      birthday: m?.birthday ?? null,
      memberDay: program.memberDay,
      isMemberDay: this.isMemberDay(program),
      tiers: program.tiers.map((t) => ({ code: t.code, name: t.name, threshold: t.threshold, keep: t.keep, benefits: t.benefits })),
    };
  }

  async history(customerId: string) {
    const rows = await this.q.select().from(growthLedger).where(eq(growthLedger.customerId, customerId)).orderBy(desc(growthLedger.id)).limit(100);
    return rows.map((r) => ({ kind: r.kind, delta: r.delta, growthAfter: r.growthAfter, tierBefore: r.tierBefore, tierAfter: r.tierAfter, orderId: r.orderId, at: r.at.toISOString() }));
  }

  /** The member gives their birthday once (changing it would give a birthday gift a day). */
  async setBirthday(customerId: string, birthday: string): Promise<void> {
    await this.ensure(customerId);
    // Conditional: of two saves at once only one finds it empty.
    const set = await this.q
      .update(members)
      .set({ birthday, updatedAt: this.k.clock.now() })
      .where(and(eq(members.customerId, customerId), isNull(members.birthday)))
      .returning({ id: members.customerId });
    if (set.length === 0) {
      const [m] = await this.q.select({ birthday: members.birthday }).from(members).where(eq(members.customerId, customerId));
      throw new AppError(MembershipErrors.BIRTHDAY_SET, { birthday: m?.birthday ?? '' });
    }
  }

  /**
   * The rules a tier's benefits add to a quote: free shipping for tiers that have it, and on member
   * day the extra percent off the goods for tiers that have one. Each rule names the tiers it is for.
   */
  async rules(): Promise<PricingRule[]> {
    const program = await this.program();
    if (!program.enabled) return [];
    const out: PricingRule[] = [];
    const free = program.tiers.filter((t) => t.benefits.freeShipping).map((t) => t.code);
    if (free.length) {
      out.push({
        id: 'membership:free-shipping',
        source: 'promotion',
        name: { 'zh-CN': '会员包邮', en: 'Member free shipping' },
        conditions: { tiers: free },
        action: { kind: 'freeShipping' },
        stacking: { group: 'membership:shipping' },
      });
    }
    if (this.isMemberDay(program)) {
      for (const t of program.tiers) {
        if (t.benefits.memberDayPercentOff <= 0) continue;
        out.push({
          id: `membership:member-day:${t.code}`,
          source: 'promotion',
          name: { 'zh-CN': `会员日${t.name['zh-CN']}专享${(100 - t.benefits.memberDayPercentOff) / 10}折`, en: `Member day: ${t.name.en} ${t.benefits.memberDayPercentOff}% off` },
          conditions: { tiers: [t.code] },
          action: { kind: 'percentOff', percentOff: t.benefits.memberDayPercentOff },
          stacking: { group: 'membership:member-day' },
        });
      }
    }
    return out;
  }

  /** order.paid: the order's growth counts at once (and may upgrade the member). */
  async onPaid(e: OrderPaid): Promise<void> {
    const base = growthFor(goodsPaid(e), await this.program());
    // The member's first paid order ends their being a new customer: every process's copy is dropped.
    if (e.customerId && !(await this.hasPaidOrder(e.customerId))) this.tiers.written();
    await this.fact(e.orderId, e.customerId, sql`paid_total = ${e.total}, growth_base = ${base}`, { paidTotal: e.total, growthBase: base });
  }

  /** order.refunded: the refunded share of its growth goes (the tier stays until the yearly review). */
  async onRefunded(e: OrderRefunded): Promise<void> {
    if (e.keptAmount === undefined) return;
    await this.fact(e.orderId, e.customerId, sql`kept_amount = least(coalesce(marketing_member_orders.kept_amount, ${e.keptAmount}), ${e.keptAmount})`, { keptAmount: e.keptAmount });
  }

  private async fact(orderId: string, customerId: string, set: ReturnType<typeof sql>, insert: { paidTotal?: number; growthBase?: number; keptAmount?: number }): Promise<void> {
    if (!customerId) return;
    const m = await this.ensure(customerId, true);
    const res = await this.q.execute(sql`
      insert into marketing_member_orders (order_id, customer_id, paid_total, growth_base, kept_amount, applied)
      values (${orderId}::uuid, ${customerId}::uuid, ${insert.paidTotal ?? null}, ${insert.growthBase ?? null}, ${insert.keptAmount ?? null}, 0)
      on conflict (order_id) do update set ${set}
      returning paid_total, growth_base, kept_amount, applied`);
    const o = (res as unknown as { rows: Array<Record<string, number | null>> }).rows[0]!;
    const [paid, base, kept, applied] = [o.paid_total, o.growth_base, o.kept_amount, Number(o.applied)].map((v) => (v === null ? null : Number(v)));
    if (paid === null || base === null) return;
    const target = kept === null ? base : keptShare(base, kept, paid);
    const delta = target - applied!;
    if (delta === 0) return;
    await this.q.update(memberOrders).set({ applied: target }).where(eq(memberOrders.orderId, orderId));
    await this.move(m, delta, delta > 0 ? 'order' : 'refund', orderId);
  }

  private async hasPaidOrder(customerId: string): Promise<boolean> {
    const [row] = await this.q.select({ id: memberOrders.orderId }).from(memberOrders).where(and(eq(memberOrders.customerId, customerId), isNotNull(memberOrders.paidTotal))).limit(1);
    return Boolean(row);
  }

  /** Changes growth (never below zero in a cycle) and, when it rose, the tier; one ledger row. */
  private async move(m: Member, delta: number, kind: GrowthEntryKind, orderId: string | null): Promise<void> {
    const program = await this.program();
    const growth = Math.max(0, m.growth + delta);
    const tier = delta > 0 ? afterGrowth(program, m.tier, growth).code : m.tier;
    const now = this.k.clock.now();
    if (tier !== m.tier) this.tiers.written();
    await this.q
      .update(members)
      .set({ growth, tier, ...(tier !== m.tier ? { tierSince: now } : {}), updatedAt: now })
      .where(eq(members.customerId, m.customerId));
    await this.q.insert(growthLedger).values({ customerId: m.customerId, kind, delta: growth - m.growth, growthAfter: growth, tierBefore: m.tier, tierAfter: tier, orderId, at: now });
    if (tier !== m.tier) await this.upgradeGift(m.customerId, tierOf(program, tier));
  }

  /** Reaching a tier: its upgrade gift (升级礼), points and/or a coupon, in the same transaction as the move. */
  private async upgradeGift(customerId: string, tier: MemberTier): Promise<void> {
    const { upgradePoints, upgradeCouponTemplateId } = tier.benefits;
    if (upgradePoints > 0) await this.points.gift(customerId, upgradePoints, 'tierUpgrade');
    if (upgradeCouponTemplateId) await this.coupons.grant(customerId, upgradeCouponTemplateId);
  }

  /** The member's row (created as the first tier), locked when asked. */
  private async ensure(customerId: string, lock = false): Promise<Member> {
    const program = await this.program();
    const now = this.k.clock.now();
    await this.q.insert(members).values({ customerId, tier: program.tiers[0]!.code, growth: 0, tierSince: now, birthday: null, birthdayGiftYear: null, updatedAt: now }).onConflictDoNothing();
    const query = this.q.select().from(members).where(eq(members.customerId, customerId));
    const [m] = lock ? await query.for('update') : await query;
    return m!;
  }

  /**
   * The yearly review (1 January, store time): each member keeps their tier if the past cycle's
   * growth reached its keep (保级), otherwise drops to what that growth reaches; growth restarts at 0.
   * In batches, each member once per review (the review's instant is kept on the ledger row).
   */
  async review(batch = 500): Promise<number> {
    const program = await this.program();
    const now = this.k.clock.now();
    const cycleStart = this.yearStart(now);
    let done = 0;
    for (;;) {
      const n = await this.k.db.transaction(async () => {
        const due = await this.q
          .select()
          .from(members)
          .where(lt(members.tierSince, cycleStart))
          .orderBy(asc(members.customerId))
          .limit(batch)
          .for('update', { skipLocked: true });
        // Members who joined or moved this cycle already have this cycle's tier; the rest are reviewed.
        for (const m of due) {
          const tier = reviewed(program, m.tier, m.growth).code;
          await this.q.update(members).set({ tier, growth: 0, tierSince: now, updatedAt: now }).where(eq(members.customerId, m.customerId));
          await this.q.insert(growthLedger).values({ customerId: m.customerId, kind: 'review', delta: -m.growth, growthAfter: 0, tierBefore: m.tier, tierAfter: tier, orderId: null, at: now });
        }
        if (due.length) this.tiers.written();
        return due.length;
      });
      done += n;
      if (n < batch) return done;
    }
  }

  /** Birthday gifts for members whose birthday is today (store time), once a year each (the daily job). */
  async giveBirthdayGifts(): Promise<number> {
    const program = await this.program();
    if (!program.enabled) return 0;
    const today = new TZDate(this.k.clock.now().getTime(), this.k.timezone.get());
    const year = today.getFullYear();
    const monthDay = `${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const due = await this.q
      .select()
      .from(members)
      .where(and(isNotNull(members.birthday), sql`to_char(${members.birthday}, 'MM-DD') = ${monthDay}`, or(isNull(members.birthdayGiftYear), ne(members.birthdayGiftYear, year))))
      .limit(5000);
    let given = 0;
    for (const m of due) {
      const benefits = tierOf(program, m.tier).benefits;
      given += await this.k.db.transaction(async () => {
        // Claimed first: a second runner (or a retry) finds the year already set and gives nothing.
        const claimed = await this.q
          .update(members)
          .set({ birthdayGiftYear: year })
          .where(and(eq(members.customerId, m.customerId), or(isNull(members.birthdayGiftYear), ne(members.birthdayGiftYear, year))))
          .returning({ id: members.customerId });
        if (claimed.length === 0) return 0;
        if (benefits.birthdayPoints > 0) await this.points.gift(m.customerId, benefits.birthdayPoints, 'birthday');
        if (benefits.birthdayCouponTemplateId) await this.coupons.grant(m.customerId, benefits.birthdayCouponTemplateId);
        return 1;
      });
    }
    return given;
  }

  private isMemberDay(program: MemberProgram): boolean {
    if (program.memberDay === null) return false;
    return new TZDate(this.k.clock.now().getTime(), this.k.timezone.get()).getDate() === program.memberDay;
  }

  private yearStart(now: Date): Date {
    const year = new TZDate(now.getTime(), this.k.timezone.get()).getFullYear();
    return new Date(new TZDate(year, 0, 1, 0, 0, 0, this.k.timezone.get()).getTime());
  }
}

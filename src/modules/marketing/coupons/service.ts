import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError, CoreErrors, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { describeAction, scopeCovers, type PricingRule, type RuleAction } from '../../pricing/index.js';
import { CouponErrors } from './errors.js';
import { couponLedger, coupons, couponTemplates, type CouponEvent, type CouponStatus } from './schema.js';
import type { CouponTemplateInput, CouponTemplatePatch, CouponTemplateView, CouponView } from './types.js';

type Template = typeof couponTemplates.$inferSelect;
import { COUPON_TEMPLATES_TAG } from './cache-tags.js';
type Coupon = typeof coupons.$inferSelect;
const DAY = 86_400_000;
const STATUS_ZH: Record<CouponStatus, string> = { available: '可用', locked: '已被待支付订单占用', used: '已使用', expired: '已过期' };
/** Codes shoppers may read aloud or type: no 0/O, 1/I/L. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * Coupons (优惠券): operators design templates; shoppers claim them (领券) within the total and the
 * per-customer limit, even when hundreds claim at once; checkout locks a coupon for an unpaid order,
 * payment uses it, a cancellation or timeout releases it, a full refund may return it. Every change
 * writes a ledger row in its own transaction.
 */
export class CouponService {
  constructor(private readonly k: Kernel) {}

  private get q() {
    return this.k.db.q;
  }

  async createTemplate(input: CouponTemplateInput): Promise<CouponTemplateView> {
    const now = this.k.clock.now();
    const row: Template = {
      id: newId(),
      name: input.name,
      action: input.action as RuleAction,
      scope: input.scope ?? null,
      withPromotions: input.withPromotions,
      withPoints: input.withPoints,
      totalQuantity: input.totalQuantity,
      claimed: 0,
      perCustomerLimit: input.perCustomerLimit,
      claimFrom: input.claimFrom ?? null,
      claimUntil: input.claimUntil ?? null,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      validDays: input.validDays ?? null,
      refundRule: input.refundRule,
      status: input.status,
      publicCode: input.publicCode ?? null,
      listed: input.listed,
      createdAt: now,
      updatedAt: now,
    };
    if (row.publicCode) await this.reservePublicCode(row.publicCode, row.id);
    await this.q.insert(couponTemplates).values(row);
    this.templatesChanged();
    return templateView(row);
  }

  /** Changes what may change once coupons are out; a total never below what was given. */
  async updateTemplate(id: string, patch: CouponTemplatePatch): Promise<{ before: CouponTemplateView; after: CouponTemplateView }> {
    const [row] = await this.q.select().from(couponTemplates).where(eq(couponTemplates.id, id)).for('update');
    if (!row) throw notFound(`coupon template ${id}`);
    const next: Template = { ...row, ...patch, updatedAt: this.k.clock.now() };
    if (next.totalQuantity !== null && next.totalQuantity < row.claimed) throw new AppError(CouponErrors.COUPON_TOTAL_BELOW_CLAIMED, { claimed: row.claimed });
    if (next.claimFrom && next.claimUntil && next.claimUntil <= next.claimFrom) throw new AppError(CoreErrors.VALIDATION_FAILED, { summary: 'claimUntil must be after claimFrom' });
    if (next.publicCode && next.publicCode !== row.publicCode) await this.reservePublicCode(next.publicCode, id);
    const { id: _id, createdAt: _c, ...set } = next;
    await this.q.update(couponTemplates).set(set).where(eq(couponTemplates.id, id));
    this.templatesChanged();
    return { before: templateView(row), after: templateView(next) };
  }

  private templatesChanged(): void {
    this.k.db.afterCommit(() => this.k.cache.invalidate(COUPON_TEMPLATES_TAG));
  }

  /**
   * A public code is one template's: checked under a lock on the code itself (both shapes), so two
   * templates saved at once with the same code get one 409 rather than a unique-index failure.
   */
  private async reservePublicCode(code: string, templateId: string): Promise<void> {
    await this.q.execute(sql`select pg_advisory_xact_lock(hashtext(${'coupon-public-code:' + code}))`);
    const [other] = await this.q.select({ id: couponTemplates.id }).from(couponTemplates).where(and(eq(couponTemplates.publicCode, code), ne(couponTemplates.id, templateId)));
    if (other) throw new AppError(CouponErrors.COUPON_CODE_TAKEN, { code });
  }

  async setTemplateStatus(id: string, status: Template['status']): Promise<{ before: CouponTemplateView; after: CouponTemplateView; changed: boolean }> {
    const [row] = await this.q.select().from(couponTemplates).where(eq(couponTemplates.id, id)).for('update');
    if (!row) throw notFound(`coupon template ${id}`);
    if (row.status === status) return { before: templateView(row), after: templateView(row), changed: false };
    const next = { ...row, status, updatedAt: this.k.clock.now() };
    await this.q.update(couponTemplates).set({ status, updatedAt: next.updatedAt }).where(eq(couponTemplates.id, id));
    this.templatesChanged();
    return { before: templateView(row), after: templateView(next), changed: true };
  }

  async listTemplates(): Promise<CouponTemplateView[]> {
    const rows = await this.q.select().from(couponTemplates).orderBy(desc(couponTemplates.createdAt)).limit(500);
    return rows.map(templateView);
  }

  /** The claim centre (领券中心): templates one may claim now, with what is left; for a product, those whose scope takes it in. */
  async claimable(product?: { productId: string; categoryId?: string; brandId?: string }): Promise<CouponTemplateView[]> {
    const now = this.k.clock.now();
    const rows = await this.q
      .select()
      .from(couponTemplates)
      .where(
        and(
          eq(couponTemplates.status, 'active'),
          eq(couponTemplates.listed, true),
          or(isNull(couponTemplates.claimFrom), lt(couponTemplates.claimFrom, now)),
          or(isNull(couponTemplates.claimUntil), gt(couponTemplates.claimUntil, now)),
          or(isNull(couponTemplates.validUntil), gt(couponTemplates.validUntil, now)),
          or(isNull(couponTemplates.totalQuantity), lt(couponTemplates.claimed, couponTemplates.totalQuantity)),
        ),
      )
      .orderBy(asc(couponTemplates.createdAt))
      .limit(100);
    return (product ? rows.filter((t) => !t.scope || scopeCovers({ scope: t.scope }, product)) : rows).map(templateView);
  }

  /**
   * One coupon for a customer, inside the caller's transaction. The per-customer count is one row
   * raised by a conditional upsert (it locks the row: two claims by one customer queue and the second
   * sees the first), the coupon is written, and the template's count — the row every claimant
   * wants — is raised conditionally last, so the crowd waits only for a commit.
   */
  async claim(customerId: string, templateId: string, byCode = false): Promise<CouponView> {
    const now = this.k.clock.now();
    const [t] = await this.q.select().from(couponTemplates).where(eq(couponTemplates.id, templateId));
    const open = t && t.status === 'active' && (t.listed || byCode) && !(t.claimFrom && now < t.claimFrom) && !(t.claimUntil && now >= t.claimUntil) && !(t.validUntil && now >= t.validUntil);
    if (!t || !open) throw new AppError(CouponErrors.COUPON_NOT_CLAIMABLE);
    const held = await this.q.execute(sql`
      insert into marketing_coupon_claims (template_id, customer_id, count) values (${templateId}::uuid, ${customerId}::uuid, 1)
      on conflict (template_id, customer_id) do update set count = marketing_coupon_claims.count + 1
        where marketing_coupon_claims.count < ${t.perCustomerLimit}
      returning count`);
    if ((held as unknown as { rows: unknown[] }).rows.length === 0) throw new AppError(CouponErrors.COUPON_LIMIT_REACHED);
    const validFrom = t.validDays != null ? now : (t.validFrom ?? now);
    const validUntil = t.validDays != null ? new Date(now.getTime() + t.validDays * DAY) : t.validUntil!;
    const coupon: Coupon = { id: newId(), templateId, customerId, code: newCouponCode(), status: 'available', validFrom, validUntil, orderId: null, claimedAt: now, usedAt: null };
    await this.q.execute(sql`
      with c as (
        insert into marketing_coupons (id, template_id, customer_id, code, status, valid_from, valid_until, claimed_at)
        values (${coupon.id}::uuid, ${templateId}::uuid, ${customerId}::uuid, ${coupon.code}, 'available', ${validFrom}::timestamptz, ${validUntil}::timestamptz, ${now}::timestamptz)
        returning id)
      insert into marketing_coupon_ledger (coupon_id, template_id, customer_id, event, at)
      select id, ${templateId}::uuid, ${customerId}::uuid, 'claimed', ${now}::timestamptz from c`);
    const taken = await this.q
      .update(couponTemplates)
      .set({ claimed: sql`${couponTemplates.claimed} + 1` })
      .where(and(eq(couponTemplates.id, templateId), eq(couponTemplates.status, 'active'), or(isNull(couponTemplates.totalQuantity), lt(couponTemplates.claimed, couponTemplates.totalQuantity))))
      .returning({ claimed: couponTemplates.claimed });
    if (taken.length === 0) throw new AppError(CouponErrors.COUPONS_GONE);
    return couponView(coupon, t);
  }

  /**
   * A coupon given rather than claimed (a member's birthday, a tier upgrade, a referral), inside the
   * caller's transaction: the template must be active and have coupons left; its claim window and
   * per-customer limit are for the claim centre and do not apply. Null when none can be given.
   */
  async grant(customerId: string, templateId: string): Promise<CouponView | null> {
    const now = this.k.clock.now();
    const taken = await this.q
      .update(couponTemplates)
      .set({ claimed: sql`${couponTemplates.claimed} + 1` })
      .where(
        and(
          eq(couponTemplates.id, templateId),
          eq(couponTemplates.status, 'active'),
          or(isNull(couponTemplates.totalQuantity), lt(couponTemplates.claimed, couponTemplates.totalQuantity)),
          or(isNotNull(couponTemplates.validDays), isNull(couponTemplates.validUntil), gt(couponTemplates.validUntil, now)),
        ),
      )
      .returning();
    const t = taken[0];
    if (!t) return null;
    const validFrom = t.validDays != null ? now : (t.validFrom ?? now);
    const validUntil = t.validDays != null ? new Date(now.getTime() + t.validDays * DAY) : t.validUntil!;
    const coupon: Coupon = { id: newId(), templateId, customerId, code: newCouponCode(), status: 'available', validFrom, validUntil, orderId: null, claimedAt: now, usedAt: null };
    await this.q.insert(coupons).values(coupon);
    await this.record([coupon], 'claimed', null, now);
    return couponView(coupon, t);
  }

  /**
   * One coupon for each customer, all or none, inside the caller's transaction (issuing to a list or
   * a tier): the template's count rises by all of them at once, conditionally, so a total is never
   * passed; the coupons and their ledger rows are written in chunks.
   */
  async grantMany(customerIds: string[], templateId: string): Promise<number> {
    const now = this.k.clock.now();
    const n = customerIds.length;
    const taken = await this.q
      .update(couponTemplates)
      .set({ claimed: sql`${couponTemplates.claimed} + ${n}` })
      .where(
        and(
          eq(couponTemplates.id, templateId),
          eq(couponTemplates.status, 'active'),
          or(isNull(couponTemplates.totalQuantity), sql`${couponTemplates.claimed} + ${n} <= ${couponTemplates.totalQuantity}`),
          or(isNotNull(couponTemplates.validDays), isNull(couponTemplates.validUntil), gt(couponTemplates.validUntil, now)),
        ),
      )
      .returning();
    const t = taken[0];
    if (!t) {
      const [row] = await this.q.select().from(couponTemplates).where(eq(couponTemplates.id, templateId));
      if (!row) throw notFound(`coupon template ${templateId}`);
      if (row.status !== 'active' || (row.validUntil && row.validDays == null && row.validUntil <= now)) throw new AppError(CouponErrors.COUPON_NOT_CLAIMABLE);
      throw new AppError(CouponErrors.COUPONS_NOT_ENOUGH, { left: Math.max(0, (row.totalQuantity ?? 0) - row.claimed), asked: n });
    }
    const validFrom = t.validDays != null ? now : (t.validFrom ?? now);
    const validUntil = t.validDays != null ? new Date(now.getTime() + t.validDays * DAY) : t.validUntil!;
    for (let i = 0; i < n; i += 500) {
      const chunk: Coupon[] = customerIds.slice(i, i + 500).map((customerId) => ({ id: newId(), templateId, customerId, code: newCouponCode(), status: 'available', validFrom, validUntil, orderId: null, claimedAt: now, usedAt: null }));
      await this.q.insert(coupons).values(chunk);
      await this.record(chunk, 'claimed', null, now);
    }
    return n;
  }

  /** The customer's unused coupon of a template, if they hold one (a public code typed twice gives the same). */
  async availableOf(customerId: string, templateId: string): Promise<CouponView | null> {
    const [row] = await this.q
      .select({ c: coupons, t: couponTemplates })
      .from(coupons)
      .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
      .where(and(eq(coupons.customerId, customerId), eq(coupons.templateId, templateId), eq(coupons.status, 'available'), gt(coupons.validUntil, this.k.clock.now())))
      .orderBy(asc(coupons.validUntil))
      .limit(1);
    return row ? couponView(row.c, row.t) : null;
  }

  async byId(couponId: string): Promise<CouponView | null> {
    const [row] = await this.q.select({ c: coupons, t: couponTemplates }).from(coupons).innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId)).where(eq(coupons.id, couponId));
    return row ? couponView(row.c, row.t) : null;
  }

  /** The customer's own coupon with this code (someone else's is none of their business). */
  async ownByCode(customerId: string, code: string): Promise<CouponView | null> {
    const [row] = await this.q
      .select({ c: coupons, t: couponTemplates })
      .from(coupons)
      .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
      .where(and(eq(coupons.code, code), eq(coupons.customerId, customerId)));
    return row ? couponView(row.c, row.t) : null;
  }

  async templateExists(id: string): Promise<boolean> {
    const [row] = await this.q.select({ id: couponTemplates.id }).from(couponTemplates).where(eq(couponTemplates.id, id));
    return Boolean(row);
  }

  /** The customer's coupons, usable first, then by when they end. */
  async mine(customerId: string): Promise<CouponView[]> {
    const rows = await this.q
      .select({ c: coupons, t: couponTemplates })
      .from(coupons)
      .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
      .where(eq(coupons.customerId, customerId))
      .orderBy(asc(coupons.status), asc(coupons.validUntil))
      .limit(500);
    return rows.map(({ c, t }) => couponView(c, t));
  }

  /**
   * The shopper's own coupons among the codes they gave, as pricing rules (their validity a window
   * the engine checks), with the codes recognised. One of theirs that is used or locked by another
   * order is refused with its reason; codes that are not theirs are left for other participants
   * (checkout refuses a code nobody recognises). A guest giving a coupon code is asked to sign in.
   */
  async rulesFor(customerId: string | null, codes: readonly string[]): Promise<{ rules: PricingRule[]; codes: string[] }> {
    const wanted = [...new Set(codes.map((c) => c.toUpperCase()))];
    if (wanted.length === 0) return { rules: [], codes: [] };
    if (!customerId) {
      const exists = await this.q.select({ id: coupons.id }).from(coupons).where(inArray(coupons.code, wanted)).limit(1);
      if (exists.length) throw new AppError(CouponErrors.COUPON_SIGN_IN);
      return { rules: [], codes: [] };
    }
    const rows = await this.q
      .select({ c: coupons, t: couponTemplates })
      .from(coupons)
      .innerJoin(couponTemplates, eq(couponTemplates.id, coupons.templateId))
      .where(and(inArray(coupons.code, wanted), eq(coupons.customerId, customerId)));
    for (const { c } of rows) {
      if (c.status !== 'available') throw new AppError(CouponErrors.COUPON_NOT_USABLE, { code: c.code, status: c.status, statusZh: STATUS_ZH[c.status] });
    }
    const rules = rows.map(({ c, t }): PricingRule => ({
      id: c.id,
      source: 'coupon',
      name: t.name,
      action: t.action,
      ...(t.scope ? { scope: t.scope } : {}),
      conditions: { startsAt: c.validFrom.toISOString(), endsAt: c.validUntil.toISOString() },
      stacking: { withPromotions: t.withPromotions, withPoints: t.withPoints },
    }));
    return { rules, codes: rows.map((r) => r.c.code) };
  }

  /** In the order's transaction: the coupons its quote used become locked by it, all or none. */
  async lock(orderId: string, customerId: string, couponIds: string[]): Promise<void> {
    if (couponIds.length === 0) return;
    const now = this.k.clock.now();
    const locked = await this.q
      .update(coupons)
      .set({ status: 'locked', orderId })
      .where(and(inArray(coupons.id, couponIds), eq(coupons.customerId, customerId), eq(coupons.status, 'available')))
      .returning();
    if (locked.length !== couponIds.length) {
      // Another order took one between the quote and this lock: name it, with the state it is in now.
      const missing = couponIds.filter((id) => !locked.some((c) => c.id === id));
      const [gone] = await this.q.select().from(coupons).where(inArray(coupons.id, missing));
      const status = gone?.status ?? 'locked';
      throw new AppError(CouponErrors.COUPON_NOT_USABLE, { code: gone?.code ?? '?', status, statusZh: STATUS_ZH[status] });
    }
    await this.record(locked, 'locked', orderId, now);
  }

  /** The order was paid: its locked coupons are used (again: nothing). */
  async useFor(orderId: string): Promise<number> {
    const now = this.k.clock.now();
    const used = await this.q.update(coupons).set({ status: 'used', usedAt: now }).where(and(eq(coupons.orderId, orderId), eq(coupons.status, 'locked'))).returning();
    await this.record(used, 'used', orderId, now);
    return used.length;
  }

  /** The order was cancelled or timed out unpaid: its locked coupons are available again (again: nothing). */
  async releaseFor(orderId: string): Promise<number> {
    const now = this.k.clock.now();
    const released = await this.q.update(coupons).set({ status: 'available', orderId: null }).where(and(eq(coupons.orderId, orderId), eq(coupons.status, 'locked'))).returning();
    await this.record(released, 'released', orderId, now);
    return released.length;
  }

  /**
   * Money went back. The documented rule (docs/marketing.md): when nothing of the order is kept
   * (a full refund), a coupon of a `return` template comes back if it is still valid; a partial
   * refund keeps it used, as does a `forfeit` template.
   */
  async refundFor(orderId: string, keptAmount: number | undefined): Promise<number> {
    if (keptAmount === undefined || keptAmount > 0) return 0;
    const now = this.k.clock.now();
    const back = await this.q
      .update(coupons)
      .set({ status: 'available', orderId: null, usedAt: null })
      .where(
        and(
          eq(coupons.orderId, orderId),
          eq(coupons.status, 'used'),
          gt(coupons.validUntil, now),
          inArray(coupons.templateId, this.q.select({ id: couponTemplates.id }).from(couponTemplates).where(eq(couponTemplates.refundRule, 'return'))),
        ),
      )
      .returning();
    await this.record(back, 'returned', orderId, now);
    return back.length;
  }

  /** Available coupons past their validity become expired, with a ledger row each (the recurring job `marketing.expire-coupons`). */
  async expireDue(): Promise<number> {
    const now = this.k.clock.now();
    return this.k.db.transaction(async () => {
      const expired = await this.q.update(coupons).set({ status: 'expired' }).where(and(eq(coupons.status, 'available'), lt(coupons.validUntil, now))).returning();
      await this.record(expired, 'expired', null, now);
      return expired.length;
    });
  }

  async ledgerOf(couponId: string) {
    return this.q.select().from(couponLedger).where(eq(couponLedger.couponId, couponId)).orderBy(asc(couponLedger.id));
  }

  private async record(rows: Coupon[], event: CouponEvent, orderId: string | null, at: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.q.insert(couponLedger).values(rows.map((c) => ({ couponId: c.id, templateId: c.templateId, customerId: c.customerId, event, orderId, at })));
  }
}

/** A random code from the readable alphabet: 12 letters for a shopper's coupon, 16 for a redeem code. */
export function newCouponCode(length = 12): string {
  let s = '';
  for (let i = 0; i < length; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

function templateView(t: Template): CouponTemplateView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: t.id,
    name: t.name,
    action: t.action as unknown as Record<string, unknown>,
    scope: (t.scope as Record<string, unknown> | null) ?? null,
    description: describeAction(t.action),
    withPromotions: t.withPromotions,
    withPoints: t.withPoints,
    totalQuantity: t.totalQuantity,
    claimed: t.claimed,
    left: t.totalQuantity === null ? null : Math.max(0, t.totalQuantity - t.claimed),
    perCustomerLimit: t.perCustomerLimit,
    claimFrom: iso(t.claimFrom),
    claimUntil: iso(t.claimUntil),
    validFrom: iso(t.validFrom),
    validUntil: iso(t.validUntil),
    validDays: t.validDays,
    refundRule: t.refundRule,
    status: t.status,
    publicCode: t.publicCode,
    listed: t.listed,
    createdAt: t.createdAt.toISOString(),
  };
}

function couponView(c: Coupon, t: Template): CouponView {
  return {
    id: c.id,
    code: c.code,
    templateId: c.templateId,
    name: t.name,
    description: describeAction(t.action),
    status: c.status,
    validFrom: c.validFrom.toISOString(),
    validUntil: c.validUntil.toISOString(),
    orderId: c.orderId,
    claimedAt: c.claimedAt.toISOString(),
  };
}

import { and, desc, eq, isNull, max, sql } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { UTF8_BOM } from '../../../platform/csv.js';
import { CouponErrors } from './errors.js';
import { couponRedeemCodes, couponTemplates } from './schema.js';
import { newCouponCode, type CouponService } from './service.js';
import type { CouponView } from './types.js';

export const COUPON_GRANTS_KEY = 'marketing.coupon-grants';
/** Coupons given without asking: a template for every new account (新人券). Tier upgrades name theirs in the membership programme. */
export const couponGrants = z.object({ newCustomerTemplateId: z.uuid().nullable().describe('A coupon of this template for every new account (null: none)') }).strict();
export type CouponGrants = z.infer<typeof couponGrants>;
/** As answered: as wide as the setting may hold. */
export const couponGrantsView = z.object({ newCustomerTemplateId: z.string().nullable() });

/** Who may receive coupons in bulk, resolved by the modules that know them (customers, membership). */
export interface CouponAudience {
  /** Emails or mobiles → customer ids; unknown ones are absent. */
  byContacts(contacts: string[]): Promise<Map<string, string>>;
  customersExist(ids: string[]): Promise<Set<string>>;
  byTier(tier: string, limit: number): Promise<string[]>;
}

export interface IssueRequest {
  customerIds?: string[];
  contacts?: string[];
  tier?: string;
}

export const ISSUE_LIMIT = 20_000;
const REDEEM_CODE_LENGTH = 16;

/**
 * How coupons reach shoppers besides the claim centre: a public code anyone may type (claimed within
 * the template's limits), single-use redeem codes made in bulk and exported as CSV, issuing to a list
 * of customers or a tier, and the new-customer coupon. Each gives coupons through CouponService, so
 * totals hold and every coupon has its ledger row.
 */
export class CouponDistribution {
  constructor(
    private readonly k: Kernel,
    private readonly coupons: CouponService,
    private readonly audience: CouponAudience,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  /**
   * A code the shopper typed, in the caller's transaction: the template's public code claims one
   * (or gives back the one they already hold and have not used), a redeem code gives its coupon to
   * its first redeemer (the same redeemer again gets the same coupon), and the shopper's own coupon
   * code is simply theirs. Anything else is unknown — another shopper's code is never revealed.
   */
  async redeem(customerId: string, raw: string): Promise<{ coupon: CouponView; created: boolean }> {
    const code = raw.trim().toUpperCase();
    const [template] = await this.q.select({ id: couponTemplates.id }).from(couponTemplates).where(eq(couponTemplates.publicCode, code));
    if (template) {
      const held = await this.coupons.availableOf(customerId, template.id);
      if (held) return { coupon: held, created: false };
      return { coupon: await this.coupons.claim(customerId, template.id, true), created: true };
    }
    const [row] = await this.q.select().from(couponRedeemCodes).where(eq(couponRedeemCodes.code, code)).for('update');
    if (row) {
      if (row.redeemedBy === customerId && row.couponId) return { coupon: (await this.coupons.byId(row.couponId))!, created: false };
      if (row.redeemedBy) throw new AppError(CouponErrors.COUPON_CODE_USED);
      const coupon = await this.coupons.grant(customerId, row.templateId);
      if (!coupon) throw new AppError(CouponErrors.COUPON_NOT_CLAIMABLE);
      await this.q
        .update(couponRedeemCodes)
        .set({ redeemedBy: customerId, redeemedAt: this.k.clock.now(), couponId: coupon.id })
        .where(and(eq(couponRedeemCodes.code, code), isNull(couponRedeemCodes.redeemedBy)));
      return { coupon, created: true };
    }
    const own = await this.coupons.ownByCode(customerId, code);
    if (own) return { coupon: own, created: false };
    throw new AppError(CouponErrors.REDEEM_CODE_UNKNOWN);
  }

  /**
   * A batch of single-use codes for a template, in the caller's transaction. The template row is
   * locked so two batches at once get different numbers; codes not yet redeemed count against the
   * template's total with those already given.
   */
  async makeCodes(templateId: string, count: number): Promise<{ batch: number; count: number }> {
    const [t] = await this.q.select().from(couponTemplates).where(eq(couponTemplates.id, templateId)).for('update');
    if (!t) throw notFound(`coupon template ${templateId}`);
    const [{ last, open } = { last: 0, open: 0 }] = await this.q
      .select({ last: max(couponRedeemCodes.batch), open: sql<number>`count(*) filter (where ${couponRedeemCodes.redeemedBy} is null)`.mapWith(Number) })
      .from(couponRedeemCodes)
      .where(eq(couponRedeemCodes.templateId, templateId));
    if (t.totalQuantity !== null && t.claimed + open + count > t.totalQuantity) {
      throw new AppError(CouponErrors.COUPON_CODES_OVER_TOTAL, { left: Math.max(0, t.totalQuantity - t.claimed - open) });
    }
    const batch = (last ?? 0) + 1;
    const now = this.k.clock.now();
    let made = 0;
    // Random codes from a 31-letter alphabet: a clash is all but impossible, and simply drawn again.
    while (made < count) {
      const n = Math.min(1000, count - made);
      const rows = Array.from({ length: n }, () => ({ code: newCouponCode(REDEEM_CODE_LENGTH), templateId, batch, createdAt: now }));
      const inserted = await this.q.insert(couponRedeemCodes).values(rows).onConflictDoNothing().returning({ code: couponRedeemCodes.code });
      made += inserted.length;
    }
    return { batch, count: made };
  }

  /** The template's batches: how many codes each, how many redeemed. */
  async batches(templateId: string): Promise<Array<{ batch: number; count: number; redeemed: number; createdAt: string }>> {
    const rows = await this.q
      .select({
        batch: couponRedeemCodes.batch,
        count: sql<number>`count(*)`.mapWith(Number),
        redeemed: sql<number>`count(${couponRedeemCodes.redeemedBy})`.mapWith(Number),
        createdAt: sql<Date>`min(${couponRedeemCodes.createdAt})`.mapWith((v: string | Date) => new Date(v)),
      })
      .from(couponRedeemCodes)
      .where(eq(couponRedeemCodes.templateId, templateId))
      .groupBy(couponRedeemCodes.batch)
      .orderBy(desc(couponRedeemCodes.batch));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  /** A batch's codes (or all the template's) as CSV: UTF-8 with BOM so Excel opens it. */
  async codesCsv(templateId: string, batch?: number): Promise<Buffer> {
    const rows = await this.q
      .select()
      .from(couponRedeemCodes)
      .where(and(eq(couponRedeemCodes.templateId, templateId), batch === undefined ? undefined : eq(couponRedeemCodes.batch, batch)))
      .orderBy(couponRedeemCodes.batch, couponRedeemCodes.createdAt, couponRedeemCodes.code);
    const records = rows.map((r) => [r.code, String(r.batch), r.createdAt.toISOString(), r.redeemedAt?.toISOString() ?? '']);
    const text = stringify([['code', 'batch', 'created_at', 'redeemed_at'], ...records], { record_delimiter: 'windows' });
    return Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]);
  }

  /**
   * One coupon for each customer named (ids, emails or mobiles) or in a tier, all or none, in the
   * caller's transaction: the template must have enough left for all of them. Unknown names are
   * reported, not fatal. The claim centre's per-customer limit does not apply (the operator chose them).
   */
  async issue(templateId: string, to: IssueRequest): Promise<{ issued: number; skipped: Array<{ who: string; reason: string }> }> {
    const skipped: Array<{ who: string; reason: string }> = [];
    const ids = new Set<string>();
    if (to.customerIds?.length) {
      const known = await this.audience.customersExist([...new Set(to.customerIds)]);
      for (const id of new Set(to.customerIds)) {
        if (known.has(id)) ids.add(id);
        else skipped.push({ who: id, reason: 'unknown' });
      }
    }
    if (to.contacts?.length) {
      const found = await this.audience.byContacts([...new Set(to.contacts)]);
      for (const c of new Set(to.contacts)) {
        const id = found.get(c);
        if (id) ids.add(id);
        else skipped.push({ who: c, reason: 'unknown' });
      }
    }
    if (to.tier) for (const id of await this.audience.byTier(to.tier, ISSUE_LIMIT + 1)) ids.add(id);
    if (ids.size > ISSUE_LIMIT) throw new AppError(CouponErrors.COUPON_ISSUE_TOO_MANY, { limit: ISSUE_LIMIT });
    const issued = ids.size ? await this.coupons.grantMany([...ids], templateId) : 0;
    return { issued, skipped };
  }

  async grants(): Promise<CouponGrants> {
    const stored = couponGrants.safeParse(await this.k.settings.get(COUPON_GRANTS_KEY));
    return stored.success ? stored.data : { newCustomerTemplateId: null };
  }

  async setGrants(next: CouponGrants): Promise<{ before: CouponGrants; after: CouponGrants }> {
    const before = await this.grants();
    if (next.newCustomerTemplateId && !(await this.coupons.templateExists(next.newCustomerTemplateId))) throw notFound(`coupon template ${next.newCustomerTemplateId}`);
    await this.k.settings.set(COUPON_GRANTS_KEY, next);
    return { before, after: next };
  }

  /** customer.registered: the new-customer coupon, if one is set and any is left (in the delivery's transaction: once). */
  async onRegistered(customerId: string): Promise<void> {
    const { newCustomerTemplateId } = await this.grants();
    if (newCustomerTemplateId) await this.coupons.grant(customerId, newCustomerTemplateId);
  }
}

import { TZDate } from '@date-fns/tz';
import { and, desc, eq, gte, inArray, lte, or, lt, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { listCursor, timeAndId, toPage } from '../../../platform/http/pagination.js';
import type { OrderEventPayload, OrderPaid, OrderRefunded } from '../../orders/index.js';
import { newCouponCode, type CouponService } from '../coupons/service.js';
import type { PointsService } from '../points/service.js';
import { ReferralErrors } from './errors.js';
import { addressKey, emailKey, maskContact, mobileKey } from './guard.js';
import { DEFAULT_REFERRAL_POLICY, referralPolicy, type ReferralPolicy } from './policy.js';
import { referralCodes, referralDevices, referralOrders, referrals, type ReferralRejection, type ReferralState } from './schema.js';
import type { ReferralInvite, ReferralMine, ReferralView } from './types.js';

export const REFERRAL_POLICY_KEY = 'marketing.referral.policy';
/** An invite is accepted right after sign-up (the register page does it), not weeks later. */
export const ACCEPT_WINDOW_MINUTES = 60;
const DAY = 86_400_000;
const listOf = listCursor('referrals', timeAndId);
type Referral = typeof referrals.$inferSelect;
type Address = { mobile: string; districtCode: string; detail: string };

/** What referral needs of customers and orders, given by the composition root (their index.ts services). */
export interface ReferralPorts {
  profile(customerId: string): Promise<{ createdAt: Date; email: string | null; mobile: string | null; name: string | null } | null>;
  addresses(customerId: string): Promise<Address[]>;
  shippingAddressOf(orderId: string): Promise<Address | null>;
}

/**
 * Referral (邀请有礼): every customer has a short invite code; a new customer accepts one right after
 * registering; their first paid order of at least the minimum qualifies the referral, and once it
 * has stood the refund window without being fully refunded, a job rewards both sides — once, by a
 * conditional state change in the transaction that gives the points and coupons (their ledgers
 * written there too). The self-referral guard rejects, with a reason staff see, invites between
 * accounts sharing a contact, a browser or a delivery address.
 */
export class ReferralService {
  constructor(
    private readonly k: Kernel,
    private readonly points: PointsService,
    private readonly coupons: CouponService,
    private readonly ports: ReferralPorts,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  async policy(): Promise<ReferralPolicy> {
    const stored = referralPolicy.safeParse(await this.k.settings.get(REFERRAL_POLICY_KEY));
    return stored.success ? stored.data : DEFAULT_REFERRAL_POLICY;
  }

  async setPolicy(policy: ReferralPolicy): Promise<{ before: ReferralPolicy; after: ReferralPolicy }> {
    for (const id of [policy.inviter.couponTemplateId, policy.invitee.couponTemplateId]) {
      if (id && !(await this.coupons.templateExists(id))) throw new AppError(ReferralErrors.REFERRAL_COUPON_UNKNOWN, { id });
    }
    const before = await this.policy();
    await this.k.settings.set(REFERRAL_POLICY_KEY, policy);
    return { before, after: policy };
  }

  /**
   * The customer's code, made on first ask. Two first asks at once insert against the primary key:
   * one wins, the other reads the winner's code. A code taken by someone else (1 in ~10⁹) is drawn again.
   */
  async codeFor(customerId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const [have] = await this.q.select({ code: referralCodes.code }).from(referralCodes).where(eq(referralCodes.customerId, customerId));
      if (have) return have.code;
      await this.q.insert(referralCodes).values({ customerId, code: newCouponCode(6), createdAt: this.k.clock.now() }).onConflictDoNothing();
    }
    throw new Error('referral: no code could be drawn');
  }

  /** The browser (known-device id) a customer was seen on, for the same-device guard. */
  async noteDevice(customerId: string, deviceId: string | null): Promise<void> {
    if (!deviceId) return;
    const now = this.k.clock.now();
    await this.q.insert(referralDevices).values({ customerId, deviceId, seenAt: now }).onConflictDoUpdate({ target: [referralDevices.customerId, referralDevices.deviceId], set: { seenAt: now } });
  }

  /** The invite page: code and link, friends by state, rewards earned, the last friends (masked), the rules. */
  async mine(customerId: string): Promise<ReferralMine> {
    const code = await this.codeFor(customerId);
    const base = this.k.config.publicUrlSet ? this.k.config.publicUrl : '';
    const byState = await this.q
      .select({ state: referrals.state, n: sql<number>`count(*)::int`, points: sql<number>`coalesce(sum(${referrals.inviterPoints}), 0)::int`, coupons: sql<number>`count(${referrals.inviterCouponId})::int` })
      .from(referrals)
      .where(eq(referrals.inviterId, customerId))
      .groupBy(referrals.state);
    const invited = { pending: 0, qualified: 0, rewarded: 0, rejected: 0 };
    let points = 0;
    let coupons = 0;
    for (const r of byState) {
      invited[r.state] = r.n;
      if (r.state === 'rewarded') {
        points = r.points;
        coupons = r.coupons;
      }
    }
    const last = await this.q.select().from(referrals).where(eq(referrals.inviterId, customerId)).orderBy(desc(referrals.boundAt), desc(referrals.id)).limit(20);
    const recent = [];
    for (const r of last) {
      const p = await this.ports.profile(r.inviteeId);
      recent.push({ who: p ? maskContact(p) : '***', state: r.state, reason: r.reason, boundAt: r.boundAt.toISOString(), settledAt: r.settledAt?.toISOString() ?? null });
    }
    return { code, link: `${base}/account/register?ref=${code}`, invited, rewards: { points, coupons }, recent, rules: await this.rules() };
  }

  /** What a code offers a friend (the register page's welcome), or 404 for a code nobody has. */
  async invite(code: string): Promise<ReferralInvite> {
    const owner = await this.ownerOf(code);
    const p = await this.ports.profile(owner);
    const rules = await this.rules();
    if (!rules.enabled) throw new AppError(ReferralErrors.REFERRAL_OFF);
    return { code, inviter: p ? maskContact(p) : '***', invitee: rules.invitee, refundWindowDays: rules.refundWindowDays, minFirstOrder: rules.minFirstOrder };
  }

  /**
   * A new customer accepts a friend's code: once, within an hour of creating the account, never their
   * own. The guard's checks that can be made now (contact, browser, saved addresses) bind the
   * referral as rejected, with its reason, instead of pending.
   */
  async accept(inviteeId: string, code: string, deviceId: string | null): Promise<{ state: ReferralState; reason: ReferralRejection | null; inviter: string }> {
    if (!(await this.policy()).enabled) throw new AppError(ReferralErrors.REFERRAL_OFF);
    const inviterId = await this.ownerOf(code);
    if (inviterId === inviteeId) throw new AppError(ReferralErrors.REFERRAL_OWN_CODE);
    const [bound] = await this.q.select({ id: referrals.id }).from(referrals).where(eq(referrals.inviteeId, inviteeId));
    if (bound) throw new AppError(ReferralErrors.REFERRAL_ALREADY_BOUND);
    const [me, inviter] = [await this.ports.profile(inviteeId), await this.ports.profile(inviterId)];
    const now = this.k.clock.now();
    if (!me || now.getTime() - me.createdAt.getTime() > ACCEPT_WINDOW_MINUTES * 60_000) throw new AppError(ReferralErrors.REFERRAL_TOO_LATE, { minutes: ACCEPT_WINDOW_MINUTES });
    await this.noteDevice(inviteeId, deviceId);
    const reason = await this.guardAtBinding(inviterId, inviteeId, deviceId);
    const state: ReferralState = reason ? 'rejected' : 'pending';
    const inserted = await this.q
      .insert(referrals)
      .values({ id: newId(), inviterId, inviteeId, code, state, reason, boundAt: now, settledAt: reason ? now : null })
      .onConflictDoNothing({ target: referrals.inviteeId })
      .returning({ id: referrals.id });
    if (inserted.length === 0) throw new AppError(ReferralErrors.REFERRAL_ALREADY_BOUND);
    return { state, reason, inviter: inviter ? maskContact(inviter) : '***' };
  }

  // ——— order facts (outbox consumers, in the consumer's transaction; replays and any order change nothing) ———

  async onPaid(e: OrderPaid): Promise<void> {
    const ref = await this.openReferralOf(e.customerId);
    if (!ref) return;
    const paidAt = e.paidAt ? new Date(e.paidAt) : this.k.clock.now();
    await this.q
      .insert(referralOrders)
      .values({ orderId: e.orderId, customerId: e.customerId, paidTotal: e.total, paidAt })
      .onConflictDoUpdate({ target: referralOrders.orderId, set: { paidTotal: e.total, paidAt } });
    if (ref.state !== 'pending' || e.total < (await this.policy()).minFirstOrder) return;
    const qualified = await this.q
      .update(referrals)
      .set({ state: 'qualified', firstOrderId: e.orderId, firstPaidAt: paidAt, firstPaidTotal: e.total })
      .where(and(eq(referrals.id, ref.id), eq(referrals.state, 'pending')))
      .returning({ id: referrals.id });
    // A refund delivered before the payment it refunds: the facts already say so.
    if (qualified.length) await this.rejectIfUndone(ref.id, e.orderId);
  }

  async onRefunded(e: OrderRefunded): Promise<void> {
    if (e.keptAmount === undefined) return; // an event from before the contract: what is kept is unknown
    await this.undoneFact(e, { keptAmount: e.keptAmount }, sql`kept_amount = least(coalesce(marketing_referral_orders.kept_amount, ${e.keptAmount}), ${e.keptAmount})`);
  }

  async onCancelled(e: OrderEventPayload): Promise<void> {
    await this.undoneFact(e, { cancelled: true }, sql`cancelled = true`);
  }

  private async undoneFact(e: OrderEventPayload, insert: { keptAmount?: number; cancelled?: boolean }, set: ReturnType<typeof sql>): Promise<void> {
    if (!e.customerId) return;
    const ref = await this.openReferralOf(e.customerId);
    if (!ref) return;
    await this.q.execute(sql`
      insert into marketing_referral_orders (order_id, customer_id, kept_amount, cancelled)
      values (${e.orderId}::uuid, ${e.customerId}::uuid, ${insert.keptAmount ?? null}, ${insert.cancelled ?? false})
      on conflict (order_id) do update set ${set}`);
    if (ref.state === 'qualified' && ref.firstOrderId === e.orderId) await this.rejectIfUndone(ref.id, e.orderId);
  }

  /** A first order cancelled or refunded in full within the window rewards nobody. */
  private async rejectIfUndone(referralId: string, orderId: string): Promise<boolean> {
    const [o] = await this.q.select().from(referralOrders).where(eq(referralOrders.orderId, orderId));
    if (!o || !(o.cancelled || (o.keptAmount !== null && o.keptAmount <= 0))) return false;
    await this.reject(referralId, 'firstOrderRefunded');
    return true;
  }

  private async reject(referralId: string, reason: ReferralRejection): Promise<void> {
    await this.q
      .update(referrals)
      .set({ state: 'rejected', reason, settledAt: this.k.clock.now() })
      .where(and(eq(referrals.id, referralId), inArray(referrals.state, ['pending', 'qualified'])));
  }

  // ——— the job ———

  /**
   * Rewards referrals whose first order was paid at least the refund window ago (the recurring job
   * `marketing.referral-rewards`), each in its own transaction. The row is locked and must still be
   * qualified: a second runner, or a retry, finds it rewarded and gives nothing.
   */
  async rewardDue(limit = 500): Promise<number> {
    const policy = await this.policy();
    if (!policy.enabled) return 0;
    const before = new Date(this.k.clock.now().getTime() - policy.refundWindowDays * DAY);
    const due = await this.q
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.state, 'qualified'), lte(referrals.firstPaidAt, before)))
      .orderBy(referrals.firstPaidAt)
      .limit(limit);
    let rewarded = 0;
    for (const { id } of due) rewarded += await this.k.db.transaction(() => this.settle(id, policy, before));
    return rewarded;
  }

  private async settle(id: string, policy: ReferralPolicy, paidBefore: Date): Promise<number> {
    const [ref] = await this.q
      .select()
      .from(referrals)
      .where(and(eq(referrals.id, id), eq(referrals.state, 'qualified'), lte(referrals.firstPaidAt, paidBefore)))
      .for('update');
    if (!ref) return 0;
    if (await this.rejectIfUndone(ref.id, ref.firstOrderId!)) return 0;
    const reason = await this.guardAtQualification(ref);
    if (reason) {
      await this.reject(ref.id, reason);
      return 0;
    }
    // The month's count of the inviter's rewarded invites, counted under a lock on the inviter.
    await this.q.execute(sql`select pg_advisory_xact_lock(hashtext(${'referral-inviter:' + ref.inviterId}))`);
    const [{ n }] = await this.q
      .select({ n: sql<number>`count(*)::int` })
      .from(referrals)
      .where(and(eq(referrals.inviterId, ref.inviterId), eq(referrals.state, 'rewarded'), eq(referrals.inviterCapped, false), gte(referrals.settledAt, this.monthStart())));
    const capped = policy.monthlyLimit > 0 && n >= policy.monthlyLimit;
    const invitee = await this.give(ref.inviteeId, policy.invitee);
    const inviter = capped ? { points: 0, couponId: null } : await this.give(ref.inviterId, policy.inviter);
    await this.q
      .update(referrals)
      .set({ state: 'rewarded', settledAt: this.k.clock.now(), inviterCapped: capped, inviterPoints: inviter.points, inviterCouponId: inviter.couponId, inviteePoints: invitee.points, inviteeCouponId: invitee.couponId })
      .where(eq(referrals.id, ref.id));
    return 1;
  }

  /** Points (a gift, with its ledger row) and a coupon (a grant, with its own); a template with none left gives none. */
  private async give(customerId: string, reward: ReferralPolicy['inviter']): Promise<{ points: number; couponId: string | null }> {
    if (reward.points > 0) await this.points.gift(customerId, reward.points, 'referral');
    const coupon = reward.couponTemplateId ? await this.coupons.grant(customerId, reward.couponTemplateId) : null;
    return { points: reward.points, couponId: coupon?.id ?? null };
  }

  // ——— the guard ———

  private async guardAtBinding(inviterId: string, inviteeId: string, deviceId: string | null): Promise<ReferralRejection | null> {
    const [a, b] = [await this.ports.profile(inviterId), await this.ports.profile(inviteeId)];
    if (a && b) {
      const inviterPhones = new Set([mobileKey(a.mobile), ...(await this.ports.addresses(inviterId)).map((x) => mobileKey(x.mobile))].filter(Boolean));
      if ((emailKey(a.email) && emailKey(a.email) === emailKey(b.email)) || (mobileKey(b.mobile) && inviterPhones.has(mobileKey(b.mobile)))) return 'sameContact';
    }
    if (deviceId) {
      const [shared] = await this.q.select({ d: referralDevices.deviceId }).from(referralDevices).where(and(eq(referralDevices.customerId, inviterId), eq(referralDevices.deviceId, deviceId)));
      if (shared) return 'sameDevice';
    }
    const theirs = new Set((await this.ports.addresses(inviterId)).map(addressKey));
    if ((await this.ports.addresses(inviteeId)).some((x) => theirs.has(addressKey(x)))) return 'sameAddress';
    return null;
  }

  /** At reward time: the first order's delivery address or phone is the inviter's, or the two share a browser. */
  private async guardAtQualification(ref: Referral): Promise<ReferralRejection | null> {
    const inviterAddresses = await this.ports.addresses(ref.inviterId);
    const shipTo = ref.firstOrderId ? await this.ports.shippingAddressOf(ref.firstOrderId) : null;
    if (shipTo && inviterAddresses.some((x) => addressKey(x) === addressKey(shipTo))) return 'sameAddress';
    const inviter = await this.ports.profile(ref.inviterId);
    const inviterPhones = new Set([mobileKey(inviter?.mobile), ...inviterAddresses.map((x) => mobileKey(x.mobile))].filter(Boolean));
    if (shipTo && inviterPhones.has(mobileKey(shipTo.mobile))) return 'sameContact';
    const [shared] = await this.q.execute(sql`
      select 1 from marketing_referral_devices a join marketing_referral_devices b on a.device_id = b.device_id
      where a.customer_id = ${ref.inviterId}::uuid and b.customer_id = ${ref.inviteeId}::uuid limit 1`).then((r) => (r as unknown as { rows: unknown[] }).rows);
    return shared ? 'sameDevice' : null;
  }

  // ——— staff ———

  async list(f: { state?: ReferralState; limit: number; cursor?: string }) {
    const after = listOf.decode(this.k.secrets.session, f.cursor);
    const rows = await this.q
      .select()
      .from(referrals)
      .where(
        and(
          f.state ? eq(referrals.state, f.state) : undefined,
          after ? or(lt(referrals.boundAt, after[0]), and(eq(referrals.boundAt, after[0]), lt(referrals.id, after[1]))) : undefined,
        ),
      )
      .orderBy(desc(referrals.boundAt), desc(referrals.id))
      .limit(f.limit + 1);
    const labels = new Map<string, string>();
    for (const id of new Set(rows.flatMap((r) => [r.inviterId, r.inviteeId]))) {
      const p = await this.ports.profile(id);
      labels.set(id, p ? (p.name ? `${p.name} · ${p.mobile ?? p.email ?? ''}` : (p.mobile ?? p.email ?? id)) : id);
    }
    return toPage(rows, f.limit, (r) => listOf.encode(this.k.secrets.session, [r.boundAt.toISOString(), r.id]), (r) => view(r, labels));
  }

  async referralOf(inviteeId: string): Promise<Referral | null> {
    const [r] = await this.q.select().from(referrals).where(eq(referrals.inviteeId, inviteeId));
    return r ?? null;
  }

  // ——— helpers ———

  private async ownerOf(code: string): Promise<string> {
    const [owner] = await this.q.select({ customerId: referralCodes.customerId }).from(referralCodes).where(eq(referralCodes.code, code.trim().toUpperCase()));
    if (!owner) throw new AppError(ReferralErrors.REFERRAL_CODE_UNKNOWN);
    return owner.customerId;
  }

  private async openReferralOf(customerId: string): Promise<Referral | null> {
    const [r] = await this.q.select().from(referrals).where(and(eq(referrals.inviteeId, customerId), inArray(referrals.state, ['pending', 'qualified'])));
    return r ?? null;
  }

  private async rules(): Promise<ReferralMine['rules']> {
    const p = await this.policy();
    const names = new Map((p.inviter.couponTemplateId || p.invitee.couponTemplateId ? await this.coupons.listTemplates() : []).map((t) => [t.id, t.name]));
    const reward = (r: ReferralPolicy['inviter']) => ({ ...r, couponName: r.couponTemplateId ? (names.get(r.couponTemplateId) ?? null) : null });
    return { enabled: p.enabled, inviter: reward(p.inviter), invitee: reward(p.invitee), refundWindowDays: p.refundWindowDays, minFirstOrder: p.minFirstOrder, monthlyLimit: p.monthlyLimit };
  }

  private monthStart(): Date {
    const tz = this.k.timezone.get();
    const now = new TZDate(this.k.clock.now().getTime(), tz);
    return new Date(new TZDate(now.getFullYear(), now.getMonth(), 1, 0, 0, 0, tz).getTime());
  }
}

function view(r: Referral, labels: Map<string, string>): ReferralView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: r.id,
    code: r.code,
    inviter: { id: r.inviterId, label: labels.get(r.inviterId) ?? r.inviterId },
    invitee: { id: r.inviteeId, label: labels.get(r.inviteeId) ?? r.inviteeId },
    state: r.state,
    reason: r.reason,
    boundAt: r.boundAt.toISOString(),
    firstOrderId: r.firstOrderId,
    firstPaidAt: iso(r.firstPaidAt),
    firstPaidTotal: r.firstPaidTotal,
    settledAt: iso(r.settledAt),
    inviterPoints: r.inviterPoints,
    inviterCouponId: r.inviterCouponId,
    inviterCapped: r.inviterCapped,
    inviteePoints: r.inviteePoints,
    inviteeCouponId: r.inviteeCouponId,
  };
}

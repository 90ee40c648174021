import { TZDate } from '@date-fns/tz';
import { and, asc, desc, eq, gt, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { cursorKey, listCursor, toPage } from '../../../platform/http/pagination.js';
import type { OrderEventPayload, OrderPaid, OrderRefunded } from '../../orders/index.js';
import { goodsPaid } from '../../orders/index.js';
import type { PointsOffer } from '../../pricing/index.js';
import { PointsErrors } from './errors.js';
import { DEFAULT_POINTS_POLICY, earnFor, expiresAt, keptShare, pointsPolicy, takeFromLots, type PointsPolicy } from './policy.js';
import { POINTS_LOT_SOURCES, pointsAccounts, pointsCheckIns, pointsLedger, pointsLots, pointsOrders, type PointsEntryKind } from './schema.js';
import type { PointsEntryView, PointsSummary } from './types.js';

export const POINTS_POLICY_KEY = 'marketing.points.policy';
const historyCursor = listCursor('points-history', z.tuple([cursorKey.serial]));
type OrderRow = typeof pointsOrders.$inferSelect;
type Account = { balance: number; pending: number };
/** Where a member's points multiplier comes from (membership registers it); ×1 without one. */
export type MultiplierSource = (customerId: string) => Promise<number>;

/**
 * Points (积分): an append-only ledger with lots that expire. Orders earn points pending until they
 * complete (a refund first takes its share, so nothing is earned and then refunded); shoppers spend
 * them at checkout within the policy's share, and get them back when the order is cancelled or
 * refunded; staff adjust with a reason; a daily check-in adds a few; a job expires what is due.
 * Every change locks the customer's account row first, then its lots, and writes one ledger row.
 */
export class PointsService {
  private multiplierOf: MultiplierSource = async () => 10_000;

  constructor(private readonly k: Kernel) {}

  private get q() {
    return this.k.db.q;
  }

  /** Membership (tiers) tells points each member's multiplier, in basis points. */
  useMultiplier(source: MultiplierSource): void {
    this.multiplierOf = source;
  }

  async policy(): Promise<PointsPolicy> {
    const stored = pointsPolicy.safeParse(await this.k.settings.get(POINTS_POLICY_KEY));
    return stored.success ? stored.data : DEFAULT_POINTS_POLICY;
  }

  async setPolicy(policy: PointsPolicy): Promise<{ before: PointsPolicy; after: PointsPolicy }> {
    const before = await this.policy();
    await this.k.settings.set(POINTS_POLICY_KEY, policy);
    return { before, after: policy };
  }

  /** What the shopper's points can pay at checkout, or null when points are off or they hold none. */
  async offerFor(customerId: string): Promise<PointsOffer | null> {
    const policy = await this.policy();
    if (!policy.enabled) return null;
    const [acc] = await this.q.select({ balance: pointsAccounts.balance }).from(pointsAccounts).where(eq(pointsAccounts.customerId, customerId));
    if (!acc || acc.balance <= 0) return null;
    return { balance: acc.balance, pointsPerUnit: policy.pointsPerUnit, unitValue: policy.unitValue, maxShareBps: policy.maxShareBps };
  }

  /** Balance, pending, what it is worth, and what expires when (the next dates first). */
  async summary(customerId: string): Promise<PointsSummary> {
    const policy = await this.policy();
    const [acc] = await this.q.select().from(pointsAccounts).where(eq(pointsAccounts.customerId, customerId));
    const expiring = await this.q
      .select({ at: pointsLots.expiresAt, points: sql<number>`sum(${pointsLots.remaining})::int` })
      .from(pointsLots)
      .where(and(eq(pointsLots.customerId, customerId), gt(pointsLots.remaining, 0), isNotNull(pointsLots.expiresAt)))
      .groupBy(pointsLots.expiresAt)
      .orderBy(asc(pointsLots.expiresAt))
      .limit(5);
    const balance = acc?.balance ?? 0;
    const today = await this.checkedInToday(customerId);
    return {
      balance,
      pending: acc?.pending ?? 0,
      worth: Math.floor(Math.max(0, balance) / policy.pointsPerUnit) * policy.unitValue,
      expiring: expiring.map((e) => ({ at: e.at!.toISOString(), points: e.points })),
      policy: { enabled: policy.enabled, earnPerYuan: policy.earnPerYuan, pointsPerUnit: policy.pointsPerUnit, unitValue: policy.unitValue, maxShareBps: policy.maxShareBps, checkIn: policy.checkIn },
      checkedInToday: today,
    };
  }

  /** The customer's ledger, newest first. */
  async history(customerId: string, f: { limit: number; cursor?: string }) {
    const after = historyCursor.decode(this.k.secrets.session, f.cursor);
    const rows = await this.q
      .select()
      .from(pointsLedger)
      .where(and(eq(pointsLedger.customerId, customerId), after ? lt(pointsLedger.id, after[0]) : undefined))
      .orderBy(desc(pointsLedger.id))
      .limit(f.limit + 1);
    return toPage(rows, f.limit, (r) => historyCursor.encode(this.k.secrets.session, [r.id]), entryView);
  }

  /**
   * In the order's transaction: the points its quote used leave the balance, soonest-expiring lots
   * first. Refused — and the whole order with it — when the shopper no longer holds the points they
   * asked to spend.
   */
  async redeemFor(orderId: string, customerId: string, asked: number, used: number, value: number): Promise<void> {
    if (asked <= 0) return;
    // The shopper must still hold what they asked to spend: another order may have spent it since the
    // quote (its points then quoted as less, or none) — refused rather than silently charged more money.
    const taken = await this.q
      .update(pointsAccounts)
      .set({ balance: sql`${pointsAccounts.balance} - ${used}`, updatedAt: this.k.clock.now() })
      .where(and(eq(pointsAccounts.customerId, customerId), sql`${pointsAccounts.balance} >= ${asked}`))
      .returning({ balance: pointsAccounts.balance, pending: pointsAccounts.pending });
    if (taken.length === 0) throw new AppError(PointsErrors.POINTS_INSUFFICIENT, { points: asked });
    if (used <= 0) return;
    const lots = await this.takeLots(customerId, used);
    await this.q.insert(pointsOrders).values({ ...freshOrder(orderId, customerId), redeemed: used, redeemedValue: value, redeemedLots: lots });
    await this.write(customerId, 'redeem', -used, 0, taken[0]!, { orderId });
  }

  /** order.paid: the points it earns wait, pending, until it completes. */
  async onPaid(e: OrderPaid): Promise<void> {
    const multiplier = await this.multiplierOf(e.customerId);
    const base = earnFor(goodsPaid(e), await this.policy(), multiplier);
    await this.fact(e, sql`paid_total = ${e.total}, earn_base = ${base}`, { paidTotal: e.total, earnBase: base });
  }

  async onCompleted(e: OrderEventPayload): Promise<void> {
    await this.fact(e, sql`completed = true`, { completed: true });
  }

  async onCancelled(e: OrderEventPayload): Promise<void> {
    await this.fact(e, sql`cancelled = true`, { cancelled: true });
  }

  async onRefunded(e: OrderRefunded): Promise<void> {
    if (e.keptAmount === undefined) return; // an event from before the contract: its share is unknown
    await this.fact(e, sql`kept_amount = least(coalesce(marketing_points_orders.kept_amount, ${e.keptAmount}), ${e.keptAmount})`, { keptAmount: e.keptAmount });
  }

  /**
   * Records what an order event says (in the consumer's transaction) and moves the account by the
   * difference between what the facts now call for and what was applied: idempotent and order-free.
   */
  private async fact(e: OrderEventPayload, set: ReturnType<typeof sql>, insert: Partial<OrderRow>): Promise<void> {
    if (!e.customerId) return;
    const account = await this.lockAccount(e.customerId);
    const res = await this.q.execute(sql`
      insert into marketing_points_orders (order_id, customer_id, paid_total, earn_base, completed, cancelled, kept_amount,
        pending_applied, earned_applied, redeemed, redeemed_value, returned, redeemed_lots)
      values (${e.orderId}::uuid, ${e.customerId}::uuid, ${insert.paidTotal ?? null}, ${insert.earnBase ?? null}, ${insert.completed ?? false},
        ${insert.cancelled ?? false}, ${insert.keptAmount ?? null}, 0, 0, 0, 0, 0, '[]'::jsonb)
      on conflict (order_id) do update set ${set}
      returning *`);
    const row = toOrderRow((res as unknown as { rows: Record<string, unknown>[] }).rows[0]!);
    await this.settle(row, account);
  }

  private async settle(o: OrderRow, account: Account): Promise<void> {
    const kept = o.keptAmount;
    const paid = o.paidTotal;
    // Refunds take their share of the earned points; a cancelled order earns nothing.
    const earn = o.earnBase === null || paid === null || o.cancelled ? 0 : kept === null ? o.earnBase : keptShare(o.earnBase, kept, paid);
    const pendingTarget = o.completed ? 0 : earn;
    const earnedTarget = o.completed ? earn : 0;
    // Points that paid come back in full when the order is cancelled, in the refunded share otherwise.
    const returnTarget = o.cancelled ? o.redeemed : kept !== null && paid !== null ? o.redeemed - keptShare(o.redeemed, kept, paid) : 0;
    let acc = account;
    const dPending = pendingTarget - o.pendingApplied;
    const dEarned = earnedTarget - o.earnedApplied;
    if (dPending !== 0 || dEarned !== 0) {
      const kind: PointsEntryKind = dEarned > 0 ? 'earn' : dEarned < 0 ? 'reverse' : dPending > 0 ? 'earnPending' : 'earnPendingVoid';
      acc = dEarned > 0 ? await this.credit(o.customerId, dEarned, dPending, kind, acc, { orderId: o.orderId, source: 'order' }) : await this.debit(o.customerId, -dEarned, dPending, kind, { orderId: o.orderId });
    }
    const dReturn = Math.max(0, returnTarget - o.returned);
    if (dReturn > 0) await this.giveBack(o, dReturn, acc);
    if (dPending !== 0 || dEarned !== 0 || dReturn > 0) {
      await this.q
        .update(pointsOrders)
        .set({ pendingApplied: pendingTarget, earnedApplied: earnedTarget, returned: o.returned + dReturn })
        .where(eq(pointsOrders.orderId, o.orderId));
    }
  }

  /** Points that paid for an order go back to the lots they came from, the last taken first. */
  private async giveBack(o: OrderRow, points: number, acc: Account): Promise<Account> {
    // Walk the lots backwards, skipping what earlier returns already restored.
    let skip = o.returned;
    let left = points;
    const restore: Array<{ id: string; add: number }> = [];
    for (const lot of [...o.redeemedLots].reverse()) {
      const available = Math.max(0, lot.take - skip);
      skip = Math.max(0, skip - lot.take);
      const add = Math.min(available, left);
      if (add > 0) restore.push({ id: lot.id, add });
      left -= add;
    }
    // A debt (a balance below zero) is paid first; only what is left of the returned points is spendable in a lot.
    let spendable = Math.min(points, Math.max(0, acc.balance + points));
    for (const r of restore) {
      const add = Math.min(r.add, spendable);
      spendable -= add;
      if (add > 0) await this.q.update(pointsLots).set({ remaining: sql`${pointsLots.remaining} + ${add}` }).where(eq(pointsLots.id, r.id));
    }
    const after = await this.moveAccount(o.customerId, points, 0);
    await this.write(o.customerId, 'redeemReturn', points, 0, after, { orderId: o.orderId });
    return after;
  }

  /** Once per store-local day; refused the second time (and when check-in is off). */
  async checkIn(customerId: string): Promise<{ points: number; balance: number }> {
    const policy = await this.policy();
    if (!policy.enabled || policy.checkIn <= 0) throw new AppError(PointsErrors.CHECK_IN_OFF);
    const day = this.storeDay();
    const first = await this.q.insert(pointsCheckIns).values({ customerId, day, points: policy.checkIn }).onConflictDoNothing().returning();
    if (first.length === 0) throw new AppError(PointsErrors.CHECKED_IN_TODAY);
    const acc = await this.lockAccount(customerId);
    const after = await this.credit(customerId, policy.checkIn, 0, 'checkIn', acc, { source: 'checkIn' });
    return { points: policy.checkIn, balance: after.balance };
  }

  /** Staff add or take points with a reason; never below zero (a debt comes only from refunds). */
  async adjust(customerId: string, delta: number, reason: string, staffId: string | null): Promise<{ before: Account; after: Account }> {
    const before = await this.lockAccount(customerId);
    if (delta < 0 && before.balance + delta < 0) throw new AppError(PointsErrors.POINTS_INSUFFICIENT, { points: -delta });
    const opts = { source: 'adjust' as const, reason, staffId };
    const after = delta > 0 ? await this.credit(customerId, delta, 0, 'adjust', before, opts) : await this.debit(customerId, -delta, 0, 'adjust', opts);
    return { before, after };
  }

  /** Points given (a member's birthday, a referral), with why; in the caller's transaction. */
  async gift(customerId: string, points: number, reason: string): Promise<Account> {
    const acc = await this.lockAccount(customerId);
    return points > 0 ? this.credit(customerId, points, 0, 'gift', acc, { source: 'gift', reason }) : acc;
  }

  /** Lots past their date lose what is left, one customer at a time (the recurring job `marketing.expire-points`). */
  async expireDue(limit = 500): Promise<number> {
    const now = this.k.clock.now();
    const due = await this.q
      .selectDistinct({ customerId: pointsLots.customerId })
      .from(pointsLots)
      .where(and(gt(pointsLots.remaining, 0), lte(pointsLots.expiresAt, now)))
      .limit(limit);
    let expired = 0;
    for (const { customerId } of due) {
      expired += await this.k.db.transaction(async () => {
        await this.lockAccount(customerId);
        const lots = await this.q
          .select({ id: pointsLots.id, remaining: pointsLots.remaining })
          .from(pointsLots)
          .where(and(eq(pointsLots.customerId, customerId), gt(pointsLots.remaining, 0), lte(pointsLots.expiresAt, now)))
          .for('update');
        const points = lots.reduce((sum, l) => sum + l.remaining, 0);
        if (points === 0) return 0;
        await this.q.update(pointsLots).set({ remaining: 0 }).where(inArray(pointsLots.id, lots.map((l) => l.id)));
        const after = await this.moveAccount(customerId, -points, 0);
        await this.write(customerId, 'expire', -points, 0, after, {});
        return points;
      });
    }
    return expired;
  }

  async ledgerOf(customerId: string) {
    return this.q.select().from(pointsLedger).where(eq(pointsLedger.customerId, customerId)).orderBy(asc(pointsLedger.id));
  }

  async accountOf(customerId: string): Promise<Account> {
    const [acc] = await this.q.select().from(pointsAccounts).where(eq(pointsAccounts.customerId, customerId));
    return { balance: acc?.balance ?? 0, pending: acc?.pending ?? 0 };
  }

  // ——— moving points: the account row is locked first, then lots; one ledger row per change ———

  /** Locks (creating when new) the customer's account row and reads it. */
  private async lockAccount(customerId: string): Promise<Account> {
    const [acc] = await this.q
      .insert(pointsAccounts)
      .values({ customerId, balance: 0, pending: 0, updatedAt: this.k.clock.now() })
      .onConflictDoUpdate({ target: pointsAccounts.customerId, set: { updatedAt: sql`excluded.updated_at` } })
      .returning({ balance: pointsAccounts.balance, pending: pointsAccounts.pending });
    return acc!;
  }

  private async moveAccount(customerId: string, delta: number, pendingDelta: number): Promise<Account> {
    const [acc] = await this.q
      .update(pointsAccounts)
      .set({ balance: sql`${pointsAccounts.balance} + ${delta}`, pending: sql`${pointsAccounts.pending} + ${pendingDelta}`, updatedAt: this.k.clock.now() })
      .where(eq(pointsAccounts.customerId, customerId))
      .returning({ balance: pointsAccounts.balance, pending: pointsAccounts.pending });
    return acc!;
  }

  /** Adds spendable points in a new lot (what pays off a debt first does not enter it). */
  private async credit(
    customerId: string,
    points: number,
    pendingDelta: number,
    kind: PointsEntryKind,
    acc: Account,
    opts: { source: (typeof POINTS_LOT_SOURCES)[number]; orderId?: string; reason?: string; staffId?: string | null },
  ): Promise<Account> {
    const now = this.k.clock.now();
    const lotId = newId();
    const spendable = Math.min(points, Math.max(0, acc.balance + points));
    const expires = expiresAt(now, await this.policy(), this.k.timezone.get());
    await this.q.insert(pointsLots).values({ id: lotId, customerId, source: opts.source, amount: points, remaining: spendable, creditedAt: now, expiresAt: expires, orderId: opts.orderId ?? null });
    const after = await this.moveAccount(customerId, points, pendingDelta);
    await this.write(customerId, kind, points, pendingDelta, after, { ...opts, lotId });
    return after;
  }

  /** Takes spendable points, soonest-expiring lots first; what the lots lack leaves a debt (refunds only). */
  private async debit(customerId: string, points: number, pendingDelta: number, kind: PointsEntryKind, opts: { orderId?: string; reason?: string; staffId?: string | null }): Promise<Account> {
    if (points > 0) await this.takeLots(customerId, points);
    const after = await this.moveAccount(customerId, -points, pendingDelta);
    await this.write(customerId, kind, -points, pendingDelta, after, opts);
    return after;
  }

  private async takeLots(customerId: string, points: number): Promise<Array<{ id: string; take: number }>> {
    const lots = await this.q
      .select({ id: pointsLots.id, remaining: pointsLots.remaining })
      .from(pointsLots)
      .where(and(eq(pointsLots.customerId, customerId), gt(pointsLots.remaining, 0)))
      .orderBy(sql`${pointsLots.expiresAt} asc nulls last`, asc(pointsLots.creditedAt))
      .for('update');
    const takes = takeFromLots(lots, points);
    for (const t of takes) await this.q.update(pointsLots).set({ remaining: sql`${pointsLots.remaining} - ${t.take}` }).where(eq(pointsLots.id, t.id));
    return takes;
  }

  private async write(
    customerId: string,
    kind: PointsEntryKind,
    delta: number,
    pendingDelta: number,
    after: Account,
    opts: { orderId?: string; lotId?: string; reason?: string; staffId?: string | null },
  ): Promise<void> {
    await this.q.insert(pointsLedger).values({
      customerId,
      kind,
      delta,
      pendingDelta,
      balanceAfter: after.balance,
      pendingAfter: after.pending,
      lotId: opts.lotId ?? null,
      orderId: opts.orderId ?? null,
      reason: opts.reason ?? null,
      staffId: opts.staffId ?? null,
      at: this.k.clock.now(),
    });
  }

  private storeDay(): string {
    const d = new TZDate(this.k.clock.now().getTime(), this.k.timezone.get());
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }

  private async checkedInToday(customerId: string): Promise<boolean> {
    const [row] = await this.q
      .select({ day: pointsCheckIns.day })
      .from(pointsCheckIns)
      .where(and(eq(pointsCheckIns.customerId, customerId), eq(pointsCheckIns.day, this.storeDay())));
    return Boolean(row);
  }
}

function freshOrder(orderId: string, customerId: string): OrderRow {
  return {
    orderId,
    customerId,
    paidTotal: null,
    earnBase: null,
    completed: false,
    cancelled: false,
    keptAmount: null,
    pendingApplied: 0,
    earnedApplied: 0,
    redeemed: 0,
    redeemedValue: 0,
    returned: 0,
    redeemedLots: [],
  };
}

function toOrderRow(r: Record<string, unknown>): OrderRow {
  const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    orderId: String(r.order_id),
    customerId: String(r.customer_id),
    paidTotal: n(r.paid_total),
    earnBase: n(r.earn_base),
    completed: r.completed === true,
    cancelled: r.cancelled === true,
    keptAmount: n(r.kept_amount),
    pendingApplied: Number(r.pending_applied),
    earnedApplied: Number(r.earned_applied),
    redeemed: Number(r.redeemed),
    redeemedValue: Number(r.redeemed_value),
    returned: Number(r.returned),
    redeemedLots: (typeof r.redeemed_lots === 'string' ? JSON.parse(r.redeemed_lots) : r.redeemed_lots) as OrderRow['redeemedLots'],
  };
}

function entryView(r: typeof pointsLedger.$inferSelect): PointsEntryView {
  return { id: r.id, kind: r.kind, delta: r.delta, pendingDelta: r.pendingDelta, balanceAfter: r.balanceAfter, pendingAfter: r.pendingAfter, orderId: r.orderId, reason: r.reason, at: r.at.toISOString() };
}

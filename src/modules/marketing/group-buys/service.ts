import { and, eq, lte, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { CatalogService } from '../../catalog/index.js';
import { seatPrice, type GroupBuyActivity } from './logic/activity.js';
import { expire, join, openTeam, pay, refundedElsewhere, release, withdraw, type Team, type TeamEffect, type TeamOutcome } from './logic/team.js';
import type { Refusal } from './logic/refusals.js';
import { GroupBuyErrors } from './errors.js';
import { GroupBuyActivities, toActivity, type ActivityRow } from './activities.js';
import { GroupBuyReads } from './reads.js';
import type { GroupBuyPorts } from './ports.js';
import { groupBuySeats, groupBuyTeams, type GroupBuyStatus } from './schema.js';
import type { SeatInput, TeamView } from './types.js';

export type { GroupBuyPorts } from './ports.js';

/** The checkout claim kind of a group-buy seat: `open:<activityId>` or `join:<teamId>`. */
export const GROUP_BUY_CLAIM_KIND = 'groupBuy';
/** Who the store's own refunds and cancels are by (a failed team's refunds are nobody's decision). */
export const GROUP_BUY_ACTOR = '00000000-0000-4000-8000-000000000001';

/**
 * Group buying (拼团, decision 0041): teams run by the pure state machine in logic/team.ts under
 * their row's lock. A seat is taken in the order's transaction (the checkout participant), paid with
 * `order.paid`, freed with `order.cancelled` (or `order.refunded` in full by after-sales); a paid
 * member may withdraw; the minute job closes teams past their deadline, refunding every paid member
 * through the payment provider, once. Activities (`activities`) and reads (`reads`) beside it.
 */
export class GroupBuyService {
  readonly activities: GroupBuyActivities;
  readonly reads: GroupBuyReads;

  constructor(
    private readonly k: Kernel,
    catalog: CatalogService,
    private readonly ports: GroupBuyPorts,
  ) {
    this.activities = new GroupBuyActivities(k, catalog);
    this.reads = new GroupBuyReads(k, this.activities, ports);
  }

  private get q() {
    return this.k.db.q;
  }

  /** Opens a team (the shopper becomes its leader once they pay) or joins one: an unpaid order with the seat held. */
  async takeSeat(customerId: string, target: { open: string } | { join: string }, input: SeatInput) {
    const claimId = 'open' in target ? `open:${target.open}` : `join:${target.join}`;
    // The only way a group-buy claim reaches checkout: the SKU is checked here (the order has this one line).
    const offer = await this.claimTarget(claimId);
    if (!offer) throw 'open' in target ? notFound(`group buy ${target.open}`) : notFound(`group buy team ${target.join}`);
    if (!offer.activity.variants.some((v) => v.variantId === input.variantId)) throw new AppError(GroupBuyErrors.GROUP_VARIANT_NOT_IN_OFFER);
    notTaking(offer.row.status);
    const address = await this.ports.shippingAddress(customerId, input.addressId);
    const placed = await this.ports.placeOrder(customerId, {
      items: [{ variantId: input.variantId, quantity: input.quantity }],
      shippingMethodId: input.shippingMethodId ?? (await this.ports.shippingMethodId()),
      address,
      claim: { kind: GROUP_BUY_CLAIM_KIND, id: claimId },
    });
    const [seat] = await this.q.select().from(groupBuySeats).where(eq(groupBuySeats.orderId, placed.order.id));
    return { teamId: seat.teamId, orderId: placed.order.id, orderNumber: placed.order.number, total: placed.order.total };
  }

  /** The participant's price: the group price (the leader's with 团长优惠) for the activity's variants, alone. */
  async pricesFor(claimId: string): Promise<Map<string, number> | null> {
    const target = await this.claimTarget(claimId);
    if (!target) return null;
    const role = target.team ? 'member' : 'leader';
    return new Map(target.activity.variants.map((v) => [v.variantId, seatPrice(target.activity, v.variantId, role)!] as const));
  }

  /** In the order's transaction: the team decides under its row's lock (never more seats than its size). */
  async hold(orderId: string, customerId: string, claimId: string, unitPrices: readonly number[]): Promise<void> {
    const target = await this.claimTarget(claimId, true);
    if (!target) throw new AppError(GroupBuyErrors.GROUP_TEAM_CLOSED);
    const { activity } = target;
    notTaking(target.row.status);
    // Priced before this lock: an edit in between (a SKU taken out, a new price) must not seat an order at a price the offer no longer has.
    const role = target.team ? 'member' : 'leader';
    const offered = new Set(activity.variants.map((v) => seatPrice(activity, v.variantId, role)));
    if (unitPrices.some((p) => !offered.has(p))) throw new AppError(GroupBuyErrors.GROUP_OFFER_CHANGED);
    const now = this.k.clock.now();
    // One customer taking seats in two teams of the activity at once queue here (the per-customer limit).
    await this.q.execute(sql`select pg_advisory_xact_lock(hashtext(${customerId}), hashtext(${activity.id}))`);
    const [{ n }] = await this.q
      .select({ n: sql<number>`count(*)::int` })
      .from(groupBuySeats)
      .innerJoin(groupBuyTeams, eq(groupBuyTeams.id, groupBuySeats.teamId))
      .where(
        and(
          eq(groupBuySeats.customerId, customerId),
          eq(groupBuySeats.activityId, activity.id),
          // Live seats only: a seat released or refunded does not count against the limit.
          sql`exists (select 1 from jsonb_array_elements(${groupBuyTeams.data}->'members') m where m->>'orderId' = ${groupBuySeats.orderId}::text and m->>'seat' in ('held', 'paid'))`,
        ),
      );
    const seat = { customerId, orderId, joinedTeams: Number(n), now: now.toISOString() };
    if (!target.team) {
      const opened = openTeam(newId(), activity, seat);
      if (!opened.ok) throw refusal(opened);
      await this.q.insert(groupBuyTeams).values({ id: opened.team.id, activityId: activity.id, state: opened.team.state, deadline: new Date(opened.team.deadline), data: opened.team, createdAt: now, updatedAt: now });
      await this.q.insert(groupBuySeats).values({ orderId, teamId: opened.team.id, activityId: activity.id, customerId, createdAt: now });
      await this.ports.holdShipping(orderId, 'groupBuy');
      return;
    }
    const joined = join(target.team, seat, activity);
    if (!joined.ok) throw refusal(joined);
    await this.save(joined.team);
    await this.q.insert(groupBuySeats).values({ orderId, teamId: joined.team.id, activityId: activity.id, customerId, createdAt: now });
    // Paid or not, the order waits for its team: every member's order ships together once it fills.
    await this.ports.holdShipping(orderId, 'groupBuy');
  }

  /** `order.paid`: the seat is paid; the team may fill (every order released to fulfilment together), or the money came late (refunded). */
  paid(orderId: string): Promise<void> {
    return this.onTeamOf(orderId, (team, activity, now) => pay(team, orderId, now, activity));
  }

  /** `order.cancelled` (the shopper, staff or the unpaid timeout): the held seat is freed. */
  cancelled(orderId: string): Promise<void> {
    return this.onTeamOf(orderId, (team, activity, now) => release(team, orderId, now, activity));
  }

  /**
   * `order.refunded`: money sent back by after-sales (customer service, staff) rather than by the
   * team. Once the order is refunded in full its paid seat is free, and the team owes it nothing
   * more; a leader's closes the team (logic/team.ts `refundedElsewhere`). The team's own refunds
   * arrive here too and change nothing (their seats are `refunded` already).
   */
  async refunded(orderId: string): Promise<void> {
    const [seat] = await this.q.select({ orderId: groupBuySeats.orderId }).from(groupBuySeats).where(eq(groupBuySeats.orderId, orderId));
    if (!seat) return; // not a group-buy order: one statement
    const [amounts] = await this.ports.amountsOf([orderId]);
    if (!amounts || amounts.refundedAmount < amounts.paidAmount) return; // a part: the member keeps the seat
    await this.onTeamOf(orderId, (team, activity, now) => refundedElsewhere(team, orderId, now, activity));
  }

  /** A paid member leaves before the team fills (退团): refunded in full, the seat free for someone else. */
  async withdraw(customerId: string, teamId: string): Promise<TeamView> {
    await this.k.db.transaction(async () => {
      const locked = await this.lockTeam(teamId);
      if (!locked) throw notFound(`group buy team ${teamId}`);
      // The shopper's latest seat in the team: live if there is one.
      const mine = locked.team.members.filter((m) => m.customerId === customerId);
      const seat = mine.find((m) => m.seat === 'held' || m.seat === 'paid') ?? mine.at(-1);
      if (!seat) throw new AppError(GroupBuyErrors.GROUP_NOT_A_MEMBER);
      const outcome = withdraw(locked.team, seat.orderId, this.k.clock.now().toISOString(), locked.activity);
      if (!outcome.ok) throw refusal(outcome);
      await this.apply(locked.team, outcome);
    });
    return this.reads.team(teamId);
  }

  /** The recurring job: teams past their deadline close — filled by the house (模拟成团) or failed and refunded. */
  async expireDue(): Promise<number> {
    const now = this.k.clock.now();
    const due = await this.q.select({ id: groupBuyTeams.id }).from(groupBuyTeams).where(and(eq(groupBuyTeams.state, 'open'), lte(groupBuyTeams.deadline, now))).limit(500);
    let closed = 0;
    for (const { id } of due) {
      try {
        await this.k.db.transaction(async () => {
          const locked = await this.lockTeam(id);
          if (!locked) return;
          const outcome = expire(locked.team, now.toISOString(), locked.activity);
          if (outcome.team !== locked.team) closed++;
          await this.apply(locked.team, outcome);
        });
      } catch (err) {
        // One team's trouble (a provider refusing a refund) must not hold back the others; it is tried again next minute.
        this.k.log.error({ err, teamId: id }, 'group buy team could not be closed; tried again at the next run');
      }
    }
    return closed;
  }

  private async onTeamOf(orderId: string, step: (team: Team, activity: GroupBuyActivity, now: string) => TeamOutcome): Promise<void> {
    const [seat] = await this.q.select().from(groupBuySeats).where(eq(groupBuySeats.orderId, orderId));
    if (!seat) return;
    const locked = await this.lockTeam(seat.teamId);
    if (!locked) return;
    const outcome = step(locked.team, locked.activity, this.k.clock.now().toISOString());
    // A refusal here is a fact arriving twice or too late (a paid seat cannot be released): nothing to do.
    if (!outcome.ok) return;
    await this.apply(locked.team, outcome);
  }

  /** The new team written and its effects carried out, in the caller's transaction (so once). */
  private async apply(before: Team, outcome: { team: Team; effects: TeamEffect[] }): Promise<void> {
    if (outcome.team === before) return;
    await this.save(outcome.team);
    for (const e of outcome.effects) {
      if (e.kind === 'refund') await this.refund(e.orderId, `group_buy:${e.reason}:${e.teamId}`);
      else if (e.kind === 'cancelOrder') await this.ports.cancelOrder(e.orderId, 'group_buy_team_closed');
      // The team filled: every paid member's order may ship now, together.
      else if (e.kind === 'fulfil') for (const orderId of e.orderIds) await this.ports.holdShipping(orderId, null);
    }
  }

  /**
   * A full refund through the provider, unless after-sales sent the money back already and its
   * `order.refunded` has not reached the team yet (a second refund would be refused, and the team
   * with it until it did).
   */
  private async refund(orderId: string, reason: string): Promise<void> {
    const [a] = await this.ports.amountsOf([orderId]);
    if (a && a.refundedAmount >= a.paidAmount) return;
    await this.ports.refundOrder(orderId, reason);
  }

  private async save(team: Team): Promise<void> {
    await this.q.update(groupBuyTeams).set({ state: team.state, deadline: new Date(team.deadline), data: team, updatedAt: this.k.clock.now() }).where(eq(groupBuyTeams.id, team.id));
  }

  private async lockTeam(id: string): Promise<{ team: Team; activity: GroupBuyActivity } | null> {
    const [row] = await this.q.select().from(groupBuyTeams).where(eq(groupBuyTeams.id, id)).for('update');
    if (!row) return null;
    return { team: row.data, activity: toActivity(await this.activities.row(row.activityId)) };
  }

  private async claimTarget(claimId: string, lock = false): Promise<{ row: ActivityRow; activity: GroupBuyActivity; team: Team | null } | null> {
    const [kind, id] = claimId.split(':');
    if (!/^[0-9a-f-]{36}$/i.test(id ?? '')) return null;
    if (kind === 'open') {
      const row = await this.activities.find(id);
      return row ? { row, activity: toActivity(row), team: null } : null;
    }
    if (kind !== 'join') return null;
    const base = this.q.select().from(groupBuyTeams).where(eq(groupBuyTeams.id, id));
    const [teamRow] = lock ? await base.for('update') : await base;
    if (!teamRow) return null;
    const row = await this.activities.row(teamRow.activityId);
    return { row, activity: toActivity(row), team: teamRow.data };
  }
}

/** Only an active activity takes new teams and seats. */
function notTaking(status: GroupBuyStatus): void {
  if (status === 'paused') throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_PAUSED);
  if (status === 'ended') throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_ENDED);
}

function refusal(r: Refusal): AppError {
  return new AppError(GroupBuyErrors[`GROUP_${r.code}`], {}, { offerNewTeam: r.offerNewTeam });
}

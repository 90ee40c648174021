import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import type { CatalogService } from '../../catalog/index.js';
import type { PlaceOrderInput } from '../../checkout/index.js';
import type { ShippingAddress } from '../../orders/index.js';
import { checkActivity, seatPrice, type GroupBuyActivity } from './logic/activity.js';
import { expire, join, openTeam, pay, release, type Team, type TeamEffect, type TeamOutcome } from './logic/team.js';
import { summarizeTeam } from './logic/summary.js';
import type { Refusal } from './logic/refusals.js';
import { GroupBuyErrors } from './errors.js';
import { maskContact } from '../referral/guard.js';
import { groupBuyActivities, groupBuySeats, groupBuyTeams } from './schema.js';
import type { GroupBuyInput, GroupBuyView, SeatInput, TeamView } from './types.js';

type ActivityRow = typeof groupBuyActivities.$inferSelect;

/** The checkout claim kind of a group-buy seat: `open:<activityId>` or `join:<teamId>`. */
export const GROUP_BUY_CLAIM_KIND = 'groupBuy';
/** Who the store's own refunds and cancels are by (a failed team's refunds are nobody's decision). */
export const GROUP_BUY_ACTOR = '00000000-0000-4000-8000-000000000001';

/** What group buys need from other modules, handed in by the composition root. */
export interface GroupBuyPorts {
  shippingAddress(customerId: string, addressId: string): Promise<ShippingAddress>;
  shippingMethodId(): Promise<string>;
  placeOrder(customerId: string, input: PlaceOrderInput): Promise<{ order: { id: string; number: string; total: number } }>;
  /** Refunds a paid order in full through the payment provider (an intent the outbox executes) and restocks it. */
  refundOrder(orderId: string, reason: string): Promise<void>;
  /** Holds a paid order back from shipping (`groupBuy`) or lets it go (null). */
  holdShipping(orderId: string, hold: string | null): Promise<void>;
  /** Cancels an order if it is still unpaid (its stock released); one paid meanwhile is left alone. */
  cancelOrder(orderId: string, reason: string): Promise<void>;
  /** What each order was paid and refunded. */
  amountsOf(orderIds: string[]): Promise<Array<{ orderId: string; paidAmount: number; refundedAmount: number }>>;
  /** Shoppers' names and contacts (masked here before anyone sees them). */
  profiles(customerIds: string[]): Promise<Map<string, { name: string | null; mobile: string | null; email: string | null }>>;
}

/**
 * Group buying (拼团, decision 0041): activities, and teams run by the pure state machine in
 * logic/team.ts under their row's lock. A seat is taken in the order's transaction (the checkout
 * participant), paid with `order.paid`, freed with `order.cancelled`; the minute job closes teams
 * past their deadline, refunding every paid member through the payment provider, once.
 */
export class GroupBuyService {
  constructor(
    private readonly k: Kernel,
    private readonly catalog: CatalogService,
    private readonly ports: GroupBuyPorts,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  async create(input: GroupBuyInput): Promise<GroupBuyView> {
    const variants = await this.catalog.sellableVariants(input.variants.map((v) => v.variantId));
    const normal: Record<string, number> = {};
    for (const v of variants.values()) if (v.productId === input.productId && v.sellable) normal[v.variantId] = v.price;
    const checked = checkActivity(input, normal);
    if (!checked.ok) {
      throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_INVALID, {
        reasons: checked.errors.map((e) => `${e.path} ${e.message.en}`).join('; '),
        reasonsZh: checked.errors.map((e) => `${e.path} ${e.message['zh-CN']}`).join('；'),
      }, { errors: checked.errors });
    }
    const now = this.k.clock.now();
    const [row] = await this.q.insert(groupBuyActivities).values({ id: newId(), name: input.name, ...checked.settings, status: 'active', createdAt: now, updatedAt: now }).returning();
    return activityView(row);
  }

  async setStatus(id: string, status: 'active' | 'paused'): Promise<GroupBuyView> {
    const [row] = await this.q.update(groupBuyActivities).set({ status, updatedAt: this.k.clock.now() }).where(eq(groupBuyActivities.id, id)).returning();
    if (!row) throw notFound(`group buy ${id}`);
    return activityView(row);
  }

  async list(): Promise<GroupBuyView[]> {
    return (await this.q.select().from(groupBuyActivities).orderBy(desc(groupBuyActivities.createdAt)).limit(200)).map(activityView);
  }

  async get(id: string): Promise<GroupBuyView> {
    return activityView(await this.activityRow(id));
  }

  /** The activity's open teams a shopper could join now, fullest first. */
  async openTeams(activityId: string): Promise<TeamView[]> {
    await this.activityRow(activityId);
    const now = this.k.clock.now();
    const rows = await this.q
      .select()
      .from(groupBuyTeams)
      .where(and(eq(groupBuyTeams.activityId, activityId), eq(groupBuyTeams.state, 'open'), sql`${groupBuyTeams.deadline} > ${now}`))
      .orderBy(desc(groupBuyTeams.createdAt))
      .limit(50);
    const views = await this.teamViews(rows.map((r) => r.data));
    return views.filter((t) => t.seatsLeft > 0 && t.paid > 0).sort((a, b) => a.seatsLeft - b.seatsLeft);
  }

  async team(id: string): Promise<TeamView> {
    const [row] = await this.q.select().from(groupBuyTeams).where(eq(groupBuyTeams.id, id));
    if (!row) throw notFound(`group buy team ${id}`);
    return (await this.teamViews([row.data]))[0];
  }

  /** Teams of an activity for staff, by state. */
  async teams(activityId: string, state?: 'open' | 'filled' | 'failed'): Promise<TeamView[]> {
    const rows = await this.q
      .select()
      .from(groupBuyTeams)
      .where(and(eq(groupBuyTeams.activityId, activityId), state ? eq(groupBuyTeams.state, state) : undefined))
      .orderBy(desc(groupBuyTeams.createdAt))
      .limit(200);
    return this.teamViews(rows.map((r) => r.data));
  }

  /** Teams opened, filled and failed; success rate; GMV of filled teams (what their members paid). */
  async report(activityId: string) {
    await this.activityRow(activityId);
    const rows = await this.q.select({ state: groupBuyTeams.state, n: sql<number>`count(*)::int` }).from(groupBuyTeams).where(eq(groupBuyTeams.activityId, activityId)).groupBy(groupBuyTeams.state);
    const teams = { open: 0, filled: 0, failed: 0 };
    for (const r of rows) teams[r.state] = Number(r.n);
    const seats = await this.q.select({ orderId: groupBuySeats.orderId, state: groupBuyTeams.state }).from(groupBuySeats).innerJoin(groupBuyTeams, eq(groupBuyTeams.id, groupBuySeats.teamId)).where(eq(groupBuySeats.activityId, activityId));
    const stateOf = new Map(seats.map((s) => [s.orderId, s.state] as const));
    // The orders' money through the orders service (never its table).
    const amounts = await this.ports.amountsOf(seats.map((s) => s.orderId));
    const gmv = amounts.reduce((n, a) => n + (stateOf.get(a.orderId) === 'filled' ? a.paidAmount : 0), 0);
    const closed = teams.filled + teams.failed;
    return { teams, successRate: closed ? teams.filled / closed : null, gmv, refundedOrders: amounts.filter((a) => a.refundedAmount > 0).length };
  }

  /** Opens a team (the shopper becomes its leader once they pay) or joins one: an unpaid order with the seat held. */
  async takeSeat(customerId: string, target: { open: string } | { join: string }, input: SeatInput) {
    const claimId = 'open' in target ? `open:${target.open}` : `join:${target.join}`;
    // The only way a group-buy claim reaches checkout: the SKU is checked here (the order has this one line).
    const offer = await this.claimTarget(claimId);
    if (!offer) throw 'open' in target ? notFound(`group buy ${target.open}`) : notFound(`group buy team ${target.join}`);
    if (!offer.activity.variants.some((v) => v.variantId === input.variantId)) throw new AppError(GroupBuyErrors.GROUP_VARIANT_NOT_IN_OFFER);
    if (offer.row.status !== 'active') throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_PAUSED);
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
  async hold(orderId: string, customerId: string, claimId: string): Promise<void> {
    const target = await this.claimTarget(claimId, true);
    if (!target) throw new AppError(GroupBuyErrors.GROUP_TEAM_CLOSED);
    const { activity } = target;
    if (target.row.status !== 'active') throw new AppError(GroupBuyErrors.GROUP_ACTIVITY_PAUSED);
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
      if (e.kind === 'refund') await this.ports.refundOrder(e.orderId, `group_buy:${e.reason}:${e.teamId}`);
      else if (e.kind === 'cancelOrder') await this.ports.cancelOrder(e.orderId, 'group_buy_team_closed');
      // The team filled: every paid member's order may ship now, together.
      else if (e.kind === 'fulfil') for (const orderId of e.orderIds) await this.ports.holdShipping(orderId, null);
    }
  }

  private async save(team: Team): Promise<void> {
    await this.q.update(groupBuyTeams).set({ state: team.state, deadline: new Date(team.deadline), data: team, updatedAt: this.k.clock.now() }).where(eq(groupBuyTeams.id, team.id));
  }

  private async lockTeam(id: string): Promise<{ team: Team; activity: GroupBuyActivity } | null> {
    const [row] = await this.q.select().from(groupBuyTeams).where(eq(groupBuyTeams.id, id)).for('update');
    if (!row) return null;
    return { team: row.data, activity: toActivity(await this.activityRow(row.activityId)) };
  }

  private async claimTarget(claimId: string, lock = false): Promise<{ row: ActivityRow; activity: GroupBuyActivity; team: Team | null } | null> {
    const [kind, id] = claimId.split(':');
    if (!/^[0-9a-f-]{36}$/i.test(id ?? '')) return null;
    if (kind === 'open') {
      const [row] = await this.q.select().from(groupBuyActivities).where(eq(groupBuyActivities.id, id));
      return row ? { row, activity: toActivity(row), team: null } : null;
    }
    if (kind !== 'join') return null;
    const base = this.q.select().from(groupBuyTeams).where(eq(groupBuyTeams.id, id));
    const [teamRow] = lock ? await base.for('update') : await base;
    if (!teamRow) return null;
    const row = await this.activityRow(teamRow.activityId);
    return { row, activity: toActivity(row), team: teamRow.data };
  }

  private async activityRow(id: string): Promise<ActivityRow> {
    const [row] = await this.q.select().from(groupBuyActivities).where(eq(groupBuyActivities.id, id));
    if (!row) throw notFound(`group buy ${id}`);
    return row;
  }

  private async teamViews(teams: Team[]): Promise<TeamView[]> {
    const now = this.k.clock.now().toISOString();
    const summaries = teams.map((t) => summarizeTeam(t, now));
    const profiles = await this.ports.profiles([...new Set(summaries.flatMap((s) => s.members.map((m) => m.customerId)))]);
    const names = new Map([...profiles].map(([id, p]) => [id, maskedName(p)] as const));
    return teams.map((t, i) => {
      const s = summaries[i];
      return {
        id: t.id, activityId: t.activityId, state: s.state, size: s.size, paid: s.paid, held: s.held, houseSeats: s.houseSeats,
        seatsLeft: s.seatsLeft, msLeft: s.msLeft, deadline: s.deadline,
        members: s.members.map((m) => ({ name: names.get(m.customerId) ?? '***', role: m.role, paid: m.seat === 'paid' })),
        sharePath: `/group-buys/teams/${t.id}`,
      };
    });
  }
}

/** How a member appears to everyone who opens the team's link: 张*, else 138****0000 or l***@example.com. */
function maskedName(p: { name: string | null; mobile: string | null; email: string | null }): string {
  const first = Array.from(p.name?.trim() ?? '')[0];
  return first ? `${first}*` : maskContact(p);
}

function refusal(r: Refusal): AppError {
  return new AppError(GroupBuyErrors[`GROUP_${r.code}`], {}, { offerNewTeam: r.offerNewTeam });
}

function toActivity(r: ActivityRow): GroupBuyActivity {
  return { id: r.id, productId: r.productId, variants: r.variants, teamSize: r.teamSize, timeLimitMinutes: r.timeLimitMinutes, perCustomerLimit: r.perCustomerLimit, leaderDiscount: r.leaderDiscount, simulatedFill: r.simulatedFill };
}

function activityView(r: ActivityRow): GroupBuyView {
  return { ...toActivity(r), name: r.name, status: r.status, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}


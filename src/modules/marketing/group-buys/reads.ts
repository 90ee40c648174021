import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Kernel } from '../../../platform/kernel.js';
import { notFound } from '../../../platform/errors.js';
import { summarizeTeam } from './logic/summary.js';
import type { Team } from './logic/team.js';
import { maskContact } from '../referral/guard.js';
import type { GroupBuyActivities } from './activities.js';
import type { GroupBuyPorts } from './ports.js';
import { groupBuyActivities, groupBuySeats, groupBuyTeams } from './schema.js';
import type { GroupBuyOfferView, MyTeamView, TeamView } from './types.js';

/** How many offers on sale the store lists at most (the storefront reads them all on a page). */
const OFFERS_LISTED = 200;

/**
 * What shoppers and staff read about teams: the open ones to join, one team by its share link, a
 * shopper's own, an activity's by state, the report. Members appear by masked name only — never an
 * id, an order or a contact — since anyone with the link may look.
 */
export class GroupBuyReads {
  constructor(
    private readonly k: Kernel,
    private readonly activities: GroupBuyActivities,
    private readonly ports: Pick<GroupBuyPorts, 'amountsOf' | 'profiles'>,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  /** The response cache the store's public reads of offers are kept in (GROUP_BUYS_TAG). */
  get responseCache() {
    return this.k.cache;
  }

  /**
   * The offers on sale (active: taking teams and seats), newest first: one shared answer from which
   * the storefront tells every product's 拼团 badge, the home block and the sitemap.
   */
  async activeOffers(): Promise<GroupBuyOfferView[]> {
    const rows = await this.q
      .select()
      .from(groupBuyActivities)
      .where(eq(groupBuyActivities.status, 'active'))
      .orderBy(desc(groupBuyActivities.createdAt), desc(groupBuyActivities.id))
      .limit(OFFERS_LISTED);
    return rows.map((r) => ({ id: r.id, name: r.name, productId: r.productId, variants: r.variants, teamSize: r.teamSize, timeLimitMinutes: r.timeLimitMinutes, leaderDiscount: r.leaderDiscount }));
  }

  /** The activity's open teams a shopper could join now, fullest first. */
  async openTeams(activityId: string): Promise<TeamView[]> {
    // Paused or ended: no seat can be taken, so no team is offered.
    if ((await this.activities.row(activityId)).status !== 'active') return [];
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
    await this.activities.row(activityId);
    const rows = await this.q
      .select()
      .from(groupBuyTeams)
      .where(and(eq(groupBuyTeams.activityId, activityId), state ? eq(groupBuyTeams.state, state) : undefined))
      .orderBy(desc(groupBuyTeams.createdAt))
      .limit(200);
    return this.teamViews(rows.map((r) => r.data));
  }

  /** The teams a shopper is or was in (我的拼团), newest first, each with their own seat and order. */
  async myTeams(customerId: string): Promise<MyTeamView[]> {
    const seats = await this.q
      .select({ orderId: groupBuySeats.orderId, data: groupBuyTeams.data })
      .from(groupBuySeats)
      .innerJoin(groupBuyTeams, eq(groupBuyTeams.id, groupBuySeats.teamId))
      .where(eq(groupBuySeats.customerId, customerId))
      .orderBy(desc(groupBuySeats.createdAt), desc(groupBuySeats.orderId))
      .limit(50);
    return this.mine(seats);
  }

  /** The shopper's team of one of their orders (the order page links to it); 404 when the order took no seat of theirs. */
  async myTeamOfOrder(customerId: string, orderId: string): Promise<MyTeamView> {
    const seats = await this.q
      .select({ orderId: groupBuySeats.orderId, data: groupBuyTeams.data })
      .from(groupBuySeats)
      .innerJoin(groupBuyTeams, eq(groupBuyTeams.id, groupBuySeats.teamId))
      .where(and(eq(groupBuySeats.orderId, orderId), eq(groupBuySeats.customerId, customerId)));
    if (seats.length === 0) throw notFound(`group buy team of order ${orderId}`);
    return (await this.mine(seats))[0];
  }

  /** Seats of one shopper as they see them: the team, the offer's name and product, their seat, their order's money. */
  private async mine(seats: Array<{ orderId: string; data: Team }>): Promise<MyTeamView[]> {
    if (seats.length === 0) return [];
    const activityIds = [...new Set(seats.map((s) => s.data.activityId))];
    const named = await this.q
      .select({ id: groupBuyActivities.id, name: groupBuyActivities.name, productId: groupBuyActivities.productId })
      .from(groupBuyActivities)
      .where(inArray(groupBuyActivities.id, activityIds));
    const offers = new Map(named.map((a) => [a.id, a] as const));
    // The orders' money through the orders service (never its table).
    const amounts = new Map((await this.ports.amountsOf(seats.map((s) => s.orderId))).map((a) => [a.orderId, a] as const));
    const views = await this.teamViews(seats.map((s) => s.data));
    return seats.map((s, i) => {
      const me = s.data.members.find((m) => m.orderId === s.orderId)!;
      const offer = offers.get(s.data.activityId)!;
      const money = amounts.get(s.orderId);
      return {
        team: views[i], activityName: offer.name, productId: offer.productId, orderId: s.orderId,
        paidAmount: money?.paidAmount ?? 0, refundedAmount: money?.refundedAmount ?? 0, role: me.role, seat: me.seat,
      };
    });
  }

  /** Teams opened, filled and failed; success rate; GMV of filled teams (what their members paid); refunds. */
  async report(activityId: string) {
    await this.activities.row(activityId);
    const rows = await this.q.select({ state: groupBuyTeams.state, n: sql<number>`count(*)::int` }).from(groupBuyTeams).where(eq(groupBuyTeams.activityId, activityId)).groupBy(groupBuyTeams.state);
    const teams = { open: 0, filled: 0, failed: 0 };
    for (const r of rows) teams[r.state] = Number(r.n);
    const seats = await this.q.select({ orderId: groupBuySeats.orderId, state: groupBuyTeams.state }).from(groupBuySeats).innerJoin(groupBuyTeams, eq(groupBuyTeams.id, groupBuySeats.teamId)).where(eq(groupBuySeats.activityId, activityId));
    const stateOf = new Map(seats.map((s) => [s.orderId, s.state] as const));
    // The orders' money through the orders service (never its table).
    const amounts = await this.ports.amountsOf(seats.map((s) => s.orderId));
    const gmv = amounts.reduce((n, a) => n + (stateOf.get(a.orderId) === 'filled' ? a.paidAmount : 0), 0);
    const closed = teams.filled + teams.failed;
    const refunded = amounts.filter((a) => a.refundedAmount > 0);
    return { teams, successRate: closed ? teams.filled / closed : null, gmv, refundedOrders: refunded.length, refundedAmount: refunded.reduce((n, a) => n + a.refundedAmount, 0) };
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

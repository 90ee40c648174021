import { timeLimitMs, type GroupBuyActivity, type SimulatedFill } from './activity.js';
import { refuse, type Refusal } from './refusals.js';

/**
 * A 拼团 team as a state machine over plain data: every function takes the team and returns a new
 * one with the effects the service must carry out (fulfil, refund, cancel an order). No clock:
 * time comes in as `now`, ms since the epoch or ISO 8601.
 *
 * Seats are held when the order is placed, not when it is paid, so a burst of joins can never
 * promise more seats than the team has (`held + paid < size` to take one). Every event is keyed
 * by the order: a replayed event returns the same team object and no effects.
 *
 * Requests (join, withdraw) are refused once the deadline has passed; facts (a payment arrived,
 * an order was cancelled) cannot be refused, so they first expire a team that is due. A payment
 * therefore has the same outcome whether or not the expiry job ran before it.
 */

export type Instant = number | string;
export type TeamState = 'open' | 'filled' | 'failed';
/**
 * `released`: the seat was freed before any money came (cancel, unpaid timeout, or the team closed
 * while the order was unpaid). `refunded`: money came and went back (the team failed, the member
 * withdrew, or the payment arrived after the seat was released) — kept apart from `released` so a
 * replayed payment is never refunded twice.
 */
export type SeatState = 'held' | 'paid' | 'released' | 'refunded';
export type MemberRole = 'leader' | 'member';

export interface TeamMember {
  customerId: string;
  orderId: string;
  role: MemberRole;
  seat: SeatState;
  joinedAt: string;
  paidAt: string | null;
}

export interface Team {
  id: string;
  activityId: string;
  leaderCustomerId: string;
  /** Copied from the activity when the team opens: editing the activity never resizes live teams. */
  size: number;
  openedAt: string;
  deadline: string;
  state: TeamState;
  members: TeamMember[];
  /** Seats taken by the house at the deadline (模拟成团); 0 unless the team was filled that way. */
  houseSeats: number;
  closedAt: string | null;
}

export type RefundReason = 'teamFailed' | 'latePayment' | 'withdrawn';

export type TeamEffect =
  /** Every paid order of a filled team goes to fulfilment together. */
  | { kind: 'fulfil'; teamId: string; orderIds: string[] }
  /** A refund intent for the whole order, sent through the outbox by the service. */
  | { kind: 'refund'; teamId: string; orderId: string; customerId: string; reason: RefundReason }
  /** An unpaid order whose seat closed with the team: cancel it so its stock is released. */
  | { kind: 'cancelOrder'; teamId: string; orderId: string; customerId: string };

export type TeamOutcome = { ok: true; team: Team; effects: TeamEffect[] } | (Refusal & { team: Team });
export type OpenOutcome = { ok: true; team: Team; effects: TeamEffect[] } | Refusal;

export interface Seat {
  customerId: string;
  orderId: string;
  /** How many of this activity's other teams the customer holds or paid a live seat in (from the service). */
  joinedTeams: number;
  now: Instant;
}

export function toMs(t: Instant): number {
  const v = typeof t === 'number' ? t : Date.parse(t);
  if (!Number.isFinite(v)) throw new RangeError(`not an instant: ${String(t)}`);
  return v;
}
const iso = (t: Instant) => new Date(toMs(t)).toISOString();

export const isLive = (m: TeamMember) => m.seat === 'held' || m.seat === 'paid';
export const countSeats = (team: Team, seat: SeatState) => team.members.reduce((n, m) => n + (m.seat === seat ? 1 : 0), 0);

/** The leader places the order that opens the team; the team exists from then, seat held. */
export function openTeam(teamId: string, activity: GroupBuyActivity, leader: Seat): OpenOutcome {
  if (leader.joinedTeams >= activity.perCustomerLimit) return refuse('LIMIT_REACHED');
  const at = iso(leader.now);
  const team: Team = {
    id: teamId,
    activityId: activity.id,
    leaderCustomerId: leader.customerId,
    size: activity.teamSize,
    openedAt: at,
    deadline: iso(toMs(leader.now) + timeLimitMs(activity)),
    state: 'open',
    members: [{ customerId: leader.customerId, orderId: leader.orderId, role: 'leader', seat: 'held', joinedAt: at, paidAt: null }],
    houseSeats: 0,
    closedAt: null,
  };
  return { ok: true, team, effects: [] };
}

/** A shopper places a join order: take a seat (held until paid) or say why not. */
export function join(team: Team, seat: Seat, activity: GroupBuyActivity): TeamOutcome {
  sameActivity(team, activity);
  const known = member(team, seat.orderId);
  if (known) {
    if (known.customerId !== seat.customerId) throw new RangeError(`order ${seat.orderId} belongs to another customer`);
    return isLive(known) ? unchanged(team) : { ...refuse('SEAT_RELEASED'), team };
  }
  if (team.state === 'filled') return { ...refuse('TEAM_FULL'), team };
  if (team.state === 'failed') return { ...refuse('TEAM_CLOSED'), team };
  if (toMs(seat.now) >= toMs(team.deadline)) return { ...refuse('TEAM_EXPIRED'), team };
  // Joiners come through the leader's share link, which exists once the leader has paid; a team
  // whose leader never pays then closes with nobody else's money in it.
  if (team.members[0].seat !== 'paid') return { ...refuse('TEAM_NOT_READY'), team };
  if (team.members.some((m) => m.customerId === seat.customerId && isLive(m))) return { ...refuse('ALREADY_IN_TEAM'), team };
  if (seat.joinedTeams >= activity.perCustomerLimit) return { ...refuse('LIMIT_REACHED'), team };
  if (countSeats(team, 'held') + countSeats(team, 'paid') >= team.size) return { ...refuse('TEAM_FULL'), team };
  const added: TeamMember = { customerId: seat.customerId, orderId: seat.orderId, role: 'member', seat: 'held', joinedAt: iso(seat.now), paidAt: null };
  return { ok: true, team: { ...team, members: [...team.members, added] }, effects: [] };
}

/** The order's payment arrived. Money is never turned away: a seat that is gone means a refund. */
export function pay(team: Team, orderId: string, now: Instant, activity: GroupBuyActivity): TeamOutcome {
  sameActivity(team, activity);
  if (!member(team, orderId)) return { ...refuse('UNKNOWN_ORDER'), team };
  const settled = expire(team, now, activity);
  const t = settled.team;
  // The expiry's cancel is superseded by the refund below: the order was paid after all.
  const effects = settled.effects.filter((e) => !(e.kind === 'cancelOrder' && e.orderId === orderId));
  const m = member(t, orderId)!;
  if (m.seat === 'paid' || m.seat === 'refunded') return settled.team === team ? unchanged(team) : { ok: true, team: t, effects };
  const paidAt = iso(now);
  if (m.seat === 'released') {
    const next = withSeat(t, orderId, { seat: 'refunded', paidAt });
    return { ok: true, team: next, effects: [...effects, { kind: 'refund', teamId: t.id, orderId, customerId: m.customerId, reason: 'latePayment' }] };
  }
  let next = withSeat(t, orderId, { seat: 'paid', paidAt });
  // The countdown starts when the leader has paid, since only then can the link be shared.
  if (m.role === 'leader') next = { ...next, deadline: iso(toMs(now) + timeLimitMs(activity)) };
  if (countSeats(next, 'paid') === next.size) {
    next = { ...next, state: 'filled', closedAt: paidAt };
    effects.push({ kind: 'fulfil', teamId: t.id, orderIds: paidOrderIds(next) });
  }
  return { ok: true, team: next, effects };
}

/**
 * The order was cancelled or timed out unpaid: its held seat is freed for someone else. A paid
 * seat is not released this way (SEAT_PAID): it is fulfilled, refunded with the team, or withdrawn.
 */
export function release(team: Team, orderId: string, now: Instant, activity: GroupBuyActivity): TeamOutcome {
  sameActivity(team, activity);
  const m = member(team, orderId);
  if (!m) return { ...refuse('UNKNOWN_ORDER'), team };
  if (m.seat === 'paid') return { ...refuse('SEAT_PAID'), team };
  const settled = expire(team, now, activity);
  // The caller is cancelling this order already; no need to ask for it again.
  const effects = settled.effects.filter((e) => !(e.kind === 'cancelOrder' && e.orderId === orderId));
  if (member(settled.team, orderId)!.seat !== 'held') return settled.team === team ? unchanged(team) : { ok: true, team: settled.team, effects };
  const next = withSeat(settled.team, orderId, { seat: 'released' });
  // A leader who never paid: nobody could join (TEAM_NOT_READY), so the team just closes.
  if (m.role === 'leader') return { ok: true, team: close(next, 'failed', now), effects };
  return { ok: true, team: next, effects };
}

/** A paid member asks for the money back before the team fills; the seat is freed. */
export function withdraw(team: Team, orderId: string, now: Instant, activity: GroupBuyActivity): TeamOutcome {
  sameActivity(team, activity);
  const m = member(team, orderId);
  if (!m) return { ...refuse('UNKNOWN_ORDER'), team };
  if (m.seat === 'released' || m.seat === 'refunded') return unchanged(team);
  if (m.seat === 'held') return { ...refuse('SEAT_NOT_PAID'), team };
  // After the team filled, the order is in fulfilment and a refund is an after-sale, not ours.
  if (team.state !== 'open') return { ...refuse('TEAM_CLOSED'), team };
  if (toMs(now) >= toMs(team.deadline)) return { ...refuse('TEAM_EXPIRED'), team };
  // The leader's link is what the others joined through; the leader stays to the end.
  if (m.role === 'leader') return { ...refuse('LEADER_CANNOT_LEAVE'), team };
  const next = withSeat(team, orderId, { seat: 'refunded' });
  return { ok: true, team: next, effects: [{ kind: 'refund', teamId: team.id, orderId, customerId: m.customerId, reason: 'withdrawn' }] };
}

/**
 * The order's money went back outside the team (an after-sales refund by customer service or
 * staff, in full). A fact, never refused, and nothing more to refund for it: a paid seat of an open
 * team is freed (`refunded`). A member's seat can be taken again; without its leader, whose link the
 * others came through, a team cannot grow, so it closes at once as at its deadline (unpaid orders
 * cancelled, the other paid members refunded; no 模拟成团). A filled team's refunds are
 * after-sales' own, and a failed team's seats were refunded already: nothing changes.
 */
export function refundedElsewhere(team: Team, orderId: string, now: Instant, activity: GroupBuyActivity): TeamOutcome {
  sameActivity(team, activity);
  const m = member(team, orderId);
  if (!m) return { ...refuse('UNKNOWN_ORDER'), team };
  if (team.state !== 'open' || m.seat !== 'paid') return unchanged(team);
  const freed = withSeat(team, orderId, { seat: 'refunded' });
  // Freed first, so a team also past its deadline neither refunds this order again nor counts it to fill.
  const settled = expire(freed, now, activity);
  if (m.role !== 'leader' || settled.team.state !== 'open') return settled;
  return closeAt(freed, now, null);
}

/**
 * At or after the deadline an open team closes: unpaid orders are cancelled, then the house fills
 * it when 模拟成团 is on and few enough seats are left, or it fails and every paid member is
 * refunded. Before the deadline, or on a closed team, nothing changes.
 */
export function expire(team: Team, now: Instant, activity: GroupBuyActivity): { ok: true; team: Team; effects: TeamEffect[] } {
  sameActivity(team, activity);
  if (team.state !== 'open' || toMs(now) < toMs(team.deadline)) return unchanged(team);
  return closeAt(team, now, activity.simulatedFill.enabled ? activity.simulatedFill : null);
}

/** Closes an open team now: unpaid orders cancelled, then filled by the house (when `fill` allows) or failed with every paid member refunded. */
function closeAt(team: Team, now: Instant, fill: SimulatedFill | null): { ok: true; team: Team; effects: TeamEffect[] } {
  const effects: TeamEffect[] = [];
  const members = team.members.map((m): TeamMember => {
    if (m.seat !== 'held') return m;
    effects.push({ kind: 'cancelOrder', teamId: team.id, orderId: m.orderId, customerId: m.customerId });
    return { ...m, seat: 'released' };
  });
  const paid = members.filter((m) => m.seat === 'paid');
  const seatsLeft = team.size - paid.length;
  if (fill && paid.length > 0 && seatsLeft <= fill.maxSeatsLeft) {
    const filled = close({ ...team, members, houseSeats: seatsLeft }, 'filled', now);
    return { ok: true, team: filled, effects: [...effects, { kind: 'fulfil', teamId: team.id, orderIds: paid.map((m) => m.orderId) }] };
  }
  for (const m of paid) effects.push({ kind: 'refund', teamId: team.id, orderId: m.orderId, customerId: m.customerId, reason: 'teamFailed' });
  const failed = close({ ...team, members: members.map((m) => (m.seat === 'paid' ? { ...m, seat: 'refunded' as const } : m)) }, 'failed', now);
  return { ok: true, team: failed, effects };
}

export function paidOrderIds(team: Team): string[] {
  return team.members.filter((m) => m.seat === 'paid').map((m) => m.orderId);
}

function member(team: Team, orderId: string): TeamMember | undefined {
  return team.members.find((m) => m.orderId === orderId);
}

function withSeat(team: Team, orderId: string, change: Partial<Pick<TeamMember, 'seat' | 'paidAt'>>): Team {
  return { ...team, members: team.members.map((m) => (m.orderId === orderId ? { ...m, ...change } : m)) };
}

function close(team: Team, state: 'filled' | 'failed', now: Instant): Team {
  return { ...team, state, closedAt: iso(now) };
}

function unchanged(team: Team): { ok: true; team: Team; effects: TeamEffect[] } {
  return { ok: true, team, effects: [] };
}

/** Handing a team another activity's settings is a bug in the caller, not a shopper's mistake. */
function sameActivity(team: Team, activity: GroupBuyActivity): void {
  if (team.activityId !== activity.id) throw new RangeError(`team ${team.id} belongs to activity ${team.activityId}, not ${activity.id}`);
}

/** One event for the team, as the service's outbox consumers and jobs receive them. */
export type TeamEvent =
  | ({ kind: 'join' } & Seat)
  | { kind: 'pay'; orderId: string; now: Instant }
  /** The order was cancelled before payment, or its unpaid timeout ran out. */
  | { kind: 'release'; orderId: string; now: Instant }
  | { kind: 'withdraw'; orderId: string; now: Instant }
  /** The order's money went back in full outside the team (after-sales). */
  | { kind: 'refundedElsewhere'; orderId: string; now: Instant }
  | { kind: 'expire'; now: Instant };

export function applyTeamEvent(team: Team, event: TeamEvent, activity: GroupBuyActivity): TeamOutcome {
  switch (event.kind) {
    case 'join':
      return join(team, event, activity);
    case 'pay':
      return pay(team, event.orderId, event.now, activity);
    case 'release':
      return release(team, event.orderId, event.now, activity);
    case 'withdraw':
      return withdraw(team, event.orderId, event.now, activity);
    case 'refundedElsewhere':
      return refundedElsewhere(team, event.orderId, event.now, activity);
    case 'expire':
      return expire(team, event.now, activity);
  }
}

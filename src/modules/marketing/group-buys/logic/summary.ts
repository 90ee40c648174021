import { countSeats, isLive, toMs, type Instant, type MemberRole, type SeatState, type Team, type TeamState } from './team.js';

/** What the team page, the activity page's list of open teams and the console show. */
export interface TeamSummary {
  state: TeamState;
  size: number;
  paid: number;
  held: number;
  houseSeats: number;
  /** Seats a new shopper could still take now: 0 once the team is closed or past its deadline. */
  seatsLeft: number;
  /** Milliseconds to the deadline, 0 when closed or past it. */
  msLeft: number;
  deadline: string;
  /** The people in the team now (for the avatars), leader first. */
  members: { customerId: string; role: MemberRole; seat: SeatState }[];
}

export function summarizeTeam(team: Team, now: Instant): TeamSummary {
  const paid = countSeats(team, 'paid');
  const held = countSeats(team, 'held');
  // A team past its deadline whose expiry has not run yet is already over for a shopper.
  const msLeft = team.state === 'open' ? Math.max(0, toMs(team.deadline) - toMs(now)) : 0;
  return {
    state: team.state,
    size: team.size,
    paid,
    held,
    houseSeats: team.houseSeats,
    seatsLeft: msLeft > 0 ? Math.max(0, team.size - paid - held) : 0,
    msLeft,
    deadline: team.deadline,
    members: team.members.filter(isLive).map((m) => ({ customerId: m.customerId, role: m.role, seat: m.seat })),
  };
}

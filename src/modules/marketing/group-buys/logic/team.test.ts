import { describe, expect, it } from 'vitest';
import type { GroupBuyActivity } from './activity.js';
import { summarizeTeam } from './summary.js';
import { applyTeamEvent, expire, join, openTeam, pay, refundedElsewhere, release, withdraw, type Team, type TeamOutcome } from './team.js';

const T0 = Date.parse('2026-11-11T10:00:00.000Z');
const MIN = 60_000;
const activity: GroupBuyActivity = {
  id: 'act-1',
  productId: 'p-teapot',
  variants: [{ variantId: 'v-red', groupPrice: 3_900 }],
  teamSize: 3,
  timeLimitMinutes: 60,
  perCustomerLimit: 1,
  leaderDiscount: 0,
  simulatedFill: { enabled: false, maxSeatsLeft: 1 },
};
const withFill = (maxSeatsLeft: number): GroupBuyActivity => ({ ...activity, simulatedFill: { enabled: true, maxSeatsLeft } });

/** Unwraps an accepted outcome; a refusal here is a broken fixture, so it fails loudly. */
function ok(r: TeamOutcome | ReturnType<typeof openTeam>): Extract<TeamOutcome, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r;
}
const seat = (customerId: string, orderId: string, now: number, joinedTeams = 0) => ({ customerId, orderId, now, joinedTeams });

/** A team of 3 whose leader (alice, o-a) opened at T0 and paid at T0 + 5 min. */
function ledTeam(act = activity): Team {
  const opened = ok(openTeam('t-1', act, seat('alice', 'o-a', T0))).team;
  return ok(pay(opened, 'o-a', T0 + 5 * MIN, act)).team;
}

describe('opening and joining', () => {
  it('opens with the leader holding a seat, and starts the countdown again when the leader pays', () => {
    const opened = ok(openTeam('t-1', activity, seat('alice', 'o-a', T0))).team;
    expect(opened).toMatchObject({ state: 'open', size: 3, leaderCustomerId: 'alice', deadline: '2026-11-11T11:00:00.000Z', houseSeats: 0 });
    expect(opened.members).toEqual([{ customerId: 'alice', orderId: 'o-a', role: 'leader', seat: 'held', joinedAt: '2026-11-11T10:00:00.000Z', paidAt: null }]);
    const paid = ok(pay(opened, 'o-a', '2026-11-11T10:05:00.000Z', activity));
    expect(paid.effects).toEqual([]);
    expect(paid.team.deadline).toBe('2026-11-11T11:05:00.000Z');
    expect(paid.team.members[0]).toMatchObject({ seat: 'paid', paidAt: '2026-11-11T10:05:00.000Z' });
  });

  it('will not open a team for a customer at the limit', () => {
    expect(openTeam('t-1', activity, seat('alice', 'o-a', T0, 1))).toMatchObject({ ok: false, code: 'LIMIT_REACHED', offerNewTeam: false });
  });

  it('lets nobody join before the leader has paid', () => {
    const opened = ok(openTeam('t-1', activity, seat('alice', 'o-a', T0))).team;
    const r = join(opened, seat('bob', 'o-b', T0 + MIN), activity);
    expect(r).toMatchObject({ ok: false, code: 'TEAM_NOT_READY' });
    expect(r.team).toBe(opened);
  });

  it('fills when the last seat is paid, and sends every paid order to fulfilment together', () => {
    let t = ledTeam();
    t = ok(join(t, seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    t = ok(join(t, seat('carol', 'o-c', T0 + 11 * MIN), activity)).team;
    expect(summarizeTeam(t, T0 + 11 * MIN)).toMatchObject({ paid: 1, held: 2, seatsLeft: 0 });
    const b = ok(pay(t, 'o-b', T0 + 12 * MIN, activity));
    expect(b.effects).toEqual([]);
    expect(b.team.state).toBe('open');
    const c = ok(pay(b.team, 'o-c', T0 + 13 * MIN, activity));
    expect(c.team).toMatchObject({ state: 'filled', closedAt: '2026-11-11T10:13:00.000Z', houseSeats: 0 });
    expect(c.effects).toEqual([{ kind: 'fulfil', teamId: 't-1', orderIds: ['o-a', 'o-b', 'o-c'] }]);
  });

  it('holds seats at order placement, so a fourth shopper is refused while two orders are unpaid', () => {
    let t = ledTeam();
    t = ok(join(t, seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    t = ok(join(t, seat('carol', 'o-c', T0 + 10 * MIN), activity)).team;
    const dave = join(t, seat('dave', 'o-d', T0 + 10 * MIN), activity);
    expect(dave).toMatchObject({ ok: false, code: 'TEAM_FULL', offerNewTeam: true });
    expect(!dave.ok && dave.message['zh-CN']).toContain('新团');
    // Carol's order times out unpaid: her seat is free again.
    t = ok(release(t, 'o-c', T0 + 25 * MIN, activity)).team;
    expect(t.members.find((m) => m.orderId === 'o-c')?.seat).toBe('released');
    expect(ok(join(t, seat('dave', 'o-d', T0 + 26 * MIN), activity)).team.members.map((m) => m.orderId)).toEqual(['o-a', 'o-b', 'o-c', 'o-d']);
  });

  it('says why a join is refused', () => {
    const t = ledTeam();
    expect(join(t, seat('alice', 'o-a2', T0 + 6 * MIN), activity)).toMatchObject({ ok: false, code: 'ALREADY_IN_TEAM' });
    expect(join(t, seat('bob', 'o-b', T0 + 6 * MIN, 1), activity)).toMatchObject({ ok: false, code: 'LIMIT_REACHED' });
    expect(join(t, seat('bob', 'o-b', T0 + 65 * MIN), activity)).toMatchObject({ ok: false, code: 'TEAM_EXPIRED', offerNewTeam: true });
    const failed = expire(t, T0 + 65 * MIN, activity).team;
    expect(join(failed, seat('bob', 'o-b', T0 + 66 * MIN), activity)).toMatchObject({ ok: false, code: 'TEAM_CLOSED', offerNewTeam: true });
  });

  it('treats the same join twice as one, and a join for a released order as stale', () => {
    const t = ok(join(ledTeam(), seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    const again = ok(join(t, seat('bob', 'o-b', T0 + 10 * MIN), activity));
    expect(again.team).toBe(t);
    const released = ok(release(t, 'o-b', T0 + 20 * MIN, activity)).team;
    expect(join(released, seat('bob', 'o-b', T0 + 21 * MIN), activity)).toMatchObject({ ok: false, code: 'SEAT_RELEASED' });
    // Bob may come back with a new order.
    expect(join(released, seat('bob', 'o-b2', T0 + 21 * MIN), activity).ok).toBe(true);
  });
});

describe('the deadline', () => {
  it('changes nothing before it', () => {
    const t = ledTeam();
    expect(expire(t, T0 + 64 * MIN, activity).team).toBe(t);
  });

  it('fails an unfilled team at the deadline: paid members refunded, unpaid orders cancelled', () => {
    let t = ledTeam();
    t = ok(join(t, seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    t = ok(pay(t, 'o-b', T0 + 11 * MIN, activity)).team;
    t = ok(join(t, seat('carol', 'o-c', T0 + 60 * MIN), activity)).team;
    const r = expire(t, '2026-11-11T11:05:00.000Z', activity);
    expect(r.team).toMatchObject({ state: 'failed', closedAt: '2026-11-11T11:05:00.000Z', houseSeats: 0 });
    expect(r.team.members.map((m) => m.seat)).toEqual(['refunded', 'refunded', 'released']);
    expect(r.effects).toEqual([
      { kind: 'cancelOrder', teamId: 't-1', orderId: 'o-c', customerId: 'carol' },
      { kind: 'refund', teamId: 't-1', orderId: 'o-a', customerId: 'alice', reason: 'teamFailed' },
      { kind: 'refund', teamId: 't-1', orderId: 'o-b', customerId: 'bob', reason: 'teamFailed' },
    ]);
    expect(expire(r.team, T0 + 90 * MIN, activity)).toEqual({ ok: true, team: r.team, effects: [] });
  });

  it('with 模拟成团 on, lets the house take the seats left when there are few enough', () => {
    let t = ledTeam(withFill(1));
    t = ok(join(t, seat('bob', 'o-b', T0 + 10 * MIN), withFill(1))).team;
    t = ok(pay(t, 'o-b', T0 + 11 * MIN, withFill(1))).team;
    const r = expire(t, T0 + 65 * MIN, withFill(1));
    expect(r.team).toMatchObject({ state: 'filled', houseSeats: 1 });
    expect(r.effects).toEqual([{ kind: 'fulfil', teamId: 't-1', orderIds: ['o-a', 'o-b'] }]);
    expect(summarizeTeam(r.team, T0 + 65 * MIN)).toMatchObject({ paid: 2, houseSeats: 1, seatsLeft: 0, msLeft: 0 });
  });

  it('with 模拟成团 on, still fails a team with more seats left than the setting', () => {
    const r = expire(ledTeam(withFill(1)), T0 + 65 * MIN, withFill(1));
    expect(r.team.state).toBe('failed');
    expect(r.effects).toEqual([{ kind: 'refund', teamId: 't-1', orderId: 'o-a', customerId: 'alice', reason: 'teamFailed' }]);
  });

  it('closes a team whose leader never paid, with nobody to refund', () => {
    const opened = ok(openTeam('t-1', activity, seat('alice', 'o-a', T0))).team;
    const r = ok(release(opened, 'o-a', T0 + 15 * MIN, activity));
    expect(r.team.state).toBe('failed');
    expect(r.effects).toEqual([]);
  });
});

describe('payments that come late', () => {
  it('refunds a payment that arrives after the team expired, once', () => {
    let t = ledTeam();
    t = ok(join(t, seat('bob', 'o-b', T0 + 60 * MIN), activity)).team;
    const expired = expire(t, T0 + 65 * MIN, activity).team;
    const late = ok(pay(expired, 'o-b', T0 + 66 * MIN, activity));
    expect(late.effects).toEqual([{ kind: 'refund', teamId: 't-1', orderId: 'o-b', customerId: 'bob', reason: 'latePayment' }]);
    expect(late.team.members[1]).toMatchObject({ seat: 'refunded', paidAt: '2026-11-11T11:06:00.000Z' });
    expect(pay(late.team, 'o-b', T0 + 67 * MIN, activity)).toEqual({ ok: true, team: late.team, effects: [] });
  });

  it('gives the same answer when the payment lands past the deadline before the expiry ran', () => {
    let t = ledTeam();
    t = ok(join(t, seat('bob', 'o-b', T0 + 60 * MIN), activity)).team;
    const r = ok(pay(t, 'o-b', T0 + 65 * MIN, activity));
    expect(r.team.state).toBe('failed');
    // No cancel for bob's order: it was paid, and the refund covers it.
    expect(r.effects).toEqual([
      { kind: 'refund', teamId: 't-1', orderId: 'o-a', customerId: 'alice', reason: 'teamFailed' },
      { kind: 'refund', teamId: 't-1', orderId: 'o-b', customerId: 'bob', reason: 'latePayment' },
    ]);
  });

  it('refunds a payment for a seat released by an unpaid timeout', () => {
    let t = ok(join(ledTeam(), seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    t = ok(release(t, 'o-b', T0 + 40 * MIN, activity)).team;
    const r = ok(pay(t, 'o-b', T0 + 41 * MIN, activity));
    expect(r.effects).toEqual([{ kind: 'refund', teamId: 't-1', orderId: 'o-b', customerId: 'bob', reason: 'latePayment' }]);
    expect(r.team.state).toBe('open');
  });

  it('does not count a payment twice', () => {
    const t = ledTeam();
    expect(pay(t, 'o-a', T0 + 6 * MIN, activity).team).toBe(t);
    expect(pay(t, 'o-x', T0 + 6 * MIN, activity)).toMatchObject({ ok: false, code: 'UNKNOWN_ORDER' });
  });
});

describe('leaving', () => {
  it('does not release a paid seat on cancel', () => {
    expect(release(ledTeam(), 'o-a', T0 + 6 * MIN, activity)).toMatchObject({ ok: false, code: 'SEAT_PAID' });
  });

  it('refunds a paid member who withdraws before the team fills, and frees the seat', () => {
    let t = ok(join(ledTeam(), seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    expect(withdraw(t, 'o-b', T0 + 11 * MIN, activity)).toMatchObject({ ok: false, code: 'SEAT_NOT_PAID' });
    t = ok(pay(t, 'o-b', T0 + 11 * MIN, activity)).team;
    const r = ok(withdraw(t, 'o-b', T0 + 12 * MIN, activity));
    expect(r.effects).toEqual([{ kind: 'refund', teamId: 't-1', orderId: 'o-b', customerId: 'bob', reason: 'withdrawn' }]);
    expect(summarizeTeam(r.team, T0 + 12 * MIN)).toMatchObject({ paid: 1, held: 0, seatsLeft: 2 });
    expect(withdraw(r.team, 'o-b', T0 + 13 * MIN, activity).team).toBe(r.team);
    expect(withdraw(r.team, 'o-a', T0 + 13 * MIN, activity)).toMatchObject({ ok: false, code: 'LEADER_CANNOT_LEAVE' });
  });

  it('leaves refunds of a filled team to after-sales', () => {
    const act = { ...activity, teamSize: 2 };
    let t = ok(join(ledTeam(act), seat('bob', 'o-b', T0 + 10 * MIN), act)).team;
    t = ok(pay(t, 'o-b', T0 + 11 * MIN, act)).team;
    expect(t.state).toBe('filled');
    expect(withdraw(t, 'o-b', T0 + 12 * MIN, act)).toMatchObject({ ok: false, code: 'TEAM_CLOSED' });
  });
});

describe('money sent back by after-sales', () => {
  it('frees a paid member’s seat with nothing more to refund, and leaves the team open', () => {
    let t = ok(join(ledTeam(), seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    t = ok(pay(t, 'o-b', T0 + 11 * MIN, activity)).team;
    const r = ok(refundedElsewhere(t, 'o-b', T0 + 12 * MIN, activity));
    expect(r.effects).toEqual([]);
    expect(r.team.state).toBe('open');
    expect(summarizeTeam(r.team, T0 + 12 * MIN)).toMatchObject({ paid: 1, held: 0, seatsLeft: 2 });
    expect(refundedElsewhere(r.team, 'o-b', T0 + 13 * MIN, activity).team).toBe(r.team);
    // At the deadline only the leader is refunded: bob's money went back already.
    expect(expire(r.team, T0 + 66 * MIN, activity).effects).toEqual([{ kind: 'refund', teamId: 't-1', orderId: 'o-a', customerId: 'alice', reason: 'teamFailed' }]);
  });

  it('closes the team at once when the leader’s money goes back: unpaid orders cancelled, the others refunded', () => {
    let t = ok(join(ledTeam(withFill(2)), seat('bob', 'o-b', T0 + 10 * MIN), withFill(2))).team;
    t = ok(pay(t, 'o-b', T0 + 11 * MIN, withFill(2))).team;
    t = ok(join(t, seat('carol', 'o-c', T0 + 12 * MIN), withFill(2))).team;
    const r = ok(refundedElsewhere(t, 'o-a', T0 + 13 * MIN, withFill(2)));
    // No 模拟成团 for a team without its leader.
    expect(r.team).toMatchObject({ state: 'failed', houseSeats: 0, closedAt: '2026-11-11T10:13:00.000Z' });
    expect(r.team.members.map((m) => m.seat)).toEqual(['refunded', 'refunded', 'released']);
    expect(r.effects).toEqual([
      { kind: 'cancelOrder', teamId: 't-1', orderId: 'o-c', customerId: 'carol' },
      { kind: 'refund', teamId: 't-1', orderId: 'o-b', customerId: 'bob', reason: 'teamFailed' },
    ]);
  });

  it('changes nothing for a filled or failed team, or an unpaid seat; refuses an order not in the team', () => {
    const act = { ...activity, teamSize: 2 };
    let filled = ok(join(ledTeam(act), seat('bob', 'o-b', T0 + 10 * MIN), act)).team;
    filled = ok(pay(filled, 'o-b', T0 + 11 * MIN, act)).team;
    expect(refundedElsewhere(filled, 'o-b', T0 + 12 * MIN, act).team).toBe(filled);
    const failed = expire(ledTeam(), T0 + 66 * MIN, activity).team;
    expect(refundedElsewhere(failed, 'o-a', T0 + 67 * MIN, activity).team).toBe(failed);
    const held = ok(join(ledTeam(), seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    expect(refundedElsewhere(held, 'o-b', T0 + 12 * MIN, activity).team).toBe(held);
    expect(refundedElsewhere(held, 'o-x', T0 + 12 * MIN, activity)).toMatchObject({ ok: false, code: 'UNKNOWN_ORDER' });
  });

  it('past the deadline, before the expiry ran: the team closes without refunding that order again', () => {
    let t = ok(join(ledTeam(), seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    t = ok(pay(t, 'o-b', T0 + 11 * MIN, activity)).team;
    const r = ok(refundedElsewhere(t, 'o-b', T0 + 70 * MIN, activity));
    expect(r.team.state).toBe('failed');
    expect(r.effects).toEqual([{ kind: 'refund', teamId: 't-1', orderId: 'o-a', customerId: 'alice', reason: 'teamFailed' }]);
  });
});

describe('the summary and the rules of the data', () => {
  it('counts seats and time left, and shows the people in the team', () => {
    const t = ok(join(ledTeam(), seat('bob', 'o-b', T0 + 10 * MIN), activity)).team;
    expect(summarizeTeam(t, T0 + 35 * MIN)).toEqual({
      state: 'open',
      size: 3,
      paid: 1,
      held: 1,
      houseSeats: 0,
      seatsLeft: 1,
      msLeft: 30 * MIN,
      deadline: '2026-11-11T11:05:00.000Z',
      members: [
        { customerId: 'alice', role: 'leader', seat: 'paid' },
        { customerId: 'bob', role: 'member', seat: 'held' },
      ],
    });
    // Past the deadline, before the expiry job: nothing left to take.
    expect(summarizeTeam(t, T0 + 70 * MIN)).toMatchObject({ seatsLeft: 0, msLeft: 0 });
  });

  it('never changes the team it is given', () => {
    const t = ledTeam();
    const frozen = structuredClone(t);
    const r = ok(applyTeamEvent(t, { kind: 'join', customerId: 'bob', orderId: 'o-b', now: T0 + 10 * MIN, joinedTeams: 0 }, activity));
    applyTeamEvent(r.team, { kind: 'expire', now: T0 + 70 * MIN }, activity);
    expect(t).toEqual(frozen);
    expect(r.team.members).toHaveLength(2);
  });

  it("throws when handed another activity's settings, or a time that is not one", () => {
    expect(() => expire(ledTeam(), T0, { ...activity, id: 'act-2' })).toThrow(RangeError);
    expect(() => expire(ledTeam(), 'soon', activity)).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupBuyActivity } from './activity.js';
import { summarizeTeam } from './summary.js';
import { applyTeamEvent, countSeats, expire, openTeam, type Team, type TeamEffect, type TeamEvent } from './team.js';

/**
 * Properties of a team over random sequences of joins, payments, cancels/timeouts, withdrawals,
 * after-sales refunds and expiry runs, with replays and events arriving at random times around the
 * deadline (issue 13): never more seats taken than the size; a filled team is exactly full; every
 * paid order ends fulfilled or refunded (by the team or by after-sales), exactly once; nothing is refunded that was not paid; the same event twice
 * changes nothing; the team handed in is never changed.
 */

const T0 = Date.parse('2026-11-11T10:00:00.000Z');
const MIN = 60_000;
const CUSTOMERS = 4;
const ORDERS = 6;
/** Order k belongs to customer k % CUSTOMERS; order 0 is the leader's (customer 0). */
const customerOf = (k: number) => `c${k % CUSTOMERS}`;

const activityArb: fc.Arbitrary<GroupBuyActivity> = fc
  .record({ teamSize: fc.integer({ min: 2, max: 5 }), perCustomerLimit: fc.integer({ min: 1, max: 3 }), fill: fc.boolean(), maxSeatsLeft: fc.integer({ min: 1, max: 4 }) })
  .map(({ teamSize, perCustomerLimit, fill, maxSeatsLeft }) => ({
    id: 'act',
    productId: 'p',
    variants: [{ variantId: 'v', groupPrice: 100 }],
    teamSize,
    timeLimitMinutes: 60,
    perCustomerLimit,
    leaderDiscount: 0,
    simulatedFill: { enabled: fill, maxSeatsLeft: Math.min(maxSeatsLeft, teamSize - 1) },
  }));

type Step = { kind: 'join' | 'pay' | 'release' | 'withdraw' | 'refundedElsewhere' | 'expire'; order: number; joinedTeams: number; advance: number };
const stepArb: fc.Arbitrary<Step> = fc.record({
  // Payments weigh more so that teams actually fill.
  kind: fc.constantFrom('join', 'join', 'join', 'pay', 'pay', 'pay', 'pay', 'release', 'withdraw', 'refundedElsewhere', 'expire'),
  order: fc.integer({ min: 0, max: ORDERS - 1 }),
  joinedTeams: fc.constantFrom(0, 0, 0, 1, 2),
  // Minutes that pass before the event: mostly little, now and then a jump across the deadline.
  advance: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 19 }, { arbitrary: fc.constant(45), weight: 1 }),
});

function toEvent(step: Step, now: number): TeamEvent {
  const orderId = `o${step.order}`;
  if (step.kind === 'join') return { kind: 'join', customerId: customerOf(step.order), orderId, now, joinedTeams: step.joinedTeams };
  if (step.kind === 'expire') return { kind: 'expire', now };
  return { kind: step.kind, orderId, now };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Ledger {
  paid: Set<string>;
  fulfilled: Map<string, number>;
  refunded: Map<string, number>;
  /** Refunded in full by after-sales while the seat was paid in an open team (the team owes nothing more). */
  refundedOutside: Set<string>;
  cancelled: Set<string>;
  fulfilEffects: number;
}

function book(ledger: Ledger, effects: TeamEffect[]) {
  for (const e of effects) {
    if (e.kind === 'fulfil') {
      ledger.fulfilEffects += 1;
      for (const id of e.orderIds) ledger.fulfilled.set(id, (ledger.fulfilled.get(id) ?? 0) + 1);
    } else if (e.kind === 'refund') {
      // A refund only ever follows a payment that has already arrived.
      expect(ledger.paid.has(e.orderId)).toBe(true);
      expect(e.customerId).toBe(customerOf(Number(e.orderId.slice(1))));
      ledger.refunded.set(e.orderId, (ledger.refunded.get(e.orderId) ?? 0) + 1);
    } else {
      // Never cancel an order whose money has arrived: that would be a second way to refund it.
      expect(ledger.paid.has(e.orderId)).toBe(false);
      ledger.cancelled.add(e.orderId);
    }
  }
}

function checkTeam(team: Team, activity: GroupBuyActivity) {
  const held = countSeats(team, 'held');
  const paid = countSeats(team, 'paid');
  expect(held + paid).toBeLessThanOrEqual(team.size);
  expect(team.size).toBe(activity.teamSize);
  if (team.state === 'filled') {
    expect(held).toBe(0);
    expect(paid + team.houseSeats).toBe(team.size);
    expect(paid).toBeGreaterThan(0);
  } else {
    expect(team.houseSeats).toBe(0);
  }
  if (team.state === 'failed') expect(held + paid).toBe(0);
  if (team.state !== 'open') expect(team.closedAt).not.toBeNull();
  // No one holds two live seats in one team.
  const live = team.members.filter((m) => m.seat === 'held' || m.seat === 'paid').map((m) => m.customerId);
  expect(new Set(live).size).toBe(live.length);
  const summary = summarizeTeam(team, T0);
  expect(summary.seatsLeft).toBeGreaterThanOrEqual(0);
  expect(summary.seatsLeft).toBeLessThanOrEqual(team.size - paid - held);
}

describe('a team over random events', () => {
  it('keeps its seats, its money and its promises', () => {
    fc.assert(
      fc.property(activityArb, fc.constantFrom(true, true, true, false), fc.array(stepArb, { maxLength: 40, size: 'max' }), (activity, leaderPaysFirst, randomSteps) => {
        // Most runs start with the leader paid, so members can join and teams can fill; size 'max'
        // because fast-check's default keeps arrays to about ten events, too few to fill a team.
        const steps: Step[] = leaderPaysFirst ? [{ kind: 'pay', order: 0, joinedTeams: 0, advance: 1 }, ...randomSteps] : randomSteps;
        const opened = openTeam('t', activity, { customerId: customerOf(0), orderId: 'o0', now: T0, joinedTeams: 0 });
        if (!opened.ok) throw new Error('the leader may always open');
        let team = deepFreeze(opened.team);
        const ledger: Ledger = { paid: new Set(), fulfilled: new Map(), refunded: new Map(), refundedOutside: new Set(), cancelled: new Set(), fulfilEffects: 0 };
        let now = T0;
        for (const step of steps) {
          now += step.advance * MIN;
          const event = toEvent(step, now);
          const inTeam = team.members.some((m) => m.orderId === `o${step.order}`);
          if (event.kind === 'pay' && inTeam) ledger.paid.add(event.orderId);
          if (event.kind === 'refundedElsewhere') {
            // After-sales refunds only money that came and has not gone back yet.
            const owed = ledger.paid.has(event.orderId) && !ledger.refunded.has(event.orderId) && !ledger.refundedOutside.has(event.orderId);
            if (!owed) continue;
            const seat = team.members.find((m) => m.orderId === event.orderId)?.seat;
            // Taken back by the team, the money is the team's no more; once its team filled, a refund is after-sales' own business.
            if (team.state === 'open' && seat === 'paid') ledger.refundedOutside.add(event.orderId);
          }
          // deepFreeze: any mutation of the team handed in throws.
          const r = applyTeamEvent(team, event, activity);
          if (!r.ok) {
            expect(r.team).toBe(team);
            expect(r.message['zh-CN'].length).toBeGreaterThan(0);
            expect(r.message.en.length).toBeGreaterThan(0);
            continue;
          }
          book(ledger, r.effects);
          team = deepFreeze(r.team);
          checkTeam(team, activity);
          // The same event again, at the same moment: nothing changes.
          const again = applyTeamEvent(team, event, activity);
          expect(again.team).toBe(team);
          expect(again.ok ? again.effects : []).toEqual([]);
        }
        // Let the deadline pass and the expiry run (twice: a second run changes nothing).
        const end = Math.max(now, Date.parse(team.deadline)) + 1;
        const last = expire(team, end, activity);
        book(ledger, last.effects);
        team = last.team;
        expect(expire(team, end + MIN, activity)).toEqual({ ok: true, team, effects: [] });
        checkTeam(team, activity);
        expect(team.state).not.toBe('open');

        expect(ledger.fulfilEffects).toBeLessThanOrEqual(1);
        for (const orderId of ledger.paid) {
          const f = ledger.fulfilled.get(orderId) ?? 0;
          const rf = ledger.refunded.get(orderId) ?? 0;
          const outside = ledger.refundedOutside.has(orderId) ? 1 : 0;
          expect([orderId, f + rf + outside]).toEqual([orderId, 1]);
        }
        // Fulfilled means exactly the paid seats of a filled team.
        const paidSeats = team.members.filter((m) => m.seat === 'paid').map((m) => m.orderId);
        expect([...ledger.fulfilled.keys()].sort()).toEqual(team.state === 'filled' ? [...paidSeats].sort() : []);
        for (const m of team.members) {
          if (m.seat === 'refunded') expect((ledger.refunded.get(m.orderId) ?? 0) + (ledger.refundedOutside.has(m.orderId) ? 1 : 0)).toBe(1);
          if (m.seat === 'released') expect(ledger.refunded.has(m.orderId)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never seats more than the size when many shoppers join at once', () => {
    fc.assert(
      fc.property(activityArb, fc.integer({ min: 1, max: 50 }), (activity, shoppers) => {
        const opened = openTeam('t', activity, { customerId: 'leader', orderId: 'o-leader', now: T0, joinedTeams: 0 });
        if (!opened.ok) throw new Error('the leader may always open');
        const led = applyTeamEvent(opened.team, { kind: 'pay', orderId: 'o-leader', now: T0 + MIN }, activity);
        let team = led.team;
        const codes: string[] = [];
        for (let i = 0; i < shoppers; i++) {
          const r = applyTeamEvent(team, { kind: 'join', customerId: `s${i}`, orderId: `o${i}`, now: T0 + 2 * MIN, joinedTeams: 0 }, activity);
          if (r.ok) team = r.team;
          else codes.push(r.code);
        }
        const seated = Math.min(shoppers, activity.teamSize - 1);
        expect(countSeats(team, 'held')).toBe(seated);
        expect(codes).toEqual(Array.from({ length: shoppers - seated }, () => 'TEAM_FULL'));
      }),
      { numRuns: 200 },
    );
  });
});

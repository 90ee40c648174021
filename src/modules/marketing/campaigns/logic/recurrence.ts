import { TZDate } from '@date-fns/tz';
import type { CampaignState } from '../constants.js';

/** A span of time, [startsAt, endsAt). */
export interface Span {
  startsAt: Date;
  endsAt: Date;
}

export interface Recurrence {
  /** Day of the month, 1–28 (every month has it). */
  monthDay: number;
  /** How long each occurrence lasts from local midnight; 24 when absent. */
  hours?: number;
}

/**
 * The occurrence of a recurring campaign that is running at `now` or comes next: `monthDay` of a
 * month in the store's zone, from local midnight for `hours` hours, cut to the campaign's window.
 * Null when none is left. Pure: the caller passes the instant and the zone.
 */
export function nextOccurrence(window: Span, r: Recurrence, now: Date, timeZone: string): Span | null {
  const from = new Date(Math.max(now.getTime(), window.startsAt.getTime()));
  const local = new TZDate(from.getTime(), timeZone);
  // The previous month's occurrence may still run (hours past midnight); start one month back.
  let y = local.getFullYear();
  let m = local.getMonth() - 1;
  for (let i = 0; i < 26; i++, m++) {
    const start = new TZDate(y, m, r.monthDay, 0, 0, 0, timeZone);
    const end = new Date(start.getTime() + (r.hours ?? 24) * 3_600_000);
    const s = new Date(Math.max(start.getTime(), window.startsAt.getTime()));
    const e = new Date(Math.min(end.getTime(), window.endsAt.getTime()));
    if (s.getTime() >= window.endsAt.getTime()) return null;
    if (e.getTime() > from.getTime() && e.getTime() > s.getTime()) return { startsAt: s, endsAt: e };
    if (m > 11) {
      y += 1;
      m -= 12;
    }
  }
  return null;
}

/**
 * Upcoming before it starts, live while it runs, ended after. A recurring campaign is live only
 * within an occurrence, upcoming between them, ended when none is left.
 */
export function campaignState(window: Span, r: Recurrence | null, now: Date, timeZone: string): { state: CampaignState; occurrence: Span | null } {
  if (now.getTime() >= window.endsAt.getTime()) return { state: 'ended', occurrence: null };
  if (!r) return { state: now.getTime() < window.startsAt.getTime() ? 'upcoming' : 'live', occurrence: null };
  const next = nextOccurrence(window, r, now, timeZone);
  if (!next) return { state: 'ended', occurrence: null };
  return { state: now.getTime() >= next.startsAt.getTime() ? 'live' : 'upcoming', occurrence: next };
}

/** When the countdown counts to: the start while upcoming, the end while live; null once ended. */
export function countdownTarget(window: Span, occurrence: Span | null, state: CampaignState): Date | null {
  const span = occurrence ?? window;
  if (state === 'upcoming') return span.startsAt;
  if (state === 'live') return span.endsAt;
  return null;
}

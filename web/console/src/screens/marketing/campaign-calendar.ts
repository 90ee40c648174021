/**
 * Which campaign shows on which day of the console's calendar. Days are the store's calendar days
 * (its time zone, as the reports and "today" use), written YYYY-MM-DD; a campaign is on every day
 * its window touches, except a recurring one (会员日), which is on the `monthDay` of each month inside
 * its window only. Pure: no clock, no React.
 */
export interface CalendarCampaign {
  id: string;
  startsAt: string;
  endsAt: string;
  recurrence: { monthDay: number; hours?: number } | null;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The store-local calendar day of an instant (the browser's zone when the store's is not known yet). */
export function localDay(at: string | number | Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Calendar arithmetic on YYYY-MM-DD (no time zone involved: a day is a day). */
export function addDays(day: string, n: number): string {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day: ${day}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + n));
  return d.toISOString().slice(0, 10);
}

/** The days of [from, to] (both YYYY-MM-DD, inclusive) on which the campaign shows. */
export function campaignDays(c: CalendarCampaign, from: string, to: string, timeZone?: string): string[] {
  const first = localDay(c.startsAt, timeZone);
  // endsAt is exclusive: a campaign ending at midnight is not on the day that starts then.
  const last = localDay(Date.parse(c.endsAt) - 1, timeZone);
  const start = first > from ? first : from;
  const end = last < to ? last : to;
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) {
    if (c.recurrence && Number(d.slice(8, 10)) !== c.recurrence.monthDay) continue;
    out.push(d);
  }
  return out;
}

/** Day → the campaigns on it, in the order given (the caller sorts), for the days of [from, to]. */
export function campaignsByDay<T extends CalendarCampaign>(campaigns: readonly T[], from: string, to: string, timeZone?: string): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const c of campaigns) {
    for (const d of campaignDays(c, from, to, timeZone)) {
      const list = byDay.get(d);
      if (list) list.push(c);
      else byDay.set(d, [c]);
    }
  }
  return byDay;
}

/**
 * The days a month view of `month` (YYYY-MM) can show — the month and up to two weeks around it,
 * whichever day the week starts on — and the instants to ask the API for (a day wider on each side,
 * so any store time zone is covered).
 */
export function monthSpan(month: string): { from: string; to: string; fromInstant: string; toInstant: string } {
  const first = `${month}-01`;
  const nextMonth = addDays(`${month}-28`, 7).slice(0, 7);
  const lastOfMonth = addDays(`${nextMonth}-01`, -1);
  const from = addDays(first, -7);
  const to = addDays(lastOfMonth, 14);
  return { from, to, fromInstant: `${addDays(from, -1)}T00:00:00Z`, toInstant: `${addDays(to, 2)}T00:00:00Z` };
}

import { addDays } from './campaign-calendar';

export interface DayFigures {
  day: string;
  orders: number;
  gmv: number;
}

/**
 * The by-day series as a chart needs it: every day from the earlier of the window's first day and the
 * first order's, to the later of the last order's and the window's last day (but not past today),
 * days without orders at zero — so a quiet day shows as a dip, not as a missing point. At most
 * `maxDays` days (the latest ones) are kept.
 */
export function dailySeries(byDay: readonly DayFigures[], window: { first: string; last: string }, today: string, maxDays = 180): DayFigures[] {
  const known = new Map(byDay.map((d) => [d.day, d]));
  const days = byDay.map((d) => d.day).sort();
  const lastWindowDay = window.last < today ? window.last : today;
  const from = [window.first, days[0]].filter(Boolean).sort()[0]!;
  const to = [lastWindowDay, days.at(-1)].filter(Boolean).sort().at(-1)!;
  if (to < from) return [];
  const out: DayFigures[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(known.get(d) ?? { day: d, orders: 0, gmv: 0 });
  return out.slice(-maxDays);
}

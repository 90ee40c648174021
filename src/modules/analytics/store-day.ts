import { TZDate } from '@date-fns/tz';

/**
 * The store's calendar days. A store day is a calendar date in STORE_TIMEZONE and the instants
 * [start, end) it spans — 24 hours, or 23/25 on a daylight-saving change. No I/O, no clock:
 * callers pass the instant.
 */
export interface StoreDay {
  /** 'YYYY-MM-DD' in the store's zone. */
  date: string;
  start: Date;
  end: Date;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The store day containing `at`, moved by `offsetDays` calendar days (−1: the day before). */
export function storeDayOf(at: Date, timeZone: string, offsetDays = 0): StoreDay {
  const local = new TZDate(at.getTime(), timeZone);
  const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate() + offsetDays];
  // Midnight that does not exist (a DST change at 00:00) resolves to the first instant of the day.
  const start = new TZDate(y, m, d, timeZone);
  const end = new TZDate(y, m, d + 1, timeZone);
  return {
    date: `${pad(start.getFullYear(), 4)}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`,
    start: new Date(start.getTime()),
    end: new Date(end.getTime()),
  };
}

/**
 * The same store-local wall-clock time as `at`, `days` calendar days earlier, kept inside that
 * day ("yesterday at this hour"). Wall-clock, not `at − 24 h`, so a DST change in between does
 * not shift the comparison by an hour.
 */
export function sameTimeDaysBefore(at: Date, timeZone: string, days: number): Date {
  const l = new TZDate(at.getTime(), timeZone);
  const wall = new TZDate(
    l.getFullYear(), l.getMonth(), l.getDate() - days,
    l.getHours(), l.getMinutes(), l.getSeconds(), l.getMilliseconds(),
    timeZone,
  );
  const day = storeDayOf(at, timeZone, -days);
  const t = Math.min(Math.max(wall.getTime(), day.start.getTime()), day.end.getTime() - 1);
  return new Date(t);
}

/** The last `days` store days up to and including the one containing `at`, oldest first. */
export function lastStoreDays(at: Date, timeZone: string, days: number): StoreDay[] {
  return Array.from({ length: days }, (_, i) => storeDayOf(at, timeZone, i - (days - 1)));
}

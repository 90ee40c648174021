import { formatMoney } from '../../../shared/money';
import type { Locale } from '../i18n';

export const money = (fen: number, locale: Locale) => formatMoney(fen, locale);

/** The zone used when a page has not read the store's (the default of STORE_TIMEZONE). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Dates in the store's time zone, so a shopper abroad and the warehouse read the same day, and in
 * the page's language: 2026年12月2日 in Chinese, "2 Dec 2026" in English — written out, never
 * 02/12/2026, which an American reads as February.
 */
export function date(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(locale, timeZone, false).format(new Date(iso));
}

/** A date and a 24-hour time: 2026年12月2日 14:05 / 2 Dec 2026, 14:05. */
export function dateTime(iso: string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter(locale, timeZone, true).format(new Date(iso));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const id = `${locale}|${timeZone}|${withTime}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone,
      year: 'numeric',
      month: locale === 'en' ? 'short' : 'long',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(id, f);
  }
  return f;
}

/** Seconds → "mm:ss" (or "h:mm:ss"). */
export function countdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** A calendar day ("12月5日（周六）" / "Sat, Dec 5"), as computed in the store's time zone already. */
export function calendarDay(d: { year: number; month: number; day: number }, locale: Locale): string {
  const at = new Date(Date.UTC(d.year, d.month - 1, d.day));
  if (locale === 'en') return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(at);
  const weekday = new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', weekday: 'short' }).format(at);
  return `${d.month}月${d.day}日（${weekday}）`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** The 24-hour time of day in the store's zone: "14:00" in either language. */
export function timeOfDay(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  let f = clocks.get(timeZone);
  if (!f) clocks.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(new Date(iso));
}

const days = new Map<string, Intl.DateTimeFormat>();
/** Whole calendar days from `now` to `iso` in the store's zone: 0 today, 1 tomorrow, −1 yesterday. */
export function daysFrom(now: Date, iso: string, timeZone = DEFAULT_TIME_ZONE): number {
  let f = days.get(timeZone);
  if (!f) days.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const dayNumber = (d: Date) => Date.parse(`${f.format(d)}T00:00:00Z`) / 86_400_000;
  return Math.round(dayNumber(new Date(iso)) - dayNumber(now));
}

/** Seconds → "hh:mm:ss", always with hours (a flash sale's countdown keeps one width as it runs). */
export function clockCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

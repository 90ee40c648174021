import { formatMoney } from '../../../shared/money';
import type { Locale } from '../i18n';

export const money = (fen: number, locale: Locale) => formatMoney(fen, locale);

/** Dates in the store's time zone, so a shopper abroad and the warehouse read the same day. */
export function dateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
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

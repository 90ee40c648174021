/**
 * The day a parcel is expected, as a product page says it ("预计 12月5日 送达"): the store's
 * calendar day of `now` plus the method's delivery days. Days are calendar days in the store's time
 * zone — a shopper in Shanghai at 00:30 is already "tomorrow" compared with UTC.
 */
export interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number;
}

const MS_PER_DAY = 86_400_000;

function localParts(now: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

export function estimatedDelivery(now: Date, deliveryDays: number, timeZone: string): CalendarDay {
  const { year, month, day } = localParts(now, timeZone);
  const at = new Date(Date.UTC(year, month - 1, day) + Math.max(0, Math.floor(deliveryDays)) * MS_PER_DAY);
  return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
}

/** Milliseconds until the store's next calendar day: how long a page showing an estimate stays right. */
export function msUntilNextDay(now: Date, timeZone: string): number {
  const { hour, minute, second } = localParts(now, timeZone);
  const elapsed = ((hour * 60 + minute) * 60 + second) * 1000 + now.getUTCMilliseconds();
  return Math.max(1000, MS_PER_DAY - elapsed);
}

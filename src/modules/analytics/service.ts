import type { Kernel } from '../../platform/kernel.js';
import { DEFAULT_CURRENCY } from '../../platform/money.js';
import type { OrderService } from '../orders/index.js';
import type { CustomersService } from '../customers/index.js';
import { averageOrderValue, relativeChange } from './logic/change.js';
import { lastStoreDays, sameTimeDaysBefore, storeDayOf } from './store-day.js';

/** One window's figures. Definitions: docs/metrics.md. */
export interface PeriodFigures {
  date: string;
  from: string;
  to: string;
  gmv: number;
  paidOrders: number;
  aov: number | null;
  newCustomers: number;
  refunds: { amount: number; count: number };
}

type Compared = 'gmv' | 'paidOrders' | 'aov' | 'newCustomers';
export type Changes = Record<Compared, number | null>;

export interface TodayNumbers {
  timezone: string;
  currency: string;
  asOf: string;
  today: PeriodFigures;
  yesterday: PeriodFigures;
  yesterdaySoFar: PeriodFigures;
  change: { vsYesterdaySoFar: Changes; vsYesterday: Changes };
}

export const MAX_SERIES_DAYS = 90;

/**
 * Today's numbers for the dashboard, read through the orders and customers services. Store days
 * are calendar days in the store's time zone (k.timezone, default STORE_TIMEZONE); "today" is the one containing the clock's now.
 */
export class AnalyticsService {
  constructor(
    private readonly k: Kernel,
    private readonly orders: OrderService,
    private readonly customers: CustomersService,
    private readonly currency = DEFAULT_CURRENCY,
  ) {}

  private get tz() {
    return this.k.timezone.get();
  }

  async today(): Promise<TodayNumbers> {
    const now = this.k.clock.now();
    const today = storeDayOf(now, this.tz);
    const yesterday = storeDayOf(now, this.tz, -1);
    // Up to and including the same wall-clock instant yesterday, as today includes "now".
    const sameTime = new Date(sameTimeDaysBefore(now, this.tz, 1).getTime() + 1);
    const figures = {
      today: await this.figures(today.date, today.start, today.end),
      yesterday: await this.figures(yesterday.date, yesterday.start, yesterday.end),
      yesterdaySoFar: await this.figures(yesterday.date, yesterday.start, sameTime),
    };
    return {
      timezone: this.tz,
      currency: this.currency,
      asOf: now.toISOString(),
      ...figures,
      change: {
        vsYesterdaySoFar: changes(figures.today, figures.yesterdaySoFar),
        vsYesterday: changes(figures.today, figures.yesterday),
      },
    };
  }

  /** GMV and paid orders per store day for the last `days` days (today included), oldest first. */
  async gmvSeries(days: number) {
    const list = lastStoreDays(this.k.clock.now(), this.tz, Math.min(Math.max(days, 1), MAX_SERIES_DAYS));
    const byDay = await this.orders.paidTotalsByDay(list[0].start, list[list.length - 1].end, this.tz, this.currency);
    return {
      timezone: this.tz,
      currency: this.currency,
      days: list.map((d) => {
        const t = byDay.get(d.date) ?? { gmv: 0, paidOrders: 0 };
        return { date: d.date, gmv: t.gmv, paidOrders: t.paidOrders, aov: averageOrderValue(t.gmv, t.paidOrders) };
      }),
    };
  }

  private async figures(date: string, from: Date, to: Date): Promise<PeriodFigures> {
    const paid = await this.orders.paidTotals(from, to, this.currency);
    const refunds = await this.orders.refundTotals(from, to, this.currency);
    const newCustomers = await this.customers.countNewCustomers(from, to);
    return {
      date,
      from: from.toISOString(),
      to: to.toISOString(),
      gmv: paid.gmv,
      paidOrders: paid.paidOrders,
      aov: averageOrderValue(paid.gmv, paid.paidOrders),
      newCustomers,
      refunds,
    };
  }
}

function changes(current: PeriodFigures, base: PeriodFigures): Changes {
  const keys: Compared[] = ['gmv', 'paidOrders', 'aov', 'newCustomers'];
  return Object.fromEntries(keys.map((key) => [key, relativeChange(current[key], base[key])])) as Changes;
}

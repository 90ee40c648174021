import { z } from 'zod';

// The dashboard's figures over HTTP. Zod only, so the console can infer its types from these.

const money = z.number().int().describe('Minor units (fen) of `currency`');
const ratio = z.number().nullable().describe('Relative change, 0.25 = +25 %; null when the comparison value is 0');

const period = z.object({
  date: z.string().describe('Store-local calendar date, YYYY-MM-DD'),
  from: z.string().describe('Start of the window (inclusive)'),
  to: z.string().describe('End of the window (exclusive)'),
  gmv: money.describe('Sum of totals of orders paid in the window, later refunds included'),
  paidOrders: z.number().int(),
  aov: money.nullable().describe('GMV / paid orders, rounded; null without paid orders'),
  newCustomers: z.number().int().describe('Accounts registered in the window'),
  refunds: z.object({ amount: money, count: z.number().int() }).describe('Refunds recorded in the window, whenever the order was paid'),
});
const changes = z.object({ gmv: ratio, paidOrders: ratio, aov: ratio, newCustomers: ratio });

/** Today against yesterday: the dashboard's headline figures. */
export const todayView = z.object({
  timezone: z.string(),
  currency: z.string(),
  asOf: z.string(),
  today: period,
  yesterday: period.describe('The whole previous store day'),
  yesterdaySoFar: period.describe('The previous store day up to the same time of day as now'),
  change: z.object({ vsYesterdaySoFar: changes, vsYesterday: changes }),
});

/** GMV and paid orders per store day, oldest first. */
export const seriesView = z.object({
  timezone: z.string(),
  currency: z.string(),
  days: z.array(z.object({ date: z.string(), gmv: money, paidOrders: z.number().int(), aov: money.nullable() })),
});

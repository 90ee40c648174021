import { CronExpressionParser } from 'cron-parser';

/** When a recurring job runs: a cron expression (5 fields, or 6 with seconds first) or an interval in ms. */
export type Every = string | number;

export interface Schedule {
  /** Stable text of the schedule: stored with the job's row, so a changed schedule is noticed. */
  readonly text: string;
  /** The first tick strictly after `after`. */
  next(after: Date): Date;
  /** How BullMQ's job scheduler should repeat it. */
  readonly repeat: { pattern: string; tz: string } | { every: number };
}

/** Shortest interval accepted: shorter would be a busy loop, not a schedule. */
export const MIN_INTERVAL_MS = 1000;

/**
 * Parses a schedule. Intervals tick on multiples of the interval since the epoch, so every process
 * computes the same ticks; cron expressions are read in `timezone` (the store's, by default), so
 * "0 3 * * *" means 03:00 where the shop is. Throws on an invalid expression.
 */
export function parseSchedule(every: Every, timezone: string): Schedule {
  if (typeof every === 'number') {
    if (!Number.isInteger(every) || every < MIN_INTERVAL_MS) {
      throw new Error(`a recurring interval must be a whole number of milliseconds ≥ ${MIN_INTERVAL_MS}, got ${every}`);
    }
    return {
      text: `every ${every} ms`,
      next: (after) => new Date((Math.floor(after.getTime() / every) + 1) * every),
      repeat: { every },
    };
  }
  const pattern = every.trim();
  // Parse once now, so a bad expression fails at registration rather than at the first tick.
  CronExpressionParser.parse(pattern, { tz: timezone, strict: false });
  return {
    text: `${pattern} (${timezone})`,
    next: (after) => CronExpressionParser.parse(pattern, { currentDate: after, tz: timezone }).next().toDate(),
    repeat: { pattern, tz: timezone },
  };
}

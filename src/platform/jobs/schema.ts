import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Delayed jobs (unpaid-order timeout, auto-confirm receipt). The row is written in the business
 * transaction, so a job exists exactly when the change that needs it committed, and survives restarts.
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Dedupe key: scheduling the same key twice keeps the first. */
    key: text('key').notNull().unique(),
    payload: jsonb('payload').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'done', 'dead'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('scheduled_jobs_due').on(t.status, t.runAt)],
);

/**
 * One row per recurring job (see recurring.ts): when it is next due, and how its last run went.
 * Claiming a tick is one conditional update of this row, so one process runs each tick.
 */
export const recurringJobs = pgTable('recurring_jobs', {
  name: text('name').primaryKey(),
  /** The schedule the row's next_run_at was computed from; a changed schedule recomputes it. */
  every: text('every').notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  /** Set while a run is in progress; a run whose process died is taken over after it. */
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
  failures: integer('failures').notNull().default(0),
});

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

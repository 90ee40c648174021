import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Domain events written in the same transaction as the change that caused them. */
export const outboxEvents = pgTable('outbox_events', {
  id: uuid('id').primaryKey(),
  type: text('type').notNull(),
  payload: jsonb('payload').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
});

/**
 * One row per (event, consumer): the consumer's own record of what it has handled. It is updated
 * in the consumer's transaction, so the consumer's effect and "handled" commit together — once.
 */
export const outboxDeliveries = pgTable(
  'outbox_deliveries',
  {
    eventId: uuid('event_id').notNull(),
    consumer: text('consumer').notNull(),
    status: text('status', { enum: ['pending', 'done', 'dead'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.consumer] }), index('outbox_deliveries_due').on(t.status, t.nextAttemptAt)],
);

/** Consumers the store has started with: the first start of a new one applies its `from` (docs/events.md). */
export const outboxConsumers = pgTable('outbox_consumers', {
  name: text('name').primaryKey(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
});

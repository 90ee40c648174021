import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Idempotency-Key records of every operation that takes one (order placement, stock adjustments):
 * per operation (`scope`) and per caller (`owner`: the shopper or the staff member), kept 24 h.
 * Claimed in the same transaction as the write, so a concurrent duplicate waits on the key and then
 * finds the first request's result; a rolled-back write leaves no key behind.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    owner: text('owner').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the canonical request: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    /** What a replay answers with (or what it needs to build the answer); null until the write is done. */
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.owner, t.key] }), index('idempotency_keys_created').on(t.createdAt)],
);

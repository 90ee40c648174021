import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Store-wide settings and generated secrets shared by every process. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

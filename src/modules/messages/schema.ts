import { LOCALES } from '../../platform/i18n.js';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;

/**
 * Outgoing email and SMS, written in the business transaction that caused them. In the sandbox
 * this table is the mailbox (tests and the console read it); a delivery adapter can later send
 * rows from the `messages.queued` event without the senders changing.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    channel: text('channel', { enum: MESSAGE_CHANNELS }).notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('messages_to_created').on(t.to, t.createdAt)],
);
